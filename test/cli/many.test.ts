// Many schools' files at once: a folder (with a subfolder) of three schools' files in three formats is one
// roster — a teacher registered by two schools is one teacher, a record both registered is a cross-file
// duplicate naming both files — parsed in worker threads by the built CLI exactly as in-process, with one
// copy per input and 汇总.xlsx under --out DIR.
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { run } from '../../src/cli/main';
import { type Report } from '../../src/engine/report';
import { ReportSchema } from '../../src/engine/report-schema';
import { writeCustomProperties } from '../../src/samples/props';
import { col, hainanRows, SAMPLES, writeTo, type Sample } from '../files/fixtures';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (s) => (out += s), err: (s) => (err += s), isTTY: false, env: {} });
  return { code, out, err };
}

const AS_OF = ['--as-of', '2026-06-01', '--cycle-start', '2019'];
const ROOT = path.join(__dirname, '..', '..');

let tmp: string;
let folder: string;
let sample: Sample;
let movedId: string;
let shared: { project: string; year: string };
let single: Report;

async function xlsx(s: Sample, rows: Sample['rows']): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('培训登记');
  ws.addRow([s.title]);
  ws.addRow(s.header);
  for (const r of rows) ws.addRow(r);
  return writeCustomProperties(new Uint8Array(await wb.xlsx.writeBuffer()), { 'CPD.region': 'hainan' });
}

function xls(s: Sample, rows: Sample['rows']): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([[s.title], s.header, ...rows]), '登记');
  wb.Custprops = { 'CPD.region': 'hainan' };
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xls' }) as ArrayBuffer);
}

const csv = (s: Sample, rows: Sample['rows']) =>
  '\uFEFF' + [s.header, ...rows].map((r) => r.map((v) => (v === null ? '' : String(v))).join(',')).join('\n') + '\n';

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'cpd-many-'));
  sample = await hainanRows();
  const school = col(sample, '学校');
  const date = col(sample, '培训时间');
  const id = col(sample, '身份证号');
  const schools = [...new Set(sample.rows.map((r) => String(r[school])))];
  const of = (k: number) => sample.rows.filter((r) => r[school] === schools[k]);
  // a teacher of the first school whose later years were registered by the second school
  const a = of(0);
  movedId = String(a[a.length - 1]![id]);
  const moved = a.filter((r) => r[id] === movedId && /^202[23]/.test(String(r[date])));
  const stays = a.filter((r) => !moved.includes(r));
  // …and one of their 2021 records registered by both
  const twice = a.find((r) => r[id] === movedId && String(r[date]).startsWith('2021'))!;
  shared = { project: String(twice[col(sample, '项目名称')]), year: '2021' };
  folder = path.join(tmp, 'schools');
  await writeTo(folder, 'A校.xlsx', await xlsx(sample, stays));
  await writeTo(folder, 'B校.xls', xls(sample, [...of(1), ...moved, twice]));
  await writeTo(folder, '其他/C校.csv', csv(sample, [...of(2), ...of(3)]));
  // what a folder also holds: a lock file, a hidden file, a document that is not a roster
  await writeTo(folder, '~$A校.xlsx', 'lock');
  await writeTo(folder, '.DS_Store', 'x');
  await writeTo(folder, '说明.docx', 'not a roster');
  single = ReportSchema.parse(
    JSON.parse((await cli('check', path.join(SAMPLES, 'hainan.xlsx'), '--json', ...AS_OF)).out),
  );
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

