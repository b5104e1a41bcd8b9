// 海南省中小学教师培训学分管理实施办法 (海南省教育厅, 2017) — seeds/000_9b0328503edbd469.txt
// Hours 学时 and credits 学分. Conversion: 第十四条; assessment: 第九条, 第十条.
import { defineParams, defineReadings, Cite, Params, type ParamUse } from './params';
import {
  RegionRules,
  Trace,
  Judging,
  RecordContext,
  JudgeInput,
  RuleContext,
  LecturerRule,
  requireField,
  undefinedParam,
  pv,
  condition,
  allMet,
  byYear,
  yearsOf,
  countUndefined,
  lecturing,
  beforeHire,
  yearsBeforeHire,
  hoursOf,
  creditsOf,
  isCounted,
} from './region';
import { add, sub, product, quotient, fmt, sumOf } from '../core/decimal';
import { t, Text, type Lang } from '../core/text';
import type { Conversion, IssueCode, ConvertedRecord, TrainingRecord, YearJudgement } from '../core/types';
import { foldOnce } from '../core/vocabulary';
import type { Level, Mode } from '../core/vocabulary';

const DOC = '海南省中小学教师培训学分管理实施办法（2017）';
const cite = (article: string, quote?: string): Cite => (quote ? { doc: DOC, article, quote } : { doc: DOC, article });

const A14_2 = cite('第十四条第2项', '参加学历提高培训的…登记当年度培训学时与学分');
const A14_3 = cite(
  '第十四条第3项',
  '国家级、省级、市县级基地集中培训、跟班培训分别给参训合格教师按每天记2学分、1.5学分和1学分，每天折算为8学时；培训时间在1天以内的按每学时记0.2学分，最高不超过所属级别的单天学分。单个培训项目最高不超过10学分。',
);
const A14_4 = cite(
  '第十四条第4项',
  '教师专业考试项目按考试时长计算学时…其他部门或机构组织的教师考试，按学校校级培训给予登分。教师参加校级研训活动每年登记的学分最高不超过6学分。',
);
const A14_5 = cite(
  '第十四条第5项',
  '由主办机构给主讲教师按国家、省、市县和学校四级不同层次，每课时分别记4学分、3学分、2学分、1学分',
);
const A14_6 = cite(
  '第十四条第6项',
  '师徒式培训时间要求2个月以上，按60学时登记学时数，师傅与徒弟可同时获得学分和学时数；2个月内的不计学分、学时。',
);
const A14_7 = cite(
  '第十四条第7项',
  '参加国家级、省级、市县级远程培训或网络研修项目合格的，按项目规定的学时数计算学时，每学时计0.1学分。',
);
const A9 = cite(
  '第九条',
  '教师个人每年要取得的培训学分不少于10学分（其中校级研训每年登记的学分最高不超过6学分）、学时不少于72学时…五年一轮的培训周期内共取得的培训总学分不少于50学分、总学时不少于360学时',
);
const A10 = cite(
  '第十条',
  '新教师的培训从被招聘为教师的第2年起考核；省外引进到我省的教师…其培训从被引进为我省教师的第2年起考核',
);
const A10_HIRE = cite('第十条', '新教师的培训从被招聘为教师的第2年起考核');

