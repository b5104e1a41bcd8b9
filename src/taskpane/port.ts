// What the task pane needs from a workbook. The Excel implementation
// (excel/workbook.ts) is the only code that calls Excel.run; the standalone preview
// runs the very same implementation against an in-memory Excel (preview/).
import type { Report } from '../engine/report';
import type { WorkbookSettings } from '../present/settings';
import type { Lang, Text } from '../core/text';
import type { RegionId } from '../rules';
import type { Table } from '../present/tables';

export interface SheetData {
  sheetName: string;
  /** A1 address of the range read, e.g. "培训登记!A1:M604" */
  address: string;
  /** 1-based sheet row and column of rows[0][0] */
  firstRow: number;
  firstCol: number;
  rows: unknown[][];
}

export interface Mark {
  /** 1-based sheet row and column */
  row: number;
  col: number;
  severity: 'error' | 'warning';
  message: string;
}

export type Phase = 'read' | 'engine' | 'write';
export type ProgressFn = (phase: Phase, done: number, total: number) => void;

/** Counts kept by the adapter, for tests and the benchmark. */
export interface IoStats {
  syncs: number;
  chunks: number;
  largestChunkCells: number;
}

export interface WorkbookPort {
  kind: 'excel' | 'preview';
  stats: IoStats;
  /** The active sheet's used range, read in bounded chunks. */
  readActiveSheet(onProgress?: ProgressFn, signal?: AbortSignal): Promise<SheetData>;
  /** Highlight cells with problems, without touching the user's values or formats. */
  writeMarks(sheet: SheetData, marks: Mark[], onProgress?: ProgressFn, signal?: AbortSignal): Promise<void>;
  /** Remove every mark the add-in made, leaving the sheet exactly as it was. */
  clearMarks(): Promise<number>;
  /** A new sheet with per-teacher tables and pass-rate charts; returns its name. */
  writeSummary(report: Report, lang: Lang, onProgress?: ProgressFn): Promise<string>;
  /** A new sheet with the standard headers and dropdowns for a region; returns its name. */
  insertTemplate(region: RegionId, lang: Lang): Promise<string>;
  select(sheetName: string, row: number, col: number): Promise<void>;
  /** The name of the sheet a validation would read now. */
  activeSheetName(): Promise<string>;
  /**
   * Write one value into one cell — only on the user's explicit click (a suggested fix, its undo). The cell
   * must still hold `expected` (what the validation read) and no formula, else a WorkbookError says why and
   * nothing is written. Returns the value replaced.
   */
  writeCell(sheetName: string, row: number, col: number, value: CellValue, expected: unknown): Promise<CellValue>;
  /** A new sheet (under an unused name) with heading lines and one table; returns its name. */
  writeTableSheet(base: string, heading: string[], table: Table): Promise<string>;
  readSettings(): Promise<WorkbookSettings>;
  writeSettings(s: WorkbookSettings): Promise<void>;
}

export type CellValue = string | number | boolean;

/** A refusal to touch the workbook, in words for the reader. */
export class WorkbookError extends Error {
  constructor(readonly text: Text) {
    super(text.zh);
  }
}

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

export function checkSignal(signal?: AbortSignal): void {
  if (signal?.aborted) throw new Cancelled();
}
