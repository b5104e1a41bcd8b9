// 奇台县第七个五年管理周期教师继续教育规划 (2024–2028) — seeds/004. Base credits: centralized
// 4 h = 1, online and school-based 5 h = 1, failed → 0 (五(二)1); bonus ≤ prefecture 良 5 %
// 优 10 %, ≥ region 合格 5 % 良 10 % 优 15 %; lecturers +200 % / +100 % (五(二)2); degree hours
// by the base rule (五(二)3). Cycle 2024–2028: 90 credits — required 60 (public 15),
// elective 10, school-based 20, required excess offsets the others (五(一)); a year 90 h
// (六(三)); 培训合格 and 考核合格 (六(四)); cohort quota 30 % / 15 %; certificate numbers (附件).
import { z } from 'zod';
import { conversionTable, judgementTable, RecordInput } from '../table';

export const conversions = conversionTable('qitai', [
  // 五(二)1 — base credits
  {
    cite: '五(二)1',
    origin: 'text',
    what: 'centralized 40 h ÷ 4 = 10',
    input: { hours: 40, level: '县级', mode: '集中培训' },
    expect: { credits: 10, hours: 40 },
    params: ['hoursPerCredit.centralized'],
  },
  {
    cite: '五(二)1',
    origin: 'text',
    what: 'online 50 h ÷ 5 = 10',
    input: { hours: 50, level: '县级', mode: '网络培训' },
    expect: { credits: 10 },
    params: ['hoursPerCredit.online'],
  },
  {
    cite: '五(二)1',
    origin: 'text',
    what: 'school-based 25 h ÷ 5 = 5',
    input: { hours: 25, level: '校级', mode: '校本研修' },
    expect: { credits: 5 },
    params: ['hoursPerCredit.schoolBased'],
  },
  { cite: '五(二)1', origin: 'text', input: { hours: 10, level: '县级', mode: '集中培训' }, expect: { credits: 2.5 } },
  { cite: '五(二)1', origin: 'text', input: { hours: 7, level: '县级', mode: '网络培训' }, expect: { credits: 1.4 } },
  {
    cite: '五(二)1',
    origin: 'text',
    what: '不合格: no credits registered',
    input: { hours: 40, level: '县级', mode: '集中培训', grade: '不合格' },
    expect: { credits: 0 },
  },
  {
    cite: '五(三)',
    origin: 'text',
    what: 'hours are set by the issuing body: a days-only row cannot be converted',
    input: { days: 2, level: '县级', mode: '集中培训' },
    expect: { credits: null, issue: 'DAYS_NOT_CONVERTIBLE' },
  },
  // 五(二)2 — bonus, prefecture level and below
  {
    cite: '五(二)2',
    origin: 'text',
    what: 'county 良: 10 × 1.05 = 10.5',
    input: { hours: 40, level: '县级', mode: '集中培训', grade: '良好' },
    expect: { credits: 10.5 },
    params: ['bonus.low.good'],
  },
  {
    cite: '五(二)2',
    origin: 'text',
    what: 'county 优: 10 × 1.1 = 11',
    input: { hours: 40, level: '县级', mode: '集中培训', grade: '优秀' },
    expect: { credits: 11 },
    params: ['bonus.low.excellent'],
  },
  {
    cite: '五(二)2',
    origin: 'text',
    what: 'county 合格: no bonus, 10',
    input: { hours: 40, level: '县级', mode: '集中培训', grade: '合格' },
    expect: { credits: 10 },
  },
  {
    cite: '五(二)2',
    origin: 'text',
    what: 'prefecture online 优: 10 × 1.1 = 11',
    input: { hours: 50, level: '地州级', mode: '网络培训', grade: '优' },
    expect: { credits: 11 },
  },
  {
    cite: '五(二)2',
    origin: 'boundary',
    what: 'score 85 is 良: 10.5',
    input: { hours: 40, level: '县级', mode: '集中培训', grade: 85 },
    expect: { credits: 10.5 },
  },
  {
    cite: '五(二)2 R-QT7',
    origin: 'reading',
    what: '中 counts as 合格 at county level: 10',
    input: { hours: 40, level: '县级', mode: '集中培训', grade: '中' },
    expect: { credits: 10 },
    readings: ['R-QT7'],
  },
  {
    cite: '五(二)2 R-QT7',
    origin: 'reading',
    what: 'score 75 (中) counts as 合格: 10',
    input: { hours: 40, level: '县级', mode: '集中培训', grade: 75 },
    expect: { credits: 10 },
    readings: ['R-QT7'],
  },
  // 五(二)2 — bonus, autonomous-region level and above
  {
    cite: '五(二)2',
    origin: 'text',
    what: 'provincial 合格: 10 × 1.05 = 10.5',
    input: { hours: 40, level: '省级', mode: '集中培训', grade: '合格' },
    expect: { credits: 10.5 },
    params: ['bonus.high.pass'],
  },
  {
    cite: '五(二)2',
    origin: 'text',
    what: 'provincial 良: 10 × 1.1 = 11',
    input: { hours: 40, level: '省级', mode: '集中培训', grade: '良好' },
    expect: { credits: 11 },
    params: ['bonus.high.good'],
  },
  {
    cite: '五(二)2',
    origin: 'text',
    what: 'provincial 优: 10 × 1.15 = 11.5',
    input: { hours: 40, level: '省级', mode: '集中培训', grade: '优秀' },
    expect: { credits: 11.5 },
    params: ['bonus.high.excellent'],
  },
  {
    cite: '五(二)2',
    origin: 'text',
    what: 'national 优: 11.5',
    input: { hours: 40, level: '国家级', mode: '集中培训', grade: '优秀' },
    expect: { credits: 11.5 },
  },
  {
    cite: '五(二)2',
    origin: 'text',
    what: '区级 is the autonomous region in Xinjiang: 合格 → 10.5',
    input: { hours: 40, level: '区级', mode: '集中培训', grade: '合格' },
    expect: { credits: 10.5 },
  },
  {
    cite: '五(二)2 R-QT7',
    origin: 'reading',
    what: '自治区级 中 counts as 合格: 10.5',
    input: { hours: 40, level: '自治区级', mode: '集中培训', grade: '中' },
    expect: { credits: 10.5 },
    readings: ['R-QT7'],
  },
  // 五(二)2 — lecturers (R-QT1)
  {
    cite: '五(二)2 R-QT1',
    origin: 'reading',
    what: 'national lecturer 8 h: 2 × (1 + 200 %) = 6',
    input: { hours: 8, level: '国家级', mode: '主讲' },
    expect: { credits: 6, hours: 8 },
    params: ['lecturer.high'],
    readings: ['R-QT1'],
  },
  {
    cite: '五(二)2 R-QT1',
    origin: 'reading',
    what: 'provincial lecturer 8 h 优: the lecturer bonus replaces the grade bonus, 6',
    input: { hours: 8, level: '省级', mode: '主讲', grade: '优秀' },
    expect: { credits: 6 },
    readings: ['R-QT1'],
  },
  {
    cite: '五(二)2 R-QT1',
    origin: 'reading',
    what: 'prefecture lecturer 8 h: 2 × (1 + 100 %) = 4',
    input: { hours: 8, level: '市级', mode: '讲座' },
    expect: { credits: 4 },
    params: ['lecturer.low'],
    readings: ['R-QT1'],
  },
  {
    cite: '五(二)2 R-QT1',
    origin: 'reading',
    input: { hours: 8, level: '县级', mode: '主讲' },
    expect: { credits: 4 },
    readings: ['R-QT1'],
  },
  {
    cite: '五(二)2 R-QT1',
    origin: 'reading',
    input: { hours: 8, level: '校级', mode: '主讲' },
    expect: { credits: 4 },
    readings: ['R-QT1'],
  },
  {
    cite: '五(二)2 R-QT1',
    origin: 'reading',
    what: 'lecturer (role) in a county online course 10 h: 10 ÷ 5 = 2, × (1 + 100 %) = 4',
    input: { hours: 10, level: '县级', mode: '网络培训', role: '主讲教师' },
    expect: { credits: 4 },
    readings: ['R-QT1'],
  },
  // 六(四)2 R-QT8 — 国培、区培 hours are centralized hours, whatever the delivery
  {
    cite: '六(四)2 R-QT8',
    origin: 'reading',
    what: 'national online 40 h 合格: 40 ÷ 4 = 10 (not ÷ 5), × 1.05 = 10.5',
    input: { hours: 40, level: '国家级', mode: '网络培训', grade: '合格' },
    expect: { credits: 10.5, hours: 40 },
    readings: ['R-QT8'],
  },
  {
    cite: '六(四)2 R-QT8',
    origin: 'reading',
    what: '区培 online 40 h 优秀: 10 × 1.15 = 11.5',
    input: { hours: 40, level: '区培', mode: '网络培训', grade: '优秀' },
    expect: { credits: 11.5 },
    readings: ['R-QT8'],
  },
  {
    cite: '六(四)2 R-QT8',
    origin: 'reading',
    what: 'region-level (区级) school-based 20 h, no grade: 20 ÷ 4 = 5, × 1.05 = 5.25',
    input: { hours: 20, level: '区级', mode: '校本研修' },
    expect: { credits: 5.25 },
    readings: ['R-QT8'],
  },
  {
    cite: '六(四)2 R-QT8',
    origin: 'boundary',
    what: 'prefecture (州级) online 40 h 合格 is not 国培/区培: 40 ÷ 5 = 8, no bonus',
    input: { hours: 40, level: '州级', mode: '网络培训', grade: '合格' },
    expect: { credits: 8 },
    readings: ['R-QT8'],
  },
  {
    cite: '五(二)2 R-QT1 R-QT8',
    origin: 'reading',
    what: 'lecturer (role) in a national online course 8 h: 8 ÷ 4 = 2, × (1 + 200 %) = 6',
    input: { hours: 8, level: '国家级', mode: '网络培训', role: '主讲教师' },
    expect: { credits: 6 },
    readings: ['R-QT1', 'R-QT8'],
  },
  // the role 主讲教师 on a mode with no lecturer: a warning, and the mode's own rule
  {
    cite: '五(二)3 R-QT2',
    origin: 'reading',
    what: 'role 主讲教师 on degree study contradicts it: a warning, 100 ÷ 4 = 25, no bonus',
    input: { hours: 100, mode: '学历提升', role: '主讲教师' },
    expect: { credits: 25, issue: 'ROLE_CONTRADICTS_MODE' },
    readings: ['R-QT2'],
  },
  {
    cite: '四(二) R-QT5',
    origin: 'reading',
    what: 'role 主讲教师 on a county research project contradicts it: 8 ÷ 4 = 2, no lecturer bonus',
    input: { hours: 8, level: '县级', mode: '课题', role: '主讲教师' },
    expect: { credits: 2, issue: 'ROLE_CONTRADICTS_MODE' },
    readings: ['R-QT5'],
  },
  {
    cite: '五(二)1 R-QT5',
    origin: 'reading',
    what: 'role 主讲教师 on 师徒结对 contradicts it: 10 ÷ 5 = 2',
    input: { hours: 10, level: '校级', mode: '师徒结对', role: '主讲教师' },
    expect: { credits: 2, issue: 'ROLE_CONTRADICTS_MODE' },
    readings: ['R-QT5'],
  },
  {
    cite: '五(二)2',
    origin: 'text',
    what: 'role 课程专家 is not named by the plan: county 40 h → 10, no lecturer bonus',
    input: { hours: 40, level: '县级', mode: '集中培训', role: '课程专家' },
    expect: { credits: 10, absent: 'ROLE_CONTRADICTS_MODE' },
  },
  {
    cite: '五(二)2 R-QT1',
    origin: 'reading',
    what: 'role 主讲教师 at a county onboarding course: lecturing, 8 ÷ 4 × (1 + 100 %) = 4',
    input: { hours: 8, level: '县级', mode: '适岗培训', role: '主讲教师' },
    expect: { credits: 4 },
    readings: ['R-QT1'],
  },
  // 五(二)3 — degree study (R-QT2)
  {
    cite: '五(二)3 R-QT2',
    origin: 'reading',
    what: 'degree 100 h as centralized: 25',
    input: { hours: 100, mode: '学历提升' },
    expect: { credits: 25 },
    params: ['degreeHoursPerCredit'],
    readings: ['R-QT2'],
  },
  {
    cite: '五(二)3 R-QT2',
    origin: 'reading',
    what: 'degree 100 h with an override of 5 h a credit: 20',
    input: { hours: 100, mode: '学历提升', overrides: { degreeHoursPerCredit: 5 } },
    expect: { credits: 20 },
    readings: ['R-QT2'],
  },
  // R-QT5 — other forms
  {
    cite: '五(二)1 R-QT5',
    origin: 'reading',
    what: '师徒结对 converts as school-based: 10 h → 2',
    input: { hours: 10, level: '校级', mode: '师徒结对' },
    expect: { credits: 2 },
    readings: ['R-QT5'],
  },
  {
    cite: '四(二) R-QT5',
    origin: 'reading',
    what: 'a county teaching-research activity converts as centralized: 8 h → 2',
    input: { hours: 8, level: '县级', mode: '教研活动' },
    expect: { credits: 2 },
    readings: ['R-QT5'],
  },
  {
    cite: '五(一)',
    origin: 'text',
    what: 'onboarding 120 h as centralized: 30',
    input: { hours: 120, level: '县级', mode: '适岗培训' },
    expect: { credits: 30 },
  },
  {
    cite: '五(二)1',
    origin: 'text',
    what: 'self-study has no conversion in the plan',
    input: { hours: 10, mode: '自主研修' },
    expect: { credits: null, issue: 'MODE_NOT_COVERED' },
  },
]);

