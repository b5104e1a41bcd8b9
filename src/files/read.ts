// Bytes in → workbook out: every sheet's cell values (merged areas filled with their top-left value, dates
// as UTC Dates), its visibility, and the workbook's custom properties (CPD.region …). The format is told from
// the bytes, never the name: `PK` zip → xlsx/xlsm/xlsb/ods by its entries, `D0 CF 11 E0` compound file →
// xls/et (or an encrypted workbook), else text → CSV (or an HTML/XML "xls" a platform exported).
// No Node APIs: Uint8Array in, plain objects out, so the CLI, the task pane and a web page share it. SheetJS
// reads every format; an .xlsx/.xlsm worksheet's cells are read from its bytes by sheetcells.ts instead.
import type * as XLSX from '@e965/xlsx';
import { sheetjs } from './sheetjs';
import Papa from 'papaparse';
import { t, Text } from '../core/text';
import { detectHeader } from '../core/fields';
import { FileProblem } from './problem';
import { dataStart, isZip, zipEntries, ZipEntry } from './zip';
import { xmlUnescape, allTags, attr, nextTag } from './xml';
import { budgets as budgetsOf, bytes as byteWords, count, type Budgets } from './budgets';
import { inflateExactly, PackageParts } from './inflate';
import { peekWorkbook, type WorkbookPeek } from './parts';
import { parseCustomXml } from './props';
import { copyRecord } from './record';
import { scanOdsContent, scanSheetXml, type SheetScan } from './sheetscan';
import { formatWord, type Format } from './format';
import {
  datedNumber,
  dateStyles,
  isDateFormat,
  serialDate,
  sharedStrings,
  sheetCells,
  type BookParts,
  type OwnSheet,
} from './sheetcells';

export { formatWord, type Format, serialDate };

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
  /** not read at all (a hidden sheet, or one --sheet did not name): its rows are empty, not its cells */
  unread?: true;
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
   * The sheets to read (--sheet), hidden ones too. Without it every visible worksheet is read; a hidden
   * sheet of an .xlsx/.xlsm is then not even inflated (it is listed, marked `unread`).
   */
  sheets?: readonly string[];
  /** budgets lower than the defaults (tests); see budgets.ts */
  budgets?: Partial<Budgets>;
  /** every sheet through the general reader (SheetJS), none through sheetcells.ts: to compare the two */
  generalReader?: boolean;
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

/** The text of a small entry such as an ODF package's `mimetype` (stored, or deflated by some zip tools). */
function storedText(bytes: Uint8Array, e: ZipEntry): string {
  if (e.uncompressedSize > 200 || (e.method !== 0 && e.method !== 8)) return '';
  try {
    const at = dataStart(bytes, e);
    const body = bytes.subarray(at, at + e.compressedSize);
    return new TextDecoder().decode(e.method === 0 ? body : inflateExactly(body, e.uncompressedSize, e.name));
  } catch {
    return '';
  }
}

function peekText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/, '');
}

/** Lines (1-based) holding U+FFFD, the first few, and how many such characters there are in all. */
function undecodable(text: string): { lines: number[]; chars: number } {
  const lines: number[] = [];
  let chars = 0;
  let line = 1;
  let from = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) {
    chars++;
    for (let k = text.indexOf('\n', from); k >= 0 && k < i; k = text.indexOf('\n', k + 1)) {
      line++;
      from = k + 1;
    }
    if (lines[lines.length - 1] !== line && lines.length < 6) lines.push(line);
  }
  return { lines, chars };
}

const lineWords = (lines: number[]) => ({
  zh: lines.slice(0, 5).join('、') + (lines.length > 5 ? ' 等' : ''),
  en: lines.slice(0, 5).join(', ') + (lines.length > 5 ? ' …' : ''),
});

/** How many roster fields the header row found in the first lines of a text names (0: none found). */
function headerScore(text: string): number {
  let end = 0;
  for (let n = 0; n < 31 && end >= 0 && end < 65_536; n++) end = text.indexOf('\n', end + 1);
  const head = end < 0 ? text.slice(0, 65_536) : text.slice(0, end);
  const rows = Papa.parse<string[]>(head, { skipEmptyLines: false }).data;
  const map = detectHeader(rows);
  return map ? Object.keys(map.columns).length : 0;
}

