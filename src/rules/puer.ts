// 普洱市中小学教师全员培训管理办法（试行）+ 学分认定管理实施细则（试行）+ 校本研修实施方案
// (普洱市教育体育局, 2023) — seeds/003_8403e7cbc03e57c3.txt
// credits = rate × hours × (1 + performance coefficient) (第十一条).
import { defineParams, defineReadings, Cite, Params, type ParamUse, type Unit } from './params';
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
  hasValues,
  lecturing,
  beforeHire,
  yearsBeforeHire,
  hoursOf,
  creditsOf,
  lastOf,
} from './region';
import { add, cents, sum, sumOf, product, quotient, fmt } from '../core/decimal';
import { t, Text, type Lang } from '../core/text';
import type {
  Conversion,
  ConvertedRecord,
  Issue,
  IssueCode,
  SchoolFlag,
  TeacherJudgement,
  TrainingRecord,
  YearJudgement,
} from '../core/types';
import type { Award, Category, Grade, Level, Mode, Role } from '../core/vocabulary';

const DOC = '普洱市中小学教师全员培训管理办法（试行）（2023）';
const DOC2 = '普洱市中小学幼儿园教师全员培训学分认定管理实施细则（试行）';
const DOC3 = '普洱市加强和改进中小学校本研修工作实施方案（试行）';
const cite = (article: string, quote?: string, doc = DOC): Cite => (quote ? { doc, article, quote } : { doc, article });

const A2 = cite('第二条', '在职在岗专任教师');
const A8 = cite('第八条', '教师5年一周期参加全员培训获得的学分中，通过自主选学项目获得的学分应不低于60%');
const A10 = cite(
  '第十条',
  '5年一周期不少于360学时…每年不少于72学时，其中网络研修、集中研修和校本研修每年各不少于24学时…参加县(区)级以上各类培训不少于240(每年不少于48)，校本研修类培训不少于120…按照每天6学时计算',
);
const A10_NEW = cite('第十条', '新任教师参加上岗培训的学时数不计入全员培训学数。');
const A11_1 = cite(
  '第十一条第1项',
  '网络研修项目计1项目学分，校本研修项目计0.5-1学分；集中研修县(区)级项目计1-1.5学分，市级项目计1-2学分，省级项目计1-2.5学分，国家级项目计1-3学分…未规定的原则上按1项目学分计。',
);
const A11_3 = cite(
  '第十一条第3项',
  '培训成绩为中及以上的，由基本学分分别乘以系数0.1、0.15、0.2…培训成绩为合格及以下的不计予绩效学分',
);
const A11_F = cite('第十一条', '项目培训成绩不合格的教师，不计予本项目学分');
const A13_1 = cite(
  '第十三条第1项',
  '主持人每人每年计72学时，成员每人每年计48学时，学员每人每年计24学时，分国家、省、市、县、校五级分别计3、2.5、2、1.5、1项目学分',
);
const A13_2 = cite('第十三条第2项', '授课课时数即为学时数…核算系数按照培训项目级别从高到低分别是10、8、6、4、2');
const A13_3 = cite(
  '第十三条第3项',
  '工作量核算为6学时/次…分国家、省、市、县四级分别计3、2.5、2、1.5项目学分，按一等奖、二等奖、三等奖…系数0.2、0.15、0.1',
);
const A13_4 = cite(
  '第十三条第4项',
  '主持人，工作量核算为12学时/个、参与人员工作量核算为6学时/个…分国家、省、市、县四级分别计3、2.5、2、1.5项目学分',
);
const A13_5 = cite('第十三条第5项', '参加学历提高教育的，凭大专院校出具的年度成绩证明予以登记48学时/年，三年有效');
const R3 = cite(
  '三、学分构成',
  '网络研修、集中研修和校本研修每5年各不少于120学时…专业理念与师德模块不少于30学分，专业知识模块不少于60学分，专业能力模块不少于120学分，班级管理模块不少于30学分，校本研修模块不少于120学分…班主任教师每五年须接受不少于30学时的专题培训',
  DOC2,
);
const R4 = cite(
  '四、(三) 学分考核',
  '网络研修、集中研修和校本研修的学时学分不能相互冲抵，三项均合格以上才能认定为该年度全员培训考核合格。',
  DOC2,
);
const R5 = cite(
  '五、(三)',
  '凡当年有20%及以上的教师未完成规定学时学分的学校，原则上当年不得参加县级以上各类先进单位(集体)评选。',
  DOC2,
);
const S3 = cite('三、基本要求', '教师每年参加校本研修活动不得低于24学时，不高于48学时。', DOC3);
const S6_4 = cite(
  '六、(四)',
  '校本研修项目学分由县(区)级以上教科所、教育科学研究和培训中心根据学校申报情况规定。',
  DOC3,
);

const LEVEL_ZH: Record<Level, string> = {
  national: '国家级',
  provincial: '省级',
  prefecture: '市级',
  county: '县级',
  school: '校级',
};
const GRADE_ZH: Record<Grade, string> = { excellent: '优', good: '良', fair: '中', pass: '合格', fail: '不合格' };

type ModeClass = 'online' | 'centralized' | 'schoolBased';

const num = (value: number, unit: Unit, zh: string, en: string, c: Cite, extra: Record<string, unknown> = {}) => ({
  value,
  unit,
  label: t(zh, en),
  cite: c,
  ...extra,
});

export const params = defineParams({
  defaultRate: num(1, 'credit/hour', '通知未规定时的项目学分', 'rate when the project notice sets none', A11_1),
  'rate.online.min': num(1, 'credit/hour', '网络研修项目学分下限', 'online rate, lower bound', A11_1),
  'rate.online.max': num(1, 'credit/hour', '网络研修项目学分上限', 'online rate, upper bound', A11_1),
  'rate.schoolBased.min': num(0.5, 'credit/hour', '校本研修项目学分下限', 'school-based rate, lower bound', A11_1),
  'rate.schoolBased.max': num(1, 'credit/hour', '校本研修项目学分上限', 'school-based rate, upper bound', A11_1),
  'rate.centralized.county.min': num(
    1,
    'credit/hour',
    '县级集中研修项目学分下限',
    'county centralized rate, lower bound',
    A11_1,
  ),
  'rate.centralized.county.max': num(
    1.5,
    'credit/hour',
    '县级集中研修项目学分上限',
    'county centralized rate, upper bound',
    A11_1,
  ),
  'rate.centralized.prefecture.min': num(
    1,
    'credit/hour',
    '市级集中研修项目学分下限',
    'city centralized rate, lower bound',
    A11_1,
  ),
  'rate.centralized.prefecture.max': num(
    2,
    'credit/hour',
    '市级集中研修项目学分上限',
    'city centralized rate, upper bound',
    A11_1,
  ),
  'rate.centralized.provincial.min': num(
    1,
    'credit/hour',
    '省级集中研修项目学分下限',
    'provincial centralized rate, lower bound',
    A11_1,
  ),
  'rate.centralized.provincial.max': num(
    2.5,
    'credit/hour',
    '省级集中研修项目学分上限',
    'provincial centralized rate, upper bound',
    A11_1,
  ),
  'rate.centralized.national.min': num(
    1,
    'credit/hour',
    '国家级集中研修项目学分下限',
    'national centralized rate, lower bound',
    A11_1,
  ),
  'rate.centralized.national.max': num(
    3,
    'credit/hour',
    '国家级集中研修项目学分上限',
    'national centralized rate, upper bound',
    A11_1,
  ),
  'rate.centralized.school': {
    value: null,
    unit: 'credit/hour',
    overridable: true,
    max: 3,
    label: t('校级集中研修项目学分', 'school-level centralized rate'),
    cite: A11_1,
  },
  // R-PE7: 第十一条第1项's default of 1 names 国家、省、市、县级项目 only; a school-based project's
  // rate is the county institute's (附件3 六(四)), so a workbook may set it, within 0.5–1.
  'rate.schoolBased': {
    value: null,
    unit: 'credit/hour',
    overridable: true,
    min: 0.5,
    max: 1,
    reading: 'R-PE7',
    label: t('校本研修项目学分（县级教科所规定）', 'school-based rate (set by the county institute)'),
    cite: S6_4,
  },
  'perf.excellent': num(0.2, 'ratio', '优（90–100分）绩效系数', 'excellent (90–100) coefficient', A11_3),
  'perf.good': num(0.15, 'ratio', '良（80–89分）绩效系数', 'good (80–89) coefficient', A11_3),
  'perf.fair': num(0.1, 'ratio', '中（70–79分）绩效系数', 'fair (70–79) coefficient', A11_3),
  'perf.pass': num(0, 'ratio', '合格（60–69分）绩效系数', 'pass (60–69) coefficient', A11_3),
  dayHours: num(6, 'hour/day', '短期集中培训每天学时', 'hours per day of short centralized training', A10),
  'studioHours.host': num(72, 'hour/year', '工作室主持人每年学时', 'studio host, hours a year', A13_1),
  'studioHours.member': num(48, 'hour/year', '工作室成员每年学时', 'studio member, hours a year', A13_1),
  'studioHours.student': num(24, 'hour/year', '工作室学员每年学时', 'studio student, hours a year', A13_1),
  'studioRate.national': num(3, 'credit/hour', '国家级工作室项目学分', 'national studio rate', A13_1),
  'studioRate.provincial': num(2.5, 'credit/hour', '省级工作室项目学分', 'provincial studio rate', A13_1),
  'studioRate.prefecture': num(2, 'credit/hour', '市级工作室项目学分', 'city studio rate', A13_1),
  'studioRate.county': num(1.5, 'credit/hour', '县级工作室项目学分', 'county studio rate', A13_1),
  'studioRate.school': num(1, 'credit/hour', '校级工作室项目学分', 'school studio rate', A13_1),
  'lecture.national': num(10, 'ratio', '国家级授课学分系数', 'national lecturing factor', A13_2),
  'lecture.provincial': num(8, 'ratio', '省级授课学分系数', 'provincial lecturing factor', A13_2),
  'lecture.prefecture': num(6, 'ratio', '市级授课学分系数', 'city lecturing factor', A13_2),
  'lecture.county': num(4, 'ratio', '县级授课学分系数', 'county lecturing factor', A13_2),
  'lecture.school': num(2, 'ratio', '校级授课学分系数', 'school lecturing factor', A13_2),
  eventHours: num(
    6,
    'hour/event',
    '教研活动、教学比赛每次学时',
    'hours per teaching-research event or competition',
    A13_3,
  ),
  'eventRate.national': num(3, 'credit/hour', '国家级活动项目学分', 'national event rate', A13_3),
  'eventRate.provincial': num(2.5, 'credit/hour', '省级活动项目学分', 'provincial event rate', A13_3),
  'eventRate.prefecture': num(2, 'credit/hour', '市级活动项目学分', 'city event rate', A13_3),
  'eventRate.county': num(1.5, 'credit/hour', '县级活动项目学分', 'county event rate', A13_3),
  'award.first': num(0.2, 'ratio', '一等奖绩效系数', 'first prize coefficient', A13_3),
  'award.second': num(0.15, 'ratio', '二等奖绩效系数', 'second prize coefficient', A13_3),
  'award.third': num(0.1, 'ratio', '三等奖绩效系数', 'third prize coefficient', A13_3),
  'researchHours.host': num(12, 'hour', '课题主持人学时', 'research project host hours', A13_4),
  'researchHours.participant': num(6, 'hour', '课题参与人员学时', 'research project participant hours', A13_4),
  degreeHoursPerYear: num(48, 'hour/year', '学历提高每年学时', 'degree study hours a year', A13_5),
  degreeMaxYears: num(3, 'year', '学历提高登记年限', 'years degree study may be registered', A13_5),
  degreeRate: num(1, 'credit/hour', '学历提高项目学分', 'degree study rate', A13_5, {
    overridable: true,
    max: 3,
    reading: 'R-PE2',
  }),
  yearHours: num(72, 'hour', '年度学时', 'hours a year', A10),
  yearCredits: num(72, 'credit', '年度学分', 'credits a year', A10),
  modeYearHours: num(24, 'hour', '每种研修方式每年学时', 'hours a year in each mode', A10),
  modeYearCredits: num(24, 'credit', '每种研修方式每年学分', 'credits a year in each mode', A10),
  countyAboveYearCredits: num(48, 'credit', '县级以上培训每年学分', 'county-or-above credits a year', A10, {
    reading: 'R-PE3',
  }),
  schoolBasedYearHoursCap: num(48, 'hour', '校本研修每年计入学时上限', 'school-based hours counted a year', S3, {
    reading: 'R-PE5',
  }),
  cycleHours: num(360, 'hour', '周期学时', 'hours a cycle', A10),
  cycleCredits: num(360, 'credit', '周期学分', 'credits a cycle', A10),
  modeCycleHours: num(120, 'hour', '每种研修方式周期学时', 'hours a cycle in each mode', R3),
  countyAboveCycleCredits: num(240, 'credit', '县级以上培训周期学分', 'county-or-above credits a cycle', A10, {
    reading: 'R-PE3',
  }),
  schoolBasedCycleCredits: num(120, 'credit', '校本研修类培训周期学分', 'school-based credits a cycle', A10, {
    reading: 'R-PE3',
  }),
  'module.ethics': num(30, 'credit', '专业理念与师德模块', 'ethics module', R3),
  'module.knowledge': num(60, 'credit', '专业知识模块', 'knowledge module', R3),
  'module.ability': num(120, 'credit', '专业能力模块', 'ability module', R3),
  'module.classManagement': num(30, 'credit', '班级管理模块', 'class-management module', R3),
  'module.schoolBased': num(120, 'credit', '校本研修模块', 'school-based module', R3),
  selfSelectedShare: num(0.6, 'ratio', '自主选学学分占比', 'share of self-selected credits', A8),
  classTeacherHours: num(30, 'hour', '班主任专题培训周期学时', 'class-teacher training hours a cycle', R3),
  newTeacherHours: num(120, 'hour', '新教师上岗培训学时', 'new-teacher onboarding hours', A10_NEW),
  newTeacherPracticalHours: num(
    60,
    'hour',
    '新教师上岗培训中的实践性培训学时',
    'practical hours of new-teacher onboarding',
    A10_NEW,
  ),
  schoolFailShare: num(0.2, 'ratio', '学校未完成教师占比警戒线', 'share of failing teachers that flags a school', R5),
});

