// What the views share, in the pane and on the web page alike: a check's result and report (the report in
// the reader's language, rendered from the engine's result when shown and kept per language), where each of
// its tables was read, and the way from an issue of that report back to the engine's issue, its record and
// its cell.
import { toReport, type Report } from '../engine/report';
import type { CheckResult } from '../engine/engine';
import type { Issue } from '../core/types';
import type { Lang, Text } from '../core/text';
import { recordIndex, type IssueItem } from '../present/issues';
import { issueCell } from '../present/marks';
import { columnLetters } from '../present/tables';

/** Where one table of a check was read: its sheet (and file), and the sheet column of its first column. */
export interface Place {
  /** the sheet's name; '' for a CSV, which has none */
  sheet: string;
  /** the file, on the web page (the pane checks the open workbook) */
  file?: string;
  /** 1-based sheet column of the table's column A (the pane's used range may start at C) */
  firstCol: number;
}

/** A check as the views show it: the pane's validation of a sheet, or the web page's check of files. */
export interface Checked {
  /** the engine's result: the views render it in the current language */
  result: CheckResult;
  /** the report in the language of the run (reused while that language is shown) */
  report: Report;
  /** one per table of the result */
  places: Place[];
  at: Date;
}

const reports = new WeakMap<CheckResult, Partial<Record<Lang, Report>>>();

/** The check's report in `lang`: the run's own report in its language, else rendered once. */
export function reportIn(last: Checked, lang: Lang): Report {
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
  file?: string;
  row: number;
  col: number;
  /** "海南样例!C5" in the open workbook; "a.xlsx「培训登记」C5" among files (the CLI's way) */
  address: string;
}

export const a1 = (sheet: string, row: number, col: number): string => `${sheet}!${columnLetters(col)}${row}`;

/** A cell as the reader finds it: sheet!A1 in the open workbook; file「sheet」A1 (or file A1, a CSV) in files. */
export function cellAddress(c: Omit<Cell, 'address'>): string {
  if (c.file === undefined) return a1(c.sheet, c.row, c.col);
  return `${c.file}${c.sheet ? `「${c.sheet}」` : ' '}${columnLetters(c.col)}${c.row}`;
}

/**
 * The cell an issue points at: its record's cell; a teacher's issue, the cell of the teacher's first
 * record; a roster's issue, none.
 */
export function cellOf(last: Checked, i: IssueItem): Cell | undefined {
  let rec = recordIndex(i);
  if (rec === undefined && i.scope === 'teacher') {
    const key = last.result.teachers[Number(i.key.slice(1).split('.')[0])]?.key;
    const at = key === undefined ? -1 : last.result.records.findIndex((r) => r.teacherKey === key);
    if (at >= 0) rec = at;
  }
  const r = rec === undefined ? undefined : last.result.records[rec];
  if (!r) return undefined;
  const place = last.places[r.table] ?? last.places[0];
  const tb = last.result.tables[r.table];
  const sheet = i.sheet ?? tb?.sheet ?? place?.sheet ?? '';
  const file = i.file ?? tb?.file ?? place?.file;
  const { col } = issueCell(last.result, r.table, r.row, i.field, place?.firstCol ?? 1);
  const cell = { sheet, ...(file !== undefined ? { file } : {}), row: r.row, col };
  return { ...cell, address: cellAddress(cell) };
}

/** A cell changed by a one-click fix, with the value it held: undone from the pane until the pane closes. */
export interface Fix extends Cell {
  old: string | number | boolean;
  value: string;
}

/** Run a view's action: its words (or none) as the message, its failure as the error. */
export type Act = (f: () => Promise<Text | null>) => Promise<void>;