/** Whether a lossy UTF-8 decoding is mostly right: few replaced characters among the non-ASCII ones. */
function mostlyUtf8(text: string, replaced: number): boolean {
  let wide = 0;
  for (let i = 0; i < text.length && wide < 1e6; i++) if (text.charCodeAt(i) > 0x7f) wide++;
  return replaced * 20 < wide;
}

/**
 * Text of a CSV (or HTML) file: UTF-16 with a BOM; UTF-8 (with or without BOM) when the whole file is
 * valid UTF-8; else the decoding — UTF-8 or GB18030 (Excel on Chinese Windows) — under which the header
 * row is found (`header`), the one that is mostly right when both or neither find it. Lines that cannot be
 * decoded under the choice are named, never silently turned into another encoding's text.
 */
export function decodeText(bytes: Uint8Array, notices: Text[], header = false): string {
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
    // not valid UTF-8 as a whole: one bad byte in a UTF-8 file, or a GBK file
  }
  const utf8 = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  const bad8 = undecodable(utf8);
  const score8 = header ? headerScore(utf8) : 0;
  const gb = new TextDecoder('gb18030').decode(bytes);
  const scoreGb = header ? headerScore(gb) : 0;
  const useUtf8 = score8 !== scoreGb ? score8 > scoreGb : mostlyUtf8(utf8, bad8.chars);
  if (useUtf8) {
    const w = lineWords(bad8.lines);
    notices.push(
      t(
        `文件是 UTF-8 编码，但第 ${w.zh} 行含有无法解码的字节（已显示为 �，共 ${bad8.chars} 处）`,
        `the file is UTF-8, but line(s) ${w.en} hold bytes that cannot be decoded (shown as �, ${bad8.chars} in all)`,
      ),
    );
    return utf8;
  }
  notices.push(t('文件不是 UTF-8 编码，已按 GB18030（GBK）读取', 'the file is not UTF-8; read as GB18030 (GBK)'));
  const badGb = undecodable(gb);
  if (badGb.chars) {
    const w = lineWords(badGb.lines);
    notices.push(
      t(
        `按 GB18030 读取时第 ${w.zh} 行仍有无法解码的字节（已显示为 �，共 ${badGb.chars} 处）`,
        `read as GB18030, line(s) ${w.en} still hold bytes that cannot be decoded (shown as �, ${badGb.chars} in all)`,
      ),
    );
  }
  return gb;
}

/** What reading a package's parts found: each sheet's scan, the sheets sheetCells read, those not read. */
interface PackageSeen {
  scans: Map<string, SheetScan>;
  owned: Map<string, OwnSheet>;
  unread: Set<string>;
}