// ---- judgement: the fixed cycle 2024–2028 (no cycleStart) -----------------------------

type Rec = RecordInput;
const ce = (year: number, hours: number, category: string, extra: Rec = {}): Rec => ({
  year,
  level: '县级',
  mode: '集中培训',
  hours,
  category,
  ...extra,
});
const sbr = (year: number, hours: number, extra: Rec = {}): Rec => ({
  year,
  level: '校级',
  mode: '校本研修',
  hours,
  category: '校本',
  ...extra,
});
/** Exactly 90: public 60 h (15) + elective 40 h (10) in 2024, professional 180 h (45) in 2025, school-based 100 h (20) in 2026. */
const exact = (extra: Rec = {}): Rec[] => [
  ce(2024, 60, '公共课', extra),
  ce(2024, 40, '选修'),
  ce(2025, 180, '专业课'),
  sbr(2026, 100),
];

const cohort = (excellent: number, good: number, total: number): Rec[] =>
  Array.from({ length: total }, (_, i): Rec => ({
    teacher: `T${String(i + 1).padStart(2, '0')}`,
    year: 2024,
    project: '区培A',
    level: '省级',
    mode: '集中培训',
    hours: 40,
    grade: i < excellent ? '优秀' : i < excellent + good ? '良好' : '合格',
  }));

