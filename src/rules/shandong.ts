// 山东省中小学教师继续教育学分管理办法 — seeds/001_451193a284549591.txt
// Credits only, 1 学时 = 1 学分. The dates in the source are corrupted (国发〔2024〕41号
// is really 国发〔2012〕41号); no number used here depends on them.
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
  lastOf,
} from './region';
import { sub, sum, product, round2, fmt, fmtRatio, pct, sumOf } from '../core/decimal';
import { t, Text, type Lang } from '../core/text';
import type { Conversion, IssueCode, ConvertedRecord, TrainingRecord, YearJudgement } from '../core/types';
import type { Level, Mode } from '../core/vocabulary';

const DOC = '山东省中小学教师继续教育学分管理办法';
const cite = (article: string, quote?: string): Cite => (quote ? { doc: DOC, article, quote } : { doc: DOC, article });

const A2 = cite('第二条', '在职老师');
const A6 = cite(
  '第六条',
  '原则上每五年为一个周期。每周期内，中小学老师应完成不少于360学分且每年不少于48学分的继续教育。',
);
const A10 = cite(
  '第十条',
  '五年周期内，县级及以上教育行政部门…提供不少于240学分的全员培训，其中市、县(市、区)提供的面对面培训不少于60学分。',
);
const A11 = cite('第十一条', '公需科目一般不超过总学时的三分之一。');
const A14 = cite('第十四条', '经考核合格…原则上1小时为1学时，1学时计算1学分。');
const A15 = cite('第十五条', '参加国民教育系列提高学历(学位)教育，在读期间学业成绩合格，本学年继续教育记72学分。');
const A16 = cite(
  '第十六条',
  '新任中小学老师试用期培训不少于120学时，经考核合格记72学分。担任班主任的中小学老师，每5年需接受不少于30学时的班主任工作专题培训',
);
const A17 = cite(
  '第十七条',
  '在县级及以上各级教育行政部门组织的各类培训中，担任主讲老师、课程专家和指导老师的…按其承担的培训学时数的两倍登记继续教育学分。',
);
const A18 = cite(
  '第十八条',
  '学校组织的校本培训和学校认可的老师自主研习活动学分，五年周期内累计登记不超过120学分，具体计算办法由中小学校根据实际情况自行制定',
);
const A21 = cite('第二十一条', '对因产假病假等特别原因无法完成当年继续教育学分的老师…可在一定时间内进行补修。');

export const params = defineParams({
  creditsPerHour: { value: 1, unit: 'credit/hour', label: t('每学时学分', 'credits per hour'), cite: A14 },
  degreeCredits: {
    value: 72,
    unit: 'credit',
    label: t('学历提升每学年学分', 'degree study credits per academic year'),
    cite: A15,
  },
  newTeacherCredits: {
    value: 72,
    unit: 'credit',
    label: t('新任教师试用期培训学分', 'new-teacher probation training credits'),
    cite: A16,
  },
  newTeacherMinHours: {
    value: 120,
    unit: 'hour',
    label: t('新任教师试用期培训最少学时', 'minimum probation training hours'),
    cite: A16,
  },
  lecturerMultiplier: { value: 2, unit: 'ratio', label: t('主讲学时倍数', 'lecturer multiplier'), cite: A17 },
  schoolBasedCreditsPerHour: {
    value: 1,
    unit: 'credit/hour',
    overridable: true,
    max: 5,
    reading: 'R-SD2',
    label: t(
      '校本培训、自主研习每学时学分（学校自定）',
      'school-based training and self-study, credits per hour (set by the school)',
    ),
    cite: A18,
  },
  schoolBasedCycleCap: {
    value: 120,
    unit: 'credit',
    label: t('校本与自主研习周期上限', 'school-based and self-study cap per cycle'),
    cite: A18,
  },
  classTeacherHours: {
    value: 30,
    unit: 'hour',
    label: t('班主任专题培训每周期学时', 'class-teacher training hours per cycle'),
    cite: A16,
  },
  yearCredits: { value: 48, unit: 'credit', label: t('年度学分', 'credits a year'), cite: A6 },
  cycleCredits: { value: 360, unit: 'credit', label: t('周期学分', 'credits a cycle'), cite: A6 },
  countyAboveCredits: {
    value: 240,
    unit: 'credit',
    label: t('县级及以上培训学分（提示）', 'county-level-or-above credits (advisory)'),
    cite: A10,
    reading: 'R-SD3',
  },
  faceToFaceCredits: {
    value: 60,
    unit: 'credit',
    label: t('市县面对面培训学分（提示）', 'city/county face-to-face credits (advisory)'),
    cite: A10,
    reading: 'R-SD3',
  },
  publicShareMax: {
    value: 1 / 3,
    unit: 'ratio',
    label: t('公需科目占比上限（提示）', 'maximum share of public subjects (advisory)'),
    cite: A11,
    reading: 'R-SD3',
  },
});

