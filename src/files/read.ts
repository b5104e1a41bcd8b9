// Bytes in → workbook out: every sheet's cell values (merged areas filled with their top-left value, dates
// as UTC Dates), its visibility, and the workbook's custom properties (CPD.region …). The format is told from
// the bytes, never the name: `PK` zip → xlsx/xlsm/xlsb/ods by its entries, `D0 CF 11 E0` compound file →
// xls/et (or an encrypted workbook), else text → CSV (or an HTML/XML "xls" a platform exported).
// No Node APIs: Uint8Array in, plain objects out, so the CLI, the task pane and a web page share it.
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { t, Text } from '../core/text';
import { FileProblem } from './problem';
import { isZip, zipEntries, ZipEntry } from './zip';
import { xmlUnescape, allTags, attr, nextTag } from './xml';
import { formatWord, type Format } from './format';

export { formatWord, type Format };

export type Visibility = 'visible' | 'hidden' | 'veryHidden';
export type SheetKind = 'worksheet' | 'chart' | 'macro' | 'dialog';

export interface Merge {
  /** 0-based first and last row and column, as in the sheet */
  s: { r: number; c: number };
  e: { r: number; c: number };
}

export interface SheetData {
  name: string;
  visibility: Visibility;
  kind: SheetKind;
  /** cell values from column A; rows[0] is sheet row `firstRow` (leading empty rows dropped) */
  rows: unknown[][];
  firstRow: number;
  merges: Merge[];
}

export interface WorkbookData {
  format: Format;
  sheets: SheetData[];
  /** custom document properties, as text (CPD.region, CPD.cycleStart …) */
  properties: Record<string, string>;
  /** things the user should know (a CSV that was not UTF-8 …) */
  notices: Text[];
  /** the zip directory, for packages: sizes known before inflating (budgets, issue 13) */
  entries?: ZipEntry[];
}

export interface ReadOptions {
  /**
   * Called once the format and (for a zip) the entries are known, before anything is inflated or parsed:
   * throw a FileProblem to refuse the file (size budgets).
   */
  check?: (format: Format, bytes: Uint8Array, entries?: ZipEntry[]) => void;
}

/** The format of these bytes, from their content. Throws FileProblem for what no reader here takes. */
export function sniff(bytes: Uint8Array): { format: Format; entries?: ZipEntry[] } {
  if (bytes.length === 0) throw new FileProblem(t('文件是空的（0 字节）', 'the file is empty (0 bytes)'));
  if (isZip(bytes)) {
    const entries = zipEntries(bytes);
    const names = new Set(entries.map((e) => e.name));
    if (names.has('xl/workbook.bin')) return { format: 'xlsb', entries };
    if (names.has('xl/workbook.xml') || entries.some((e) => e.name.endsWith('/workbook.xml'))) {
      return { format: names.has('xl/vbaProject.bin') ? 'xlsm' : 'xlsx', entries };
    }
    const mime = entries.find((e) => e.name === 'mimetype');
    if (mime && names.has('content.xml')) {
      const kind = storedText(bytes, mime);
      if (kind.includes('spreadsheet')) return { format: 'ods', entries };
      throw new FileProblem(
        t(
          `这是 OpenDocument 文档（${kind}），不是电子表格`,
          `this is an OpenDocument file (${kind}), not a spreadsheet`,
        ),
      );
    }
    if (names.has('word/document.xml'))
      throw new FileProblem(t('这是 Word 文档，不是电子表格', 'this is a Word document, not a spreadsheet'));
    if (names.has('ppt/presentation.xml'))
      throw new FileProblem(t('这是 PowerPoint 文档，不是电子表格', 'this is a PowerPoint file, not a spreadsheet'));
    throw new FileProblem(
      t(
        '这是一个 zip 压缩包，但不是 Excel、WPS 或 OpenDocument 电子表格',
        'this is a zip archive, but not an Excel, WPS or OpenDocument spreadsheet',
      ),
    );
  }
  if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    return { format: 'xls' };
  const text = peekText(bytes);
  if (/^\s*<(\?xml|!DOCTYPE|html|table|head|body|meta)/i.test(text)) {
    return { format: /urn:schemas-microsoft-com:office:spreadsheet/.test(text) ? 'xml' : 'html' };
  }
  return { format: 'csv' };
}