export const params = defineParams({
  dayHours: { value: 8, unit: 'hour/day', label: t('每天折算学时', 'hours per day'), cite: A14_3 },
  'dayCredits.national': {
    value: 2,
    unit: 'credit/day',
    label: t('国家级基地培训每天学分', 'national base training, credits per day'),
    cite: A14_3,
  },
  'dayCredits.provincial': {
    value: 1.5,
    unit: 'credit/day',
    label: t('省级基地培训每天学分', 'provincial base training, credits per day'),
    cite: A14_3,
  },
  'dayCredits.prefecture': {
    value: 1,
    unit: 'credit/day',
    label: t('市县级基地培训每天学分', 'city/county base training, credits per day'),
    cite: A14_3,
  },
  'dayCredits.county': {
    value: 1,
    unit: 'credit/day',
    label: t('市县级基地培训每天学分', 'city/county base training, credits per day'),
    cite: A14_3,
  },
  'dayCredits.school': {
    value: null,
    unit: 'credit/day',
    overridable: true,
    max: 10,
    label: t('校级培训每天学分', 'school-level training, credits per day'),
    cite: cite('第十四条（附表）', '附表：海南省中小学教师培训学分折算表（原文未收录附表）'),
  },
  shortHourCredits: {
    value: 0.2,
    unit: 'credit/hour',
    label: t('不足1天按每学时学分', 'credits per hour under one day'),
    cite: A14_3,
  },
  projectCap: {
    value: 10,
    unit: 'credit',
    label: t('单个项目学分上限', 'cap per project'),
    cite: A14_3,
    reading: 'R-HN2',
  },
  'lectureCredits.national': {
    value: 4,
    unit: 'credit/classHour',
    label: t('国家级主讲每课时学分', 'national lecturing, credits per class hour'),
    cite: A14_5,
  },
  'lectureCredits.provincial': {
    value: 3,
    unit: 'credit/classHour',
    label: t('省级主讲每课时学分', 'provincial lecturing, credits per class hour'),
    cite: A14_5,
  },
  'lectureCredits.prefecture': {
    value: 2,
    unit: 'credit/classHour',
    label: t('市县级主讲每课时学分', 'city/county lecturing, credits per class hour'),
    cite: A14_5,
  },
  'lectureCredits.county': {
    value: 2,
    unit: 'credit/classHour',
    label: t('市县级主讲每课时学分', 'city/county lecturing, credits per class hour'),
    cite: A14_5,
  },
  'lectureCredits.school': {
    value: 1,
    unit: 'credit/classHour',
    label: t('校级主讲每课时学分', 'school lecturing, credits per class hour'),
    cite: A14_5,
  },
  mentorshipMinMonths: {
    value: 2,
    unit: 'month',
    label: t('师徒式培训最短时间', 'minimum mentorship duration'),
    cite: A14_6,
  },
  mentorshipHours: {
    value: 60,
    unit: 'hour',
    label: t('师徒式培训登记学时', 'hours registered for mentorship'),
    cite: A14_6,
  },
  mentorshipCredits: {
    value: null,
    unit: 'credit',
    overridable: true,
    max: 60,
    label: t('师徒式培训登记学时对应的学分', 'credits for the registered mentorship hours'),
    cite: A14_6,
  },
  onlineCreditsPerHour: {
    value: 0.1,
    unit: 'credit/hour',
    label: t('远程培训每学时学分', 'online training, credits per hour'),
    cite: A14_7,
  },
  degreeCreditsPerHour: {
    value: null,
    unit: 'credit/hour',
    overridable: true,
    max: 5,
    label: t('学历提高培训每面授学时学分', 'degree study, credits per face-to-face hour'),
    cite: A14_2,
  },
  schoolYearCap: {
    value: 6,
    unit: 'credit',
    label: t('校级研训每年学分上限', 'school-level credits counted per year'),
    cite: A9,
  },
  yearCredits: { value: 10, unit: 'credit', label: t('年度学分', 'credits a year'), cite: A9 },
  yearHours: { value: 72, unit: 'hour', label: t('年度学时', 'hours a year'), cite: A9 },
  cycleCredits: { value: 50, unit: 'credit', label: t('周期学分', 'credits a cycle'), cite: A9 },
  cycleHours: { value: 360, unit: 'hour', label: t('周期学时', 'hours a cycle'), cite: A9 },
});

type Key = keyof typeof params;

/** A parameter's value as the reading summaries quote it. */
const v = (k: Key): string => fmt(params[k].value);

/**
 * What the region's judge reads about each record, set by its conversion: whether its credits are
 * school-level (第九条: at most `schoolYearCap` of them a year) and whether it is base training or an exam,
 * whose rows of one project are capped together (第十四条第3项, R-HN2).
 */
interface Facts {
  schoolLevel: boolean;
  projectCap: boolean;
}
const BLANK: Facts = { schoolLevel: false, projectCap: false };

export const readings = defineReadings([
  {
    id: 'R-HN1',
    article: '第十四条第3项',
    question: '基地培训满8学时以上、但不是整天时如何折算？',
    chosen: 'hours ≥ 8: credits = hours / 8 × the level’s day rate (pro rata for part days)',
    alternatives: ['count whole days only (floor)', 'round up to whole days'],
    summary: t(
      `满${v('dayHours')}学时的按 学时÷${v('dayHours')}×每天学分 按比例折算`,
      `from ${v('dayHours')} hours on, credits = hours ÷ ${v('dayHours')} × the day rate, pro rata`,
    ),
  },
  {
    id: 'R-HN2',
    article: '第十四条第3项',
    question: '“单个培训项目最高不超过10学分”适用于哪些项目？按行还是按项目？',
    chosen:
      'base training (centralized, follow-along) and exams only: the sentence is written inside item 3; per project: rows of one teacher with the same project name in one year are one project, capped together',
    alternatives: ['every project of every mode, lecturing and online included', 'per row: each row capped on its own'],
    summary: t(
      `${v('projectCap')}学分上限只适用于基地培训和专业考试（该句写在第3项内）；同一教师同一年度项目名称相同的各行是一个项目，合计不超过${v('projectCap')}学分`,
      `the ${v('projectCap')}-credit cap applies to base training and exams only (it is written inside item 3); rows of one teacher with the same project name in one year are one project, capped together`,
    ),
  },
  {
    id: 'R-HN3',
    article: '第十四条第4项',
    question: '专业考试的学分如何计算？',
    chosen:
      'credits follow base training at the organizing level; exams below county level or by other bodies are school-level training',
    alternatives: ['hours only, no credits'],
    summary: t(
      '专业考试按组织级别的基地培训折算学分；县级以下或非教育部门组织的按校级培训',
      'exams earn credits as base training at the organizing level; below county level they are school-level training',
    ),
  },
  {
    id: 'R-HN4',
    article: '第十四条第5项',
    question: '主讲教师登记的学时是多少？',
    chosen: 'the registered hours equal the class hours taught',
    alternatives: ['no hours, credits only'],
    summary: t('主讲登记学时 = 授课课时', 'lecturers register the class hours taught as hours'),
  },
  {
    id: 'R-HN5',
    article: '第九条',
    question: '周期总学分是否受每年校级6学分上限约束？',
    chosen: 'the cycle’s credits are the sum of each year’s counted credits, after the school-level cap',
    alternatives: ['sum of all credits, uncapped'],
    summary: t(
      `周期学分 = 各年度计入学分（已扣除校级超出${v('schoolYearCap')}学分部分）之和`,
      'cycle credits are the sum of yearly counted credits, after the school-level cap',
    ),
  },
  {
    id: 'R-HN6',
    article: '第十四条第3项',
    question: '教研活动、新教师培训、班主任培训、支教送教如何折算？',
    chosen:
      'as base training at their level: 第十四条3 includes teaching-research activities confirmed by city/county departments in base training',
    alternatives: ['not registrable without the missing 附表'],
    summary: t(
      '教研活动、新教师培训、班主任培训、支教送教按其级别的基地培训折算',
      'teaching-research activities, new-teacher, class-teacher and support training count as base training at their level',
    ),
  },
]);