type Key = keyof typeof params;

/** A parameter's value as the reading summaries quote it. */
const v = (k: Key): string => fmt(params[k].value);

/** What the judge reads about each record, as its conversion classified it. */
interface Facts {
  /** 第十条: county (区) level or above */
  aboveCounty: boolean;
  /** 第八条: a self-selected project */
  selfSelected: boolean;
  /** 细则三: class-teacher training, in hours */
  classTeacher: boolean;
  /** 第十条: new-teacher onboarding, shown but not counted */
  newTeacher: boolean;
  /** 第十条: the mode (网络、集中、校本研修) whose yearly minimum it counts toward; absent: none */
  modeClass?: ModeClass;
  /** 细则三: the module it counts in; absent: none */
  category?: Category;
  /** 第十三条第5项: degree study, registered for a limited number of years */
  degree: boolean;
}
const BLANK: Facts = {
  aboveCounty: false,
  selfSelected: false,
  classTeacher: false,
  newTeacher: false,
  degree: false,
  // present from the start, so that every record's facts have one shape and the judge reads them fast
  modeClass: undefined,
  category: undefined,
};

export const readings = defineReadings([
  {
    id: 'R-PE1',
    article: '第十三条第3项',
    question: '参加教研活动、教学比赛但未获奖的，是否计学分？',
    chosen: 'base credits only (no performance part)',
    alternatives: ['nothing without an award'],
    summary: t('参加活动未获奖的只计基本学分', 'events without an award earn base credits only'),
  },
  {
    id: 'R-PE2',
    article: '第十三条第5项',
    question: '学历提高每年48学时折算多少学分？',
    chosen: 'rate 1: 48 credits a year',
    alternatives: ['the centralized rate of the awarding level', 'hours only'],
    summary: t(
      `学历提高按项目学分${v('degreeRate')}计：每年${fmt(product(params.degreeHoursPerYear.value!, params.degreeRate.value!))}学分`,
      `degree study at rate ${v('degreeRate')}: ${fmt(product(params.degreeHoursPerYear.value!, params.degreeRate.value!))} credits a year`,
    ),
  },
  {
    id: 'R-PE3',
    article: '第十条',
    question: '“不少于240(每年不少于48)，校本研修类培训不少于120”的单位是什么？',
    chosen: 'credits: the sentence follows the credits sentence',
    alternatives: ['hours'],
    summary: t(
      `${v('countyAboveCycleCredits')}、${v('countyAboveYearCredits')}、${v('schoolBasedCycleCredits')} 的单位按学分理解（紧随学分句之后）`,
      `${v('countyAboveCycleCredits')}, ${v('countyAboveYearCredits')} and ${v('schoolBasedCycleCredits')} are read as credits (the sentence follows the credits sentence)`,
    ),
  },
  {
    id: 'R-PE4',
    article: '细则 四(三)',
    question: '一种研修方式不合格时，本年度其他记录还计入周期吗？',
    chosen: 'the year fails, but its records still count toward the cycle',
    alternatives: ['the whole year’s records are void for the cycle'],
    summary: t(
      '任一方式未达标则该年度不合格，但其记录仍计入周期',
      'a year failing one mode fails, but its records still count toward the cycle',
    ),
  },
  {
    id: 'R-PE5',
    article: '附件3 三',
    question: '校本研修“不高于48学时”超出部分如何处理？',
    chosen: 'hours above 48 a year are not counted; their credits still count',
    alternatives: ['neither hours nor credits above 48 count', 'a warning only'],
    summary: t(
      `校本研修每年超过${v('schoolBasedYearHoursCap')}学时的部分不计学时，学分照计`,
      `school-based hours above ${v('schoolBasedYearHoursCap')} a year are not counted; their credits are`,
    ),
  },
  {
    id: 'R-PE6',
    article: '第七条、附件3 五',
    question: '班主任培训、师徒结对、跟班培训分别属于哪种研修方式？',
    chosen: 'class-teacher and follow-along training are centralized; 师徒结对 is a school-based form (附件3 五(六))',
    alternatives: ['not registrable'],
    summary: t(
      '班主任培训、跟班培训计入集中研修；师徒结对计入校本研修',
      'class-teacher and follow-along training count as centralized; mentorship as school-based',
    ),
  },
  {
    id: 'R-PE7',
    article: '第十一条第1项、附件3 六(四)',
    question: '未填项目学分的校本研修记录按多少项目学分计？',
    chosen:
      'none by default: the county institute sets a school-based project’s rate (附件3 六(四)), and 「未规定的原则上按1」 names 国家、省、市、县级项目 only; credits are UNDEFINED unless a rate column value, an override (rate.schoolBased, 0.5–1) or the entered credits (R-PE8) give the rate',
    alternatives: ['1, as for county-level and higher projects', '0.5, the bottom of the range'],
    summary: t(
      `校本研修项目学分由县级教科所规定，原文无默认值：未填项目学分时学分未定义，可填写项目学分、设置覆盖参数 rate.schoolBased（${v('rate.schoolBased.min')}–${v('rate.schoolBased.max')}）或由登记学分推算（R-PE8）`,
      `a school-based rate is set by the county institute and has no default: without a rate the credits are undefined, unless the rate column, the override rate.schoolBased (${v('rate.schoolBased.min')}–${v('rate.schoolBased.max')}) or the entered credits (R-PE8) give it`,
    ),
  },
  {
    id: 'R-PE8',
    article: '第十一条第1项',
    question: '未填项目学分但填了登记学分的记录，项目学分按什么计？',
    chosen:
      'the rate the entered credits imply, credits ÷ (hours × (1 + performance coefficient)), rounded to 2 decimals, when it lies in the level’s or mode’s range; outside the range an error naming the range',
    alternatives: [
      'the default rate of 1, with a CREDITS_MISMATCH warning',
      'the entered credits as they stand, unchecked',
    ],
    summary: t(
      '未填项目学分而有登记学分时，按 登记学分 ÷ (学时 × (1 + 绩效系数)) 推算项目学分（保留2位小数），在该级别（方式）范围内即采用；超出范围报错',
      'without a rate but with entered credits, the rate is inferred as credits ÷ (hours × (1 + coefficient)), to 2 decimals, and used when it lies in its range; outside the range it is an error',
    ),
  },
  {
    id: 'R-PE9',
    article: '细则三、第八条',
    question: '未填模块的校本研修记录计入哪个模块？模块列（或自主选学列）整列为空时如何判定？',
    chosen:
      'a 校本研修-mode record with a blank module counts in the 校本研修 module; a module or self-selected column blank on every row is treated as absent: its conditions are not judged, and the cycle says so',
    alternatives: [
      'a record without a module counts in no module',
      'a blank column is judged as zero credits in every module',
    ],
    summary: t(
      '未填模块的校本研修记录计入校本研修模块；模块列或自主选学列整列为空时视为没有该列，不判定相应条件，并在周期中注明',
      'a school-based record without a module counts in the school-based module; a module or self-selected column blank on every row is treated as absent: not judged, and the cycle says so',
    ),
  },
]);

