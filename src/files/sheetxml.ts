// Worksheet XML for the sheets the tool adds to a package: a result table (inline strings, so the
// workbook's shared-string table is never touched; no styles, so styles.xml keeps its cell formats) and the
// hidden marks sheet (each mark at the address of the cell it marks, as the task pane writes it). A sheet is
// made as a sequence of pieces of text, a row at a time, given out as UTF-8 chunks (utf8Chunks): a roster's
// results are 100 MB of XML, never held as one string (V8 holds text with Chinese in it as UTF-16).
import { columnLetters, tableSource, type Table, type TableSource } from '../present/tables';
import { xmlEscape } from './xml';

export const SHEET_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** Excel's limit on the text of one cell. */
const CELL_CHARS = 32_767;

type Value = string | number | boolean | null | undefined;

/**
 * The texts of one sheet's cells, each as the XML after its address, made once. A sheet repeats its texts on
 * thousands of rows (a conversion's explanation, a school, a verdict), and each was scanned three times (spaces,
 * escapes, XML) on every row. One memo a sheet, dropped with it, and bounded: a sheet of all-different texts
 * keeps at most TEXTS_KEPT of them.
 */
export type CellTexts = Map<string, string>;
const TEXTS_KEPT = 20_000;
/** Texts longer than this are made each time: a long one rarely repeats, and the memo stays small. */
const TEXT_KEPT_CHARS = 4_096;

/** A text cell's XML after its address: its type, and the text escaped for XML and OOXML. */
function textBody(v: string): string {
  const s = v.length > CELL_CHARS ? v.slice(0, CELL_CHARS) : v;
  const space = /^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : '';
  return `" t="inlineStr"><is><t${space}>${xmlEscape(ESCAPABLE.test(s) ? ooxmlEscape(s) : s)}</t></is></c>`;
}

function cell(ref: string, v: Value, texts?: CellTexts): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"><v>${v}</v></c>` : '';
  if (typeof v === 'boolean') return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
  if (texts === undefined || v.length > TEXT_KEPT_CHARS) return `<c r="${ref}${textBody(v)}`;
  let body = texts.get(v);
  if (body === undefined) {
    body = textBody(v);
    if (texts.size >= TEXTS_KEPT) texts.clear();
    texts.set(v, body);
  }
  return `<c r="${ref}${body}`;
}

/** A control character XML cannot hold as it is (a CR it would read as LF), or text that looks like an escape. */
// eslint-disable-next-line no-control-regex -- the control characters are what is looked for
const ESCAPABLE = /[\u0000-\u0008\u000b-\u001f]|_x[0-9A-Fa-f]{4}_/;

/**
 * OOXML's own escape for such text (ECMA-376 ST_Xstring): a control character as _xHHHH_, and a literal
 * "_xHHHH_" with its underscore escaped, so that Excel reads back the very text the cell held.
 */
function ooxmlEscape(s: string): string {
  return s.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_').replace(
    // eslint-disable-next-line no-control-regex -- as ESCAPABLE
    /[\u0000-\u0008\u000b-\u001f]/g,
    (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}

/** Days since 1899-12-30 as Excel counts them (its 1900 has a 29 February: dates before March are one less). */
function serialOf(d: Date): number {
  const days = d.getTime() / 86_400_000 + 25_569;
  return days < 61 ? days - 1 : days;
}

/** Whether valueCell writes a cell for the value (not for an empty text, an invalid date, NaN …). */
export function hasCell(v: unknown): boolean {
  if (v instanceof Date) return !Number.isNaN(v.getTime());
  if (v === null || v === undefined || v === '') return false;
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v === 'string' || typeof v === 'boolean') return true;
  return String(v) !== '';
}

/**
 * A cell of a value read from a workbook or CSV, for a rebuilt copy: as `cell` writes a table's, and a date as
 * its serial number in the style `dateStyle` (an invalid date, like an empty text, is no cell).
 */
export function valueCell(ref: string, v: unknown, dateStyle: number, texts?: CellTexts): string {
  if (v instanceof Date) {
    const t = v.getTime();
    return Number.isNaN(t) ? '' : `<c r="${ref}" s="${dateStyle}"><v>${serialOf(v)}</v></c>`;
  }
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
    return cell(ref, v, texts);
  return cell(ref, String(v), texts);
}

/** Bytes gathered into one chunk. */
const CHUNK_BYTES = 1 << 18;

/**
 * Pieces of text as UTF-8 chunks of about CHUNK_BYTES each: the bytes of the pieces joined. Each piece is encoded
 * straight into the chunk (encodeInto): no joined string for V8 to flatten and then encode — half the time of
 * encoding a 100 000-row copy's sheets. A chunk is a new buffer each time: the deflater may still hold the last.
 */
