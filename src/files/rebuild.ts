// A new .xlsx holding a book's values (a CSV's, or an .xls/.ods/.xlsb whose package cannot be kept), which
// annotatePackage then gives the very same additions as an original .xlsx. Written here rather than by SheetJS:
// its cell objects and writer took 5.3 s and 1.1 GB for a 100 000-row CSV, for a package of a few fixed parts
// and one sheet of plain values. The copy is made from its parts as they are (RebuiltParts, a PartsSource for
// annotateParts): a sheet is made a row at a time as it is written, never held as one text, and never packed
// into a zip to be unpacked again. rebuild() packs the same parts, stored, into a zip of their own.
import type { Lang } from '../core/text';
import { columnLetters, unusedName } from '../present/tables';
import { hasCell, REL_NS, SHEET_NS, utf8Chunks, valueCell, type CellTexts } from './sheetxml';
import { xmlEscape } from './xml';
import { writeZip, type OutPart } from './zipwrite';
import type { PartsSource, SplitSheet } from './ooxml';
import type { SheetData, WorkbookData } from './read';

/** The sheet name a CSV's table gets in a rebuilt workbook. */
export const csvSheetName = (lang: Lang): string => (lang === 'en' ? 'Roster' : '花名册');

const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** cellXfs 1: a date, shown as the reader's dates are written (yyyy-mm-dd) */
const DATE_STYLE = 1;

const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${SHEET_NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>';

/** A sheet's text: its cells a row at a time, then the XML after them (from its </sheetData>). */
interface SheetText {
  head: () => Iterable<string>;
  tail: string;
}

interface OutSheet {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  xml: SheetText;
}

/** A new .xlsx with the same sheets, values, merged areas and visibility as the book read; its parts stored. */
export function rebuild(book: WorkbookData, lang: Lang): Promise<Uint8Array> {
  const parts = new RebuiltParts(book, lang);
  return writeZip(
    parts
      .names()
      .map((name) => ({ ...(parts.kept(name) as { name: string; data: () => Iterable<Uint8Array> }), store: true })),
  );
}

/** The parts of the new .xlsx rebuild() makes, each made when it is read. */
export class RebuiltParts implements PartsSource {
  private readonly texts = new Map<string, string>();
  private readonly sheets = new Map<string, SheetText>();
  private readonly order: string[] = [];

  constructor(book: WorkbookData, lang: Lang) {
    const sheets: OutSheet[] = [];
    const names = rebuiltSheetNames(book, lang);
    book.sheets.forEach((s, i) => {
      if (s.kind !== 'worksheet') return;
      sheets.push({ name: names[i]!, state: s.visibility, xml: valuesSheet(s) });
    });
    if (!sheets.length) sheets.push({ name: csvSheetName(lang), state: 'visible', xml: valuesSheet(undefined) });
    // a workbook needs one visible sheet; the marks and results added later are visible anyway
    if (sheets.every((s) => s.state !== 'visible')) sheets[0]!.state = 'visible';
    for (const [name, text] of smallParts(sheets)) {
      this.order.push(name);
      this.texts.set(name, text);
    }
    sheets.forEach((s, i) => {
      const name = `xl/worksheets/sheet${i + 1}.xml`;
      this.order.push(name);
      this.sheets.set(name, s.xml);
    });
  }

  names(): string[] {
    return [...this.order];
  }
  has(name: string): boolean {
    return this.texts.has(name) || this.sheets.has(name);
  }
  text(name: string): string | undefined {
    const s = this.sheets.get(name);
    return s ? [...s.head(), s.tail].join('') : this.texts.get(name);
  }
  sheet(name: string): SplitSheet | undefined {
    const s = this.sheets.get(name);
    if (!s) {
      const text = this.texts.get(name);
      return text === undefined ? undefined : { p: '', head: () => new Uint8Array(0), tail: text };
    }
    return { p: '', head: () => utf8Chunks(s.head()), tail: s.tail };
  }
  release(): void {
    // nothing is held but the book's values, which the copy's reader keeps
  }
  kept(name: string): OutPart {
    const s = this.sheets.get(name);
    if (s) return { name, data: () => utf8Chunks(concat(s.head(), [s.tail])) };
    const text = this.texts.get(name)!;
    return { name, data: () => new TextEncoder().encode(text) };
  }
}

function* concat<T>(a: Iterable<T>, b: Iterable<T>): Generator<T> {
  yield* a;
  yield* b;
}

const NAMES = new WeakMap<WorkbookData, { lang: Lang; names: string[] }>();

/**
 * The names a book's sheets get in a new .xlsx, by sheet index: each as it was when Excel accepts it, else with
 * [ ] : * ? / \ as "_", no apostrophe at either end, at most 31 characters, and unique ignoring case ("名册 (2)").
 * Made once a book (the copy's marks are keyed by them, one look per issue).
 */
export function rebuiltSheetNames(book: WorkbookData, lang: Lang): string[] {
  const known = NAMES.get(book);
  if (known?.lang === lang) return known.names;
  const taken: string[] = [];
  const names = book.sheets.map((s, i) => {
    let base = book.format === 'csv' ? csvSheetName(lang) : s.name.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '');
    if (!base.trim()) base = `Sheet${i + 1}`;
    const name = unusedName(taken, base);
    taken.push(name);
    return name;
  });
  NAMES.set(book, { lang, names });
  return names;
}