const levelAliases: Record<string, Level> = { 区级: 'county' };

const MODE_CLASS: Partial<Record<Mode, ModeClass>> = {
  online: 'online',
  schoolBased: 'schoolBased',
  mentorship: 'schoolBased',
  centralized: 'centralized',
  followAlong: 'centralized',
  classTeacher: 'centralized',
  studio: 'centralized',
  lecture: 'centralized',
  competition: 'centralized',
  research: 'centralized',
  degree: 'centralized',
};
const CLASS_ZH: Record<ModeClass, string> = { online: '网络研修', centralized: '集中研修', schoolBased: '校本研修' };
/**
 * 第十三条第2项: 承担…培训项目授课任务的教师 — a 主讲教师 on a training record is lecturing.
 * Events, competitions and degree study are the teacher's own activity, and 师徒结对 has
 * 师傅 and 徒弟; studios and research projects judge their roles themselves (第1、4项).
 */
const LECTURER: LecturerRule = {
  roles: new Set(['lecturer']),
  training: new Set<Mode>(['centralized', 'followAlong', 'online', 'schoolBased', 'classTeacher', 'newTeacher']),
  cite: A13_2,
};
const ABOVE_COUNTY: ReadonlySet<Level> = new Set(['national', 'provincial', 'prefecture', 'county']);
const STUDIO_ROLES = ['host', 'member', 'student'] as const satisfies readonly Role[];
/** 第十三条第1项 counts a studio's 主持人、成员、学员: the roles with a yearly figure of their own. */
const isStudioRole = (r: Role): r is (typeof STUDIO_ROLES)[number] => (STUDIO_ROLES as readonly Role[]).includes(r);

const W_PE_11_PERF = (lang: Lang, grade: 'pass' | undefined, what: string, base: number) =>
  lang === 'zh'
    ? `${grade ? '成绩合格' : '未填成绩，按合格计'}：无绩效学分，${what} ${fmt(base)} 学分`
    : `${grade ? 'grade pass' : 'no grade, taken as pass'}: no performance credits, ${fmt(base)} credits`;

const W_PE_11_PERF_2 = (lang: Lang, grade: 'excellent' | 'good' | 'fair', base: number, k: ParamUse, total: number) =>
  lang === 'zh'
    ? `成绩${GRADE_ZH[grade]}：${fmt(base)} × (1 + ${pv(k)}) = ${fmt(total)} 学分`
    : `grade ${grade}: ${fmt(base)} × (1 + ${pv(k)}) = ${fmt(total)} credits`;

/** Performance part: credits × (1 + coefficient), with the coefficient's source shown. */
function withPerformance(
  tr: Trace<Facts>,
  p: Params<Key>,
  base: number,
  grade: Exclude<Grade, 'fail'> | undefined,
  cite: Cite,
  what: string,
): number {
  if (grade === undefined || grade === 'pass') {
    tr.step('PE-11-perf', cite, W_PE_11_PERF, [grade, what, base], { params: [p.use('perf.pass')] });
    return base;
  }
  const k = p.use(`perf.${grade}`);
  const total = product(base, add(1, k.value!));
  tr.step('PE-11-perf', cite, W_PE_11_PERF_2, [grade, base, k, total], { params: [k] });
  return total;
}

const W_PE_13_HOURS = (lang: Lang, zh: string, hours: number, en: string) =>
  lang === 'zh' ? `${zh}：按 ${fmt(hours)} 学时登记` : `${en}: ${fmt(hours)} hours registered`;

function fixedHours(tr: Trace<Facts>, rec: TrainingRecord, use: ParamUse, c: Cite, what: Text): number {
  const hours = use.value!;
  tr.step('PE-13-hours', c, W_PE_13_HOURS, [what.zh, hours, what.en], {
    params: [use],
  });
  if (rec.hours !== undefined && rec.hours !== hours) {
    tr.issue(
      'HOURS_FIXED_BY_RULE',
      'warning',
      'hours',
      t(
        `${what.zh}按规定登记 ${fmt(hours)} 学时，表中填的是 ${fmt(rec.hours)}`,
        `${what.en} is registered as ${fmt(hours)} hours; the roster says ${fmt(rec.hours)}`,
      ),
      c,
      fmt(rec.hours),
    );
  }
  return hours;
}

function graded(tr: Trace<Facts>, ctx: RecordContext<Key>, rec: TrainingRecord): void {
  if (rec.grade === undefined && ctx.columns.has('grade') && !ctx.rejected.has('grade')) {
    tr.issue(
      'GRADE_MISSING',
      'warning',
      'grade',
      t('未填培训成绩，按合格计（无绩效学分）', 'no grade given; taken as pass (no performance credits)'),
      A11_3,
    );
  }
}

const W_PE_10_NEW = (lang: Lang) =>
  lang === 'zh'
    ? '新任教师上岗培训：单独登记，不计入全员培训学时学分'
    : 'new-teacher onboarding: shown, not counted in the totals';

const W_PE_R3_MODULE = (lang: Lang) =>
  lang === 'zh'
    ? '未填模块：校本研修记录计入校本研修模块'
    : 'no module given: a school-based record counts in the school-based module';

const W_PE_7_CLASS = (lang: Lang, cls: ModeClass) => (lang === 'zh' ? `计入${CLASS_ZH[cls]}` : `counted as ${cls}`);

const W_PE_11_FAIL = (lang: Lang) =>
  lang === 'zh' ? '培训成绩不合格：不计学时、学分' : 'failed: no hours, no credits';

const W_PE_13_1 = (
  lang: Lang,
  value: number | null,
  level: 'national' | 'provincial' | 'prefecture' | 'county' | 'school',
  rate: ParamUse,
  base: number,
) =>
  lang === 'zh'
    ? `${fmt(value)} 学时 × ${LEVEL_ZH[level]}项目学分 ${pv(rate)} = ${fmt(base)}`
    : `${fmt(value)} h × ${level} rate ${pv(rate)} = ${fmt(base)}`;

const W_PE_13_2 = (
  lang: Lang,
  hours: number,
  level: 'national' | 'provincial' | 'prefecture' | 'county' | 'school',
  k: ParamUse,
  credits: number,
) =>
  lang === 'zh'
    ? `授课 ${fmt(hours)} 课时 × ${LEVEL_ZH[level]}系数 ${pv(k)} = ${fmt(credits)} 学分（无绩效学分）`
    : `lecturing ${fmt(hours)} class hours × ${level} factor ${pv(k)} = ${fmt(credits)} credits (no performance part)`;

const W_CONVERT = (
  lang: Lang,
  hours: number,
  level: 'national' | 'provincial' | 'prefecture' | 'county',
  rate: ParamUse,
  base: number,
) =>
  lang === 'zh'
    ? `${fmt(hours)} 学时 × ${LEVEL_ZH[level]}项目学分 ${pv(rate)} = ${fmt(base)}`
    : `${fmt(hours)} h × ${level} rate ${pv(rate)} = ${fmt(base)}`;

const W_PE_13_5 = (lang: Lang, hValue: number | null, rate: ParamUse, credits: number, yearsValue: number | null) =>
  lang === 'zh'
    ? `${fmt(hValue)} 学时 × ${pv(rate)} = ${fmt(credits)} 学分（${fmt(yearsValue)}年有效）`
    : `${fmt(hValue)} h × ${pv(rate)} = ${fmt(credits)} credits (for at most ${fmt(yearsValue)} years)`;

const W_PE_11_BASE = (lang: Lang, rate: number, hours: number | undefined, base: number) =>
  lang === 'zh'
    ? `基本学分：${fmt(rate)} × ${fmt(hours)} 学时 = ${fmt(base)}`
    : `base credits: ${fmt(rate)} × ${fmt(hours)} h = ${fmt(base)}`;

const WHY_THE_MODE_DECIDES_THE_RULE = t('无法确定研修方式', 'the mode decides the rule');
const WHY_STUDIO_HOURS_DEPEND_ON_HOST = t(
  '工作室按主持人/成员/学员计学时',
  'studio hours depend on host/member/student',
);
const WHY_STUDIO_RATE_DEPENDS_ON_THE = t('工作室按级别计项目学分', 'studio rate depends on the level');
const WHY_THE_LECTURING_FACTOR_DEPENDS_ON = t('授课系数按级别', 'the lecturing factor depends on the level');
const WHY_CLASS_HOURS_TAUGHT_ARE_THE = t('授课课时数即为学时数', 'class hours taught are the hours');
const WHY_THE_RATE_DEPENDS_ON_THE = t('按活动或课题级别计项目学分', 'the rate depends on the level');
const WHY_RESEARCH_HOURS_DEPEND_ON_HOST = t('课题按主持人/参与人计学时', 'research hours depend on host/participant');
const WHY_CREDITS_FOLLOW_HOURS = t('按学时计学分', 'credits follow hours');
const WHY_THE_CENTRALIZED_RATE_DEPENDS_ON = t('集中研修项目学分按级别', 'the centralized rate depends on the level');