type Key = keyof typeof params;

/** A parameter's value as the reading summaries quote it. */
const v = (k: Key): string => fmtRatio(params[k].value!);

/** What the judge reads about each record, as its conversion classified it (by what the teacher did). */
interface Facts {
  /** 第十条: county level or above (advisory 240) */
  aboveCounty: boolean;
  /** 第十条: city/county face-to-face training (advisory 60) */
  faceToFace: boolean;
  /** 第十八条: school-based training or self-study, capped per cycle */
  schoolBased: boolean;
  /** 第十六条: class-teacher training, counted in hours */
  classTeacher: boolean;
  /** 第十一条: a public subject (公需科目) */
  publicSubject: boolean;
  /** 第十五条: degree study, once a year */
  degree: boolean;
}
const BLANK: Facts = {
  aboveCounty: false,
  faceToFace: false,
  schoolBased: false,
  classTeacher: false,
  publicSubject: false,
  degree: false,
};

export const readings = defineReadings([
  {
    id: 'R-SD1',
    article: '第十七条',
    question: '在校级培训（含校本培训）中担任主讲老师、课程专家或指导老师如何登记？',
    chosen: 'lecturing at school level or in 校本培训 counts as school-based training at 1 × the hours',
    alternatives: ['2 × the hours at every level', 'no credits below county level'],
    summary: t(
      `校级（含校本培训）主讲按校本培训计（每学时 ${v('schoolBasedCreditsPerHour')} 学分），不按 ${v('lecturerMultiplier')} 倍`,
      `lecturing at school level or in school-based training counts as school-based training (${v('schoolBasedCreditsPerHour')} credit per hour), not ${v('lecturerMultiplier')} ×`,
    ),
  },
  {
    id: 'R-SD2',
    article: '第十八条',
    question: '校本培训和自主研习每学时记多少学分？',
    chosen: '1 credit per hour unless the school’s own method says otherwise (an override)',
    alternatives: ['no default: every school must supply its rate'],
    summary: t(
      `校本培训、自主研习默认每学时${v('schoolBasedCreditsPerHour')}学分，学校另有办法时可覆盖`,
      `school-based training and self-study default to ${v('schoolBasedCreditsPerHour')} credit per hour; a school’s own rate may override it`,
    ),
  },
  {
    id: 'R-SD3',
    article: '第十条、第十一条',
    question: '240学分、60学分面对面培训和公需科目三分之一是否是教师的考核条件？',
    chosen: 'warnings only: 第十条 obliges departments to provide them, 第十一条 says 一般不超过',
    alternatives: ['binding cycle conditions for each teacher'],
    summary: t(
      `县级以上${v('countyAboveCredits')}学分、市县面对面${v('faceToFaceCredits')}学分、公需科目不超过${v('publicShareMax')}只作提示，不作不合格`,
      `county-or-above ${v('countyAboveCredits')}, face-to-face ${v('faceToFaceCredits')} and the ${v('publicShareMax')} public-subject share are advisory only`,
    ),
  },
  {
    id: 'R-SD4',
    article: '第六条',
    question: '周期合格是否还要求每年都达到48学分？',
    chosen: 'yes: the cycle passes only if the total is ≥ 360 and every assessed year reached 48',
    alternatives: ['the cycle total alone decides the cycle'],
    summary: t(
      `周期合格须总学分≥${v('cycleCredits')}且每个考核年度≥${v('yearCredits')}（免考核年度、入职前年度除外）`,
      `the cycle needs ≥ ${v('cycleCredits')} in total and ≥ ${v('yearCredits')} in every assessed year (exempt years and years before hire aside)`,
    ),
  },
]);

const levelAliases: Record<string, Level> = { 区级: 'county' };
const ABOVE_COUNTY: ReadonlySet<Level> = new Set(['national', 'provincial', 'prefecture', 'county']);
/**
 * 第十七条 credits 主讲老师、课程专家和指导老师 alike, in 各类培训: a record with one of these
 * roles on a training is lecturing, as mode 主讲 is. Degree study, exams and self-study
 * have no lecturer; 校本培训 does, and its lecturer counts as school-based (R-SD1).
 */