/** Read a workbook or CSV. Throws FileProblem for anything that cannot be read, or that breaks a budget. */
export function readWorkbook(bytes: Uint8Array, o: ReadOptions = {}): WorkbookData {
  const bud = budgetsOf(o.budgets);
  if (bytes.length > bud.fileBytes) throw tooBig(bytes.length, bud);
  const { format, entries } = sniff(bytes);
  const notices: Text[] = [];
  if (format === 'csv') return readCsv(bytes, notices, bud);
  let wb: XLSX.WorkBook;
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
  const seen: PackageSeen = { scans: new Map(), owned: new Map(), unread: new Set() };
  let pkg: PackageParts | null = null;
  try {
    if (entries) {
      pkg = new PackageParts(bytes, entries, bud);
      wb = readPackage(pkg, format, opts, o, bud, seen);
    } else {
      const text = format === 'html' || format === 'xml' ? decodeText(bytes, notices) : null;
      wb = quiet(() =>
        text !== null
          ? sheetjs().read(text, { ...opts, type: 'string' })
          : sheetjs().read(bytes, { ...opts, type: 'array' }),
      );
    }
  } catch (e) {
    if (pkg?.failure) throw pkg.failure;
    if (e instanceof FileProblem) throw e;
    throw readFailure(format, e);
  }
  // the reader swallows a sheet's failure and goes on without the sheet: never pass that silently
  if (pkg?.failure) throw pkg.failure;
  if (wb.SheetNames.length > bud.sheets) throw tooManySheets(wb.SheetNames.length, bud);
  const date1904 = wb.Workbook?.WBProps?.date1904 === true;
  const meta = wb.Workbook?.Sheets ?? [];
  const sheets: SheetData[] = wb.SheetNames.map((name, i) => {
    const ws = wb.Sheets[name] as XLSX.WorkSheet & { '!data'?: XLSX.CellObject[][] };
    const hidden = meta[i]?.Hidden;
    const type = ws ? (ws as { '!type'?: string })['!type'] : undefined;
    const kind: SheetKind =
      type === 'chart' ? 'chart' : type === 'macro' ? 'macro' : type === 'dialog' ? 'dialog' : 'worksheet';
    const scan = seen.scans.get(name);
    if (scan) notices.push(...scan.notices);
    const own = kind === 'worksheet' ? seen.owned.get(name) : undefined;
    const { rows, firstRow, merges } = own
      ? ownValues(own, name, bud)
      : kind === 'worksheet' && ws
        ? sheetValues(ws, date1904, name, bud, scan)
        : { rows: [], firstRow: 1, merges: [] as Merge[] };
    const sheet: SheetData = {
      name,
      visibility: hidden === 2 ? 'veryHidden' : hidden === 1 ? 'hidden' : 'visible',
      kind,
      rows,
      firstRow,
      merges,
    };
    if (!ws && seen.unread.has(name)) sheet.unread = true;
    return sheet;
  });
  const properties: Record<string, string> = Object.create(null);
  for (const [k, v] of Object.entries((wb.Custprops ?? {}) as Record<string, unknown>)) {
    if (v !== null && v !== undefined)
      properties[propertyText(k)] = v instanceof Date ? v.toISOString() : propertyText(String(v));
  }
  if (format === 'ods' && pkg) {
    const extra = odsExtras(pkg);
    Object.assign(properties, extra.properties);
    for (const sh of sheets) if (extra.hidden.has(sh.name) && sh.visibility === 'visible') sh.visibility = 'hidden';
  }
  const book: WorkbookData = { format, sheets, properties, notices };
  if (entries) book.entries = entries;
  return book;
}

const tooBig = (size: number, bud: Budgets) =>
  new FileProblem(
    t(
      `文件有 ${byteWords(size)}，超过可读取的上限 ${byteWords(bud.fileBytes)}（fileBytes）；请把花名册拆成几个文件`,
      `the file is ${byteWords(size)}, more than the ${byteWords(bud.fileBytes)} that are read (fileBytes); split the roster into several files`,
    ),
  );

const tooManySheets = (n: number, bud: Budgets) =>
  new FileProblem(
    t(
      `工作簿有 ${count(n)} 个工作表，超过上限 ${count(bud.sheets)}（sheets）`,
      `the workbook has ${count(n)} sheets, more than the limit of ${count(bud.sheets)} (sheets)`,
    ),
  );

/** Folders of parts no cell value comes from (a pivot cache may be the largest part of a workbook). */
const SKIPPED = /(^|\/)(media|embeddings|printersettings|activex|pivotcache|pivottables|customxml)\//;

/** Parts the reader may ask for: XML and relationships (and an .xlsb's binary parts); never media or macros. */
function readable(format: Format, name: string): boolean {
  const lower = name.toLowerCase();
  if (SKIPPED.test(lower) || lower.endsWith('vbaproject.bin')) return false;
  return lower.endsWith('.xml') || lower.endsWith('.rels') || (format === 'xlsb' && lower.endsWith('.bin'));
}

const isWorksheetPart = (name: string) => /(^|\/)worksheets\/[^/]+\.xml$/i.test(name);

/** What the general reader is given for a worksheet read by sheetCells: a sheet with no cells. */
const EMPTY_SHEET = new TextEncoder().encode(
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>',
);

