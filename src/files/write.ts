// Report + original bytes → annotated bytes. An .xlsx/.xlsm is patched in place (ooxml.ts: additions only).
// Formats whose package cannot be kept as it is (.xls/.et, .ods, .xlsb, .csv, HTML exports) become a new
// .xlsx holding the same values on the same sheets, then get the very same additions. A CSV output is the
// records with their results, formula-like text defused as OWASP recommends.
import { sheetjs } from './sheetjs';
import Papa from 'papaparse';
import type { Table } from '../present/tables';
import { t, type Lang, type Text } from '../core/text';
import {
  annotateParts,
  joined,
  PackageUnsupported,
  ZipSource,
  type CopyInfo,
  type CopyOutcome,
  type CopyPlan,
} from './ooxml';
import type { Sink } from './zipwrite';
import { formatWord, quiet, type WorkbookData } from './read';
import { SUMMARY_PROPERTY } from './record';
import { csvSheetName, rebuild, RebuiltParts, rebuiltSheetNames } from './rebuild';

export type CopyKind = 'annotated' | 'rebuilt';

export interface Copy extends CopyOutcome, CopyMade {}

/** What a copy written to a sink is. */
export interface CopyMade extends CopyInfo {
  kind: CopyKind;
  /** why the copy is a new workbook rather than the original package (shown to the user) */
  note?: Text;
}

export { csvSheetName, rebuild };

/**
 * The name of the sheet holding a book's sheet `si` in its copy: its own in a package kept as it is; in a new
 * .xlsx a name Excel accepts (a CSV's one table has no name of its own; an .ods may have a 40-character one).
 */
export function copySheetName(book: WorkbookData, si: number, lang: Lang): string {
  return keepsPackage(book) ? book.sheets[si]!.name : rebuiltSheetNames(book, lang)[si]!;
}

/** Whether this format's package is kept as it is in the copy (else the copy is a new .xlsx). */
export const keepsPackage = (book: WorkbookData): boolean => book.format === 'xlsx' || book.format === 'xlsm';

/** The annotated copy of a workbook (or CSV) as .xlsx/.xlsm bytes. */
export async function annotatedCopy(bytes: Uint8Array, book: WorkbookData, plan: CopyPlan, lang: Lang): Promise<Copy> {
  const chunks: Uint8Array[] = [];
  const made = await annotatedCopyTo((c) => void chunks.push(c), bytes, book, plan, lang);
  return { bytes: joined(chunks), ...made };
}

/** The annotated copy of a workbook (or CSV), its bytes given to `sink` as they are made. */
export async function annotatedCopyTo(
  sink: Sink,
  bytes: Uint8Array,
  book: WorkbookData,
  plan: CopyPlan,
  lang: Lang,
): Promise<CopyMade> {
  if (keepsPackage(book)) {
    let begun = false;
    const out: Sink = (c) => {
      begun = true;
      return sink(c);
    };
    try {
      return { ...(await annotateParts(new ZipSource(bytes), plan, out)), kind: 'annotated' };
    } catch (e) {
      // (a package is found unsupported before a byte of its copy is written)
      if (!(e instanceof PackageUnsupported) || begun) throw e;
      // sheets that were not read (hidden ones) have no values to rebuild: said, not lost in silence
      const unread = book.sheets.filter((s) => s.unread).map((s) => s.name);
      const note = t(
        `此 ${formatWord(book.format)} 文件的包结构无法原样保留（${e.message}），副本为新的 .xlsx，只含原有数值和检查结果` +
          (unread.length ? `；未读取的隐藏工作表（${unread.join('、')}）不在副本中` : ''),
        `this ${formatWord(book.format)} package cannot be kept as it is (${e.message}); the copy is a new .xlsx with the values and the results` +
          (unread.length ? `; the hidden sheets not read (${unread.join(', ')}) are not in it` : ''),
      );
      return { ...(await annotateParts(new RebuiltParts(book, lang), plan, sink)), kind: 'rebuilt', note };
    }
  }
  const note =
    book.format === 'csv'
      ? t(
          'CSV 没有格式可保留：副本为新的 .xlsx，含原有数值、标记和检查结果',
          'a CSV has no formatting to keep: the copy is a new .xlsx with the values, the marks and the results',
        )
      : t(
          `${formatWord(book.format)} 文件无法原样改写：副本为新的 .xlsx，含各工作表原有数值（不含格式、图表、批注）、标记和检查结果；原文件未改动`,
          `a ${formatWord(book.format)} file cannot be rewritten as it is: the copy is a new .xlsx with every sheet's values (no formatting, charts or comments), the marks and the results; the original is untouched`,
        );
  return { ...(await annotateParts(new RebuiltParts(book, lang), plan, sink)), kind: 'rebuilt', note };
}

/** A small workbook of tables (汇总.xlsx), marked as the tool's so that a folder walk leaves it out. */
export function tablesWorkbook(tables: readonly Table[], properties: Record<string, string> = {}): Uint8Array {
  const X = sheetjs();
  const wb = X.utils.book_new();
  for (const tb of tables) {
    const ws = X.utils.aoa_to_sheet([tb.headers, ...tb.rows]);
    ws['!cols'] = tb.headers.map((h) => ({ wch: Math.min(40, Math.max(8, h.length * 2 + 2)) }));
    X.utils.book_append_sheet(wb, ws, tb.name.slice(0, 31));
  }
  wb.Custprops = { [SUMMARY_PROPERTY]: '1', ...properties };
  return new Uint8Array(
    quiet(() => X.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer),
  );
}

/**
 * Rows as CSV text with a BOM (so Excel reads the Chinese right). Text starting with = + - @, a tab or a
 * carriage return is prefixed with ' and every field quoted (OWASP, CSV injection): a roster opened in a
 * spreadsheet never runs a formula a cell smuggled in.
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<unknown>>): string {
  return [...csvPieces(rows)].join('');
}

/** Rows unparsed at a time: Papa's set-up is paid once a batch, not once a row. */
const CSV_BATCH = 1000;

/** toCsv's text in pieces, the rows made as they are read: a batch of rows a piece. */
export function* csvPieces(rows: Iterable<ReadonlyArray<unknown>>): Generator<string> {
  const unparse = (batch: unknown[][]) => Papa.unparse(batch, { newline: '\r\n', quotes: true, escapeFormulae: true });
  yield '\uFEFF';
  let batch: unknown[][] = [];
  let first = true;
  // Papa joins rows with the newline: batches joined with it give the text of all the rows unparsed at once
  for (const r of rows) {
    batch.push(r.map(csvValue));
    if (batch.length >= CSV_BATCH) {
      yield (first ? '' : '\r\n') + unparse(batch);
      first = false;
      batch = [];
    }
  }
  if (batch.length) yield (first ? '' : '\r\n') + unparse(batch);
  yield '\r\n';
}

function csvValue(v: unknown): string | number {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return String(v);
}
