// The task pane's state, shared with the ribbon command in the same runtime: the
// last validation's result survives the pane being closed and reopened.
import type { CheckResult } from '../engine/engine';
import type { Report } from '../engine/report';
import type { SheetData, Phase } from './port';

export interface LastValidation {
  sheet: SheetData;
  result: CheckResult;
  report: Report;
  marks: number;
  timings: Record<Phase, number>;
  at: Date;
}

export interface PaneState {
  busy: null | { phase: Phase; done: number; total: number };
  last: LastValidation | null;
  error: string | null;
  notice: string | null;
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
