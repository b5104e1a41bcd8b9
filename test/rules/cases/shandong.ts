// 山东省中小学教师继续教育学分管理办法 — seeds/001. 1 hour = 1 学时 = 1 credit (第十四条);
// degree 72 a year (第十五条); probation 72 (第十六条, ≥ 120 h); lecturers 2 × hours at
// county level and above (第十七条); school-based + self-study ≤ 120 a cycle (第十八条);
// ≥ 48 a year and ≥ 360 a cycle (第六条).
import { conversionTable, judgementTable, RecordInput } from '../table';

export const conversions = conversionTable('shandong', [
  { cite: '第十四条', origin: 'text', input: { hours: 24, level: '省级', mode: '集中培训' }, expect: { credits: 24, hours: 24 }, params: ['creditsPerHour'] },
  { cite: '第十四条', origin: 'text', input: { hours: 10.5, level: '国家级', mode: '网络研修' }, expect: { credits: 10.5 } },
  { cite: '第十四条', origin: 'text', input: { hours: 30, level: '县级', mode: '班主任培训' }, expect: { credits: 30 } },
  { cite: '第十四条', origin: 'text', what: 'not passed (经考核合格 is required): no credits', input: { hours: 24, level: '省级', mode: '集中培训', grade: '不合格' }, expect: { credits: 0 } },
  { cite: '第十四条', origin: 'text', what: 'the text counts hours, not days: a days-only row cannot be converted', input: { days: 3, level: '省级', mode: '集中培训' }, expect: { credits: null, issue: 'DAYS_NOT_CONVERTIBLE' } },
  { cite: '第十五条', origin: 'text', what: 'degree study passed for the year: 72 whatever the hours (10 h)', input: { hours: 10, mode: '学历提升' }, expect: { credits: 72 }, params: ['degreeCredits'] },
  { cite: '第十五条', origin: 'text', what: 'degree study without hours: 72', input: { mode: '学历(学位)提升' }, expect: { credits: 72 } },
  { cite: '第十六条', origin: 'boundary', what: 'probation training of 120 h: 72, no warning', input: { hours: 120, mode: '试用期培训' }, expect: { credits: 72, absent: 'NEW_TEACHER_HOURS_SHORT' }, params: ['newTeacherCredits', 'newTeacherMinHours'] },
  { cite: '第十六条', origin: 'boundary', what: 'probation training of 119 h: 72 with a warning (≥ 120 required)', input: { hours: 119, mode: '试用期培训' }, expect: { credits: 72, issue: 'NEW_TEACHER_HOURS_SHORT' } },
  { cite: '第十七条', origin: 'text', what: 'county-level lecturer: 2 × 6 h = 12', input: { hours: 6, level: '县级', mode: '主讲' }, expect: { credits: 12, hours: 6 }, params: ['lecturerMultiplier'] },
  { cite: '第十七条', origin: 'text', input: { hours: 6, level: '国家级', mode: '主讲' }, expect: { credits: 12 } },
  { cite: '第十七条', origin: 'text', input: { hours: 3.5, level: '市级', mode: '讲座' }, expect: { credits: 7 } },
  { cite: '第十七条 R-SD1', origin: 'reading', what: 'school-level lecturing is school-based training: 1 × 6 h', input: { hours: 6, level: '校级', mode: '主讲' }, expect: { credits: 6 }, readings: ['R-SD1'] },
  { cite: '第十七条 R-SD1', origin: 'reading', what: 'school-level lecturing follows the school’s rate (override 0.5): 3', input: { hours: 6, level: '校级', mode: '主讲', overrides: { schoolBasedCreditsPerHour: 0.5 } }, expect: { credits: 3 }, readings: ['R-SD1', 'R-SD2'] },
  // 第十七条 — the role column: 主讲老师、课程专家、指导老师 in county-or-above training count 2 × hours
  { cite: '第十七条', origin: 'text', what: 'role 主讲老师 on a county centralized training: 2 × 6 h = 12', input: { hours: 6, level: '县级', mode: '集中培训', role: '主讲老师' }, expect: { credits: 12, hours: 6 } },
  { cite: '第十七条', origin: 'text', what: 'role 课程专家 on a provincial centralized training: 2 × 5 h = 10', input: { hours: 5, level: '省级', mode: '集中培训', role: '课程专家' }, expect: { credits: 10, hours: 5 } },
  { cite: '第十七条', origin: 'text', what: 'role 指导老师 on a city online course: 2 × 4 h = 8', input: { hours: 4, level: '市级', mode: '网络研修', role: '指导老师' }, expect: { credits: 8 } },
  { cite: '第十七条', origin: 'text', what: '指导教师 (the word the rewritten text turned into 指导老师): national 3 h → 6', input: { hours: 3, level: '国家级', mode: '集中培训', role: '指导教师' }, expect: { credits: 6 } },
  { cite: '第十七条', origin: 'text', what: 'role 主讲教师 at a county class-teacher training: 2 × 10 h = 20', input: { hours: 10, level: '县级', mode: '班主任培训', role: '主讲教师' }, expect: { credits: 20 } },
  { cite: '第十七条', origin: 'text', what: 'role 主讲教师 at a county probation training: lecturing, 2 × 20 h = 40 (not the new teacher’s 72)', input: { hours: 20, level: '县级', mode: '试用期培训', role: '主讲教师' }, expect: { credits: 40, absent: 'NEW_TEACHER_HOURS_SHORT' } },
  { cite: '第十七条', origin: 'boundary', what: 'role 学员 is not a lecturer: county 6 h → 6', input: { hours: 6, level: '县级', mode: '集中培训', role: '学员' }, expect: { credits: 6, absent: 'ROLE_CONTRADICTS_MODE' } },
  { cite: '第十七条', origin: 'text', what: 'a lecturer row without a level: 2 × or 1 × cannot be decided', input: { hours: 6, mode: '集中培训', role: '主讲教师' }, expect: { credits: null, issue: 'LEVEL_MISSING' } },
  { cite: '第十七条 R-SD1', origin: 'reading', what: 'role 课程专家 at school level: school-based training, 1 × 6 h', input: { hours: 6, level: '校级', mode: '集中培训', role: '课程专家' }, expect: { credits: 6 }, readings: ['R-SD1'] },
  { cite: '第十七条 R-SD1', origin: 'reading', what: 'role 主讲教师 in 校本培训 (no level): school-based training, 1 × 6 h', input: { hours: 6, mode: '校本培训', role: '主讲教师' }, expect: { credits: 6, absent: 'LEVEL_MISSING' }, readings: ['R-SD1'] },
  { cite: '第十五条', origin: 'text', what: 'role 主讲教师 on degree study contradicts it: a warning, 72 for the year', input: { hours: 10, mode: '学历提升', role: '主讲教师' }, expect: { credits: 72, issue: 'ROLE_CONTRADICTS_MODE' } },
  { cite: '第十四条', origin: 'text', what: 'role 主讲教师 on an exam contradicts it: a warning, 1 × 3 h', input: { hours: 3, level: '县级', mode: '专业考试', role: '主讲教师' }, expect: { credits: 3, issue: 'ROLE_CONTRADICTS_MODE' } },
  { cite: '第十八条 R-SD2', origin: 'reading', what: 'role 指导老师 on self-study contradicts it: a warning, 1 × 10 h', input: { hours: 10, mode: '自主研习', role: '指导老师' }, expect: { credits: 10, issue: 'ROLE_CONTRADICTS_MODE' }, readings: ['R-SD2'] },
  { cite: '第十八条 R-SD2', origin: 'reading', input: { hours: 10, level: '校级', mode: '校本培训' }, expect: { credits: 10 }, params: ['schoolBasedCreditsPerHour'], readings: ['R-SD2'] },
  { cite: '第十八条 R-SD2', origin: 'reading', input: { hours: 10, mode: '自主研习' }, expect: { credits: 10 }, readings: ['R-SD2'] },
  { cite: '第十八条 R-SD2', origin: 'reading', what: 'a school’s own rate of 0.5 an hour (override): 10 h → 5', input: { hours: 10, mode: '校本培训', overrides: { schoolBasedCreditsPerHour: 0.5 } }, expect: { credits: 5 }, readings: ['R-SD2'] },
]);