test('three schools’ files, one roster: the split teacher is one teacher, the shared record a cross-file duplicate', async () => {
  const r = ReportSchema.parse(JSON.parse((await cli('check', folder, '--json', ...AS_OF)).out));
  expect(r.files!.map((f) => f.path).sort()).toEqual(
    [path.join(folder, 'A校.xlsx'), path.join(folder, 'B校.xls'), path.join(folder, '其他', 'C校.csv')].sort(),
  );
  expect(r.summary.teachers).toBe(single.summary.teachers);
  const split = r.records.filter((x) => x.teacherId === movedId);
  expect(new Set(split.map((x) => path.basename(x.file!)))).toEqual(new Set(['A校.xlsx', 'B校.xls']));
  expect(r.teachers.filter((t) => t.id === movedId)).toHaveLength(1);
  const dup = r.records.flatMap((x) =>
    x.issues.filter((i) => i.code === 'DUPLICATE_ACROSS_FILES').map((i) => ({ ...i, file: x.file })),
  );
  expect(dup).toHaveLength(1);
  expect(dup[0]!.value).toBe(shared.project);
  expect(dup[0]!.message).toContain('A校.xlsx');
  expect(dup[0]!.message).toContain('B校.xls');
  // every other teacher is judged as in the one-file roster
  const others = (x: Report) =>
    x.teachers
      .filter((t) => t.id !== movedId)
      .map((t) => ({ id: t.id, years: t.years, cycle: t.cycle }))
      .sort((p, q) => p.id.localeCompare(q.id));
  expect(others(r)).toEqual(others(single));
  // the moved teacher's years add up across both files: their one duplicated record counts twice, nothing else moves
  const mine = r.teachers.find((t) => t.id === movedId)!;
  const theirs = single.teachers.find((t) => t.id === movedId)!;
  expect(mine.years.filter((y) => y.year !== 2021)).toEqual(theirs.years.filter((y) => y.year !== 2021));
});

test('the readable report has a per-file and a per-school table', async () => {
  const r = await cli('check', folder, ...AS_OF);
  expect(r.out).toContain('文件: 3 个，读取 3 个');
  expect(r.out).toContain('按文件');
  expect(r.out).toMatch(/A校\.xlsx\s+\d+\s+\d+/);
  expect(r.out).toContain('按学校（周期结论）');
  expect(r.out).toContain('海口市琼山中学');
});

test('the built CLI parses the files in worker threads and reports exactly what the in-process run does', async () => {
  const built = path.join(ROOT, 'lib', 'cli', 'worker.js');
  await fs.access(built); // npm test builds lib/ first
  const inProcess = JSON.parse((await cli('check', folder, '--json', ...AS_OF)).out) as Report;
  const res = await promisify(execFile)(
    process.execPath,
    [path.join(ROOT, 'bin', 'cpd-credits.js'), 'check', folder, '--json', '--jobs', '2', ...AS_OF],
    { maxBuffer: 1 << 28 },
  ).catch((e: { stdout: string; code: number }) => ({ stdout: e.stdout, code: e.code }));
  expect(JSON.parse(res.stdout)).toEqual(inProcess);
});

test('--out DIR: an input named 汇总.xlsx has its copy beside the summary, never in its place', async () => {
  const inputs = path.join(tmp, 'named-summary');
  await fs.mkdir(inputs, { recursive: true });
  await fs.copyFile(path.join(folder, 'A校.xlsx'), path.join(inputs, '汇总.xlsx'));
  await fs.copyFile(path.join(folder, 'A校.xlsx'), path.join(inputs, 'a.xlsx'));
  const out = path.join(tmp, 'named-summary-out');
  const r = await cli('check', inputs, '--json', ...AS_OF, '--out', out);
  expect(r.err).not.toContain('已存在');
  const report = ReportSchema.parse(JSON.parse(r.out));
  expect(report.outputs!.map((o) => [path.relative(out, o.path), o.kind]).sort()).toEqual(
    [
      ['a.xlsx', 'annotated'],
      ['汇总 (2).xlsx', 'annotated'],
      ['汇总.xlsx', 'summary'],
    ].sort(),
  );
  const summary = new ExcelJS.Workbook();
  await summary.xlsx.readFile(path.join(out, '汇总.xlsx'));
  expect(summary.worksheets.map((w) => w.name)).toEqual(['学校', '教师', '年度汇总', '文件']);
});

