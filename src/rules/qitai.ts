// 奇台县第七个五年管理周期中小学和幼儿园教师继续教育规划（2024-2028年）(奇台县教育局, 2024)
// — seeds/004_b06b09c6b9aa1bd9.txt. Hours and credits; one fixed cycle 2024–2028.
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
} from './region';
import { add, sub, sum, product, quotient, fmt, pct, sumOf, cents } from '../core/decimal';
import { foldOnce } from '../core/vocabulary';
import { t, Text, type Lang } from '../core/text';
import type {
  Condition,
  Conversion,
  IssueCode,
  ConvertedRecord,
  Issue,
  TrainingRecord,
  YearJudgement,
} from '../core/types';
import { addIssue } from '../core/types';
import type { Category, Grade, Level, Mode } from '../core/vocabulary';

const DOC = '奇台县第七个五年管理周期中小学和幼儿园教师继续教育规划（2024-2028年）';
const cite = (article: string, quote?: string): Cite => (quote ? { doc: DOC, article, quote } : { doc: DOC, article });

const S3 = cite('三、继续教育对象', '在职教师');
const S5_1 = cite(
  '五(一) 学分结构',
  '周期内所有在职教师必须修满90学分。其中，必修课程60学分(公共课不少于15学分)，选修课程10学分，校本课程20学分。必修课程学分超出的，可折抵选修课程和校本课程学分。新任教师须完成30学分适岗培训。',
);
const S5_2_1 = cite(
  '五(二)1 基础学分',
  '成绩评定为不合格的，不予登记学分。集中培训4学时折算为1学分，网络培训与校本研修5学时折算为1学分。',
);
const S5_2_2 = cite(
  '五(二)2 奖励学分',
  '良好以上的不超过30%，其中，优秀的不超过15%。参加地(州、市)级及以下…良好、优秀的…分别奖励5%、10%；参加自治区级及以上…合格、良好、优秀的…分别奖励5%、10%、15%；作为主讲教师…自治区级及以上…奖励200%学分，地(州、市)级及以下…奖励100%学分。',
);
const S5_2_3 = cite(
  '五(二)3 学历提升学分',
  '取得国家认可的毕业(学位)证书者，其学时按基础学分折算规定折算为继续教育学分。',
);
const S4_2 = cite(
  '四(二) 选修课程',
  '教师参加县级及以上教育局组织的与任教学科相关的教研活动、科研活动、培训者活动等纳入选修课程内容。',
);
const S6_3 = cite(
  '六(三) 继续教育考核要求',
  '每年度必须完成90学时(18学分)岗位培训。每年度内参加过国培，区培等各类培训教师课时达到90学时，可顶替本年度继续教育(顶替本年度，不顶替本周期)。',
);
const S6_4 = cite(
  '六(四) 继续教育证书管理',
  '教师在本周期取得继续教育考核合格者，其考核成绩及《继续教育证书》有效期延用至2028年12月31日止。',
);
const S6_4_1 = cite('六(四)1 证书编号', '继续教育证书实行电子化管理，一人一证，一人一号。');
const S6_4_2 = cite('六(四)2 学分登记', '凡参加“国培”、“区培”的教师，学时纳入集中培训学时');
const S6_4_2_DEGREE = cite('六(四)2', '凡参加学历提升学习的教师，其学时视为满分，即“培训合格”');
const S6_4_3 = cite('六(四)3', '按照“培训合格”“考核合格”双达标制要求予以审验');

export const params = defineParams({
  'hoursPerCredit.centralized': {
    value: 4,
    unit: 'hour/credit',
    label: t('集中培训每学分学时', 'centralized hours per credit'),
    cite: S5_2_1,
  },
  'hoursPerCredit.online': {
    value: 5,
    unit: 'hour/credit',
    label: t('网络培训每学分学时', 'online hours per credit'),
    cite: S5_2_1,
  },
  'hoursPerCredit.schoolBased': {
    value: 5,
    unit: 'hour/credit',
    label: t('校本研修每学分学时', 'school-based hours per credit'),
    cite: S5_2_1,
  },
  'bonus.low.good': {
    value: 0.05,
    unit: 'ratio',
    label: t('地州级及以下良好奖励', 'prefecture-or-below bonus, good'),
    cite: S5_2_2,
  },
  'bonus.low.excellent': {
    value: 0.1,
    unit: 'ratio',
    label: t('地州级及以下优秀奖励', 'prefecture-or-below bonus, excellent'),
    cite: S5_2_2,
  },
  'bonus.high.pass': {
    value: 0.05,
    unit: 'ratio',
    label: t('自治区级及以上合格奖励', 'region-or-above bonus, pass'),
    cite: S5_2_2,
  },
  'bonus.high.good': {
    value: 0.1,
    unit: 'ratio',
    label: t('自治区级及以上良好奖励', 'region-or-above bonus, good'),
    cite: S5_2_2,
  },
  'bonus.high.excellent': {
    value: 0.15,
    unit: 'ratio',
    label: t('自治区级及以上优秀奖励', 'region-or-above bonus, excellent'),
    cite: S5_2_2,
  },
  'lecturer.high': {
    value: 2,
    unit: 'ratio',
    label: t('自治区级及以上主讲奖励', 'region-or-above lecturer bonus'),
    cite: S5_2_2,
  },
  'lecturer.low': {
    value: 1,
    unit: 'ratio',
    label: t('地州级及以下主讲奖励', 'prefecture-or-below lecturer bonus'),
    cite: S5_2_2,
  },
  degreeHoursPerCredit: {
    value: 4,
    unit: 'hour/credit',
    overridable: true,
    min: 1,
    max: 10,
    reading: 'R-QT2',
    label: t('学历提升每学分学时', 'degree study hours per credit'),
    cite: S5_2_3,
  },
  cycleCredits: { value: 90, unit: 'credit', label: t('周期学分', 'credits a cycle'), cite: S5_1, reading: 'R-QT4' },
  requiredCredits: {
    value: 60,
    unit: 'credit',
    label: t('必修课程学分', 'required credits'),
    cite: S5_1,
    reading: 'R-QT4',
  },
  publicCredits: { value: 15, unit: 'credit', label: t('公共课学分', 'public-course credits'), cite: S5_1 },
  electiveCredits: {
    value: 10,
    unit: 'credit',
    label: t('选修课程学分', 'elective credits'),
    cite: S5_1,
    reading: 'R-QT4',
  },
  schoolBasedCredits: {
    value: 20,
    unit: 'credit',
    label: t('校本课程学分', 'school-based credits'),
    cite: S5_1,
    reading: 'R-QT4',
  },
  newTeacherCredits: {
    value: 30,
    unit: 'credit',
    label: t('新任教师适岗培训学分', 'new-teacher onboarding credits'),
    cite: S5_1,
  },
  yearHours: { value: 90, unit: 'hour', label: t('年度岗位培训学时', 'hours a year'), cite: S6_3, reading: 'R-QT3' },
  yearCredits: {
    value: 18,
    unit: 'credit',
    label: t('年度岗位培训学分（参考）', 'credits a year (for reference)'),
    cite: S6_3,
  },
  'quota.goodOrBetter': {
    value: 0.3,
    unit: 'ratio',
    label: t('良好以上比例上限', 'share rated good or better, at most'),
    cite: S5_2_2,
  },
  'quota.excellent': {
    value: 0.15,
    unit: 'ratio',
    label: t('优秀比例上限', 'share rated excellent, at most'),
    cite: S5_2_2,
  },
});

