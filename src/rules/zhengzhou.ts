// 郑州市教育局 关于贯彻落实省中小学幼儿园教师继续教育学时登记管理暂行意见的通知
// (郑教明电〔2017〕139号, implementing 河南省 教师[2016]724号) — seeds/002_ca4ab383277274ce.txt
// Hours only: the report's credits equal the hours.
import { defineParams, defineReadings, Cite, Params, type ParamUse } from './params';
import {
  RegionRules,
  Trace,
  Judging,
  RecordContext,
  JudgeInput,
  RuleContext,
  requireField,
  condition,
  allMet,
  byYear,
  yearsOf,
  beforeHire,
  yearsBeforeHire,
  hoursOf,
} from './region';
import { sum, fmt, sumOf } from '../core/decimal';
import { t, type Text, type Lang } from '../core/text';
import type { Conversion, ConvertedRecord, TrainingRecord, YearJudgement } from '../core/types';
import type { Level, Mode } from '../core/vocabulary';

const DOC = '郑教明电〔2017〕139号（河南省 教师[2016]724号）';
const cite = (article: string, quote?: string): Cite => (quote ? { doc: DOC, article, quote } : { doc: DOC, article });

const S1 = cite('一、培训、登记对象', '在岗教师');
const S4 = cite(
  '四、培训任务、周期、结业发证',
  '每个中小学教师在每个培训周期内须完成360学时的培训任务，其中，校本研修80学时…每年度以完成72学时为宜',
);
const S5 = cite('五、培训、审核、登记', '中小学教师参加的继续教育培训学时核定以各级教育行政部门培训项目设计学时为准。');
const S5_SB = cite(
  '五、培训、审核、登记',
  '纳入学时登记的校本研修形式主要包括校本培训、听评课和示范课、课题研究、校本课程开发、区域研修、网络教研等。',
);
const S6_1 = cite('六、(一) 学历培训', '如能够在有效期5年内取得毕业(结业、学位)证书者，可免于参加本周期360学时培训');
const S6_3 = cite(
  '六、(三)',
  '支教、送教活动可按一定学时纳入继续教育学时登记。具体登记学时由组织活动的教育行政部门确定',
);
const S9 = cite('九、其他', '新任中小学教师要在参加工作1年内须完成120学时新任教师培训…培训学时纳入继续教育学时核算');

export const params = defineParams({
  cycleHours: { value: 360, unit: 'hour', label: t('周期学时', 'hours a cycle'), cite: S4 },
  schoolBasedHours: {
    value: 80,
    unit: 'hour',
    label: t('周期校本研修学时', 'school-based hours a cycle'),
    cite: S4,
    reading: 'R-ZZ1',
  },
  yearHours: { value: 72, unit: 'hour', label: t('每年学时（为宜）', 'hours a year (advisable)'), cite: S4 },
  newTeacherHours: { value: 120, unit: 'hour', label: t('新任教师培训学时', 'new-teacher training hours'), cite: S9 },
  newTeacherYears: {
    value: 1,
    unit: 'year',
    label: t('新任教师培训完成期限（参加工作后）', 'years after starting work to complete new-teacher training'),
    cite: S9,
  },
});

type Key = keyof typeof params;

/** A parameter's value as the reading summaries quote it. */
const v = (k: Key): string => fmt(params[k].value);

/** What the judge reads about each record. */
interface Facts {
  /** 四: toward the cycle's school-based hours */
  schoolBased: boolean;
  /** 九: new-teacher training (advisory, within the first year) */
  newTeacher: boolean;
  /** 六(一): a degree obtained, which exempts the cycle */
  degree: boolean;
}
const BLANK: Facts = { schoolBased: false, newTeacher: false, degree: false };