export const judgements = judgementTable('qitai', [
  // 五(一) — the cycle
  {
    cite: '五(一) 学分结构',
    origin: 'boundary',
    what: 'exactly 90 = 15 public + 45 professional + 10 elective + 20 school-based: training met; no assessment column',
    input: { records: exact() },
    expect: {
      years: {
        2024: { pass: true, hours: 100 },
        2025: { pass: true },
        2026: { pass: true },
        2027: { pass: null },
        2028: { pass: null },
      },
      cycle: { pass: true, credits: 90, hours: 380 },
      met: {
        'cycle.cycleCredits': true,
        'cycle.requiredCredits': true,
        'cycle.publicCredits': true,
        'cycle.electiveCredits': true,
        'cycle.schoolBasedCredits': true,
      },
      note: 'still to be decided',
    },
    params: ['cycleCredits', 'requiredCredits', 'publicCredits', 'electiveCredits', 'schoolBasedCredits'],
    readings: ['R-QT4'],
  },
  {
    cite: '五(一) 学分结构',
    origin: 'boundary',
    what: 'public 14 (required still 60): fails',
    input: { records: [ce(2024, 56, '公共课'), ce(2024, 40, '选修'), ce(2025, 184, '专业课'), sbr(2026, 100)] },
    expect: {
      cycle: { pass: false, credits: 90 },
      met: { 'cycle.publicCredits': false, 'cycle.requiredCredits': true },
    },
  },
  {
    cite: '五(一) R-QT4',
    origin: 'reading',
    what: 'required 70 fills elective 5 → 10 and school-based 15 → 20: passes',
    input: { records: [ce(2024, 60, '公共课'), ce(2024, 20, '选修'), ce(2025, 220, '专业课'), sbr(2026, 75)] },
    expect: {
      cycle: { pass: true, credits: 90 },
      met: { 'cycle.electiveCredits': true, 'cycle.schoolBasedCredits': true, 'cycle.requiredCredits': true },
      note: 'fill the',
    },
    readings: ['R-QT4'],
  },
  {
    cite: '五(一) R-QT4',
    origin: 'boundary',
    what: 'required 69: the 9 in excess fill elective (5) then school-based (4 of 5): fails',
    input: { records: [ce(2024, 60, '公共课'), ce(2024, 20, '选修'), ce(2025, 216, '专业课'), sbr(2026, 75)] },
    expect: {
      cycle: { pass: false, credits: 89 },
      met: { 'cycle.electiveCredits': true, 'cycle.schoolBasedCredits': false, 'cycle.cycleCredits': false },
    },
    readings: ['R-QT4'],
  },
  {
    cite: '五(一) R-QT4',
    origin: 'reading',
    what: 'elective 15 does not make up required 55: fails though 90 in all',
    input: { records: [ce(2024, 60, '公共课'), ce(2024, 60, '选修'), ce(2025, 160, '专业课'), sbr(2026, 100)] },
    expect: {
      cycle: { pass: false, credits: 90 },
      met: { 'cycle.requiredCredits': false, 'cycle.cycleCredits': true },
    },
    readings: ['R-QT4'],
  },
  {
    cite: '五(一) R-QT4',
    origin: 'reading',
    what: 'school-based 25 does not make up required 55: fails',
    input: { records: [ce(2024, 60, '公共课'), ce(2024, 40, '选修'), ce(2025, 160, '专业课'), sbr(2026, 125)] },
    expect: { cycle: { pass: false, credits: 90 }, met: { 'cycle.requiredCredits': false } },
    readings: ['R-QT4'],
  },
  {
    cite: '四 R-QT5',
    origin: 'reading',
    what: 'without a category: school-based → 校本, teaching-research → 选修, other training → 必修',
    input: {
      records: [
        { year: 2024, level: '县级', mode: '集中培训', hours: 60 },
        { year: 2025, level: '县级', mode: '集中培训', hours: 180 },
        { year: 2024, level: '县级', mode: '教研活动', hours: 40 },
        { year: 2026, level: '校级', mode: '校本研修', hours: 100 },
      ],
    },
    expect: {
      cycle: { credits: 90 },
      met: {
        'cycle.requiredCredits': true,
        'cycle.electiveCredits': true,
        'cycle.schoolBasedCredits': true,
        'cycle.publicCredits': false,
      },
    },
    readings: ['R-QT5'],
  },
  // 六(三) — the year, on hours (R-QT3)
  {
    cite: '六(三) R-QT3',
    origin: 'boundary',
    what: '90 h passes 2024, 89 h fails 2025; 2027 is not yet due',
    input: {
      records: [
        { year: 2024, level: '县级', mode: '集中培训', hours: 90 },
        { year: 2025, level: '县级', mode: '集中培训', hours: 89 },
      ],
    },
    expect: {
      years: {
        2024: { pass: true, hours: 90, credits: 22.5 },
        2025: { pass: false, hours: 89 },
        2026: { pass: false, hours: 0 },
        2027: { pass: null },
      },
      met: { '2024.yearHours': true, '2025.yearHours': false },
    },
    params: ['yearHours'],
    readings: ['R-QT3'],
  },
  {
    cite: '六(三) R-QT3',
    origin: 'reading',
    what: '90 h of school-based = 18 credits; 90 h of degree study at 10 h a credit (override) = 9: the 18 credits only advise',
    input: {
      overrides: { degreeHoursPerCredit: 10 },
      records: [
        { year: 2024, level: '校级', mode: '校本研修', hours: 90 },
        { year: 2025, mode: '学历提升', hours: 90 },
      ],
    },
    expect: {
      years: { 2024: { pass: true, credits: 18 }, 2025: { pass: true, credits: 9 } },
      met: { '2024.yearCredits': true, '2025.yearCredits': false },
    },
    params: ['yearCredits'],
    readings: ['R-QT3'],
  },
  {
    cite: '六(三)',
    origin: 'text',
    what: 'national/region training of 90 h in a year passes that year (not the cycle)',
    input: { records: [{ year: 2024, level: '国家级', mode: '集中培训', hours: 90, grade: '合格' }] },
    expect: { years: { 2024: { pass: true, hours: 90, credits: 23.63 } }, cycle: { pass: false } },
  },
  // 六(四) — 培训合格 and 考核合格
  {
    cite: '六(四)3',
    origin: 'text',
    what: 'training met and assessment 合格: passes',
    input: { records: exact({ assessment: '合格' }) },
    expect: { cycle: { pass: true, credits: 90 }, note: 'assessment passed' },
  },
  {
    cite: '六(四)3',
    origin: 'text',
    what: 'training met but assessment 不合格: fails',
    input: { records: exact({ assessment: '不合格' }) },
    expect: { cycle: { pass: false, credits: 90 }, note: 'assessment failed' },
  },
  // roster.md: pending only when the undefined credits could still decide the cycle; 考核不合格 fails it anyway
  {
    cite: '六(四)3',
    origin: 'text',
    what: 'credits short, one self-study record of undefined credits, assessment 不合格: fails, not pending',
    input: {
      asOf: '2029-02-01',
      records: [ce(2024, 60, '公共课', { assessment: '不合格' }), { year: 2025, mode: '自主研修', hours: 10 }],
    },
    expect: { cycle: { pass: false, status: 'fail', undefinedCredits: 1 }, issue: 'MODE_NOT_COVERED' },
  },
  {
    cite: '六(四)3',
    origin: 'text',
    what: 'the same with assessment 合格: the undefined credits could decide it, pending',
    input: {
      asOf: '2029-02-01',
      records: [ce(2024, 60, '公共课', { assessment: '合格' }), { year: 2025, mode: '自主研修', hours: 10 }],
    },
    expect: { cycle: { pass: false, status: 'pending', undefinedCredits: 1 } },
  },
  {
    cite: '六(四)2',
    origin: 'text',
    what: 'a degree obtained counts as full marks (training met); assessment pending without the column',
    input: { records: [{ year: 2025, mode: '学历提升', hours: 100 }] },
    expect: { cycle: { pass: true, credits: 25 }, met: { 'cycle.cycleCredits': false }, note: 'degree' },
  },
  {
    cite: '六(四)2',
    origin: 'text',
    what: 'a degree obtained and assessment 合格: passes',
    input: { records: [{ year: 2025, mode: '学历提升', hours: 100, assessment: '合格' }] },
    expect: { cycle: { pass: true } },
  },
  {
    cite: '六(四)2',
    origin: 'text',
    what: 'a degree obtained but assessment 不合格: fails',
    input: { records: [{ year: 2025, mode: '学历提升', hours: 100, assessment: '不合格' }] },
    expect: { cycle: { pass: false } },
  },
  // 五(一) — new teachers, 30 credits of onboarding (R-QT6)
  {
    cite: '五(一) R-QT6',
    origin: 'boundary',
    what: 'onboarding 120 h = 30 credits: met, and outside the 90',
    input: { records: [...exact({ hireYear: 2025 }), { year: 2025, level: '县级', mode: '适岗培训', hours: 120 }] },
    expect: { cycle: { pass: true, credits: 90, hours: 380 }, met: { 'cycle.newTeacherCredits': true } },
    params: ['newTeacherCredits'],
    readings: ['R-QT6'],
  },
  {
    cite: '五(一) R-QT6',
    origin: 'boundary',
    what: 'onboarding 116 h = 29 credits: fails',
    input: { records: [...exact({ hireYear: 2025 }), { year: 2025, level: '县级', mode: '适岗培训', hours: 116 }] },
    expect: { cycle: { pass: false, credits: 90 }, met: { 'cycle.newTeacherCredits': false } },
    readings: ['R-QT6'],
  },
  // 五(二)2 — the cohort quota
  {
    cite: '五(二)2',
    origin: 'boundary',
    what: '20 in a project: 3 优 + 3 良 = 30 %, 优 15 %: within the quota',
    input: { records: cohort(3, 3, 20) },
    expect: { teacher: 'T01', absent: 'COHORT_QUOTA_EXCEEDED' },
  },
  {
    cite: '五(二)2',
    origin: 'boundary',
    what: '3 优 + 4 良 of 20 = 35 % good or better: warning',
    input: { records: cohort(3, 4, 20) },
    expect: { teacher: 'T01', issue: 'COHORT_QUOTA_EXCEEDED' },
    params: ['quota.goodOrBetter'],
  },
  {
    cite: '五(二)2',
    origin: 'boundary',
    what: '4 优 of 20 = 20 % excellent: warning',
    input: { records: cohort(4, 2, 20) },
    expect: { teacher: 'T01', issue: 'COHORT_QUOTA_EXCEEDED' },
    params: ['quota.excellent'],
  },
  {
    cite: '五(二)2',
    origin: 'text',
    what: 'the project’s lecturer rated 优秀 is not in its cohort: 3 优 + 3 良 of 20 stay within the quota',
    input: {
      records: [
        ...cohort(3, 3, 20),
        {
          teacher: 'L1',
          year: 2024,
          project: '区培A',
          level: '省级',
          mode: '集中培训',
          hours: 8,
          grade: '优秀',
          role: '主讲教师',
        },
      ],
    },
    expect: { teacher: 'T01', absent: 'COHORT_QUOTA_EXCEEDED' },
  },
  // 五(一) R-QT6 — a lecturer at an onboarding course is not being onboarded
  {
    cite: '五(一) R-QT6',
    origin: 'reading',
    what: 'a new teacher who lectured 120 h at a county onboarding course: 30 × 2 = 60 elective credits, none of their own onboarding',
    input: {
      records: [
        ...exact({ hireYear: 2024 }),
        { year: 2025, level: '县级', mode: '适岗培训', hours: 120, role: '主讲教师' },
      ],
    },
    expect: {
      cycle: { pass: false, credits: 150, hours: 500 },
      met: { 'cycle.newTeacherCredits': false, 'cycle.electiveCredits': true },
    },
    readings: ['R-QT6'],
  },
  // 三 — the plan binds 在职教师: years before the hire year are not assessed
  {
    cite: '三',
    origin: 'text',
    what: 'hired 2025: 2024 is not assessed (not failed); 2025 and 2026 pass on 90 h',
    input: {
      records: [
        { year: 2025, level: '县级', mode: '集中培训', hours: 90, hireYear: 2025 },
        { year: 2026, level: '县级', mode: '集中培训', hours: 90 },
      ],
    },
    expect: {
      years: {
        2024: { pass: null, hours: 0, note: 'before the hire year 2025' },
        2025: { pass: true },
        2026: { pass: true },
      },
      note: 'before the hire year 2025',
    },
  },
  // 六(四)1 — 一人一证，一人一号
  {
    cite: '六(四)1',
    origin: 'text',
    what: 'one certificate number on two teachers: an error',
    input: {
      records: [
        { teacher: 'T1', year: 2024, level: '县级', mode: '集中培训', hours: 90, certificate: '0707200001' },
        { teacher: 'T2', year: 2024, level: '县级', mode: '集中培训', hours: 90, certificate: '0707200001' },
      ],
    },
    expect: { teacher: 'T2', issue: 'CERTIFICATE_SHARED', years: { 2024: { hours: 90, pass: true } } },
  },
  {
    cite: '六(四)1、附件',
    origin: 'text',
    what: '“07 07 2 00001” is the number 0707200001: on two teachers, an error',
    input: {
      records: [
        { teacher: 'T1', year: 2024, level: '县级', mode: '集中培训', hours: 90, certificate: '07 07 2 00001' },
        { teacher: 'T2', year: 2024, level: '县级', mode: '集中培训', hours: 90, certificate: '0707200001' },
      ],
    },
    expect: { issue: 'CERTIFICATE_SHARED' },
  },
  {
    cite: '六(四)1',
    origin: 'boundary',
    what: 'two teachers, two numbers: no error',
    input: {
      records: [
        { teacher: 'T1', year: 2024, level: '县级', mode: '集中培训', hours: 90, certificate: '0707200001' },
        { teacher: 'T2', year: 2024, level: '县级', mode: '集中培训', hours: 90, certificate: '0707200002' },
      ],
    },
    expect: { absent: 'CERTIFICATE_SHARED' },
  },
  {
    cite: '六(四)1',
    origin: 'text',
    what: 'one teacher with two numbers: a warning',
    input: {
      records: [
        { year: 2024, level: '县级', mode: '集中培训', hours: 90, certificate: '0707200001' },
        { year: 2025, level: '县级', mode: '集中培训', hours: 90, certificate: '0707200002' },
      ],
    },
    expect: { issue: 'CERTIFICATE_MULTIPLE', years: { 2025: { hours: 90 } } },
  },
  {
    cite: '六(四)1、附件',
    origin: 'boundary',
    what: 'one teacher, one number written with and without spaces: no warning',
    input: {
      records: [
        { year: 2024, level: '县级', mode: '集中培训', hours: 90, certificate: '0707200001' },
        { year: 2025, level: '县级', mode: '集中培训', hours: 90, certificate: '07 07 2 00001' },
      ],
    },
    expect: { absent: 'CERTIFICATE_MULTIPLE' },
  },
  // 附件 — certificate numbers in a roster
  {
    cite: '附件 电子证书编号规则',
    origin: 'text',
    what: 'a roster with a bad certificate number: error on the row',
    input: { records: [{ year: 2024, level: '县级', mode: '集中培训', hours: 90, certificate: '0709200001' }] },
    expect: { issue: 'CERTIFICATE_INVALID', years: { 2024: { hours: 90 } } },
  },
]);