type Key = keyof typeof params;

/** A parameter's value as the reading summaries quote it. */
const v = (k: Key): string => fmt(params[k].value);

/** What the judge (and the cohort check) reads about each record, as its conversion classified it. */
interface Facts {
  /** 五(二)2: the teacher taught the training (a trainer, not one of its cohort) */
  lecturer: boolean;
  /** 五(一), R-QT6: new-teacher onboarding, a requirement of its own */
  newTeacher: boolean;
  /** 五(一): the course category its credits count in; absent for onboarding */
  bucket?: Bucket;
  /** 六(四)2: a national or region-level project (国培、区培) */
  high: boolean;
  /** 五(二)3: degree study */
  degree: boolean;
}
// `bucket` present from the start: one shape for every record's facts, none added later into a separate store
const BLANK: Facts = { lecturer: false, newTeacher: false, bucket: undefined, high: false, degree: false };

export const readings = defineReadings([
  {
    id: 'R-QT1',
    article: '五(二)2',
    question: '主讲教师的基础学分按哪种折算？与成绩奖励能否叠加？',
    chosen:
      'lecture hours convert as centralized (4 h = 1) unless the record is a prefecture-or-below online or school-based activity with role 主讲 (national and region-level hours are centralized, R-QT8); the lecturer bonus replaces the grade bonus',
    alternatives: ['5 h = 1 for every lecture', 'both bonuses added'],
    summary: t(
      `主讲学时按集中培训（${v('hoursPerCredit.centralized')}学时=1学分）折算，另有注明的除外；主讲奖励取代成绩奖励`,
      `lecture hours convert as centralized (${v('hoursPerCredit.centralized')} h = 1) unless stated otherwise; the lecturer bonus replaces the grade bonus`,
    ),
  },
  {
    id: 'R-QT2',
    article: '五(二)3',
    question: '学历提升学时按哪种“基础学分折算规定”折算？',
    chosen: 'as centralized: 4 hours = 1 credit',
    alternatives: ['5 hours = 1 credit'],
    summary: t(
      `学历提升学时按集中培训 ${v('degreeHoursPerCredit')}学时=1学分 折算`,
      `degree hours convert as centralized, ${v('degreeHoursPerCredit')} h = 1 credit`,
    ),
  },
  {
    id: 'R-QT3',
    article: '六(三)',
    question: '年度“90学时(18学分)”以学时还是学分为准？',
    chosen: 'hours: the year passes on hours ≥ 90; 18 credits is shown for reference',
    alternatives: ['credits ≥ 18', 'both'],
    summary: t(
      `年度以学时≥${v('yearHours')}为准，${v('yearCredits')}学分仅作参考`,
      `a year passes on ≥ ${v('yearHours')} hours; ${v('yearCredits')} credits is for reference`,
    ),
  },
  {
    id: 'R-QT4',
    article: '五(一)',
    question: '必修60、选修10、校本20是固定值还是最低值？',
    chosen:
      'minimums; required credits above 60 fill elective and school-based shortfalls (elective first), and nothing else offsets',
    alternatives: ['exact quotas: excess credits do not count'],
    summary: t(
      `各类学分为最低要求；必修超出${v('requiredCredits')}的部分先抵选修、再抵校本；选修、校本超出不能抵其他`,
      `component figures are minimums; required credits above ${v('requiredCredits')} fill elective, then school-based shortfalls; nothing else offsets`,
    ),
  },
  {
    id: 'R-QT5',
    article: '四、五(二)1',
    question: '未填课程类别、或培训方式不是集中/网络/校本时，如何归类与折算？',
    chosen:
      'school-based activities are 校本; teaching-research, research and lecturing are 选修 (四(二)); other training is 必修专业课; face-to-face activities convert as centralized',
    alternatives: ['reject records without a category'],
    summary: t(
      '未填类别时：校本研修→校本课程；教研、科研、培训者活动→选修；其余→必修专业课',
      'without a category: school-based → 校本; research, teaching-research and lecturing → elective; the rest → required (professional)',
    ),
  },
  {
    id: 'R-QT6',
    article: '五(一)',
    question: '新任教师30学分适岗培训是否计入周期90学分？',
    chosen: 'no: it is a separate requirement, reported on its own',
    alternatives: ['counted within the 90 as required credits'],
    summary: t(
      `新任教师适岗培训${v('newTeacherCredits')}学分单独考核，不计入${v('cycleCredits')}学分`,
      `the ${v('newTeacherCredits')} onboarding credits are a separate requirement, outside the ${v('cycleCredits')}`,
    ),
  },
  {
    id: 'R-QT7',
    article: '五(二)2',
    question: '成绩为“中”（70–79分）时如何奖励？',
    chosen: 'as 合格: the plan grades 合格, 良好 and 优秀 only',
    alternatives: ['as 良好'],
    summary: t(
      '奇台只有合格、良好、优秀三等：“中”按合格计',
      'Qitai has pass, good and excellent only: 中 counts as pass',
    ),
  },
  {
    id: 'R-QT8',
    article: '六(四)2',
    question:
      '“凡参加‘国培’、‘区培’的教师，学时纳入集中培训学时”：国家级、自治区级的网络培训、校本研修按几学时折1学分？',
    chosen:
      'as centralized hours, 4 h = 1 credit, whatever the delivery (online included): the sentence puts all 国培/区培 hours among the centralized ones',
    alternatives: ['by the delivery: online and school-based 5 h = 1 even for national and region-level projects'],
    summary: t(
      `国家级、自治区级（国培、区培）项目的学时一律按集中培训 ${v('hoursPerCredit.centralized')}学时=1学分 折算，网络培训也不例外`,
      `national and region-level (国培/区培) hours convert as centralized, ${v('hoursPerCredit.centralized')} h = 1 credit, whatever the delivery, online included`,
    ),
  },
]);

/** In Xinjiang 区级 is the autonomous region (自治区级), not a district. */
const levelAliases: Record<string, Level> = { 区级: 'provincial', 自治区: 'provincial', 地州级: 'prefecture' };