const LECTURER: LecturerRule = {
  roles: new Set(['lecturer', 'expert', 'instructor']),
  training: new Set<Mode>([
    'centralized',
    'followAlong',
    'online',
    'schoolBased',
    'newTeacher',
    'classTeacher',
    'support',
    'competition',
  ]),
  cite: A17,
};

const W_SD_14_FAIL = (lang: Lang) =>
  lang === 'zh' ? '考核不合格：不计学时、学分' : 'failed assessment: no hours, no credits';

const W_SD_15 = (lang: Lang, c: ParamUse) =>
  lang === 'zh'
    ? `学历（学位）提升，本学年学业合格：记 ${pv(c)} 学分（与学时无关）`
    : `degree study passed for the academic year: ${pv(c)} credits, whatever the hours`;

const W_SD_16_NEW = (lang: Lang, value: number | null, c: ParamUse) =>
  lang === 'zh'
    ? `新任教师试用期培训（不少于 ${fmt(value)} 学时）考核合格：记 ${pv(c)} 学分`
    : `new-teacher probation training (at least ${fmt(value)} h) passed: ${pv(c)} credits`;

const W_SD_17_SCHOOL = (lang: Lang, hours: number | undefined, rate: ParamUse, credits: number) =>
  lang === 'zh'
    ? `校级主讲按校本培训计：${fmt(hours)} 学时 × ${pv(rate)} = ${fmt(credits)} 学分`
    : `school-level lecturing counts as school-based training: ${fmt(hours)} h × ${pv(rate)} = ${fmt(credits)} credits`;

const W_SD_17 = (lang: Lang, hours: number | undefined, m: ParamUse, credits: number) =>
  lang === 'zh'
    ? `县级及以上培训中主讲（主讲老师、课程专家、指导老师）：${fmt(hours)} 学时 × ${pv(m)} = ${fmt(credits)} 学分`
    : `lecturer, course expert or instructor in county-or-above training: ${fmt(hours)} h × ${pv(m)} = ${fmt(credits)} credits`;

const W_SD_18 = (
  lang: Lang,
  mode: 'schoolBased' | 'selfStudy',
  hours: number | undefined,
  rate: ParamUse,
  credits: number,
  value: number | null,
) =>
  lang === 'zh'
    ? `${mode === 'selfStudy' ? '自主研习' : '校本培训'} ${fmt(hours)} 学时 × ${pv(rate)} = ${fmt(credits)} 学分（周期累计不超过${fmt(value)}）`
    : `${mode === 'selfStudy' ? 'self-study' : 'school-based training'} ${fmt(hours)} h × ${pv(rate)} = ${fmt(credits)} credits (at most ${fmt(value)} a cycle)`;

const W_SD_14 = (lang: Lang, hours: number | undefined, rate: ParamUse, credits: number) =>
  lang === 'zh'
    ? `${fmt(hours)} 学时 × ${pv(rate)} = ${fmt(credits)} 学分`
    : `${fmt(hours)} h × ${pv(rate)} = ${fmt(credits)} credits`;

const WHY_THE_CONVERSION_DEPENDS_ON_IT = t('无法确定折算办法', 'the conversion depends on it');
const WHY_LECTURING_CREDITS_DEPEND_ON_THE = t('主讲学分取决于培训层次', 'lecturing credits depend on the level');
const WHY_THE_HOURS_TAUGHT_ARE_REGISTERED = t('按承担的培训学时登记', 'the hours taught are registered');
const WHY_CREDITS_FOLLOW_HOURS = t('按学时计学分', 'credits follow hours');

/** What the judge reads of a record (第十条, 第十一条, 第十五条, 第十六条, 第十八条), by what the teacher did. */
function classify(f: Facts, rec: TrainingRecord, mode: Mode): void {
  f.aboveCounty = rec.level !== undefined && ABOVE_COUNTY.has(rec.level);
  f.faceToFace =
    (mode === 'centralized' || mode === 'followAlong') && (rec.level === 'prefecture' || rec.level === 'county');
  f.schoolBased = mode === 'schoolBased' || mode === 'selfStudy';
  f.classTeacher = mode === 'classTeacher';
  f.publicSubject = rec.category === 'requiredPublic';
  f.degree = mode === 'degree';
}

