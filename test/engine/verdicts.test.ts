// Verdict states (roster.md): a period still running is "in progress", a shortfall resting only on credits
// the text leaves undefined is "pending", hire years and partial cycles are "not assessed" — never 不合格.
// Also: one cycle per roster where the region's cycle is common, teachers whose ID column cannot identify
// them, and the warning for a roster that looks like another region's.
import { REGION_LIST, RULES } from '../../src/rules';
import { busiestWindow, checkTable, CheckOptions } from '../../src/engine/engine';
import { toReport } from '../../src/engine/report';
import { ReportSchema } from '../../src/engine/report-schema';
import type { RegionId } from '../../src/rules';

type Row = Array<string | number | null>;
const HEAD = ['教师编号', '姓名', '学校', '年度', '项目名称', '培训层次', '培训方式', '学时'];

function check(region: RegionId, rows: Row[], opts: Partial<CheckOptions> = {}, head: string[] = HEAD) {
  const result = checkTable([head, ...rows], {
    rules: RULES[region],
    candidates: REGION_LIST,
    asOf: '2026-12-01',
    ...opts,
  });
  const report = ReportSchema.parse(toReport(result));
  return { result, report };
}

/** hainan: 40 h of national centralized training = 10 credits, 40 h; two a year pass the year (≥ 10, ≥ 72). */
const hnYear = (t: string, y: number, extra: Row[] = []): Row[] => [
  [t, `教师${t}`, '一中', y, `国培${y}A`, '国家级', '集中培训', 40],
  [t, `教师${t}`, '一中', y, `国培${y}B`, '国家级', '集中培训', 40],
  ...extra,
];

describe('the as-of date decides which periods can fail', () => {
  test('hainan 第九条: a year not yet over and not yet met is in progress, not failed', () => {
    const { result, report } = check('hainan', [['T1', '甲', '一中', 2026, '国培', '国家级', '集中培训', 40]], {
      cycleStart: 2022,
    });
    const y = result.teachers[0]!.years.find((x) => x.year === 2026)!;
    expect(y.pass).toBe(false); // the conditions are not met (yet)…
    expect(y.status).toBe('inProgress'); // …but the year has not ended
    const ry = report.teachers[0]!.years.find((x) => x.year === 2026)!;
    expect(ry.pass).toBeNull();
    expect(ry.verdict).toBe('进行中：截至 2026-12-01 年度学时还差 32 学时');
    // the same year seen in 2027 has ended: now it fails
    const later = check('hainan', [['T1', '甲', '一中', 2026, '国培', '国家级', '集中培训', 40]], {
      cycleStart: 2022,
      asOf: '2027-01-02',
    });
    expect(later.report.teachers[0]!.years.find((x) => x.year === 2026)!).toMatchObject({
      status: 'fail',
      pass: false,
    });
  });

  test('a year already met is passed before it ends; a later year has not begun', () => {
    const { report } = check('hainan', hnYear('T1', 2026), { cycleStart: 2026 });
    const years = report.teachers[0]!.years;
    expect(years.find((y) => y.year === 2026)).toMatchObject({ status: 'pass', pass: true, verdict: '合格' });
    expect(years.find((y) => y.year === 2027)).toMatchObject({
      status: 'inProgress',
      pass: null,
      verdict: '进行中：该年度尚未开始',
    });
  });

  test('the cycle of a running period is in progress; after it ends the same records fail it', () => {
    const rows = [2022, 2023, 2024, 2025, 2026].flatMap((y) => hnYear('T1', y)).slice(0, 6); // 2022–2024 only
    const now = check('hainan', rows, { cycleStart: 2022, asOf: '2026-12-01' }).report;
    expect(now.teachers[0]!.cycle).toMatchObject({ status: 'inProgress', pass: null });
    // 3 years × 20 credits = 60 ≥ 50 already; 3 × 80 = 240 of 360 hours
    expect(now.teachers[0]!.cycle.verdict).toBe('进行中：截至 2026-12-01 周期学时还差 120 学时');
    expect(now.summary).toMatchObject({ cycleFail: 0, cycleInProgress: 1 });
    const after = check('hainan', rows, { cycleStart: 2022, asOf: '2027-03-01' }).report;
    expect(after.teachers[0]!.cycle).toMatchObject({ status: 'fail', pass: false });
    expect(after.summary).toMatchObject({ cycleFail: 1, cycleInProgress: 0 });
  });

  test('a record after the as-of date is flagged against that date', () => {
    const { result } = check('hainan', [['T1', '甲', '一中', 2027, '国培', '国家级', '集中培训', 8]], {
      cycleStart: 2023,
      asOf: '2026-06-30',
    });
    expect(result.records[0]!.issues.map((i) => i.code)).toContain('YEAR_IN_FUTURE');
    expect(
      check('hainan', [['T1', '甲', '一中', 2027, '国培', '国家级', '集中培训', 8]], {
        cycleStart: 2023,
        asOf: '2027-01-01',
      }).result.records[0]!.issues.map((i) => i.code),
    ).not.toContain('YEAR_IN_FUTURE');
  });

  test('an as-of date that is not a date is refused', () => {
    expect(() => check('hainan', hnYear('T1', 2023), { asOf: '2026-02-30' })).toThrow(/YYYY-MM-DD/);
  });
});