/**
 * The shared strings, the cell styles' date formats and the date system, for sheetCells; null when a part is not
 * read here (then every sheet goes to the general reader), or when the relationships name no styles part (the
 * general reader would find one by its content type).
 */
function bookParts(pkg: PackageParts, peek: WorkbookPeek): BookParts | null {
  const strings = peek.strings !== undefined ? pkg.text(peek.strings) : '';
  const styles = peek.styles !== undefined ? pkg.text(peek.styles) : undefined;
  if (strings === undefined || styles === undefined) return null;
  const list = sharedStrings(strings);
  const dates = dateStyles(styles);
  return list && dates ? { strings: list, dateStyles: dates, date1904: peek.date1904 } : null;
}

const isSheetPart = (name: string) => /(^|\/)(worksheets|chartsheets|dialogsheets|macrosheets)\/[^/]+$/i.test(name);

/**
 * A zip package through the bounded container. For an .xlsx/.xlsm the sheet list is read first, so that only
 * the sheets wanted — every visible one, or those --sheet names — are inflated, each scanned before parsing.
 */
function readPackage(
  pkg: PackageParts,
  format: Format,
  opts: XLSX.ParsingOptions,
  o: ReadOptions,
  bud: Budgets,
  seen: PackageSeen,
): XLSX.WorkBook {
  const { scans, owned, unread } = seen;
  const peek = format === 'xlsx' || format === 'xlsm' ? peekWorkbook((part) => pkg.text(part)) : null;
  const sheetOfPart = new Map<string, string>();
  let indices: number[] | undefined;
  if (peek) {
    if (peek.sheets.length > bud.sheets) throw tooManySheets(peek.sheets.length, bud);
    // the result and mark sheets an earlier copy added are never rosters: not read unless named
    const custom = peek.custom !== undefined ? pkg.text(peek.custom) : undefined;
    const tool = new Set(custom !== undefined ? (copyRecord(parseCustomXml(custom))?.sheets ?? []) : []);
    const named = o.sheets?.length ? new Set(o.sheets) : null;
    indices = [];
    peek.sheets.forEach((sh, i) => {
      const wanted = named ? named.has(sh.name) : sh.state === 'visible' && !tool.has(sh.name);
      if (wanted) {
        indices!.push(i);
        if (sh.part !== undefined) sheetOfPart.set(sh.part, sh.name);
      } else unread.add(sh.name);
    });
  }
  // before anything is inflated: the parts the reader will take, by the sizes the directory gives
  let total = 0;
  for (const e of pkg.entries) {
    if (!readable(format, e.name) || (peek && isSheetPart(e.name) && !sheetOfPart.has(e.name))) continue;
    pkg.checkPart(e);
    total += e.uncompressedSize;
  }
  if (total > bud.packageBytes)
    throw new FileProblem(
      t(
        `压缩包中要读取的部件解压后共有 ${byteWords(total)}，超过上限 ${byteWords(bud.packageBytes)}（packageBytes）`,
        `the parts to read inflate to ${byteWords(total)} in all, more than the limit of ${byteWords(bud.packageBytes)} (packageBytes)`,
      ),
    );
  let book: BookParts | null | undefined;
  const container = pkg.container(
    (name) => readable(format, name),
    (name, b) => {
      if (format === 'ods' && name === 'content.xml') {
        scanOdsContent(b, bud);
        return b;
      }
      const sheet = sheetOfPart.get(name);
      if (sheet === undefined) return b;
      const scan = scanSheetXml(b, sheet, bud);
      scans.set(sheet, scan);
      // a worksheet's values read here (sheetcells.ts); the general reader is given an empty sheet instead
      const worksheet = peek !== null && !o.generalReader && isWorksheetPart(name);
      if (worksheet && book === undefined) book = bookParts(pkg, peek);
      const own = worksheet && book ? sheetCells(scan.bytes, book) : null;
      if (own === null) return scan.bytes;
      owned.set(sheet, own);
      return EMPTY_SHEET;
    },
  );
  const parseZip = (sheetjs() as unknown as { parse_zip: (zip: unknown, o: XLSX.ParsingOptions) => XLSX.WorkBook })
    .parse_zip;
  return quiet(() => parseZip(container, { ...opts, ...(indices ? { sheets: indices } : {}) }));
}

