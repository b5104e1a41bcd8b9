// A worksheet's cell values read straight from its XML bytes, after the scan (sheetscan.ts) has checked them
// against the budgets and put every cell in its row. The general reader (SheetJS) turned each cell into an
// object through string slices and regular expressions: 100 000 rows of a roster took it ~1.5 s, most of an
// .xlsx check. Here a cell is its address, its type and its <v>, and a value is made only for a cell that has
// one. Anything this reader does not know for certain — a typed date (t="d"), a type it has no word for, a
// comment, a CDATA section or an instruction inside the cells, a shared string that is not in the table —
// gives null: the sheet is then read by the general reader as before, so nothing is ever read differently
// without a reason. The shared strings and the number formats come from their own parts (bookParts, read.ts).
import { sheetjs } from './sheetjs';
import { xmlUnescape } from './xml';
import {
  attrValue,
  cellAttrs,
  cellRef,
  digits,
  GT,
  isSpace,
  KNOWN_ERRORS,
  LT,
  nameIs,
  nextStart,
  plainValueEnd,
  readTag,
  SLASH,
  type CellAttrs,
} from './sheetscan';
import type { Merge } from './read';

const BANG = 0x21;
const QUESTION = 0x3f;

/** What a sheet's values need from the rest of the package. */
export interface BookParts {
  /** the shared strings, in order: each string's text (its phonetic runs left out) */
  strings: readonly string[];
  /** for each cell style (cellXfs, by index), whether its number format shows a date or a time */
  dateStyles: readonly boolean[];
  /** the 1904 date system (workbookPr date1904) */
  date1904: boolean;
}

/** A sheet read here: its rows (0-based, holes where no cell is), the cells that hold something, its merges. */
export interface OwnSheet {
  data: unknown[][];
  cells: number;
  merges: Merge[];
}

const dateFormats = new Map<string, boolean>();

/** Whether a number format code shows a date or a time (SheetJS's format parser decides; remembered). */
export function isDateFormat(z: unknown): boolean {
  if (typeof z !== 'string' || z === 'General' || z === '@') return false;
  let d = dateFormats.get(z);
  if (d === undefined) {
    try {
      d = sheetjs().SSF.is_date(z) === true;
    } catch {
      d = false;
    }
    if (dateFormats.size > 4096) dateFormats.clear();
    dateFormats.set(z, d);
  }
  return d;
}

/** An Excel serial date as a UTC Date (the 1900 system counts a 29 Feb 1900 that never was). */
export function serialDate(serial: number, date1904: boolean): Date {
  const days = date1904 ? serial + 1462 : serial < 60 ? serial + 1 : serial;
  return new Date(Math.round((days - 25569) * 86_400_000));
}

/** A number in a date style as its date, within Excel's dates (1900-01-01 to 9999-12-31); else the number. */
export function datedNumber(n: number, dated: boolean, date1904: boolean): number | Date {
  return dated && n > 0 && n < 2958466 ? serialDate(n, date1904) : n;
}

/**
 * The built-in number formats that show dates or times (ECMA-376 §18.8.30): 14–22 and 45–47 in every locale,
 * and the East Asian built-ins 27–36 and 50–58 (yyyy"年"m"月"d"日", 上午/下午h"时"mm"分" …) that Excel in
 * Chinese writes by number alone. A workbook's own numFmt of the same number wins.
 */
const BUILTIN_DATE = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** OOXML's own escape of a character XML cannot hold (_x000D_ for a carriage return), after XML's entities. */
const CODE = /_x([\da-fA-F]{4})_/g;