/** A record not failed: 第十一条's performance part applies to it. */
type Passed = TrainingRecord & { grade?: Exclude<Grade, 'fail'> };
const passed = (rec: TrainingRecord): rec is Passed => rec.grade !== 'fail';

/** 第十三条第1项: a studio's fixed hours by role, at its level's rate, with 工作室考核's performance part. */
function convertStudio(tr: Trace<Facts>, rec: Passed, ctx: RecordContext<Key>): Conversion<Facts> {
  const p = ctx.params;
  if (!requireField(tr, ctx, rec.role, 'role', WHY_STUDIO_HOURS_DEPEND_ON_HOST)) return tr.done(null, null);
  if (!requireField(tr, ctx, rec.level, 'level', WHY_STUDIO_RATE_DEPENDS_ON_THE)) return tr.done(null, null);
  const role = rec.role;
  if (!isStudioRole(role)) return roleError(tr, rec, '主持人、成员、学员', A13_1);
  const h = p.use(`studioHours.${role}`);
  fixedHours(
    tr,
    rec,
    h,
    A13_1,
    t(
      '工作室' + ({ host: '主持人', member: '成员', student: '学员' } as Record<string, string>)[role],
      `studio ${role}`,
    ),
  );
  const level = rec.level;
  const rate = p.use(`studioRate.${level}`);
  const base = product(h.value!, rate.value!);
  tr.step('PE-13.1', A13_1, W_PE_13_1, [h.value, level, rate, base], { params: [h, rate] });
  graded(tr, ctx, rec);
  return tr.done(h.value, withPerformance(tr, p, base, rec.grade, A13_1, '工作室考核'));
}

/** 第十三条第2项: lecturing, the class hours taught times the level's factor (no performance part). */
function convertLecture(tr: Trace<Facts>, rec: TrainingRecord, ctx: RecordContext<Key>): Conversion<Facts> {
  if (!requireField(tr, ctx, rec.level, 'level', WHY_THE_LECTURING_FACTOR_DEPENDS_ON)) return tr.done(null, null);
  if (!requireField(tr, ctx, rec.hours, 'hours', WHY_CLASS_HOURS_TAUGHT_ARE_THE)) return tr.done(null, null);
  const [level, hours] = [rec.level, rec.hours];
  const k = ctx.params.use(`lecture.${level}`);
  const credits = product(hours, k.value!);
  tr.step('PE-13.2', A13_2, W_PE_13_2, [hours, level, k, credits], { params: [k] });
  return tr.done(rec.hours, credits);
}

/**
 * 第十三条第3、4项: an event or competition (fixed hours, award bonus) or a research project (hours by role,
 * 课题结题's performance part), at the level's rate, from county level up.
 */
function convertEventOrResearch(tr: Trace<Facts>, rec: Passed, ctx: RecordContext<Key>): Conversion<Facts> {
  const p = ctx.params;
  const isEvent = rec.mode === 'competition';
  const c = isEvent ? A13_3 : A13_4;
  if (!requireField(tr, ctx, rec.level, 'level', WHY_THE_RATE_DEPENDS_ON_THE)) return tr.done(null, null);
  if (rec.level === 'school') {
    tr.issue(
      'LEVEL_NOT_COVERED',
      'error',
      'level',
      t(
        `${isEvent ? '教研活动、教学比赛' : '课题'}须为县（区）级及以上`,
        `${isEvent ? 'events and competitions' : 'research projects'} count from county level up`,
      ),
      c,
      '校级',
    );
    return tr.done(null, null);
  }
  let hours: number;
  if (isEvent) {
    hours = fixedHours(tr, rec, p.use('eventHours'), c, t('教研活动、教学比赛每次', 'one event or competition'));
  } else {
    if (!requireField(tr, ctx, rec.role, 'role', WHY_RESEARCH_HOURS_DEPEND_ON_HOST)) return tr.done(null, null);
    if (!['host', 'participant', 'member'].includes(rec.role)) return roleError(tr, rec, '主持人、参与人', c);
    const role = rec.role === 'host' ? 'host' : 'participant';
    const what = t(role === 'host' ? '课题主持人' : '课题参与人员', `research ${role}`);
    hours = fixedHours(tr, rec, p.use(`researchHours.${role}`), c, what);
  }
  const level = rec.level;
  const rate = p.use(`eventRate.${level}`);
  const base = product(hours, rate.value!);
  tr.step(isEvent ? 'PE-13.3' : 'PE-13.4', c, W_CONVERT, [hours, level, rate, base], { params: [rate] });
  if (isEvent) return tr.done(hours, awardBonus(tr, p, base, rec.award));
  graded(tr, ctx, rec);
  return tr.done(hours, withPerformance(tr, p, base, rec.grade, c, '课题结题'));
}

/** 第十三条第5项: degree study, a fixed number of hours a year at its rate, for a limited number of years. */
function convertDegree(tr: Trace<Facts>, rec: TrainingRecord, p: Params<Key>): Conversion<Facts> {
  const h = p.use('degreeHoursPerYear');
  fixedHours(tr, rec, h, A13_5, t('学历提高每年', 'degree study a year'));
  const rate = p.use('degreeRate');
  const years = p.use('degreeMaxYears');
  const credits = product(h.value!, rate.value!);
  tr.facts.degree = true;
  tr.step('PE-13.5', A13_5, W_PE_13_5, [h.value, rate, credits, years.value], {
    readings: ['R-PE2'],
    params: [h, rate, years],
  });
  return tr.done(h.value, credits);
}

/** 第十一条: any other training, hours × the project rate, with the grade's performance part. */
function convertByHours(tr: Trace<Facts>, rec: Passed, ctx: RecordContext<Key>, cls: ModeClass): Conversion<Facts> {
  const p = ctx.params;
  if (!requireField(tr, ctx, rec.hours, 'hours', WHY_CREDITS_FOLLOW_HOURS)) return tr.done(null, null);
  if (cls === 'centralized' && !requireField(tr, ctx, rec.level, 'level', WHY_THE_CENTRALIZED_RATE_DEPENDS_ON))
    return tr.done(null, null);
  const rate = projectRate(tr, p, rec, cls);
  // no rate: UNDEFINED keeps the hours (a lower bound); an error (R-PE8 out of range) keeps nothing
  if (rate === null) return tr.counted ? tr.done(rec.hours, null) : tr.done(null, null);
  const base = product(rec.hours, rate);
  tr.step('PE-11-base', A11_1, W_PE_11_BASE, [rate, rec.hours, base]);
  graded(tr, ctx, rec);
  return tr.done(rec.hours, withPerformance(tr, p, base, rec.grade, A11_3, CLASS_ZH[cls]));
}

/** 第七条 and 细则三: the mode class a record counts toward, and its module (R-PE9: 校本研修 when none). */
function classify(tr: Trace<Facts>, rec: TrainingRecord, ctx: RecordContext<Key>, mode: Mode, cls: ModeClass): void {
  tr.facts.modeClass = cls;
  if (rec.category) tr.facts.category = rec.category;
  else if (cls === 'schoolBased') {
    // 细则三's 校本研修 module: a school-based record without a module is in it
    tr.facts.category = 'schoolBased';
    if (hasValues(ctx, 'category')) tr.step('PE-R3-module', R3, W_PE_R3_MODULE, [], { readings: ['R-PE9'] });
  }
  if (['classTeacher', 'followAlong', 'mentorship'].includes(mode)) {
    tr.step('PE-7-class', cite('第七条'), W_PE_7_CLASS, [cls], {
      readings: ['R-PE6'],
    });
  }
}

function convert(rec: TrainingRecord, ctx: RecordContext<Key>): Conversion<Facts> {
  const tr = new Trace<Facts>({ ...BLANK });
  if (!requireField(tr, ctx, rec.mode, 'mode', WHY_THE_MODE_DECIDES_THE_RULE)) return tr.done(null, null);
  const known =
    rec.mode === 'newTeacher' ||
    (MODE_CLASS[rec.mode] !== undefined && rec.mode !== 'studio' && rec.mode !== 'research');
  const mode: Mode = known && lecturing(tr, rec, LECTURER) ? 'lecture' : rec.mode;
  tr.facts.aboveCounty = rec.level !== undefined && ABOVE_COUNTY.has(rec.level);
  tr.facts.selfSelected = rec.selfSelected === true;
  tr.facts.classTeacher = mode === 'classTeacher';
  if (mode === 'newTeacher') {
    tr.counted = false;
    tr.facts.newTeacher = true;
    tr.step('PE-10-new', A10_NEW, W_PE_10_NEW, []);
    return tr.done(rec.hours ?? 0, 0);
  }
  const cls = MODE_CLASS[mode];
  if (!cls) {
    tr.issue(
      'MODE_NOT_COVERED',
      'warning',
      'mode',
      t(
        `普洱办法未规定“${rec.mode}”的学时学分认定，不计算`,
        `the Pu'er rules register no "${rec.mode}" activity; nothing computed`,
      ),
      cite('第十一条、第十三条'),
      rec.mode,
    );
    return tr.done(null, null);
  }
  classify(tr, rec, ctx, mode, cls);
  if (!passed(rec)) {
    tr.step('PE-11-fail', A11_F, W_PE_11_FAIL, []);
    return tr.done(0, 0);
  }
  switch (mode) {
    case 'studio':
      return convertStudio(tr, rec, ctx);
    case 'lecture':
      return convertLecture(tr, rec, ctx);
    case 'competition':
    case 'research':
      return convertEventOrResearch(tr, rec, ctx);
    case 'degree':
      return convertDegree(tr, rec, ctx.params);
    default:
      return convertByHours(tr, rec, ctx, cls);
  }
}

