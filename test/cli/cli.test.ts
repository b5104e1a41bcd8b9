import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createHash } from 'crypto';
import ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';
import { ReportSchema } from '../../src/engine/report';
import { MISTAKES } from '../../src/samples/generate';
import { REGIONS } from '../../src/engine/vocabulary';
import { readCustomProperties } from '../../src/cli/files';

const SAMPLES = path.join(__dirname, '..', '..', 'assets', 'samples');

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (s) => (out += s), err: (s) => (err += s), isTTY: false });
  return { code, out, err };
}

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'cpd-cli-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe.each(REGIONS)('check assets/samples/%s', (region) => {
  test('xlsx: region from the workbook, JSON valid, every deliberate mistake found', async () => {
    const r = await cli('check', path.join(SAMPLES, `${region}.xlsx`), '--json');
    expect(r.code).toBe(1);
    const report = ReportSchema.parse(JSON.parse(r.out));
    expect(report.region).toBe(region);
    expect(report.summary.teachers).toBe(36);
    const codes = new Set([...report.records.flatMap((x) => x.issues.map((i) => i.code)), ...report.teachers.flatMap((t) => t.issues.map((i) => i.code))]);
    for (const code of MISTAKES[region]) expect(codes).toContain(code);
    // most teachers of a realistic roster pass their finished years
    const assessed = report.teachers.flatMap((t) => t.years).filter((y) => y.pass !== null);
    if (assessed.length) expect(assessed.filter((y) => y.pass).length / assessed.length).toBeGreaterThan(0.8);
    // …and the cycle, where it has ended (qitai's runs to 2028)
    if (region !== 'qitai') expect(report.summary.cyclePass / report.summary.teachers).toBeGreaterThan(0.6);
  });

  test('csv with BOM gives the same figures as the xlsx', async () => {
    const x = ReportSchema.parse(JSON.parse((await cli('check', path.join(SAMPLES, `${region}.xlsx`), '--json')).out));
    const c = ReportSchema.parse(JSON.parse((await cli('check', path.join(SAMPLES, `${region}.csv`), '--json', '--region', region, ...(region === 'qitai' ? [] : ['--cycle-start', String(x.cycle.start)]))).out));
    expect(c.summary).toEqual(x.summary);
    expect(c.teachers.map((t) => t.cycle.credits)).toEqual(x.teachers.map((t) => t.cycle.credits));
  });

  test('the readable report names counts, problems and teachers', async () => {
    const r = await cli('check', path.join(SAMPLES, `${region}.xlsx`));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/记录 \d+ 条 · 教师 36 位/);
    expect(r.out).toContain('问题（最严重的在前）');
    expect(r.out).toMatch(/\*{10}/); // IDs are masked on screen
    expect(r.out).not.toMatch(/\d{17}[\dX]/);
  });
});

test('--out writes an annotated copy and leaves the input byte for byte as it was', async () => {
  const input = path.join(tmp, 'hainan.xlsx');
  await fs.copyFile(path.join(SAMPLES, 'hainan.xlsx'), input);
  const before = createHash('sha256').update(await fs.readFile(input)).digest('hex');
  const out = path.join(tmp, 'hainan-checked.xlsx');
  const r = await cli('check', input, '--out', out);
  expect(r.code).toBe(1);
  expect(createHash('sha256').update(await fs.readFile(input)).digest('hex')).toBe(before);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['培训登记', '周期汇总', '年度汇总', '问题清单']);
  const ws = wb.getWorksheet('培训登记')!;
  const header = ws.getRow(2).values as unknown[];
  expect(header).toContain('校验结果');
  // row 58 carries the deliberate "二十" hours: its cell is marked and explained
  const hoursCol = header.indexOf('学时');
  const cell = ws.getRow(58).getCell(hoursCol);
  expect(cell.value).toBe('二十');
  expect(String(cell.note)).toContain('不是数字');
  expect((await readCustomProperties(await fs.readFile(out)))['CPD.region']).toBe('hainan');
});

test('--out refuses to overwrite the input', async () => {
  const input = path.join(tmp, 'same.xlsx');
  await fs.copyFile(path.join(SAMPLES, 'puer.xlsx'), input);
  const r = await cli('check', input, '--out', input);
  expect(r.code).toBe(2);
  expect(r.err).toContain('--out');
});