describe('pending: failing only because the text leaves credits undefined', () => {
  // hainan 第十四条（附表）: school-level training has no day rate in the text
  const schoolDay = (t: string, y: number): Row => [t, `教师${t}`, '一中', y, `校本${y}`, '校级', '校本研修', 40];

  test('a finished year short of credits, with undefined school-level records, is pending and names the parameter', () => {
    const rows: Row[] = [['T1', '甲', '一中', 2023, '国培', '国家级', '集中培训', 32], schoolDay('T1', 2023)];
    const { result, report } = check('hainan', rows, { cycleStart: 2019 });
    const y = result.teachers[0]!.years.find((x) => x.year === 2023)!;
    expect(y).toMatchObject({ pass: false, status: 'pending', undefinedCredits: 1 });
    expect(y.undecided).toEqual([expect.objectContaining({ count: 1, param: 'dayCredits.school' })]);
    const ry = report.teachers[0]!.years.find((x) => x.year === 2023)!;
    expect(ry.pass).toBeNull();
    expect(ry.verdict).toContain(
      '待定：1 条记录的学分原文未规定（校级培训每天学分 dayCredits.school），填写本地数值后可判定',
    );
    expect(report.summary.yearsPending).toBe(1);
    // the override decides it: 40 h at 1 a day = 5 credits, capped at 6 school-level; 8 + 5 = 13 ≥ 10
    const decided = check('hainan', rows, {
      cycleStart: 2019,
      overrides: { 'dayCredits.school': 1 },
    }).result.teachers[0]!.years.find((x) => x.year === 2023)!;
    expect(decided).toMatchObject({ status: 'pass', pass: true, credits: 13 });
  });

  test('short in hours as well: the hours are known, so the year fails', () => {
    const rows: Row[] = [
      ['T1', '甲', '一中', 2023, '国培', '国家级', '集中培训', 16],
      ['T1', '甲', '一中', 2023, '校本', '校级', '校本研修', 8],
    ];
    const y = check('hainan', rows, { cycleStart: 2019 }).result.teachers[0]!.years.find((x) => x.year === 2023)!;
    expect(y.status).toBe('fail');
  });

  test('the same for a finished cycle', () => {
    const rows: Row[] = [2019, 2020, 2021, 2022, 2023].flatMap((y) => [
      ['T1', '甲', '一中', y, `国培${y}`, '国家级', '集中培训', 32] as Row,
      schoolDay('T1', y),
    ]);
    const c = check('hainan', rows, { cycleStart: 2019 }).report.teachers[0]!.cycle;
    // 5 × 8 = 40 credits counted (< 50), 5 × 72 = 360 hours (met): only credits are short
    expect(c).toMatchObject({ status: 'pending', pass: null, credits: 40, hours: 360 });
    expect(c.undecided).toEqual([{ count: 5, param: 'dayCredits.school', label: '校级培训每天学分' }]);
  });
});

