// Test inputs written by programs other than the reader under test: ExcelJS (xlsx with a note, an image, a
// defined name; charts added as hand-written XML parts, since ExcelJS cannot write them) and SheetJS
// (.xls BIFF8, .ods). Their content is the bundled Hainan sample, so verdicts can be compared with the
// one-sheet .xlsx.
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import * as XLSX from '@e965/xlsx';
import { writeCustomProperties } from '../../src/samples/props';

export const SAMPLES = path.join(__dirname, '..', '..', 'assets', 'samples');

export interface Sample {
  title: string;
  header: string[];
  /** data rows, 培训时间 as text as in the sample */
  rows: Array<Array<string | number | null>>;
}

/** The Hainan sample's title, header and rows, read with ExcelJS. */
export async function hainanRows(): Promise<Sample> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(SAMPLES, 'hainan.xlsx'));
  const ws = wb.worksheets[0]!;
  const header = (ws.getRow(2).values as unknown[]).slice(1).map(String);
  const rows: Sample['rows'] = [];
  for (let r = 3; r <= ws.rowCount; r++) {
    const v = (ws.getRow(r).values as unknown[]).slice(1);
    rows.push(header.map((_, i) => (v[i] === undefined ? null : (v[i] as string | number))));
  }
  return { title: String(ws.getCell('A1').value), header, rows };
}

export const col = (s: Sample, name: string): number => {
  const i = s.header.indexOf(name);
  if (i < 0) throw new Error(`no column ${name}`);
  return i;
};

/** "2019-07-12" as a UTC date, as a spreadsheet program stores a typed date. */
const asDate = (v: unknown) =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : v;

export interface PerYearOptions {
  /** a hidden first sheet with a roster header and wrong data (read, it would add errors) */
  decoy?: boolean;
  /** IDs stored as numbers (what Excel does to an ID typed into a General cell) */
  idsAsNumbers?: boolean;
  /** dates as real date cells instead of text */
  dates?: boolean;
}

/** The sample as one sheet per year (2019年 … 2023年), each with its title and header, as arrays. */
export function perYearSheets(
  s: Sample,
  o: PerYearOptions = {},
): Array<{ name: string; rows: unknown[][]; hidden?: boolean }> {
  const date = col(s, '培训时间');
  const id = col(s, '身份证号');
  const out: Array<{ name: string; rows: unknown[][]; hidden?: boolean }> = [];
  if (o.decoy) {
    out.push({
      name: '旧表',
      hidden: true,
      rows: [s.header, ...s.rows.slice(0, 5).map((r) => r.map((v, i) => (i === col(s, '学时') ? 'x' : v)))],
    });
  }
  out.push({ name: '说明', rows: [['填表说明'], ['每年一张工作表；身份证号请用文本格式。']] });
  const years = [...new Set(s.rows.map((r) => String(r[date]).slice(0, 4)))].sort();
  for (const y of years) {
    const rows = s.rows
      .filter((r) => String(r[date]).startsWith(y))
      .map((r) =>
        r.map((v, i) => {
          if (i === date && o.dates) return asDate(v);
          if (i === id && o.idsAsNumbers && typeof v === 'string' && /^\d{17}[\dX]$/.test(v))
            return Number(v.slice(0, 15)) * 1000;
          return v;
        }),
      );
    out.push({ name: `${y}年`, rows: [[`${y}年度教师培训学分登记表`], s.header, ...rows] });
  }
  return out;
}

/** Those sheets as an .xlsx written by ExcelJS (hidden sheets hidden, CPD.region set). */
export async function perYearXlsx(s: Sample, o: PerYearOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const sh of perYearSheets(s, o)) {
    const ws = wb.addWorksheet(sh.name, sh.hidden ? { state: 'hidden' } : {});
    for (const r of sh.rows) ws.addRow(r);
  }
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return writeCustomProperties(bytes, { 'CPD.region': 'hainan', 'CPD.cycleStart': '2019' });
}

/** Those sheets written by SheetJS as .xls (BIFF8) or .ods. */
export function perYearBook(s: Sample, bookType: 'xls' | 'ods' | 'xlsb', o: PerYearOptions = {}): Uint8Array {
  const wb = XLSX.utils.book_new();
  const meta: Array<{ Hidden: 0 | 1 }> = [];
  for (const sh of perYearSheets(s, o)) {
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(sh.rows, { cellDates: true, UTC: true }), sh.name);
    meta.push({ Hidden: sh.hidden ? 1 : 0 });
  }
  wb.Workbook = { Sheets: meta };
  wb.Custprops = { 'CPD.region': 'hainan', 'CPD.cycleStart': '2019' };
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer);
}

/** A 1×1 PNG, for a drawing. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * The one-sheet sample as a workbook a real office would hold: a rich-text comment, an image, a defined
 * name, a second sheet with a chart over the roster (chart parts as hand-written XML), and a few edits that
 * give teacher-level issues — one teacher's IDs stored as numbers (TEACHER_ID_UNUSABLE), another teacher
 * with two spellings of the name (NAME_MISMATCH).
 */
