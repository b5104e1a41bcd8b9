// The in-memory workbook behind the stand-in Excel: plain data that tests, the
// preview and the browser tests read directly, and the rules by which Excel changes
// it (cell input, sheet names, A1 addresses). The proxies in the other files of this
// folder only ever reach the workbook through a context.sync, as in Excel.
import { columnLetters } from '../../../present/tables';

export type Value = string | number | boolean;

/** A rectangle of cells, 0-based. */
export interface Box {
  r: number;
  c: number;
  nr: number;
  nc: number;
}

/** A cell's own formats; absent fields are Excel's defaults (General, not bold, no fill). */
export interface Fmt {
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fontName?: string;
  numberFormat?: string;
  wrapText?: boolean;
  horizontalAlignment?: string;
}

export interface Cf extends Box {
  id: number;
  type: string;
  formula: string;
  fill?: string;
  font?: string;
}

export interface MemoryChart {
  name: string;
  type: string;
  title: string;
  seriesBy: string;
  /** the source data, on this chart's sheet */
  source: Box;
  series: Array<{ name: string; values: Box; xValues?: Box }>;
  position?: { start: string; end?: string };
}

export interface MemoryTable extends Box {
  name: string;
  hasHeaders: boolean;
  headers: string[];
}

export interface MemoryValidation extends Box {
  rule?: Record<string, unknown>;
  errorAlert?: Record<string, unknown>;
  prompt?: Record<string, unknown>;
}

export interface MemorySheet {
  name: string;
  rows: Value[][];
  /** "row,col" (0-based) → that cell's formats */
  formats: Map<string, Fmt>;
  cfs: Cf[];
  merges: Box[];
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  charts: MemoryChart[];
  tables: MemoryTable[];
  validations: MemoryValidation[];
  frozenRows: number;
  frozenColumns: number;
  /** 0-based column → width in points, where it was set */
  columnWidths: Map<number, number>;
  /** "row,col" (0-based) → formula text, for the cells that hold a formula */
  formulas: Map<string, string>;
}

/** One round trip to Excel: what a context.sync sent and received. */
export interface Batch {
  actions: number;
  /** bytes of JSON of what the batch sent: values, formats and formulas written, method arguments */
  requestBytes: number;
  /** bytes of JSON of what it brought back: the properties loaded */
  responseBytes: number;
}

/** A change the add-in made to a sheet (what, where), in order. */
export interface Write {
  sheet: string;
  what: string;
  address: string;
}

export interface MemoryOptions {
  /**
   * 'web': Excel on the web, whose requests and responses are capped at 5 MB;
   * 'desktop': custom document properties keep only 255 characters of their value.
   */
  platform: 'web' | 'desktop';
  requestLimitBytes: number;
  responseLimitBytes: number;
  /**
   * How getSpecialCells splits formula cells into areas: 'columns' gives each
   * column's vertical runs, 'rows' each row's horizontal runs joined downwards;
   * Excel's own split depends on the sheet, so code must work with either.
   */
  specialCells: 'columns' | 'rows';
}

export interface MemoryWorkbook {
  sheets: MemorySheet[];
  active: string;
  properties: Map<string, Value>;
  selection: { sheet: string; row: number; col: number } | null;
  /** context.sync calls made (an empty one included: the adapter counts those too) */
  syncs: number;
  /** the round trips they made, with their payloads (an empty sync makes none) */
  batches: Batch[];
  writes: Write[];
  calculations: number;
  /** every Range.calculate(), as an A1 address */
  calculated: string[];
  /** called for every Range.calculate(): a test's stand-in recomputes the formulas there */
  onCalculate?: (sheet: MemorySheet, box: Box) => void;
  options: MemoryOptions;
}

export const MB = 1024 * 1024;

export function newSheet(name: string, rows: Value[][] = []): MemorySheet {
  return {
    name,
    rows,
    formats: new Map(),
    cfs: [],
    merges: [],
    visibility: 'Visible',
    charts: [],
    tables: [],
    validations: [],
    frozenRows: 0,
    frozenColumns: 0,
    columnWidths: new Map(),
    formulas: new Map(),
  };
}

export function memoryWorkbook(
  sheets: MemorySheet[],
  properties: Record<string, Value> = {},
  options: Partial<MemoryOptions> = {},
): MemoryWorkbook {
  return {
    sheets,
    active: sheets[0]?.name ?? '',
    properties: new Map(Object.entries(properties)),
    selection: null,
    syncs: 0,
    batches: [],
    writes: [],
    calculations: 0,
    calculated: [],
    options: {
      platform: 'web',
      requestLimitBytes: 5 * MB,
      responseLimitBytes: 5 * MB,
      specialCells: 'columns',
      ...options,
    },
  };
}