export const readings = defineReadings([
  {
    id: 'R-ZZ1',
    article: '四',
    question: '“其中，校本研修80学时”是固定份额还是最低要求？',
    chosen: 'a minimum: school-based hours must reach 80, and hours beyond 80 still count toward 360',
    alternatives: ['exactly 80: school-based hours beyond 80 do not count'],
    summary: t(
      `校本研修${v('schoolBasedHours')}学时为最低要求，超出部分仍计入${v('cycleHours')}学时`,
      `the ${v('schoolBasedHours')} school-based hours are a minimum; hours beyond ${v('schoolBasedHours')} still count toward ${v('cycleHours')}`,
    ),
  },
]);

const levelAliases: Record<string, Level> = { 区级: 'county' };
/**
 * 五 names the school-based forms: 校本培训、听评课和示范课、课题研究、校本课程开发、区域研修、
 * 网络教研. Here they are all 校本研修 and count toward the 80 hours; elsewhere 示范课 stays
 * lecturing and 课题研究 research. The text registers research only as this school-based
 * form, so 课题 in any spelling is school-based in Zhengzhou.
 */
const modeAliases: Record<string, Mode> = {
  听评课和示范课: 'schoolBased',
  听评课: 'schoolBased',
  听课评课: 'schoolBased',
  示范课: 'schoolBased',
  课题研究: 'schoolBased',
  课题: 'schoolBased',
  教研课题: 'schoolBased',
  校本课程开发: 'schoolBased',
  区域研修: 'schoolBased',
  网络教研: 'schoolBased',
};

const W_ZZ_5_FAIL = (lang: Lang) =>
  lang === 'zh' ? '考核不合格：不登记学时' : 'failed assessment: no hours registered';

const W_ZZ_6_1 = (lang: Lang, value: number | null) =>
  lang === 'zh'
    ? `学历教育取得证书：免于参加本周期${fmt(value)}学时培训`
    : `degree obtained: exempt from the cycle’s ${fmt(value)} hours`;

const W_ZZ_6_3 = (lang: Lang) =>
  lang === 'zh' ? '支教、送教按组织部门确定的学时登记' : 'support teaching registers the hours its department sets';

const W_ZZ_5_SCHOOL = (lang: Lang, value: number | null) =>
  lang === 'zh'
    ? `校本研修（校本培训、听评课和示范课、课题研究、校本课程开发、区域研修、网络教研等）：计入${fmt(value)}学时校本研修`
    : `school-based study (school training, lesson observation and demonstration lessons, research, school curricula, regional and online teaching research): counts toward the ${fmt(value)} school-based hours`;

const W_ZZ_5 = (lang: Lang, hours: number | undefined) =>
  lang === 'zh'
    ? `按项目设计学时登记 ${fmt(hours)} 学时（层次和方式不改变学时）；学分 = 学时`
    : `${fmt(hours)} designed hours registered (level and mode do not change them); credits = hours`;

const WHY_THE_PROJECT_S_DESIGNED_HOURS = t('按项目设计学时登记', 'the project’s designed hours are registered');

function convert(rec: TrainingRecord, ctx: RecordContext<Key>): Conversion<Facts> {
  const tr = new Trace<Facts>({ ...BLANK });
  const p = ctx.params;
  tr.facts.schoolBased = rec.mode === 'schoolBased';
  tr.facts.newTeacher = rec.mode === 'newTeacher';
  // 六(一): only a degree obtained (毕业、结业、学位证书) exempts the cycle; a failed one does not.
  tr.facts.degree = rec.mode === 'degree' && rec.grade !== 'fail';
  if (rec.grade === 'fail') {
    tr.step('ZZ-5-fail', S5, W_ZZ_5_FAIL, []);
    return tr.done(0, 0);
  }
  if (rec.mode === 'degree') {
    const cycle = p.use('cycleHours');
    tr.step('ZZ-6.1', S6_1, W_ZZ_6_1, [cycle.value], { params: [cycle] });
    return tr.done(rec.hours ?? 0, rec.hours ?? 0);
  }
  if (!requireField(tr, ctx, rec.hours, 'hours', WHY_THE_PROJECT_S_DESIGNED_HOURS)) return tr.done(null, null);
  if (rec.mode === 'support') tr.step('ZZ-6.3', S6_3, W_ZZ_6_3, []);
  if (rec.mode === 'schoolBased') {
    const sb = p.use('schoolBasedHours');
    tr.step('ZZ-5-school', S5_SB, W_ZZ_5_SCHOOL, [sb.value], { params: [sb] });
  }
  tr.step('ZZ-5', S5, W_ZZ_5, [rec.hours]);
  return tr.done(rec.hours, rec.hours);
}