describe('not assessed', () => {
  test('hainan 第十条: the hire year is not assessed', () => {
    const rows: Row[] = [['T1', '甲', '一中', 2023, '国培', '国家级', '集中培训', 8]];
    const { report } = check('hainan', rows, { cycleStart: 2019 }, [...HEAD.slice(0, 8)]);
    expect(report.teachers[0]!.years.find((y) => y.year === 2023)!.status).toBe('fail');
    const hired = check(
      'hainan',
      rows.map((r) => [...r, 2023]),
      { cycleStart: 2019 },
      [...HEAD, '入职年度'],
    ).report;
    const y = hired.teachers[0]!.years.find((x) => x.year === 2023)!;
    expect(y).toMatchObject({ status: 'notAssessed', pass: null });
    expect(y.verdict).toMatch(/^不考核：招聘（或省外引进）当年不考核/);
  });

  test('a teacher hired after a common cycle began: the cycle is not failed, the figures are shown', () => {
    const rows: Row[] = [2022, 2023].flatMap((y) => hnYear('T1', y)).map((r) => [...r, 2021]);
    const c = check('hainan', rows, { cycleStart: 2019 }, [...HEAD, '入职年度']).report.teachers[0]!.cycle;
    expect(c).toMatchObject({ status: 'notAssessed', pass: null, credits: 40 });
    expect(c.verdict).toBe('不考核：2021 年入职，晚于周期起始 2019 年：原文未规定不满五年的周期如何考核');
    expect(c.shortfall).toEqual([]);
  });

  test('zhengzhou 四: years are advisory (72 h 为宜) and never fail', () => {
    const { report } = check('zhengzhou', [['T1', '甲', '一中', 2020, '项目', '县级', '集中培训', 10]], {
      cycleStart: 2019,
    });
    expect(report.teachers[0]!.years.every((y) => y.status === 'notAssessed' || y.status === 'inProgress')).toBe(true);
    expect(report.summary.yearsFailed).toBe(0);
  });
});

describe('one cycle per roster where the region’s cycle is common (rules.md, "Every region")', () => {
  test('the five-year window holding most records; ties go to the later window', () => {
    expect(busiestWindow([2019, 2020, 2021, 2022, 2023, 2017])).toBe(2019);
    expect(busiestWindow([2020, 2021])).toBe(2020); // 2016–2020 … 2020–2024 tie at two records? no: only windows holding both
    expect(busiestWindow([2018, 2024])).toBe(2024); // 2014–2018 holds one, 2020–2024 holds one: the later
    expect(busiestWindow([null, null])).toBeUndefined();
  });

  test('a mistyped 2017 record no longer moves one teacher’s cycle: everyone is judged on 2019–2023', () => {
    const rows: Row[] = [
      ...[2019, 2020, 2021, 2022, 2023].flatMap((y) => hnYear('T1', y)),
      ...[2019, 2020, 2021, 2022, 2023].flatMap((y) => hnYear('T2', y)),
      ['T2', '教师T2', '一中', 2017, '旧项目', '国家级', '集中培训', 8],
    ];
    const { result, report } = check('hainan', rows);
    expect(result.cycle).toEqual({ source: 'roster', start: 2019 });
    expect(report.teachers.map((t) => `${t.cycle.start}–${t.cycle.end}`)).toEqual(['2019–2023', '2019–2023']);
    expect(report.cycle.note).toContain('按记录推定为 2019–2023');
    expect(result.records.find((r) => r.record.year === 2017)!.issues.map((i) => i.code)).toContain(
      'YEAR_OUTSIDE_CYCLE',
    );
    expect(report.teachers[1]!.cycle.status).toBe('pass');
  });

  test('zhengzhou sets cycles per teacher (四): each from their own earliest record', () => {
    const rows: Row[] = [
      ['T1', '甲', '一中', 2017, 'A', '县级', '集中培训', 10],
      ['T2', '乙', '一中', 2020, 'B', '县级', '集中培训', 10],
    ];
    const { result } = check('zhengzhou', rows);
    expect(result.cycle.source).toBe('perTeacher');
    expect(result.teachers.map((t) => t.cycle.start)).toEqual([2017, 2020]);
  });

  test('zhengzhou 九: a new teacher’s cycle runs from the hire year; a veteran’s from the first record', () => {
    const head = [...HEAD, '入职年度'];
    const rows: Row[] = [
      ['T1', '甲', '一中', 2022, 'A', '县级', '新教师培训', 120, 2021],
      ['T2', '乙', '一中', 2019, 'B', '县级', '集中培训', 10, 2005],
    ];
    expect(check('zhengzhou', rows, {}, head).result.teachers.map((t) => t.cycle.start)).toEqual([2021, 2019]);
  });

  test('qitai’s cycle is the plan’s own 2024–2028', () => {
    expect(check('qitai', [['T1', '甲', '一中', 2025, 'A', '县级', '集中培训', 10]]).result.cycle).toEqual({
      source: 'region',
      start: 2024,
    });
  });
});

