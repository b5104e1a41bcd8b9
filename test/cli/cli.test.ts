import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createHash } from 'crypto';
import ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';
import { displayWidth } from '../../src/cli/human';
import { ReportSchema } from '../../src/engine/report-schema';
import { MISTAKES } from '../../src/samples/generate';
import { REGIONS } from '../../src/rules';
import { readCustomProperties } from '../../src/samples/props';

const SAMPLES = path.join(__dirname, '..', '..', 'assets', 'samples');

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  // an empty environment: the language is Chinese unless --lang says otherwise, whatever the test machine's locale
  const code = await run(argv, { out: (s) => (out += s), err: (s) => (err += s), isTTY: false, env: {} });
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
    const codes = new Set([
      ...report.records.flatMap((x) => x.issues.map((i) => i.code)),
      ...report.teachers.flatMap((t) => t.issues.map((i) => i.code)),
    ]);
    for (const code of MISTAKES[region]) expect(codes).toContain(code);
    // most teachers of a realistic roster pass their finished years
    const assessed = report.teachers.flatMap((t) => t.years).filter((y) => y.pass !== null);
    if (assessed.length) expect(assessed.filter((y) => y.pass).length / assessed.length).toBeGreaterThan(0.8);
    // …and the cycle, where it has ended (qitai's runs to 2028)
    if (region !== 'qitai') expect(report.summary.cyclePass / report.summary.teachers).toBeGreaterThan(0.6);
  });

  test('csv with BOM gives the same figures as the xlsx', async () => {
    const x = ReportSchema.parse(JSON.parse((await cli('check', path.join(SAMPLES, `${region}.xlsx`), '--json')).out));
    const c = ReportSchema.parse(
      JSON.parse(
        (
          await cli(
            'check',
            path.join(SAMPLES, `${region}.csv`),
            '--json',
            '--region',
            region,
            ...(region === 'qitai' ? [] : ['--cycle-start', String(x.cycle.start)]),
          )
        ).out,
      ),
    );
    expect(c.summary).toEqual(x.summary);
    expect(c.teachers.map((t) => t.cycle.credits)).toEqual(x.teachers.map((t) => t.cycle.credits));
  });

  test('the readable report names counts, problems and teachers', async () => {
    const r = await cli('check', path.join(SAMPLES, `${region}.xlsx`));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/记录 \d+ 条 · 教师 36 位/);
    expect(r.out).toContain('问题：先改错误');
    // headings in the catalogue's plain words, never an internal code
    expect(r.out).not.toMatch(/\b[A-Z]+_[A-Z_]+\b/);
    expect(r.out).toMatch(/\*{10}/); // IDs are masked on screen
    expect(r.out).not.toMatch(/\d{17}[\dX]/);
  });
});

test('--out writes an annotated copy and leaves the input byte for byte as it was', async () => {
  const input = path.join(tmp, 'hainan.xlsx');
  await fs.copyFile(path.join(SAMPLES, 'hainan.xlsx'), input);
  const before = createHash('sha256')
    .update(await fs.readFile(input))
    .digest('hex');
  const out = path.join(tmp, 'hainan-checked.xlsx');
  const r = await cli('check', input, '--out', out);
  expect(r.code).toBe(1);
  expect(
    createHash('sha256')
      .update(await fs.readFile(input))
      .digest('hex'),
  ).toBe(before);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  // the per-record results moved from columns beside the table to a sheet of their own (issue 9: columns
  // beside the table changed cells that have no issue); the marks live on a hidden sheet
  expect(wb.worksheets.map((w) => w.name)).toEqual([
    '培训登记',
    '说明',
    '校验结果',
    '周期汇总',
    '年度汇总',
    '问题清单',
    'CPD_marks',
  ]);
  const ws = wb.getWorksheet('培训登记')!;
  const header = ws.getRow(2).values as unknown[];
  expect(header).not.toContain('校验结果');
  // row 58 carries the deliberate "二十" hours: its value is untouched, its mark explains it
  const hoursCol = header.indexOf('学时');
  expect(ws.getRow(58).getCell(hoursCol).value).toBe('二十');
  const marks = wb.getWorksheet('CPD_marks')!;
  expect(marks.state).toBe('hidden');
  expect(String(marks.getRow(58).getCell(hoursCol).value)).toMatch(/^E .*不是数字/);
  const results = wb.getWorksheet('校验结果')!;
  const resultRow = results.getRows(2, results.rowCount - 1)!.find((row) => row.getCell(2).value === 58)!;
  expect(String(resultRow.getCell(6).value)).toContain('不是数字');
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
  expect(text.split('\n')[1]).toContain('"校验结果"');
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
    // the one file checked is named, as an unreadable one is
    expect(r.err).toContain(`${f}：找不到表头行`);
    expect(r.err).toContain(`${f}: no header row found`);
  });
});