function roleError(tr: Trace<Facts>, rec: TrainingRecord, accepted: string, c: Cite): Conversion<Facts> {
  tr.issue(
    'ROLE_NOT_APPLICABLE',
    'error',
    'role',
    t(
      `角色“${rec.role}”不适用于此类项目，可用：${accepted}`,
      `role "${rec.role}" does not apply here; accepted: ${accepted}`,
    ),
    c,
    rec.role,
  );
  return tr.done(null, null);
}

const W_PE_13_3_NONE = (lang: Lang, base: number) =>
  lang === 'zh' ? `未获奖：只计基本学分 ${fmt(base)}` : `no award: base credits ${fmt(base)} only`;

const W_PE_13_3_AWARD = (lang: Lang, award: 'first' | 'second' | 'third', base: number, k: ParamUse, total: number) =>
  lang === 'zh'
    ? `${({ first: '一', second: '二', third: '三' } as Record<string, string>)[award]}等奖：${fmt(base)} × (1 + ${pv(k)}) = ${fmt(total)} 学分`
    : `${award} prize: ${fmt(base)} × (1 + ${pv(k)}) = ${fmt(total)} credits`;

function awardBonus(tr: Trace<Facts>, p: Params<Key>, base: number, award: Award | undefined): number {
  if (award === undefined || award === 'none') {
    tr.step('PE-13.3-none', A13_3, W_PE_13_3_NONE, [base], {
      readings: ['R-PE1'],
    });
    return base;
  }
  const k = p.use(`award.${award}`);
  const total = product(base, add(1, k.value!));
  tr.step('PE-13.3-award', A13_3, W_PE_13_3_AWARD, [award, base, k, total], { params: [k] });
  return total;
}

interface RateRange {
  lo: number;
  hi: number;
  where: Text;
  params: ParamUse[];
}

/** The range 第十一条第1项 sets for a record's rate; null where it sets none (school-level centralized). */
function rateRange(p: Params<Key>, rec: TrainingRecord, cls: ModeClass): RateRange | null {
  const range = (lo: ParamUse, hi: ParamUse, where: Text) => ({
    lo: lo.value!,
    hi: hi.value!,
    where,
    params: [lo, hi],
  });
  if (cls !== 'centralized') return range(p.use(`rate.${cls}.min`), p.use(`rate.${cls}.max`), t(CLASS_ZH[cls], cls));
  const level = rec.level!;
  if (level === 'school') return null;
  return range(
    p.use(`rate.centralized.${level}.min`),
    p.use(`rate.centralized.${level}.max`),
    t(`${LEVEL_ZH[level]}集中研修`, `${level} centralized`),
  );
}

interface ImpliedRate {
  rate: number;
  detail: string;
  params: ParamUse[];
}

/**
 * R-PE8: the rate a record's entered credits imply, credits ÷ (hours × (1 + coefficient)),
 * rounded half away from zero to 2 decimals like every figure (a notice's rates have at
 * most two). The credits are then recomputed from it, and the row check compares them with
 * the entered ones as for any other row.
 */
function impliedRate(p: Params<Key>, rec: TrainingRecord): ImpliedRate | undefined {
  if (rec.enteredCredits === undefined || rec.hours === undefined || rec.hours <= 0) return undefined;
  // a failed row never gets here (第十一条: no credits at all)
  const perf = p.use(
    rec.grade === undefined || rec.grade === 'pass' || rec.grade === 'fail' ? 'perf.pass' : `perf.${rec.grade}`,
  );
  const k = perf.value!;
  const rate = quotient([rec.enteredCredits], [rec.hours, add(1, k)]);
  return { rate, detail: `${fmt(rec.enteredCredits)} ÷ (${fmt(rec.hours)} × (1 + ${fmt(k)}))`, params: [perf] };
}

const W_PE_11_RATE = (lang: Lang, given: number, detail: string, zh: string, span: string, en: string) =>
  lang === 'zh'
    ? `项目学分按登记学分推算为 ${fmt(given)}（${detail}），超出${zh}的范围 ${span}`
    : `rate inferred from the entered credits: ${fmt(given)} (${detail}), outside the ${en} range ${span}`;

const W_PE_11_RATE_2 = (lang: Lang, given: number, detail: string, zh: string, en: string) =>
  lang === 'zh'
    ? `项目学分按登记学分推算为 ${fmt(given)}（${detail}，保留2位小数）${zh}`
    : `rate inferred from the entered credits: ${fmt(given)} (${detail}, to 2 decimals)${en}`;

const W_PE_11_RATE_3 = (lang: Lang, given: number, zh: string, span: string, en: string) =>
  lang === 'zh' ? `项目学分 ${fmt(given)}（${zh}范围 ${span}）` : `project rate ${fmt(given)} (${en} range ${span})`;

const W_PE_11_RATE_4 = (lang: Lang, given: number) =>
  lang === 'zh' ? `项目学分取自表中：${fmt(given)}` : `project rate from the roster: ${fmt(given)}`;

const W_PE_11_RATE_5 = (lang: Lang, use: ParamUse) =>
  lang === 'zh' ? `校本研修项目学分 ${pv(use)}` : `school-based rate ${pv(use)}`;

const W_PE_11_RATE_6 = (lang: Lang, use: ParamUse) =>
  lang === 'zh' ? `校级集中研修项目学分 ${pv(use)}` : `school-level centralized rate ${pv(use)}`;

const W_PE_11_RATE_7 = (lang: Lang, d: ParamUse) =>
  lang === 'zh' ? `通知未规定项目学分，按 ${pv(d)} 计` : `no rate in the notice: ${pv(d)}`;

/**
 * The project rate 项目学分 (第十一条第1项): the roster's own or the one its entered credits
 * imply (R-PE8), checked against its range; else 1 where the notice sets none — for
 * 国家、省、市、县级 projects only. A school-based project's rate is the county institute's
 * (附件3 六(四)): UNDEFINED without an override (R-PE7).
 */
function projectRate(tr: Trace<Facts>, p: Params<Key>, rec: TrainingRecord, cls: ModeClass): number | null {
  const range = rateRange(p, rec, cls);
  const implied = rec.rate === undefined ? impliedRate(p, rec) : undefined;
  const given = rec.rate ?? implied?.rate;
  if (given !== undefined) return givenRate(tr, rec, cls, given, range, implied);
  return textRate(tr, p, cls, range);
}

/** 第十一条第1项: the roster's rate, or the one its entered credits imply (R-PE8), within its range. */
function givenRate(
  tr: Trace<Facts>,
  rec: TrainingRecord,
  cls: ModeClass,
  given: number,
  range: RateRange | null,
  implied: ImpliedRate | undefined,
): number | null {
  const span = range ? `${fmt(range.lo)}–${fmt(range.hi)}` : '';
  // R-PE7: a school-based project's rate is the one the roster gives (or its credits imply), when it does
  const own = cls === 'schoolBased' ? ['R-PE7'] : [];
  if (range && (given < range.lo || given > range.hi)) {
    rateOutOfRange(tr, rec, given, range, span, own, implied);
    return null;
  }
  if (implied) {
    const within = range
      ? t(`，在${range.where.zh} ${span} 范围内`, `, within the ${range.where.en} range ${span}`)
      : t('（校级集中研修原文未规定范围）', ' (the text sets no range at school level)');
    tr.step('PE-11-rate', A11_1, W_PE_11_RATE_2, [given, implied.detail, within.zh, within.en], {
      readings: ['R-PE8', ...own],
      params: [...(range?.params ?? []), ...implied.params],
    });
  } else if (range) {
    tr.step('PE-11-rate', A11_1, W_PE_11_RATE_3, [given, range.where.zh, span, range.where.en], {
      readings: own,
      params: range.params,
    });
  } else {
    tr.step('PE-11-rate', A11_1, W_PE_11_RATE_4, [given]);
  }
  return given;
}

/** 第十一条第1项: a rate outside its range is an error; one the entered credits imply (R-PE8) leaves nothing counted. */
function rateOutOfRange(
  tr: Trace<Facts>,
  rec: TrainingRecord,
  given: number,
  range: RateRange,
  span: string,
  own: string[],
  implied: ImpliedRate | undefined,
): void {
  if (implied) {
    // the entered credits fit no rate the text allows: nothing of the row can be trusted
    tr.counted = false;
    tr.step('PE-11-rate', A11_1, W_PE_11_RATE, [given, implied.detail, range.where.zh, span, range.where.en], {
      readings: ['R-PE8', ...own],
      params: [...range.params, ...implied.params],
    });
    tr.issue(
      'IMPLIED_RATE_OUT_OF_RANGE',
      'error',
      'credits',
      t(
        `未填项目学分；登记学分推算的项目学分 ${fmt(given)}（${implied.detail}）超出${range.where.zh}的范围 ${span}：请核对登记学分，或填写项目学分`,
        `no rate given; the entered credits imply a rate of ${fmt(given)} (${implied.detail}), outside the ${range.where.en} range ${span}: check the credits, or enter the rate`,
      ),
      A11_1,
      fmt(rec.enteredCredits),
    );
    tr.issues[tr.issues.length - 1]!.uses = range.params;
  } else {
    tr.issue(
      'RATE_OUT_OF_RANGE',
      'error',
      'rate',
      t(
        `项目学分 ${fmt(given)} 超出${range.where.zh}的范围 ${span}`,
        `rate ${fmt(given)} is outside the ${range.where.en} range ${span}`,
      ),
      A11_1,
      fmt(given),
    );
    tr.issues[tr.issues.length - 1]!.uses = range.params;
  }
}

/**
 * No rate given: 附件3 六(四)'s school-based rate (R-PE7: UNDEFINED without an override), the school-level
 * centralized one, else 第十一条第1项's rate where the notice sets none.
 */