/** The largest round trip, each way and both together, in bytes. */
export function largestPayload(wb: MemoryWorkbook): { request: number; response: number; total: number } {
  let request = 0;
  let response = 0;
  let total = 0;
  for (const b of wb.batches) {
    request = Math.max(request, b.requestBytes);
    response = Math.max(response, b.responseBytes);
    total = Math.max(total, b.requestBytes + b.responseBytes);
  }
  return { request, response, total };
}

/** An error as Office.js reports one (OfficeExtension.Error: name, code, message, debugInfo). */
export class ExcelApiError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

const MESSAGES: Record<string, string> = {
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: 'The resource already exists.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  InvalidOperation: 'The operation is not valid for the object.',
  InvalidObjectPath: "The object path isn't working for what you're trying to do.",
  PropertyNotLoaded:
    "The property '{0}' is not available. Before reading the property's value, call the load method on the " +
    'containing object and call "context.sync()" on the associated request context.',
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit.',
  ResponsePayloadSizeLimitExceeded: 'The response payload size has exceeded the limit.',
  NotImplemented: 'The requested feature is not implemented by the in-memory Excel.',
};

export function apiError(code: string, where: string, detail?: string): ExcelApiError {
  const base = (MESSAGES[code] ?? code).replace('{0}', detail ?? '');
  return new ExcelApiError(code, detail && !base.includes(detail) ? `${base} (${where}: ${detail})` : base, where);
}

// ---- addresses ---------------------------------------------------------------

const colNumber = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** "B3", "A1:M604", "$A$1", "Sheet1!A1:B2", "A:C", "2:5" → a box (the sheet part is ignored). */
export function parseA1(a: string): Box {
  const ref = a.replace(/^.*!/, '').replace(/\$/g, '').trim();
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/i.exec(ref);
  if (m) {
    const r1 = +m[2]! - 1;
    const c1 = colNumber(m[1]!) - 1;
    const r2 = m[4] ? +m[4] - 1 : r1;
    const c2 = m[3] ? colNumber(m[3]) - 1 : c1;
    if (r1 < 0 || r2 < 0) throw apiError('InvalidArgument', 'address', a);
    return { r: Math.min(r1, r2), c: Math.min(c1, c2), nr: Math.abs(r2 - r1) + 1, nc: Math.abs(c2 - c1) + 1 };
  }
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/i.exec(ref);
  if (m) {
    const c1 = colNumber(m[1]!) - 1;
    const c2 = colNumber(m[2]!) - 1;
    return { r: 0, c: Math.min(c1, c2), nr: MAX_ROWS, nc: Math.abs(c2 - c1) + 1 };
  }
  m = /^(\d+):(\d+)$/.exec(ref);
  if (m) {
    const r1 = +m[1]! - 1;
    const r2 = +m[2]! - 1;
    return { r: Math.min(r1, r2), c: 0, nr: Math.abs(r2 - r1) + 1, nc: MAX_COLS };
  }
  throw apiError('InvalidArgument', 'address', a);
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** A sheet name as an address writes it: quoted unless it is a plain identifier. */
export const quoteSheet = (n: string) => (/^[A-Za-z_][\w.]*$/.test(n) ? n : `'${n.replace(/'/g, "''")}'`);

export function boxA1(b: Box): string {
  const tl = `${columnLetters(b.c + 1)}${b.r + 1}`;
  return b.nr === 1 && b.nc === 1 ? tl : `${tl}:${columnLetters(b.c + b.nc)}${b.r + b.nr}`;
}

export const address = (sheet: string, b: Box) => `${quoteSheet(sheet)}!${boxA1(b)}`;

export const intersects = (a: Box, b: Box) =>
  a.r < b.r + b.nr && b.r < a.r + a.nr && a.c < b.c + b.nc && b.c < a.c + a.nc;

export const inside = (r: number, c: number, b: Box) => r >= b.r && r < b.r + b.nr && c >= b.c && c < b.c + b.nc;

export const cellKey = (r: number, c: number) => `${r},${c}`;

/**
 * The in-memory Excel keeps cells one by one: a request over more cells than Excel on
 * the web could answer (5 million cells is already far over its 5 MB) is refused.
 */
export const CELL_LIMIT = 5_000_000;

export function checkCells(b: Box, where: string): void {
  if (b.nr * b.nc > CELL_LIMIT)
    throw apiError('ResponsePayloadSizeLimitExceeded', where, `${b.nr * b.nc} cells in one request`);
}

export function checkBox(b: Box, where: string): void {
  const ok =
    [b.r, b.c, b.nr, b.nc].every((n) => Number.isInteger(n)) &&
    b.r >= 0 &&
    b.c >= 0 &&
    b.nr >= 1 &&
    b.nc >= 1 &&
    b.r + b.nr <= MAX_ROWS &&
    b.c + b.nc <= MAX_COLS;
  if (!ok) throw apiError('InvalidArgument', where, JSON.stringify(b));
}

// ---- sheets -----------------------------------------------------------------

/** Excel compares sheet names without regard to case. */
export const sameName = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

export function findSheet(wb: MemoryWorkbook, name: string): MemorySheet | null {
  return wb.sheets.find((s) => sameName(s.name, name)) ?? null;
}

/** Excel's rules for a sheet name: 1–31 characters, none of : \ / ? * [ ], no apostrophe at either end. */
export function checkSheetName(wb: MemoryWorkbook, name: unknown, where: string, self?: MemorySheet): string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name))
    throw apiError('InvalidArgument', where, String(name));
  if (name.startsWith("'") || name.endsWith("'") || sameName(name, 'History'))
    throw apiError('InvalidArgument', where, name);
  const other = findSheet(wb, name);
  if (other && other !== self) throw apiError('ItemAlreadyExists', where, name);
  return name;
}