test('--out .csv appends the check columns', async () => {
  const out = path.join(tmp, 'checked.csv');
  const r = await cli('check', path.join(SAMPLES, 'zhengzhou.csv'), '--region', 'zhengzhou', '--out', out);
  expect(r.code).toBe(1);
  const text = await fs.readFile(out, 'utf8');
  expect(text.split('\n')[1]).toContain('校验结果');
});

test('a CSV saved in GBK is read, with a notice', async () => {
  const gbk = path.join(tmp, 'gbk.csv');
  // "身份证号,年度,培训方式,学时,培训层次\n…" encoded by hand in GBK would need an encoder;
  // iconv is not a dependency, so the GBK bytes of the header are written literally.
  const header = Buffer.from('c9edb7ddd6a4bac52cc4eab6c82cc5e0d1b5b7bdcabd2cd1a7cab12cc5e0d1b5b2e3b4ce0a', 'hex');
  const row = Buffer.from('11010519491231002X,2023,', 'latin1');
  const mode = Buffer.from('bcafd6d0c5e0d1b5', 'hex'); // 集中培训
  const rest = Buffer.from(',24,', 'latin1');
  const level = Buffer.from('b9fabcd2bcb6', 'hex'); // 国家级
  await fs.writeFile(gbk, Buffer.concat([header, row, mode, rest, level, Buffer.from('\n')]));
  const r = await cli('check', gbk, '--region', 'hainan', '--json');
  expect(r.err).toContain('GB18030');
  const report = ReportSchema.parse(JSON.parse(r.out));
  expect(report.records[0]!.credits).toBe(6);
});

describe('exit 2 when the input or the arguments cannot be used', () => {
  test.each([
    [['check', 'no-such-file.xlsx', '--region', 'hainan'], '无法读取'],
    [['check', path.join(SAMPLES, 'hainan.xlsx'), '--region', 'beijing'], '无法识别'],
    [['check', path.join(SAMPLES, 'hainan.xlsx'), '--cycle-start', '19'], '--cycle-start'],
    [['check', path.join(SAMPLES, 'hainan.csv')], '--region'],
    [['check', path.join(SAMPLES, 'hainan.xlsx'), '--sheet', 'Sheet9'], 'Sheet9'],
    [['check', path.join(SAMPLES, 'hainan.xlsx'), '--set', 'yearCredits=5'], '不能覆盖'],
    [['credits', '--region', 'hainan', '--hours', 'abc', '--level', '省级', '--mode', '集中培训'], '不是数字'],
    [['credits', '--region', 'hainan', '--hours', '8', '--level', '校级', '--mode', '集中培训'], 'dayCredits.school'],
    [['frobnicate'], ''],
  ])('%j', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  test('a file without a header row', async () => {
    const f = path.join(tmp, 'noheader.csv');
    await fs.writeFile(f, 'a,b,c\n1,2,3\n');
    const r = await cli('check', f, '--region', 'shandong');
    expect(r.code).toBe(2);
    expect(r.err).toContain('找不到表头行');
  });
});

test('credits prints a bare number; --explain cites the article on stderr', async () => {
  const r = await cli('credits', '--region', 'puer', '--hours', '24', '--level', '省级', '--mode', '集中培训', '--grade', '85', '--rate', '2', '--explain');
  expect(r.code).toBe(0);
  expect(r.out).toBe('55.2\n');
  expect(r.err).toContain('第十一条');
  const over = await cli('credits', '--region', 'hainan', '--hours', '8', '--level', '校级', '--mode', '集中培训', '--set', 'dayCredits.school=0.5');
  expect(over.out).toBe('0.5\n');
});

test('a clean roster exits 0', async () => {
  const f = path.join(tmp, 'clean.csv');
  const lines = ['教师编号,年度,培训方式,学时'];
  for (let y = 2019; y <= 2023; y++) lines.push(`T1,${y},集中培训,52`, `T1,${y},校本研修,20`);
  await fs.writeFile(f, lines.join('\n'));
  const r = await cli('check', f, '--region', 'zhengzhou', '--cycle-start', '2019');
  expect(r.out).toContain('合格');
  expect(r.code).toBe(0);
});