const prov = (year: number, hours: number, extra: RecordInput = {}): RecordInput => ({ year, level: '省级', mode: '集中培训', hours, ...extra });
const years = [2020, 2021, 2022, 2023, 2024];

export const judgements = judgementTable('shandong', [
  // 第六条 — the year
  {
    cite: '第六条', origin: 'boundary', what: 'a year of exactly 48 credits passes',
    input: { cycleStart: 2020, records: [prov(2020, 48)] },
    expect: { years: { 2020: { pass: true, credits: 48 } }, met: { '2020.yearCredits': true } },
    params: ['yearCredits'],
  },
  {
    cite: '第六条', origin: 'boundary', what: 'a year of 47 credits fails',
    input: { cycleStart: 2020, records: [prov(2020, 47)] },
    expect: { years: { 2020: { pass: false, credits: 47 } }, met: { '2020.yearCredits': false } },
  },
  // 第六条 — the cycle (R-SD4)
  {
    cite: '第六条', origin: 'boundary', what: 'a cycle of 5 × 72 = 360 passes',
    input: { cycleStart: 2020, records: years.map((y) => prov(y, 72)) },
    expect: { cycle: { pass: true, credits: 360, hours: 360 }, met: { 'cycle.cycleCredits': true, 'cycle.year2024': true } },
    params: ['cycleCredits'],
  },
  {
    cite: '第六条', origin: 'boundary', what: 'a cycle of 359 fails',
    input: { cycleStart: 2020, records: [...years.slice(0, 4).map((y) => prov(y, 72)), prov(2024, 71)] },
    expect: { cycle: { pass: false, credits: 359 }, met: { 'cycle.cycleCredits': false, 'cycle.year2024': true } },
  },
  {
    cite: '第六条 R-SD4', origin: 'reading', what: '4 × 80 + 40 = 360, but one year under 48: the cycle fails',
    input: { cycleStart: 2020, records: [...years.slice(0, 4).map((y) => prov(y, 80)), prov(2024, 40)] },
    expect: { years: { 2024: { pass: false } }, cycle: { pass: false, credits: 360 }, met: { 'cycle.cycleCredits': true, 'cycle.year2024': false } },
    readings: ['R-SD4'],
  },
  {
    cite: '第六条 R-SD4', origin: 'reading', what: 'cycle 2024–2028 seen in 2026: 2027 and 2028 are not yet due and not in the yearly test',
    input: { cycleStart: 2024, records: [prov(2024, 120), prov(2025, 120), prov(2026, 120)] },
    expect: { years: { 2026: { pass: true }, 2027: { pass: null, credits: 0 }, 2028: { pass: null } }, cycle: { pass: true, credits: 360 }, met: { 'cycle.year2026': true }, noCondition: ['cycle.year2027', 'cycle.year2028'] },
    readings: ['R-SD4'],
  },
  // 第二十一条 — exempt year
  {
    cite: '第二十一条 R-SD4', origin: 'reading', what: 'a year marked exempt (12 credits) is not assessed and left out of the yearly test',
    input: { cycleStart: 2020, records: [...years.slice(0, 4).map((y) => prov(y, 90)), prov(2024, 12, { exempt: '是' })] },
    expect: { years: { 2024: { pass: null, credits: 12 } }, cycle: { pass: true, credits: 372 }, noCondition: ['cycle.year2024'] },
    readings: ['R-SD4'],
  },
  {
    cite: '第六条 R-SD4', origin: 'reading', what: 'the same year not marked exempt fails the cycle',
    input: { cycleStart: 2020, records: [...years.slice(0, 4).map((y) => prov(y, 90)), prov(2024, 12, { exempt: '否' })] },
    expect: { years: { 2024: { pass: false } }, cycle: { pass: false, credits: 372 }, met: { 'cycle.year2024': false } },
    readings: ['R-SD4'],
  },
  // 第二条 — the text binds 在职老师: years before the hire year are not assessed (R-SD4 included)
  {
    cite: '第二条 R-SD4', origin: 'reading', what: 'hired 2022: 2020 and 2021 are not assessed and not in the yearly test; 3 × 120 = 360 passes',
    input: { cycleStart: 2020, records: [prov(2022, 120, { hireYear: 2022 }), prov(2023, 120), prov(2024, 120)] },
    expect: {
      years: { 2020: { pass: null, credits: 0, note: 'before the hire year 2022' }, 2021: { pass: null }, 2022: { pass: true } },
      cycle: { pass: true, credits: 360 }, met: { 'cycle.year2022': true }, noCondition: ['cycle.year2020', 'cycle.year2021'],
      note: 'before the hire year 2022',
    },
    readings: ['R-SD4'],
  },
  {
    cite: '第六条 R-SD4', origin: 'reading', what: 'the same records without a hire year: 2020 and 2021 fail, and with them the cycle',
    input: { cycleStart: 2020, records: [prov(2022, 120), prov(2023, 120), prov(2024, 120)] },
    expect: { years: { 2020: { pass: false }, 2021: { pass: false } }, cycle: { pass: false, credits: 360 }, met: { 'cycle.year2020': false, 'cycle.year2021': false } },
    readings: ['R-SD4'],
  },
  {
    cite: '第二条、第六条 R-SD4', origin: 'boundary', what: 'the hire year itself is assessed: 47 in 2022 fails it and the cycle (47 + 160 + 153 = 360)',
    input: { cycleStart: 2020, records: [prov(2022, 47, { hireYear: 2022 }), prov(2023, 160), prov(2024, 153)] },
    expect: { years: { 2021: { pass: null }, 2022: { pass: false } }, cycle: { pass: false, credits: 360 }, met: { 'cycle.year2022': false } },
    readings: ['R-SD4'],
  },
  // 第十六条、第十七条 — the lecturer of a class-teacher training is not taking it
  {
    cite: '第十六条、第十七条', origin: 'text', what: 'a class teacher who lectured 30 h at a county class-teacher training: 60 credits, but no class-teacher hours of their own',
    input: { cycleStart: 2020, records: [prov(2020, 72, { classTeacher: '是' }), { year: 2021, level: '县级', mode: '班主任培训', hours: 30, role: '主讲教师' }, prov(2021, 12), prov(2022, 72), prov(2023, 72), prov(2024, 72)] },
    expect: { years: { 2021: { credits: 72 } }, cycle: { pass: false, credits: 360 }, met: { 'cycle.classTeacherHours': false, 'cycle.cycleCredits': true } },
  },
  // 第十八条 — school-based + self-study ≤ 120 a cycle
  {
    cite: '第十八条', origin: 'boundary', what: 'school-based 5 × 24 = 120 (exactly the cap) + 240: 360, passes',
    input: { cycleStart: 2020, records: years.flatMap((y) => [prov(y, 48), { year: y, level: '校级', mode: '校本培训', hours: 24 }]) },
    expect: { cycle: { pass: true, credits: 360 } },
    params: ['schoolBasedCycleCap'],
  },
  {
    cite: '第十八条', origin: 'boundary', what: 'school-based 13 + self-study 13 a year = 130, 120 counted: 360, passes',
    input: { cycleStart: 2020, records: years.flatMap((y) => [prov(y, 48), { year: y, mode: '校本培训', hours: 13 }, { year: y, mode: '自主研习', hours: 13 }]) },
    expect: { years: { 2020: { credits: 74 } }, cycle: { pass: true, credits: 360, hours: 370 } },
  },
  {
    cite: '第十八条', origin: 'boundary', what: 'school-based 130 (120 counted) + 239: 359, fails',
    input: { cycleStart: 2020, records: years.flatMap((y) => [prov(y, y === 2024 ? 47 : 48), { year: y, mode: '校本培训', hours: 26 }]) },
    expect: { cycle: { pass: false, credits: 359 }, met: { 'cycle.cycleCredits': false } },
  },
  // 第十六条 — class teachers, 30 h of class-teacher training a cycle
  {
    cite: '第十六条', origin: 'boundary', what: 'a class teacher with exactly 30 h of class-teacher training passes',
    input: { cycleStart: 2020, records: [prov(2020, 72, { classTeacher: '是' }), prov(2021, 42), { year: 2021, level: '县级', mode: '班主任培训', hours: 30 }, prov(2022, 72), prov(2023, 72), prov(2024, 72)] },
    expect: { cycle: { pass: true, credits: 360 }, met: { 'cycle.classTeacherHours': true } },
    params: ['classTeacherHours'],
  },
  {
    cite: '第十六条', origin: 'boundary', what: 'a class teacher with 29 h of class-teacher training fails',
    input: { cycleStart: 2020, records: [prov(2020, 72, { classTeacher: '是' }), prov(2021, 43), { year: 2021, level: '县级', mode: '班主任培训', hours: 29 }, prov(2022, 72), prov(2023, 72), prov(2024, 72)] },
    expect: { cycle: { pass: false, credits: 360 }, met: { 'cycle.classTeacherHours': false } },
  },
  {
    cite: '第十六条', origin: 'text', what: 'a teacher who is not a class teacher has no such condition',
    input: { cycleStart: 2020, records: [prov(2020, 72, { classTeacher: '否' }), prov(2021, 43), { year: 2021, level: '县级', mode: '班主任培训', hours: 29 }, prov(2022, 72), prov(2023, 72), prov(2024, 72)] },
    expect: { cycle: { pass: true }, noCondition: ['cycle.classTeacherHours'] },
  },
  // R-SD3 — 第十条 and 第十一条 warn, they do not fail
  {
    cite: '第十条 R-SD3', origin: 'reading', what: 'five years of degree study (5 × 72): no county-or-above and no face-to-face credits, warnings only, the cycle passes',
    input: { cycleStart: 2020, records: years.map((y): RecordInput => ({ year: y, mode: '学历提升' })) },
    expect: { cycle: { pass: true, credits: 360 }, met: { 'cycle.countyAbove': false, 'cycle.faceToFace': false } },
    params: ['countyAboveCredits', 'faceToFaceCredits'],
    readings: ['R-SD3'],
  },
  {
    cite: '第十条 R-SD3', origin: 'boundary', what: 'county-level-or-above exactly 240 and face-to-face exactly 60: both met',
    input: { cycleStart: 2020, records: [{ year: 2020, level: '县级', mode: '集中培训', hours: 60 }, prov(2020, 12), prov(2021, 72), prov(2022, 72), prov(2023, 24), { year: 2023, mode: '学历提升' }, { year: 2024, mode: '学历提升' }] },
    expect: { cycle: { pass: true, credits: 384 }, met: { 'cycle.countyAbove': true, 'cycle.faceToFace': true } },
    readings: ['R-SD3'],
  },
  {
    cite: '第十条 R-SD3', origin: 'boundary', what: 'county-level-or-above 239 and face-to-face 59: warnings only, the cycle passes',
    input: { cycleStart: 2020, records: [{ year: 2020, level: '县级', mode: '集中培训', hours: 59 }, prov(2020, 13), prov(2021, 72), prov(2022, 72), prov(2023, 23), { year: 2023, mode: '学历提升' }, { year: 2024, mode: '学历提升' }] },
    expect: { cycle: { pass: true, credits: 383 }, met: { 'cycle.countyAbove': false, 'cycle.faceToFace': false } },
    readings: ['R-SD3'],
  },
  {
    cite: '第十一条 R-SD3', origin: 'boundary', what: 'public subjects exactly a third (120 of 360): met',
    input: { cycleStart: 2020, records: [prov(2020, 72, { category: '公共课' }), prov(2021, 48, { category: '公共课' }), prov(2021, 24, { category: '专业课' }), ...years.slice(2).map((y) => prov(y, 72, { category: '专业课' }))] },
    expect: { cycle: { pass: true, credits: 360 }, met: { 'cycle.publicShare': true } },
    params: ['publicShareMax'],
    readings: ['R-SD3'],
  },
  {
    cite: '第十一条 R-SD3', origin: 'boundary', what: 'public subjects 121 of 360: over a third, a warning only',
    input: { cycleStart: 2020, records: [prov(2020, 72, { category: '公共课' }), prov(2021, 49, { category: '公共课' }), prov(2021, 23, { category: '专业课' }), ...years.slice(2).map((y) => prov(y, 72, { category: '专业课' }))] },
    expect: { cycle: { pass: true, credits: 360 }, met: { 'cycle.publicShare': false } },
    readings: ['R-SD3'],
  },
]);
