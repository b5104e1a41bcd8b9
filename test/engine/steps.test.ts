// Traced judging (issue 8): a year's and a cycle's caps, offsets, exemptions and conditions are named steps
// in a fixed order — raw totals → per-project cap → per-year (per-cycle) cap → totals → offsets →
// exemptions → conditions — each with its article, parameters and readings, and the report explains every
// year and cycle from them. The figures below are worked by hand from the texts.
import { checkTable, type CheckResult } from '../../src/engine/engine';
import { explainSteps, toReport } from '../../src/engine/report';
import { ReportSchema } from '../../src/engine/report-schema';
import { RULES, type RegionId } from '../../src/rules';
import type { Step } from '../../src/core/types';
import { rosterOf, TODAY, type RecordInput } from '../rules/table';

function judged(region: RegionId, records: RecordInput[], cycleStart?: number): CheckResult {
  return checkTable(rosterOf(records), {
    rules: RULES[region],
    asOf: TODAY,
    ...(cycleStart !== undefined ? { cycleStart } : {}),
  });
}

const rules = (steps: Step[]) => steps.map((s) => s.rule);
const paramsOf = (steps: Step[], rule: string) =>
  steps.filter((s) => s.rule === rule).flatMap((s) => (s.params ?? []).map((p) => p.key));
const year = (r: CheckResult, y: number) => r.teachers[0]!.years.find((x) => x.year === y)!;