const W_ZZ_4_SUM = (lang: Lang, length: number, hours: number) =>
  lang === 'zh' ? `${length} 条记录：${fmt(hours)} 学时` : `${length} record(s): ${fmt(hours)} h`;

const W_ZZ_4_YEAR = (lang: Lang, value: number | null) =>
  lang === 'zh'
    ? `郑州按五年周期考核，年度${fmt(value)}学时“为宜”，不单独判定`
    : `Zhengzhou assesses the five-year cycle; ${fmt(value)} hours a year is advisable, not a condition`;

const W_ZZ_4_CYCLE_SUM = (lang: Lang, length: number, hours: number, sb: number) =>
  lang === 'zh'
    ? `${length} 条记录：${fmt(hours)} 学时，其中校本研修 ${fmt(sb)} 学时`
    : `${length} record(s): ${fmt(hours)} h, ${fmt(sb)} of them school-based`;

const W_ZZ_6_1_2 = (lang: Lang, value: number | null) =>
  lang === 'zh'
    ? `本周期内取得学历教育证书，免于参加本周期${fmt(value)}学时培训，下列学时条件不影响结论`
    : `a degree was obtained within the cycle: exempt from its ${fmt(value)} hours, so the hour conditions below do not decide`;

const L_CYCLE_HOURS = t('周期学时', 'cycle hours');
const L_SCHOOL_BASED_HOURS = t('校本研修学时', 'school-based hours');

/** 四's yearly label, with the advisable hours as the table (or an override) sets them: made once per value. */
let yearLabel: { value: number | null; label: Text } | undefined;
function yearHoursLabel(value: number | null): Text {
  if (yearLabel?.value !== value)
    yearLabel = {
      value,
      label: t(`年度学时（以${fmt(value)}为宜，提示）`, `hours this year (${fmt(value)} advisable)`),
    };
  return yearLabel.label;
}

/** 四: a year is not judged on its own; its hours are set against the advisable 72, and a year before hire says so. */
function judgeYear(
  y: number,
  recs: ConvertedRecord<Facts>[],
  hire: number | undefined,
  yearMin: ParamUse<Key>,
): YearJudgement {
  const j = new Judging('ZZ');
  const hours = sumOf(recs, hoursOf);
  j.step('ZZ-4-sum', S4, W_ZZ_4_SUM, [recs.length, hours]);
  // 四 assesses the cycle; its yearly figure is 为宜, a recommendation: no year is judged on its own
  j.note('ZZ-4-year', S4, W_ZZ_4_YEAR, [yearMin.value], { params: [yearMin] });
  beforeHire(j, y, hire, S1);
  j.check(condition('yearHours', yearHoursLabel(yearMin.value), 'hours', hours, yearMin, S4, { advisory: true }));
  return j.year(y, { hours, credits: hours, pass: null, undefinedCredits: 0 });
}

/** 六(一): a degree obtained within the cycle exempts it from the 360 hours; a note says so. */
function degreeExemption(j: Judging, all: ConvertedRecord<Facts>[], cycleHours: ParamUse<Key>): boolean {
  const degree = all.some((r) => r.conversion.facts.degree);
  if (degree) {
    j.note('ZZ-6.1', S6_1, W_ZZ_6_1_2, [cycleHours.value], { params: [cycleHours] });
  }
  return degree;
}

