// 郑教明电〔2017〕139号 (河南省 教师[2016]724号) — seeds/002. Hours only: the project design's
// hours are registered (五), level and mode change nothing; a cycle ≥ 360 h with ≥ 80 h
// school-based (四); 72 h a year 为宜 (四, advisory); a degree obtained in the cycle
// exempts it (六(一)); new teachers 120 h in their first year (九, counted in the 360).
import { conversionTable, judgementTable, RecordInput } from '../table';

export const conversions = conversionTable('zhengzhou', [
  {
    cite: '五',
    origin: 'text',
    what: 'national 24 h: 24 h, credits = hours',
    input: { hours: 24, level: '国家级', mode: '集中培训' },
    expect: { hours: 24, credits: 24 },
  },
  {
    cite: '五',
    origin: 'text',
    what: 'level does not change the hours: school-level online 6 h → 6',
    input: { hours: 6, level: '校级', mode: '网络研修' },
    expect: { hours: 6, credits: 6 },
  },
  {
    cite: '五',
    origin: 'text',
    what: 'no level needed: 12 h centralized → 12',
    input: { hours: 12, mode: '集中培训' },
    expect: { hours: 12, credits: 12 },
  },
  { cite: '五', origin: 'text', input: { hours: 8, mode: '校本研修' }, expect: { hours: 8, credits: 8 } },
  { cite: '五', origin: 'text', input: { hours: 10.5, level: '省级', mode: '网络研修' }, expect: { hours: 10.5 } },
  {
    cite: '四',
    origin: 'text',
    what: 'not passed (考核合格 required): no hours',
    input: { hours: 24, level: '市级', mode: '集中培训', grade: '不合格' },
    expect: { hours: 0, credits: 0 },
  },
  {
    cite: '五',
    origin: 'text',
    what: 'no day length in the text: a days-only row cannot be converted',
    input: { days: 2, mode: '集中培训' },
    expect: { credits: null, issue: 'DAYS_NOT_CONVERTIBLE' },
  },
  {
    cite: '六、(三)',
    origin: 'text',
    what: 'support teaching: the hours the organizing department set',
    input: { hours: 16, level: '县级', mode: '送教下乡' },
    expect: { hours: 16 },
  },
  { cite: '九', origin: 'text', input: { hours: 120, mode: '新任教师培训' }, expect: { hours: 120 } },
  // 五 — the school-based forms are accepted spellings in Zhengzhou
  {
    cite: '五',
    origin: 'text',
    what: '听评课 is a school-based form: 6 h → 6',
    input: { hours: 6, mode: '听评课' },
    expect: { hours: 6, credits: 6, absent: 'MODE_UNKNOWN' },
  },
  {
    cite: '五',
    origin: 'text',
    what: '校本课程开发 is a school-based form: 10 h → 10',
    input: { hours: 10, mode: '校本课程开发' },
    expect: { hours: 10, absent: 'MODE_UNKNOWN' },
  },
  {
    cite: '五',
    origin: 'text',
    what: '区域研修 is a school-based form: 8 h → 8',
    input: { hours: 8, mode: '区域研修' },
    expect: { hours: 8, absent: 'MODE_UNKNOWN' },
  },
  {
    cite: '五',
    origin: 'text',
    what: '网络教研 is a school-based form: 4 h → 4',
    input: { hours: 4, mode: '网络教研' },
    expect: { hours: 4, absent: 'MODE_UNKNOWN' },
  },
]);

const c = (year: number, hours: number, extra: RecordInput = {}): RecordInput => ({
  year,
  mode: '集中培训',
  level: '市级',
  hours,
  ...extra,
});
const sb = (year: number, hours: number): RecordInput => ({ year, mode: '校本研修', level: '校级', hours });
const years = [2020, 2021, 2022, 2023, 2024];

/** One year of 56 h centralized and 16 h in the given school-based forms (五). */
const form = (y: number, ...modes: string[]): RecordInput[] => [
  c(y, 56),
  ...modes.map((mode): RecordInput => ({ year: y, mode, hours: 16 / modes.length })),
];

