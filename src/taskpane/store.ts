// The task pane's state, shared with the ribbon command in the same runtime: the
// last validation's result survives the pane being closed and reopened. Words are kept
// in both languages (Text) and the report is rendered from the engine's result in the
// reader's language when shown, so a language switch re-renders everything.
import type { Text } from '../core/text';
import type { SheetData, Phase } from './port';
import type { Checked } from './view';

/** A validation of the active sheet: what the views show, and the sheet read, its marks and timings. */
export interface LastValidation extends Checked {
  sheet: SheetData;
  marks: number;
  timings: Record<Phase, number>;
}

export interface PaneState {
  busy: null | { phase: Phase; done: number; total: number };
  last: LastValidation | null;
  error: Text | null;
  notice: Text | null;
  /** the tab to show, e.g. after the ribbon's one-click validation */
  tab: 'settings' | 'issues' | 'teachers';
}

type Listener = () => void;
let state: PaneState = { busy: null, last: null, error: null, notice: null, tab: 'settings' };
const listeners = new Set<Listener>();

export const store = {
  get: (): PaneState => state,
  set(patch: Partial<PaneState>): void {
    state = { ...state, ...patch };
    for (const l of listeners) l();
  },
  subscribe(l: Listener): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};