test('credits prints a bare number; --explain cites the article on stderr', async () => {
  const r = await cli(
    'credits',
    '--region',
    'puer',
    '--hours',
    '24',
    '--level',
    '省级',
    '--mode',
    '集中培训',
    '--grade',
    '85',
    '--rate',
    '2',
    '--explain',
  );
  expect(r.code).toBe(0);
  expect(r.out).toBe('55.2\n');
  expect(r.err).toContain('第十一条');
  const over = await cli(
    'credits',
    '--region',
    'hainan',
    '--hours',
    '8',
    '--level',
    '校级',
    '--mode',
    '集中培训',
    '--set',
    'dayCredits.school=0.5',
  );
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

describe('verdict states in the CLI (issue: verdicts a user can trust)', () => {
  test('qitai: as of 2026-12-01 nobody fails the running 2024–2028 cycle; as of 2029-01-15 the real failures show', async () => {
    const running = ReportSchema.parse(
      JSON.parse((await cli('check', path.join(SAMPLES, 'qitai.xlsx'), '--json', '--as-of', '2026-12-01')).out),
    );
    expect(running.asOf).toBe('2026-12-01');
    expect(running.teachers.filter((t) => t.cycle.status === 'fail')).toEqual([]);
    expect(running.summary.cycleFail).toBe(0);
    expect(running.summary.cycleInProgress).toBeGreaterThan(10);
    expect(running.summary.cycleInProgress + running.summary.cyclePass).toBe(36);
    const human = (await cli('check', path.join(SAMPLES, 'qitai.xlsx'), '--as-of', '2026-12-01')).out;
    expect(human).toContain('截至: 2026-12-01');
    expect(human).toMatch(/进行中：截至 2026-12-01 .*还差/);
    expect(human).not.toMatch(/2024–2028 不合格/);
    const ended = ReportSchema.parse(
      JSON.parse((await cli('check', path.join(SAMPLES, 'qitai.xlsx'), '--json', '--as-of', '2029-01-15')).out),
    );
    expect(ended.summary.cycleInProgress).toBe(0);
    // the same records: those not yet there in 2026 have now failed; those already there still pass
    expect(ended.summary.cycleFail).toBe(running.summary.cycleInProgress);
    expect(ended.summary.cyclePass).toBe(running.summary.cyclePass);
    expect(ended.teachers.find((t) => t.cycle.status === 'fail')!.cycle.verdict).toMatch(/^不合格：/);
  });

  test('hainan: years short only of undefined school-level credits are 待定, and --set decides them', async () => {
    const r = ReportSchema.parse(JSON.parse((await cli('check', path.join(SAMPLES, 'hainan.xlsx'), '--json')).out));
    expect(r.summary.yearsPending).toBeGreaterThan(0);
    const pending = r.teachers.flatMap((t) => t.years).find((y) => y.status === 'pending')!;
    expect(pending.pass).toBeNull();
    expect(pending.verdict).toMatch(/^待定：\d+ 条记录的学分原文未规定（校级培训每天学分 dayCredits\.school）/);
    const set = ReportSchema.parse(
      JSON.parse((await cli('check', path.join(SAMPLES, 'hainan.xlsx'), '--json', '--set', 'dayCredits.school=1')).out),
    );
    // every year that waited for the school-level day rate is decided (one waits for another open number)
    const waitingFor = (rep: typeof r, key: string) =>
      rep.teachers.flatMap((t) => t.years).filter((y) => y.undecided.some((u) => u.param === key)).length;
    expect(waitingFor(r, 'dayCredits.school')).toBeGreaterThan(0);
    expect(waitingFor(set, 'dayCredits.school')).toBe(0);
    expect(set.summary.yearsPending).toBeLessThan(r.summary.yearsPending);
    expect(set.overrides).toEqual({ 'dayCredits.school': 1 });
  });

  test('a CSV whose IDs Excel saved as 4.60100E+17 reports one teacher per person, each with the fix', async () => {
    const src = await fs.readFile(path.join(SAMPLES, 'hainan.csv'), 'utf8');
    const sci = src.replace(/\b(46\d{16})\b/g, (id) => Number(id).toExponential(5).toUpperCase().replace('E+', 'E+'));
    expect(sci).toContain('4.60100E+17');
    const f = path.join(tmp, 'sci.csv');
    await fs.writeFile(f, sci);
    const orig = ReportSchema.parse(
      JSON.parse((await cli('check', path.join(SAMPLES, 'hainan.csv'), '--json', '--region', 'hainan')).out),
    );
    const r = ReportSchema.parse(JSON.parse((await cli('check', f, '--json', '--region', 'hainan')).out));
    expect(r.summary.teachers).toBe(orig.summary.teachers);
    expect(r.teachers.map((t) => t.cycle.credits)).toEqual(orig.teachers.map((t) => t.cycle.credits));
    for (const t of r.teachers)
      expect(t.issues.filter((i) => i.code === 'TEACHER_ID_UNUSABLE').map((i) => i.message)).toEqual([
        expect.stringContaining('设为“文本”格式'),
      ]);
    const human = (await cli('check', f, '--region', 'hainan')).out;
    expect(human).toContain('身份证号无法区分教师');
  });

  test('an .xlsx whose ID column holds numbers (digits lost) still has one teacher per person', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(SAMPLES, 'hainan.xlsx'));
    const ws = wb.worksheets[0]!;
    const header = ws.getRow(2).values as unknown[];
    const col = header.indexOf('身份证号');
    ws.eachRow((row, n) => {
      const c = row.getCell(col);
      // what Excel does to an 18-digit ID typed into a General cell: a double with 15 significant digits
      if (n > 2 && typeof c.value === 'string' && /^\d{17}[\dX]$/.test(c.value))
        c.value = Number(c.value.slice(0, 15)) * 1000;
    });
    const f = path.join(tmp, 'numeric-ids.xlsx');
    await wb.xlsx.writeFile(f);
    const r = ReportSchema.parse(JSON.parse((await cli('check', f, '--json', '--region', 'hainan')).out));
    expect(r.summary.teachers).toBe(36);
    expect(r.teachers.every((t) => t.idProblem !== undefined)).toBe(true);
  });

  test('the wrong region: a Hainan roster checked as Shandong says it looks like Hainan’s', async () => {
    const r = await cli('check', path.join(SAMPLES, 'hainan.xlsx'), '--region', 'shandong');
    expect(r.out).toContain('这张表看起来是海南的登记表');
    expect(r.out).toContain('工作簿设置的地区是海南');
  });

  test('--as-of must be a date', async () => {
    const r = await cli('check', path.join(SAMPLES, 'hainan.xlsx'), '--as-of', '2026-13-01');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--as-of');
  });
});