type Base = 'centralized' | 'online' | 'schoolBased';
const BASE: Partial<Record<Mode, Base>> = {
  centralized: 'centralized',
  followAlong: 'centralized',
  lecture: 'centralized',
  competition: 'centralized',
  research: 'centralized',
  classTeacher: 'centralized',
  newTeacher: 'centralized',
  support: 'centralized',
  degree: 'centralized',
  online: 'online',
  schoolBased: 'schoolBased',
  mentorship: 'schoolBased',
};
const BASE_ZH: Record<Base, string> = { centralized: '集中培训', online: '网络培训', schoolBased: '校本研修' };
const HIGH: ReadonlySet<Level> = new Set(['national', 'provincial']);
const LEVEL_HIGH_ZH: Partial<Record<Level, string>> = { national: '国家级', provincial: '自治区级' };
const GRADE_ZH: Record<Grade, string> = { excellent: '优秀', good: '良好', fair: '中', pass: '合格', fail: '不合格' };
/**
 * 五(二)2 rewards the 主讲教师 (承担培训者任务) of a training: that role on a training record is
 * lecturing. Degree study (五(二)3) has no lecturer, 师徒结对 has 师傅 and 徒弟, and a
 * research project (科研活动) is the teacher's own.
 */
const LECTURER: LecturerRule = {
  roles: new Set(['lecturer']),
  training: new Set<Mode>([
    'centralized',
    'followAlong',
    'online',
    'schoolBased',
    'competition',
    'classTeacher',
    'newTeacher',
    'support',
  ]),
  cite: S5_2_2,
};

type Bucket = 'requiredPublic' | 'requiredProfessional' | 'elective' | 'schoolBased';
const QITAI_CATEGORIES: ReadonlySet<Category> = new Set([
  'requiredPublic',
  'requiredProfessional',
  'elective',
  'schoolBased',
]);

const W_QT_4_CATEGORY = (lang: Lang, zh: string, b: 'schoolBased' | 'requiredProfessional' | 'elective') =>
  lang === 'zh' ? `未填课程类别，归入${zh}` : `no category given: counted as ${b}`;

function bucketOf(tr: Trace<Facts>, rec: TrainingRecord, lecturer: boolean): Bucket {
  if (rec.category && QITAI_CATEGORIES.has(rec.category)) return rec.category as Bucket;
  if (rec.category) {
    tr.issue(
      'CATEGORY_NOT_IN_REGION',
      'warning',
      'category',
      t(
        `“${rec.category}”是普洱的模块，不是奇台的课程类别（公共课、专业课、选修、校本），已按方式归类`,
        `"${rec.category}" is a Pu'er module, not a Qitai category; classified by mode instead`,
      ),
      S5_1,
      rec.category,
    );
  }
  const b: Bucket =
    rec.mode === 'schoolBased' || rec.mode === 'mentorship'
      ? 'schoolBased'
      : rec.mode === 'competition' || rec.mode === 'research' || lecturer
        ? 'elective'
        : 'requiredProfessional';
  const zh = {
    schoolBased: '校本课程',
    elective: '选修课程',
    requiredProfessional: '必修（专业课）',
    requiredPublic: '必修（公共课）',
  }[b];
  tr.step('QT-4-category', S4_2, W_QT_4_CATEGORY, [zh, b], {
    readings: ['R-QT5'],
  });
  return b;
}

const W_QT_6_4_2 = (
  lang: Lang,
  recLevel: 'national' | 'provincial' | 'prefecture' | 'county' | 'school',
  delivery: 'online' | 'schoolBased',
  recLevel_: 'national' | 'provincial' | 'prefecture' | 'county' | 'school' | undefined,
) =>
  lang === 'zh'
    ? `${LEVEL_HIGH_ZH[recLevel]}项目（国培、区培）的学时纳入集中培训学时：按集中培训折算，不按${BASE_ZH[delivery]}`
    : `a ${recLevel_} project (国培/区培): its hours are centralized hours, converted as centralized rather than ${delivery}`;

const W_QT_5_2_1_FAIL = (lang: Lang) =>
  lang === 'zh' ? '考核不合格：不予登记学时学分' : 'failed assessment: neither hours nor credits registered';

const W_QT_5_2_1 = (
  lang: Lang,
  hours: number | undefined,
  per: ParamUse,
  howZh: string,
  notZh: string,
  baseCredits: number,
  howEn: string,
  notEn: string,
) =>
  lang === 'zh'
    ? `基础学分：${fmt(hours)} 学时 ÷ ${pv(per)}（${howZh}${notZh}）= ${fmt(baseCredits)}`
    : `base credits: ${fmt(hours)} h ÷ ${pv(per)} (${howEn}${notEn}) = ${fmt(baseCredits)}`;

const W_QT_5_2_2_LECTURER = (lang: Lang, value: number, baseCredits: number, k: ParamUse, total: number) =>
  lang === 'zh'
    ? `主讲教师奖励 ${fmt(value * 100)}%：${fmt(baseCredits)} × (1 + ${pv(k)}) = ${fmt(total)}（取代成绩奖励）`
    : `lecturer bonus ${fmt(value * 100)} %: ${fmt(baseCredits)} × (1 + ${pv(k)}) = ${fmt(total)} (replaces the grade bonus)`;

const W_QT_5_2_2_FAIR = (lang: Lang) =>
  lang === 'zh'
    ? '奇台等次只有合格、良好、优秀：“中”按合格计'
    : 'Qitai grades are pass/good/excellent: 中 (fair) counts as pass';

const W_QT_5_2_2_NONE = (
  lang: Lang,
  level: 'national' | 'provincial' | 'prefecture' | 'county' | 'school',
  grade: 'excellent' | 'good' | 'pass',
) =>
  lang === 'zh'
    ? `${HIGH.has(level) ? '自治区级及以上' : '地州级及以下'}成绩${GRADE_ZH[grade]}：无奖励学分`
    : `${HIGH.has(level) ? 'region-or-above' : 'prefecture-or-below'} grade ${grade}: no bonus`;

const W_QT_5_2_2 = (
  lang: Lang,
  level: 'national' | 'provincial' | 'prefecture' | 'county' | 'school',
  grade: 'excellent' | 'good' | 'pass',
  value: number,
  baseCredits: number,
  k: ParamUse,
  total: number,
) =>
  lang === 'zh'
    ? `${HIGH.has(level) ? '自治区级及以上' : '地州级及以下'}成绩${GRADE_ZH[grade]}奖励 ${fmt(value * 100)}%：${fmt(baseCredits)} × (1 + ${pv(k)}) = ${fmt(total)}`
    : `${HIGH.has(level) ? 'region-or-above' : 'prefecture-or-below'} grade ${grade} bonus ${fmt(value * 100)} %: ${fmt(baseCredits)} × (1 + ${pv(k)}) = ${fmt(total)}`;

const WHY_THE_CONVERSION_RATIO_DEPENDS_ON = t('折算比例取决于培训方式', 'the conversion ratio depends on the mode');
const WHY_CREDITS_ARE_CONVERTED_FROM_HOURS = t('学分由学时折算', 'credits are converted from hours');
const WHY_THE_LECTURER_BONUS_DEPENDS_ON = t('主讲奖励取决于项目级别', 'the lecturer bonus depends on the level');
const WHY_THE_BONUS_DEPENDS_ON_THE = t('奖励学分取决于项目级别', 'the bonus depends on the level');