/** 市县级 is one level in Hainan; 区级 (a district) is county level. */
const levelAliases: Record<string, Level> = { 市县级: 'prefecture', 市县: 'prefecture', 区级: 'county' };

const BASE_MODES: ReadonlySet<Mode> = new Set([
  'centralized',
  'followAlong',
  'exam',
  'competition',
  'newTeacher',
  'classTeacher',
  'support',
  'schoolBased',
]);
/**
 * 第十四条第5项 credits the 主讲教师 of training activities (competitions, demonstration
 * lessons, lectures): a 主讲教师 on any training row is lecturing. An exam (第4项) or
 * degree study (第2项) has no lecturer, nor has 师徒式培训 (第6项, 师傅/徒弟).
 */
const LECTURER: LecturerRule = {
  roles: new Set(['lecturer']),
  training: new Set([
    'centralized',
    'followAlong',
    'online',
    'schoolBased',
    'competition',
    'newTeacher',
    'classTeacher',
    'support',
  ]),
  cite: A14_5,
};
const LEVEL_ZH: Record<Level, string> = {
  national: '国家级',
  provincial: '省级',
  prefecture: '市县级',
  county: '市县级',
  school: '校级',
};

const W_HN_14_4_SCHOOL = (lang: Lang) =>
  lang === 'zh' ? '校本/校级研训按校级培训登记' : 'school-based activities are registered as school-level training';

const W_HN_14_3_SHORT = (
  lang: Lang,
  hours: number,
  perHour: ParamUse,
  raw: number,
  lvl: 'national' | 'provincial' | 'prefecture' | 'county' | 'school',
  rate: ParamUse,
  c: number,
) =>
  lang === 'zh'
    ? `${fmt(hours)} 学时不足1天：${fmt(hours)} × ${pv(perHour)} = ${fmt(raw)}，不超过${LEVEL_ZH[lvl]}单天 ${pv(rate)} → ${fmt(c)} 学分`
    : `${fmt(hours)} h is under one day: ${fmt(hours)} × ${pv(perHour)} = ${fmt(raw)}, at most the ${lvl} day rate ${pv(rate)} → ${fmt(c)} credits`;

const W_HN_14_3_DAY = (
  lang: Lang,
  hours: number,
  value: number | null,
  lvl: 'national' | 'provincial' | 'prefecture' | 'county' | 'school',
  rate: ParamUse,
  c: number,
) =>
  lang === 'zh'
    ? `${fmt(hours)} 学时 ÷ ${fmt(value)} × ${LEVEL_ZH[lvl]}每天 ${pv(rate)} = ${fmt(c)} 学分`
    : `${fmt(hours)} h ÷ ${fmt(value)} × ${lvl} day rate ${pv(rate)} = ${fmt(c)} credits`;

const W_HN_14_3_CAP = (lang: Lang, value: number | null, c: number) =>
  lang === 'zh'
    ? `单个项目最高 ${fmt(value)} 学分：${fmt(c)} → ${fmt(value)}`
    : `one project earns at most ${fmt(value)} credits: ${fmt(c)} → ${fmt(value)}`;

const W_HN_14_3_CAP_2 = (lang: Lang, value: number | null) =>
  lang === 'zh' ? `恰好达到单个项目最高 ${fmt(value)} 学分` : `exactly the ${fmt(value)} credits one project may earn`;