/**
 * A custom property's text as the reader returned it, decoded: UTF-8 bytes (custom.xml) or UTF-16 bytes (an .xls
 * property set in code page 1200, which SheetJS's ES-module build — the one the web page bundles — returns
 * undecoded without its code-page tables: "h\0a\0i\0…").
 */
export function propertyText(s: string): string {
  return s.includes('\u0000') ? utf16Again(s) : utf8Again(s);
}

function utf16Again(s: string): string {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return s;
  const bytes = new Uint8Array(s.length + (s.length % 2));
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  let text = new TextDecoder('utf-16le').decode(bytes);
  while (text.endsWith('\u0000')) text = text.slice(0, -1);
  return text;
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

/** What Papa's delimiter guess tries, in its order (papaparse 5.7: guessDelimiter's default list). */
const GUESSED = [',', '\t', '|', ';', Papa.RECORD_SEP, Papa.UNIT_SEP];
/** Papa guesses the line ending from the first MB of the text (guessLineEndings). */
const NEWLINE_HEAD = 1 << 20;

/**
 * The delimiter Papa would guess for the whole text, found in its first MB. Papa's guess parses the first 10
 * rows once per candidate delimiter, but each of those parses splits the whole text first (its fast path): six
 * splits of a 100 MB file. Its guess looks at nothing past the 10th row, so when every candidate's first 10 rows
 * end inside a head of the text (an 11th row begins there) the head's guess is the whole text's: tried on 64 kB,
 * then larger heads up to the MB Papa reads the line ending from; else undefined: Papa guesses on the whole text,
 * as without this.
 */
export function csvDelimiter(text: string): string | undefined {
  // the first MB as Papa sees the text: without a byte-order mark
  const mb = text.slice(0, NEWLINE_HEAD + (text.charCodeAt(0) === 0xfeff ? 1 : 0));
  if (mb.length === text.length) return undefined;
  const newline = Papa.parse<string[]>(mb, { delimiter: ',', preview: 1 }).meta.linebreak as '\n' | '\r' | '\r\n';
  for (let size = 1 << 16; ; size *= 4) {
    const head = size < mb.length ? mb.slice(0, size) : mb;
    if (
      GUESSED.every((delimiter) => Papa.parse<string[]>(head, { delimiter, newline, preview: 11 }).data.length === 11)
    )
      return Papa.parse<string[]>(head, { newline, preview: 1 }).meta.delimiter;
    if (head === mb) return undefined;
  }
}

function readCsv(bytes: Uint8Array, notices: Text[], bud: Budgets): WorkbookData {
  const text = decodeText(bytes, notices, true);
  const delimiter = csvDelimiter(text);
  const rows: unknown[][] = [];
  const quoteRows: number[] = [];
  let cells = 0;
  let problem: FileProblem | null = null;
  const own = new Map<string, string>();
  // row by row, so that a budget stops the parse where it is exceeded
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    ...(delimiter !== undefined ? { delimiter } : {}),
    step: (res, parser) => {
      const row = ownCells(res.data, own);
      cells += row.length;
      if (res.errors.some((e) => e.code === 'MissingQuotes')) {
        // a quote opened and never closed: Papa puts every line after it into this one cell, rows that would
        // then go unchecked without a word (Excel opens the file the same way) — the file is refused instead
        const lost = linesIn(row);
        if (lost > 0) problem = unclosedQuote(rows.length + 1, lost);
      }
      if (res.errors.some((e) => e.type === 'Quotes') && quoteRows.length < 5) quoteRows.push(rows.length + 1);
      if (row.length > bud.columns) problem = csvBudget(rows.length + 1, t('列', 'columns'), bud.columns, 'columns');
      else if (rows.length >= bud.rows) problem = csvBudget(rows.length + 1, t('行', 'rows'), bud.rows, 'rows');
      else if (cells > bud.csvCells)
        problem = csvBudget(rows.length + 1, t('个单元格', 'cells'), bud.csvCells, 'csvCells');
      if (problem) return parser.abort();
      rows.push(row);
    },
  });
  if (problem) throw problem;
  // a file ending in a line break (as nearly all do) gives Papa one last row of one empty cell: no row of the file
  const last = rows[rows.length - 1];
  if (rows.length > 1 && last?.length === 1 && last[0] === '') rows.pop();
  // Papa reads on past a stray quote; say so rather than fail the whole file
  if (quoteRows.length)
    notices.push(
      t(
        `CSV 第 ${quoteRows.join('、')} 行的引号不成对，已尽量读取`,
        `unbalanced quotes near row(s) ${quoteRows.join(', ')}`,
      ),
    );
  const { rows: kept, firstRow } = trimTop(rows);
  const sheet: SheetData = { name: '', visibility: 'visible', kind: 'worksheet', rows: kept, firstRow, merges: [] };
  return { format: 'csv', sheets: [sheet], properties: Object.create(null), notices };
}

