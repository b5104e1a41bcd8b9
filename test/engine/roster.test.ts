// Several tables as one roster: a workbook kept as one sheet per year, several schools' files. A teacher's
// records add up across them; the same record in two files is a cross-file duplicate naming both.
import { RULES } from '../../src/rules';
import { checkRoster, RosterTable } from '../../src/engine/engine';
import { toReport } from '../../src/engine/report';
import { ReportSchema } from '../../src/engine/report-schema';

const HEAD = ['教师编号', '姓名', '年度', '项目名称', '培训层次', '培训方式', '学时'];
/** hainan 第九条: 80 h of national centralized training (10 + 10 credits) passes a year. */
const yearSheet = (y: number, extraHead: string[] = []): RosterTable => ({
  sheet: `${y}年`,
  rows: [
    [`${y}年度教师培训登记`],
    [...extraHead, ...HEAD],
    ...['T1', 'T2'].flatMap((t) => [
      [...extraHead.map(() => 'x'), t, `教师${t}`, y, `国培${y}A`, '国家级', '集中培训', 40],
      [...extraHead.map(() => 'x'), t, `教师${t}`, y, `国培${y}B`, '国家级', '集中培训', 40],
    ]),
  ],
});

test('one sheet per year is one roster: every teacher passes the cycle that no single sheet could', () => {
  const tables = [2019, 2020, 2021, 2022, 2023].map((y, i) => yearSheet(y, i % 2 ? ['序号'] : []));
  const result = checkRoster(tables, { rules: RULES.hainan, asOf: '2026-12-01' });
  expect(result.tables.map((t) => [t.sheet, t.records])).toEqual([
    ['2019年', 4],
    ['2020年', 4],
    ['2021年', 4],
    ['2022年', 4],
    ['2023年', 4],
  ]);
  const report = ReportSchema.parse(toReport(result));
  expect(report.teachers.map((t) => [t.id, t.cycle.status, t.cycle.credits])).toEqual([
    ['T1', 'pass', 100],
    ['T2', 'pass', 100],
  ]);
  expect(report.records.find((r) => r.year === 2021)!.sheet).toBe('2021年');
  expect(report.cycle).toMatchObject({ source: 'roster', start: 2019 });
  expect(report.files).toBeUndefined();
  // each sheet on its own falls short: the whole point of reading them together
  expect(
    checkRoster([tables[0]!], { rules: RULES.hainan, asOf: '2026-12-01', cycleStart: 2019 }).teachers[0]!.cycle.status,
  ).toBe('fail');
});

test('two schools’ files: a teacher split across them is one teacher; the shared record is a cross-file duplicate', () => {
  const a: RosterTable = {
    file: '甲校.xlsx',
    sheet: '登记',
    rows: [
      HEAD,
      ['T1', '甲', 2023, '国培A', '国家级', '集中培训', 40],
      ['T1', '甲', 2023, '共同项目', '国家级', '集中培训', 8],
    ],
  };
  const b: RosterTable = {
    file: '乙校.xlsx',
    sheet: '登记',
    rows: [
      HEAD,
      ['T1', '甲', 2023, '国培B', '国家级', '集中培训', 40],
      ['T1', '甲', 2023, '共同项目', '国家级', '集中培训', 8],
    ],
  };
  const result = checkRoster([a, b], { rules: RULES.hainan, asOf: '2026-12-01', cycleStart: 2019 });
  expect(result.teachers).toHaveLength(1);
  expect(result.teachers[0]!.years.find((y) => y.year === 2023)!.credits).toBe(24);
  const dup = result.records.flatMap((r) => r.issues).filter((i) => i.code === 'DUPLICATE_ACROSS_FILES');
  expect(dup).toHaveLength(1);
  expect(dup[0]!.message.zh).toContain('甲校.xlsx');
  expect(dup[0]!.message.zh).toContain('乙校.xlsx');
  expect(dup[0]!.message.zh).toMatch(/^与 甲校\.xlsx 登记 第 3 行重复/);
  const report = ReportSchema.parse(toReport(result));
  expect(report.files).toEqual([
    { path: '甲校.xlsx', sheets: ['登记'], records: 2, errors: 0 },
    { path: '乙校.xlsx', sheets: ['登记'], records: 2, errors: 0 },
  ]);
  expect(report.records.map((r) => r.file)).toEqual(['甲校.xlsx', '甲校.xlsx', '乙校.xlsx', '乙校.xlsx']);
});

