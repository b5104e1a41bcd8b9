// 普洱市中小学教师全员培训管理办法 + 学分认定细则 + 校本研修方案 (2023) — seeds/003.
// credits = rate × hours × (1 + coefficient) (第十一条): rate online 1, school-based 0.5–1,
// centralized county 1–1.5 / city 1–2 / provincial 1–2.5 / national 1–3, 1 when the notice
// sets none; 优/良/中/合格 → 0.2/0.15/0.1/0; 不合格 → nothing. 第十三条: studio 72/48/24 h at
// 3/2.5/2/1.5/1; lecturing × 10/8/6/4/2; events 6 h at 3/2.5/2/1.5 with prizes
// 0.2/0.15/0.1; research 12/6 h at 3/2.5/2/1.5; degree 48 h a year for 3 years.
// A year: ≥ 72 h and ≥ 72 credits, each mode ≥ 24 h and ≥ 24 credits, county-or-above
// ≥ 48; a cycle: 360 / 360, each mode 120 h, county-or-above 240, school-based 120.
import { conversionTable, judgementTable, RecordInput } from '../table';

const online = (hours: number, extra: Record<string, string | number> = {}) => ({ hours, mode: '网络研修', ...extra });

export const conversions = conversionTable('puer', [
  // 第十一条第1项 — the project rate
  { cite: '第十一条第1项', origin: 'text', what: 'online 30 h, no rate in the notice: 1 × 30 = 30', input: online(30), expect: { credits: 30, hours: 30 }, params: ['defaultRate'] },
  { cite: '第十一条第1项', origin: 'boundary', what: 'online rate 1 (its whole range): 30', input: online(30, { rate: 1 }), expect: { credits: 30 }, params: ['rate.online.min', 'rate.online.max'] },
  { cite: '第十一条第1项', origin: 'boundary', what: 'online rate 1.5 is outside 1–1', input: online(30, { rate: 1.5 }), expect: { credits: null, issue: 'RATE_OUT_OF_RANGE' } },
  { cite: '第十一条第1项', origin: 'boundary', what: 'school-based rate 0.5 (lower bound): 20 h → 10', input: { hours: 20, mode: '校本研修', rate: 0.5 }, expect: { credits: 10 }, params: ['rate.schoolBased.min'] },
  // R-PE7 — a school-based record without a rate has none: the county institute sets it
  { cite: '附件3 六(四) R-PE7', origin: 'reading', what: 'school-based 20 h without a rate: credits UNDEFINED, hours 20', input: { hours: 20, mode: '校本研修' }, expect: { hours: 20, credits: null, issue: 'RULE_UNDEFINED' }, readings: ['R-PE7'] },
  { cite: '附件3 六(四) R-PE7', origin: 'reading', what: 'school-based 20 h, workbook rate 0.8 (override): 16', input: { hours: 20, mode: '校本研修', overrides: { 'rate.schoolBased': 0.8 } }, expect: { credits: 16 }, params: ['rate.schoolBased'], readings: ['R-PE7'] },
  { cite: '附件3 六(四) R-PE7', origin: 'boundary', what: 'workbook rate 0.5 (lower bound), 良: 20 × 0.5 × 1.15 = 11.5', input: { hours: 20, mode: '校本研修', grade: '良', overrides: { 'rate.schoolBased': 0.5 } }, expect: { credits: 11.5 }, readings: ['R-PE7'] },
  { cite: '附件3 六(四) R-PE7', origin: 'boundary', what: 'workbook rate 1 (upper bound): 20', input: { hours: 20, mode: '校本研修', overrides: { 'rate.schoolBased': 1 } }, expect: { credits: 20 }, readings: ['R-PE7'] },
  { cite: '附件3 六(四) R-PE7', origin: 'reading', what: 'the row’s own rate 1 wins over the workbook’s 0.5: 20', input: { hours: 20, mode: '校本研修', rate: 1, overrides: { 'rate.schoolBased': 0.5 } }, expect: { credits: 20 }, readings: ['R-PE7'] },
  { cite: '附件3 五(六) R-PE7', origin: 'reading', what: '师徒结对 (a school-based form) without a rate: UNDEFINED', input: { hours: 10, mode: '师徒结对' }, expect: { hours: 10, credits: null, issue: 'RULE_UNDEFINED' }, readings: ['R-PE6', 'R-PE7'] },
  { cite: '第十一条第1项', origin: 'boundary', what: 'school-based rate 1 (upper bound): 20 h → 20', input: { hours: 20, mode: '校本研修', rate: 1 }, expect: { credits: 20 }, params: ['rate.schoolBased.max'] },
  { cite: '第十一条第1项', origin: 'boundary', what: 'school-based rate 0.4 is under 0.5', input: { hours: 20, mode: '校本研修', rate: 0.4 }, expect: { credits: null, issue: 'RATE_OUT_OF_RANGE' } },
  { cite: '第十一条第1项', origin: 'boundary', what: 'school-based rate 1.1 is over 1', input: { hours: 20, mode: '校本研修', rate: 1.1 }, expect: { credits: null, issue: 'RATE_OUT_OF_RANGE' } },
  { cite: '第十一条第1项', origin: 'boundary', what: 'county centralized rate 1.5 (upper bound): 24 h → 36', input: { hours: 24, level: '县级', mode: '集中研修', rate: 1.5 }, expect: { credits: 36 }, params: ['rate.centralized.county.max'] },
  { cite: '第十一条第1项', origin: 'boundary', what: 'county centralized rate 1.6 is over 1.5', input: { hours: 24, level: '县级', mode: '集中研修', rate: 1.6 }, expect: { credits: null, issue: 'RATE_OUT_OF_RANGE' } },
  { cite: '第十一条第1项', origin: 'boundary', what: 'county centralized rate 1 (lower bound): 24', input: { hours: 24, level: '县级', mode: '集中研修', rate: 1 }, expect: { credits: 24 }, params: ['rate.centralized.county.min'] },
  { cite: '第十一条第1项', origin: 'boundary', what: 'county centralized rate 0.9 is under 1', input: { hours: 24, level: '县级', mode: '集中研修', rate: 0.9 }, expect: { credits: null, issue: 'RATE_OUT_OF_RANGE' } },
  { cite: '第十一条第1项', origin: 'boundary', what: 'city centralized rate 2 (upper bound): 48', input: { hours: 24, level: '市级', mode: '集中研修', rate: 2 }, expect: { credits: 48 }, params: ['rate.centralized.prefecture.max'] },
  { cite: '第十一条第1项', origin: 'boundary', what: 'city centralized rate 2.1 is over 2', input: { hours: 24, level: '市级', mode: '集中研修', rate: 2.1 }, expect: { credits: null, issue: 'RATE_OUT_OF_RANGE' } },
  { cite: '第十一条第1项', origin: 'boundary', what: 'city centralized rate 1 (lower bound): 24', input: { hours: 24, level: '市级', mode: '集中研修', rate: 1 }, expect: { credits: 24 }, params: ['rate.centralized.prefecture.min'] },
  { cite: '第十一条第1项', origin: 'boundary', what: 'provincial centralized rate 2.5 (upper bound): 60', input: { hours: 24, level: '省级', mode: '集中研修', rate: 2.5 }, expect: { credits: 60 }, params: ['rate.centralized.provincial.max'] },
  { cite: '第十一条第1项', origin: 'boundary', what: 'provincial centralized rate 2.6 is over 2.5', input: { hours: 24, level: '省级', mode: '集中研修', rate: 2.6 }, expect: { credits: null, issue: 'RATE_OUT_OF_RANGE' } },
  { cite: '第十一条第1项', origin: 'boundary', what: 'provincial centralized rate 1 (lower bound): 24', input: { hours: 24, level: '省级', mode: '集中研修', rate: 1 }, expect: { credits: 24 }, params: ['rate.centralized.provincial.min'] },
  { cite: '第十一条第1项', origin: 'boundary', what: 'national centralized rate 3 (upper bound): 72', input: { hours: 24, level: '国家级', mode: '集中研修', rate: 3 }, expect: { credits: 72 }, params: ['rate.centralized.national.max'] },
  { cite: '第十一条第1项', origin: 'boundary', what: 'national centralized rate 3.1 is over 3', input: { hours: 24, level: '国家级', mode: '集中研修', rate: 3.1 }, expect: { credits: null, issue: 'RATE_OUT_OF_RANGE' } },
  { cite: '第十一条第1项', origin: 'boundary', what: 'national centralized rate 1 (lower bound): 24', input: { hours: 24, level: '国家级', mode: '集中研修', rate: 1 }, expect: { credits: 24 }, params: ['rate.centralized.national.min'] },
  { cite: '第十一条第1项', origin: 'text', what: 'county centralized, no rate in the notice: 1 × 24', input: { hours: 24, level: '县级', mode: '集中研修' }, expect: { credits: 24 } },
  { cite: '第十一条', origin: 'text', what: 'school-level centralized: no rate in the text (UNDEFINED)', input: { hours: 10, level: '校级', mode: '集中研修' }, expect: { credits: null, hours: 10, issue: 'RULE_UNDEFINED' } },
  { cite: '第十一条', origin: 'text', what: 'school-level centralized with an override of 0.5: 5', input: { hours: 10, level: '校级', mode: '集中研修', overrides: { 'rate.centralized.school': 0.5 } }, expect: { credits: 5 }, params: ['rate.centralized.school'] },
  // 第十一条第3项 — performance
  { cite: '第十一条第3项', origin: 'text', what: 'national rate 3, 24 h, 优: 72 × 1.2 = 86.4', input: { hours: 24, level: '国家级', mode: '集中研修', rate: 3, grade: '优' }, expect: { credits: 86.4 } },
  { cite: '第十一条第3项', origin: 'text', what: 'school-based rate 0.5, 20 h, 良: 10 × 1.15 = 11.5', input: { hours: 20, mode: '校本研修', rate: 0.5, grade: '良' }, expect: { credits: 11.5 } },
  { cite: '第十一条第3项', origin: 'text', input: online(30, { grade: '优' }), expect: { credits: 36 }, params: ['perf.excellent'] },
  { cite: '第十一条第3项', origin: 'text', input: online(30, { grade: '良' }), expect: { credits: 34.5 }, params: ['perf.good'] },
  { cite: '第十一条第3项', origin: 'text', input: online(30, { grade: '中' }), expect: { credits: 33 }, params: ['perf.fair'] },
  { cite: '第十一条第3项', origin: 'text', what: '合格: no performance credits, 30', input: online(30, { grade: '合格' }), expect: { credits: 30 }, params: ['perf.pass'] },
  { cite: '第十一条第3项', origin: 'boundary', what: 'score 90 is 优: 36', input: online(30, { grade: 90 }), expect: { credits: 36 } },
  { cite: '第十一条第3项', origin: 'boundary', what: 'score 89 is 良: 34.5', input: online(30, { grade: 89 }), expect: { credits: 34.5 } },
  { cite: '第十一条第3项', origin: 'boundary', what: 'score 80 is 良: 34.5', input: online(30, { grade: 80 }), expect: { credits: 34.5 } },
  { cite: '第十一条第3项', origin: 'boundary', what: 'score 79 is 中: 33', input: online(30, { grade: 79 }), expect: { credits: 33 } },
  { cite: '第十一条第3项', origin: 'boundary', what: 'score 70 is 中: 33', input: online(30, { grade: 70 }), expect: { credits: 33 } },
  { cite: '第十一条第3项', origin: 'boundary', what: 'score 69 is 合格: 30', input: online(30, { grade: 69 }), expect: { credits: 30 } },
  { cite: '第十一条第3项', origin: 'boundary', what: 'score 60 is 合格: 30', input: online(30, { grade: 60 }), expect: { credits: 30 } },
  { cite: '第十一条', origin: 'boundary', what: 'score 59 fails: no hours, no credits', input: online(30, { grade: 59 }), expect: { credits: 0, hours: 0 } },
  { cite: '第十一条、细则三', origin: 'text', what: '不合格: no hours, no credits', input: online(30, { grade: '不合格' }), expect: { credits: 0, hours: 0 } },
  // 第十条 — 6 hours a day of short centralized training; online counts actual hours
  { cite: '第十条', origin: 'text', what: '2 days of county centralized training = 12 h = 12', input: { days: 2, level: '县级', mode: '集中研修' }, expect: { hours: 12, credits: 12 }, params: ['dayHours'] },
  { cite: '第十条', origin: 'text', what: 'online counts actual hours: days cannot be converted', input: { days: 2, mode: '网络研修' }, expect: { credits: null, issue: 'DAYS_NOT_CONVERTIBLE' } },
  // 第十三条第1项 — studios
  { cite: '第十三条第1项', origin: 'text', what: 'national studio host 优: 72 h × 3 × 1.2 = 259.2', input: { mode: '工作室', level: '国家级', role: '主持人', grade: '优' }, expect: { hours: 72, credits: 259.2 }, params: ['studioHours.host', 'studioRate.national'] },
  { cite: '第十三条第1项', origin: 'text', what: 'provincial studio member 良: 48 × 2.5 × 1.15 = 138', input: { mode: '工作室', level: '省级', role: '成员', grade: '良' }, expect: { hours: 48, credits: 138 }, params: ['studioHours.member', 'studioRate.provincial'] },
  { cite: '第十三条第1项', origin: 'text', what: 'city studio student 中: 24 × 2 × 1.1 = 52.8', input: { mode: '工作坊', level: '市级', role: '学员', grade: '中' }, expect: { hours: 24, credits: 52.8 }, params: ['studioHours.student', 'studioRate.prefecture'] },
  { cite: '第十三条第1项', origin: 'text', what: 'county studio host 合格: 72 × 1.5 = 108, no performance', input: { mode: '工作室', level: '县级', role: '主持人', grade: '合格' }, expect: { hours: 72, credits: 108 }, params: ['studioRate.county'] },
  { cite: '第十三条第1项', origin: 'text', what: 'school studio student: 24 × 1 = 24', input: { mode: '工作室', level: '校级', role: '学员' }, expect: { hours: 24, credits: 24 }, params: ['studioRate.school'] },
  { cite: '第十三条第1项', origin: 'text', what: 'studio assessment failed: nothing', input: { mode: '工作室', level: '省级', role: '主持人', grade: '不合格' }, expect: { hours: 0, credits: 0 } },
  { cite: '第十三条第1项', origin: 'text', what: 'a studio has hosts, members and students only', input: { mode: '工作室', level: '省级', role: '参与人' }, expect: { credits: null, issue: 'ROLE_NOT_APPLICABLE' } },
  { cite: '第十三条第1项', origin: 'text', what: 'a studio host is 72 h whatever the roster says (60)', input: { mode: '工作室', level: '县级', role: '主持人', hours: 60 }, expect: { hours: 72, credits: 108, issue: 'HOURS_FIXED_BY_RULE' } },
  // 第十三条第2项 — lecturing: class hours × factor, no performance
  { cite: '第十三条第2项', origin: 'text', input: { hours: 2, level: '国家级', mode: '授课' }, expect: { hours: 2, credits: 20 }, params: ['lecture.national'] },
  { cite: '第十三条第2项', origin: 'text', input: { hours: 2, level: '省级', mode: '授课' }, expect: { credits: 16 }, params: ['lecture.provincial'] },
  { cite: '第十三条第2项', origin: 'text', input: { hours: 2, level: '市级', mode: '授课' }, expect: { credits: 12 }, params: ['lecture.prefecture'] },
  { cite: '第十三条第2项', origin: 'text', input: { hours: 2, level: '县级', mode: '授课' }, expect: { credits: 8 }, params: ['lecture.county'] },
  { cite: '第十三条第2项', origin: 'text', input: { hours: 2, level: '校级', mode: '授课' }, expect: { credits: 4 }, params: ['lecture.school'] },
  { cite: '第十三条第2项', origin: 'text', what: 'lecturing has no performance part: 优 changes nothing, 20', input: { hours: 2, level: '国家级', mode: '授课', grade: '优' }, expect: { credits: 20 } },
  // 第十三条第2项 — role 主讲教师 on a training record is lecturing
  { cite: '第十三条第2项', origin: 'text', what: 'role 主讲教师 on a provincial centralized training, 优: 3 class hours × 8 = 24, no performance part', input: { hours: 3, level: '省级', mode: '集中研修', role: '主讲教师', grade: '优' }, expect: { hours: 3, credits: 24 } },
  { cite: '第十三条第2项', origin: 'text', what: 'role 主讲教师 on a county online course: 2 × 4 = 8', input: { hours: 2, level: '县级', mode: '网络研修', role: '主讲教师' }, expect: { credits: 8 } },
  { cite: '第十三条第2项', origin: 'text', what: 'role 主讲教师 in school-based study: 2 × 2 = 4, no project rate needed', input: { hours: 2, level: '校级', mode: '校本研修', role: '主讲教师' }, expect: { credits: 4, absent: 'RULE_UNDEFINED' } },
  { cite: '第十三条第3项 R-PE1', origin: 'reading', what: 'role 主讲教师 on a county competition contradicts it: a warning, the event rule 6 × 1.5 = 9', input: { mode: '教学比赛', level: '县级', role: '主讲教师' }, expect: { credits: 9, issue: 'ROLE_CONTRADICTS_MODE' }, readings: ['R-PE1'] },
  { cite: '第十三条第5项 R-PE2', origin: 'reading', what: 'role 主讲教师 on degree study contradicts it: a warning, 48', input: { mode: '学历提高', role: '主讲教师' }, expect: { credits: 48, issue: 'ROLE_CONTRADICTS_MODE' }, readings: ['R-PE2'] },
  { cite: '第十三条第2项', origin: 'text', what: 'role 课程专家 is not named by the text: county centralized 24 h at 1 = 24', input: { hours: 24, level: '县级', mode: '集中研修', role: '课程专家' }, expect: { credits: 24, absent: 'ROLE_CONTRADICTS_MODE' } },
  // 第十三条第3项 — teaching-research activities and competitions
  { cite: '第十三条第3项', origin: 'text', what: 'national competition, first prize: 6 × 3 × 1.2 = 21.6', input: { mode: '教学比赛', level: '国家级', award: '一等奖' }, expect: { hours: 6, credits: 21.6 }, params: ['eventHours', 'eventRate.national', 'award.first'] },
  { cite: '第十三条第3项', origin: 'text', what: 'provincial, second prize: 6 × 2.5 × 1.15 = 17.25', input: { mode: '教学比赛', level: '省级', award: '二等奖' }, expect: { credits: 17.25 }, params: ['eventRate.provincial', 'award.second'] },
  { cite: '第十三条第3项', origin: 'text', what: 'city, third prize: 6 × 2 × 1.1 = 13.2', input: { mode: '教研活动', level: '市级', award: '三等奖' }, expect: { credits: 13.2 }, params: ['eventRate.prefecture', 'award.third'] },
  { cite: '第十三条第3项 R-PE1', origin: 'reading', what: 'county event without a prize: base 6 × 1.5 = 9', input: { mode: '教研活动', level: '县级' }, expect: { hours: 6, credits: 9 }, params: ['eventRate.county'], readings: ['R-PE1'] },
  { cite: '第十三条第3项 R-PE1', origin: 'reading', what: 'county event, award 无: 9', input: { mode: '教学比赛', level: '县级', award: '无' }, expect: { credits: 9 }, readings: ['R-PE1'] },
  { cite: '第十三条第3项', origin: 'text', what: 'a school-level event does not count (县级及以上)', input: { mode: '教学比赛', level: '校级', award: '一等奖' }, expect: { credits: null, issue: 'LEVEL_NOT_COVERED' } },
  // 第十三条第4项 — research projects
  { cite: '第十三条第4项', origin: 'text', what: 'national research host 优: 12 × 3 × 1.2 = 43.2', input: { mode: '课题', level: '国家级', role: '主持人', grade: '优' }, expect: { hours: 12, credits: 43.2 }, params: ['researchHours.host'] },
  { cite: '第十三条第4项', origin: 'text', what: 'county research participant 中: 6 × 1.5 × 1.1 = 9.9', input: { mode: '课题', level: '县级', role: '参与人', grade: '中' }, expect: { hours: 6, credits: 9.9 }, params: ['researchHours.participant'] },
  { cite: '第十三条第4项', origin: 'text', what: 'provincial participant 良: 6 × 2.5 × 1.15 = 17.25', input: { mode: '课题研究', level: '省级', role: '参与人', grade: '良' }, expect: { credits: 17.25 } },
  { cite: '第十三条第4项', origin: 'text', what: 'city host 合格: 12 × 2 = 24', input: { mode: '课题', level: '市级', role: '主持人', grade: '合格' }, expect: { credits: 24 } },
  { cite: '第十三条第4项', origin: 'text', what: 'a school-level project does not count (县级及以上)', input: { mode: '课题', level: '校级', role: '主持人' }, expect: { credits: null, issue: 'LEVEL_NOT_COVERED' } },
  // 第十三条第5项 — degree study (R-PE2)
  { cite: '第十三条第5项 R-PE2', origin: 'reading', what: 'degree study: 48 h a year at rate 1 = 48', input: { mode: '学历提高' }, expect: { hours: 48, credits: 48 }, params: ['degreeHoursPerYear', 'degreeRate'], readings: ['R-PE2'] },
  { cite: '第十三条第5项 R-PE2', origin: 'reading', what: 'degree study with an override rate of 2: 96', input: { mode: '学历提高', overrides: { degreeRate: 2 } }, expect: { hours: 48, credits: 96 }, readings: ['R-PE2'] },
  // 第十条 — onboarding is shown, not counted
  { cite: '第十条', origin: 'text', what: 'new-teacher onboarding: 120 h shown, no credits', input: { hours: 120, mode: '上岗培训' }, expect: { hours: 120, credits: 0 } },
  // R-PE6 — which mode a form belongs to
  { cite: '第七条 R-PE6', origin: 'reading', what: 'class-teacher training is centralized: county 24 h → 24', input: { hours: 24, level: '县级', mode: '班主任培训' }, expect: { credits: 24 }, readings: ['R-PE6'] },
  { cite: '第七条 R-PE6', origin: 'reading', what: 'follow-along is centralized: provincial rate 2 × 24 = 48', input: { hours: 24, level: '省级', mode: '跟班培训', rate: 2 }, expect: { credits: 48 }, readings: ['R-PE6'] },
  { cite: '附件3 五(六) R-PE6', origin: 'reading', what: '师徒结对 is school-based: 10 h at the project’s rate 1 = 10', input: { hours: 10, mode: '师徒结对', rate: 1 }, expect: { credits: 10 }, readings: ['R-PE6'] },
  { cite: '第十一条、第十三条', origin: 'text', what: 'an exam is registered nowhere in the Pu’er texts', input: { hours: 3, level: '县级', mode: '专业考试' }, expect: { credits: null, issue: 'MODE_NOT_COVERED' } },
]);