export function cellValue(sheet: MemorySheet, r: number, c: number): Value {
  return sheet.rows[r]?.[c] ?? '';
}

export function setCell(sheet: MemorySheet, r: number, c: number, v: Value): void {
  const row = (sheet.rows[r] ??= []);
  // a sparse row reads as blanks: keep it dense so that JSON copies of it stay faithful
  for (let j = row.length; j < c; j++) row[j] = '';
  row[c] = v;
}

// ---- cell input ---------------------------------------------------------------

/** Excel keeps 15 significant digits of a number typed or written. */
const excelNumber = (n: number) => Number(n.toPrecision(15));

const NUMBER = /^([+-])?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?(%)?$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;

/** Days since 1899-12-30: Excel's date serial number. */
function dateSerial(y: number, m: number, d: number): number | null {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86_400_000);
}

export interface Entered {
  value: Value;
  formula?: string;
  /** a format Excel gives the cell along with the entry (a date, a percentage) */
  numberFormat?: string;
}

/**
 * What a cell holds after `range.values` (or `formulas`) wrote `input` into it, as
 * Excel interprets a written value: text starting with "=" (or "+"/"-" and not a
 * number) becomes a formula; text that reads as a number, TRUE/FALSE or an ISO date
 * becomes a number, a Boolean or a date — unless the cell is formatted as text ("@").
 * null leaves the cell as it is (returned as null).
 */
export function enter(input: unknown, cellFormat: string | undefined, where: string): Entered | null {
  if (input === null || input === undefined) return null;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw apiError('InvalidArgument', where, String(input));
    return { value: excelNumber(input) };
  }
  if (typeof input === 'boolean') return { value: input };
  if (typeof input !== 'string') throw apiError('InvalidArgument', where, JSON.stringify(input));
  if (input.length > 32_767) throw apiError('InvalidArgument', where, 'a cell holds at most 32 767 characters');
  if (cellFormat === '@' || input === '') return { value: input };
  // a leading apostrophe makes the rest text, as when typed
  if (input.startsWith("'")) return { value: input.slice(1) };
  const s = input.trim();
  const n = NUMBER.exec(s);
  if (n) {
    let x = Number(`${n[1] ?? ''}${n[2]!.replace(/,/g, '')}${n[3] !== undefined ? `e${n[3]}` : ''}`);
    if (n[4]) x /= 100;
    return { value: excelNumber(x), ...(n[4] ? { numberFormat: '0%' } : {}) };
  }
  if (/^(true|false)$/i.test(s)) return { value: s.toLowerCase() === 'true' };
  const d = ISO_DATE.exec(s);
  if (d) {
    const serial = dateSerial(+d[1]!, +d[2]!, +d[3]!);
    if (serial !== null) return { value: serial, numberFormat: 'yyyy-mm-dd' };
  }
  if (input.length > 1 && /^[=+-]/.test(input)) {
    // Excel would calculate it; the in-memory Excel does not evaluate formulas
    return { value: '', formula: input.startsWith('=') ? input : `=${input}` };
  }
  return { value: input };
}

/** Bytes of a string in UTF-8, as it travels in a request. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export const jsonBytes = (v: unknown): number => (v === undefined ? 0 : utf8Length(JSON.stringify(v) ?? ''));
