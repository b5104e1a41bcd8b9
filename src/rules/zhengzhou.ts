// 郑州市教育局 关于贯彻落实省中小学幼儿园教师继续教育学时登记管理暂行意见的通知
// (郑教明电〔2017〕139号, implementing 河南省 教师[2016]724号) — seeds/002_ca4ab383277274ce.txt
// Hours only: the report's credits equal the hours.
import { defineParams, defineReadings, Cite } from './params';
import {
  RegionRules,
  Trace,
  RecordContext,
  JudgeInput,
  RuleContext,
  requireField,
  condition,
  allMet,
  byYear,
  yearsOf,
  notBeforeHire,
} from './region';
import { sum, fmt } from '../core/decimal';
import { t, Text } from '../core/text';
import type { Condition, Conversion, TrainingRecord, YearJudgement } from '../core/types';
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
});

export const readings = defineReadings([
  {
    id: 'R-ZZ1',
    article: '四',
    question: '“其中，校本研修80学时”是固定份额还是最低要求？',
    chosen: 'a minimum: school-based hours must reach 80, and hours beyond 80 still count toward 360',
    alternatives: ['exactly 80: school-based hours beyond 80 do not count'],
    summary: t(
      '校本研修80学时为最低要求，超出部分仍计入360学时',
      'the 80 school-based hours are a minimum; hours beyond 80 still count toward 360',
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

function convert(rec: TrainingRecord, ctx: RecordContext): Conversion {
  const tr = new Trace();
  tr.tags.schoolBased = rec.mode === 'schoolBased';
  tr.tags.newTeacher = rec.mode === 'newTeacher';
  // 六(一): only a degree obtained (毕业、结业、学位证书) exempts the cycle; a failed one does not.
  tr.tags.degree = rec.mode === 'degree' && rec.grade !== 'fail';
  if (rec.grade === 'fail') {
    tr.step('ZZ-5-fail', S5, t('考核不合格：不登记学时', 'failed assessment: no hours registered'));
    return tr.done(0, 0);
  }
  if (rec.mode === 'degree') {
    tr.step(
      'ZZ-6.1',
      S6_1,
      t('学历教育取得证书：免于参加本周期360学时培训', 'degree obtained: exempt from the cycle’s 360 hours'),
    );
    return tr.done(rec.hours ?? 0, rec.hours ?? 0);
  }
  if (
    !requireField(tr, ctx, rec.hours, 'hours', t('按项目设计学时登记', 'the project’s designed hours are registered'))
  )
    return tr.done(null, null);
  if (rec.mode === 'support')
    tr.step(
      'ZZ-6.3',
      S6_3,
      t('支教、送教按组织部门确定的学时登记', 'support teaching registers the hours its department sets'),
    );
  if (rec.mode === 'schoolBased')
    tr.step(
      'ZZ-5-school',
      S5_SB,
      t(
        '校本研修（校本培训、听评课和示范课、课题研究、校本课程开发、区域研修、网络教研等）：计入80学时校本研修',
        'school-based study (school training, lesson observation and demonstration lessons, research, school curricula, regional and online teaching research): counts toward the 80 school-based hours',
      ),
    );
  tr.step(
    'ZZ-5',
    S5,
    t(
      `按项目设计学时登记 ${fmt(rec.hours)} 学时（层次和方式不改变学时）；学分 = 学时`,
      `${fmt(rec.hours)} designed hours registered (level and mode do not change them); credits = hours`,
    ),
  );
  return tr.done(rec.hours, rec.hours);
}

function judge(input: JudgeInput, ctx: RuleContext) {
  const p = ctx.params;
  const grouped = byYear(input.records);
  const years: YearJudgement[] = yearsOf(input.start, input.end).map((y) => {
    const recs = (grouped.get(y) ?? []).filter((r) => r.conversion.counted);
    const hours = sum(recs.map((r) => r.conversion.hours ?? 0));
    const conditions = [
      condition(
        'yearHours',
        t('年度学时（以72为宜，提示）', 'hours this year (72 advisable)'),
        'hours',
        hours,
        p.num('yearHours'),
        S4,
        { advisory: true },
      ),
    ];
    return {
      year: y,
      hours,
      credits: hours,
      pass: null,
      conditions,
      notes: [
        t(
          '郑州按五年周期考核，年度72学时“为宜”，不单独判定',
          'Zhengzhou assesses the five-year cycle; 72 hours a year is advisable, not a condition',
        ),
      ],
      undefinedCredits: 0,
    };
  });
  const all = input.records.filter((r) => r.conversion.counted);
  const hours = sum(all.map((r) => r.conversion.hours ?? 0));
  const sb = sum(all.filter((r) => r.conversion.tags.schoolBased === true).map((r) => r.conversion.hours ?? 0));
  const conditions: Condition[] = [
    condition('cycleHours', t('周期学时', 'cycle hours'), 'hours', hours, p.num('cycleHours'), S4),
    condition('schoolBasedHours', t('校本研修学时', 'school-based hours'), 'hours', sb, p.num('schoolBasedHours'), S4, {
      readings: ['R-ZZ1'],
    }),
  ];
  const notes: Text[] = [];
  const hire = input.facts.hireYear;
  notBeforeHire(years, hire, S1, notes);
  if (hire !== undefined && hire >= input.start && hire <= input.end) {
    const nt = sum(
      all
        .filter((r) => r.conversion.tags.newTeacher === true && r.record.year !== null && r.record.year <= hire + 1)
        .map((r) => r.conversion.hours ?? 0),
    );
    conditions.push(
      condition(
        'newTeacherHours',
        t('新任教师培训学时（工作1年内，提示）', 'new-teacher training hours within the first year (advisory)'),
        'hours',
        nt,
        p.num('newTeacherHours'),
        S9,
        { advisory: true },
      ),
    );
  }
  let pass = allMet(conditions);
  const degree = all.some((r) => r.conversion.tags.degree === true);
  if (degree) {
    notes.push(
      t(
        '本周期内取得学历教育证书，免于参加本周期360学时培训（六(一)）',
        'a degree was obtained within the cycle: exempt from its 360 hours (六(一))',
      ),
    );
    pass = true;
  }
  return {
    years,
    cycle: { start: input.start, end: input.end, hours, credits: hours, pass, conditions, notes, undefinedCredits: 0 },
  };
}

export const zhengzhou: RegionRules = {
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
  levelAliases,
  modeAliases,
  // Hours are the project design's own figure (五); no day length is given.
  dayHoursKey: () => null,
  convert,
  judge,
};
