// The annotated copy changes nothing else: on a workbook with a chart, an image, a rich-text comment and a
// defined name, every package part the tool does not write is byte-identical; the parts it writes differ
// from the original by insertions only; the cells whose appearance changed are exactly the issue cells
// (worked out here from the report and the header, not by the code under test); a copy of the copy has
// the same sheets, not "周期汇总 (2)".
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { run } from '../../src/cli/main';
import { checkCopyFits } from '../../src/cli/files';
import { copyRecordsLimit } from '../../src/files/budgets';
import { generate } from '../../src/samples/generate';
import { plainCsv } from '../../src/samples/write';
import { cli as cliProcess } from '../hostile/run';
import { type Report } from '../../src/engine/report';
import { ReportSchema } from '../../src/engine/report-schema';
import { readWorkbook } from '../../src/files';
import { readCustomProperties } from '../../src/samples/props';
import { sqrefCells } from '../../src/files/sheetxml';
import {
  col,
  hainanRows,
  officeWorkbook,
  parts,
  perYearBook,
  SAMPLES,
  withMacros,
  writeTo,
  type Sample,
} from '../files/fixtures';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (s) => (out += s), err: (s) => (err += s), isTTY: false, env: {} });
  return { code, out, err };
}

let tmp: string;
let sample: Sample;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'cpd-copy-'));
  sample = await hainanRows();
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** The header each roster field is read from in the sample (the year comes from 培训时间: no 年度 column). */
const FIELD_HEADER: Record<string, string> = {
  teacherId: '身份证号',
  name: '姓名',
  school: '学校',
  date: '培训时间',
  year: '培训时间',
  project: '项目名称',
  level: '培训层次',
  mode: '培训方式',
  hours: '学时',
  months: '月数',
  grade: '成绩',
  credits: '登记学分',
  hireYear: '入职年度',
};
const NOT_DATA = new Set(['RULE_UNDEFINED', 'MODE_NOT_COVERED']);

type Cells = Map<string, 'error' | 'warning'>;

/** The cells the issues of this report are about, worked out from the report and the sample's header. */
function issueCells(r: Report, s: Sample, teacherRows: { unusableId: number[]; renamed: number[] }): Cells {
  const cells: Cells = new Map();
  const put = (row: number, c: number, sev: string) => {
    if (sev !== 'error' && sev !== 'warning') return;
    const k = `${row}:${c}`;
    if (sev === 'error' || !cells.has(k)) cells.set(k, sev);
  };
  for (const rec of r.records) {
    for (const i of rec.issues) {
      if (NOT_DATA.has(i.code)) continue;
      const header = FIELD_HEADER[i.field];
      put(rec.row, header ? col(s, header) + 1 : 1, i.severity);
    }
  }
  for (const tj of r.teachers) {
    for (const i of tj.issues) {
      if (i.code === 'TEACHER_ID_UNUSABLE')
        for (const row of teacherRows.unusableId) put(row, col(s, '身份证号') + 1, i.severity);
      if (i.code === 'NAME_MISMATCH') for (const row of teacherRows.renamed) put(row, col(s, '姓名') + 1, i.severity);
    }
  }
  return cells;
}

const CF =
  /<conditionalFormatting sqref="([^"]*)"><cfRule type="expression" dxfId="(\d+)" priority="\d+"><formula>TRUE<\/formula><\/cfRule><\/conditionalFormatting>/g;

/** The cells the copy's added conditional formats colour, by dxf (0/1 here: the original has no dxfs). */
function formattedCells(sheetXml: string, dxf: { error: number; warning: number }): Cells {
  const cells: Cells = new Map();
  for (const m of sheetXml.matchAll(CF)) {
    const sev = Number(m[2]) === dxf.error ? 'error' : Number(m[2]) === dxf.warning ? 'warning' : null;
    if (!sev) throw new Error(`unexpected dxf ${m[2]}`);
    for (const c of sqrefCells(m[1]!)) {
      const k = `${c.row}:${c.col}`;
      expect(cells.has(k)).toBe(false); // one mark per cell
      cells.set(k, sev);
    }
  }
  return cells;
}