/** 第十五条: degree study passed earns the academic year's credits, whatever the hours. */
function convertDegree(tr: Trace<Facts>, rec: TrainingRecord, p: Params<Key>): Conversion<Facts> {
  const c = p.use('degreeCredits');
  tr.step('SD-15', A15, W_SD_15, [c], { params: [c] });
  return tr.done(rec.hours ?? 0, c.value);
}

/** 第十六条: probation training passed earns its fixed credits; fewer hours than the minimum are flagged. */
function convertNewTeacher(tr: Trace<Facts>, rec: TrainingRecord, p: Params<Key>): Conversion<Facts> {
  const c = p.use('newTeacherCredits');
  const min = p.use('newTeacherMinHours');
  tr.step('SD-16-new', A16, W_SD_16_NEW, [min.value, c], { params: [c, min] });
  if (rec.hours === undefined || rec.hours < min.value!) {
    tr.issue(
      'NEW_TEACHER_HOURS_SHORT',
      'warning',
      'hours',
      t(
        `新任教师试用期培训应不少于 ${fmt(min.value)} 学时，表中为 ${fmt(rec.hours ?? null)}`,
        `probation training needs at least ${fmt(min.value)} hours; the roster says ${fmt(rec.hours ?? null)}`,
      ),
      A16,
      fmt(rec.hours ?? null),
    );
  }
  return tr.done(rec.hours ?? 0, c.value);
}

/** 第十七条: lecturing counts the hours taught twice; at school level it is school-based (第十八条, R-SD1). */
function convertLecture(tr: Trace<Facts>, rec: TrainingRecord, ctx: RecordContext<Key>): Conversion<Facts> {
  const p = ctx.params;
  // 校本培训 is the school's own (第十八条): lecturing in it is school-level whatever the level says
  const school = rec.mode === 'schoolBased' || rec.level === 'school';
  if (!school && !requireField(tr, ctx, rec.level, 'level', WHY_LECTURING_CREDITS_DEPEND_ON_THE))
    return tr.done(null, null);
  if (!requireField(tr, ctx, rec.hours, 'hours', WHY_THE_HOURS_TAUGHT_ARE_REGISTERED)) return tr.done(null, null);
  if (school) {
    tr.facts.schoolBased = true;
    const rate = p.use('schoolBasedCreditsPerHour');
    const credits = product(rec.hours, rate.value!);
    tr.step('SD-17-school', A18, W_SD_17_SCHOOL, [rec.hours, rate, credits], {
      readings: ['R-SD1', 'R-SD2'],
      params: [rate],
    });
    return tr.done(rec.hours, credits);
  }
  const m = p.use('lecturerMultiplier');
  const credits = product(rec.hours, m.value!);
  tr.step('SD-17', A17, W_SD_17, [rec.hours, m, credits], { params: [m] });
  return tr.done(rec.hours, credits);
}

/** 第十八条: school-based training and self-study at the school's rate (R-SD2); judge caps them per cycle. */
function convertSchoolBased(
  tr: Trace<Facts>,
  rec: TrainingRecord,
  ctx: RecordContext<Key>,
  mode: 'schoolBased' | 'selfStudy',
): Conversion<Facts> {
  const p = ctx.params;
  if (!requireField(tr, ctx, rec.hours, 'hours', WHY_CREDITS_FOLLOW_HOURS)) return tr.done(null, null);
  const rate = p.use('schoolBasedCreditsPerHour');
  const cap = p.use('schoolBasedCycleCap');
  const credits = product(rec.hours, rate.value!);
  tr.step('SD-18', A18, W_SD_18, [mode, rec.hours, rate, credits, cap.value], {
    readings: ['R-SD2'],
    params: [rate, cap],
  });
  return tr.done(rec.hours, credits);
}

/** 第十四条: any other training passed, one hour one 学时, one 学时 one credit. */
function convertByHours(tr: Trace<Facts>, rec: TrainingRecord, ctx: RecordContext<Key>): Conversion<Facts> {
  const rate = ctx.params.use('creditsPerHour');
  const why = t(`每学时计${fmt(rate.value)}学分`, `${fmt(rate.value)} credit per hour`);
  if (!requireField(tr, ctx, rec.hours, 'hours', why)) return tr.done(null, null);
  const credits = product(rec.hours, rate.value!);
  tr.step('SD-14', A14, W_SD_14, [rec.hours, rate, credits], { params: [rate] });
  return tr.done(rec.hours, credits);
}