// ---- judgement ------------------------------------------------------------------

type Rec = RecordInput;
const on = (year: number, hours: number, extra: Rec = {}): Rec => ({ year, mode: '网络研修', level: '省级', hours, ...extra });
const ce = (year: number, hours: number, extra: Rec = {}): Rec => ({ year, mode: '集中研修', level: '县级', hours, ...extra });
/** School-based rows carry their project's rate (1): the text sets no default for them (R-PE7). */
const sb = (year: number, hours: number, extra: Rec = {}): Rec => ({ year, mode: '校本研修', level: '校级', hours, rate: 1, ...extra });
/** A year exactly at every minimum: 24 h online (provincial), 24 h centralized (county), 24 h school-based, all at rate 1. */
const Y = (year: number, extra: Rec = {}): Rec[] => [on(year, 24, extra), ce(year, 24, extra), sb(year, 24, extra)];
const CYCLE = [2022, 2023, 2024, 2025, 2026];

/** A centralized row with no rate and the credits the administrator entered (R-PE8). */
const entered = (level: string, hours: number, credits: number, extra: Rec = {}): Rec => ({ year: 2026, mode: '集中研修', level, hours, credits, ...extra });
/** The exact-modules cycle of 细则三 (30 / 60 / 120 / 30 / 120); `sbModule` is the school-based rows’ module. */
const modules = (sbModule: Rec): Rec[] => [
  ...CYCLE.flatMap((y) => [on(y, 24, { category: '专业能力' }), sb(y, 24, sbModule)]),
  ce(2022, 24, { category: '专业理念与师德' }),
  ce(2023, 6, { category: '专业理念与师德' }), ce(2023, 18, { category: '专业知识' }),
  ce(2024, 24, { category: '专业知识' }),
  ce(2025, 18, { category: '专业知识' }), ce(2025, 6, { category: '班级管理' }),
  ce(2026, 24, { category: '班级管理' }),
];