/** A text node's value as Excel means it: entities, then _xHHHH_ escapes; CR LF as one line break. */
export function cellText(raw: string): string {
  let s = xmlUnescape(raw);
  if (s.indexOf('_x') >= 0) s = s.replace(CODE, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s.indexOf('\r\n') >= 0 ? s.replace(/\r\n/g, '\n') : s;
}

// Every pattern below stops at the next '<' or '>' ([^<>]), and an element's end is found by indexOf from its
// start: a part of unclosed tags costs one pass, never a search to its end from each of them.
const T_TEXT = /<(?:[\w.-]+:)?t(?:\s[^<>]*)?>([^<]*)<\/(?:[\w.-]+:)?t\s*>/g;
const PHONETIC = /<((?:[\w.-]+:)?)rPh\b[^<>]*>/g;

/** The text without its phonetic guides (<rPh>…</rPh>, which do not nest). */
function withoutPhonetic(s: string): string {
  let out = '';
  let from = 0;
  PHONETIC.lastIndex = 0;
  for (let m = PHONETIC.exec(s); m; m = PHONETIC.exec(s)) {
    out += s.slice(from, m.index);
    if (m[0].endsWith('/>')) {
      from = PHONETIC.lastIndex;
      continue;
    }
    const close = s.indexOf(`</${m[1]}rPh>`, PHONETIC.lastIndex);
    if (close < 0) return out;
    from = close + m[1]!.length + 6;
    PHONETIC.lastIndex = from;
  }
  return out + s.slice(from);
}

/** A rich or plain string's (<si>'s, <is>'s) text: every run's <t> in order, phonetic guides (<rPh>) left out. */
export function stringItem(inner: string): string {
  const s = inner.indexOf('rPh') >= 0 ? withoutPhonetic(inner) : inner;
  let out = '';
  T_TEXT.lastIndex = 0;
  for (let m = T_TEXT.exec(s); m; m = T_TEXT.exec(s)) out += m[1];
  return cellText(out);
}

/** A part's text after its XML declaration holds a comment, a CDATA section or an instruction: not read here. */
function hasMarkup(xml: string): boolean {
  const decl = /^\uFEFF?\s*<\?xml[^<>]*\?>/.exec(xml);
  const from = decl ? decl[0].length : 0;
  return xml.indexOf('<!', from) >= 0 || xml.indexOf('<?', from) >= 0;
}

/** The shared string table's texts (sharedStrings.xml), in order; null when it holds what is not read here. */
export function sharedStrings(xml: string): string[] | null {
  if (hasMarkup(xml)) return null;
  const out: string[] = [];
  const open = /<((?:[\w.-]+:)?)si\b[^<>]*?(\/?)>/g;
  for (let m = open.exec(xml); m; m = open.exec(xml)) {
    if (m[2] === '/') {
      out.push('');
      continue;
    }
    const close = xml.indexOf(`</${m[1]}si>`, open.lastIndex);
    const end = close < 0 ? xml.length : close;
    out.push(stringItem(xml.slice(open.lastIndex, end)));
    open.lastIndex = end;
  }
  return out;
}

/** An attribute's raw value in a start tag held as text. */
function rawAttr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

/**
 * Which cell styles of styles.xml show dates: each <xf> of <cellXfs> by its numFmtId, in order, the workbook's own
 * formats read from <numFmts> (a differential format's <numFmt> inside <dxfs> is not one of them). Null when the
 * part holds what is not read here.
 */
export function dateStyles(xml: string): boolean[] | null {
  if (hasMarkup(xml)) return null;
  const custom = new Map<number, string>();
  const list = blockOf(xml, 'numFmts');
  const fmts = /<(?:[\w.-]+:)?numFmt\s[^<>]*>/g;
  for (let m = fmts.exec(list); m; m = fmts.exec(list)) {
    const id = Number(rawAttr(m[0], 'numFmtId'));
    const code = rawAttr(m[0], 'formatCode');
    if (Number.isInteger(id) && code !== undefined) custom.set(id, cellText(code));
  }
  const block = blockOf(xml, 'cellXfs');
  const out: boolean[] = [];
  const xf = /<(?:[\w.-]+:)?xf\b[^<>]*>/g;
  for (let m = xf.exec(block); m; m = xf.exec(block)) {
    const id = Number(rawAttr(m[0], 'numFmtId') ?? 0);
    const code = custom.get(id);
    out.push(code !== undefined ? isDateFormat(code) : BUILTIN_DATE.has(id));
  }
  return out;
}

/** The content of the first element `local` (any prefix), or '' when there is none or it is empty. */
function blockOf(xml: string, local: string): string {
  const open = new RegExp(`<((?:[\\w.-]+:)?)${local}\\b[^<>]*?(\\/?)>`).exec(xml);
  if (!open || open[2] === '/') return '';
  const from = open.index + open[0].length;
  const close = xml.indexOf(`</${open[1]}${local}>`, from);
  return xml.slice(from, close < 0 ? xml.length : close);
}

/** Bytes as Latin-1 text: a cell's address, type or number (ASCII). */
function ascii(b: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCharCode(b[i]!);
  return s;
}

const utf8 = new TextDecoder('utf-8');

/**
 * Whether the end tag at `lt` ("</v>", "</x:v >") closes `local`: its name read, at most 64 bytes of it, never on
 * to a '>' that may be far away (a search from every "</" to the end of a hostile part would be quadratic).
 */
function endTagIs(b: Uint8Array, lt: number, local: string): boolean {
  let k = lt + 2;
  let start = k;
  const stop = Math.min(b.length, k + 64);
  for (; k < stop; k++) {
    const c = b[k]!;
    if (c === GT || isSpace(c)) break;
    if (c === 0x3a) start = k + 1;
  }
  if (k === stop || k - start !== local.length) return false;
  for (let i = 0; i < local.length; i++) if (b[start + i] !== local.charCodeAt(i)) return false;
  return true;
}

/** The raw text between `from` and the end tag of `local` at or after it (-1 when none: not read here). */
function innerEnd(b: Uint8Array, from: number, local: string): number {
  for (let i = b.indexOf(LT, from); i >= 0; i = b.indexOf(LT, i + 1)) {
    const c = b[i + 1];
    // a comment or CDATA inside a value: left to the general reader
    if (c === BANG || c === QUESTION) return -1;
    if (c === SLASH && endTagIs(b, i, local)) return i;
  }
  return -1;
}

/** Where the last end tag of `local` starts (</sheetData>, near the end of a sheet), or -1. */
function lastEndTag(b: Uint8Array, local: string): number {
  for (let i = b.length - 2; i >= 0; i--) if (b[i] === LT && b[i + 1] === SLASH && endTagIs(b, i, local)) return i;
  return -1;
}

/** The type attribute's code: 0 number (none), 1 s, 2 str, 3 inlineStr, 4 b, 5 e, -1 any other. */
function typeOf(b: Uint8Array, a: CellAttrs): number {
  if (a.t0 < 0) return 0;
  const n = a.t1 - a.t0;
  const c = b[a.t0];
  if (n === 1) return c === 0x73 ? 1 : c === 0x6e ? 0 : c === 0x62 ? 4 : c === 0x65 ? 5 : -1;
  if (n === 3 && c === 0x73 && b[a.t0 + 1] === 0x74 && b[a.t0 + 2] === 0x72) return 2;
  if (n === 9 && ascii(b, a.t0, a.t1) === 'inlineStr') return 3;
  return -1;
}

/** A <c>'s content up to its end tag: where its <v> text and its <is> are, and where the cell ends. */
interface Content {
  v0: number;
  v1: number;
  is0: number;
  is1: number;
  end: number;
}

/**
 * The content of the cell whose start tag ends at `from`. The usual `<v>…</v></c>` is read without a tag
 * object; otherwise tag by tag (an <f> before the <v>, an <is>, an <extLst> after). Null: something this
 * reader does not read (a comment, CDATA, an instruction) or no end tag.
 */
function content(b: Uint8Array, from: number, into: Content): Content | null {
  into.v0 = into.v1 = into.is0 = into.is1 = -1;
  const lt = plainValueEnd(b, from);
  if (lt >= 0) {
    into.v0 = from + 3;
    into.v1 = lt;
    into.end = lt + 8;
    return into;
  }
  for (let i = b.indexOf(LT, from); i >= 0; i = b.indexOf(LT, i)) {
    const c = b[i + 1];
    if (c === BANG || c === QUESTION) return null;
    if (c === SLASH) {
      if (endTagIs(b, i, 'c')) {
        const gt = b.indexOf(GT, i);
        if (gt < 0) return null;
        into.end = gt + 1;
        return into;
      }
      i += 2;
      continue;
    }
    const tag = readTag(b, i);
    i = tag.end;
    if (tag.selfClosing) continue;
    const local = nameIs(b, tag, 'v') ? 'v' : nameIs(b, tag, 'is') ? 'is' : null;
    if (local !== null) {
      const close = innerEnd(b, tag.end, local);
      if (close < 0) return null;
      if (local === 'v' && into.v0 < 0) {
        into.v0 = tag.end;
        into.v1 = close;
      } else if (local === 'is' && into.is0 < 0) {
        into.is0 = tag.end;
        into.is1 = close;
      }
      i = close;
    }
  }
  return null;
}

/** An Excel number as written in <v> (what parseFloat reads, as the general reader did). */
const numberOf = (b: Uint8Array, from: number, to: number): number => parseFloat(ascii(b, from, to));

/** The shared string index in <v>: digits only, spaces around them allowed. */
function stringIndex(b: Uint8Array, from: number, to: number): number {
  let i = from;
  let j = to;
  while (i < j && isSpace(b[i]!)) i++;
  while (j > i && isSpace(b[j - 1]!)) j--;
  return digits(b, i, j);
}

/** A merged range "A1:C3" (or one cell "B2"): 0-based; null when it is not one. */
function rangeOf(b: Uint8Array, from: number, to: number): Merge | null {
  let colon = from;
  while (colon < to && b[colon] !== 0x3a) colon++;
  const s = cellRef(b, from, colon);
  const e = colon < to ? cellRef(b, colon + 1, to) : s;
  if (!s || !e || Number.isNaN(s.row) || Number.isNaN(e.row)) return null;
  return { s: { r: s.row - 1, c: s.col - 1 }, e: { r: e.row - 1, c: e.col - 1 } };
}

/** A cell without a value (no cell to the general reader either), and one this reader leaves to it. */
const NO_VALUE = Symbol('no value');
const UNREAD = Symbol('unread');

/** A cell's value by its type (typeOf's code) and content: what the general reader's cell gave to sheetValues. */
function valueOf(b: Uint8Array, a: CellAttrs, type: number, c: Content | null, book: BookParts): unknown {
  const hasV = c !== null && c.v0 >= 0;
  switch (type) {
    case 0: {
      if (!hasV || c.v1 === c.v0) return NO_VALUE;
      // a number written with a character reference (&#49;): left to the general reader, which decodes it
      for (let i = c.v0; i < c.v1; i++) if (b[i] === 0x26) return UNREAD;
      const n = numberOf(b, c.v0, c.v1);
      const style = a.s0 >= 0 ? digits(b, a.s0, a.s1) : 0;
      return datedNumber(n, book.dateStyles[style] === true, book.date1904);
    }
    case 1: {
      if (!hasV || c.v1 === c.v0) return NO_VALUE;
      const k = stringIndex(b, c.v0, c.v1);
      return k >= 0 && k < book.strings.length ? book.strings[k] : UNREAD;
    }
    case 2:
      return hasV ? cellText(utf8.decode(b.subarray(c.v0, c.v1))) : '';
    case 3:
      return c !== null && c.is0 >= 0 ? stringItem(utf8.decode(b.subarray(c.is0, c.is1))) : '';
    case 4: {
      const v = hasV ? ascii(b, c.v0, c.v1) : '';
      return v === '1' || v === 'true';
    }
    default: {
      // an error value, as Excel shows it: the general reader named the usual ones, the text names them all
      const v = hasV ? cellText(ascii(b, c.v0, Math.min(c.v1, c.v0 + 33))) : '';
      return KNOWN_ERRORS.has(v) || (v.startsWith('#') && v.length <= 32) ? v : '#VALUE!';
    }
  }
}

/**
 * The values of a worksheet part's cells (as scanned: on the grid, each in its row): numbers, texts,
 * booleans, error values as Excel shows them (#N/A), numbers in a date style as UTC Dates. Null when a cell
 * holds what is read only by the general reader (see the head of this file).
 */
export function sheetCells(b: Uint8Array, book: BookParts): OwnSheet | null {
  const data: unknown[][] = [];
  const merges: Merge[] = [];
  const into: Content = { v0: -1, v1: -1, is0: -1, is1: -1, end: 0 };
  const attrs: CellAttrs = { r0: -1, r1: -1, s0: -1, s1: -1, t0: -1, t1: -1 };
  let cells = 0;
  let row = 0;
  let prevCol = 0;
  let values: unknown[] | undefined;
  let at = 0;
  // cells and rows only inside <sheetData> (an extension list may hold elements of the same local names)
  let dataEnd = -1;
  let seen = false;
  // text in UTF-16 (a byte order mark, or NULs): no ASCII tag would be found, and the sheet would read empty
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff) || b.indexOf(0) >= 0) return null;
  for (let tag = nextStart(b, 0); tag; tag = nextStart(b, at)) {
    at = tag.end;
    const inData = tag.local < dataEnd;
    if (nameIs(b, tag, 'sheetData')) {
      // one <sheetData> a sheet; its end found once (from each of many start tags, the search would be quadratic)
      if (seen) return null;
      seen = true;
      if (!tag.selfClosing) dataEnd = lastEndTag(b, 'sheetData');
      if (!tag.selfClosing && dataEnd < tag.end) return null;
    } else if (inData && nameIs(b, tag, 'c')) {
      cellAttrs(b, tag, attrs);
      const addr = attrs.r0 >= 0 ? cellRef(b, attrs.r0, attrs.r1) : null;
      // an address that is not letters and digits ("$B$1", "b1"): where the cell goes is the general reader's say
      if (attrs.r0 >= 0 && !addr) return null;
      const col = addr ? addr.col : prevCol + 1;
      const r = addr && !Number.isNaN(addr.row) ? addr.row : row;
      prevCol = col;
      const type = typeOf(b, attrs);
      if (type < 0 || !(r >= 1)) return null;
      let c: Content | null = null;
      if (!tag.selfClosing) {
        c = content(b, at, into);
        if (c === null) return null;
        at = c.end;
      }
      const value = valueOf(b, attrs, type, c, book);
      if (value === NO_VALUE) continue;
      if (value === UNREAD) return null;
      if (r !== row || values === undefined) {
        row = r;
        values = data[r - 1] ??= [];
      }
      if (values[col - 1] === undefined) cells++;
      values[col - 1] = value;
    } else if (inData && nameIs(b, tag, 'row')) {
      const ref = attrValue(b, tag, 'r');
      const r = ref ? digits(b, ref[0], ref[1]) : row + 1;
      row = r;
      prevCol = 0;
      values = undefined;
    } else if (nameIs(b, tag, 'mergeCell')) {
      const ref = attrValue(b, tag, 'ref');
      const m = ref ? rangeOf(b, ref[0], ref[1]) : null;
      if (m) merges.push(m);
    }
  }
  return seen ? { data, cells, merges } : null;
}