/** Distinct long cell texts given a string of their own; past this many, each further one is copied alone. */
const OWN_CELLS_MAX = 200_000;

/**
 * A row's cells as strings of their own. The parser's cells are slices of the file's text, and in V8 a slice
 * of 13 characters or more refers to the whole text: one ID or school name kept would keep the file's text
 * (hundreds of MB for a million rows) alive as long as the rows. Copied, and the same text one string.
 */
function ownCells(row: string[], own: Map<string, string>): string[] {
  for (let i = 0; i < row.length; i++) {
    const v = row[i]!;
    if (v.length < 13) continue;
    let o = own.get(v);
    if (o === undefined) {
      // a concatenation sliced back: flattened into a new string, which the copy then refers to
      o = (v + ' ').slice(0, -1);
      if (own.size < OWN_CELLS_MAX) own.set(o, o);
    }
    row[i] = o;
  }
  return row;
}

/**
 * The line breaks inside a row's cells, but for those ending the file: the lines after it that an unclosed quote
 * took into one cell (none when the quote opens on the last line).
 */
function linesIn(row: readonly string[]): number {
  let n = 0;
  for (const cell of row) {
    const v = cell.replace(/[\r\n]+$/, '');
    for (let i = v.indexOf('\n'); i >= 0; i = v.indexOf('\n', i + 1)) n++;
  }
  return n;
}

const unclosedQuote = (row: number, lines: number) =>
  new FileProblem(
    t(
      `CSV 第 ${row} 行有一个未闭合的引号（"）：其后 ${lines} 行都会被读进同一个单元格而不被检查。请在该行补上对应的引号，或删去这个引号，再检查`,
      `row ${row} of the CSV opens a quote (") that is never closed: the ${lines} line(s) after it would all be read into one cell and go unchecked. Close the quote on that row, or remove it, and check again`,
    ),
  );

const csvBudget = (row: number, what: Text, limit: number, name: string) =>
  new FileProblem(
    t(
      `CSV 在第 ${row} 行超过了 ${count(limit)} ${what.zh}的上限（${name}）；请删去多余的数据或拆分文件`,
      `the CSV goes past the limit of ${count(limit)} ${what.en} at row ${row} (${name}); remove unused data or split the file`,
    ),
  );

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

function cellValue(c: XLSX.CellObject | undefined, date1904: boolean, errorText?: () => string | undefined): unknown {
  if (!c) return undefined;
  switch (c.t) {
    case 'n':
      return typeof c.v === 'number' ? datedNumber(c.v, isDateFormat(c.z), date1904) : c.v;
    case 's':
      return c.v;
    case 'b':
      return c.v;
    case 'd':
      return c.v instanceof Date ? c.v : new Date(String(c.v));
    case 'e':
      // as Excel shows it; an error the reader has no code for (#SPILL!, #CALC! …) by the text the file holds
      return ERRORS.get(c.v as number) ?? errorText?.() ?? '#VALUE!';
    default:
      return undefined;
  }
}

type DenseSheet = XLSX.WorkSheet & { '!data'?: XLSX.CellObject[][] };

const where = (sheet: string) => (sheet ? t(`工作表「${sheet}」`, `sheet "${sheet}" `) : t('', ''));