function textRate(tr: Trace<Facts>, p: Params<Key>, cls: ModeClass, range: RateRange | null): number | null {
  if (cls === 'schoolBased') {
    const use = p.use('rate.schoolBased');
    if (use.value === null)
      return undefinedParam(
        tr,
        use,
        t('校本研修项目学分（由县级教科所规定）', 'school-based rate (set by the county institute)'),
        S6_4,
        ['R-PE7'],
      );
    tr.step('PE-11-rate', S6_4, W_PE_11_RATE_5, [use], {
      readings: ['R-PE7'],
      params: [use],
    });
    return use.value;
  }
  if (!range) {
    const use = p.use('rate.centralized.school');
    if (use.value === null)
      return undefinedParam(tr, use, t('校级集中研修项目学分', 'school-level centralized rate'), A11_1);
    tr.step('PE-11-rate', A11_1, W_PE_11_RATE_6, [use], {
      params: [use],
    });
    return use.value;
  }
  const d = p.use('defaultRate');
  tr.step('PE-11-rate', A11_1, W_PE_11_RATE_7, [d], {
    params: [d],
  });
  return d.value;
}

interface Totals {
  hours: number;
  credits: number;
  byClass: Record<ModeClass, { hours: number; credits: number }>;
  aboveCounty: number;
  /** R-PE5 applied: school-based hours above the yearly cap were dropped */
  capped: boolean;
}

const CLASSES = ['online', 'centralized', 'schoolBased'] as const satisfies readonly ModeClass[];

/** The year's figures by mode class, as summed (before the school-based cap changes them). */
const W_PE_10_SUM = (lang: Lang, length: number, raw: readonly number[], aboveCounty: number) =>
  lang === 'zh'
    ? `${length} 条记录：${CLASSES.map((c, i) => `${CLASS_ZH[c]} ${fmt(raw[2 * i])} 学时、${fmt(raw[2 * i + 1])} 学分`).join('；')}；县级以上 ${fmt(aboveCounty)} 学分`
    : `${length} record(s): ${CLASSES.map((c, i) => `${c} ${fmt(raw[2 * i])} h, ${fmt(raw[2 * i + 1])} credits`).join('; ')}; county or above ${fmt(aboveCounty)} credits`;

const W_PE_S3_CAP = (lang: Lang, sb: number, cap: number) =>
  lang === 'zh'
    ? `校本研修 ${fmt(sb)} 学时，只计 ${fmt(cap)} 学时，学分照计`
    : `school-based ${fmt(sb)} h, ${fmt(cap)} h counted, credits all count`;

const W_PE_S3_CAP_2 = (lang: Lang, sb: number, cap: number) =>
  lang === 'zh'
    ? `校本研修 ${fmt(sb)} 学时，未超过每年 ${fmt(cap)} 学时`
    : `school-based ${fmt(sb)} h, within the ${fmt(cap)} a year`;

const W_PE_10_COUNTED = (lang: Lang, hours: number, credits: number) =>
  lang === 'zh' ? `计入 ${fmt(hours)} 学时、${fmt(credits)} 学分` : `counted: ${fmt(hours)} h, ${fmt(credits)} credits`;

type Rec = ConvertedRecord<Facts>;
const IN_CLASS: Record<ModeClass, (r: Rec) => boolean> = {
  online: (r) => r.conversion.facts.modeClass === 'online',
  centralized: (r) => r.conversion.facts.modeClass === 'centralized',
  schoolBased: (r) => r.conversion.facts.modeClass === 'schoolBased',
};
const isAboveCounty = (r: Rec): boolean => r.conversion.facts.aboveCounty;

/** 校本研修实施方案三 (R-PE5): a year's school-based hours above the cap are dropped, their credits all count. */
function schoolBasedYearCap(schoolBased: { hours: number }, p: Params<Key>, j: Judging): boolean {
  const use = p.use('schoolBasedYearHoursCap');
  const cap = use.value!;
  const sb = schoolBased.hours;
  const capped = sb > cap;
  if (capped) {
    j.note('PE-S3-cap', S3, W_PE_S3_CAP, [sb, cap], { readings: ['R-PE5'], params: [use] });
    schoolBased.hours = cap;
  } else if (sb > 0) {
    j.step('PE-S3-cap', S3, W_PE_S3_CAP_2, [sb, cap], { readings: ['R-PE5'], params: [use] });
  }
  return capped;
}

/** The year's sums by mode class (hours and credits of each in CLASSES' order), and from county level up. */
interface YearSums {
  byClass: number[];
  aboveCounty: number;
}

/**
 * The sums in one pass over the year's records, on whole hundredths as sumOf adds them (a region's judge runs
 * for every year of every teacher); a figure without exact hundredths leaves them to sumOf.
 */
function yearSums(recs: readonly Rec[]): YearSums {
  const byClass = [0, 0, 0, 0, 0, 0];
  let above = 0;
  for (let i = 0; i < recs.length; i++) {
    const c = recs[i]!.conversion;
    const h = cents(c.hours ?? 0);
    const k = cents(c.credits ?? 0);
    if (h === undefined || k === undefined) return exactYearSums(recs);
    const at = c.facts.modeClass === undefined ? -1 : CLASS_AT[c.facts.modeClass];
    if (at >= 0) {
      byClass[2 * at] += h;
      byClass[2 * at + 1] += k;
    }
    if (c.facts.aboveCounty) above += k;
  }
  if (!(Math.abs(above) < 2 ** 50)) return exactYearSums(recs);
  for (let i = 0; i < byClass.length; i++) {
    if (!(Math.abs(byClass[i]!) < 2 ** 50)) return exactYearSums(recs);
    byClass[i] = byClass[i]! / 100 || 0;
  }
  return { byClass, aboveCounty: above / 100 || 0 };
}

function exactYearSums(recs: readonly Rec[]): YearSums {
  const byClass = CLASSES.flatMap((cls) => [
    sumOf(recs, hoursOf, IN_CLASS[cls]),
    sumOf(recs, creditsOf, IN_CLASS[cls]),
  ]);
  return { byClass, aboveCounty: sumOf(recs, creditsOf, isAboveCounty) };
}

const CLASS_AT: Record<ModeClass, number> = { online: 0, centralized: 1, schoolBased: 2 };

/** A year's counted figures, by mode: school-based hours above the yearly cap are dropped (R-PE5). */
function yearTotals(recs: readonly Rec[], p: Params<Key>, j: Judging): Totals {
  const { byClass: raw, aboveCounty } = yearSums(recs);
  // the figures before the school-based cap below changes them
  j.step('PE-10-sum', A10, W_PE_10_SUM, [recs.length, raw, aboveCounty]);
  const byClass = {
    online: { hours: raw[0]!, credits: raw[1]! },
    centralized: { hours: raw[2]!, credits: raw[3]! },
    schoolBased: { hours: raw[4]!, credits: raw[5]! },
  };
  const capped = schoolBasedYearCap(byClass.schoolBased, p, j);
  const tot = {
    capped,
    hours: sum([byClass.online.hours, byClass.centralized.hours, byClass.schoolBased.hours]),
    credits: sum([byClass.online.credits, byClass.centralized.credits, byClass.schoolBased.credits]),
    byClass,
    aboveCounty,
  };
  if (capped) j.step('PE-10-counted', A10, W_PE_10_COUNTED, [tot.hours, tot.credits]);
  return tot;
}

const MODULES = [
  'ethics',
  'knowledge',
  'ability',
  'classManagement',
  'schoolBased',
] as const satisfies readonly Category[];
const MODULE_ZH: Record<(typeof MODULES)[number], string> = {
  ethics: '专业理念与师德',
  knowledge: '专业知识',
  ability: '专业能力',
  classManagement: '班级管理',
  schoolBased: '校本研修',
};
const MODULE_EN: Record<(typeof MODULES)[number], string> = {
  ethics: 'professional ideals and ethics',
  knowledge: 'professional knowledge',
  ability: 'professional ability',
  classManagement: 'class management',
  schoolBased: 'school-based study',
};

const W_PE_13_5_YEARS = (lang: Lang, value: number | null) =>
  lang === 'zh'
    ? `学历提高只登记最早的 ${fmt(value)} 个年度：本年度的学历提高记录不计`
    : `degree study counts in its earliest ${fmt(value)} years only: this year's degree records are not counted`;

const W_PE_10_NEW_2 = (lang: Lang, h: number) =>
  lang === 'zh'
    ? `新教师上岗培训 ${fmt(h)} 学时，不计入全员培训`
    : `new-teacher onboarding ${fmt(h)} h, not counted in the totals`;

const W_PE_10_CYCLE_SUM = (lang: Lang, hours: number, credits: number) =>
  lang === 'zh'
    ? `各年度计入的 ${fmt(hours)} 学时、${fmt(credits)} 学分之和`
    : `the years' counted figures summed: ${fmt(hours)} h, ${fmt(credits)} credits`;

const W_PE_R3_MODULE_2 = (lang: Lang) =>
  lang === 'zh'
    ? '模块（课程类别）列全部为空：视为没有该列，未判定各模块学分'
    : 'the module (category) column is blank on every row: treated as absent, module credits not judged';

const W_PE_8_SELF = (lang: Lang) =>
  lang === 'zh'
    ? '自主选学列全部为空：视为没有该列，未判定自主选学学分比例'
    : 'the self-selected column is blank on every row: treated as absent, the self-selected share is not judged';

const L_HOURS_THIS_YEAR = t('年度学时', 'hours this year');
const L_CREDITS_THIS_YEAR = t('年度学分', 'credits this year');
const L_COUNTY_OR_ABOVE_CREDITS = t('县级以上培训学分', 'county-or-above credits');
const L_CYCLE_HOURS = t('周期学时', 'cycle hours');
const L_CYCLE_CREDITS = t('周期学分', 'cycle credits');
const L_ONLINE_HOURS_IN_THE_CYCLE = t('网络研修周期学时', 'online hours in the cycle');
const L_CENTRALIZED_HOURS_IN_THE_CYCLE = t('集中研修周期学时', 'centralized hours in the cycle');
const L_SCHOOL_BASED_HOURS_IN_THE = t('校本研修周期学时', 'school-based hours in the cycle');
const L_SCHOOL_BASED_CREDITS = t('校本研修类培训学分', 'school-based credits');
const L_CLASS_TEACHER_TRAINING_HOURS = t('班主任专题培训学时', 'class-teacher training hours');