const sortedEntries = (m: Cells) => [...m.entries()].sort();

describe('a workbook with a chart, an image, a rich-text comment and a defined name', () => {
  let input: string;
  let original: Map<string, Buffer>;
  let copy: Map<string, Buffer>;
  let report: Report;
  let rows: { unusableId: number[]; renamed: number[] };

  beforeAll(async () => {
    const made = await officeWorkbook(sample);
    rows = { unusableId: made.brokenIdRows, renamed: made.renamedTeacherRows };
    input = await writeTo(tmp, 'office.xlsx', made.bytes);
    original = await parts(made.bytes);
    const r = await cli(
      'check',
      input,
      '--json',
      '--as-of',
      '2026-06-01',
      '--out',
      path.join(tmp, 'office-checked.xlsx'),
    );
    expect(r.code).toBe(1);
    report = ReportSchema.parse(JSON.parse(r.out));
    copy = await parts(new Uint8Array(await fs.readFile(path.join(tmp, 'office-checked.xlsx'))));
  });

  test('the fixture really holds a chart, a drawing, a comment and the teacher-level issues', () => {
    for (const p of ['xl/charts/chart1.xml', 'xl/drawings/drawingChart.xml', 'xl/comments1.xml', 'xl/media/image1.png'])
      expect(original.has(p)).toBe(true);
    expect(original.get('xl/workbook.xml')!.toString()).toContain('花名册');
    const codes = report.teachers.flatMap((t) => t.issues.map((i) => i.code));
    expect(codes).toContain('TEACHER_ID_UNUSABLE');
    expect(codes).toContain('NAME_MISMATCH');
  });

  test('every part the tool does not write is byte-identical, and none is lost', () => {
    const written = new Set([
      '[Content_Types].xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/worksheets/sheet1.xml',
      'xl/styles.xml',
      'docProps/custom.xml',
    ]);
    for (const [name, bytes] of original) {
      expect(copy.has(name)).toBe(true);
      if (!written.has(name)) expect({ name, same: copy.get(name)!.equals(bytes) }).toEqual({ name, same: true });
    }
    const added = [...copy.keys()].filter((n) => !original.has(n)).sort();
    expect(added).toEqual([
      'xl/worksheets/sheet3.xml',
      'xl/worksheets/sheet4.xml',
      'xl/worksheets/sheet5.xml',
      'xl/worksheets/sheet6.xml',
      'xl/worksheets/sheet7.xml',
      'xl/worksheets/sheet8.xml',
    ]);
  });

  test('the parts it writes differ from the original by insertions only', () => {
    const text = (m: Map<string, Buffer>, p: string) => m.get(p)!.toString('utf8');
    // the roster sheet: values, style indexes, merges, the comment's and drawing's references untouched
    expect(text(copy, 'xl/worksheets/sheet1.xml').replace(CF, '')).toBe(text(original, 'xl/worksheets/sheet1.xml'));
    // styles: two dxfs, nothing else
    const styles = text(copy, 'xl/styles.xml');
    const before = text(original, 'xl/styles.xml');
    expect(styles.replace(/<dxfs count="2">.*<\/dxfs>/, '')).toBe(before.replace(/<dxfs count="0"\/>/, ''));
    const wb = text(copy, 'xl/workbook.xml').replace(
      /<sheet name="[^"]*" sheetId="\d+"( state="hidden")? r:id="rIdCpd\d+"\/>/g,
      '',
    );
    expect(wb).toBe(text(original, 'xl/workbook.xml'));
    const rels = text(copy, 'xl/_rels/workbook.xml.rels').replace(/<Relationship Id="rIdCpd\d+" [^>]*\/>/g, '');
    expect(rels).toBe(text(original, 'xl/_rels/workbook.xml.rels'));
    const types = text(copy, '[Content_Types].xml').replace(
      /<Override PartName="\/xl\/worksheets\/sheet[3-8]\.xml" [^>]*\/>/g,
      '',
    );
    expect(types).toBe(text(original, '[Content_Types].xml'));
    // custom properties: every one of the user's kept as written, CPD.copy added
    const custom = text(copy, 'docProps/custom.xml');
    for (const m of text(original, 'docProps/custom.xml').matchAll(/<property [^>]*>.*?<\/property>/g))
      expect(custom).toContain(m[0]);
    expect(custom).toContain('name="CPD.copy"');
  });

  test('the cells whose appearance changed are exactly the issue cells, errors red and warnings yellow', () => {
    const expected = issueCells(report, sample, rows);
    expect(expected.size).toBeGreaterThan(20);
    const formatted = formattedCells(copy.get('xl/worksheets/sheet1.xml')!.toString('utf8'), { error: 0, warning: 1 });
    expect(sortedEntries(formatted)).toEqual(sortedEntries(expected));
    // the dxfs: red fill for 0, yellow for 1
    const dxfs = /<dxfs count="2">(.*)<\/dxfs>/.exec(copy.get('xl/styles.xml')!.toString())![1]!;
    expect(dxfs).toMatch(/^<dxf>.*FFFFC7CE.*<\/dxf><dxf>.*FFFFEB9C.*<\/dxf>$/);
  });

  test('the hidden marks sheet holds a message at each marked cell, and only there', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(tmp, 'office-checked.xlsx'));
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['培训登记', 'visible'],
      ['图表', 'visible'],
      ['说明', 'visible'],
      ['校验结果', 'visible'],
      ['周期汇总', 'visible'],
      ['年度汇总', 'visible'],
      ['问题清单', 'visible'],
      ['CPD_marks', 'hidden'],
    ]);
    const marks: Cells = new Map();
    wb.getWorksheet('CPD_marks')!.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        marks.set(`${r}:${c}`, String(cell.value).startsWith('E ') ? 'error' : 'warning');
      }),
    );
    expect(sortedEntries(marks)).toEqual(sortedEntries(issueCells(report, sample, rows)));
    // the roster's own cells read as before through a second program
    const ws = wb.getWorksheet('培训登记')!;
    expect(ws.getCell('B3').note).toBeDefined();
    expect(ws.getCell('I3').value).toBe(sample.rows[0]![col(sample, '学时')]);
  });

  test('the issue sheet names, for each record issue, the cell that carries its mark', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(tmp, 'office-checked.xlsx'));
    const ws = wb.getWorksheet('问题清单')!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    const at = (name: string) => headers.indexOf(name) + 1;
    const marked = issueCells(report, sample, rows);
    let checked = 0;
    ws.eachRow((row, r) => {
      if (r === 1) return;
      const code = String(row.getCell(at('代码')).value);
      const cell = row.getCell(at('单元格')).value;
      const sev = row.getCell(at('级别')).value;
      if (cell === null || NOT_DATA.has(code) || sev === '提示') return;
      expect(row.getCell(at('工作表')).value).toBe('培训登记');
      const m = /^([A-Z]+)(\d+)$/.exec(String(cell))!;
      const c = [...m[1]!].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0);
      expect({ cell, marked: marked.has(`${m[2]}:${c}`) }).toEqual({ cell, marked: true });
      expect(Number(m[2])).toBe(row.getCell(at('行')).value);
      checked++;
    });
    expect(checked).toBeGreaterThan(20);
  });

  test('checking the copy again skips the tool’s sheets; a copy of the copy is the same copy, not "(2)"', async () => {
    const again = await cli(
      'check',
      path.join(tmp, 'office-checked.xlsx'),
      '--json',
      '--as-of',
      '2026-06-01',
      '--out',
      path.join(tmp, 'office-checked-2.xlsx'),
    );
    const r2 = ReportSchema.parse(JSON.parse(again.out));
    expect(r2.summary).toEqual(report.summary);
    expect(r2.sources!.filter((s) => s.code === 'toolSheet').map((s) => s.sheet)).toEqual([
      '说明',
      '校验结果',
      '周期汇总',
      '年度汇总',
      '问题清单',
      'CPD_marks',
    ]);
    const copy2 = await parts(new Uint8Array(await fs.readFile(path.join(tmp, 'office-checked-2.xlsx'))));
    expect([...copy2.keys()].sort()).toEqual([...copy.keys()].sort());
    for (const [name, bytes] of copy)
      expect({ name, same: copy2.get(name)!.equals(bytes) }).toEqual({ name, same: true });
  });
});