function baseTraining(
  rec: TrainingRecord,
  ctx: RecordContext<Key>,
  tr: Trace<Facts>,
  hours: number,
  level: Level,
): Conversion<Facts> {
  const p = ctx.params;
  const schoolLevel = level === 'school' || rec.mode === 'schoolBased';
  const lvl: Level = schoolLevel ? 'school' : level;
  tr.facts.schoolLevel = schoolLevel;
  // the rows of one project are capped together in the year (judgeYear)
  tr.facts.projectCap = true;
  const readings =
    rec.mode === 'exam'
      ? ['R-HN3']
      : rec.mode && ['competition', 'newTeacher', 'classTeacher', 'support'].includes(rec.mode)
        ? ['R-HN6']
        : [];
  if (rec.mode === 'schoolBased' && level !== 'school') {
    tr.step('HN-14.4-school', A14_4, W_HN_14_4_SCHOOL, []);
  }
  const rate = p.use(`dayCredits.${lvl}`);
  if (rate.value === null)
    return tr.done(
      hours,
      undefinedParam(
        tr,
        rate,
        t(`${LEVEL_ZH[lvl]}培训每天学分`, 'school-level training credits per day'),
        lvl === 'school' ? p.def(rate.key).cite : A14_3,
      ),
    );
  const dayHours = p.use('dayHours');
  const perHour = p.use('shortHourCredits');
  let credits: number;
  if (hours < dayHours.value!) {
    const raw = product(hours, perHour.value!);
    const c = (credits = Math.min(raw, rate.value));
    tr.step('HN-14.3-short', A14_3, W_HN_14_3_SHORT, [hours, perHour, raw, lvl, rate, c], {
      readings,
      params: [perHour, rate],
    });
  } else {
    const c = (credits = quotient([hours, rate.value], [dayHours.value!]));
    tr.step('HN-14.3-day', A14_3, W_HN_14_3_DAY, [hours, dayHours.value, lvl, rate, c], {
      readings: ['R-HN1', ...readings],
      params: [dayHours, rate],
    });
  }
  const cap = p.use('projectCap');
  if (credits > cap.value!) {
    const c = credits;
    tr.step('HN-14.3-cap', A14_3, W_HN_14_3_CAP, [cap.value, c], { readings: ['R-HN2'], params: [cap] });
    credits = cap.value!;
  } else if (credits === cap.value) {
    tr.step('HN-14.3-cap', A14_3, W_HN_14_3_CAP_2, [cap.value], { readings: ['R-HN2'], params: [cap] });
  }
  return tr.done(hours, credits);
}

const W_HN_14_FAIL = (lang: Lang) =>
  lang === 'zh' ? '考核不合格：不登记学时学分' : 'failed assessment: no hours, no credits';

const W_HN_14_6_SHORT = (lang: Lang, months: number | undefined, value: number | null) =>
  lang === 'zh'
    ? `师徒式培训 ${fmt(months)} 个月，不足 ${fmt(value)} 个月：不计学分、学时`
    : `mentorship of ${fmt(months)} months is under ${fmt(value)}: no hours, no credits`;

const W_HN_14_6_HOURS = (lang: Lang, months: number | undefined, minValue: number | null, hValue: number | null) =>
  lang === 'zh'
    ? `师徒式培训 ${fmt(months)} 个月（≥${fmt(minValue)}）：登记 ${fmt(hValue)} 学时`
    : `mentorship of ${fmt(months)} months (≥ ${fmt(minValue)}): ${fmt(hValue)} hours registered`;

const W_HN_14_6_CREDITS = (lang: Lang, c: ParamUse) =>
  lang === 'zh' ? `师徒式培训学分 ${pv(c)}` : `mentorship credits ${pv(c)}`;

const W_HN_14_5 = (
  lang: Lang,
  hours: number | undefined,
  level: 'national' | 'provincial' | 'prefecture' | 'county' | 'school',
  rate: ParamUse,
  credits: number,
) =>
  lang === 'zh'
    ? `主讲 ${fmt(hours)} 课时 × ${LEVEL_ZH[level]}每课时 ${pv(rate)} = ${fmt(credits)} 学分；登记学时 = 课时（不设项目上限）`
    : `lecturing ${fmt(hours)} class hours × ${level} rate ${pv(rate)} = ${fmt(credits)} credits; hours registered = class hours (no per-project cap)`;

const W_HN_14_4_SCHOOL_2 = (lang: Lang) =>
  lang === 'zh' ? '校级网络研修按校级培训登记' : 'school-level online study is registered as school-level training';

const W_HN_14_7 = (lang: Lang, hours: number | undefined, rate: ParamUse, credits: number) =>
  lang === 'zh'
    ? `远程培训 ${fmt(hours)} 学时 × ${pv(rate)} = ${fmt(credits)} 学分（不设项目上限）`
    : `online ${fmt(hours)} h × ${pv(rate)} = ${fmt(credits)} credits (no per-project cap)`;

const W_HN_14_2 = (lang: Lang, hours: number | undefined, rate: ParamUse, credits: number) =>
  lang === 'zh'
    ? `学历提高 ${fmt(hours)} 面授学时 × ${pv(rate)} = ${fmt(credits)} 学分`
    : `degree study ${fmt(hours)} h × ${pv(rate)} = ${fmt(credits)} credits`;

const W_HN_14_3_FOLLOW = (lang: Lang) =>
  lang === 'zh'
    ? '外派跟班培训视同集中培训，按派遣机构级别登记'
    : 'follow-along training counts as centralized, at the dispatching body’s level';

const W_HN_14_4_EXAM = (lang: Lang) =>
  lang === 'zh' ? '专业考试按考试时长计学时' : 'an exam counts its duration as hours';

const WHY_THE_CONVERSION_DEPENDS_ON_IT = t('无法确定折算办法', 'the conversion depends on it');
const WHY_MENTORSHIP_IS_JUDGED_ON_ITS = t(
  '师徒式培训按时长（月）认定',
  'mentorship is judged on its duration in months',
);
const WHY_LECTURING_CREDITS_DEPEND_ON_THE = t('主讲学分按层次计', 'lecturing credits depend on the level');
const WHY_LECTURING_COUNTS_CLASS_HOURS = t('主讲按课时计', 'lecturing counts class hours');
const WHY_ONLINE_TRAINING_NEEDS_ITS_LEVEL = t('远程培训须注明层次', 'online training needs its level');
const WHY_ONLINE_TRAINING_COUNTS_THE_PROJECT = t(
  '远程培训按项目规定学时计',
  'online training counts the project’s hours',
);
const WHY_DEGREE_STUDY_REGISTERS_THE_YEAR = t(
  '学历提高培训按年度面授学时登记',
  'degree study registers the year’s face-to-face hours',
);
const WHY_BASE_TRAINING_CREDITS_DEPEND_ON = t('基地培训学分按层次计', 'base-training credits depend on the level');