export async function officeWorkbook(
  s: Sample,
): Promise<{ bytes: Uint8Array; brokenIdRows: number[]; renamedTeacherRows: number[] }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('培训登记');
  ws.addRow([s.title]);
  ws.mergeCells(1, 1, 1, s.header.length);
  ws.addRow(s.header).font = { bold: true };
  const id = col(s, '身份证号');
  const name = col(s, '姓名');
  const firstId = s.rows[40]![id];
  const secondId = s.rows[80]![id];
  const brokenIdRows: number[] = [];
  const renamedTeacherRows: number[] = [];
  s.rows.forEach((r, i) => {
    const row = [...r] as unknown[];
    const sheetRow = i + 3;
    if (r[id] === firstId) {
      row[id] = Number(String(r[id]).slice(0, 15)) * 1000;
      brokenIdRows.push(sheetRow);
    }
    if (r[id] === secondId) {
      renamedTeacherRows.push(sheetRow);
      if (renamedTeacherRows.length === 2) row[name] = `${String(r[name])}明`;
    }
    ws.addRow(row);
  });
  ws.getColumn(id + 1).numFmt = '@';
  ws.getCell('B3').note = {
    texts: [
      { font: { bold: true, size: 10 }, text: '负责人：' },
      { font: { color: { argb: 'FFFF0000' } }, text: '请核对本行' },
    ],
  };
  ws.getCell('D2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEEFF' } };
  const image = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' });
  ws.addImage(image, 'O2:Q8');
  wb.definedNames.add(`'培训登记'!$A$2:$M$${s.rows.length + 2}`, '花名册');
  const chartSheet = wb.addWorksheet('图表');
  chartSheet.getCell('A1').value = '学时分布';
  const base = new Uint8Array(await wb.xlsx.writeBuffer());
  const withChart = await addChart(base, s.rows.length + 2);
  return {
    bytes: await writeCustomProperties(withChart, {
      'CPD.region': 'hainan',
      'CPD.cycleStart': '2019',
      其他属性: '保留',
    }),
    brokenIdRows,
    renamedTeacherRows,
  };
}

/** Add a bar chart over 培训登记!I3:I<last> to the 图表 sheet: chart part, drawing, relationships, types. */
async function addChart(bytes: Uint8Array, lastRow: number): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const chart = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>学时</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:plotArea><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'培训登记'!$I$3:$I$${lastRow}</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;
  const drawing = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="学时图"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;
  zip.file('xl/charts/chart1.xml', chart);
  zip.file('xl/drawings/drawingChart.xml', drawing);
  zip.file(
    'xl/drawings/_rels/drawingChart.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>',
  );
  // the chart sheet is ExcelJS's second worksheet: give it the drawing
  const sheet = 'xl/worksheets/sheet2.xml';
  let xml = await zip.file(sheet)!.async('string');
  xml = xml.replace('</worksheet>', '<drawing r:id="rIdChart"/></worksheet>');
  if (!xml.includes('xmlns:r='))
    xml = xml.replace(
      '<worksheet ',
      '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ',
    );
  zip.file(sheet, xml);
  const relsPath = 'xl/worksheets/_rels/sheet2.xml.rels';
  const rels = zip.file(relsPath)
    ? await zip.file(relsPath)!.async('string')
    : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  zip.file(
    relsPath,
    rels.replace(
      '</Relationships>',
      '<Relationship Id="rIdChart" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawingChart.xml"/></Relationships>',
    ),
  );
  let types = await zip.file('[Content_Types].xml')!.async('string');
  types = types.replace(
    '</Types>',
    '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/><Override PartName="/xl/drawings/drawingChart.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>',
  );
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Every part of a package, uncompressed. */
export async function parts(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) {
    const f = zip.files[name]!;
    if (!f.dir) out.set(name, Buffer.from(await f.async('uint8array')));
  }
  return out;
}

export async function writeTo(dir: string, name: string, bytes: Uint8Array | string): Promise<string> {
  const f = path.join(dir, name);
  await fs.mkdir(path.dirname(f), { recursive: true });
  await fs.writeFile(f, bytes);
  return f;
}

/** A workbook with macros: the package given, plus a VBA project part and the macro-enabled content type. */
export async function withMacros(bytes: Uint8Array): Promise<{ bytes: Uint8Array; vba: Uint8Array }> {
  const zip = await JSZip.loadAsync(bytes);
  const vba = Uint8Array.from({ length: 3000 }, (_, i) => (i * 37) % 256);
  zip.file('xl/vbaProject.bin', vba);
  let types = await zip.file('[Content_Types].xml')!.async('string');
  types = types
    .replace('spreadsheetml.sheet.main+xml', 'ms-excel.sheet.macroEnabled.main+xml')
    .replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>');
  zip.file('[Content_Types].xml', types);
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  zip.file(
    'xl/_rels/workbook.xml.rels',
    rels.replace(
      '</Relationships>',
      '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
    ),
  );
  return { bytes: await zip.generateAsync({ type: 'uint8array' }), vba };
}