/** 九: a teacher hired within the cycle takes 120 hours of new-teacher training in the first year (advisory). */
function newTeacherHours(
  j: Judging,
  p: Params<Key>,
  input: JudgeInput<Facts>,
  all: ConvertedRecord<Facts>[],
  hire: number | undefined,
): void {
  if (hire !== undefined && hire >= input.start && hire <= input.end) {
    const within = p.use('newTeacherYears');
    const nt = sum(
      all
        .filter((r) => r.conversion.facts.newTeacher && r.record.year !== null && r.record.year <= hire + within.value!)
        .map((r) => r.conversion.hours ?? 0),
    );
    j.check(
      condition(
        'newTeacherHours',
        t(
          `新任教师培训学时（工作${fmt(within.value)}年内，提示）`,
          `new-teacher training hours within ${fmt(within.value)} year(s) of starting (advisory)`,
        ),
        'hours',
        nt,
        p.use('newTeacherHours'),
        S9,
        { advisory: true, params: [within] },
      ),
    );
  }
}

/** The years, then the cycle in order: sum → before hire → 六(一) exemption → 四's conditions → 九's (advisory). */
function judge(input: JudgeInput<Facts>, ctx: RuleContext<Key>) {
  const p = ctx.params;
  const grouped = byYear(input.records);
  const hire = input.facts.hireYear;
  const yearMin = p.use('yearHours');
  const years: YearJudgement[] = yearsOf(input.start, input.end).map((y) =>
    judgeYear(
      y,
      (grouped.get(y) ?? []).filter((r) => r.conversion.counted),
      hire,
      yearMin,
    ),
  );
  const j = new Judging('ZZ');
  const all = input.records.filter((r) => r.conversion.counted);
  const hours = sumOf(all, hoursOf);
  const sb = sum(all.filter((r) => r.conversion.facts.schoolBased).map((r) => r.conversion.hours ?? 0));
  j.step('ZZ-4-cycle-sum', S4, W_ZZ_4_CYCLE_SUM, [all.length, hours, sb]);
  yearsBeforeHire(j, years, hire, S1);
  const cycleHours = p.use('cycleHours');
  const degree = degreeExemption(j, all, cycleHours);
  j.check(
    condition('cycleHours', L_CYCLE_HOURS, 'hours', hours, cycleHours, S4),
    condition('schoolBasedHours', L_SCHOOL_BASED_HOURS, 'hours', sb, p.use('schoolBasedHours'), S4, {
      readings: ['R-ZZ1'],
    }),
  );
  newTeacherHours(j, p, input, all, hire);
  const pass = degree || allMet(j.conditions);
  return { years, cycle: j.cycle(input.start, input.end, { hours, credits: hours, pass, undefinedCredits: 0 }) };
}

export const zhengzhou: RegionRules<Key, Facts> = {
  id: 'zhengzhou',
  name: t('郑州（河南）', 'Zhengzhou (Henan)'),
  spellings: ['郑州', '郑州市', '河南', '河南省', 'zhengzhou', 'henan'],
  source: {
    file: '002_ca4ab383277274ce.txt',
    title: '关于贯彻落实省中小学幼儿园教师继续教育学时登记管理暂行意见的通知（郑教明电〔2017〕139号）',
    body: '郑州市教育局',
    year: 2017,
  },
  params,
  readings,
  unit: 'hours',
  requiresLevel: false,
  // 四 「每5年为一个周期仅对教师个人设定」: each teacher's own five years
  cycleKind: 'individual',
  fingerprint: { idPrefixes: ['41'], words: [] },
  template: { levels: ['国家级', '省级', '市级', '县级', '校级'], columns: [] },
  modes: [
    'centralized',
    'online',
    'schoolBased',
    'degree',
    'newTeacher',
    'support',
    'lecture',
    'competition',
    'mentorship',
  ],
  blankFacts: BLANK,
  levelAliases,
  modeAliases,
  // Hours are the project design's own figure (五); no day length is given.
  dayHoursKey: () => null,
  convert,
  judge,
};