/** 五(二)1 converts the modes it names: any other the plan gives no conversion for. */
function modeNotCovered(tr: Trace<Facts>, rec: TrainingRecord, mode: Mode): Conversion<Facts> {
  tr.issue(
    'MODE_NOT_COVERED',
    'warning',
    'mode',
    t(
      `奇台规划未规定“${mode}”的学分折算，不计算`,
      `the Qitai plan gives no conversion for "${mode}"; nothing computed`,
    ),
    S5_2_1,
    mode,
  );
  return tr.done(rec.hours ?? null, null);
}

/**
 * What the judge and the cohort check read of a record (五(一)'s course category, 五(二)2's lecturer, 六(四)2's
 * 国培/区培, 五(二)3's degree); returns the delivery its hours convert by, centralized for 国培/区培 (R-QT8).
 */
function classify(tr: Trace<Facts>, rec: TrainingRecord, modeBase: Base): Base {
  let base = modeBase;
  const lecturer = lecturing(tr, rec, LECTURER);
  tr.facts.lecturer = lecturer;
  // a lecturer at an onboarding course is not the teacher being onboarded (R-QT6)
  if (rec.mode === 'newTeacher' && !lecturer) tr.facts.newTeacher = true;
  else tr.facts.bucket = bucketOf(tr, rec, lecturer);
  tr.facts.high = rec.level !== undefined && HIGH.has(rec.level);
  if (tr.facts.high && base !== 'centralized') {
    // R-QT8: 国培 and 区培 hours are centralized hours, whatever the delivery
    const delivery = base;
    tr.step('QT-6.4.2', S6_4_2, W_QT_6_4_2, [rec.level!, delivery, rec.level], { readings: ['R-QT8'] });
    base = 'centralized';
  }
  tr.facts.degree = rec.mode === 'degree';
  return base;
}

/** 五(二)1's base credits, the hours over the delivery's hours per credit; 五(二)3's for degree study (R-QT2). */
function baseCreditsOf(
  tr: Trace<Facts>,
  rec: TrainingRecord,
  p: Params<Key>,
  mode: Mode,
  base: Base,
  hours: number,
): number {
  const per = mode === 'degree' ? p.use('degreeHoursPerCredit') : p.use(`hoursPerCredit.${base}`);
  const baseCredits = quotient([hours], [per.value!]);
  const readings =
    mode === 'degree'
      ? ['R-QT2']
      : mode === 'lecture'
        ? ['R-QT1']
        : BASE[mode] !== mode && mode !== 'followAlong'
          ? ['R-QT5']
          : [];
  // R-QT8 puts 国培/区培 hours among the centralized ones; a known level below them converts by its delivery
  const byDelivery = base !== 'centralized' && rec.level !== undefined;
  const how = mode === 'degree' ? t('学历提升按集中培训', 'degree, as centralized') : t(BASE_ZH[base], base);
  const not = byDelivery ? t('，非国培、区培', ', not 国培/区培') : t('', '');
  tr.step(
    'QT-5.2.1',
    mode === 'degree' ? S5_2_3 : S5_2_1,
    W_QT_5_2_1,
    [hours, per, how.zh, not.zh, baseCredits, how.en, not.en],
    { readings: byDelivery ? [...readings, 'R-QT8'] : readings, params: [per] },
  );
  return baseCredits;
}

/** 五(二)2: the lecturer's bonus by the project's level, in place of the grade's (R-QT1). */
function lecturerBonus(
  tr: Trace<Facts>,
  rec: TrainingRecord,
  ctx: RecordContext<Key>,
  hours: number,
  baseCredits: number,
): Conversion<Facts> {
  if (!requireField(tr, ctx, rec.level, 'level', WHY_THE_LECTURER_BONUS_DEPENDS_ON)) return tr.done(hours, null);
  const k = ctx.params.use(HIGH.has(rec.level) ? 'lecturer.high' : 'lecturer.low');
  const total = product(baseCredits, add(1, k.value!));
  tr.step('QT-5.2.2-lecturer', S5_2_2, W_QT_5_2_2_LECTURER, [k.value!, baseCredits, k, total], {
    readings: ['R-QT1'],
    params: [k],
  });
  return tr.done(hours, total);
}

/** 五(二)2: the grade's bonus by the project's level; no grade is a pass, and 中 is one too (R-QT7). */
function gradeBonus(
  tr: Trace<Facts>,
  rec: TrainingRecord,
  ctx: RecordContext<Key>,
  hours: number,
  baseCredits: number,
  given: Exclude<Grade, 'fail'> | undefined,
): Conversion<Facts> {
  const p = ctx.params;
  if (given === undefined) {
    if (ctx.columns.has('grade') && !ctx.rejected.has('grade'))
      tr.issue(
        'GRADE_MISSING',
        'warning',
        'grade',
        t('未填考核等次，按合格计', 'no grade given; taken as pass'),
        S5_2_2,
      );
    if (!tr.facts.high) return tr.done(hours, baseCredits);
  }
  if (!requireField(tr, ctx, rec.level, 'level', WHY_THE_BONUS_DEPENDS_ON_THE)) return tr.done(hours, baseCredits);
  let grade: Grade = given ?? 'pass';
  if (grade === 'fair') {
    // Qitai grades 合格/良好/优秀 only; a 70–79 score or 中 is a pass here.
    tr.step('QT-5.2.2-fair', S5_2_2, W_QT_5_2_2_FAIR, [], { readings: ['R-QT7'] });
    grade = 'pass';
  }
  const level = rec.level;
  const key = `bonus.${HIGH.has(level) ? 'high' : 'low'}.${grade}` as const;
  if (!p.has(key)) {
    tr.step('QT-5.2.2-none', S5_2_2, W_QT_5_2_2_NONE, [level, grade]);
    return tr.done(hours, baseCredits);
  }
  const k = p.use(key);
  const total = product(baseCredits, add(1, k.value!));
  tr.step('QT-5.2.2', S5_2_2, W_QT_5_2_2, [level, grade, k.value!, baseCredits, k, total], { params: [k] });
  return tr.done(hours, total);
}