/**
 * A sheet's values, read by its cells (never by its declared dimensions): rows from the first to the last
 * holding a cell, each as long as its last cell. Merged areas are filled with their top-left value within
 * those rows and columns only — a merge J1:XFD1048576 over a two-row sheet fills two rows — and every filled
 * cell counts against the sheet's cell budget.
 */
function sheetValues(
  ws: DenseSheet,
  date1904: boolean,
  sheet: string,
  bud: Budgets,
  scan?: SheetScan,
): { rows: unknown[][]; firstRow: number; merges: Merge[] } {
  const data = ws['!data'] ?? [];
  const w = where(sheet);
  checkGrid(data, w, bud);
  const errors = scan?.errorTexts;
  const all: unknown[][] = new Array(data.length);
  let cells = 0;
  for (let r = 0; r < data.length; r++) {
    const src = data[r];
    if (!src) {
      all[r] = [];
      continue;
    }
    const row: unknown[] = new Array(src.length);
    for (let c = 0; c < src.length; c++) {
      const cell = src[c];
      if (cell === undefined) continue;
      cells++;
      row[c] = cellValue(cell, date1904, errors?.size ? () => errors.get(r * 16384 + c) : undefined);
    }
    all[r] = row;
  }
  const declared = (ws['!merges'] ?? []).map((m) => ({ s: { r: m.s.r, c: m.s.c }, e: { r: m.e.r, c: m.e.c } }));
  return filled(all, cells, declared, w, bud);
}

/** A sheet sheetCells read: its rows as they are (values made already), through the same budgets and merges. */
function ownValues(
  own: OwnSheet,
  sheet: string,
  bud: Budgets,
): { rows: unknown[][]; firstRow: number; merges: Merge[] } {
  const w = where(sheet);
  checkGrid(own.data, w, bud);
  const all = own.data;
  for (let r = 0; r < all.length; r++) if (all[r] === undefined) all[r] = [];
  return filled(all, own.cells, own.merges, w, bud);
}

/** A sheet's rows and columns within Excel's grid (the scan checked the addresses; this, what was built). */
function checkGrid(data: ArrayLike<ArrayLike<unknown> | undefined>, w: Text, bud: Budgets): void {
  if (data.length > bud.rows)
    throw new FileProblem(
      t(
        `${w.zh}有第 ${count(data.length)} 行，超出了 Excel 的 ${count(bud.rows)} 行：文件已损坏`,
        `${w.en}has a row ${count(data.length)}, beyond Excel's ${count(bud.rows)} rows: the file is damaged`,
      ),
    );
  for (let r = 0; r < data.length; r++) {
    const n = data[r]?.length ?? 0;
    if (n > bud.columns)
      throw new FileProblem(
        t(
          `${w.zh}第 ${r + 1} 行有第 ${count(n)} 列，超出了 Excel 的 ${count(bud.columns)} 列：文件已损坏`,
          `${w.en}row ${r + 1} has a column ${count(n)}, beyond Excel's ${count(bud.columns)} columns: the file is damaged`,
        ),
      );
  }
}

/**
 * The rows with their merged areas filled with their top-left value, within the rows and columns that hold a
 * cell only — a merge J1:XFD1048576 over a two-row sheet fills two rows — every filled cell counted against the
 * sheet's cell budget; then the empty rows above the first with content dropped.
 */