test('--out DIR: one copy per input under the same names (.xlsx where the format cannot stay), plus 汇总.xlsx', async () => {
  const out = path.join(tmp, 'checked');
  const r = await cli('check', folder, '--json', ...AS_OF, '--out', out);
  const report = ReportSchema.parse(JSON.parse(r.out));
  expect(report.outputs!.map((o) => [path.relative(out, o.path), o.kind]).sort()).toEqual(
    [
      ['A校.xlsx', 'annotated'],
      ['B校.xlsx', 'rebuilt'],
      [path.join('其他', 'C校.xlsx'), 'rebuilt'],
      ['汇总.xlsx', 'summary'],
    ].sort(),
  );
  const summary = new ExcelJS.Workbook();
  await summary.xlsx.readFile(path.join(out, '汇总.xlsx'));
  expect(summary.worksheets.map((w) => w.name)).toEqual(['学校', '教师', '年度汇总', '文件']);
  expect(summary.getWorksheet('学校')!.rowCount).toBe(1 + 4);
  expect(summary.getWorksheet('文件')!.rowCount).toBe(1 + 3);
  // each copy carries its own file's records
  const a = new ExcelJS.Workbook();
  await a.xlsx.readFile(path.join(out, 'A校.xlsx'));
  const results = a.getWorksheet('校验结果')!;
  expect(results.getRow(1).getCell(1).value).toBe('文件');
  results.eachRow((row, n) => {
    if (n > 1) expect(row.getCell(1).value).toBe(path.join(folder, 'A校.xlsx'));
  });
  // …and its issues point at cells of its own sheets: a file's issue sheet names the sheet and cell of that
  // file's record, not those of the record at the same place in the whole roster (the first file's)
  for (const copy of ['A校.xlsx', 'B校.xlsx', path.join('其他', 'C校.xlsx')]) {
    const wb = XLSX.read(await fs.readFile(path.join(out, copy)));
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['问题清单']!);
    const own = rows.filter((x) => x['行'] !== undefined);
    expect(own.length).toBeGreaterThan(0);
    for (const x of own) {
      expect(path.basename(String(x['文件'])).replace(/\.\w+$/, '')).toBe(path.basename(copy, '.xlsx'));
      expect(wb.SheetNames).toContain(x['工作表']);
      expect(String(x['单元格'])).toMatch(new RegExp(`^[A-Z]+${String(x['行'])}$`));
    }
  }

  // again: the copies exist, so nothing is replaced without --force; the out folder inside the input
  // folder, and the copies and summary met while walking, are never read as rosters
  const again = await cli('check', folder, ...AS_OF, '--out', out);
  expect(again.code).toBe(2);
  expect(again.err).toContain('已存在');
  const inside = path.join(folder, 'checked');
  await fs.cp(out, inside, { recursive: true });
  const walked = ReportSchema.parse(JSON.parse((await cli('check', folder, '--json', ...AS_OF)).out));
  expect(walked.summary.records).toBe(report.summary.records);
  const forced = await cli('check', folder, '--json', ...AS_OF, '--out', inside, '--force');
  expect(forced.code).toBe(1);
  expect(ReportSchema.parse(JSON.parse(forced.out)).summary).toEqual(report.summary);
  await fs.rm(inside, { recursive: true, force: true });
});

test('an unreadable file among many is listed, the others are checked', async () => {
  const dir = path.join(tmp, 'mixed');
  await fs.cp(folder, dir, { recursive: true });
  // a workbook cut short in transfer: a zip header, no directory
  await writeTo(dir, 'D校.xlsx', Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(200, 7)]));
  // a text file under a workbook's name is read for what it is, and is no roster
  await writeTo(dir, 'E校.xlsx', 'this is not a workbook');
  const r = await cli('check', dir, '--json', ...AS_OF);
  expect(r.code).toBe(1);
  const report = ReportSchema.parse(JSON.parse(r.out));
  const bad = report.sources!.find((s) => s.code === 'unreadable')!;
  expect(bad.file).toBe(path.join(dir, 'D校.xlsx'));
  expect(bad.reason).toContain('压缩包结构已损坏');
  expect(report.sources!.find((s) => s.file === path.join(dir, 'E校.xlsx'))!.code).toBe('noHeader');
  expect(report.summary.teachers).toBe(single.summary.teachers);
});