// ---- 附件: certificate numbers (checkCertificate) --------------------------------------

export const CertificateRowSchema = z.strictObject({
  cite: z.string().min(1),
  origin: z.enum(['text', 'boundary', 'reading']),
  what: z.string().min(1),
  input: z.strictObject({ certificate: z.string() }),
  expect: z.strictObject({
    valid: z.boolean(),
    prefecture: z.string().optional(),
    county: z.string().optional(),
    schoolType: z.string().optional(),
  }),
});
export type CertificateRow = z.input<typeof CertificateRowSchema>;

const A = '附件 电子证书编号规则';
export const certificates: CertificateRow[] = z.array(CertificateRowSchema).parse([
  {
    cite: A,
    origin: 'text',
    what: 'the example: a Qitai junior-school teacher, first number',
    input: { certificate: '0707200001' },
    expect: { valid: true, prefecture: '昌吉州', county: '奇台县', schoolType: '初中（含职业初中）' },
  },
  {
    cite: A,
    origin: 'boundary',
    what: 'the example range ends at 0707200999',
    input: { certificate: '0707200999' },
    expect: { valid: true },
  },
  {
    cite: A,
    origin: 'boundary',
    what: 'the sequence starts at 00001',
    input: { certificate: '0707200000' },
    expect: { valid: false },
  },
  {
    cite: A,
    origin: 'text',
    what: '乌鲁木齐市 primary school',
    input: { certificate: '0101100001' },
    expect: { valid: true, prefecture: '乌鲁木齐市', schoolType: '小学' },
  },
  {
    cite: A,
    origin: 'boundary',
    what: 'prefecture 14 (和田地区) is the last',
    input: { certificate: '1401600001' },
    expect: { valid: true, prefecture: '和田地区', schoolType: '教学服务机构' },
  },
  {
    cite: A,
    origin: 'boundary',
    what: 'prefecture 15 does not exist',
    input: { certificate: '1501100001' },
    expect: { valid: false },
  },
  {
    cite: A,
    origin: 'boundary',
    what: 'prefecture 00 does not exist',
    input: { certificate: '0001100001' },
    expect: { valid: false },
  },
  {
    cite: A,
    origin: 'boundary',
    what: '昌吉州 county 08 (木垒县) is the last',
    input: { certificate: '0708400001' },
    expect: { valid: true, county: '木垒县', schoolType: '幼儿园' },
  },
  {
    cite: A,
    origin: 'boundary',
    what: '昌吉州 county 09 does not exist',
    input: { certificate: '0709200001' },
    expect: { valid: false },
  },
  {
    cite: A,
    origin: 'text',
    what: '州直学校 01, senior school',
    input: { certificate: '0701300001' },
    expect: { valid: true, county: '州直学校', schoolType: '高中（含职业高中）' },
  },
  {
    cite: A,
    origin: 'boundary',
    what: 'school type 5 (special education)',
    input: { certificate: '0707500001' },
    expect: { valid: true, schoolType: '特殊教育' },
  },
  {
    cite: A,
    origin: 'boundary',
    what: 'school type 7 does not exist',
    input: { certificate: '0707700001' },
    expect: { valid: false },
  },
  {
    cite: A,
    origin: 'boundary',
    what: 'school type 0 does not exist',
    input: { certificate: '0707000001' },
    expect: { valid: false },
  },
  { cite: A, origin: 'boundary', what: '9 digits', input: { certificate: '070720001' }, expect: { valid: false } },
  { cite: A, origin: 'boundary', what: '11 digits', input: { certificate: '07072000011' }, expect: { valid: false } },
  {
    cite: A,
    origin: 'text',
    what: 'written with spaces as in the annex (×× ×× × ×××××)',
    input: { certificate: '07 07 2 00001' },
    expect: { valid: true },
  },
  {
    cite: A,
    origin: 'text',
    what: 'letters are not digits',
    input: { certificate: '07072A0001' },
    expect: { valid: false },
  },
]);