/** 第十四条第6项: long enough, mentorship registers fixed hours, shorter nothing; its credits are left open. */
function convertMentorship(tr: Trace<Facts>, rec: TrainingRecord, ctx: RecordContext<Key>): Conversion<Facts> {
  const p = ctx.params;
  if (!requireField(tr, ctx, rec.months, 'months', WHY_MENTORSHIP_IS_JUDGED_ON_ITS)) return tr.done(null, null);
  const min = p.use('mentorshipMinMonths');
  if (rec.months < min.value!) {
    tr.step('HN-14.6-short', A14_6, W_HN_14_6_SHORT, [rec.months, min.value], { params: [min] });
    return tr.done(0, 0);
  }
  const h = p.use('mentorshipHours');
  tr.step('HN-14.6-hours', A14_6, W_HN_14_6_HOURS, [rec.months, min.value, h.value], { params: [min, h] });
  if (rec.hours !== undefined && rec.hours !== h.value) {
    tr.issue(
      'HOURS_FIXED_BY_RULE',
      'warning',
      'hours',
      t(
        `师徒式培训按 ${fmt(h.value)} 学时登记，表中填的是 ${fmt(rec.hours)}`,
        `mentorship is registered as ${fmt(h.value)} hours; the roster says ${fmt(rec.hours)}`,
      ),
      A14_6,
      fmt(rec.hours),
    );
  }
  const c = p.use('mentorshipCredits');
  if (c.value === null)
    return tr.done(
      h.value,
      undefinedParam(
        tr,
        c,
        t(`师徒式培训${fmt(h.value)}学时对应的学分`, `credits for ${fmt(h.value)} hours of mentorship`),
        A14_6,
      ),
    );
  tr.step('HN-14.6-credits', A14_6, W_HN_14_6_CREDITS, [c], {
    params: [c],
  });
  return tr.done(h.value, c.value);
}

/** 第十四条第5项: the lecturer's class hours at the level's rate, registered as hours (R-HN4), no project cap. */
function convertLecture(tr: Trace<Facts>, rec: TrainingRecord, ctx: RecordContext<Key>): Conversion<Facts> {
  // lecturing in a 校本研修 activity is school-level, whatever its level says (第4项)
  const level: Level | undefined = rec.mode === 'schoolBased' ? 'school' : rec.level;
  if (!requireField(tr, ctx, level, 'level', WHY_LECTURING_CREDITS_DEPEND_ON_THE)) return tr.done(null, null);
  if (!requireField(tr, ctx, rec.hours, 'hours', WHY_LECTURING_COUNTS_CLASS_HOURS)) return tr.done(null, null);
  const rate = ctx.params.use(`lectureCredits.${level}`);
  const credits = product(rec.hours, rate.value!);
  tr.facts.schoolLevel = level === 'school';
  tr.step('HN-14.5', A14_5, W_HN_14_5, [rec.hours, level, rate, credits], {
    readings: ['R-HN4', 'R-HN2'],
    params: [rate],
  });
  return tr.done(rec.hours, credits);
}

/** 第十四条第7项: online training's hours at the online rate; at school level it is school training (第4项). */
function convertOnline(tr: Trace<Facts>, rec: TrainingRecord, ctx: RecordContext<Key>): Conversion<Facts> {
  if (!requireField(tr, ctx, rec.level, 'level', WHY_ONLINE_TRAINING_NEEDS_ITS_LEVEL)) return tr.done(null, null);
  if (!requireField(tr, ctx, rec.hours, 'hours', WHY_ONLINE_TRAINING_COUNTS_THE_PROJECT)) return tr.done(null, null);
  if (rec.level === 'school') {
    tr.step('HN-14.4-school', A14_4, W_HN_14_4_SCHOOL_2, []);
    return baseTraining(rec, ctx, tr, rec.hours, 'school');
  }
  const rate = ctx.params.use('onlineCreditsPerHour');
  const credits = product(rec.hours, rate.value!);
  tr.step('HN-14.7', A14_7, W_HN_14_7, [rec.hours, rate, credits], { readings: ['R-HN2'], params: [rate] });
  return tr.done(rec.hours, credits);
}

/** 第十四条第2项: degree study registers the year's face-to-face hours; its credit rate the text leaves open. */
function convertDegree(tr: Trace<Facts>, rec: TrainingRecord, ctx: RecordContext<Key>): Conversion<Facts> {
  if (!requireField(tr, ctx, rec.hours, 'hours', WHY_DEGREE_STUDY_REGISTERS_THE_YEAR)) return tr.done(null, null);
  const rate = ctx.params.use('degreeCreditsPerHour');
  if (rate.value === null)
    return tr.done(
      rec.hours,
      undefinedParam(tr, rate, t('学历提高培训每学时学分', 'degree study credits per hour'), A14_2),
    );
  const credits = product(rec.hours, rate.value);
  tr.step('HN-14.2', A14_2, W_HN_14_2, [rec.hours, rate, credits], { params: [rate] });
  return tr.done(rec.hours, credits);
}