function convert(rec: TrainingRecord, ctx: RecordContext<Key>): Conversion<Facts> {
  const tr = new Trace<Facts>({ ...BLANK });
  if (!requireField(tr, ctx, rec.mode, 'mode', WHY_THE_CONVERSION_DEPENDS_ON_IT)) return tr.done(null, null);
  // a lecturer at a class-teacher training is not taking it: the facts follow what the teacher did
  const mode: Mode = lecturing(tr, rec, LECTURER) ? 'lecture' : rec.mode;
  classify(tr.facts, rec, mode);
  if (rec.grade === 'fail') {
    // 第十四条 counts training "经考核合格"; a failed one counts neither toward the
    // credits nor toward hour conditions such as 第十六条's 30 class-teacher hours.
    tr.step('SD-14-fail', A14, W_SD_14_FAIL, []);
    return tr.done(0, 0);
  }
  switch (mode) {
    case 'degree':
      return convertDegree(tr, rec, ctx.params);
    case 'newTeacher':
      return convertNewTeacher(tr, rec, ctx.params);
    case 'lecture':
      return convertLecture(tr, rec, ctx);
    case 'schoolBased':
    case 'selfStudy':
      return convertSchoolBased(tr, rec, ctx, mode);
    default:
      return convertByHours(tr, rec, ctx);
  }
}

const W_SD_6_SUM = (lang: Lang, length: number, hours: number, raw: number) =>
  lang === 'zh'
    ? `${length} 条记录：${fmt(hours)} 学时、${fmt(raw)} 学分`
    : `${length} record(s): ${fmt(hours)} h, ${fmt(raw)} credits`;

const W_SD_15_YEAR = (lang: Lang, value: number | null, degreeExcess: number) =>
  lang === 'zh'
    ? `学历提升本学年只记 ${fmt(value)} 学分，多出的 ${fmt(degreeExcess)} 不计`
    : `degree study counts ${fmt(value)} credits a year; ${fmt(degreeExcess)} more not counted`;

const W_SD_6_COUNTED = (lang: Lang, credits: number) =>
  lang === 'zh' ? `计入 ${fmt(credits)} 学分` : `${fmt(credits)} credits counted`;

const W_SD_21_EXEMPT = (lang: Lang) =>
  lang === 'zh'
    ? '因产假病假等标记免考核，按主管部门规定补修'
    : 'marked exempt (maternity or sick leave); make-up as the department decides';

const L_CREDITS_THIS_YEAR = t('年度学分', 'credits this year');

function judgeYear(
  y: number,
  recs: ConvertedRecord<Facts>[],
  input: JudgeInput<Facts>,
  p: Params<Key>,
): { year: YearJudgement; degreeExcess: number } {
  const j = new Judging('SD');
  const hours = sumOf(recs, hoursOf);
  const raw = sumOf(recs, creditsOf);
  j.step('SD-6-sum', A6, W_SD_6_SUM, [recs.length, hours, raw]);
  // 第十五条: degree study earns its credits for the academic year, once however many records carry it
  const degree = sumOf(recs, creditsOf, isDegree);
  const degreeCap = p.use('degreeCredits');
  const degreeExcess = Math.max(0, degree - degreeCap.value!);
  if (degreeExcess > 0)
    j.note('SD-15-year', A15, W_SD_15_YEAR, [degreeCap.value, degreeExcess], { params: [degreeCap] });
  const credits = sub(raw, degreeExcess);
  if (degreeExcess > 0) j.step('SD-6-counted', A6, W_SD_6_COUNTED, [credits]);
  let assessed = true;
  if (input.facts.exemptYears.has(y)) {
    assessed = false;
    j.note('SD-21-exempt', A21, W_SD_21_EXEMPT, []);
  }
  // before R-SD4's per-year test, so that a year before hire is left out of it
  if (beforeHire(j, y, input.facts.hireYear, A2)) assessed = false;
  j.check(condition('yearCredits', L_CREDITS_THIS_YEAR, 'credits', credits, p.use('yearCredits'), A6));
  const pass = assessed ? allMet(j.conditions) : null;
  return { year: j.year(y, { hours, credits, pass, undefinedCredits: countUndefined(recs) }), degreeExcess };
}