test('within one workbook, a duplicate on another sheet names that sheet', () => {
  const s1: RosterTable = { sheet: '2023年', rows: [HEAD, ['T1', '甲', 2023, '项目', '国家级', '集中培训', 8]] };
  const s2: RosterTable = { sheet: '补录', rows: [HEAD, ['T1', '甲', 2023, '项目', '国家级', '集中培训', 8]] };
  const issues = checkRoster([s1, s2], { rules: RULES.hainan, asOf: '2026-12-01' }).records[1]!.issues;
  expect(issues).toEqual([
    expect.objectContaining({
      code: 'DUPLICATE_RECORD',
      message: expect.objectContaining({ zh: '与2023年 第 2 行重复（同一教师、同一项目、同一年度），可能重复登记' }),
    }),
  ]);
});

test('a table without a header names its sheet and file', () => {
  expect(() =>
    checkRoster([{ file: 'x.xlsx', sheet: '说明', rows: [['填表说明'], ['请按要求填写']] }], { rules: RULES.hainan }),
  ).toThrow(/「x\.xlsx 说明」：找不到表头行/);
});

// An empty template or the wrong sheet: nothing checked must never read as nothing wrong
test('a header with no record under it is an error of the roster, and the cycle note does not say per teacher', () => {
  const result = checkRoster([{ rows: [HEAD] }], { rules: RULES.hainan, asOf: '2026-12-01' });
  const report = ReportSchema.parse(toReport(result));
  expect(report.records).toHaveLength(0);
  expect(report.issues.map((i) => [i.code, i.severity])).toEqual([['NO_RECORDS', 'error']]);
  expect(report.summary.errors).toBe(1);
  expect(report.cycle.note).toContain('没有带年度的记录');
  expect(report.cycle.note).not.toContain('按教师个人设定');
  // a region whose cycles are each teacher's still says so
  const zz = toReport(checkRoster([{ rows: [HEAD] }], { rules: RULES.zhengzhou, asOf: '2026-12-01' }));
  expect(zz.cycle.note).toContain('按教师个人设定');
  // one record: no such error
  const one = checkRoster([{ rows: [HEAD, ['T1', '甲', 2023, '国培', '国家级', '集中培训', 40]] }], {
    rules: RULES.hainan,
    asOf: '2026-12-01',
  });
  expect(one.issues.map((i) => i.code)).not.toContain('NO_RECORDS');
});

// rules.md: entered credits are pointed out when they differ from the computed ones by more than 0.01 — in
// decimal: 1.6 − 1.59 is 0.010000000000000009 in binary, a difference of exactly 0.01
test.each([
  [15.9, 1.6, false],
  [5.5, 0.56, false],
  [150, 15.01, false],
  [15.9, 1.61, true],
  [150, 15.02, true],
])('hainan online %p h (credits h ÷ 10) entered as %p credits: CREDITS_MISMATCH %p', (hours, entered, warned) => {
  const result = checkRoster(
    [
      {
        rows: [
          ['教师编号', '年度', '培训层次', '培训方式', '学时', '登记学分'],
          ['T1', 2023, '省级', '网络研修', hours, entered],
        ],
      },
    ],
    { rules: RULES.hainan, asOf: '2026-12-01' },
  );
  expect(result.records[0]!.issues.some((i) => i.code === 'CREDITS_MISMATCH')).toBe(warned);
});

// Two header cells for one field: the first is read, the second said to be unchecked (not silently dropped)
test('a second column for a field is a warning naming both columns; one column each, none', () => {
  const head = ['ID', '姓名', '身份证号', '年度', '培训层次', '培训方式', '学时'];
  const rows = [head, [1, '甲', '460100199001011230', 2023, '国家级', '集中培训', 40]];
  const result = checkRoster([{ rows, sheet: '2023年' }], { rules: RULES.hainan, asOf: '2026-12-01' });
  const unread = result.issues.filter((i) => i.code === 'COLUMN_NOT_READ');
  expect(unread).toHaveLength(1);
  expect(unread[0]!.message.zh).toContain('“ID”（A 列）和“身份证号”（C 列）');
  expect(unread[0]!.message.zh).toContain('「2023年」');
  const one = checkRoster([{ rows: [HEAD, ['T1', '甲', 2023, '国培', '国家级', '集中培训', 40]] }], {
    rules: RULES.hainan,
    asOf: '2026-12-01',
  });
  expect(one.issues.map((i) => i.code)).not.toContain('COLUMN_NOT_READ');
});