function filled(
  all: unknown[][],
  cells: number,
  merges: Merge[],
  w: Text,
  bud: Budgets,
): { rows: unknown[][]; firstRow: number; merges: Merge[] } {
  const tooMany = () =>
    new FileProblem(
      t(
        `${w.zh}的单元格（含合并单元格展开后）超过上限 ${count(bud.sheetCells)}（sheetCells）；请删去多余的数据或取消不需要的合并单元格`,
        `${w.en}has more cells than the limit of ${count(bud.sheetCells)} (sheetCells), merged areas counted as filled; remove unused data or unmerge cells`,
      ),
    );
  if (cells > bud.sheetCells) throw tooMany();
  if (merges.length > bud.merges)
    throw new FileProblem(
      t(
        `${w.zh}的合并单元格区域超过上限 ${count(bud.merges)}（merges）；请取消不需要的合并单元格`,
        `${w.en}has more merged ranges than the limit of ${count(bud.merges)} (merges); unmerge the cells that need not be merged`,
      ),
    );
  let width = 0;
  for (let r = 0; r < all.length; r++) if (all[r]!.length > width) width = all[r]!.length;
  // administrators merge a teacher's name and ID over that teacher's rows: every row must see them
  for (const m of merges) {
    const lastRow = Math.min(m.e.r, all.length - 1);
    const lastCol = Math.min(m.e.c, width - 1);
    if (lastRow < m.s.r || lastCol < m.s.c) continue;
    // an empty merged area counts too: the copy's marks look it up (mergeIndex)
    cells += (lastRow - m.s.r + 1) * (lastCol - m.s.c + 1) - 1;
    if (cells > bud.sheetCells) throw tooMany();
    const value = all[m.s.r]?.[m.s.c];
    if (value === undefined) continue;
    for (let r = m.s.r; r <= lastRow; r++) {
      const row = all[r]!;
      for (let c = m.s.c; c <= lastCol; c++) if (r !== m.s.r || c !== m.s.c) row[c] = value;
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
function odsExtras(pkg: PackageParts): { properties: Record<string, string>; hidden: Set<string> } {
  const properties: Record<string, string> = Object.create(null);
  const hidden = new Set<string>();
  const meta = pkg.text('meta.xml');
  if (meta) {
    let noClose = Infinity;
    for (const tag of allTags(meta, 'meta:user-defined')) {
      const name = attr(tag.text, 'meta:name');
      if (!name || tag.selfClosing || tag.end >= noClose) continue;
      const close = meta.indexOf('</meta:user-defined>', tag.end);
      if (close < 0) noClose = tag.end;
      else properties[name] = xmlUnescape(meta.slice(tag.end, close));
    }
  }
  const content = pkg.text('content.xml');
  if (content) {
    const hiddenStyles = new Set<string>();
    let noClose = Infinity;
    // the next <style:table-properties>, looked up once per occurrence (not once per style)
    let props: ReturnType<typeof nextTag> | undefined;
    for (const st of allTags(content, 'style:style')) {
      if (attr(st.text, 'style:family') !== 'table' || st.selfClosing || st.end >= noClose) continue;
      const close = content.indexOf('</style:style>', st.end);
      if (close < 0) {
        noClose = st.end;
        continue;
      }
      if (props === undefined || (props !== null && props.start < st.end))
        props = nextTag(content, 'style:table-properties', st.end);
      if (props && props.start < close && attr(props.text, 'table:display') === 'false')
        hiddenStyles.add(attr(st.text, 'style:name') ?? '');
    }
    if (hiddenStyles.size) {
      for (const tb of allTags(content, 'table:table')) {
        if (hiddenStyles.has(attr(tb.text, 'table:style-name') ?? '')) hidden.add(attr(tb.text, 'table:name') ?? '');
      }
    }
  }
  return { properties, hidden };
}

/**
 * The merged area holding a cell of a sheet, found in constant time per cell: the merges indexed by the rows
 * they cover within the sheet's rows (bounded by the cell budget, which counts merged areas as filled).
 * Coordinates are 0-based sheet rows and columns; null when the cell is in no merged area.
 */
export function mergeIndex(
  sheet: Pick<SheetData, 'merges' | 'rows' | 'firstRow'>,
): (r: number, c: number) => Merge | null {
  if (!sheet.merges.length) return () => null;
  const last = sheet.firstRow - 1 + sheet.rows.length - 1;
  const byRow = new Map<number, Merge[]>();
  for (const m of sheet.merges) {
    for (let r = m.s.r; r <= Math.min(m.e.r, last); r++) {
      const list = byRow.get(r);
      if (list) list.push(m);
      else byRow.set(r, [m]);
    }
  }
  return (r, c) => {
    for (const m of byRow.get(r) ?? []) if (c >= m.s.c && c <= m.e.c) return m;
    return null;
  };
}