/** The content of a stored (uncompressed) entry, e.g. an ODF package's `mimetype`. */
function storedText(bytes: Uint8Array, e: ZipEntry): string {
  if (e.method !== 0 || e.uncompressedSize > 200) return '';
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = e.offset + 30 + v.getUint16(e.offset + 26, true) + v.getUint16(e.offset + 28, true);
  return new TextDecoder().decode(bytes.subarray(at, at + e.uncompressedSize));
}

function peekText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/, '');
}

/** Text of a CSV (or HTML) file: UTF-8 with or without BOM, UTF-16 with a BOM, else GB18030 (Excel on Chinese Windows). */
export function decodeText(bytes: Uint8Array, notices: Text[]): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  // a spreadsheet's text never holds NUL: this is some other binary file
  if (bytes.subarray(0, 4096).includes(0))
    throw new FileProblem(
      t('不是电子表格或 CSV 文本文件（内容是二进制数据）', 'not a spreadsheet or a CSV text file (binary content)'),
    );
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    notices.push(t('文件不是 UTF-8 编码，已按 GB18030（GBK）读取', 'the file is not UTF-8; read as GB18030 (GBK)'));
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Read a workbook or CSV. Throws FileProblem for anything that cannot be read. */
export function readWorkbook(bytes: Uint8Array, o: ReadOptions = {}): WorkbookData {
  const { format, entries } = sniff(bytes);
  o.check?.(format, bytes, entries);
  const notices: Text[] = [];
  if (format === 'csv') return readCsv(bytes, notices);
  let wb: XLSX.WorkBook;
  try {
    const opts: XLSX.ParsingOptions = {
      dense: true,
      cellNF: true,
      cellText: false,
      cellHTML: false,
      cellFormula: false,
      cellStyles: false,
      bookVBA: false,
      cellDates: false,
    };
    const text = format === 'html' || format === 'xml' ? decodeText(bytes, notices) : null;
    wb = quiet(() =>
      text !== null ? XLSX.read(text, { ...opts, type: 'string' }) : XLSX.read(bytes, { ...opts, type: 'array' }),
    );
  } catch (e) {
    throw readFailure(format, e);
  }
  const date1904 = wb.Workbook?.WBProps?.date1904 === true;
  const meta = wb.Workbook?.Sheets ?? [];
  const sheets: SheetData[] = wb.SheetNames.map((name, i) => {
    const ws = wb.Sheets[name] as XLSX.WorkSheet & { '!data'?: XLSX.CellObject[][] };
    const hidden = meta[i]?.Hidden;
    const type = ws ? (ws as { '!type'?: string })['!type'] : undefined;
    const kind: SheetKind =
      type === 'chart' ? 'chart' : type === 'macro' ? 'macro' : type === 'dialog' ? 'dialog' : 'worksheet';
    const { rows, firstRow, merges } =
      kind === 'worksheet' && ws ? sheetValues(ws, date1904) : { rows: [], firstRow: 1, merges: [] };
    return {
      name,
      visibility: hidden === 2 ? 'veryHidden' : hidden === 1 ? 'hidden' : 'visible',
      kind,
      rows,
      firstRow,
      merges,
    };
  });
  const properties: Record<string, string> = {};
  for (const [k, v] of Object.entries((wb.Custprops ?? {}) as Record<string, unknown>)) {
    if (v !== null && v !== undefined)
      properties[utf8Again(k)] = v instanceof Date ? v.toISOString() : utf8Again(String(v));
  }
  if (format === 'ods') {
    const extra = odsExtras(bytes);
    Object.assign(properties, extra.properties);
    for (const sh of sheets) if (extra.hidden.has(sh.name) && sh.visibility === 'visible') sh.visibility = 'hidden';
  }
  const book: WorkbookData = { format, sheets, properties, notices };
  if (entries) book.entries = entries;
  return book;
}