describe('hainan 第十四条第3项, 第九条: the project cap, then the school-level cap, then the conditions', () => {
  // 8 class hours of school-level lecturing: 8 × 1 = 8 school-level credits; project B, national:
  // 48 h ÷ 8 × 2 = 12 → 10 (the row's cap), 16 h ÷ 8 × 2 = 4; B together 14 → 10; school-level 8 → 6.
  // The year counts 10 + 6 = 16 credits of the raw 22, and 8 + 48 + 16 = 72 hours.
  const r = judged('hainan', [
    { year: 2023, level: '校级', mode: '主讲', hours: 8, project: 'L' },
    { year: 2023, level: '国家级', mode: '集中培训', hours: 48, project: 'B' },
    { year: 2023, level: '国家级', mode: '集中培训', hours: 16, project: 'B' },
  ]);
  const y = year(r, 2023);

  test('the year’s steps, in order', () => {
    expect(rules(y.steps)).toEqual([
      'HN-9-sum',
      'HN-14.3-project',
      'HN-9-school-cap',
      'HN-9-counted',
      'HN-yearCredits',
      'HN-yearHours',
    ]);
    expect({ credits: y.credits, hours: y.hours, status: y.status }).toEqual({
      credits: 16,
      hours: 72,
      status: 'pass',
    });
  });

  test('each step names its article, parameters and readings; each condition its parameter', () => {
    const project = y.steps.find((s) => s.rule === 'HN-14.3-project')!;
    expect({ article: project.cite.article, readings: project.readings }).toEqual({
      article: '第十四条第3项',
      readings: ['R-HN2'],
    });
    expect(paramsOf(y.steps, 'HN-14.3-project')).toEqual(['projectCap']);
    expect(paramsOf(y.steps, 'HN-9-school-cap')).toEqual(['schoolYearCap']);
    expect(y.steps.find((s) => s.rule === 'HN-9-sum')!.detail.zh).toBe('3 条记录：72 学时、22 学分');
    expect(y.conditions.map((c) => [c.id, c.params?.map((p) => p.key)])).toEqual([
      ['yearCredits', ['yearCredits']],
      ['yearHours', ['yearHours']],
    ]);
    expect(y.steps.find((s) => s.rule === 'HN-yearCredits')!.detail.zh).toBe('年度学分 16 ≥ 10 学分：达标');
  });

  test('a step that cut the figures is also a note, with its article', () => {
    expect(y.notes.map((n) => n.zh)).toEqual([
      '项目“B”的 2 条记录合计 14 学分；单个培训项目最高不超过 10 学分，计入 10；若为重复登记，请删除多余的行（第十四条第3项，R-HN2）',
      '校级研训 8 学分，只计 6（第九条）',
    ]);
  });

  test('the report explains every year and cycle from its steps, as a record’s explanation', () => {
    const report = ReportSchema.parse(toReport(r, 'zh'));
    const ry = report.teachers[0]!.years.find((x) => x.year === 2023)!;
    expect(ry.explanation).toBe(explainSteps(y.steps, 'zh'));
    expect(ry.explanation).toContain('校级研训 8 学分，只计 6【第九条】');
    expect(report.teachers[0]!.cycle.explanation).toBe(explainSteps(r.teachers[0]!.cycle.steps, 'zh'));
    expect(toReport(r, 'en').teachers[0]!.cycle.explanation).toMatch(/^the years' counted figures summed: /);
  });
});

describe('hainan R-HN2 across years: a project registered in several years is capped in each (第十四条第3项)', () => {
  // project P, national, 48 h ÷ 8 × 2 = 12 → 10 credits a row (the row's cap); rows out of year order, one year
  // twice: the cycle's step names each year once, in order, and the sum 40 > the 10-credit cap of one project
  const rows = (years: number[]) =>
    years.map((y) => ({ year: y, level: '国家级', mode: '集中培训', hours: 48, project: 'P' }) as RecordInput);
  const cycleStep = (r: CheckResult) => r.teachers[0]!.cycle.steps.find((s) => s.rule === 'HN-14.3-project');

  test('the years listed once each, in order, whatever the rows’ order', () => {
    const step = cycleStep(judged('hainan', rows([2021, 2019, 2021, 2020]), 2019))!;
    expect(step.detail.zh).toBe('项目“P”登记在 2019、2020、2021 年：单个项目 10 学分的上限按年度分别计算');
    expect(step.detail.en).toBe(
      'project "P" is registered in 2019, 2020, 2021: the 10-credit project cap applies in each year on its own',
    );
    expect(step.readings).toEqual(['R-HN2']);
  });

  test('a project of one year, however many rows, has no such step', () => {
    expect(cycleStep(judged('hainan', rows([2020, 2020, 2020]), 2019))).toBeUndefined();
  });
});

describe('years not assessed are steps too: the hire year (海南第十条), years before hire', () => {
  const r = judged('hainan', [{ year: 2023, level: '省级', mode: '集中培训', hours: 80, hireYear: 2023 }], 2022);

  test('before the conditions, and the year is not assessed', () => {
    expect(rules(year(r, 2022).steps)).toEqual(['HN-9-sum', 'HIRE-before', 'HN-yearCredits', 'HN-yearHours']);
    expect(rules(year(r, 2023).steps)).toEqual(['HN-9-sum', 'HN-10-hire', 'HN-yearCredits', 'HN-yearHours']);
    expect([year(r, 2022).status, year(r, 2023).status]).toEqual(['notAssessed', 'notAssessed']);
    expect(rules(r.teachers[0]!.cycle.steps)).toEqual([
      'HN-9-cycle-sum',
      'HN-10-new',
      'HIRE-before',
      'HN-cycleCredits',
      'HN-cycleHours',
    ]);
  });
});

describe('shandong 第十八条, 第二十一条, R-SD4: the cycle cap, an exempt year, and every assessed year', () => {
  // 2020, 2023, 2024: 48 each; 2021: 48 + school-based 100 + 50; 2022: 10, exempt. Raw 352; the
  // school-based 150 count 120 (第十八条): 322 < 360. R-SD4 judges 2020, 2021, 2023, 2024, not 2022.
  const prov = (y: number, hours: number): RecordInput => ({ year: y, level: '省级', mode: '集中培训', hours });
  const r = judged(
    'shandong',
    [
      prov(2020, 48),
      prov(2021, 48),
      { year: 2021, mode: '校本培训', hours: 100 },
      { year: 2021, mode: '校本培训', hours: 50, project: 'S2' },
      { ...prov(2022, 10), exempt: '是' },
      prov(2023, 48),
      prov(2024, 48),
    ],
    2020,
  );
  const c = r.teachers[0]!.cycle;

  test('the exempt year says so before its condition', () => {
    expect(rules(year(r, 2022).steps)).toEqual(['SD-6-sum', 'SD-21-exempt', 'SD-yearCredits']);
    expect(year(r, 2022).status).toBe('notAssessed');
  });

  test('the cycle: raw, the 120 cap, counted, the years R-SD4 judges, then the conditions', () => {
    expect(rules(c.steps)).toEqual([
      'SD-6-cycle-sum',
      'SD-18-cap',
      'SD-6-counted',
      'SD-6-years',
      'SD-cycleCredits',
      'SD-year2020',
      'SD-year2021',
      'SD-year2023',
      'SD-year2024',
      'SD-countyAbove',
      'SD-faceToFace',
    ]);
    expect({ credits: c.credits, status: c.status }).toEqual({ credits: 322, status: 'fail' });
    expect(paramsOf(c.steps, 'SD-18-cap')).toEqual(['schoolBasedCycleCap']);
    const years = c.steps.find((s) => s.rule === 'SD-6-years')!;
    expect({ readings: years.readings, en: years.detail.en }).toEqual({
      readings: ['R-SD4'],
      en: 'every assessed year needs 48 credits; 2022 not assessed or not yet due, left out',
    });
  });
});

describe('zhengzhou 六(一): the degree exemption is a step before the hour conditions', () => {
  const r = judged('zhengzhou', [{ year: 2021, mode: '学历教育', hours: 50 }], 2020);
  const c = r.teachers[0]!.cycle;
  test('exempt: the cycle passes though its hours are short', () => {
    expect(rules(c.steps)).toEqual(['ZZ-4-cycle-sum', 'ZZ-6.1', 'ZZ-cycleHours', 'ZZ-schoolBasedHours']);
    expect(paramsOf(c.steps, 'ZZ-6.1')).toEqual(['cycleHours']);
    expect({ pass: c.pass, cycleHours: c.conditions[0]!.met }).toEqual({ pass: true, cycleHours: false });
  });
});

describe('qitai 五(一), R-QT4: required credits above 60 offset the elective shortfall', () => {
  // county-level, no grade: 公共课 80 h ÷ 4 = 20, 专业课 200 h ÷ 4 = 50 (required 70), 选修 20 h ÷ 4 = 5,
  // 校本 100 h ÷ 5 = 20: 95 in all. Required is 10 above 60; the elective is 5 short: 5 move, elective 10.
  const county = (category: string, hours: number, mode = '集中培训'): RecordInput => ({
    year: 2024,
    level: '县级',
    mode,
    hours,
    category,
    project: `${category}${hours}`,
  });
  const r = judged('qitai', [
    county('公共课', 80),
    county('专业课', 200),
    county('选修', 20),
    county('校本', 100, '校本研修'),
  ]);
  const c = r.teachers[0]!.cycle;
  test('the offset is a step (and a note) between the totals and the conditions', () => {
    expect(rules(c.steps)).toEqual([
      'QT-5.1-sum',
      'QT-5.1-offset',
      'QT-cycleCredits',
      'QT-requiredCredits',
      'QT-publicCredits',
      'QT-electiveCredits',
      'QT-schoolBasedCredits',
      'QT-6.4.3',
    ]);
    expect(paramsOf(c.steps, 'QT-5.1-offset')).toEqual(['requiredCredits', 'electiveCredits']);
    expect(c.conditions.find((x) => x.id === 'electiveCredits')).toMatchObject({ actual: 10, met: true });
    expect(c.notes[0]!.en).toBe('5 required credits above 60 fill the elective shortfall (§5(1), R-QT4)');
  });
});

describe('puer 附件3 三, R-PE5: school-based hours above 48 a year are not counted, their credits are', () => {
  // 60 h at rate 1: 60 credits; the year counts 48 h of them and all 60 credits
  const r = judged('puer', [{ year: 2023, mode: '校本研修', hours: 60, rate: 1 }]);
  const y = year(r, 2023);
  test('the cap is a step with its parameter and reading, then the counted figures', () => {
    expect(rules(y.steps).slice(0, 3)).toEqual(['PE-10-sum', 'PE-S3-cap', 'PE-10-counted']);
    const cap = y.steps[1]!;
    expect({ params: cap.params?.map((p) => p.key), readings: cap.readings }).toEqual({
      params: ['schoolBasedYearHoursCap'],
      readings: ['R-PE5'],
    });
    expect({ hours: y.hours, credits: y.credits }).toEqual({ hours: 48, credits: 60 });
  });
});

describe('explainSteps: each step ends with its article and readings, in the language asked', () => {
  const cite = { doc: 'hainan', article: '第十四条第3项' } as Step['cite'];
  const step = (readings?: string[]): Step => ({
    rule: 'X',
    cite,
    detail: { zh: '甲', en: 'A' },
    ...(readings ? { readings } : {}),
  });

  test('one article with no readings, with frozen shared readings, in both languages, asked in any order', () => {
    const shared = Object.freeze(['R-HN1', 'R-HN2']) as unknown as string[];
    for (let k = 0; k < 2; k++) {
      expect(explainSteps([step(), step(shared)], 'en')).toBe('A [Art. 14(3)] → A [Art. 14(3) R-HN1 R-HN2]');
      expect(explainSteps([step(shared), step()], 'zh')).toBe('甲【第十四条第3项 R-HN1 R-HN2】 → 甲【第十四条第3项】');
    }
  });

  test('a list of readings that is not frozen is read as it is each time (it may change)', () => {
    const list = ['R-HN1'];
    expect(explainSteps([step(list)], 'zh')).toBe('甲【第十四条第3项 R-HN1】');
    list.push('R-HN4');
    expect(explainSteps([step(list)], 'zh')).toBe('甲【第十四条第3项 R-HN1 R-HN4】');
  });
});