function convert(rec: TrainingRecord, ctx: RecordContext<Key>): Conversion<Facts> {
  const tr = new Trace<Facts>({ ...BLANK });
  if (!requireField(tr, ctx, rec.mode, 'mode', WHY_THE_CONVERSION_RATIO_DEPENDS_ON)) return tr.done(null, null);
  const modeBase: Base | undefined = BASE[rec.mode];
  if (!modeBase) return modeNotCovered(tr, rec, rec.mode);
  const base = classify(tr, rec, modeBase);
  if (!requireField(tr, ctx, rec.hours, 'hours', WHY_CREDITS_ARE_CONVERTED_FROM_HOURS)) return tr.done(null, null);
  if (rec.grade === 'fail') {
    // A failed training is not registered: its hours do not count toward 六(三)'s 90 a year either.
    tr.step('QT-5.2.1-fail', S5_2_1, W_QT_5_2_1_FAIL, []);
    return tr.done(0, 0);
  }
  const baseCredits = baseCreditsOf(tr, rec, ctx.params, rec.mode, base, rec.hours);
  if (rec.mode === 'degree') {
    // 五(二)3 converts degree hours by the base rule only: no grade or lecturer bonus.
    return tr.done(rec.hours, baseCredits);
  }
  if (tr.facts.lecturer) return lecturerBonus(tr, rec, ctx, rec.hours, baseCredits);
  return gradeBonus(tr, rec, ctx, rec.hours, baseCredits, rec.grade);
}

const W_QT_6_3_SUM = (lang: Lang, length: number, hours: number, credits: number, high: number, onboarding: number) =>
  lang === 'zh'
    ? `${length} 条记录：${fmt(hours)} 学时、${fmt(credits)} 学分，其中国培、区培 ${fmt(high)} 学时${onboarding ? `；新任教师适岗培训 ${onboarding} 条单独计` : ''}`
    : `${length} record(s): ${fmt(hours)} h, ${fmt(credits)} credits, ${fmt(high)} h of them national or region-level${onboarding ? `; ${onboarding} onboarding record(s) counted apart` : ''}`;

const W_QT_6_3_STAND_IN = (lang: Lang, high: number) =>
  lang === 'zh'
    ? `国培、区培 ${fmt(high)} 学时，顶替本年度，不顶替本周期`
    : `national/region training of ${fmt(high)} h stands in for this year, not for the cycle`;

const L_TRAINING_HOURS_THIS_YEAR = t('年度岗位培训学时', 'training hours this year');
const L_CREDITS_THIS_YEAR_FOR_REFERENCE = t('年度学分（参考）', 'credits this year (for reference)');

const isTraining = (r: ConvertedRecord<Facts>): boolean => !r.conversion.facts.newTeacher;
const isHigh = (r: ConvertedRecord<Facts>): boolean => r.conversion.facts.high;

function judgeYear(y: number, recs: ConvertedRecord<Facts>[], input: JudgeInput<Facts>, p: Params<Key>): YearJudgement {
  const j = new Judging('QT');
  // onboarding is its own requirement (R-QT6), in the year as in the cycle
  const counted = recs.filter(isTraining);
  const onboarding = recs.length - counted.length;
  const hours = sumOf(counted, hoursOf);
  const credits = sumOf(counted, creditsOf);
  const high = sumOf(counted, hoursOf, isHigh);
  j.step('QT-6.3-sum', S6_3, W_QT_6_3_SUM, [counted.length, hours, credits, high, onboarding], {
    readings: onboarding ? ['R-QT6'] : [],
  });
  const yearHours = p.use('yearHours');
  if (high >= yearHours.value!) j.note('QT-6.3-stand-in', S6_3, W_QT_6_3_STAND_IN, [high], { params: [yearHours] });
  const assessed = !beforeHire(j, y, input.facts.hireYear, S3);
  j.check(
    condition('yearHours', L_TRAINING_HOURS_THIS_YEAR, 'hours', hours, yearHours, S6_3, {
      readings: ['R-QT3'],
    }),
    // R-QT3: the year passes on hours; the credits of 六(三) are shown for reference only.
    condition('yearCredits', L_CREDITS_THIS_YEAR_FOR_REFERENCE, 'credits', credits, p.use('yearCredits'), S6_3, {
      advisory: true,
      readings: ['R-QT3'],
    }),
  );
  const pass = assessed ? allMet(j.conditions) : null;
  return j.year(y, { hours, credits, pass, undefinedCredits: countUndefined(counted) });
}

const W_QT_5_1_SUM = (
  lang: Lang,
  hours: number,
  required: number,
  pub: number,
  e0: number,
  s0: number,
  credits: number,
) =>
  lang === 'zh'
    ? `${fmt(hours)} 学时；必修 ${fmt(required)} 学分（其中公共课 ${fmt(pub)}）、选修 ${fmt(e0)}、校本 ${fmt(s0)}，共 ${fmt(credits)} 学分`
    : `${fmt(hours)} h; required ${fmt(required)} credits (public ${fmt(pub)}), elective ${fmt(e0)}, school-based ${fmt(s0)}: ${fmt(credits)} credits`;

const W_QT_5_1_OFFSET = (
  lang: Lang,
  value: number | null,
  zh: '选修' | '校本',
  moved: number,
  name: 'schoolBased' | 'elective',
) =>
  lang === 'zh'
    ? `必修超出${fmt(value)}学分的部分折抵${zh} ${fmt(moved)} 学分`
    : `${fmt(moved)} required credits above ${fmt(value)} fill the ${name} shortfall`;

const W_QT_5_1_OFFSET_2 = (
  lang: Lang,
  zh: '选修' | '校本',
  short: number,
  value: number | null,
  name: 'schoolBased' | 'elective',
) =>
  lang === 'zh'
    ? `${zh}还差 ${fmt(short)} 学分，必修没有超出${fmt(value)}学分的部分可折抵`
    : `${name} is ${fmt(short)} credits short; no required credits above ${fmt(value)} are left to fill it`;

const W_QT_6_4_2_DEGREE = (lang: Lang) =>
  lang === 'zh'
    ? '本周期取得学历提升证书：学时视为满分，即“培训合格”，下列学分条件不影响结论'
    : 'a degree obtained in the cycle counts as full marks: training requirement met, so the credit conditions below do not decide';

const W_QT_6_4_3 = (lang: Lang) =>
  lang === 'zh'
    ? '表中无“考核合格”记录：结论只反映“培训合格”，“考核合格”待定'
    : 'no assessment column: the result reflects the training requirement only; the assessment (考核合格) is still to be decided';

const W_QT_6_4_3_2 = (lang: Lang) =>
  lang === 'zh'
    ? '考核（专业理论培训考核）不合格：须“培训合格”“考核合格”双达标'
    : 'assessment failed: certification needs both training and assessment';

const W_QT_6_4_3_3 = (lang: Lang) => (lang === 'zh' ? '考核合格' : 'assessment passed');

const L_CYCLE_CREDITS = t('周期学分', 'cycle credits');
const L_REQUIRED_CREDITS = t('必修课程学分', 'required credits');
const L_PUBLIC_COURSE_CREDITS = t('公共课学分', 'public-course credits');
const L_ELECTIVE_CREDITS_WITH_OFFSETS = t('选修课程学分（含必修折抵）', 'elective credits (with offsets)');
const L_SCHOOL_BASED_CREDITS_WITH_OFFSETS = t('校本课程学分（含必修折抵）', 'school-based credits (with offsets)');
const L_NEW_TEACHER_ONBOARDING_CREDITS_SEPARATE = t(
  '新任教师适岗培训学分（单独计）',
  'new-teacher onboarding credits (separate)',
);