/**
 * The reader returns custom.xml's text undecoded (each UTF-8 byte as one character): decode it once more. Text
 * that is not such a byte string (a character above U+00FF, or bytes that are not UTF-8) is kept as it is.
 */
function utf8Again(s: string): string {
  let high = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) return s;
    if (c >= 0x80) high = true;
  }
  if (!high) return s;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(s, (ch) => ch.charCodeAt(0)));
  } catch {
    return s;
  }
}

function readFailure(format: Format, e: unknown): FileProblem {
  const msg = e instanceof Error ? e.message : String(e);
  if (/password|encrypt/i.test(msg)) {
    return new FileProblem(
      t(
        '文件设有打开密码（已加密），无法读取：请在 Excel 或 WPS 中去掉密码后另存一份再检查',
        'the file is password-protected (encrypted): remove the password in Excel or WPS, save a copy and check that',
      ),
    );
  }
  return new FileProblem(
    t(
      `无法按 ${formatWord(format)} 读取，文件可能已损坏（${msg}）`,
      `cannot be read as ${formatWord(format)}; the file may be damaged (${msg})`,
    ),
  );
}

function readCsv(bytes: Uint8Array, notices: Text[]): WorkbookData {
  const text = decodeText(bytes, notices);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  // Papa reads on past a stray quote; say so rather than fail the whole file
  const quoteRows = parsed.errors
    .filter((e) => e.type === 'Quotes')
    .map((e) => (e.row ?? 0) + 1)
    .slice(0, 5);
  if (quoteRows.length)
    notices.push(
      t(
        `CSV 第 ${quoteRows.join('、')} 行的引号不成对，已尽量读取`,
        `unbalanced quotes near row(s) ${quoteRows.join(', ')}`,
      ),
    );
  const { rows, firstRow } = trimTop(parsed.data);
  const sheet: SheetData = { name: '', visibility: 'visible', kind: 'worksheet', rows, firstRow, merges: [] };
  return { format: 'csv', sheets: [sheet], properties: {}, notices };
}

function trimTop(all: unknown[][]): { rows: unknown[][]; firstRow: number } {
  let top = 0;
  while (top < all.length && isEmptyRow(all[top])) top++;
  return top === 0 ? { rows: all, firstRow: 1 } : { rows: all.slice(top), firstRow: top + 1 };
}

function isEmptyRow(r: unknown[] | undefined): boolean {
  if (!r) return true;
  for (const v of r) if (v !== undefined && v !== null && v !== '') return false;
  return true;
}

const ERRORS: ReadonlyMap<number, string> = new Map([
  [0x00, '#NULL!'],
  [0x07, '#DIV/0!'],
  [0x0f, '#VALUE!'],
  [0x17, '#REF!'],
  [0x1d, '#NAME?'],
  [0x24, '#NUM!'],
  [0x2a, '#N/A'],
  [0x2b, '#GETTING_DATA'],
]);

const dateFormats = new Map<string, boolean>();
function isDateFormat(z: unknown): boolean {
  if (typeof z !== 'string' || z === 'General' || z === '@') return false;
  let d = dateFormats.get(z);
  if (d === undefined) {
    try {
      d = XLSX.SSF.is_date(z) === true;
    } catch {
      d = false;
    }
    dateFormats.set(z, d);
  }
  return d;
}

/** An Excel serial date as a UTC Date (the 1900 system counts a 29 Feb 1900 that never was). */
export function serialDate(serial: number, date1904: boolean): Date {
  const days = date1904 ? serial + 1462 : serial < 60 ? serial + 1 : serial;
  return new Date(Math.round((days - 25569) * 86_400_000));
}

function cellValue(c: XLSX.CellObject | undefined, date1904: boolean): unknown {
  if (!c) return undefined;
  switch (c.t) {
    case 'n':
      return typeof c.v === 'number' && isDateFormat(c.z) && c.v > 0 && c.v < 2958466 ? serialDate(c.v, date1904) : c.v;
    case 's':
      return c.v;
    case 'b':
      return c.v;
    case 'd':
      return c.v instanceof Date ? c.v : new Date(String(c.v));
    case 'e':
      return ERRORS.get(c.v as number) ?? '#VALUE!';
    default:
      return undefined;
  }
}

