// What the pane's views share: the report in the reader's language (rendered from the engine's result
// when shown, kept per language), and the way from an issue of that report back to the engine's issue,
// its record and its cell.
import { toReport, type Report } from '../engine/report';
import type { CheckResult } from '../engine/engine';
import type { Issue } from '../core/types';
import type { Lang } from '../core/text';
import type { IssueItem } from '../present/issues';
import { columnLetters } from '../present/tables';
import { paneIssueCell } from './controller';
import type { LastValidation } from './store';

const reports = new WeakMap<CheckResult, Partial<Record<Lang, Report>>>();

/** The last validation's report in `lang`: the run's own report in its language, else rendered once. */
export function reportIn(last: LastValidation, lang: Lang): Report {
  let byLang = reports.get(last.result);
  if (!byLang) reports.set(last.result, (byLang = { [last.report.lang]: last.report }));
  return (byLang[lang] ??= toReport(last.result, lang));
}

/** The engine's own issue behind a report's issue item (same order: toReport maps them one to one). */
export function engineIssue(result: CheckResult, i: Pick<IssueItem, 'key' | 'scope'>): Issue | undefined {
  const [a, b] = i.key.slice(1).split('.').map(Number) as [number, number | undefined];
  if (i.scope === 'record') return result.records[a]?.issues[b!];
  if (i.scope === 'teacher') return result.teachers[a]?.issues[b!];
  return result.issues[a];
}

export interface Cell {
  sheet: string;
  row: number;
  col: number;
  /** "海南样例!C5" */
  address: string;
}

export const a1 = (sheet: string, row: number, col: number): string => `${sheet}!${columnLetters(col)}${row}`;

/** The cell an issue points at: its record's cell; a teacher's issue, the teacher's first row; else none. */
export function cellOf(last: LastValidation, report: Report, i: IssueItem): Cell | undefined {
  let row = i.row;
  if (row === undefined && i.scope === 'teacher') row = report.teachers.find((t) => t.id === i.teacherId)?.rows[0];
  if (row === undefined) return undefined;
  const sheet = i.sheet ?? last.sheet.sheetName;
  const { col } = paneIssueCell(last.result, last.sheet, row, i.field);
  return { sheet, row, col, address: a1(sheet, row, col) };
}

/** The value the validation read from a cell (what a one-click fix expects to find there). */
export function readValue(last: LastValidation, row: number, col: number): unknown {
  return last.sheet.rows[row - last.sheet.firstRow]?.[col - last.sheet.firstCol] ?? '';
}