describe('teacher identity: an ID that cannot identify a person never merges teachers', () => {
  const ID_HEAD = ['身份证号', '姓名', '学校', '年度', '项目名称', '培训层次', '培训方式', '学时'];
  const rowsOf = (id: (i: number) => string | number) =>
    [0, 1, 2].flatMap((i) =>
      [2019, 2020].map((y): Row => [
        id(i),
        `教师${i}`,
        i === 2 ? '二中' : '一中',
        y,
        `国培${y}`,
        '国家级',
        '集中培训',
        8,
      ]),
    );

  test.each<[string, (i: number) => string | number, string]>([
    ['scientific notation (a CSV saved from an ID column not formatted as text)', () => '4.60102E+17', '科学计数法'],
    [
      'numbers that lost their last digits (an .xlsx ID column stored as numbers)',
      (i) => 460102199001011000 + i * 1000,
      '15 位有效数字',
    ],
  ])('%s: one teacher per name and school, each with one error and the fix', (_label, id, words) => {
    const { result, report } = check('hainan', rowsOf(id), { cycleStart: 2019 }, ID_HEAD);
    expect(report.teachers).toHaveLength(3);
    for (const t of report.teachers) {
      const errs = t.issues.filter((i) => i.code === 'TEACHER_ID_UNUSABLE');
      expect(errs).toHaveLength(1);
      expect(errs[0]!.message).toContain(words);
      expect(errs[0]!.message).toContain('文本');
      expect(t.rows).toHaveLength(2);
      expect(t.years.length).toBe(5);
    }
    // no row error for the ID itself (one per teacher is enough), and every record belongs to its teacher
    expect(result.records.flatMap((r) => r.issues).filter((i) => i.field === 'teacherId')).toEqual([]);
    expect(new Set(report.records.map((r) => r.teacherId))).toEqual(new Set(report.teachers.map((t) => t.id)));
  });

  test('one broken cell among a teacher’s good ones joins that teacher, by name and school', () => {
    const good = '11010519491231002X';
    const rows: Row[] = [
      [good, '甲', '一中', 2019, 'A', '国家级', '集中培训', 8],
      ['1.10105E+17', '甲', '一中', 2020, 'B', '国家级', '集中培训', 8],
    ];
    const { report } = check('hainan', rows, { cycleStart: 2019 }, ID_HEAD);
    expect(report.teachers).toHaveLength(1);
    expect(report.teachers[0]!.id).toBe(good);
    expect(report.teachers[0]!.issues[0]!.message).toContain('已按姓名和学校归入有正确身份证号的同一教师');
  });

  test('a resident-ID column with a 17-digit value is not a key either', () => {
    const rows: Row[] = [
      ['46010219900101100', '甲', '一中', 2019, 'A', '国家级', '集中培训', 8],
      ['46010219900101100', '乙', '一中', 2019, 'A', '国家级', '集中培训', 8],
    ];
    expect(check('hainan', rows, { cycleStart: 2019 }, ID_HEAD).report.teachers.map((t) => t.name)).toEqual([
      '甲',
      '乙',
    ]);
  });
});

describe('region sanity (rules.md, "Checks common to every region")', () => {
  const hainanRows: Row[] = [0, 1, 2, 3].map((i) => [
    `46010219800101${String(100 + i)}${'X'}`,
    `教师${i}`,
    '一中',
    2023,
    'A',
    '市县级',
    '集中培训',
    8,
  ]);
  const ID_HEAD = ['身份证号', '姓名', '学校', '年度', '项目名称', '培训层次', '培训方式', '学时'];

  test('a Hainan roster checked as Shandong gets one warning naming Hainan', () => {
    const { report } = check('shandong', hainanRows, { cycleStart: 2019 }, ID_HEAD);
    const fit = report.issues.filter((i) => i.code === 'REGION_MISMATCH');
    expect(fit).toHaveLength(1);
    expect(fit[0]!.message).toMatch(
      /^这张表看起来是海南的登记表：4 个身份证号中 4 个属于海南（46 开头）；表中出现“市县级”/,
    );
    expect(fit[0]!.value).toBe('hainan');
    expect(check('hainan', hainanRows, { cycleStart: 2019 }, ID_HEAD).report.issues).toEqual([]);
  });

  test('region-only spellings alone are enough when the IDs say nothing', () => {
    const rows: Row[] = [['T1', '甲', '一中', 2025, 'A', '自治区级', '集中培训', 8]];
    expect(check('puer', rows).report.issues.map((i) => i.value)).toEqual(['qitai']);
  });

  test('a region other than the workbook’s own is pointed out', () => {
    const { report } = check('hainan', hainanRows, { cycleStart: 2019, workbookRegion: RULES.puer }, ID_HEAD);
    expect(report.issues.map((i) => i.code)).toEqual(['REGION_DIFFERS_FROM_WORKBOOK']);
    expect(report.summary.warnings).toBeGreaterThanOrEqual(1);
  });
});