describe('the readable report, in the order an administrator works (issue: the pane as an administrator needs it, 8)', () => {
  test('who is short comes before the problems, the problems before the teacher table; gaps are one line per parameter', async () => {
    const out = (await cli('check', path.join(SAMPLES, 'hainan.xlsx'), '--as-of', '2026-06-01')).out;
    const at = (s: string) => out.indexOf(s);
    expect(at('周期不合格的教师：还差什么')).toBeGreaterThan(0);
    expect(at('周期不合格的教师：还差什么')).toBeLessThan(at('问题：先改错误'));
    expect(at('问题：先改错误')).toBeLessThan(at('\n教师\n'));
    // the mistyped ID is one line naming its teacher, with its rows
    expect(out).toMatch(/错误 · 身份证号无效 · 17 处\n {4}\S+ 4601\*{10}1001 · 第 3、4、5、6 等 17 行 /);
    // the gaps of the rules: one line per parameter, with the setting that decides them
    const gaps = out.split('\n').filter((l) => l.includes('条记录未计学分'));
    expect(gaps).toHaveLength(2);
    expect(gaps[0]).toContain('--set dayCredits.school=');
    // a suggestion where one accepted value is clearly meant
    expect(out).toContain('（可改为「省级」）');
  });

  test('the teacher table is aligned by display width (a CJK character is two columns)', async () => {
    const out = (await cli('check', path.join(SAMPLES, 'hainan.xlsx'), '--as-of', '2026-06-01')).out;
    const lines = out.split('\n');
    const table = lines.slice(lines.indexOf('教师') + 1).filter((l) => /^ {2}(\d{4}\*|编号)/.test(l));
    expect(table.length).toBe(37);
    const widths = new Set(table.map((l) => displayWidth(l.replace(/\s+\S+$/, ''))));
    expect(widths.size).toBe(1);
  });

  test('English: labels, units and headings in English', async () => {
    const out = (await cli('check', path.join(SAMPLES, 'hainan.xlsx'), '--as-of', '2026-06-01', '--lang', 'en')).out;
    expect(out).toContain('Problems: errors first');
    expect(out).toContain('error · invalid ID number · 17');
    // Chinese is left only in what the roster itself holds (values quoted, teacher names, schools, sheet names)
    // and the source's title
    const chrome = out
      .split('\n')
      .filter((l) => !/^(Rules|File):/.test(l))
      .map((l) =>
        l
          .replace(/「[^」]*」|"[^"]*"|“[^”]*”/g, '')
          .replace(/^\s+\S+ \d{4}\*{10}\d{3}[\dX]/, '')
          .replace(/^\s+[\u4e00-\u9fff]+(?=\s+\d)/, ''),
      );
    expect(
      chrome.filter((l) => /问题|错误|警告|学时|学分|合格|截至|依据|工作表|还差|周期|年度|记录|教师/.test(l)),
    ).toEqual([]);
  });

  test('a large roster leaves out the teacher table unless --teachers asks for it', async () => {
    const f = path.join(tmp, 'big.csv');
    const lines = ['教师编号,年度,培训方式,学时'];
    for (let i = 0; i < 120; i++) lines.push(`T${i},2019,集中培训,400`);
    await fs.writeFile(f, lines.join('\n'));
    const short = (await cli('check', f, '--region', 'zhengzhou', '--cycle-start', '2019', '--as-of', '2026-06-01'))
      .out;
    expect(short).toContain('共 120 位教师；用 --teachers 列出');
    expect(short).not.toContain('\n教师\n');
    const full = (
      await cli('check', f, '--region', 'zhengzhou', '--cycle-start', '2019', '--as-of', '2026-06-01', '--teachers')
    ).out;
    expect(full).toContain('\n教师\n');
    const table = full.slice(full.indexOf('\n教师\n'));
    expect(table.split('\n').filter((l) => /^ {2}T\d+ /.test(l))).toHaveLength(120);
  });
});
