// Budgets: how much of a file is read before the work is refused, so that a hostile or broken file ends in one
// plain error (exit 2 in the CLI) instead of a hang or an exhausted memory. Every limit is checked before the
// work it bounds: sizes from the zip directory before a part is inflated (and again while inflating, so a
// directory that lies gets no further), cells and rows from a sheet's XML before the reader builds its cells,
// merges before they are expanded. The defaults let a 100 000-row roster through with room to spare; the
// README lists them with what to do when one is hit. Tests pass smaller ones through ReadOptions.budgets.
import { CELL_TEXT_MAX } from '../core/limits';

export { CELL_TEXT_MAX };

const MiB = 1024 * 1024;

export interface Budgets {
  /** the largest file read into memory at all (the CLI checks it before reading a byte) */
  fileBytes: number;
  /** the largest uncompressed package part (a sheet's XML, the shared strings …) that is inflated */
  partBytes: number;
  /** the most uncompressed bytes inflated from one package, all parts together */
  packageBytes: number;
  /** the most entries a package's zip directory may list */
  parts: number;
  /** the most sheets a workbook may have */
  sheets: number;
  /** the most cells with content one sheet may have, merged areas counted as filled */
  sheetCells: number;
  /** the most cells one CSV may have (held as text only, cheaper than a workbook's cells) */
  csvCells: number;
  /** the highest row a cell may be in: Excel's grid (a row numbered beyond it is a damaged sheet) */
  rows: number;
  /** the highest column a cell may be in: Excel's grid (XFD) */
  columns: number;
  /** the most merged ranges one sheet may have */
  merges: number;
}

export const BUDGETS: Readonly<Budgets> = Object.freeze({
  // 100 000 CSV rows are ~15 MB, 1 000 000 ~150 MB
  fileBytes: 256 * MiB,
  // a 100 000-row sheet written with inline strings is ~60 MB of XML
  partBytes: 256 * MiB,
  packageBytes: 512 * MiB,
  parts: 5_000,
  sheets: 1_000,
  // 100 000 rows × 50 columns; the reader holds ~120 bytes per cell
  sheetCells: 5_000_000,
  // 1 000 000 rows × 20 columns
  csvCells: 20_000_000,
  rows: 1_048_576,
  columns: 16_384,
  merges: 300_000,
});

/**
 * What a run that makes an .xlsx copy holds in memory per record: the check result and the roster's cells while
 * the copy is made (its parts are made a row at a time and written, deflated, as they are made), then the whole
 * report for the readable one. Measured as the smallest heap (old space) `check --out x.xlsx` succeeds in, CSV
 * input: hainan 100 000 records 175 MB, 200 000 347 MB, 400 000 650 MB (about 1.6 KiB each); puer, whose results
 * are the largest, 100 000 325 MB, 200 000 628 MB (about 3 KiB each); a 100 000-row .xlsx 169 MB; the web
 * page's way (the whole report held, pako) hainan 198 MB, puer 332 MB. 3.5 KiB leaves puer room. (Before the
 * copies were made in pieces: about 12 KiB a record, 100 000 records 1.3 GB peak.)
 */
export const COPY_BYTES_PER_RECORD = 3.5 * 1024;

/**
 * copyRecords: the most records an .xlsx copy is made for under a heap limit (85 % of it at
 * COPY_BYTES_PER_RECORD each) — refused before it is begun rather than ending in an exhausted memory.
 */
export const copyRecordsLimit = (heapLimit: number): number => Math.floor((heapLimit * 0.85) / COPY_BYTES_PER_RECORD);

/**
 * What a check holds per row read, whatever it prints: the rows' cells while the engine runs, then its result
 * and the report. The budgets above bound one file; this bounds a run of many, which each file's budgets do not:
 * three workbooks of 396 000 rows each (every record an error, the costliest kind), each within every file
 * budget, ended in V8's out-of-memory crash after 454 s. Measured as the smallest heap (old space)
 * `check --json` of one of them succeeds in: 1 200 MB fails, 1 400 MB succeeds (3.1–3.6 KiB a row). 3.25 KiB
 * at 85 % of the heap allows 3.8 KiB; a clean hainan roster needs less than 2.9 KiB a row (40 000 CSV rows are
 * checked in a 112 MB heap: test/cli/stream.test.ts), 1 000 000 CSV rows peak at about 1 GB.
 */
export const CHECK_BYTES_PER_ROW = 3.25 * 1024;

/**
 * checkRows: the most rows (every read sheet's, all files together) one run checks under a heap limit — 85 % of
 * it at CHECK_BYTES_PER_ROW each. No file is read once the rows read pass it, and the run is refused before
 * the engine runs rather than ending in an exhausted memory.
 */
export const checkRowsLimit = (heapLimit: number): number => Math.floor((heapLimit * 0.85) / CHECK_BYTES_PER_ROW);

/** The rows of a workbook that hold a cell, its read sheets' (checkRows): a sparse sheet's empty rows cost nothing. */
export function rowsWithCells(book: { sheets: ReadonlyArray<{ rows: ReadonlyArray<unknown[] | undefined> }> }): number {
  let n = 0;
  for (const sh of book.sheets) for (const row of sh.rows) if (row?.length) n++;
  return n;
}

/** The budgets in force: the defaults, with any a caller (a test) lowers. */
export function budgets(over?: Partial<Budgets>): Budgets {
  return over ? { ...BUDGETS, ...over } : { ...BUDGETS };
}

/** "5 000 000" — digits grouped the way both languages read them. */
export function count(n: number): string {
  const s = String(n);
  let out = '';
  for (let i = 0; i < s.length; i++) out += (i && (s.length - i) % 3 === 0 ? ' ' : '') + s[i];
  return out;
}

/** "256 MiB" */
export const bytes = (n: number): string =>
  n >= MiB ? `${+(n / MiB).toFixed(1)} MiB` : n >= 1024 ? `${+(n / 1024).toFixed(1)} KiB` : `${n} B`;
