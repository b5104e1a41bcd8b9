// Where a run's time goes: its phases as marks on Node's performance timeline (perf_hooks). Nothing is printed
// or written — a mark costs a microsecond and is read only by what looks for it: `npm run bench` preloads a
// script into the process it measures that reads them on exit (src/bench/cli.ts), and prints the phases.
import { performance } from 'perf_hooks';

/**
 * The phases of `check`, in the order they end: the command begins (the process and the modules loaded), the
 * files are read, the engine has checked them, the copies are written, the report is printed.
 */
export const PHASES = ['start', 'read', 'checked', 'copies', 'report'] as const;
export type Phase = (typeof PHASES)[number];

/** A phase has ended now: its mark is named `cpd:<phase>`, so that a reader finds ours among any others. */
export function mark(p: Phase): void {
  performance.mark(`cpd:${p}`);
}