/**
 * 第十四条第3项 and 第4项: base training, follow-along and exams (and what R-HN6 counts as base training) by
 * level and days; any other mode has no conversion in the text (its 附表 is not included).
 */
function convertBase(tr: Trace<Facts>, rec: TrainingRecord, ctx: RecordContext<Key>, mode: Mode): Conversion<Facts> {
  if (!BASE_MODES.has(mode)) {
    tr.issue(
      'MODE_NOT_COVERED',
      'warning',
      'mode',
      t(
        `海南办法未规定“${mode}”类项目的折算（附表未收录），不计算学分`,
        `the Hainan rules give no conversion for "${mode}" (the 附表 is not included); no credits computed`,
      ),
      cite('第十四条'),
      mode,
    );
    return tr.done(rec.hours ?? null, null);
  }
  if (!requireField(tr, ctx, rec.level, 'level', WHY_BASE_TRAINING_CREDITS_DEPEND_ON)) return tr.done(null, null);
  const day = fmt(ctx.params.num('dayHours'));
  if (
    !requireField(
      tr,
      ctx,
      rec.hours,
      'hours',
      t(`基地培训按学时（每天${day}学时）计`, `base training counts hours (${day} a day)`),
    )
  )
    return tr.done(null, null);
  if (mode === 'followAlong') tr.step('HN-14.3-follow', A14_3, W_HN_14_3_FOLLOW, []);
  if (mode === 'exam')
    tr.step('HN-14.4-exam', A14_4, W_HN_14_4_EXAM, [], {
      readings: ['R-HN3'],
    });
  return baseTraining(rec, ctx, tr, rec.hours, rec.level);
}

function convert(rec: TrainingRecord, ctx: RecordContext<Key>): Conversion<Facts> {
  const tr = new Trace<Facts>({ ...BLANK });
  tr.facts.schoolLevel = rec.level === 'school' || rec.mode === 'schoolBased';
  if (!requireField(tr, ctx, rec.mode, 'mode', WHY_THE_CONVERSION_DEPENDS_ON_IT)) return tr.done(null, null);
  if (rec.grade === 'fail') {
    tr.step('HN-14-fail', A14_3, W_HN_14_FAIL, []);
    return tr.done(0, 0);
  }
  const mode = lecturing(tr, rec, LECTURER) ? 'lecture' : rec.mode;
  switch (mode) {
    case 'mentorship':
      return convertMentorship(tr, rec, ctx);
    case 'lecture':
      return convertLecture(tr, rec, ctx);
    case 'online':
      return convertOnline(tr, rec, ctx);
    case 'degree':
      return convertDegree(tr, rec, ctx);
    default:
      return convertBase(tr, rec, ctx, rec.mode);
  }
}

const W_HN_14_3_PROJECT = (lang: Lang, project: string | null, length: number, total: number, cap: number) =>
  lang === 'zh'
    ? `项目“${project}”的 ${length} 条记录合计 ${fmt(total)} 学分；单个培训项目最高不超过 ${fmt(cap)} 学分，计入 ${fmt(cap)}；若为重复登记，请删除多余的行`
    : `project "${project}" (${length} records) totals ${fmt(total)} credits; one project earns at most ${fmt(cap)}, so ${fmt(cap)} count; if it was registered twice, delete the extra rows`;

/**
 * 第十四条第3项 「单个培训项目最高不超过10学分」 (R-HN2): the capped rows of one teacher with
 * the same project name in one year are one project. Its rows count in row order until the
 * project reaches the cap; the rows keep their own credits, the year counts the capped sum. Returns what the
 * rows of capped projects count; every other row counts its own credits (most years cap nothing: no map then).
 */
function projectCredits(
  recs: ConvertedRecord<Facts>[],
  p: Params<Key>,
  j: Judging,
): Map<ConvertedRecord<Facts>, number> | undefined {
  let counted: Map<ConvertedRecord<Facts>, number> | undefined;
  let projects: Map<string, ConvertedRecord<Facts>[]> | undefined;
  for (const r of recs) {
    const name = r.record.project;
    if (!name || !r.conversion.facts.projectCap || r.conversion.credits === null) continue;
    const key = foldOnce(name);
    projects ??= new Map();
    let list = projects.get(key);
    if (!list) projects.set(key, (list = []));
    list.push(r);
  }
  if (!projects) return undefined;
  const use = p.use('projectCap');
  const cap = use.value!;
  for (const list of projects.values()) {
    const total = sumOf(list, creditsOf);
    if (list.length < 2 || total <= cap) continue;
    let left = cap;
    counted ??= new Map();
    for (const r of list) {
      const c = Math.min(r.conversion.credits ?? 0, left);
      counted.set(r, c);
      left = sub(left, c);
    }
    // the rows are named by their count, not their numbers: a roster of several sheets or files numbers
    // each from 1, and the DUPLICATE_RECORD warning on them says which rows they are
    j.note('HN-14.3-project', A14_3, W_HN_14_3_PROJECT, [list[0]!.record.project, list.length, total, cap], {
      readings: ['R-HN2'],
      params: [use],
    });
  }
  return counted;
}