test('an .xls (and .ods, .csv) copy is a new .xlsx with the same values, the marks and the results; the report says so', async () => {
  const xls = await writeTo(tmp, 'years.xls', perYearBook(sample, 'xls', { decoy: true, dates: true }));
  const out = path.join(tmp, 'years-checked.xlsx');
  const r = await cli('check', xls, '--json', '--out', out);
  const report = ReportSchema.parse(JSON.parse(r.out));
  expect(report.outputs).toEqual([
    { input: xls, path: out, kind: 'rebuilt', note: expect.stringContaining('副本为新的 .xlsx') },
  ]);
  const human = await cli('check', xls, '--out', path.join(tmp, 'years-checked-h.xlsx'));
  expect(human.out).toContain('副本为新的 .xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const input = readWorkbook(new Uint8Array(await fs.readFile(xls)));
  for (const sheet of input.sheets) {
    const ws = wb.getWorksheet(sheet.name)!;
    expect(ws.state === 'hidden' ? 'hidden' : 'visible').toBe(sheet.visibility);
    sheet.rows.forEach((cells, i) =>
      cells.forEach((v, c) => {
        const got = ws.getCell(sheet.firstRow + i, c + 1).value;
        expect({
          at: `${sheet.name}!${i + 1}:${c + 1}`,
          v: got instanceof Date ? got.toISOString() : (got ?? null),
        }).toEqual({ at: `${sheet.name}!${i + 1}:${c + 1}`, v: v instanceof Date ? v.toISOString() : (v ?? null) });
      }),
    );
  }
  expect((await readCustomProperties(new Uint8Array(await fs.readFile(out))))['CPD.region']).toBe('hainan');
});

test('--out x.csv defuses formula-like text (= + - @, tab, CR) as OWASP recommends', async () => {
  const csv = await writeTo(
    tmp,
    'inject.csv',
    [
      '身份证号,姓名,年度,培训方式,培训层次,学时,项目名称',
      '11010519491231002X,@SUM(1),2023,集中培训,国家级,24,"=HYPERLINK(""http://x"",""点我"")"',
      '11010519491231002X,+张,2023,集中培训,国家级,8,-1+2',
      '11010519491231002X,"\t李",2023,集中培训,国家级,8,"\rX"',
    ].join('\n'),
  );
  const out = path.join(tmp, 'inject-checked.csv');
  const r = await cli('check', csv, '--region', 'hainan', '--out', out);
  expect(r.code).toBeLessThan(2);
  const text = await fs.readFile(out, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text).toContain(`"'=HYPERLINK(""http://x"",""点我"")"`);
  expect(text).toContain(`"'@SUM(1)"`);
  expect(text).toContain(`"'+张"`);
  expect(text).toContain(`"'-1+2"`);
  expect(text).toContain(`"'\t李"`);
  expect(text).toContain(`"'\rX"`);
  // no field anywhere begins with a formula character unquoted or undefused
  for (const field of text.slice(1).split(/,(?=")|\r\n(?=")/)) expect(field).not.toMatch(/^"[=+\-@]/);
});

test('a workbook with macros is copied as .xlsm, its VBA project byte for byte; .xlsx for it is refused', async () => {
  const { bytes, vba } = await withMacros(new Uint8Array(await fs.readFile(path.join(SAMPLES, 'hainan.xlsx'))));
  const input = await writeTo(tmp, 'macros.xlsm', bytes);
  const wrong = await cli('check', input, '--out', path.join(tmp, 'macros-checked.xlsx'));
  expect(wrong.code).toBe(2);
  expect(wrong.err).toContain('--out 应以 .xlsm 结尾');
  expect(await fs.readdir(tmp)).not.toContain('macros-checked.xlsx');
  const out = path.join(tmp, 'macros-checked.xlsm');
  expect((await cli('check', input, '--out', out)).code).toBe(1);
  const p = await parts(new Uint8Array(await fs.readFile(out)));
  expect(Buffer.compare(p.get('xl/vbaProject.bin')!, Buffer.from(vba))).toBe(0);
  expect(p.get('[Content_Types].xml')!.toString()).toContain('macroEnabled.main+xml');
});

test('a rebuilt copy adds no folder entries and is the same bytes when made again later (no clock inside)', async () => {
  const csv = path.join(SAMPLES, 'hainan.csv');
  const first = path.join(tmp, 'again-1.xlsx');
  const second = path.join(tmp, 'again-2.xlsx');
  expect((await cli('check', csv, '--region', 'hainan', '--out', first)).code).toBe(1);
  // a zip's clock has a resolution of 2 s: wait past it
  await new Promise((r) => setTimeout(r, 2100));
  expect((await cli('check', csv, '--region', 'hainan', '--out', second)).code).toBe(1);
  const a = await fs.readFile(first);
  expect(a.equals(await fs.readFile(second))).toBe(true);
  const zip = await JSZip.loadAsync(a);
  expect(Object.values(zip.files).filter((f) => f.dir)).toEqual([]);
});

describe('an .xlsx copy larger than the process can hold (copyRecords)', () => {
  test('the limit follows the heap: 85 % of it at 3.5 KiB a record', () => {
    expect(copyRecordsLimit(4e9)).toBe(Math.floor((4e9 * 0.85) / 3584));
    expect(() => checkCopyFits(copyRecordsLimit(1e9), 1e9)).not.toThrow();
    expect(() => checkCopyFits(copyRecordsLimit(1e9) + 1, 1e9)).toThrow(
      /分开检查[\s\S]*max-old-space-size=\d+[\s\S]*separately[\s\S]*max-old-space-size=\d+/,
    );
  });

  test('is refused before it is begun, in one plain message, nothing written; a CSV copy is still made', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cpd-big-copy-'));
    try {
      const s = generate('hainan', { teachers: 4000, mistakes: false, seed: 5 });
      const csv = path.join(dir, 'big.csv');
      // a 128 MB heap (old space; a heap limit of about 184 MB) holds a copy of about 43 700 records; this roster
      // has 45 000, within the rows the same heap checks (about 47 100, checkRows)
      await fs.writeFile(csv, '\uFEFF' + plainCsv(s.rows.slice(1, 45_002).map((r) => r.map((v) => v ?? ''))));
      expect(s.rows.length).toBeGreaterThan(45_002);
      const out = path.join(dir, 'copy.xlsx');
      const r = cliProcess(['check', csv, '--region', 'hainan', '--out', out], { heapMb: 128 });
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/条记录的 \.xlsx 副本约需 [\d.]+ GB 内存.*未写出任何文件/);
      expect(r.err).not.toMatch(/heap|FATAL|at .*\.js/);
      expect(await fs.readdir(dir)).toEqual(['big.csv']);
      const asCsv = cliProcess(['check', csv, '--region', 'hainan', '--out', path.join(dir, 'copy.csv')], {
        heapMb: 128,
      });
      expect(asCsv.code).toBeLessThan(2);
      expect((await fs.readdir(dir)).sort()).toEqual(['big.csv', 'copy.csv']);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
