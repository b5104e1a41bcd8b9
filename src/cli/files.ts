// Reading roster files: .xlsx through ExcelJS, .csv through csv-parse. Merged cells
// are filled with their top-left value (administrators merge a teacher's name and ID
// over that teacher's rows), and the workbook's CPD.* custom properties are read.
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import Papa from 'papaparse';

export type Format = 'xlsx' | 'csv';

export interface RosterFile {
  format: Format;
  rows: unknown[][];
  sheetName: string;
  sheetNames: string[];
  /** CPD.* and other custom document properties (xlsx only) */
  properties: Record<string, string>;
  /** notes for the user, e.g. a CSV that was not UTF-8 */
  notices: string[];
}

export class FileError extends Error {}

/** Rows as CSV text (UTF-8; callers prepend a BOM so Excel reads the Chinese right). */
export function toCsv(rows: unknown[][]): string {
  return Papa.unparse(rows as unknown[][], { newline: '\n' }) + '\n';
}

export function formatOf(file: string): Format | undefined {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.csv' || ext === '.txt') return 'csv';
  return undefined;
}

const CUSTOM_XML = 'docProps/custom.xml';
const ZIP_DATE = new Date(Date.UTC(2026, 0, 1));
const CUSTOM_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
const CUSTOM_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';

const xmlUnescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Custom document properties of an xlsx package (docProps/custom.xml). */
export async function readCustomProperties(data: Buffer | Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(data);
  const f = zip.file(CUSTOM_XML);
  if (!f) return {};
  const xml = await f.async('string');
  const out: Record<string, string> = {};
  for (const m of xml.matchAll(/<property\b[^>]*\bname="([^"]*)"[^>]*>\s*<vt:(\w+)>([\s\S]*?)<\/vt:\2>\s*<\/property>/g)) {
    out[xmlUnescape(m[1]!)] = xmlUnescape(m[3]!);
  }
  return out;
}

/** Return a copy of an xlsx package with these custom properties set (others kept). */
export async function writeCustomProperties(data: Buffer | Uint8Array, props: Record<string, string>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(data);
  const merged = { ...(await readCustomProperties(data)), ...props };
  const body = Object.entries(merged)
    .map(([name, value], i) => `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${xmlEscape(name)}"><vt:lpwstr>${xmlEscape(value)}</vt:lpwstr></property>`)
    .join('');
  zip.file(CUSTOM_XML, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${body}</Properties>`);
  const types = await zip.file('[Content_Types].xml')!.async('string');
  if (!types.includes('/docProps/custom.xml')) {
    zip.file('[Content_Types].xml', types.replace('</Types>', `<Override PartName="/docProps/custom.xml" ContentType="${CUSTOM_TYPE}"/></Types>`));
  }
  const rels = await zip.file('_rels/.rels')!.async('string');
  if (!rels.includes(CUSTOM_REL)) {
    zip.file('_rels/.rels', rels.replace('</Relationships>', `<Relationship Id="rIdCpdCustom" Type="${CUSTOM_REL}" Target="docProps/custom.xml"/></Relationships>`));
  }
  // Fixed entry dates: the same workbook content always gives the same bytes.
  zip.forEach((_, entry) => {
    entry.date = ZIP_DATE;
  });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The values of a worksheet as rows of cells (row 1 first), merged areas filled. */
export function sheetRows(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  const last = ws.rowCount;
  for (let r = 1; r <= last; r++) {
    const values = ws.getRow(r).values as unknown[] | undefined;
    // ExcelJS rows are 1-based sparse arrays: drop the unused slot 0.
    rows.push(Array.isArray(values) ? Array.from(values.slice(1)) : []);
  }
  const merges: string[] = ((ws.model as unknown as { merges?: string[] }).merges) ?? [];
  for (const ref of merges) {
    const [a, b] = ref.split(':') as [string, string];
    const tl = ws.getCell(a);
    const br = ws.getCell(b ?? a);
    const top = Number(tl.row);
    const left = Number(tl.col);
    const value = rows[top - 1]?.[left - 1];
    for (let r = top; r <= Number(br.row); r++) {
      const row = (rows[r - 1] ??= []);
      for (let c = left; c <= Number(br.col); c++) if (r !== top || c !== left) row[c - 1] = value;
    }
  }
  return rows;
}

function decode(bytes: Buffer, notices: string[]): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Excel on Chinese Windows saves "CSV" in GBK; read it rather than show mojibake.
    notices.push('文件不是 UTF-8 编码，已按 GB18030（GBK）读取 / the file is not UTF-8; read as GB18030 (GBK)');
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export async function readRoster(file: string, sheet?: string): Promise<RosterFile> {
  const format = formatOf(file);
  if (!format) throw new FileError(`不支持的文件类型：${file}（只接受 .xlsx 或 .csv） / unsupported file type: ${file} (use .xlsx or .csv)`);
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch (e) {
    throw new FileError(`无法读取文件 ${file}：${(e as NodeJS.ErrnoException).code ?? String(e)} / cannot read ${file}`);
  }
  const notices: string[] = [];
  if (format === 'csv') {
    if (sheet) notices.push('CSV 文件没有工作表，已忽略 --sheet / a CSV file has no sheets; --sheet ignored');
    const text = decode(data, notices).replace(/^\uFEFF/, '');
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
    // Papa reads on past a stray quote; say so rather than fail the whole file
    const quoteErrors = parsed.errors.filter((e) => e.type === 'Quotes');
    if (quoteErrors.length) notices.push(`CSV 第 ${quoteErrors.map((e) => (e.row ?? 0) + 1).slice(0, 5).join('、')} 行的引号不成对，已尽量读取 / unbalanced quotes near row(s) ${quoteErrors.map((e) => (e.row ?? 0) + 1).slice(0, 5).join(', ')}`);
    const rows = parsed.data;
    return { format, rows, sheetName: path.basename(file), sheetNames: [], properties: {}, notices };
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new FileError(`不是有效的 .xlsx 文件：${(e as Error).message} / not a valid .xlsx file`);
  }
  const names = wb.worksheets.map((w) => w.name);
  const ws = sheet ? wb.getWorksheet(sheet) : wb.worksheets[0];
  if (!ws) {
    throw new FileError(sheet
      ? `没有名为「${sheet}」的工作表；可用：${names.join('、')} / no sheet named "${sheet}"; sheets: ${names.join(', ')}`
      : '工作簿中没有工作表 / the workbook has no sheets');
  }
  return { format, rows: sheetRows(ws), sheetName: ws.name, sheetNames: names, properties: await readCustomProperties(data), notices };
}