type DenseSheet = XLSX.WorkSheet & { '!data'?: XLSX.CellObject[][] };

function sheetValues(ws: DenseSheet, date1904: boolean): { rows: unknown[][]; firstRow: number; merges: Merge[] } {
  const data = ws['!data'] ?? [];
  const all: unknown[][] = new Array(data.length);
  for (let r = 0; r < data.length; r++) {
    const src = data[r];
    if (!src) {
      all[r] = [];
      continue;
    }
    const row: unknown[] = new Array(src.length);
    for (let c = 0; c < src.length; c++) row[c] = cellValue(src[c], date1904);
    all[r] = row;
  }
  const merges: Merge[] = (ws['!merges'] ?? []).map((m) => ({ s: { r: m.s.r, c: m.s.c }, e: { r: m.e.r, c: m.e.c } }));
  // administrators merge a teacher's name and ID over that teacher's rows: every row must see them
  for (const m of merges) {
    const value = all[m.s.r]?.[m.s.c];
    if (value === undefined) continue;
    for (let r = m.s.r; r <= m.e.r && r < all.length; r++) {
      const row = all[r]!;
      for (let c = m.s.c; c <= m.e.c; c++) if (r !== m.s.r || c !== m.s.c) row[c] = value;
    }
  }
  const { rows, firstRow } = trimTop(all);
  return { rows, firstRow, merges };
}

/**
 * The reader prints remarks about formats it half understands (an ODS number style …) on the console; the
 * file layer talks only through its return value, so they are dropped.
 */
export function quiet<T>(f: () => T): T {
  const c = console as unknown as Record<'error' | 'warn' | 'log', (...a: unknown[]) => void>;
  const saved = { error: c.error, warn: c.warn, log: c.log };
  c.error = c.warn = c.log = () => undefined;
  try {
    return f();
  } finally {
    c.error = saved.error;
    c.warn = saved.warn;
    c.log = saved.log;
  }
}

/**
 * What the reader leaves out of an ODS: custom properties (<meta:user-defined> in meta.xml) and hidden
 * sheets (a table whose style says table:display="false" in content.xml).
 */
function odsExtras(bytes: Uint8Array): { properties: Record<string, string>; hidden: Set<string> } {
  const properties: Record<string, string> = {};
  const hidden = new Set<string>();
  let cfb: { FileIndex?: unknown };
  try {
    cfb = quiet(() => XLSX.CFB.read(bytes, { type: 'array' }));
  } catch {
    return { properties, hidden };
  }
  const part = (name: string): string | null => {
    const f = XLSX.CFB.find(cfb, name) as { content?: Uint8Array } | null;
    return f?.content ? new TextDecoder().decode(f.content) : null;
  };
  const meta = part('meta.xml');
  if (meta) {
    for (const tag of allTags(meta, 'meta:user-defined')) {
      const name = attr(tag.text, 'meta:name');
      if (!name || tag.selfClosing) continue;
      const close = meta.indexOf('</meta:user-defined>', tag.end);
      if (close > 0) properties[name] = xmlUnescape(meta.slice(tag.end, close));
    }
  }
  const content = part('content.xml');
  if (content) {
    const hiddenStyles = new Set<string>();
    for (const st of allTags(content, 'style:style')) {
      if (attr(st.text, 'style:family') !== 'table' || st.selfClosing) continue;
      const props = nextTag(content, 'style:table-properties', st.end, content.indexOf('</style:style>', st.end));
      if (props && attr(props.text, 'table:display') === 'false') hiddenStyles.add(attr(st.text, 'style:name') ?? '');
    }
    if (hiddenStyles.size) {
      for (const tb of allTags(content, 'table:table')) {
        if (hiddenStyles.has(attr(tb.text, 'table:style-name') ?? '')) hidden.add(attr(tb.text, 'table:name') ?? '');
      }
    }
  }
  return { properties, hidden };
}