const W_SD_6_CYCLE_SUM = (lang: Lang, length: number, hours: number, raw: number) =>
  lang === 'zh'
    ? `${length} 条记录：${fmt(hours)} 学时、${fmt(raw)} 学分`
    : `${length} record(s): ${fmt(hours)} h, ${fmt(raw)} credits`;

const W_SD_15_YEAR_2 = (lang: Lang, degreeCredits: number, degreeExcess: number) =>
  lang === 'zh'
    ? `学历提升各学年超出 ${fmt(degreeCredits)} 学分的部分共 ${fmt(degreeExcess)} 学分，不计`
    : `degree study above ${fmt(degreeCredits)} credits in a year: ${fmt(degreeExcess)} not counted`;

const W_SD_18_CAP = (lang: Lang, schoolBased: number, cap: number) =>
  lang === 'zh'
    ? `校本培训与自主研习 ${fmt(schoolBased)} 学分，周期内只计 ${fmt(cap)}`
    : `school-based and self-study ${fmt(schoolBased)} credits, ${fmt(cap)} counted in the cycle`;

const W_SD_18_CAP_2 = (lang: Lang, schoolBased: number, cap: number) =>
  lang === 'zh'
    ? `校本培训与自主研习 ${fmt(schoolBased)} 学分，未超过周期 ${fmt(cap)} 学分`
    : `school-based and self-study ${fmt(schoolBased)} credits, within the ${fmt(cap)} a cycle`;

const W_SD_6_COUNTED_2 = (lang: Lang, credits: number) =>
  lang === 'zh' ? `计入 ${fmt(credits)} 学分` : `${fmt(credits)} credits counted`;

/** The years the cycle's yearly minimum applies to; `left` are those not assessed or not yet due. */
const W_SD_6_YEARS = (lang: Lang, min: number | null, left: readonly number[]) =>
  lang === 'zh'
    ? left.length
      ? `每个考核年度须达到 ${fmt(min)} 学分；${left.join('、')} 年不考核或未到期，不在其列`
      : `每个考核年度须达到 ${fmt(min)} 学分`
    : left.length
      ? `every assessed year needs ${fmt(min)} credits; ${left.join(', ')} not assessed or not yet due, left out`
      : `every assessed year needs ${fmt(min)} credits`;

const L_CYCLE_CREDITS = t('周期学分', 'cycle credits');
const L_CLASS_TEACHER_TRAINING_HOURS = t('班主任工作专题培训学时', 'class-teacher training hours');
const L_COUNTY_OR_ABOVE_CREDITS_ADVISORY = t('县级及以上培训学分（提示）', 'county-or-above credits (advisory)');
const L_CITY_COUNTY_FACE_TO_FACE = t('市县面对面培训学分（提示）', 'city/county face-to-face credits (advisory)');

/** The credits of some records (a record without a figure adds nothing). */
function creditOf(rs: ConvertedRecord<Facts>[]): number {
  return sumOf(rs, creditsOf);
}

const isDegree = (r: ConvertedRecord<Facts>): boolean => r.conversion.facts.degree;

/** Each year of the cycle judged on its own (第六条's 48), with the degree credits its 第十五条 cut left out. */
function judgeYears(input: JudgeInput<Facts>, p: Params<Key>) {
  const grouped = byYear(input.records);
  return yearsOf(input.start, input.end).map((y) =>
    judgeYear(
      y,
      (grouped.get(y) ?? []).filter((r) => r.conversion.counted),
      input,
      p,
    ),
  );
}

/** 第十五条's per-year cap, over the cycle: what the years cut from degree study is not counted. */
function degreeYearCap(j: Judging, p: Params<Key>, degreeExcess: number): void {
  if (degreeExcess > 0)
    j.step('SD-15-year', A15, W_SD_15_YEAR_2, [p.num('degreeCredits'), degreeExcess], {
      params: [p.use('degreeCredits')],
    });
}

/** 第十八条's per-cycle cap on school-based training and self-study; returns what they count. */
function schoolBasedCycleCap(j: Judging, p: Params<Key>, all: ConvertedRecord<Facts>[]): number {
  const schoolBased = creditOf(all.filter((r) => r.conversion.facts.schoolBased));
  const capUse = p.use('schoolBasedCycleCap');
  const cap = capUse.value!;
  if (schoolBased > cap) j.note('SD-18-cap', A18, W_SD_18_CAP, [schoolBased, cap], { params: [capUse] });
  else if (schoolBased > 0) j.step('SD-18-cap', A18, W_SD_18_CAP_2, [schoolBased, cap], { params: [capUse] });
  return Math.min(schoolBased, cap);
}

