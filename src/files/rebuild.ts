// A new .xlsx holding a book's values (a CSV's, or an .xls/.ods/.xlsb whose package cannot be kept), which
// annotatePackage then gives the very same additions as an original .xlsx. Written here rather than by SheetJS:
// its cell objects and writer took 5.3 s and 1.1 GB for a 100 000-row CSV, for a package of a few fixed parts
// and one sheet of plain values. The parts are stored, not deflated: annotatePackage deflates every part it
// writes the copy with, so deflating here (and inflating there) would be done for nothing.
import type { Lang } from '../core/text';
import { columnLetters, unusedName } from '../present/tables';
import { REL_NS, SHEET_NS, valueCell } from './sheetxml';
import { xmlEscape } from './xml';
import { writeZip, type OutPart } from './zipwrite';
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

interface OutSheet {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  xml: string;
}

/** A new .xlsx with the same sheets, values, merged areas and visibility as the book read; its parts stored. */
export function rebuild(book: WorkbookData, lang: Lang): Promise<Uint8Array> {
  const sheets: OutSheet[] = [];
  const names = rebuiltSheetNames(book, lang);
  book.sheets.forEach((s, i) => {
    if (s.kind !== 'worksheet') return;
    sheets.push({ name: names[i]!, state: s.visibility, xml: valuesSheetXml(s) });
  });
  if (!sheets.length) sheets.push({ name: csvSheetName(lang), state: 'visible', xml: valuesSheetXml(undefined) });
  // a workbook needs one visible sheet; the marks and results added later are visible anyway
  if (sheets.every((s) => s.state !== 'visible')) sheets[0]!.state = 'visible';
  return packageOf(sheets);
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

function packageOf(sheets: readonly OutSheet[]): Promise<Uint8Array> {
  const enc = new TextEncoder();
  const out: OutPart[] = [];
  const put = (name: string, text: string) => out.push({ name, data: () => enc.encode(text), store: true });
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
  sheets.forEach((s, i) => put(`xl/worksheets/sheet${i + 1}.xml`, s.xml));
  return writeZip(out);
}

/**
 * A sheet of the book's values at their own addresses (its rows start at `firstRow`): text as inline strings,
 * numbers, booleans, dates as serial numbers in the date style; an empty text is no cell (as Excel opens a CSV's
 * empty field); a merged area's value once, in its top-left cell, and the area merged.
 */
export function valuesSheetXml(s: SheetData | undefined): string {
  const parts: string[] = [];
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
  const letters: string[] = [];
  let last = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const r = first + i;
    let cells = '';
    for (let c = 0; c < row.length; c++) {
      if (covered.size && covered.has((r - 1) * 16384 + c)) continue;
      cells += valueCell(`${(letters[c] ??= columnLetters(c + 1))}${r}`, row[c], DATE_STYLE);
    }
    if (!cells) continue;
    parts.push(`<row r="${r}">${cells}</row>`);
    last = r;
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
  return (
    `${XML_HEAD}<worksheet xmlns="${SHEET_NS}" xmlns:r="${REL_NS}">${dim}<sheetData>${parts.join('')}</sheetData>${merges}` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${quiet}</worksheet>`
  );
}