/** The package's parts but its sheets, as text, in the order they are written. */
function smallParts(sheets: readonly OutSheet[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const put = (name: string, text: string) => out.push([name, text]);
  const overrides = sheets.map(
    (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`,
  );
  put(
    '[Content_Types].xml',
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>${overrides.join('')}</Types>`,
  );
  put(
    '_rels/.rels',
    `${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  // the first visible sheet is the one shown (a hidden sheet must not be the active one)
  const active = Math.max(
    0,
    sheets.findIndex((s) => s.state === 'visible'),
  );
  const list = sheets.map(
    (s, i) =>
      `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}"${s.state === 'visible' ? '' : ` state="${s.state}"`} r:id="rId${i + 1}"/>`,
  );
  put(
    'xl/workbook.xml',
    `${XML_HEAD}<workbook xmlns="${SHEET_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView activeTab="${active}"/></bookViews>` +
      `<sheets>${list.join('')}</sheets></workbook>`,
  );
  const rels = sheets.map(
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  put(
    'xl/_rels/workbook.xml.rels',
    `${XML_HEAD}<Relationships xmlns="${PKG_REL}">${rels.join('')}` +
      `<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
  );
  put('xl/styles.xml', STYLES);
  return out;
}

/**
 * A sheet of the book's values at their own addresses (its rows start at `firstRow`): text as inline strings,
 * numbers, booleans, dates as serial numbers in the date style; an empty text is no cell (as Excel opens a CSV's
 * empty field); a merged area's value once, in its top-left cell, and the area merged.
 */
export function valuesSheetXml(s: SheetData | undefined): string {
  const x = valuesSheet(s);
  return [...x.head(), x.tail].join('');
}

/** valuesSheetXml's text: its rows made as they are read, then the XML after them. */
function valuesSheet(s: SheetData | undefined): SheetText {
  const first = s?.firstRow ?? 1;
  const rows = s?.rows ?? [];
  // the cells a merge covers but its top-left one are left out (the reader filled them with its value)
  const covered = new Set<number>();
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  for (const m of s?.merges ?? []) {
    // within the rows and columns that hold cells: a merge's declared extent may be the whole grid
    for (let r = m.s.r; r <= Math.min(m.e.r, first - 2 + rows.length); r++)
      for (let c = m.s.c; c <= Math.min(m.e.c, width - 1); c++)
        if (r !== m.s.r || c !== m.s.c) covered.add(r * 16384 + c);
  }
  const shown = (r: number, c: number) => !(covered.size && covered.has((r - 1) * 16384 + c));
  // the last row with a cell, for the dimension written before the rows
  let last = 0;
  for (let i = rows.length - 1; i >= 0 && !last; i--) {
    const row = rows[i]!;
    for (let c = 0; c < row.length; c++)
      if (shown(first + i, c) && hasCell(row[c])) {
        last = first + i;
        break;
      }
  }
  const ref = last && width ? `A1:${columnLetters(width)}${last}` : '';
  const dim = ref ? `<dimension ref="${ref}"/>` : '';
  const merges = s?.merges.length
    ? `<mergeCells count="${s.merges.length}">${s.merges
        .map(
          (m) => `<mergeCell ref="${columnLetters(m.s.c + 1)}${m.s.r + 1}:${columnLetters(m.e.c + 1)}${m.e.r + 1}"/>`,
        )
        .join('')}</mergeCells>`
    : '';
  // a CSV's numbers are text: Excel would flag every one of them as a number stored as text
  const quiet = ref ? `<ignoredErrors><ignoredError numberStoredAsText="1" sqref="${ref}"/></ignoredErrors>` : '';
  function* head(): Generator<string> {
    yield `${XML_HEAD}<worksheet xmlns="${SHEET_NS}" xmlns:r="${REL_NS}">${dim}<sheetData>`;
    const letters: string[] = [];
    const texts: CellTexts = new Map();
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const r = first + i;
      let cells = '';
      for (let c = 0; c < row.length; c++) {
        if (!shown(r, c)) continue;
        cells += valueCell(`${(letters[c] ??= columnLetters(c + 1))}${r}`, row[c], DATE_STYLE, texts);
      }
      if (cells) yield `<row r="${r}">${cells}</row>`;
    }
  }
  return {
    head,
    tail: `</sheetData>${merges}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${quiet}</worksheet>`,
  };
}