/** The cycle's credits after both caps (第六条), with a step when they differ from the raw sum. */
function cycleTotal(
  j: Judging,
  all: ConvertedRecord<Facts>[],
  raw: number,
  degreeExcess: number,
  schoolBased: number,
): number {
  const other = sub(creditOf(all.filter((r) => !r.conversion.facts.schoolBased)), degreeExcess);
  const credits = round2(other + schoolBased);
  if (credits !== raw) j.step('SD-6-counted', A6, W_SD_6_COUNTED_2, [credits]);
  return credits;
}

/** 第六条's minimums: 360 in the cycle, and 48 in each assessed year that is due (R-SD4). */
function minimums(j: Judging, p: Params<Key>, years: YearJudgement[], lastDueYear: number, credits: number): void {
  // R-SD4: each assessed year of the cycle must itself reach the year's minimum; one condition per
  // year so that the shortfall says which year is short and by how much. Years not assessed
  // (exempt, before hire) or not yet due are left out, and a step says which.
  const yearMin = p.use('yearCredits');
  const due = years.filter((y) => y.pass !== null && y.year <= lastDueYear);
  const left = years.filter((y) => !due.includes(y)).map((y) => y.year);
  j.step('SD-6-years', A6, W_SD_6_YEARS, [yearMin.value, left], { readings: ['R-SD4'], params: [yearMin] });
  j.check(condition('cycleCredits', L_CYCLE_CREDITS, 'credits', credits, p.use('cycleCredits'), A6));
  for (const y of due) {
    j.check(condition(`year${y.year}`, yearLabel(y.year), 'credits', y.credits, yearMin, A6, { readings: R_SD4 }));
  }
}

const R_SD4 = ['R-SD4'];

/** R-SD4's condition of one year: its label, made once per year (every teacher has one per year due). */
const YEAR_LABELS = new Map<number, Text>();
function yearLabel(year: number): Text {
  let label = YEAR_LABELS.get(year);
  if (label === undefined) {
    // the roster's own years only, but a long-lived add-in meets many rosters
    if (YEAR_LABELS.size >= 256) YEAR_LABELS.clear();
    YEAR_LABELS.set(year, (label = t(`${year}年度学分`, `credits in ${year}`)));
  }
  return label;
}

/** 第十六条: a class teacher's 30 hours of class-teacher training in the cycle. */
function classTeacherHours(j: Judging, p: Params<Key>, input: JudgeInput<Facts>, all: ConvertedRecord<Facts>[]): void {
  if (input.facts.classTeacher) {
    const ct = sum(all.filter((r) => r.conversion.facts.classTeacher).map((r) => r.conversion.hours ?? 0));
    j.check(
      condition('classTeacherHours', L_CLASS_TEACHER_TRAINING_HOURS, 'hours', ct, p.use('classTeacherHours'), A16),
    );
  }
}

/** 第十条's 240 and 60: what departments must provide, advisory for the teacher (R-SD3). */
function providedTraining(j: Judging, p: Params<Key>, all: ConvertedRecord<Facts>[]): void {
  const above = creditOf(all.filter((r) => r.conversion.facts.aboveCounty && !r.conversion.facts.schoolBased));
  j.check(
    condition('countyAbove', L_COUNTY_OR_ABOVE_CREDITS_ADVISORY, 'credits', above, p.use('countyAboveCredits'), A10, {
      advisory: true,
      readings: ['R-SD3'],
    }),
  );
  const f2f = creditOf(all.filter((r) => r.conversion.facts.faceToFace));
  j.check(
    condition('faceToFace', L_CITY_COUNTY_FACE_TO_FACE, 'credits', f2f, p.use('faceToFaceCredits'), A10, {
      advisory: true,
      readings: ['R-SD3'],
    }),
  );
}

/** 第十一条's label, with the share as the table (or an override) sets it: made once per share. */
const publicShareLabel = lastOf((share: number): Text =>
  t(
    `公需科目学时（不超过总学时${fmtRatio(share)}，提示）`,
    `public-subject hours (≤ ${fmtRatio(share)} of all hours, advisory)`,
  ),
);