/** Passing teachers for the school test: 2025, a finished year (cycle 2025–2029, seen in 2026). */
const passing = (teacher: string, school: string): Rec[] => Y(2025, { teacher, school });

export const judgements = judgementTable('puer', [
  // 第十条, 细则三/四 — the year
  {
    cite: '第十条', origin: 'boundary', what: 'a year exactly at every minimum (72 h, 72 credits, 24 + 24 + 24, county-or-above 48) passes',
    input: { cycleStart: 2026, records: Y(2026) },
    expect: {
      years: { 2026: { pass: true, hours: 72, credits: 72 } },
      met: {
        '2026.yearHours': true, '2026.yearCredits': true, '2026.onlineHours': true, '2026.onlineCredits': true,
        '2026.centralizedHours': true, '2026.centralizedCredits': true, '2026.schoolBasedHours': true, '2026.schoolBasedCredits': true, '2026.countyAbove': true,
      },
    },
    params: ['yearHours', 'yearCredits', 'modeYearHours', 'modeYearCredits', 'countyAboveYearCredits'],
  },
  {
    cite: '细则四(三) R-PE4', origin: 'boundary', what: 'online 23 h + centralized 25 h: 72 h in all, but online is short and the modes do not offset',
    input: { cycleStart: 2026, records: [on(2026, 23), ce(2026, 25), sb(2026, 24)] },
    expect: { years: { 2026: { pass: false, hours: 72, credits: 72 } }, met: { '2026.onlineHours': false, '2026.onlineCredits': false, '2026.centralizedHours': true, '2026.yearHours': true } },
    readings: ['R-PE4'],
  },
  {
    cite: '第十条', origin: 'boundary', what: 'school-based 46 h at 0.5 = 23 credits: short on school-based credits though 75.8 in all',
    input: { cycleStart: 2026, records: [on(2026, 24, { grade: '优' }), ce(2026, 24), sb(2026, 46, { rate: 0.5 })] },
    expect: { years: { 2026: { pass: false, hours: 94, credits: 75.8 } }, met: { '2026.schoolBasedCredits': false, '2026.schoolBasedHours': true, '2026.yearCredits': true } },
  },
  {
    cite: '第十条', origin: 'boundary', what: 'year credits 71.9 (school-based 47.8 h at 0.5 = 23.9) fails',
    input: { cycleStart: 2026, records: [on(2026, 24), ce(2026, 24), sb(2026, 47.8, { rate: 0.5 })] },
    expect: { years: { 2026: { pass: false, hours: 95.8, credits: 71.9 } }, met: { '2026.yearCredits': false, '2026.yearHours': true } },
  },
  {
    cite: '第十条 R-PE3', origin: 'boundary', what: 'county-or-above exactly 48 credits (online at school level, centralized county 48 h) passes',
    input: { cycleStart: 2026, records: [on(2026, 24, { level: '校级' }), ce(2026, 48), sb(2026, 24)] },
    expect: { years: { 2026: { pass: true, hours: 96, credits: 96 } }, met: { '2026.countyAbove': true } },
    readings: ['R-PE3'],
  },
  {
    cite: '第十条 R-PE3', origin: 'boundary', what: 'county-or-above 47 credits fails the year',
    input: { cycleStart: 2026, records: [on(2026, 24, { level: '校级' }), ce(2026, 47), sb(2026, 24)] },
    expect: { years: { 2026: { pass: false, hours: 95, credits: 95 } }, met: { '2026.countyAbove': false } },
    readings: ['R-PE3'],
  },
  {
    cite: '附件3 三 R-PE5', origin: 'boundary', what: 'school-based exactly 48 h: all counted (96 h)',
    input: { cycleStart: 2026, records: [on(2026, 24), ce(2026, 24), sb(2026, 48)] },
    expect: { years: { 2026: { pass: true, hours: 96, credits: 96 } } },
    params: ['schoolBasedYearHoursCap'],
    readings: ['R-PE5'],
  },
  {
    cite: '附件3 三 R-PE5', origin: 'boundary', what: 'school-based 49 h: 48 h counted, all 49 credits count',
    input: { cycleStart: 2026, records: [on(2026, 24), ce(2026, 24), sb(2026, 49)] },
    expect: { years: { 2026: { pass: true, hours: 96, credits: 97 } } },
    readings: ['R-PE5'],
  },
  {
    cite: '附件3 三 R-PE5', origin: 'reading', what: 'school-based 60 h: 48 h counted, 60 credits',
    input: { cycleStart: 2026, records: [on(2026, 24), ce(2026, 24), sb(2026, 60)] },
    expect: { years: { 2026: { pass: true, hours: 96, credits: 108 } } },
    readings: ['R-PE5'],
  },
  // the cycle
  {
    cite: '第十条、细则三', origin: 'boundary', what: 'five exact years: 360 h, 360 credits, 120 h each mode, 240 county-or-above, 120 school-based: passes',
    input: { cycleStart: 2022, records: CYCLE.flatMap((y) => Y(y)) },
    expect: {
      cycle: { pass: true, hours: 360, credits: 360 },
      met: {
        'cycle.cycleHours': true, 'cycle.cycleCredits': true, 'cycle.onlineCycleHours': true, 'cycle.centralizedCycleHours': true,
        'cycle.schoolBasedCycleHours': true, 'cycle.countyAboveCycle': true, 'cycle.schoolBasedCycleCredits': true,
      },
    },
    params: ['cycleHours', 'cycleCredits', 'modeCycleHours', 'countyAboveCycleCredits', 'schoolBasedCycleCredits'],
  },
  {
    cite: '第十条、细则三', origin: 'boundary', what: 'one online hour short: 359 h, online 119 h: fails',
    input: { cycleStart: 2022, records: [...CYCLE.slice(0, 4).flatMap((y) => Y(y)), on(2026, 23), ce(2026, 24), sb(2026, 24)] },
    expect: { cycle: { pass: false, hours: 359, credits: 359 }, met: { 'cycle.cycleHours': false, 'cycle.cycleCredits': false, 'cycle.onlineCycleHours': false, 'cycle.centralizedCycleHours': true } },
  },
  {
    cite: '细则四(三) R-PE4', origin: 'reading', what: 'two years each missing a mode fail, but their records still make the cycle',
    input: { cycleStart: 2022, records: [ce(2022, 48), sb(2022, 24), on(2023, 48), sb(2023, 24), ...CYCLE.slice(2).flatMap((y) => Y(y))] },
    expect: { years: { 2022: { pass: false }, 2023: { pass: false }, 2024: { pass: true } }, cycle: { pass: true, hours: 360, credits: 360 } },
    readings: ['R-PE4'],
  },
  {
    cite: '第十条 R-PE3', origin: 'boundary', what: 'county-or-above 239 in the cycle fails',
    input: { cycleStart: 2022, records: [...CYCLE.slice(0, 4).flatMap((y) => Y(y)), on(2026, 23), on(2026, 1, { level: '校级' }), ce(2026, 24), sb(2026, 24)] },
    expect: { cycle: { pass: false, hours: 360, credits: 360 }, met: { 'cycle.countyAboveCycle': false, 'cycle.onlineCycleHours': true } },
    readings: ['R-PE3'],
  },
  {
    cite: '第十条 R-PE3', origin: 'boundary', what: 'school-based credits 119 in the cycle fail (hours 383, credits 360)',
    input: { cycleStart: 2022, records: [...CYCLE.slice(0, 4).flatMap((y) => Y(y)), on(2026, 25), ce(2026, 24), sb(2026, 46, { rate: 0.5 })] },
    expect: { cycle: { pass: false, hours: 383, credits: 360 }, met: { 'cycle.schoolBasedCycleCredits': false, 'cycle.cycleCredits': true, 'cycle.schoolBasedCycleHours': true } },
    readings: ['R-PE3'],
  },
  // 细则三 — modules, where the roster has them
  {
    cite: '细则三', origin: 'boundary', what: 'modules exactly 30 / 60 / 120 / 30 / 120: passes',
    input: {
      cycleStart: 2022,
      records: [
        ...CYCLE.flatMap((y) => [on(y, 24, { category: '专业能力' }), sb(y, 24, { category: '校本研修' })]),
        ce(2022, 24, { category: '专业理念与师德' }),
        ce(2023, 6, { category: '专业理念与师德' }), ce(2023, 18, { category: '专业知识' }),
        ce(2024, 24, { category: '专业知识' }),
        ce(2025, 18, { category: '专业知识' }), ce(2025, 6, { category: '班级管理' }),
        ce(2026, 24, { category: '班级管理' }),
      ],
    },
    expect: {
      cycle: { pass: true, credits: 360 },
      met: { 'cycle.module.ethics': true, 'cycle.module.knowledge': true, 'cycle.module.ability': true, 'cycle.module.classManagement': true, 'cycle.module.schoolBased': true },
    },
    params: ['module.ethics', 'module.knowledge', 'module.ability', 'module.classManagement', 'module.schoolBased'],
  },
  {
    cite: '细则三', origin: 'boundary', what: 'ethics 29 (knowledge 61): fails',
    input: {
      cycleStart: 2022,
      records: [
        ...CYCLE.flatMap((y) => [on(y, 24, { category: '专业能力' }), sb(y, 24, { category: '校本研修' })]),
        ce(2022, 24, { category: '专业理念与师德' }),
        ce(2023, 5, { category: '专业理念与师德' }), ce(2023, 19, { category: '专业知识' }),
        ce(2024, 24, { category: '专业知识' }),
        ce(2025, 18, { category: '专业知识' }), ce(2025, 6, { category: '班级管理' }),
        ce(2026, 24, { category: '班级管理' }),
      ],
    },
    expect: { cycle: { pass: false, credits: 360 }, met: { 'cycle.module.ethics': false, 'cycle.module.knowledge': true } },
  },
  {
    cite: '细则三', origin: 'reading', what: 'school-based rows without a module count in the 校本研修 module: 120, passes',
    input: { cycleStart: 2022, records: modules({}) },
    expect: { cycle: { pass: true, credits: 360 }, met: { 'cycle.module.schoolBased': true, 'cycle.module.ability': true } },
    readings: ['R-PE9'],
  },
  {
    cite: '细则三', origin: 'reading', what: 'a module column blank on every row is as good as absent: module conditions are not judged, and the cycle says so',
    input: { cycleStart: 2022, records: CYCLE.flatMap((y) => Y(y, { category: '' })) },
    expect: {
      cycle: { pass: true, credits: 360 }, note: 'module (category) column is blank',
      noCondition: ['cycle.module.ethics', 'cycle.module.knowledge', 'cycle.module.ability', 'cycle.module.classManagement', 'cycle.module.schoolBased'],
    },
    readings: ['R-PE9'],
  },
  {
    cite: '第八条', origin: 'reading', what: 'a self-selected column blank on every row: the 60 % share is not judged, and the cycle says so',
    input: { cycleStart: 2022, records: CYCLE.flatMap((y) => Y(y, { selfSelected: '' })) },
    expect: { cycle: { pass: true, credits: 360 }, note: 'self-selected column is blank', noCondition: ['cycle.selfSelected'] },
    readings: ['R-PE9'],
  },
  // R-PE8 — no rate, but entered credits: the rate they imply, within its range
  {
    cite: '第十一条第1项 R-PE8', origin: 'reading', what: 'provincial centralized 24 h entered as 48 credits: rate 2 (in 1–2.5), 48 counted, no CREDITS_MISMATCH',
    input: { cycleStart: 2026, records: [on(2026, 24), entered('省级', 24, 48), sb(2026, 24)] },
    expect: { years: { 2026: { pass: true, hours: 72, credits: 96 } }, absent: 'CREDITS_MISMATCH' },
    readings: ['R-PE8'],
  },
  {
    cite: '第十一条第1、3项 R-PE8', origin: 'reading', what: 'with 良: 55.2 ÷ (24 × 1.15) = 2, and 24 × 2 × 1.15 = 55.2 again',
    input: { cycleStart: 2026, records: [on(2026, 24), entered('省级', 24, 55.2, { grade: '良' }), sb(2026, 24)] },
    expect: { years: { 2026: { credits: 103.2 } }, absent: 'CREDITS_MISMATCH' },
    readings: ['R-PE8'],
  },
  {
    cite: '第十一条第1项 R-PE8', origin: 'boundary', what: 'provincial 24 h entered as 60: rate 2.5, the upper bound, 60 counted',
    input: { cycleStart: 2026, records: [on(2026, 24), entered('省级', 24, 60), sb(2026, 24)] },
    expect: { years: { 2026: { credits: 108 } }, absent: 'CREDITS_MISMATCH' },
    readings: ['R-PE8'],
  },
  {
    cite: '第十一条第1项 R-PE8', origin: 'boundary', what: 'provincial 24 h entered as 60.24: rate 2.51, over 2.5: an error, the row does not count',
    input: { cycleStart: 2026, records: [on(2026, 24), entered('省级', 24, 60.24), sb(2026, 24)] },
    expect: { years: { 2026: { pass: false, hours: 48, credits: 48 } }, issue: 'IMPLIED_RATE_OUT_OF_RANGE' },
    readings: ['R-PE8'],
  },
  {
    cite: '第十一条第1项 R-PE8', origin: 'boundary', what: 'county 24 h entered as 23.76: rate 0.99, under 1: an error',
    input: { cycleStart: 2026, records: [entered('县级', 24, 23.76)] },
    expect: { years: { 2026: { hours: 0, credits: 0 } }, issue: 'IMPLIED_RATE_OUT_OF_RANGE' },
    readings: ['R-PE8'],
  },
  {
    cite: '第十一条第1、3项 R-PE8', origin: 'reading', what: 'rounding: county 7 h 良 entered as 12.08 → 12.08 ÷ 8.05 = 1.5006 → 1.5; 7 × 1.5 × 1.15 = 12.075 → 12.08 again',
    input: { cycleStart: 2026, records: [entered('县级', 7, 12.08, { grade: '良' })] },
    expect: { years: { 2026: { hours: 7, credits: 12.08 } }, absent: 'CREDITS_MISMATCH' },
    readings: ['R-PE8'],
  },
  {
    cite: '第十一条第1项 R-PE8', origin: 'reading', what: 'county 300 h entered as 400: 1.333… → 1.33, and 300 × 1.33 = 399 differs from 400: CREDITS_MISMATCH',
    input: { cycleStart: 2026, records: [entered('县级', 300, 400)] },
    expect: { years: { 2026: { credits: 399 } }, issue: 'CREDITS_MISMATCH' },
    readings: ['R-PE8'],
  },
  {
    cite: '第十一条 R-PE8', origin: 'reading', what: 'school-level centralized 10 h entered as 5: rate 0.5 taken (the text sets no range there), not UNDEFINED',
    input: { cycleStart: 2026, records: [entered('校级', 10, 5)] },
    expect: { years: { 2026: { credits: 5 } }, absent: 'RULE_UNDEFINED' },
    readings: ['R-PE8'],
  },
  {
    cite: '附件3 六(四) R-PE7 R-PE8', origin: 'reading', what: 'school-based 24 h without a rate, entered as 24: rate 1 (in 0.5–1), the year passes',
    input: { cycleStart: 2026, records: [on(2026, 24), ce(2026, 24), { year: 2026, mode: '校本研修', level: '校级', hours: 24, credits: 24 }] },
    expect: { years: { 2026: { pass: true, credits: 72 } }, absent: 'RULE_UNDEFINED' },
    readings: ['R-PE7', 'R-PE8'],
  },
  {
    cite: '附件3 六(四) R-PE7 R-PE8', origin: 'boundary', what: 'school-based 24 h entered as 9.6: rate 0.4, under 0.5: an error',
    input: { cycleStart: 2026, records: [on(2026, 24), ce(2026, 24), { year: 2026, mode: '校本研修', level: '校级', hours: 24, credits: 9.6 }] },
    expect: { years: { 2026: { credits: 48 } }, issue: 'IMPLIED_RATE_OUT_OF_RANGE' },
    readings: ['R-PE8'],
  },
  {
    cite: '附件3 六(四) R-PE7', origin: 'reading', what: 'school-based 24 h with no rate and no credits: UNDEFINED, the year counts 48 and names one undefined record',
    input: { cycleStart: 2026, records: [on(2026, 24), ce(2026, 24), { year: 2026, mode: '校本研修', level: '校级', hours: 24 }] },
    expect: { years: { 2026: { pass: false, hours: 72, credits: 48, undefinedCredits: 1 } }, issue: 'RULE_UNDEFINED', met: { '2026.schoolBasedHours': true, '2026.schoolBasedCredits': false } },
    readings: ['R-PE7'],
  },
  {
    cite: '附件3 六(四) R-PE7', origin: 'reading', what: 'the same with the workbook’s school-based rate 1 (override): 72, passes',
    input: { cycleStart: 2026, overrides: { 'rate.schoolBased': 1 }, records: [on(2026, 24), ce(2026, 24), { year: 2026, mode: '校本研修', level: '校级', hours: 24 }] },
    expect: { years: { 2026: { pass: true, credits: 72, undefinedCredits: 0 } } },
    readings: ['R-PE7'],
  },
  // 第二条 — 在职在岗专任教师: years before the hire year are not assessed
  {
    cite: '第二条', origin: 'text', what: 'hired 2024: 2022 and 2023 are not assessed (not failed); 2024 passes',
    input: { cycleStart: 2022, records: [...Y(2024, { hireYear: 2024 }), ...Y(2025), ...Y(2026)] },
    expect: { years: { 2022: { pass: null, hours: 0, note: 'before the hire year 2024' }, 2023: { pass: null }, 2024: { pass: true } }, note: 'before the hire year 2024' },
  },
  // 第八条 — self-selected ≥ 60 %
  {
    cite: '第八条', origin: 'boundary', what: 'self-selected exactly 216 of 360 (60 %): passes',
    input: { cycleStart: 2022, records: [...CYCLE.slice(0, 3).flatMap((y) => Y(y, { selfSelected: '是' })), ...CYCLE.slice(3).flatMap((y) => Y(y, { selfSelected: '否' }))] },
    expect: { cycle: { pass: true, credits: 360 }, met: { 'cycle.selfSelected': true } },
    params: ['selfSelectedShare'],
  },
  {
    cite: '第八条', origin: 'boundary', what: 'self-selected 215 of 360: fails',
    input: {
      cycleStart: 2022,
      records: [
        ...CYCLE.slice(0, 2).flatMap((y) => Y(y, { selfSelected: '是' })),
        on(2024, 24, { selfSelected: '是' }), ce(2024, 23, { selfSelected: '是' }), ce(2024, 1, { selfSelected: '否' }), sb(2024, 24, { selfSelected: '是' }),
        ...CYCLE.slice(3).flatMap((y) => Y(y, { selfSelected: '否' })),
      ],
    },
    expect: { cycle: { pass: false, credits: 360 }, met: { 'cycle.selfSelected': false } },
  },
  // 细则三 — class teachers ≥ 30 h of class-teacher training
  {
    cite: '细则三', origin: 'boundary', what: 'a class teacher with exactly 30 h of class-teacher training passes',
    input: {
      cycleStart: 2022,
      records: [
        on(2022, 24, { classTeacher: '是' }), ce(2022, 24, { mode: '班主任培训' }), sb(2022, 24),
        on(2023, 24), ce(2023, 6, { mode: '班主任培训' }), ce(2023, 18), sb(2023, 24),
        ...CYCLE.slice(2).flatMap((y) => Y(y)),
      ],
    },
    expect: { cycle: { pass: true, credits: 360 }, met: { 'cycle.classTeacherHours': true } },
    params: ['classTeacherHours'],
  },
  {
    cite: '细则三', origin: 'boundary', what: 'a class teacher with 29 h fails',
    input: {
      cycleStart: 2022,
      records: [
        on(2022, 24, { classTeacher: '是' }), ce(2022, 24, { mode: '班主任培训' }), sb(2022, 24),
        on(2023, 24), ce(2023, 5, { mode: '班主任培训' }), ce(2023, 19), sb(2023, 24),
        ...CYCLE.slice(2).flatMap((y) => Y(y)),
      ],
    },
    expect: { cycle: { pass: false, credits: 360 }, met: { 'cycle.classTeacherHours': false } },
  },
  // 第十条 — onboarding is shown, not counted
  {
    cite: '第十条', origin: 'boundary', what: 'onboarding of 120 h is not counted in the year (72 h) and raises no warning',
    input: { cycleStart: 2026, records: [...Y(2026), { year: 2026, mode: '上岗培训', hours: 120 }] },
    expect: { years: { 2026: { pass: true, hours: 72, credits: 72 } }, absent: 'NEW_TEACHER_HOURS_SHORT', note: 'onboarding 120 h' },
    params: ['newTeacherHours'],
  },
  {
    cite: '第十条', origin: 'boundary', what: 'onboarding of 119 h: a warning (≥ 120 required)',
    input: { cycleStart: 2026, records: [...Y(2026), { year: 2026, mode: '上岗培训', hours: 119 }] },
    expect: { years: { 2026: { pass: true, hours: 72 } }, issue: 'NEW_TEACHER_HOURS_SHORT' },
  },
  // 第十三条第5项 — degree study counts for three years
  {
    cite: '第十三条第5项', origin: 'text', what: 'degree study in four years: the fourth is not counted',
    input: { cycleStart: 2022, records: [2022, 2023, 2024, 2025].map((year): Rec => ({ year, mode: '学历提高' })) },
    expect: { years: { 2022: { hours: 48, credits: 48 }, 2024: { hours: 48, credits: 48 }, 2025: { hours: 0, credits: 0 } }, issue: 'DEGREE_YEARS_EXCEEDED' },
    params: ['degreeMaxYears'],
  },
  // 细则五(三) — a school where ≥ 20 % of teachers fail the year is flagged
  {
    cite: '细则五(三)', origin: 'boundary', what: 'school A: 1 of 5 fails (20 %) → flagged; school B: 1 of 6 (16.7 %) → not',
    input: {
      cycleStart: 2025,
      records: [
        on(2025, 24, { teacher: 'A1', school: '甲校' }),
        ...['A2', 'A3', 'A4', 'A5'].flatMap((t) => passing(t, '甲校')),
        on(2025, 24, { teacher: 'B1', school: '乙校' }),
        ...['B2', 'B3', 'B4', 'B5', 'B6'].flatMap((t) => passing(t, '乙校')),
      ],
    },
    expect: {
      // 2026 is still running on the tables' date (2026-11-23): nobody has failed it yet, so no school is flagged for it
      teacher: 'A1', years: { 2025: { pass: false, status: 'fail' }, 2026: { status: 'inProgress' }, 2027: { pass: null, status: 'inProgress' } },
      schools: [{ school: '乙校', year: 2025, flagged: false }, { school: '甲校', year: 2025, flagged: true }],
    },
    params: ['schoolFailShare'],
  },
]);
