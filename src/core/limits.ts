// The one budget the pure layers enforce themselves: how long a cell's text may be for it to be parsed.
// Every other budget is the file layer's (src/files/budgets.ts, which re-exports this one so that the whole
// list lives in one place). It sits here because the engine, the custom functions and the task pane parse
// cells that never went through the file layer.

/**
 * The longest cell text that is parsed (a number, a year, a vocabulary value, an ID, a name …): Excel's own
 * limit on one cell, so no cell Excel wrote is ever refused. A longer text (a CSV can hold anything) is an
 * error on that cell (CELL_TOO_LONG) and is never scanned.
 */
export const CELL_TEXT_MAX = 32_767;

/** The start of a text too long to show whole: the first characters and how long it was. */
export function textPreview(s: string, keep = 40): string {
  return s.length <= keep ? s : `${s.slice(0, keep)}…（${s.length}）`;
}