/** 第十一条: public subjects 一般不超过 a third of all hours, advisory (R-SD3); only with a category column. */
function publicShare(
  j: Judging,
  p: Params<Key>,
  ctx: RuleContext<Key>,
  all: ConvertedRecord<Facts>[],
  hours: number,
): void {
  if (ctx.columns.has('category')) {
    // 第十一条 measures the share against 总学时, the hours, not the credits
    const pub = sum(all.filter((r) => r.conversion.facts.publicSubject).map((r) => r.conversion.hours ?? 0));
    const share = p.use('publicShareMax');
    const limit = product(hours, share.value!);
    j.check(
      condition('publicShare', publicShareLabel(share.value!), 'hours', pub, limit, A11, {
        kind: 'max',
        advisory: true,
        readings: ['R-SD3'],
        params: [share],
        note: t(`占 ${pct(pub, hours)}`, `${pct(pub, hours)} of the total`),
      }),
    );
  }
}

/** The years, then the cycle in order: raw sum → per-year cap → per-cycle cap → total → before hire → conditions. */
function judge(input: JudgeInput<Facts>, ctx: RuleContext<Key>) {
  const p = ctx.params;
  const judged = judgeYears(input, p);
  const years = judged.map((x) => x.year);
  const degreeExcess = sum(judged.map((x) => x.degreeExcess));
  const j = new Judging('SD');
  const all: ConvertedRecord<Facts>[] = input.records.filter((r) => r.conversion.counted);
  const hours = sumOf(all, hoursOf);
  const raw = creditOf(all);
  j.step('SD-6-cycle-sum', A6, W_SD_6_CYCLE_SUM, [all.length, hours, raw]);
  degreeYearCap(j, p, degreeExcess);
  const schoolBased = schoolBasedCycleCap(j, p, all);
  const credits = cycleTotal(j, all, raw, degreeExcess, schoolBased);
  yearsBeforeHire(j, years, input.facts.hireYear, A2);
  minimums(j, p, years, input.lastDueYear, credits);
  classTeacherHours(j, p, input, all);
  providedTraining(j, p, all);
  publicShare(j, p, ctx, all, hours);
  const cycle = j.cycle(input.start, input.end, {
    hours,
    credits,
    pass: allMet(j.conditions),
    undefinedCredits: countUndefined(all),
  });
  return { years, cycle };
}

/** What some issue codes mean in Shandong, for the code table of docs/rules.md. */
const issueNotes: Partial<Record<IssueCode, Text>> = {
  NEW_TEACHER_HOURS_SHORT: t(
    `试用期培训不足 ${v('newTeacherMinHours')} 学时（第十六条）`,
    `probation training under ${v('newTeacherMinHours')} hours (第十六条)`,
  ),
  ROLE_CONTRADICTS_MODE: t(
    '主讲老师、课程专家、指导老师都按主讲计（第十七条），但不能用于学历提升、专业考试、自主研习',
    'lecturers, course experts and instructors all count as lecturing (第十七条), but not on degree study, exams or self-study',
  ),
};

export const shandong: RegionRules<Key, Facts> = {
  id: 'shandong',
  name: t('山东', 'Shandong'),
  spellings: ['山东', '山东省', 'shandong'],
  source: {
    file: '001_451193a284549591.txt',
    title: '山东省中小学教师继续教育学分管理办法',
    body: '山东省',
    year: 2012,
  },
  params,
  readings,
  unit: 'credits',
  requiresLevel: true,
  // one cycle for every teacher of a roster (the text sets five-year cycles, not per teacher)
  cycleKind: 'common',
  issueNotes,
  fingerprint: { idPrefixes: ['37'], words: [] },
  template: {
    levels: ['国家级', '省级', '市级', '县级', '校级'],
    columns: [
      // 第十七条: lecturers, course experts and instructors count double
      { header: '角色', list: ['主讲教师', '课程专家', '指导老师'], width: 8 },
      { header: '课程类别', list: ['公需科目', '专业课', '选修'], width: 10 },
    ],
    // 第二十一条: a year made up later is marked exempt
    last: [{ header: '免考核', list: ['是', '否'], width: 8 }],
  },
  modes: [
    'centralized',
    'followAlong',
    'online',
    'schoolBased',
    'selfStudy',
    'lecture',
    'degree',
    'newTeacher',
    'classTeacher',
    'exam',
    'support',
  ],
  blankFacts: BLANK,
  levelAliases,
  // 第十四条 counts hours, not days; a day's length is nowhere given.
  dayHoursKey: () => null,
  convert,
  judge,
};