export function* utf8Chunks(pieces: Iterable<string>): Generator<Uint8Array> {
  const enc = new TextEncoder();
  let out = new Uint8Array(CHUNK_BYTES);
  let at = 0;
  // a piece is whole XML (a row, a tag): a piece never ends between the two halves of a surrogate pair
  for (const piece of pieces) {
    // UTF-8 takes at most 3 bytes for a UTF-16 code unit
    const most = piece.length * 3;
    if (most > out.length - at) {
      if (at) yield out.subarray(0, at);
      out = new Uint8Array(Math.max(CHUNK_BYTES, most));
      at = 0;
    }
    at += enc.encodeInto(piece, out.subarray(at)).written;
  }
  if (at) yield out.subarray(0, at);
}

/** Columns as wide as their text (CJK counted double), within 8–60: the headers and the first 300 rows. */
function widths(table: TableSource): number[] {
  const w = table.headers.map((h) => textWidth(h));
  let n = 0;
  for (const row of table.rows()) {
    if (n++ >= 300) break;
    row.forEach((v, i) => {
      if (v !== null && v !== undefined) w[i] = Math.max(w[i] ?? 0, textWidth(String(v).split('\n')[0] ?? ''));
    });
  }
  return w.map((x) => Math.min(60, Math.max(8, Math.ceil(x * 1.1) + 2)));
}

function textWidth(s: string): number {
  let n = 0;
  for (const ch of s) n += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return n;
}

const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${SHEET_NS}" xmlns:r="${REL_NS}">`;

/** A table as a sheet: header row frozen, columns sized to their text. */
export function tableSheetXml(table: Table): string {
  return [...tableSheetPieces(tableSource(table))].join('');
}

/** tableSheetXml's text in pieces, the rows made as they are written. */
export function* tableSheetPieces(table: TableSource): Generator<string> {
  yield head;
  yield '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>';
  let cols = '<sheetFormatPr defaultRowHeight="15"/><cols>';
  widths(table).forEach((w, i) => (cols += `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`));
  yield `${cols}</cols><sheetData>`;
  const letters = table.headers.map((_, i) => columnLetters(i + 1));
  const texts: CellTexts = new Map();
  const line = (row: ReadonlyArray<Value>, r: number) => {
    let cells = '';
    for (let c = 0; c < row.length; c++) cells += cell(`${letters[c] ?? columnLetters(c + 1)}${r}`, row[c], texts);
    return `<row r="${r}">${cells}</row>`;
  };
  yield line(table.headers, 1);
  let r = 1;
  for (const row of table.rows()) yield line(row, ++r);
  yield '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
}

export interface MarkCell {
  row: number;
  col: number;
  severity: 'error' | 'warning';
  message: string;
}

/** The hidden marks sheet: "E message" / "W message" at each marked cell's own address. */
export function marksSheetXml(marks: readonly MarkCell[]): string {
  return [...marksSheetPieces(marks)].join('');
}

/** marksSheetXml's text in pieces, a row at a time. */
export function* marksSheetPieces(marks: readonly MarkCell[]): Generator<string> {
  const byRow = new Map<number, MarkCell[]>();
  for (const m of marks) (byRow.get(m.row) ?? byRow.set(m.row, []).get(m.row)!).push(m);
  yield head;
  yield '<sheetData>';
  for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
    const cells = byRow
      .get(r)!
      .sort((a, b) => a.col - b.col)
      .map((m) => cell(`${columnLetters(m.col)}${r}`, `${m.severity === 'error' ? 'E' : 'W'} ${m.message}`))
      .join('');
    yield `<row r="${r}">${cells}</row>`;
  }
  yield '</sheetData></worksheet>';
}

/** The cells as a compact sqref: vertical runs in a column become one range ("B3:B9 D4"). */
export function sqref(cells: ReadonlyArray<{ row: number; col: number }>): string {
  const byCol = new Map<number, number[]>();
  for (const c of cells) (byCol.get(c.col) ?? byCol.set(c.col, []).get(c.col)!).push(c.row);
  const out: string[] = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const L = columnLetters(col);
    const rows = [...new Set(byCol.get(col)!)].sort((a, b) => a - b);
    for (let i = 0; i < rows.length;) {
      let j = i;
      while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
      out.push(i === j ? `${L}${rows[i]}` : `${L}${rows[i]}:${L}${rows[j]}`);
      i = j + 1;
    }
  }
  return out.join(' ');
}

/** Every cell an sqref covers (tests, and reading back an earlier copy's marks). */
export function sqrefCells(ref: string): Array<{ row: number; col: number }> {
  const out: Array<{ row: number; col: number }> = [];
  for (const part of ref.trim().split(/\s+/)) {
    const [a, b] = part.split(':') as [string, string | undefined];
    const p = parseRef(a);
    const q = b ? parseRef(b) : p;
    if (!p || !q) continue;
    for (let r = p.row; r <= q.row; r++) for (let c = p.col; c <= q.col; c++) out.push({ row: r, col: c });
  }
  return out;
}

export function parseRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}
