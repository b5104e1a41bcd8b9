// Which cell each issue marks — the one answer to "why is this cell red?", for the task pane's marks and
// the --out copy alike. Pure: a check result in, marks out; nothing here knows Excel or files.
//
// - A record's issue marks the cell of its field in the record's own table — the year's is the date cell when
//   the year is read from the date (no year column), the hours' the days cell likewise — or the row's first
//   cell of the table when the field has no column (a row-level problem).
// - Gaps of the rules (RULE_UNDEFINED, MODE_NOT_COVERED) are not data problems: no cell.
// - A teacher's TEACHER_ID_UNUSABLE marks the ID cells of that teacher's rows whose ID is unusable;
//   NAME_MISMATCH marks the teacher's name cells. Other teacher issues and roster issues mark no cell.
// - Infos mark nothing. One mark per cell: the worst severity, the messages joined.
import type { CheckResult, RecordResult } from '../engine/engine';
import type { Field } from '../core/fields';
import { say, type Lang } from '../core/text';
import { RULE_GAPS, type Issue } from '../core/types';

export interface CellMark {
  /** index of the record's table in CheckResult.tables */
  table: number;
  /** 1-based sheet row and column */
  row: number;
  col: number;
  severity: 'error' | 'warning';
  message: string;
}

export interface MarkOptions {
  lang: Lang;
  /** 1-based sheet column of each table's first column (the pane's used range may start at C); 1 when absent */
  firstCol?: number | ((table: number) => number);
}

const SEP = { zh: '；', en: '; ' } as const;

/** The cell a field is read from when it has no column of its own. */
const FALLBACK: ReadonlyMap<string, Field> = new Map([
  ['year', 'date'],
  ['hours', 'days'],
]);

/** The 0-based column of a field in a record's table, or of the column it is read from (date for year …). */
function columnOf(result: CheckResult, table: number, field: string): number | undefined {
  const cols = result.tables[table]?.columns.columns;
  if (!cols) return undefined;
  const own = Object.prototype.hasOwnProperty.call(cols, field) ? cols[field as Field] : undefined;
  const alt = FALLBACK.get(field);
  return own ?? (alt !== undefined ? cols[alt] : undefined);
}

/**
 * The cell a record issue points at (1-based): its field's column in the record's table, or the row's first
 * cell when the field has none — the cell the mark is on, and the one the pane selects.
 */
export function issueCell(
  result: CheckResult,
  table: number,
  row: number,
  field: string,
  firstCol = 1,
): { row: number; col: number } {
  return { row, col: firstCol + (columnOf(result, table, field) ?? 0) };
}

export function marksOf(result: CheckResult, o: MarkOptions): CellMark[] {
  const first = (table: number) => (typeof o.firstCol === 'function' ? o.firstCol(table) : (o.firstCol ?? 1));
  const byCell = new Map<string, CellMark>();
  const put = (table: number, row: number, col: number, i: Issue) => {
    if (i.severity === 'info') return;
    const key = `${table}:${row}:${col}`;
    const message = say(i.message, o.lang);
    const m = byCell.get(key);
    if (!m) byCell.set(key, { table, row, col, severity: i.severity, message });
    else {
      if (i.severity === 'error') m.severity = 'error';
      // the same message twice on one cell (two issues of one kind) is said once
      if (!m.message.split(SEP[o.lang]).includes(message)) m.message += SEP[o.lang] + message;
    }
  };
  for (const r of result.records) {
    for (const i of r.issues) {
      if (RULE_GAPS.has(i.code)) continue;
      const cell = issueCell(result, r.table, r.row, i.field, first(r.table));
      put(r.table, cell.row, cell.col, i);
    }
  }
  if (
    result.teachers.some((tj) => tj.issues.some((i) => i.code === 'TEACHER_ID_UNUSABLE' || i.code === 'NAME_MISMATCH'))
  ) {
    const rowsOf = new Map<string, RecordResult[]>();
    for (const r of result.records) {
      if (r.teacherKey === null) continue;
      (rowsOf.get(r.teacherKey) ?? rowsOf.set(r.teacherKey, []).get(r.teacherKey)!).push(r);
    }
    for (const tj of result.teachers) {
      for (const i of tj.issues) {
        const field = i.code === 'TEACHER_ID_UNUSABLE' ? 'teacherId' : i.code === 'NAME_MISMATCH' ? 'name' : null;
        if (field === null) continue;
        for (const r of rowsOf.get(tj.key) ?? []) {
          if (field === 'teacherId' && !r.record.idProblem) continue;
          if (field === 'name' && !r.record.name) continue;
          const col = columnOf(result, r.table, field);
          if (col !== undefined) put(r.table, r.row, first(r.table) + col, i);
        }
      }
    }
  }
  return [...byCell.values()];
}

/**
 * Marks moved onto the cell that shows them: a cell inside a merged area is drawn by the area's top-left
 * cell, so its mark goes there (and merges with any mark already on it).
 */
export function anchorMarks(
  marks: readonly CellMark[],
  anchor: (m: CellMark) => { row: number; col: number },
  lang: Lang,
): CellMark[] {
  const byCell = new Map<string, CellMark>();
  for (const m of marks) {
    const { row, col } = anchor(m);
    const key = `${m.table}:${row}:${col}`;
    const prev = byCell.get(key);
    if (!prev) byCell.set(key, { ...m, row, col });
    else {
      if (m.severity === 'error') prev.severity = 'error';
      for (const part of m.message.split(SEP[lang]))
        if (!prev.message.split(SEP[lang]).includes(part)) prev.message += SEP[lang] + part;
    }
  }
  return [...byCell.values()];
}