const W_HN_9_SCHOOL_CAP = (lang: Lang, school: number, cap: number) =>
  lang === 'zh'
    ? `校级研训 ${fmt(school)} 学分，只计 ${fmt(cap)}`
    : `school-level ${fmt(school)} credits, ${fmt(cap)} counted`;

const W_HN_9_SCHOOL_CAP_2 = (lang: Lang, school: number, cap: number) =>
  lang === 'zh'
    ? `校级研训 ${fmt(school)} 学分，未超过每年 ${fmt(cap)} 学分`
    : `school-level ${fmt(school)} credits, within the ${fmt(cap)} a year`;

/** 第九条: school-level credits beyond the year's cap do not count; what the year counts, and what it dropped. */
function schoolCap(j: Judging, school: number, p: Params<Key>): number {
  const use = p.use('schoolYearCap');
  const cap = use.value!;
  if (school > cap) j.note('HN-9-school-cap', A9, W_HN_9_SCHOOL_CAP, [school, cap], { params: [use] });
  else if (school > 0) j.step('HN-9-school-cap', A9, W_HN_9_SCHOOL_CAP_2, [school, cap], { params: [use] });
  return Math.min(school, cap);
}

const W_HN_9_SUM = (lang: Lang, length: number, hours: number, raw: number) =>
  lang === 'zh'
    ? `${length} 条记录：${fmt(hours)} 学时、${fmt(raw)} 学分`
    : `${length} record(s): ${fmt(hours)} h, ${fmt(raw)} credits`;

const W_HN_9_COUNTED = (lang: Lang, credits: number) =>
  lang === 'zh' ? `计入 ${fmt(credits)} 学分` : `${fmt(credits)} credits counted`;

const W_HN_10_HIRE = (lang: Lang) =>
  lang === 'zh'
    ? '招聘（或省外引进）当年不考核，从第2年起考核'
    : 'the year of hire or transfer is not assessed; assessment starts in the 2nd year';

const L_CREDITS_THIS_YEAR = t('年度学分', 'credits this year');
const L_HOURS_THIS_YEAR = t('年度学时', 'hours this year');

type Rec = ConvertedRecord<Facts>;
const isSchoolLevel = (r: Rec): boolean => r.conversion.facts.schoolLevel;
const isOtherLevel = (r: Rec): boolean => !r.conversion.facts.schoolLevel;

function judgeYear(y: number, recs: ConvertedRecord<Facts>[], input: JudgeInput<Facts>, p: Params<Key>): YearJudgement {
  const j = new Judging('HN');
  const counted = recs.filter(isCounted);
  const hours = sumOf(counted, hoursOf);
  const raw = sumOf(counted, creditsOf);
  j.step('HN-9-sum', A9, W_HN_9_SUM, [counted.length, hours, raw]);
  const capped = projectCredits(counted, p, j);
  const credit = capped ? (r: Rec) => capped.get(r) ?? creditsOf(r) : creditsOf;
  const school = sumOf(counted, credit, isSchoolLevel);
  const other = sumOf(counted, credit, isOtherLevel);
  const credits = add(other, schoolCap(j, school, p));
  if (credits !== raw) j.step('HN-9-counted', A9, W_HN_9_COUNTED, [credits]);
  let assessed = true;
  if (y === input.facts.hireYear) {
    assessed = false;
    j.note('HN-10-hire', A10, W_HN_10_HIRE, []);
  }
  if (beforeHire(j, y, input.facts.hireYear, A10_HIRE)) assessed = false;
  j.check(
    condition('yearCredits', L_CREDITS_THIS_YEAR, 'credits', credits, p.use('yearCredits'), A9),
    condition('yearHours', L_HOURS_THIS_YEAR, 'hours', hours, p.use('yearHours'), A9),
  );
  const pass = assessed ? allMet(j.conditions) : null;
  return j.year(y, { hours, credits, pass, undefinedCredits: countUndefined(counted) });
}

const W_HN_14_3_PROJECT_2 = (lang: Lang, name: string, ys: number[], value: number | null) =>
  lang === 'zh'
    ? `项目“${name}”登记在 ${ys.join('、')} 年：单个项目 ${fmt(value)} 学分的上限按年度分别计算`
    : `project "${name}" is registered in ${ys.join(', ')}: the ${fmt(value)}-credit project cap applies in each year on its own`;

/** `y` into the ascending list of distinct years `ys`, unless it is there already. */
function addYear(ys: number[], y: number): void {
  if (ys.includes(y)) return;
  let i = ys.length;
  for (; i > 0 && ys[i - 1]! > y; i--) ys[i] = ys[i - 1]!;
  ys[i] = y;
}

/**
 * R-HN2 caps a project within one year: a project name registered in several years, more than the cap in
 * all, is capped in each year on its own — said in the cycle, which is where the sum shows.
 */