/** Each year of the cycle judged on its own (六(三)'s hours a year), on its counted records. */
function judgeYears(input: JudgeInput<Facts>, p: Params<Key>): YearJudgement[] {
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

/** 五(一)'s course categories in the cycle, as summed; the offsets (R-QT4) raise elective and schoolBased. */
interface Components {
  pub: number;
  required: number;
  elective: number;
  schoolBased: number;
}

/** The credits of the records of one course category. */
function bucketCredits(all: ConvertedRecord<Facts>[], b: Bucket): number {
  let total = 0;
  // whole hundredths, as sumOf adds them, without a predicate made for each bucket
  for (let i = 0; i < all.length; i++) {
    const c = all[i]!.conversion;
    if (c.facts.bucket !== b) continue;
    const k = cents(c.credits ?? 0);
    if (k === undefined) return sumOf(all, creditsOf, (r) => r.conversion.facts.bucket === b);
    total += k;
  }
  return Math.abs(total) < 2 ** 50 ? total / 100 || 0 : sumOf(all, creditsOf, (r) => r.conversion.facts.bucket === b);
}

/**
 * R-QT4: required credits above their minimum fill one category's shortfall; returns the excess left. The step
 * says how much moved, or that nothing was left to move.
 */
function fillShortfall(
  j: Judging,
  reqMin: ParamUse,
  min: ParamUse,
  c: Components,
  name: 'elective' | 'schoolBased',
  excess: number,
): number {
  const short = Math.max(0, sub(min.value!, c[name]));
  if (short === 0) return excess;
  const zh = name === 'elective' ? '选修' : '校本';
  const moved = Math.min(short, excess);
  if (moved > 0) {
    c[name] = add(c[name], moved);
    j.note('QT-5.1-offset', S5_1, W_QT_5_1_OFFSET, [reqMin.value, zh, moved, name], {
      readings: ['R-QT4'],
      params: [reqMin, min],
    });
    return sub(excess, moved);
  }
  j.step('QT-5.1-offset', S5_1, W_QT_5_1_OFFSET_2, [zh, short, reqMin.value, name], {
    readings: ['R-QT4'],
    params: [reqMin, min],
  });
  return excess;
}

/** 五(一), R-QT4: required credits above their minimum fill the elective shortfall first, then the school-based one. */
function requiredOffsets(j: Judging, p: Params<Key>, c: Components): ParamUse {
  const reqMin = p.use('requiredCredits');
  const excess = Math.max(0, sub(c.required, reqMin.value!));
  const electiveMin = p.use('electiveCredits');
  const schoolBasedMin = p.use('schoolBasedCredits');
  const left = fillShortfall(j, reqMin, electiveMin, c, 'elective', excess);
  fillShortfall(j, reqMin, schoolBasedMin, c, 'schoolBased', left);
  return reqMin;
}

/** 五(一)'s conditions: the cycle's total, its categories with the offsets, a new teacher's onboarding (R-QT6). */
function cycleConditions(
  input: JudgeInput<Facts>,
  p: Params<Key>,
  c: Components,
  credits: number,
  reqMin: ParamUse,
): Condition[] {
  const conditions = [
    condition('cycleCredits', L_CYCLE_CREDITS, 'credits', credits, p.use('cycleCredits'), S5_1, {
      readings: ['R-QT4'],
    }),
    condition('requiredCredits', L_REQUIRED_CREDITS, 'credits', c.required, reqMin, S5_1, {
      readings: ['R-QT4'],
    }),
    condition('publicCredits', L_PUBLIC_COURSE_CREDITS, 'credits', c.pub, p.use('publicCredits'), S5_1),
    condition(
      'electiveCredits',
      L_ELECTIVE_CREDITS_WITH_OFFSETS,
      'credits',
      c.elective,
      p.use('electiveCredits'),
      S5_1,
      {
        readings: ['R-QT4'],
      },
    ),
    condition(
      'schoolBasedCredits',
      L_SCHOOL_BASED_CREDITS_WITH_OFFSETS,
      'credits',
      c.schoolBased,
      p.use('schoolBasedCredits'),
      S5_1,
      { readings: ['R-QT4'] },
    ),
  ];
  const hire = input.facts.hireYear;
  if (hire !== undefined && hire >= input.start && hire <= input.end) {
    const nt = sum(input.records.filter((r) => r.conversion.facts.newTeacher).map((r) => r.conversion.credits ?? 0));
    conditions.push(
      condition(
        'newTeacherCredits',
        L_NEW_TEACHER_ONBOARDING_CREDITS_SEPARATE,
        'credits',
        nt,
        p.use('newTeacherCredits'),
        S5_1,
        { readings: ['R-QT6'] },
      ),
    );
  }
  return conditions;
}

/** 六(四)2: a degree obtained in the cycle meets the training requirement, whatever the figures. */
function degreeMeets(j: Judging, all: ConvertedRecord<Facts>[], training: boolean): boolean {
  const degree = !training && all.some((r) => r.conversion.facts.degree && (r.conversion.credits ?? 0) > 0);
  if (degree) j.note('QT-6.4.2-degree', S6_4_2_DEGREE, W_QT_6_4_2_DEGREE, []);
  return degree;
}

/** 六(四)3: certification needs 培训合格 and 考核合格, the latter from the assessment column. */
function certified(j: Judging, input: JudgeInput<Facts>, trained: boolean): boolean {
  let pass = trained;
  if (input.facts.assessment === undefined) {
    j.note('QT-6.4.3', S6_4_3, W_QT_6_4_3, []);
  } else if (!input.facts.assessment) {
    pass = false;
    j.note('QT-6.4.3', S6_4_3, W_QT_6_4_3_2, []);
  } else {
    j.note('QT-6.4.3', S6_4_3, W_QT_6_4_3_3, []);
  }
  return pass;
}

/** The years, then the cycle in order: sums by category → offsets → before hire → conditions → degree → assessment. */
function judge(input: JudgeInput<Facts>, ctx: RuleContext<Key>) {
  const p = ctx.params;
  const years = judgeYears(input, p);
  const j = new Judging('QT');
  const all = input.records.filter((r) => r.conversion.counted);
  const pub = bucketCredits(all, 'requiredPublic');
  const c: Components = {
    pub,
    required: add(pub, bucketCredits(all, 'requiredProfessional')),
    elective: bucketCredits(all, 'elective'),
    schoolBased: bucketCredits(all, 'schoolBased'),
  };
  const credits = sum([c.required, c.elective, c.schoolBased]);
  const hours = sumOf(all, hoursOf, isTraining);
  // the offsets change elective and schoolBased: the step says them as summed
  j.step('QT-5.1-sum', S5_1, W_QT_5_1_SUM, [hours, c.required, pub, c.elective, c.schoolBased, credits]);
  const reqMin = requiredOffsets(j, p, c);
  yearsBeforeHire(j, years, input.facts.hireYear, S3);
  const conditions = cycleConditions(input, p, c, credits, reqMin);
  const training = allMet(conditions);
  const degree = degreeMeets(j, all, training);
  j.check(...conditions);
  const pass = certified(j, input, training || degree);
  return {
    years,
    cycle: j.cycle(input.start, input.end, {
      hours,
      credits,
      pass,
      undefinedCredits: countUndefined(all),
      // 考核不合格 fails the cycle whatever its credits: no record's undefined credits can make it pending
      failsRegardless: input.facts.assessment === false,
    }),
  };
}

function crossCheck(records: ConvertedRecord<Facts>[], ctx: RuleContext<Key>): void {
  cohortQuota(records, ctx);
  oneCertificate(records);
}

/** 五(二)2: in one project, at most 30 % rated good or better and at most 15 % excellent. */
function cohortQuota(records: ConvertedRecord<Facts>[], ctx: RuleContext<Key>): void {
  const p = ctx.params;
  // a project's cohort of a year: its records by the project's folded name and the year; each spelling of a
  // name finds its years through one look-up (the same text is the same string on every row)
  const projects: ConvertedRecord<Facts>[][] = [];
  const byFolded = new Map<string, Map<number | null, ConvertedRecord<Facts>[]>>();
  const bySpelling = new Map<string, Map<number | null, ConvertedRecord<Facts>[]>>();
  for (const r of records) {
    const name = r.record.project;
    // the project's trainers are not its cohort
    if (!name || r.record.grade === undefined || r.conversion.facts.lecturer) continue;
    let years = bySpelling.get(name);
    if (!years) {
      const folded = foldOnce(name);
      years = byFolded.get(folded);
      if (!years) byFolded.set(folded, (years = new Map()));
      bySpelling.set(name, years);
    }
    let list = years.get(r.record.year);
    if (!list) {
      years.set(r.record.year, (list = []));
      projects.push(list);
    }
    list.push(r);
  }
  const goodUse = p.use('quota.goodOrBetter');
  const excUse = p.use('quota.excellent');
  const goodMax = goodUse.value!;
  const excMax = excUse.value!;
  for (const list of projects) {
    const n = list.length;
    // both counts in one pass: a roster has a cohort for each project and year, most of them within the quota
    let good = 0;
    let exc = 0;
    for (let i = 0; i < n; i++) {
      const g = list[i]!.record.grade;
      if (g === 'excellent') {
        exc++;
        good++;
      } else if (g === 'good') good++;
    }
    const goodOver = good > product(n, goodMax);
    const excOver = exc > product(n, excMax);
    if (!goodOver && !excOver) continue;
    const over: Text[] = [];
    const uses = [];
    if (goodOver) uses.push(goodUse);
    if (excOver) uses.push(excUse);
    if (goodOver)
      over.push(
        t(
          `良好以上 ${good}/${n}（${pct(good, n)}，上限 ${fmt(goodMax * 100)}%）`,
          `good or better ${good}/${n} (${pct(good, n)}, at most ${fmt(goodMax * 100)} %)`,
        ),
      );
    if (excOver)
      over.push(
        t(
          `优秀 ${exc}/${n}（${pct(exc, n)}，上限 ${fmt(excMax * 100)}%）`,
          `excellent ${exc}/${n} (${pct(exc, n)}, at most ${fmt(excMax * 100)} %)`,
        ),
      );
    const issue: Issue = {
      code: 'COHORT_QUOTA_EXCEEDED',
      severity: 'warning',
      field: 'grade',
      message: t(
        `项目“${list[0]!.record.project}”等次比例超出：${over.map((o) => o.zh).join('；')}`,
        `project "${list[0]!.record.project}" exceeds the grade quota: ${over.map((o) => o.en).join('; ')}`,
      ),
      cite: S5_2_2,
      uses,
    };
    for (const r of list) addIssue(r, issue);
  }
}

/** A certificate number as 附件 writes it: spaces and hyphens between the groups do not matter. */
const certificateKey = (raw: string): string => raw.normalize('NFKC').replace(/[\s-]/g, '');

/**
 * 六(四)1 「一人一证，一人一号」: one number on two teachers' rows is an error on the rows of
 * both; one teacher with two numbers is a warning on that teacher's rows.
 */
function oneCertificate(records: ConvertedRecord[]): void {
  const byNumber = new Map<string, Map<string, ConvertedRecord[]>>();
  const byTeacher = new Map<string, Map<string, ConvertedRecord[]>>();
  const put = (m: Map<string, Map<string, ConvertedRecord[]>>, a: string, b: string): ConvertedRecord[] => {
    let inner = m.get(a);
    if (!inner) m.set(a, (inner = new Map()));
    let list = inner.get(b);
    if (!list) inner.set(b, (list = []));
    return list;
  };
  // a teacher's rows follow each other with the same number: the row before's two lists are this row's
  let last: { certificate: string; teacherId: string; a: ConvertedRecord[]; b: ConvertedRecord[] } | undefined;
  for (const r of records) {
    const { certificate, teacherId } = r.record;
    if (!certificate || teacherId === null) continue;
    if (last?.certificate !== certificate || last.teacherId !== teacherId) {
      const n = certificateKey(certificate);
      const id = foldOnce(teacherId);
      last = { certificate, teacherId, a: put(byNumber, n, id), b: put(byTeacher, id, n) };
    }
    last.a.push(r);
    last.b.push(r);
  }
  for (const [n, teachers] of byNumber) {
    if (teachers.size < 2) continue;
    for (const [id, rows] of teachers) {
      // the other teachers by a row of theirs: row numbers say where, without repeating ID numbers
      const others = [...teachers].filter(([other]) => other !== id).map(([, rs]) => rs[0]!.record.row);
      const issue: Issue = {
        code: 'CERTIFICATE_SHARED',
        severity: 'error',
        field: 'certificate',
        value: n,
        cite: S6_4_1,
        message: t(
          `证书编号 ${n} 也登记在另 ${others.length} 位教师名下（第 ${others.join('、')} 行）：一人一证，一人一号`,
          `certificate number ${n} is also on the rows of ${others.length} other teacher(s) (row ${others.join(', ')}): one certificate, one number per teacher`,
        ),
      };
      for (const r of rows) addIssue(r, issue);
    }
  }
  for (const numbers of byTeacher.values()) {
    if (numbers.size < 2) continue;
    const list = [...numbers.keys()];
    const issue: Issue = {
      code: 'CERTIFICATE_MULTIPLE',
      severity: 'warning',
      field: 'certificate',
      value: list.join(' / '),
      cite: S6_4_1,
      message: t(
        `同一教师登记了 ${list.length} 个证书编号：${list.join('、')}；一人一号，请核对`,
        `one teacher carries ${list.length} certificate numbers: ${list.join(', ')}; one number per teacher, please check`,
      ),
    };
    for (const rows of numbers.values()) for (const r of rows) addIssue(r, issue);
  }
}

// ---- certificate numbers (附件 电子证书编号规则) ----

export const PREFECTURES: Record<string, string> = {
  '01': '乌鲁木齐市',
  '02': '伊犁州',
  '03': '塔城地区',
  '04': '阿勒泰地区',
  '05': '克拉玛依市',
  '06': '博州',
  '07': '昌吉州',
  '08': '哈密市',
  '09': '吐鲁番市',
  '10': '巴州',
  '11': '阿克苏地区',
  '12': '克州',
  '13': '喀什地区',
  '14': '和田地区',
};
/** County codes are published for 昌吉州 only. */
export const CHANGJI_COUNTIES: Record<string, string> = {
  '01': '州直学校',
  '02': '玛纳斯县',
  '03': '呼图壁县',
  '04': '昌吉市',
  '05': '阜康市',
  '06': '吉木萨尔县',
  '07': '奇台县',
  '08': '木垒县',
};
export const SCHOOL_TYPES: Record<string, string> = {
  '1': '小学',
  '2': '初中（含职业初中）',
  '3': '高中（含职业高中）',
  '4': '幼儿园',
  '5': '特殊教育',
  '6': '教学服务机构',
};

export interface CertificateCheck {
  valid: boolean;
  message: Text;
  parts?: { prefecture: string; county: string; schoolType: string; sequence: string };
}

export function checkCertificate(raw: string): CertificateCheck {
  const s = raw.normalize('NFKC').replace(/[\s-]/g, '');
  const bad = (zh: string, en: string): CertificateCheck => ({
    valid: false,
    message: t(`证书编号「${raw}」${zh}`, `certificate number "${raw}": ${en}`),
  });
  if (!/^\d{10}$/.test(s)) return bad('应为10位数字', 'must be 10 digits');
  const pre = s.slice(0, 2);
  const county = s.slice(2, 4);
  const type = s.slice(4, 5);
  const seq = s.slice(5);
  if (!PREFECTURES[pre])
    return bad(`第1–2位地级代码 ${pre} 不存在（01–14）`, `prefecture code ${pre} does not exist (01–14)`);
  let countyName = `县级代码 ${county}`;
  if (pre === '07') {
    if (!CHANGJI_COUNTIES[county])
      return bad(
        `第3–4位县级代码 ${county} 不是昌吉州的县市（01–08）`,
        `county code ${county} is not a county of Changji Prefecture (01–08)`,
      );
    countyName = CHANGJI_COUNTIES[county]!;
  } else if (county === '00') {
    return bad('第3–4位县级代码不能为 00', 'county code cannot be 00');
  }
  if (!SCHOOL_TYPES[type])
    return bad(`第5位学校类型代码 ${type} 不存在（1–6）`, `school-type code ${type} does not exist (1–6)`);
  if (seq === '00000') return bad('第6–10位流水号应从 00001 开始', 'the sequence starts at 00001');
  const parts = { prefecture: PREFECTURES[pre]!, county: countyName, schoolType: SCHOOL_TYPES[type]!, sequence: seq };
  return {
    valid: true,
    message: t(
      `${parts.prefecture} ${parts.county} ${parts.schoolType} 第${seq}号`,
      `${parts.prefecture} ${parts.county} ${parts.schoolType} no. ${seq}`,
    ),
    parts,
  };
}

/** What some issue codes mean in Qitai, for the code table of docs/rules.md. */
const issueNotes: Partial<Record<IssueCode, Text>> = {
  GRADE_MISSING: t('按合格计（五(二)2）', 'taken as a pass (五(二)2)'),
  CATEGORY_NOT_IN_REGION: t(
    '填的是普洱的模块名，改按培训方式归类（R-QT5）',
    "a Pu'er module name: classified by the mode instead (R-QT5)",
  ),
  CERTIFICATE_INVALID: t(
    '证书编号应为 10 位：地级代码 2 位、县级代码 2 位、学校类型 1 位、流水号 5 位（附件）',
    'a certificate number has 10 digits: prefecture 2, county 2, school type 1, sequence 5 (附件)',
  ),
  CERTIFICATE_SHARED: t(
    '同一证书编号登记在两位或更多教师名下，出现在这些教师的每一行上（六(四)1）',
    "one number on several teachers' rows, marked on each of them (六(四)1)",
  ),
  CERTIFICATE_MULTIPLE: t(
    '同一位教师登记了两个或更多证书编号（六(四)1）',
    'one teacher with two or more numbers (六(四)1)',
  ),
  COHORT_QUOTA_EXCEEDED: t(
    `同一项目良好以上超过 ${fmt(params['quota.goodOrBetter'].value! * 100)}% 或优秀超过 ${fmt(params['quota.excellent'].value! * 100)}%（五(二)2）`,
    `in one project more than ${fmt(params['quota.goodOrBetter'].value! * 100)} % good or better, or more than ${fmt(params['quota.excellent'].value! * 100)} % excellent (五(二)2)`,
  ),
};

export const qitai: RegionRules<Key, Facts> = {
  id: 'qitai',
  name: t('奇台（新疆）', 'Qitai (Xinjiang)'),
  spellings: ['奇台', '奇台县', '新疆', 'qitai', 'xinjiang'],
  source: {
    file: '004_b06b09c6b9aa1bd9.txt',
    title: '奇台县第七个五年管理周期中小学和幼儿园教师继续教育规划（2024-2028年）',
    body: '奇台县教育局',
    year: 2024,
  },
  params,
  readings,
  unit: 'credits',
  requiresLevel: true,
  // 第七个五年管理周期 2024–2028, fixed by the plan itself
  cycleKind: 'fixed',
  issueNotes,
  fingerprint: { idPrefixes: ['65'], words: ['自治区级', '自治区', '区培', '地州级', '地(州、市)级'] },
  template: {
    // in Xinjiang the level above the prefecture is the autonomous region (自治区级)
    levels: ['国家级', '自治区级', '地州级', '县级', '校级'],
    columns: [
      { header: '课程类别', list: ['公共课', '专业课', '选修', '校本'], width: 10 },
      { header: '角色', list: ['主讲教师'], width: 8 },
      { header: '证书编号', numberFormat: '@', width: 14 },
      { header: '考核结果', list: ['合格', '不合格'], width: 8 },
    ],
  },
  modes: [
    'centralized',
    'online',
    'schoolBased',
    'followAlong',
    'lecture',
    'competition',
    'research',
    'degree',
    'newTeacher',
    'classTeacher',
    'support',
    'mentorship',
  ],
  certificate: checkCertificate,
  fixedCycle: { start: 2024, cite: S6_4 },
  blankFacts: BLANK,
  levelAliases,
  dayHoursKey: () => null,
  convert,
  judge,
  crossCheck,
};