/** Each mode class's yearly conditions: their ids and labels, made once. */
const CLASS_CONDITIONS = Object.fromEntries(
  CLASSES.map((cls) => [
    cls,
    {
      hoursId: `${cls}Hours`,
      creditsId: `${cls}Credits`,
      hours: t(`${CLASS_ZH[cls]}学时`, `${cls} hours`),
      credits: t(`${CLASS_ZH[cls]}学分`, `${cls} credits`),
    },
  ]),
) as Record<ModeClass, { hoursId: string; creditsId: string; hours: Text; credits: Text }>;
const R_PE4 = ['R-PE4'];
const R_PE4_PE5 = ['R-PE4', 'R-PE5'];

/** Each module's cycle condition: its id, label, parameter and records. */
const MODULE_CONDITIONS = Object.fromEntries(
  MODULES.map((m) => [
    m,
    {
      id: `module.${m}`,
      label: t(`${MODULE_ZH[m]}模块学分`, `${MODULE_EN[m]} module credits`),
      param: `module.${m}` as const,
      keep: (r: Rec) => r.conversion.facts.category === m,
    },
  ]),
) as {
  [M in (typeof MODULES)[number]]: { id: string; label: Text; param: `module.${M}`; keep: (r: Rec) => boolean };
};
const MODULE_AT = new Map<Category, number>(MODULES.map((m, i) => [m, i]));

/** Each module's credits in MODULES' order, in one pass on whole hundredths as sumOf adds them. */
function moduleCredits(all: readonly Rec[]): number[] {
  const out = [0, 0, 0, 0, 0];
  for (let i = 0; i < all.length; i++) {
    const c = all[i]!.conversion;
    const at = c.facts.category === undefined ? undefined : MODULE_AT.get(c.facts.category);
    if (at === undefined) continue;
    const k = cents(c.credits ?? 0);
    if (k === undefined) return MODULES.map((m) => sumOf(all, creditsOf, MODULE_CONDITIONS[m].keep));
    out[at] += k;
  }
  for (let i = 0; i < out.length; i++) {
    if (!(Math.abs(out[i]!) < 2 ** 50)) return MODULES.map((m) => sumOf(all, creditsOf, MODULE_CONDITIONS[m].keep));
    out[i] = out[i]! / 100 || 0;
  }
  return out;
}

/** 第八条's label, with the share as the table (or an override) sets it: made once per share. */
const selfSelectedLabel = lastOf((share: number): Text =>
  t(`自主选学学分（不低于总学分的${share * 100}%）`, `self-selected credits (≥ ${share * 100}% of the total)`),
);
const isSelfSelected = (r: Rec): boolean => r.conversion.facts.selfSelected;
const isClassTeacher = (r: Rec): boolean => r.conversion.facts.classTeacher;

/** 第十三条第5项's limit: the years with degree study, and those beyond the earliest ones allowed. */
interface DegreeYears {
  years: readonly number[];
  maxYears: ParamUse;
  voided: ReadonlySet<number>;
}

const NO_YEARS: readonly number[] = Object.freeze([]);
const NO_VOID_YEARS: ReadonlySet<number> = new Set();

/** 第十三条第5项: degree study is registered for a limited number of years (the earliest ones). */
function degreeYearsOf(records: readonly Rec[], p: Params<Key>, issues: Issue[]): DegreeYears {
  const maxYears = p.use('degreeMaxYears');
  // most teachers have no degree study: nothing is made for them
  let years: number[] | undefined;
  for (let i = 0; i < records.length; i++) {
    const y = records[i]!.record.year;
    if (records[i]!.conversion.facts.degree && y !== null && !years?.includes(y)) (years ??= []).push(y);
  }
  if (!years) return { years: NO_YEARS, maxYears, voided: NO_VOID_YEARS };
  const degreeYears = years.sort();
  const voidDegree = new Set(degreeYears.slice(maxYears.value!));
  if (voidDegree.size > 0) {
    issues.push({
      code: 'DEGREE_YEARS_EXCEEDED',
      severity: 'warning',
      field: 'mode',
      message: t(
        `学历提高只登记${fmt(maxYears.value)}年，${[...voidDegree].join('、')} 年度不计`,
        `degree study counts for ${fmt(maxYears.value)} years only; ${[...voidDegree].join(', ')} not counted`,
      ),
      cite: A13_5,
      uses: [maxYears],
    });
  }
  return { years: degreeYears, maxYears, voided: voidDegree };
}

const isCountedDegree = (r: Rec): boolean => r.conversion.counted && r.conversion.facts.degree;

/** 第十条 and 细则四 (R-PE3, R-PE4): a year's minimums, overall, by mode class and from county level up. */
function yearConditions(j: Judging, tot: Totals, p: Params<Key>): void {
  j.check(
    condition('yearHours', L_HOURS_THIS_YEAR, 'hours', tot.hours, p.use('yearHours'), A10),
    condition('yearCredits', L_CREDITS_THIS_YEAR, 'credits', tot.credits, p.use('yearCredits'), A10),
  );
  for (const cls of CLASSES) {
    const c = CLASS_CONDITIONS[cls];
    j.check(
      condition(c.hoursId, c.hours, 'hours', tot.byClass[cls].hours, p.use('modeYearHours'), A10, {
        readings: cls === 'schoolBased' && tot.capped ? R_PE4_PE5 : R_PE4,
      }),
      condition(c.creditsId, c.credits, 'credits', tot.byClass[cls].credits, p.use('modeYearCredits'), R4, {
        readings: R_PE4,
      }),
    );
  }
  j.check(
    condition(
      'countyAbove',
      L_COUNTY_OR_ABOVE_CREDITS,
      'credits',
      tot.aboveCounty,
      p.use('countyAboveYearCredits'),
      A10,
      { readings: ['R-PE3'] },
    ),
  );
}

/** One year: its counted records (without 第十三条第5项's void degree years), their totals, its minimums. */
function judgeYear(
  y: number,
  inYear: readonly Rec[],
  counted: (r: Rec) => boolean,
  deg: DegreeYears,
  p: Params<Key>,
  hire: number | undefined,
  totals: Totals[],
): YearJudgement {
  const j = new Judging('PE');
  const recs = inYear.filter(counted);
  if (deg.voided.has(y) && inYear.some(isCountedDegree))
    j.step('PE-13.5-years', A13_5, W_PE_13_5_YEARS, [deg.maxYears.value], { params: [deg.maxYears] });
  const tot = yearTotals(recs, p, j);
  totals.push(tot);
  const assessed = !beforeHire(j, y, hire, A2);
  yearConditions(j, tot, p);
  const pass = assessed ? allMet(j.conditions) : null;
  return j.year(y, { hours: tot.hours, credits: tot.credits, pass, undefinedCredits: countUndefined(recs) });
}

/** 第十三条第5项 over the cycle: how many years have degree study, and which of them are not counted. */
function degreeYearsStep(j: Judging, deg: DegreeYears): void {
  const { years: degreeYears, maxYears, voided: voidDegree } = deg;
  if (degreeYears.length)
    j.step(
      'PE-13.5-years',
      A13_5,
      voidDegree.size
        ? t(
            `学历提高登记了 ${degreeYears.length} 个年度（${degreeYears.join('、')}），只登记 ${fmt(maxYears.value)} 年：${[...voidDegree].join('、')} 年度不计`,
            `degree study registered in ${degreeYears.length} years (${degreeYears.join(', ')}), counted for ${fmt(maxYears.value)}: ${[...voidDegree].join(', ')} not counted`,
          )
        : t(
            `学历提高登记了 ${degreeYears.length} 个年度，未超过 ${fmt(maxYears.value)} 年`,
            `degree study registered in ${degreeYears.length} year(s), within ${fmt(maxYears.value)}`,
          ),
      { params: [maxYears] },
    );
}

/** 第十条: new-teacher onboarding is shown beside the totals, and flagged when short of its hours. */
function onboardingStep(j: Judging, records: readonly Rec[], p: Params<Key>, issues: Issue[]): void {
  const onboarding = records.filter((r) => r.conversion.facts.newTeacher);
  if (onboarding.length) {
    const h = sum(onboarding.map((r) => r.conversion.hours ?? 0));
    const need = p.use('newTeacherHours');
    const practical = p.use('newTeacherPracticalHours');
    j.note('PE-10-new', A10_NEW, W_PE_10_NEW_2, [h], { params: [need, practical] });
    if (h < need.value!) {
      issues.push({
        code: 'NEW_TEACHER_HOURS_SHORT',
        severity: 'warning',
        field: 'hours',
        message: t(
          `新教师上岗培训应不少于 ${fmt(need.value)} 学时（其中实践性培训不少于${fmt(practical.value)}学时），现为 ${fmt(h)}`,
          `onboarding needs ≥ ${fmt(need.value)} h (≥ ${fmt(practical.value)} practical); found ${fmt(h)}`,
        ),
        cite: A10_NEW,
        uses: [need, practical],
      });
    }
  }
}

/** 第十条 and 细则三: the cycle's minimums, overall, by mode class, from county level up and school-based. */
function cycleConditions(j: Judging, p: Params<Key>, hours: number, credits: number, totals: readonly Totals[]): void {
  const cls = (c: ModeClass) => sumOf(totals, (tot) => tot.byClass[c].hours);
  const modeCycle = p.use('modeCycleHours');
  j.check(
    condition('cycleHours', L_CYCLE_HOURS, 'hours', hours, p.use('cycleHours'), A10),
    condition('cycleCredits', L_CYCLE_CREDITS, 'credits', credits, p.use('cycleCredits'), A10),
    condition('onlineCycleHours', L_ONLINE_HOURS_IN_THE_CYCLE, 'hours', cls('online'), modeCycle, R3),
    condition('centralizedCycleHours', L_CENTRALIZED_HOURS_IN_THE_CYCLE, 'hours', cls('centralized'), modeCycle, R3),
    condition('schoolBasedCycleHours', L_SCHOOL_BASED_HOURS_IN_THE, 'hours', cls('schoolBased'), modeCycle, R3),
    condition(
      'countyAboveCycle',
      L_COUNTY_OR_ABOVE_CREDITS,
      'credits',
      sumOf(totals, (x) => x.aboveCounty),
      p.use('countyAboveCycleCredits'),
      A10,
      { readings: ['R-PE3'] },
    ),
    condition(
      'schoolBasedCycleCredits',
      L_SCHOOL_BASED_CREDITS,
      'credits',
      sumOf(totals, (x) => x.byClass.schoolBased.credits),
      p.use('schoolBasedCycleCredits'),
      A10,
      { readings: ['R-PE3'] },
    ),
  );
}