function projectsAcrossYears(j: Judging, records: ConvertedRecord<Facts>[], p: Params<Key>): void {
  const cap = p.use('projectCap');
  // a project's years kept in order as they come (a handful): no set and no sort of them per project
  const by = new Map<string, { name: string; years: number[]; credits: number }>();
  for (const r of records) {
    const { project, year } = r.record;
    if (!project || year === null || !r.conversion.counted || !r.conversion.facts.projectCap) continue;
    const key = foldOnce(project);
    let e = by.get(key);
    if (!e) by.set(key, (e = { name: project, years: [year], credits: 0 }));
    else addYear(e.years, year);
    e.credits = add(e.credits, r.conversion.credits ?? 0);
  }
  for (const e of by.values()) {
    if (e.years.length < 2 || e.credits <= cap.value!) continue;
    const ys = e.years;
    j.step('HN-14.3-project', A14_3, W_HN_14_3_PROJECT_2, [e.name, ys, cap.value], {
      readings: ['R-HN2'],
      params: [cap],
    });
  }
}

const W_HN_9_CYCLE_SUM = (lang: Lang, credits: number, hours: number) =>
  lang === 'zh'
    ? `各年度计入的 ${fmt(credits)} 学分、${fmt(hours)} 学时之和`
    : `the years' counted figures summed: ${fmt(credits)} credits, ${fmt(hours)} h`;

const W_HN_10_NEW = (lang: Lang) =>
  lang === 'zh' ? '新教师或省外引进教师从第2年起考核' : 'new or transferred teachers are assessed from their 2nd year';

const L_CYCLE_CREDITS = t('周期学分', 'cycle credits');
const L_CYCLE_HOURS = t('周期学时', 'cycle hours');

function judge(input: JudgeInput<Facts>, ctx: RuleContext<Key>) {
  const p = ctx.params;
  const grouped = byYear(input.records);
  const years = yearsOf(input.start, input.end).map((y) => judgeYear(y, grouped.get(y) ?? [], input, p));
  const j = new Judging('HN');
  const credits = sumOf(years, yearCredits);
  const hours = sumOf(years, yearHours);
  j.step('HN-9-cycle-sum', A9, W_HN_9_CYCLE_SUM, [credits, hours], {
    readings: ['R-HN5'],
    params: years.some((y) => y.steps.some((s) => s.rule === 'HN-9-school-cap')) ? [p.use('schoolYearCap')] : [],
  });
  projectsAcrossYears(j, input.records, p);
  const hire = input.facts.hireYear;
  if (hire !== undefined && hire >= input.start) {
    j.note('HN-10-new', A10, W_HN_10_NEW, []);
  }
  // 第十条 says it of the cycle already (the note above): the years before hire are a step only
  yearsBeforeHire(j, years, hire, A10_HIRE, false);
  j.check(
    condition('cycleCredits', L_CYCLE_CREDITS, 'credits', credits, p.use('cycleCredits'), A9, {
      readings: ['R-HN5'],
    }),
    condition('cycleHours', L_CYCLE_HOURS, 'hours', hours, p.use('cycleHours'), A9),
  );
  const undefinedCredits = years.reduce((a, y) => a + y.undefinedCredits, 0);
  return {
    years,
    cycle: j.cycle(input.start, input.end, { hours, credits, pass: allMet(j.conditions), undefinedCredits }),
  };
}

const yearCredits = (y: YearJudgement): number => y.credits;
const yearHours = (y: YearJudgement): number => y.hours;

/** What some issue codes mean in Hainan, for the code table of docs/rules.md. */
const issueNotes: Partial<Record<IssueCode, Text>> = {
  HOURS_FIXED_BY_RULE: t(
    `师徒式培训按 ${v('mentorshipHours')} 学时登记（第十四条第6项）`,
    `mentorship is registered as ${v('mentorshipHours')} hours (第十四条第6项)`,
  ),
  DUPLICATE_RECORD: t(
    `同一教师同一年度项目名称相同的基地培训、考试各行同属一个项目，合计最多计 ${v('projectCap')} 学分（第十四条第3项，R-HN2）`,
    `rows of base training or exams with one project name in one year are one project: at most ${v('projectCap')} credits together (第十四条第3项, R-HN2)`,
  ),
};

export const hainan: RegionRules<Key, Facts> = {
  id: 'hainan',
  name: t('海南', 'Hainan'),
  spellings: ['海南', '海南省', 'hainan'],
  source: {
    file: '000_9b0328503edbd469.txt',
    title: '海南省中小学教师培训学分管理实施办法',
    body: '海南省教育厅',
    year: 2017,
  },
  params,
  readings,
  unit: 'credits',
  requiresLevel: true,
  // one cycle for every teacher of a roster (the text sets five-year cycles, not per teacher)
  cycleKind: 'common',
  issueNotes,
  fingerprint: { idPrefixes: ['46'], words: ['市县级', '市县'] },
  template: {
    // 第十四条 names 市县级 as one level
    levels: ['国家级', '省级', '市县级', '校级'],
    columns: [
      { header: '月数', width: 6 },
      { header: '角色', list: ['主讲教师'], width: 8 },
    ],
  },
  modes: [
    'centralized',
    'followAlong',
    'online',
    'schoolBased',
    'exam',
    'lecture',
    'mentorship',
    'degree',
    'competition',
    'newTeacher',
    'classTeacher',
    'support',
  ],
  blankFacts: BLANK,
  levelAliases,
  // 第十四条第3项: “每天折算为8学时” is said of base training; lecturing counts class hours (5)
  // and online the project's hours (7), so days convert for base-training modes only.
  dayHoursKey: (mode) => (mode === undefined || BASE_MODES.has(mode) ? 'dayHours' : null),
  convert,
  judge,
};