export const judgements = judgementTable('zhengzhou', [
  {
    cite: '五',
    origin: 'boundary',
    what: '80 school-based hours in the forms of 五 (听评课, 示范课, 课题研究, 校本课程开发 + 区域研修, 网络教研): passes',
    input: {
      cycleStart: 2020,
      records: [
        ...form(2020, '听评课'),
        ...form(2021, '示范课'),
        ...form(2022, '课题研究'),
        ...form(2023, '校本课程开发', '区域研修'),
        ...form(2024, '网络教研'),
      ],
    },
    expect: { cycle: { pass: true, hours: 360 }, met: { 'cycle.schoolBasedHours': true, 'cycle.cycleHours': true } },
  },
  {
    cite: '五',
    origin: 'boundary',
    what: 'the same with 15 h of 网络教研 in 2024 and 1 h more centralized: 79 school-based hours, fails',
    input: {
      cycleStart: 2020,
      records: [
        ...form(2020, '听评课'),
        ...form(2021, '示范课'),
        ...form(2022, '课题研究'),
        ...form(2023, '校本课程开发', '区域研修'),
        c(2024, 57),
        { year: 2024, mode: '网络教研', hours: 15 },
      ],
    },
    expect: { cycle: { pass: false, hours: 360 }, met: { 'cycle.schoolBasedHours': false, 'cycle.cycleHours': true } },
  },
  // 一 — the notice binds 在岗教师: years before the hire year are not assessed
  {
    cite: '一、九',
    origin: 'text',
    what: 'hired 2022: 2020 and 2021 are not assessed, and the cycle says so',
    input: { cycleStart: 2020, records: [c(2022, 56, { hireYear: 2022 }), sb(2022, 16), c(2023, 56), sb(2023, 16)] },
    expect: {
      years: {
        2020: { pass: null, hours: 0, note: 'before the hire year 2022' },
        2021: { pass: null },
        2022: { pass: null, hours: 72 },
      },
      note: 'before the hire year 2022',
    },
  },
  {
    cite: '四',
    origin: 'boundary',
    what: '5 × (56 + 16 school-based) = 360 h with 80 school-based: passes; years are not judged',
    input: { cycleStart: 2020, records: years.flatMap((y) => [c(y, 56), sb(y, 16)]) },
    expect: {
      years: { 2020: { pass: null, hours: 72, credits: 72 } },
      cycle: { pass: true, hours: 360, credits: 360 },
      met: { 'cycle.cycleHours': true, 'cycle.schoolBasedHours': true, '2020.yearHours': true },
    },
    params: ['cycleHours', 'schoolBasedHours', 'yearHours'],
  },
  {
    cite: '四',
    origin: 'boundary',
    what: '359 h fails; the 71 h year only warns (为宜)',
    input: {
      cycleStart: 2020,
      records: [...years.slice(0, 4).flatMap((y) => [c(y, 56), sb(y, 16)]), c(2024, 55), sb(2024, 16)],
    },
    expect: {
      years: { 2024: { pass: null, hours: 71 } },
      cycle: { pass: false, hours: 359 },
      met: { 'cycle.cycleHours': false, 'cycle.schoolBasedHours': true, '2024.yearHours': false },
    },
  },
  {
    cite: '四 R-ZZ1',
    origin: 'boundary',
    what: '360 h with 79 school-based fails',
    input: {
      cycleStart: 2020,
      records: [c(2020, 57), sb(2020, 15), ...years.slice(1).flatMap((y) => [c(y, 56), sb(y, 16)])],
    },
    expect: { cycle: { pass: false, hours: 360 }, met: { 'cycle.cycleHours': true, 'cycle.schoolBasedHours': false } },
    readings: ['R-ZZ1'],
  },
  {
    cite: '四 R-ZZ1',
    origin: 'reading',
    what: '200 + 160 school-based: school-based beyond 80 still counts to 360',
    input: { cycleStart: 2020, records: years.flatMap((y) => [c(y, 40), sb(y, 32)]) },
    expect: { cycle: { pass: true, hours: 360 } },
    readings: ['R-ZZ1'],
  },
  {
    cite: '六、(一)',
    origin: 'text',
    what: 'a degree obtained within the cycle exempts it from the 360 h',
    input: { cycleStart: 2020, records: [{ year: 2022, mode: '学历教育' }, c(2022, 50)] },
    expect: { cycle: { pass: true, hours: 50 }, met: { 'cycle.cycleHours': false }, note: 'degree' },
  },
  {
    cite: '六、(一)',
    origin: 'text',
    what: 'a degree study not passed (不合格: no certificate) exempts nothing',
    input: { cycleStart: 2020, records: [{ year: 2022, mode: '学历教育', grade: '不合格' }, c(2022, 50)] },
    expect: { cycle: { pass: false, hours: 50 } },
  },
  {
    cite: '九',
    origin: 'boundary',
    what: 'a new teacher with 120 h of new-teacher training in the first year: counted in the 360, passes',
    input: {
      cycleStart: 2020,
      records: [
        c(2020, 56, { hireYear: 2021 }),
        sb(2020, 16),
        { year: 2021, mode: '新任教师培训', hours: 120 },
        sb(2021, 16),
        c(2022, 24),
        sb(2022, 16),
        c(2023, 40),
        sb(2023, 16),
        c(2024, 40),
        sb(2024, 16),
      ],
    },
    expect: { cycle: { pass: true, hours: 360 }, met: { 'cycle.newTeacherHours': true } },
    params: ['newTeacherHours'],
  },
  {
    cite: '九',
    origin: 'boundary',
    what: '119 h of new-teacher training warns but does not fail',
    input: {
      cycleStart: 2020,
      records: [
        c(2020, 56, { hireYear: 2021 }),
        sb(2020, 16),
        { year: 2021, mode: '新任教师培训', hours: 119 },
        sb(2021, 16),
        c(2022, 25),
        sb(2022, 16),
        c(2023, 40),
        sb(2023, 16),
        c(2024, 40),
        sb(2024, 16),
      ],
    },
    expect: { cycle: { pass: true, hours: 360 }, met: { 'cycle.newTeacherHours': false } },
  },
  {
    cite: '九',
    origin: 'text',
    what: 'new-teacher training two years after hire is outside the first year: warns',
    input: {
      cycleStart: 2020,
      records: [
        c(2020, 56, { hireYear: 2021 }),
        sb(2020, 16),
        sb(2021, 16),
        c(2022, 56),
        sb(2022, 16),
        { year: 2023, mode: '新任教师培训', hours: 120 },
        sb(2023, 16),
        c(2024, 48),
        sb(2024, 16),
      ],
    },
    expect: { cycle: { pass: true, hours: 360 }, met: { 'cycle.newTeacherHours': false } },
  },
]);
