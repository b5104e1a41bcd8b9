// 海南省中小学教师培训学分管理实施办法 (2017) — seeds/000. Conversion 第十四条, assessment 第九条, 第十条.
// Every expected figure is worked from the text: base training 2 / 1.5 / 1 credits a day
// (national / provincial / 市县级), 8 hours a day, 0.2 a credit per hour under one day but
// at most the day's credits, 10 credits a project; lecturing 4 / 3 / 2 / 1 per class
// hour; online 0.1 per hour; a year ≥ 10 credits (school-level ≤ 6 counted) and ≥ 72 h;
// a cycle ≥ 50 credits and ≥ 360 h.
import { conversionTable, judgementTable, RecordInput } from '../table';

export const conversions = conversionTable('hainan', [
  // 第十四条第3项 — base training by the day
  {
    cite: '第十四条第3项',
    origin: 'text',
    what: '8 h national is one day: 2 (not 8 × 0.2 = 1.6)',
    input: { hours: 8, level: '国家级', mode: '集中培训' },
    expect: { credits: 2, hours: 8 },
  },
  {
    cite: '第十四条第3项',
    origin: 'text',
    input: { hours: 16, level: '国家级', mode: '集中培训' },
    expect: { credits: 4, hours: 16 },
  },
  {
    cite: '第十四条第3项',
    origin: 'text',
    input: { hours: 8, level: '省级', mode: '集中培训' },
    expect: { credits: 1.5 },
  },
  {
    cite: '第十四条第3项',
    origin: 'text',
    input: { hours: 24, level: '省级', mode: '基地培训' },
    expect: { credits: 4.5 },
  },
  {
    cite: '第十四条第3项',
    origin: 'text',
    what: '8 h 市县级 (one level in Hainan): 1',
    input: { hours: 8, level: '市县级', mode: '集中培训' },
    expect: { credits: 1 },
    params: ['dayCredits.prefecture'],
  },
  {
    cite: '第十四条第3项',
    origin: 'text',
    input: { hours: 16, level: '县级', mode: '集中培训' },
    expect: { credits: 2 },
    params: ['dayCredits.county'],
  },
  {
    cite: '第十四条第3项',
    origin: 'text',
    what: '区级 is a district (county) in Hainan: 8 h → 1',
    input: { hours: 8, level: '区级', mode: '集中培训' },
    expect: { credits: 1 },
  },
  {
    cite: '第十四条第3项',
    origin: 'text',
    what: '外派跟班培训 counts as centralized at the dispatching level: 16 h provincial → 3',
    input: { hours: 16, level: '省级', mode: '跟班培训' },
    expect: { credits: 3 },
  },
  // R-HN1 — part days from 8 hours on, pro rata
  {
    cite: '第十四条第3项 R-HN1',
    origin: 'reading',
    input: { hours: 12, level: '国家级', mode: '集中培训' },
    expect: { credits: 3 },
    readings: ['R-HN1'],
  },
  {
    cite: '第十四条第3项 R-HN1',
    origin: 'reading',
    input: { hours: 12, level: '省级', mode: '集中培训' },
    expect: { credits: 2.25 },
    readings: ['R-HN1'],
  },
  {
    cite: '第十四条第3项 R-HN1',
    origin: 'reading',
    input: { hours: 20, level: '县级', mode: '集中培训' },
    expect: { credits: 2.5 },
    readings: ['R-HN1'],
  },
  {
    cite: '第十四条第3项 R-HN1',
    origin: 'reading',
    input: { hours: 9, level: '国家级', mode: '集中培训' },
    expect: { credits: 2.25 },
    readings: ['R-HN1'],
  },
  // under one day: 0.2 per hour, at most the level's one-day credits
  {
    cite: '第十四条第3项',
    origin: 'text',
    input: { hours: 7, level: '国家级', mode: '集中培训' },
    expect: { credits: 1.4, hours: 7 },
    params: ['shortHourCredits'],
  },
  {
    cite: '第十四条第3项',
    origin: 'text',
    input: { hours: 1, level: '国家级', mode: '集中培训' },
    expect: { credits: 0.2 },
  },
  {
    cite: '第十四条第3项',
    origin: 'boundary',
    what: '7.99 h national, just under a day: 7.99 × 0.2 = 1.598 → 1.6',
    input: { hours: 7.99, level: '国家级', mode: '集中培训' },
    expect: { credits: 1.6 },
  },
  {
    cite: '第十四条第3项',
    origin: 'text',
    input: { hours: 7, level: '省级', mode: '集中培训' },
    expect: { credits: 1.4 },
  },
  {
    cite: '第十四条第3项',
    origin: 'boundary',
    what: '7.5 h provincial: 1.5, exactly the one-day credits',
    input: { hours: 7.5, level: '省级', mode: '集中培训' },
    expect: { credits: 1.5 },
  },
  {
    cite: '第十四条第3项',
    origin: 'boundary',
    what: '7.9 h provincial: 1.58 capped at the one-day 1.5',
    input: { hours: 7.9, level: '省级', mode: '集中培训' },
    expect: { credits: 1.5 },
  },
  {
    cite: '第十四条第3项',
    origin: 'boundary',
    what: '5 h 市县级: 1, exactly the one-day credit',
    input: { hours: 5, level: '市县级', mode: '集中培训' },
    expect: { credits: 1 },
  },
  {
    cite: '第十四条第3项',
    origin: 'boundary',
    what: '5.5 h 市县级: 1.1 capped at the one-day 1',
    input: { hours: 5.5, level: '市县级', mode: '集中培训' },
    expect: { credits: 1 },
  },
  {
    cite: '第十四条第3项',
    origin: 'text',
    input: { hours: 4, level: '县级', mode: '集中培训' },
    expect: { credits: 0.8 },
  },
  // one project at most 10 credits (R-HN2: base training and exams)
  {
    cite: '第十四条第3项',
    origin: 'boundary',
    what: '40 h national = 5 days = 10, exactly the project cap',
    input: { hours: 40, level: '国家级', mode: '集中培训' },
    expect: { credits: 10 },
    params: ['projectCap'],
  },
  {
    cite: '第十四条第3项',
    origin: 'boundary',
    what: '41 h national = 10.25, capped at 10',
    input: { hours: 41, level: '国家级', mode: '集中培训' },
    expect: { credits: 10, hours: 41 },
    readings: ['R-HN2'],
  },
  {
    cite: '第十四条第3项',
    origin: 'boundary',
    what: '53 h provincial = 9.9375 → 9.94, under the cap',
    input: { hours: 53, level: '省级', mode: '集中培训' },
    expect: { credits: 9.94 },
  },
  {
    cite: '第十四条第3项',
    origin: 'boundary',
    what: '56 h provincial = 10.5, capped at 10',
    input: { hours: 56, level: '省级', mode: '集中培训' },
    expect: { credits: 10 },
  },
  {
    cite: '第十四条第3项',
    origin: 'boundary',
    what: '80 h county = 10 days = 10, exactly the cap',
    input: { hours: 80, level: '县级', mode: '集中培训' },
    expect: { credits: 10 },
  },
  {
    cite: '第十四条第3项',
    origin: 'boundary',
    what: '88 h county = 11, capped at 10',
    input: { hours: 88, level: '县级', mode: '集中培训' },
    expect: { credits: 10 },
  },
  // the days column: 8 hours a day
  {
    cite: '第十四条第3项',
    origin: 'text',
    what: '3 days national = 24 h = 6 credits',
    input: { days: 3, level: '国家级', mode: '集中培训' },
    expect: { hours: 24, credits: 6 },
    params: ['dayHours'],
  },
  {
    cite: '第十四条第3项',
    origin: 'text',
    what: 'half a day provincial = 4 h = 0.8',
    input: { days: 0.5, level: '省级', mode: '集中培训' },
    expect: { hours: 4, credits: 0.8 },
  },
  {
    cite: '第十四条第3项',
    origin: 'text',
    what: '2 days of provincial follow-along = 16 h = 3',
    input: { days: 2, level: '省级', mode: '跟班培训' },
    expect: { hours: 16, credits: 3 },
  },
  {
    cite: '第十四条第5项',
    origin: 'text',
    what: 'lecturing counts class hours: days cannot be converted (8 h a day is base training’s)',
    input: { days: 1, level: '国家级', mode: '主讲' },
    expect: { credits: null, issue: 'DAYS_NOT_CONVERTIBLE' },
  },
  {
    cite: '第十四条第7项',
    origin: 'text',
    what: 'online counts the project’s hours: days cannot be converted',
    input: { days: 1, level: '国家级', mode: '远程培训' },
    expect: { credits: null, issue: 'DAYS_NOT_CONVERTIBLE' },
  },
  // school-level base training: the rate is in the missing 附表
  {
    cite: '第十四条（附表）',
    origin: 'text',
    what: 'school-level base training: UNDEFINED',
    input: { hours: 8, level: '校级', mode: '集中培训' },
    expect: { credits: null, hours: 8, issue: 'RULE_UNDEFINED' },
  },
  {
    cite: '第十四条（附表）',
    origin: 'text',
    what: 'school-level 16 h with an override of 0.5 a day: 1',
    input: { hours: 16, level: '校级', mode: '集中培训', overrides: { 'dayCredits.school': 0.5 } },
    expect: { credits: 1 },
    params: ['dayCredits.school'],
  },
  {
    cite: '第十四条（附表）',
    origin: 'boundary',
    what: 'school-level 4 h, override 0.5 a day: 0.8 capped at the day 0.5',
    input: { hours: 4, level: '校级', mode: '集中培训', overrides: { 'dayCredits.school': 0.5 } },
    expect: { credits: 0.5 },
  },
  {
    cite: '第十四条第4项',
    origin: 'text',
    what: '校本研修 is school-level training: UNDEFINED',
    input: { hours: 8, level: '校级', mode: '校本研修' },
    expect: { credits: null, issue: 'RULE_UNDEFINED' },
  },
  {
    cite: '第十四条第4项',
    origin: 'text',
    what: '校级研训 organized with a county label is still school-level: UNDEFINED',
    input: { hours: 8, level: '县级', mode: '校级研训' },
    expect: { credits: null, issue: 'RULE_UNDEFINED' },
  },
  // failed assessment: the text gives credits to 参训合格教师 only
  {
    cite: '第十四条第3项',
    origin: 'text',
    what: 'failed (不合格): no hours, no credits',
    input: { hours: 16, level: '国家级', mode: '集中培训', grade: '不合格' },
    expect: { credits: 0, hours: 0 },
  },
  {
    cite: '第十四条第3项',
    origin: 'boundary',
    what: 'score 59 fails: nothing',
    input: { hours: 16, level: '国家级', mode: '集中培训', grade: 59 },
    expect: { credits: 0, hours: 0 },
  },
  {
    cite: '第十四条第3项',
    origin: 'boundary',
    what: 'score 60 passes: 4',
    input: { hours: 16, level: '国家级', mode: '集中培训', grade: 60 },
    expect: { credits: 4, hours: 16 },
  },
  // 第十四条第4项 — exams (R-HN3)
  {
    cite: '第十四条第4项 R-HN3',
    origin: 'reading',
    what: '3 h provincial exam: 3 × 0.2 = 0.6',
    input: { hours: 3, level: '省级', mode: '专业考试' },
    expect: { credits: 0.6, hours: 3 },
    readings: ['R-HN3'],
  },
  {
    cite: '第十四条第4项 R-HN3',
    origin: 'reading',
    what: '8 h county exam: one day, 1',
    input: { hours: 8, level: '县级', mode: '专业考试' },
    expect: { credits: 1 },
    readings: ['R-HN3'],
  },
  {
    cite: '第十四条第4项 R-HN2',
    origin: 'reading',
    what: '48 h national exam: 12 capped at 10',
    input: { hours: 48, level: '国家级', mode: '专业考试' },
    expect: { credits: 10 },
    readings: ['R-HN2', 'R-HN3'],
  },
  {
    cite: '第十四条第4项',
    origin: 'text',
    what: 'exam below county level is school-level training: UNDEFINED',
    input: { hours: 2, level: '校级', mode: '专业考试' },
    expect: { credits: null, issue: 'RULE_UNDEFINED' },
  },
  // 第十四条第5项 — lecturing, per class hour (R-HN4: hours = class hours; R-HN2: no cap)
  {
    cite: '第十四条第5项 R-HN2',
    origin: 'reading',
    what: '3 class hours national: 12, above 10 (the cap is not lecturing’s)',
    input: { hours: 3, level: '国家级', mode: '主讲' },
    expect: { credits: 12, hours: 3 },
    params: ['lectureCredits.national'],
    readings: ['R-HN2', 'R-HN4'],
  },
  {
    cite: '第十四条第5项',
    origin: 'text',
    input: { hours: 2, level: '省级', mode: '公开课' },
    expect: { credits: 6, hours: 2 },
    params: ['lectureCredits.provincial'],
  },
  {
    cite: '第十四条第5项',
    origin: 'text',
    input: { hours: 2, level: '市县级', mode: '示范课' },
    expect: { credits: 4 },
    params: ['lectureCredits.prefecture'],
  },
  {
    cite: '第十四条第5项',
    origin: 'text',
    input: { hours: 1, level: '县级', mode: '讲座' },
    expect: { credits: 2 },
    params: ['lectureCredits.county'],
  },
  {
    cite: '第十四条第5项',
    origin: 'text',
    input: { hours: 2, level: '校级', mode: '主讲' },
    expect: { credits: 2, hours: 2 },
    params: ['lectureCredits.school'],
  },
  // the role 主讲教师 makes a training activity lecturing; an exam, degree study or 师徒 has no lecturer
  {
    cite: '第十四条第5项',
    origin: 'text',
    what: 'role 主讲教师 on a provincial centralized training: lecturing, 2 class hours × 3 = 6',
    input: { hours: 2, level: '省级', mode: '集中培训', role: '主讲教师' },
    expect: { credits: 6, hours: 2 },
  },
  {
    cite: '第十四条第5项',
    origin: 'text',
    what: 'role 主讲教师 on a national online course: 2 class hours × 4 = 8 (not 2 × 0.1)',
    input: { hours: 2, level: '国家级', mode: '网络研修', role: '主讲教师' },
    expect: { credits: 8, hours: 2 },
  },
  {
    cite: '第十四条第4、5项',
    origin: 'text',
    what: 'role 主讲教师 in 校本研修 labelled county: school-level lecturing, 2 × 1 = 2',
    input: { hours: 2, level: '县级', mode: '校本研修', role: '主讲教师' },
    expect: { credits: 2, hours: 2 },
  },
  {
    cite: '第十四条第4项 R-HN3',
    origin: 'reading',
    what: 'role 主讲教师 on an exam contradicts it: a warning, the exam’s rule, 3 × 0.2 = 0.6',
    input: { hours: 3, level: '省级', mode: '专业考试', role: '主讲教师' },
    expect: { credits: 0.6, issue: 'ROLE_CONTRADICTS_MODE' },
    readings: ['R-HN3'],
  },
  {
    cite: '第十四条第2项',
    origin: 'text',
    what: 'role 主讲教师 on degree study contradicts it: the degree rule (override 0.1), 100 h → 10',
    input: { hours: 100, mode: '学历提高', role: '主讲教师', overrides: { degreeCreditsPerHour: 0.1 } },
    expect: { credits: 10, hours: 100, issue: 'ROLE_CONTRADICTS_MODE' },
  },
  {
    cite: '第十四条第6项',
    origin: 'text',
    what: 'role 主讲教师 on 师徒结对 contradicts it: 60 h, credits UNDEFINED as for any mentorship',
    input: { months: 3, mode: '师徒结对', role: '主讲教师' },
    expect: { hours: 60, credits: null, issue: 'ROLE_CONTRADICTS_MODE' },
  },
  {
    cite: '第十四条第5项',
    origin: 'text',
    what: 'role 课程专家: the text credits the 主讲教师 only, so provincial 8 h is base training, 1.5',
    input: { hours: 8, level: '省级', mode: '集中培训', role: '课程专家' },
    expect: { credits: 1.5, absent: 'ROLE_CONTRADICTS_MODE' },
  },
  {
    cite: '第十四条第5项',
    origin: 'boundary',
    what: 'role 学员 is not lecturing: provincial 8 h, 1.5',
    input: { hours: 8, level: '省级', mode: '集中培训', role: '学员' },
    expect: { credits: 1.5, absent: 'ROLE_CONTRADICTS_MODE' },
  },
  // 第十四条第6项 — mentorship
  {
    cite: '第十四条第6项',
    origin: 'boundary',
    what: 'exactly 2 months: 60 h; credits UNDEFINED',
    input: { months: 2, mode: '师徒结对' },
    expect: { hours: 60, credits: null, issue: 'RULE_UNDEFINED' },
    params: ['mentorshipMinMonths', 'mentorshipHours'],
  },
  {
    cite: '第十四条第6项',
    origin: 'boundary',
    what: '1.9 months (under 2): no hours, no credits',
    input: { months: 1.9, mode: '师徒结对' },
    expect: { hours: 0, credits: 0 },
  },
  {
    cite: '第十四条第6项',
    origin: 'text',
    what: '6 months with an override of 6 credits: 60 h, 6',
    input: { months: 6, mode: '师徒式培训', overrides: { mentorshipCredits: 6 } },
    expect: { hours: 60, credits: 6 },
    params: ['mentorshipCredits'],
  },
  {
    cite: '第十四条第6项',
    origin: 'text',
    what: '3 months with 40 h written: registered as 60 h, with a warning',
    input: { months: 3, hours: 40, mode: '师徒' },
    expect: { hours: 60, issue: 'HOURS_FIXED_BY_RULE' },
  },
  // 第十四条第7项 — online, 0.1 per hour, no cap (R-HN2)
  {
    cite: '第十四条第7项',
    origin: 'text',
    input: { hours: 30, level: '国家级', mode: '远程培训' },
    expect: { credits: 3, hours: 30 },
    params: ['onlineCreditsPerHour'],
  },
  {
    cite: '第十四条第7项',
    origin: 'text',
    input: { hours: 50, level: '省级', mode: '网络研修' },
    expect: { credits: 5 },
  },
  {
    cite: '第十四条第7项',
    origin: 'text',
    input: { hours: 1, level: '县级', mode: '网络研修' },
    expect: { credits: 0.1 },
  },
  {
    cite: '第十四条第7项',
    origin: 'text',
    what: '3 h: 0.3 exactly (no 0.30000000000000004)',
    input: { hours: 3, level: '市县级', mode: '远程培训' },
    expect: { credits: 0.3 },
  },
  {
    cite: '第十四条第7项 R-HN2',
    origin: 'reading',
    what: '150 h national online: 15, not capped at 10',
    input: { hours: 150, level: '国家级', mode: '远程培训' },
    expect: { credits: 15 },
    readings: ['R-HN2'],
  },
  {
    cite: '第十四条第4项',
    origin: 'text',
    what: 'school-level online study is school-level training: UNDEFINED',
    input: { hours: 10, level: '校级', mode: '网络研修' },
    expect: { credits: null, issue: 'RULE_UNDEFINED' },
  },
  // 第十四条第2项 — degree study
  {
    cite: '第十四条第2项',
    origin: 'text',
    what: 'degree study: hours registered, credits UNDEFINED',
    input: { hours: 100, mode: '学历提高' },
    expect: { hours: 100, credits: null, issue: 'RULE_UNDEFINED' },
  },
  {
    cite: '第十四条第2项',
    origin: 'text',
    what: 'degree study with an override of 0.1 a hour: 10',
    input: { hours: 100, mode: '学历提高', overrides: { degreeCreditsPerHour: 0.1 } },
    expect: { hours: 100, credits: 10 },
    params: ['degreeCreditsPerHour'],
  },
  // R-HN6 — other trainings as base training at their level
  {
    cite: '第十四条第3项 R-HN6',
    origin: 'reading',
    what: 'teaching-research activity confirmed by the county: base training, 8 h → 1',
    input: { hours: 8, level: '县级', mode: '教研活动' },
    expect: { credits: 1 },
    readings: ['R-HN6'],
  },
  {
    cite: '第十四条第3项 R-HN6',
    origin: 'reading',
    input: { hours: 16, level: '省级', mode: '新教师培训' },
    expect: { credits: 3 },
    readings: ['R-HN6'],
  },
  {
    cite: '第十四条第3项 R-HN6',
    origin: 'reading',
    input: { hours: 16, level: '县级', mode: '支教' },
    expect: { credits: 2 },
    readings: ['R-HN6'],
  },
  {
    cite: '第十四条第3项 R-HN6',
    origin: 'reading',
    input: { hours: 8, level: '国家级', mode: '班主任培训' },
    expect: { credits: 2 },
    readings: ['R-HN6'],
  },
  {
    cite: '第十四条',
    origin: 'text',
    what: 'a research project has no conversion in the text: nothing computed',
    input: { hours: 10, level: '县级', mode: '课题' },
    expect: { credits: null, issue: 'MODE_NOT_COVERED' },
  },
]);

