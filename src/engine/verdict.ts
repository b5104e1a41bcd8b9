// The state of a year or a cycle as a person reads it (roster.md): pass, fail, inProgress, pending or
// notAssessed. A region's judge says whether the conditions are met; the engine adds what the date and
// the text's gaps mean for that — a period that has not ended, or whose shortfall lies only in credits the
// text leaves undefined, is never reported as failed.
import type { TeacherFacts } from '../rules/region';
import type { Params } from '../rules/params';
import { t, Text } from '../core/text';
import type {
  Condition,
  ConvertedRecord,
  CycleJudgement,
  CycleVerdict,
  Undecided,
  YearJudgement,
  YearVerdict,
} from '../core/types';

/** Failing only on credit conditions: the records whose credits are undefined might make up the gap. */
function shortOnlyInCredits(conditions: readonly Condition[]): boolean {
  const unmet = conditions.filter((c) => !c.advisory && !c.met);
  return unmet.length > 0 && unmet.every((c) => c.unit === 'credits');
}

/** The counted records whose credits the text leaves open, grouped by what would decide them. */
export function undecidedOf(records: readonly ConvertedRecord[], params: Params): Undecided[] {
  const by = new Map<string, Undecided>();
  for (const r of records) {
    const c = r.conversion;
    if (!c.counted || c.credits !== null || c.hours === null) continue;
    const gap = r.issues.find((i) => i.code === 'RULE_UNDEFINED' || i.code === 'MODE_NOT_COVERED');
    const key = gap?.param ?? '';
    let u = by.get(key);
    if (!u) {
      const def = key ? params.table[key] : undefined;
      u = def
        ? { count: 0, param: key, label: def.label }
        : { count: 0, label: t('原文未规定其折算的培训方式', 'modes the text gives no conversion for') };
      by.set(key, u);
    }
    u.count++;
  }
  return [...by.values()];
}

/** The state of a year. The judgement is completed in place (it is the region's fresh object, used once). */
export function yearVerdict(
  y: YearJudgement,
  records: () => readonly ConvertedRecord[],
  asOfYear: number,
  params: Params,
): YearVerdict {
  const v = y as YearVerdict;
  v.undecided = NONE;
  if (y.pass === null) {
    v.status = 'notAssessed';
    v.why = y.notes[y.notes.length - 1] ?? t('该年度不单独考核', 'this year is not assessed on its own');
  } else if (y.year > asOfYear) {
    // a year after the as-of date is not due: listed with whatever it holds, judged when it comes
    v.pass = null;
    v.status = 'inProgress';
    v.why = NOT_BEGUN;
  } else if (y.pass) {
    v.status = 'pass';
  } else if (y.year === asOfYear) {
    v.status = 'inProgress';
  } else if (y.undefinedCredits > 0 && shortOnlyInCredits(y.conditions)) {
    v.status = 'pending';
    v.undecided = undecidedOf(records(), params);
  } else {
    v.status = 'fail';
  }
  return v;
}

export function cycleVerdict(
  c: CycleJudgement,
  records: readonly ConvertedRecord[],
  asOfYear: number,
  facts: TeacherFacts,
  params: Params,
): CycleVerdict {
  const v = c as CycleVerdict;
  v.undecided = NONE;
  const hire = facts.hireYear;
  if (c.pass) v.status = 'pass';
  else if (c.end >= asOfYear) v.status = 'inProgress';
  else if (c.undefinedCredits > 0 && !c.failsRegardless && shortOnlyInCredits(c.conditions)) {
    v.status = 'pending';
    v.undecided = undecidedOf(records, params);
  } else if (hire !== undefined && hire > c.start) {
    // Every text binds serving teachers and sets its totals for a whole five-year cycle; none says what a
    // teacher hired part-way through owes for it. Not a failure the text supports: not assessed, figures shown.
    v.status = 'notAssessed';
    v.why = t(
      `${hire} 年入职，晚于周期起始 ${c.start} 年：原文未规定不满五年的周期如何考核`,
      `hired in ${hire}, after the cycle began in ${c.start}: the text does not say how a partial cycle is assessed`,
    );
  } else v.status = 'fail';
  return v;
}

const NONE: Undecided[] = [];
const NOT_BEGUN = t('该年度尚未开始', 'this year has not begun');

/** The words of each state, for every output. */
export const STATUS_WORDS: Record<YearVerdict['status'], Text> = {
  pass: t('合格', 'pass'),
  fail: t('不合格', 'fail'),
  inProgress: t('进行中', 'in progress'),
  pending: t('待定', 'pending'),
  notAssessed: t('不考核', 'not assessed'),
};