/** 细则三 and 第八条: each module's credits, the self-selected share, a class teacher's hours. */
function cycleShareConditions(
  j: Judging,
  p: Params<Key>,
  all: readonly Rec[],
  credits: number,
  judged: { modules: boolean; selfSelected: boolean; classTeacher: boolean },
): void {
  if (judged.modules) {
    const credits = moduleCredits(all);
    for (let i = 0; i < MODULES.length; i++) {
      const c = MODULE_CONDITIONS[MODULES[i]!];
      j.check(condition(c.id, c.label, 'credits', credits[i]!, p.use(c.param), R3));
    }
  }
  if (judged.selfSelected) {
    const share = p.use('selfSelectedShare');
    const need = product(credits, share.value!);
    j.check(
      condition(
        'selfSelected',
        selfSelectedLabel(share.value!),
        'credits',
        sumOf(all, creditsOf, isSelfSelected),
        need,
        A8,
        { params: [share] },
      ),
    );
  }
  if (judged.classTeacher) {
    j.check(
      condition(
        'classTeacherHours',
        L_CLASS_TEACHER_TRAINING_HOURS,
        'hours',
        sumOf(all, hoursOf, isClassTeacher),
        p.use('classTeacherHours'),
        R3,
      ),
    );
  }
}

function judge(input: JudgeInput<Facts>, ctx: RuleContext<Key>) {
  const p = ctx.params;
  const grouped = byYear(input.records);
  const issues: Issue[] = [];
  const hire = input.facts.hireYear;
  const deg = degreeYearsOf(input.records, p, issues);
  const voidDegree = deg.voided;
  const counted = (r: ConvertedRecord<Facts>): boolean =>
    r.conversion.counted && !(r.conversion.facts.degree && voidDegree.has(r.record.year!));
  const yearTotalsList: Totals[] = [];
  const years: YearJudgement[] = yearsOf(input.start, input.end).map((y) =>
    judgeYear(y, grouped.get(y) ?? [], counted, deg, p, hire, yearTotalsList),
  );
  const j = new Judging('PE');
  const all = input.records.filter(counted);
  degreeYearsStep(j, deg);
  onboardingStep(j, input.records, p, issues);
  const hours = sumOf(years, yearHours);
  const credits = sumOf(years, yearCredits);
  j.step('PE-10-cycle-sum', A10, W_PE_10_CYCLE_SUM, [hours, credits], {
    readings: tot5(yearTotalsList) ? ['R-PE5'] : [],
  });
  yearsBeforeHire(j, years, hire, A2);
  // a column blank on every row is as good as absent: its conditions cannot be judged
  const modules = hasValues(ctx, 'category');
  const selfSelected = hasValues(ctx, 'selfSelected');
  if (!modules && ctx.columns.has('category'))
    j.note('PE-R3-module', R3, W_PE_R3_MODULE_2, [], { readings: ['R-PE9'] });
  if (!selfSelected && ctx.columns.has('selfSelected'))
    j.note('PE-8-self', A8, W_PE_8_SELF, [], { readings: ['R-PE9'] });
  cycleConditions(j, p, hours, credits, yearTotalsList);
  cycleShareConditions(j, p, all, credits, { modules, selfSelected, classTeacher: input.facts.classTeacher });
  const cycle = j.cycle(input.start, input.end, {
    hours,
    credits,
    pass: allMet(j.conditions),
    undefinedCredits: countUndefined(all),
  });
  return { years, cycle, issues };
}

const yearHours = (y: YearJudgement): number => y.hours;
const yearCredits = (y: YearJudgement): number => y.credits;

/** Whether R-PE5's yearly cap cut some year's school-based hours. */
const tot5 = (list: readonly Totals[]): boolean => list.some((x) => x.capped);

/** 细则五(三): a school where ≥ 20 % of teachers fail a year is flagged for that year. */
export function flagSchools(teachers: TeacherJudgement[], p: Params<Key>): SchoolFlag[] {
  const use = p.use('schoolFailShare');
  const share = use.value!;
  const by = new Map<string, { assessed: number; failed: number }>();
  for (const tj of teachers) {
    if (!tj.school) continue;
    for (const y of tj.years) {
      // only finished years count: a year in progress, pending or not assessed fails no one yet
      if (y.status !== 'pass' && y.status !== 'fail') continue;
      const k = `${tj.school}\u0000${y.year}`;
      const e = by.get(k) ?? { assessed: 0, failed: 0 };
      e.assessed++;
      if (y.status === 'fail') e.failed++;
      by.set(k, e);
    }
  }
  return [...by.entries()]
    .map(([k, v]) => {
      const [school, year] = k.split('\u0000') as [string, string];
      const flagged = v.failed > 0 && v.failed >= product(v.assessed, share);
      return { school, year: +year, ...v, flagged, cite: R5, params: [use] };
    })
    .sort((a, b) => a.school.localeCompare(b.school, 'zh') || a.year - b.year);
}

/** What some issue codes mean in Pu'er, for the code table of docs/rules.md. */
const issueNotes: Partial<Record<IssueCode, Text>> = {
  HOURS_FIXED_BY_RULE: t(
    `工作室（主持人 ${v('studioHours.host')}、成员 ${v('studioHours.member')}、学员 ${v('studioHours.student')} 学时/年）、教研活动和教学比赛（每次 ${v('eventHours')} 学时）、课题（主持人 ${v('researchHours.host')}、参与人 ${v('researchHours.participant')} 学时）、学历提高（每年 ${v('degreeHoursPerYear')} 学时）（第十三条）`,
    `studios (host ${v('studioHours.host')}, member ${v('studioHours.member')}, student ${v('studioHours.student')} h a year), events and competitions (${v('eventHours')} h each), research (host ${v('researchHours.host')}, participant ${v('researchHours.participant')} h), degree study (${v('degreeHoursPerYear')} h a year) (第十三条)`,
  ),
  NEW_TEACHER_HOURS_SHORT: t(
    `上岗培训不足 ${v('newTeacherHours')} 学时（其中实践性培训不少于 ${v('newTeacherPracticalHours')} 学时，第十条）`,
    `onboarding under ${v('newTeacherHours')} hours (${v('newTeacherPracticalHours')} of them practical, 第十条)`,
  ),
  LEVEL_NOT_COVERED: t(
    '校级的教研活动、教学比赛或课题：原文要求县（区）级及以上（第十三条第3、4项）',
    'a school-level event, competition or research project: the text counts them from county level up (第十三条第3、4项)',
  ),
  ROLE_NOT_APPLICABLE: t(
    '工作室只认主持人、成员、学员，课题只认主持人、参与人（第十三条第1、4项）',
    'studios take hosts, members and students, research projects hosts and participants (第十三条第1、4项)',
  ),
  RATE_OUT_OF_RANGE: t(
    `项目学分超出第十一条第1项的范围（例如县级集中研修 ${v('rate.centralized.county.min')}–${v('rate.centralized.county.max')}）`,
    `the rate lies outside 第十一条第1项's range (county centralized training: ${v('rate.centralized.county.min')}–${v('rate.centralized.county.max')})`,
  ),
  IMPLIED_RATE_OUT_OF_RANGE: t(
    '没填项目学分，按登记学分推算的项目学分超出范围（R-PE8）；消息写明推算式和范围',
    'no rate given, and the rate the entered credits imply is out of range (R-PE8); the message shows the formula and the range',
  ),
  GRADE_MISSING: t(
    '按合格计，没有绩效学分（第十一条第3项）',
    'taken as a pass, with no performance credits (第十一条第3项)',
  ),
  DEGREE_YEARS_EXCEEDED: t(
    `学历提高登记超过 ${v('degreeMaxYears')} 年，多出的年度不计（第十三条第5项）`,
    `degree study registered for more than ${v('degreeMaxYears')} years: the later years do not count (第十三条第5项)`,
  ),
};

export const puer: RegionRules<Key, Facts> = {
  id: 'puer',
  name: t('普洱（云南）', "Pu'er (Yunnan)"),
  spellings: ['普洱', '普洱市', '云南', '云南省', 'puer', "pu'er"],
  source: {
    file: '003_8403e7cbc03e57c3.txt',
    title: '普洱市中小学教师全员培训管理办法（试行）',
    body: '普洱市教育体育局',
    year: 2023,
  },
  params,
  readings,
  unit: 'credits',
  requiresLevel: true,
  // one cycle for every teacher of a roster (the text sets five-year cycles, not per teacher)
  cycleKind: 'common',
  issueNotes,
  fingerprint: { idPrefixes: ['53'], words: [] },
  template: {
    levels: ['国家级', '省级', '市级', '县级', '校级'],
    columns: [
      { header: '项目学分', width: 8 },
      { header: '角色', list: ['主持人', '成员', '学员', '参与人', '主讲教师'], width: 8 },
      { header: '获奖', list: ['一等奖', '二等奖', '三等奖', '无'], width: 8 },
      { header: '模块', list: ['专业理念与师德', '专业知识', '专业能力', '班级管理', '校本研修'], width: 14 },
      { header: '自主选学', list: ['是', '否'], width: 8 },
    ],
  },
  modes: [
    'online',
    'centralized',
    'schoolBased',
    'followAlong',
    'classTeacher',
    'studio',
    'lecture',
    'competition',
    'research',
    'degree',
    'mentorship',
    'newTeacher',
  ],
  blankFacts: BLANK,
  levelAliases,
  // 第十条: short centralized training counts 6 hours a day; online counts actual hours.
  dayHoursKey: (mode) => (mode === undefined || MODE_CLASS[mode] === 'centralized' ? 'dayHours' : null),
  convert,
  judge,
  flagSchools,
};