/** A year exactly at both minimums: provincial 32 h (4 days × 1.5 = 6) + online 40 h (4) = 10 credits, 72 h. */
const exactYear = (year: number): RecordInput[] => [
  { year, level: '省级', mode: '集中培训', hours: 32 },
  { year, level: '省级', mode: '远程培训', hours: 40 },
];
const exactCycle = (): RecordInput[] => [2019, 2020, 2021, 2022, 2023].flatMap(exactYear);

export const judgements = judgementTable('hainan', [
  // 第九条 — the year
  {
    cite: '第九条',
    origin: 'boundary',
    what: 'year exactly at 10 credits and 72 h passes',
    input: { cycleStart: 2019, records: exactYear(2023) },
    expect: {
      years: { 2023: { pass: true, hours: 72, credits: 10 } },
      met: { '2023.yearCredits': true, '2023.yearHours': true },
    },
    params: ['yearCredits', 'yearHours'],
  },
  {
    cite: '第九条',
    origin: 'boundary',
    what: 'year one hour short (71 h, 11.9 credits) fails',
    input: {
      cycleStart: 2019,
      records: [
        { year: 2023, level: '国家级', mode: '集中培训', hours: 32 },
        { year: 2023, level: '国家级', mode: '远程培训', hours: 39 },
      ],
    },
    expect: {
      years: { 2023: { pass: false, hours: 71, credits: 11.9 } },
      met: { '2023.yearHours': false, '2023.yearCredits': true },
    },
  },
  {
    cite: '第九条',
    origin: 'boundary',
    what: 'year 0.1 credit short (72 h; national 18 h = 4.5 + online 54 h = 5.4) fails',
    input: {
      cycleStart: 2019,
      records: [
        { year: 2023, level: '国家级', mode: '集中培训', hours: 18 },
        { year: 2023, level: '国家级', mode: '远程培训', hours: 54 },
      ],
    },
    expect: {
      years: { 2023: { pass: false, hours: 72, credits: 9.9 } },
      met: { '2023.yearCredits': false, '2023.yearHours': true },
    },
  },
  {
    cite: '第九条、第十四条第4项',
    origin: 'boundary',
    what: 'school-level 32 credits count 6: 6 + online 4 = 10 and 72 h, passes',
    input: {
      cycleStart: 2019,
      records: [
        { year: 2023, level: '校级', mode: '主讲', hours: 32 },
        { year: 2023, level: '省级', mode: '远程培训', hours: 40 },
      ],
    },
    expect: { years: { 2023: { pass: true, hours: 72, credits: 10 } } },
    params: ['schoolYearCap'],
  },
  {
    cite: '第九条、第十四条第4项',
    origin: 'boundary',
    what: 'school-level 33 credits count 6: 6 + 3.9 = 9.9 fails (36.9 uncapped)',
    input: {
      cycleStart: 2019,
      records: [
        { year: 2023, level: '校级', mode: '主讲', hours: 33 },
        { year: 2023, level: '省级', mode: '远程培训', hours: 39 },
      ],
    },
    expect: { years: { 2023: { pass: false, hours: 72, credits: 9.9 } }, met: { '2023.yearCredits': false } },
  },
  {
    cite: '第九条、第十四条第4项',
    origin: 'text',
    what: '校本研修 (override 1 a day) 64 h = 8 school-level credits, 6 counted: 6 + 4 = 10',
    input: {
      cycleStart: 2019,
      overrides: { 'dayCredits.school': 1 },
      records: [
        { year: 2023, level: '县级', mode: '校本研修', hours: 64 },
        { year: 2023, level: '省级', mode: '远程培训', hours: 40 },
      ],
    },
    expect: { years: { 2023: { pass: true, hours: 104, credits: 10 } } },
  },
  // 第九条 — the cycle
  {
    cite: '第九条',
    origin: 'boundary',
    what: 'cycle exactly at 50 credits and 360 h passes',
    input: { cycleStart: 2019, records: exactCycle() },
    expect: {
      cycle: { pass: true, credits: 50, hours: 360 },
      met: { 'cycle.cycleCredits': true, 'cycle.cycleHours': true },
    },
    params: ['cycleCredits', 'cycleHours'],
  },
  {
    cite: '第九条',
    origin: 'boundary',
    what: 'cycle 49.9 credits and 359 h fails',
    input: {
      cycleStart: 2019,
      records: [
        ...[2019, 2020, 2021, 2022].flatMap(exactYear),
        { year: 2023, level: '省级', mode: '集中培训', hours: 32 },
        { year: 2023, level: '省级', mode: '远程培训', hours: 39 },
      ],
    },
    expect: {
      cycle: { pass: false, credits: 49.9, hours: 359 },
      met: { 'cycle.cycleCredits': false, 'cycle.cycleHours': false },
    },
  },
  {
    cite: '第九条',
    origin: 'boundary',
    what: 'cycle 359 h with 51.9 credits fails on hours',
    input: {
      cycleStart: 2019,
      records: [
        ...[2019, 2020, 2021, 2022].flatMap(exactYear),
        { year: 2023, level: '国家级', mode: '集中培训', hours: 32 },
        { year: 2023, level: '国家级', mode: '远程培训', hours: 39 },
      ],
    },
    expect: {
      cycle: { pass: false, credits: 51.9, hours: 359 },
      met: { 'cycle.cycleCredits': true, 'cycle.cycleHours': false },
    },
  },
  {
    cite: '第九条',
    origin: 'boundary',
    what: 'cycle 360 h with 49.9 credits fails on credits',
    input: {
      cycleStart: 2019,
      records: [
        ...[2019, 2020, 2021, 2022].flatMap(exactYear),
        { year: 2023, level: '国家级', mode: '集中培训', hours: 18 },
        { year: 2023, level: '国家级', mode: '远程培训', hours: 54 },
      ],
    },
    expect: {
      cycle: { pass: false, credits: 49.9, hours: 360 },
      met: { 'cycle.cycleCredits': false, 'cycle.cycleHours': true },
    },
  },
  {
    cite: '第九条 R-HN5',
    origin: 'reading',
    what: 'cycle credits sum the capped years: 5 × (6 + 3.2) = 46 < 50, though 316 uncapped',
    input: {
      cycleStart: 2019,
      records: [2019, 2020, 2021, 2022, 2023].flatMap((year): RecordInput[] => [
        { year, level: '校级', mode: '主讲', hours: 60 },
        { year, level: '省级', mode: '远程培训', hours: 32 },
      ]),
    },
    expect: {
      years: { 2019: { credits: 9.2, hours: 92 } },
      cycle: { pass: false, credits: 46, hours: 460 },
      met: { 'cycle.cycleCredits': false, 'cycle.cycleHours': true },
    },
    readings: ['R-HN5'],
  },
  // 第十条 — assessed from the 2nd year after hire
  {
    cite: '第十条',
    origin: 'text',
    what: 'hired 2021: 2019–2021 not assessed, 2022 passes, 2023 (no records) fails',
    input: {
      cycleStart: 2019,
      records: [{ year: 2021, level: '省级', mode: '远程培训', hours: 10, hireYear: 2021 }, ...exactYear(2022)],
    },
    expect: {
      years: {
        2019: { pass: null, note: 'before the hire year 2021' },
        2020: { pass: null },
        2021: { pass: null, hours: 10, credits: 1 },
        2022: { pass: true },
        2023: { pass: false, hours: 0 },
      },
    },
  },
  // 第十四条第3项 R-HN2 — the 10-credit cap is per project: a teacher's rows of one project in a year
  {
    cite: '第十四条第3项 R-HN2',
    origin: 'text',
    what: 'one project in two rows, provincial 32 h + 32 h = 6 + 6 = 12, counts 10; with online 40 h (4): 14 credits, 104 h',
    input: {
      cycleStart: 2019,
      records: [
        { year: 2023, project: '省级骨干教师培训', level: '省级', mode: '集中培训', hours: 32 },
        { year: 2023, project: '省级骨干教师培训', level: '省级', mode: '集中培训', hours: 32 },
        { year: 2023, level: '省级', mode: '远程培训', hours: 40 },
      ],
    },
    expect: { years: { 2023: { credits: 14, hours: 104, note: 'totals 12 credits' } }, issue: 'DUPLICATE_RECORD' },
    readings: ['R-HN2'],
  },
  {
    cite: '第十四条第3项 R-HN2',
    origin: 'boundary',
    what: 'one project of national 16 h + 24 h = 4 + 6 = 10, exactly the cap: all count, 14 with online 4',
    input: {
      cycleStart: 2019,
      records: [
        { year: 2023, project: '国培项目', level: '国家级', mode: '集中培训', hours: 16 },
        { year: 2023, project: '国培项目', level: '国家级', mode: '集中培训', hours: 24 },
        { year: 2023, level: '省级', mode: '远程培训', hours: 40 },
      ],
    },
    expect: { years: { 2023: { credits: 14, hours: 80 } } },
  },
  {
    cite: '第十四条第3项 R-HN2',
    origin: 'boundary',
    what: 'one project of national 16 h + 25 h = 4 + 6.25 = 10.25 counts 10: 14 with online 4, not 14.25',
    input: {
      cycleStart: 2019,
      records: [
        { year: 2023, project: '国培项目', level: '国家级', mode: '集中培训', hours: 16 },
        { year: 2023, project: '国培项目', level: '国家级', mode: '集中培训', hours: 25 },
        { year: 2023, level: '省级', mode: '远程培训', hours: 40 },
      ],
    },
    expect: { years: { 2023: { credits: 14, hours: 81, note: 'totals 10.25 credits' } } },
  },
  {
    cite: '第十四条第3项 R-HN2',
    origin: 'reading',
    what: 'project names compare without width and spaces: “信息技术 2.0 培训” and “信息技术２．０培训” are one project, 6 + 6 → 10',
    input: {
      cycleStart: 2019,
      records: [
        { year: 2023, project: '信息技术 2.0 培训', level: '省级', mode: '集中培训', hours: 32 },
        { year: 2023, project: '信息技术２．０培训', level: '省级', mode: '集中培训', hours: 32 },
      ],
    },
    expect: { years: { 2023: { credits: 10, hours: 64 } } },
    readings: ['R-HN2'],
  },
  {
    cite: '第十四条第3项 R-HN2',
    origin: 'reading',
    what: 'the same project name in 2022 and 2023 is capped in each year: provincial 48 h = 9 each, 18 in the cycle',
    input: {
      cycleStart: 2019,
      records: [
        { year: 2022, project: '省级骨干教师培训', level: '省级', mode: '集中培训', hours: 48 },
        { year: 2023, project: '省级骨干教师培训', level: '省级', mode: '集中培训', hours: 48 },
      ],
    },
    expect: { years: { 2022: { credits: 9 }, 2023: { credits: 9 } }, cycle: { credits: 18 } },
    readings: ['R-HN2'],
  },
  {
    cite: '第十四条第7项 R-HN2',
    origin: 'reading',
    what: 'online rows of one project are not capped: 60 h + 60 h = 6 + 6 = 12',
    input: {
      cycleStart: 2019,
      records: [
        { year: 2023, project: '海南省教师网络研修', level: '省级', mode: '远程培训', hours: 60 },
        { year: 2023, project: '海南省教师网络研修', level: '省级', mode: '远程培训', hours: 60 },
      ],
    },
    expect: { years: { 2023: { credits: 12, hours: 120 } } },
    readings: ['R-HN2'],
  },
  {
    cite: '第十四条第3项 R-HN2',
    origin: 'text',
    what: 'the cap is per teacher: T1’s two rows count 10, T2’s one row of the same project keeps its 6',
    input: {
      cycleStart: 2019,
      records: [
        { teacher: 'T1', year: 2023, project: '省级骨干教师培训', level: '省级', mode: '集中培训', hours: 32 },
        { teacher: 'T1', year: 2023, project: '省级骨干教师培训', level: '省级', mode: '集中培训', hours: 32 },
        { teacher: 'T2', year: 2023, project: '省级骨干教师培训', level: '省级', mode: '集中培训', hours: 32 },
      ],
    },
    expect: { teacher: 'T2', years: { 2023: { credits: 6, hours: 32 } } },
  },
  // 第十四条第1项 — a project spanning two years is registered in the year it ends
  {
    cite: '第十四条第1项',
    origin: 'text',
    what: 'a project of 2022.12–2023.1 is registered in 2023',
    input: { cycleStart: 2019, records: [{ date: '2022.12-2023.1', level: '国家级', mode: '集中培训', hours: 16 }] },
    expect: { years: { 2022: { hours: 0 }, 2023: { hours: 16, credits: 4 } } },
  },
  // UNDEFINED figures in a year: a lower bound, then the override
  {
    cite: '第十四条第6项',
    origin: 'text',
    what: 'mentorship credits UNDEFINED: the year counts 4 credits and says one record is undefined',
    input: {
      cycleStart: 2019,
      records: [
        { year: 2023, mode: '师徒结对', months: 3 },
        { year: 2023, level: '省级', mode: '远程培训', hours: 40 },
      ],
    },
    expect: { years: { 2023: { pass: false, hours: 100, credits: 4, undefinedCredits: 1 } }, issue: 'RULE_UNDEFINED' },
  },
  {
    cite: '第十四条第6项',
    origin: 'text',
    what: 'with an override of 6 credits for mentorship the year reaches 10 and passes',
    input: {
      cycleStart: 2019,
      overrides: { mentorshipCredits: 6 },
      records: [
        { year: 2023, mode: '师徒结对', months: 3 },
        { year: 2023, level: '省级', mode: '远程培训', hours: 40 },
      ],
    },
    expect: { years: { 2023: { pass: true, hours: 100, credits: 10, undefinedCredits: 0 } } },
  },
]);
