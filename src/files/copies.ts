// What each annotated copy holds — the marks of its own records on its own sheets (present/marks), the
// result sheets (present/results) — turned into bytes; a CSV output is the records with their results; the
// summary workbook. Pure: the caller writes or downloads the bytes (the CLI's --out, the web page's buttons).
import type { CheckResult } from '../engine/engine';
import { recordContext, recordOut, type Report } from '../engine/report';
import { say, type Lang, type Text } from '../core/text';
import { anchorMarks, issueCell, marksOf, type CellMark } from '../present/marks';
import { recordIndex } from '../present/issues';
import type { Locate } from '../present/issue-table';
import { columnLetters } from '../present/tables';
import { checkSource, issueWords, reportSource, resultSources, type ResultSource } from '../present/results';
import { summaryWorkbookTables } from '../present/summary';
import { annotatedCopyTo, copySheetName, csvPieces, tablesWorkbook, type Copy, type CopyMade } from './write';
import { joined } from './ooxml';
import type { Sink } from './zipwrite';
import type { Selection } from './select';
import { mergeIndex, type WorkbookData } from './read';

export { checkSource };

export interface CopyInput {
  /** index of the book in the books given to selectTables */
  book: number;
  data: WorkbookData;
  bytes: Uint8Array;
  /** the label records carry (several files), or undefined (one file) */
  file?: string;
}

/** Marks grouped by book, then by the name of the sheet holding them in the copy. */
export function marksByBook(
  result: CheckResult,
  sel: Selection,
  books: readonly WorkbookData[],
  lang: Lang,
): Map<number, Map<string, CellMark[]>> {
  const marks = marksOf(result, { lang });
  // a merged area is drawn by its top-left cell: a mark inside one goes there (one index per sheet, not a
  // scan of every merge for every mark)
  const indexes = new Map<string, ReturnType<typeof mergeIndex>>();
  const anchored = anchorMarks(
    marks,
    (m) => {
      const o = sel.origin[m.table]!;
      const key = `${o.book}:${o.sheet}`;
      let index = indexes.get(key);
      if (!index) indexes.set(key, (index = mergeIndex(books[o.book]!.sheets[o.sheet]!)));
      const g = index(m.row - 1, m.col - 1);
      return g ? { row: g.s.r + 1, col: g.s.c + 1 } : { row: m.row, col: m.col };
    },
    lang,
  );
  const out = new Map<number, Map<string, CellMark[]>>();
  for (const m of anchored) {
    const o = sel.origin[m.table]!;
    const name = copySheetName(books[o.book]!, o.sheet, lang);
    const byName = out.get(o.book) ?? out.set(o.book, new Map()).get(o.book)!;
    (byName.get(name) ?? byName.set(name, []).get(name)!).push(m);
  }
  return out;
}

/** Where a record's issue is in the copies: the copy's sheet name and the cell its mark is on (present/marks). */
export function issueLocator(result: CheckResult, sel: Selection, books: readonly WorkbookData[], lang: Lang): Locate {
  return (i) => {
    const n = recordIndex(i);
    const rec = n === undefined ? undefined : result.records[n];
    if (!rec) return undefined;
    const o = sel.origin[rec.table]!;
    const { row, col } = issueCell(result, rec.table, rec.row, i.field);
    return { sheet: copySheetName(books[o.book]!, o.sheet, lang), cell: `${columnLetters(col)}${row}` };
  };
}

export async function workbookCopy(
  input: CopyInput,
  marks: Map<string, CellMark[]> | undefined,
  /** the report, or the check result as a source whose records are made as they are written (checkSource) */
  report: Report | ResultSource,
  lang: Lang,
  region: string,
  /** where each issue's cell is in the copies (issueLocator): the issue sheet names it */
  locate: Locate,
): Promise<Copy> {
  const chunks: Uint8Array[] = [];
  const made = await workbookCopyTo((c) => void chunks.push(c), input, marks, report, lang, region, locate);
  return { bytes: joined(chunks), ...made };
}

/** workbookCopy, its bytes given to `sink` as they are made (the CLI writes them to the file). */
export async function workbookCopyTo(
  sink: Sink,
  input: CopyInput,
  marks: Map<string, CellMark[]> | undefined,
  report: Report | ResultSource,
  lang: Lang,
  region: string,
  locate: Locate,
): Promise<CopyMade> {
  const src = typeof report.records === 'function' ? (report as ResultSource) : reportSource(report as Report);
  const tables = resultSources(src, { lang, locate, ...(input.file !== undefined ? { file: input.file } : {}) });
  // the workbook's own settings travel with the copy (a rebuilt one would lose them); the region checked
  // under is recorded only where the workbook had none — a setting of the user's is never changed
  const properties: Record<string, string> = {};
  for (const [k, v] of Object.entries(input.data.properties))
    if (k.startsWith('CPD.') && k !== 'CPD.copy') properties[k] = v;
  if (properties['CPD.region'] === undefined) properties['CPD.region'] = region;
  return annotatedCopyTo(sink, input.bytes, input.data, { marks: marks ?? new Map(), tables, properties }, lang);
}

/**
 * CSV output: each table read, its rows with the four result columns (a location column when several). In
 * pieces of text, each record's results made as its row is written (recordOut), never the whole report.
 */
export function* csvCopy(
  result: CheckResult,
  sel: Selection,
  books: readonly WorkbookData[],
  lang: Lang,
): Generator<string> {
  yield* csvPieces(csvRows(result, sel, books, lang));
}

function* csvRows(
  result: CheckResult,
  sel: Selection,
  books: readonly WorkbookData[],
  lang: Lang,
): Generator<unknown[]> {
  const en = lang === 'en';
  const extra = en
    ? ['Check result', 'Computed hours', 'Computed credits', 'How computed']
    : ['校验结果', '计算学时', '计算学分', '计算说明'];
  const several = sel.tables.length > 1;
  // each record's index in the result, by its table and row
  const byPlace = sel.tables.map(() => new Map<number, number>());
  result.records.forEach((x, i) => byPlace[x.table]?.set(x.row, i));
  const context = recordContext(result);
  let lastHeader: string | null = null;
  for (const [ti, tb] of sel.tables.entries()) {
    const info = result.tables[ti]!;
    const o = sel.origin[ti]!;
    const where = several ? [[tb.file, copySheetName(books[o.book]!, o.sheet, lang)].filter(Boolean).join(' ')] : [];
    const headerAt = info.columns.headerRow;
    for (const [i, cells] of tb.rows.entries()) {
      const rowNo = info.firstRow + i;
      if (i < headerAt) {
        // the title rows above the header, once
        if (ti === 0) yield [...where, ...cells];
        continue;
      }
      if (i === headerAt) {
        // one header for tables laid out alike (one sheet per year); a new one where the columns differ
        const key = JSON.stringify(cells);
        if (key !== lastHeader) yield [...(several ? [en ? 'Sheet' : '工作表'] : []), ...cells, ...extra];
        lastHeader = key;
        continue;
      }
      const n = byPlace[ti]!.get(rowNo);
      const rec = n === undefined ? undefined : recordOut(result, result.records[n]!, context, lang);
      yield rec
        ? [...where, ...cells, issueWords(rec, lang), rec.hours, rec.credits, rec.explanation]
        : [...where, ...cells];
    }
  }
}

export function summaryBook(report: Report, lang: Lang): Uint8Array {
  return tablesWorkbook(summaryWorkbookTables(report, lang));
}

export const noteText = (note: Text | undefined, lang: Lang): string | undefined =>
  note ? say(note, lang) : undefined;
