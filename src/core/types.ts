// The shapes that flow through the engine: a normalized training record, the issues
// found on it, a conversion with its explanation steps, and a teacher's judgement.
/** Where a rule comes from: the document, the article, and the words it rests on. */
export interface Cite {
  doc: string;
  article: string;
  quote?: string;
}

/** A parameter as one computation used it: the value, and whether it is the text's own. */
export interface ParamUse<K extends string = string> {
  key: K;
  value: number | null;
  official: boolean;
  /** the source's value when an override replaced it (null: UNDEFINED in the source) */
  original?: number | null;
}
import type { Lang, Text } from './text';
import type { Award, Category, Grade, Level, Mode, Role } from './vocabulary';

import type { IssueCode, Severity } from './issues';

export type { IssueCode, Severity };
export { RULE_GAPS } from './issues';

export interface Issue {
  /** a code of the issue catalogue (issues.ts), which gives its title, meaning and fix */
  code: IssueCode;
  severity: Severity;
  /** the roster field the issue is about (`hours`, `level`, …) or `row` / `teacher` */
  field: string;
  message: Text;
  /** the offending raw value, as text */
  value?: string;
  cite?: Cite;
  /** the parameter the issue is about (RULE_UNDEFINED: the one an override would set) */
  param?: string;
  /** the accepted value the cell clearly means (省集 → 省级): what a one-click fix would write */
  suggestion?: string;
  /** the parameters a finding compared with (a quota, a minimum): how it can say why */
  uses?: ParamUse[];
}

export interface Step {
  /** stable id of the rule applied, e.g. `HN-14.3-day` */
  rule: string;
  cite: Cite;
  detail: Text;
  readings?: string[];
  params?: ParamUse[];
  /**
   * The detail in one language, for a step whose words cost to make and are read in one language at a time
   * (a condition's comparison, one of dozens a teacher-year): the same text as `detail[lang]`.
   */
  words?(lang: Lang): string;
}

/** A roster row after normalization: every field typed, or absent. */
export interface TrainingRecord {
  row: number;
  teacherId: string | null;
  name: string | null;
  school: string | null;
  year: number | null;
  project: string | null;
  level?: Level;
  mode?: Mode;
  hours?: number;
  days?: number;
  months?: number;
  grade?: Grade;
  score?: number;
  award?: Award;
  role?: Role;
  rate?: number;
  category?: Category;
  selfSelected?: boolean;
  enteredCredits?: number;
  certificate?: string;
  classTeacher?: boolean;
  assessment?: boolean;
  hireYear?: number;
  exempt?: boolean;
  /** the ID cell cannot identify a person (see normalize.ts IdProblem): teacherId is null */
  idProblem?: { kind: 'scientific' | 'lostDigits' | 'length'; shown: string };
}

/**
 * What a region's rules make of one record. `F` is the region's own classification of it (hainan's
 * `schoolLevel`, qitai's `bucket` …), which only that region's judge reads: the engine carries it as unknown.
 */
export interface Conversion<F = unknown> {
  /** registered hours after the region's rules; null when not computable */
  hours: number | null;
  /** credits after the region's rules; null when not computable or UNDEFINED */
  credits: number | null;
  steps: Step[];
  issues: Issue[];
  /** false for records shown but not counted (e.g. puer new-teacher onboarding) */
  counted: boolean;
  /** the region's own classification of the record, used by its judge */
  facts: F;
}

export interface ConvertedRecord<F = unknown> {
  record: TrainingRecord;
  conversion: Conversion<F>;
  /** NO_ISSUES when there are none: add to a record's issues with addIssue only */
  issues: readonly Issue[];
}

/**
 * The issues of a record that has none: one frozen list for all of them (most records of a roster), where each
 * kept an empty list of its own to the end of the check. Frozen, so that a push onto it fails loudly.
 */
export const NO_ISSUES: readonly Issue[] = Object.freeze([]);

/** Add an issue to a record's own list, making that list on its first issue (never a push onto NO_ISSUES). */
export function addIssue(r: { issues: readonly Issue[] }, issue: Issue): void {
  if (r.issues === NO_ISSUES) r.issues = [issue];
  else (r.issues as Issue[]).push(issue);
}

export type Unit = 'hours' | 'credits';

/** One condition of a year or a cycle, with its figures and its shortfall. */
export interface Condition {
  id: string;
  label: Text;
  unit: Unit;
  actual: number;
  required: number;
  /** `min` for ≥ conditions, `max` for ≤ conditions (e.g. shares) */
  kind: 'min' | 'max';
  met: boolean;
  /** advisory conditions warn but never fail (e.g. zhengzhou's 72 h a year 为宜) */
  advisory: boolean;
  cite: Cite;
  readings?: string[];
  /** the parameters the requirement comes from (a minimum itself, or the share it is computed with) */
  params?: ParamUse[];
  note?: Text;
}

export interface YearJudgement {
  year: number;
  hours: number;
  credits: number;
  /** null: the year is not assessed (hire year, exemption, advisory-only region) */
  pass: boolean | null;
  conditions: Condition[];
  notes: Text[];
  /**
   * How the figures and the verdict came about, in the order applied: raw totals → per-record or per-project
   * caps → per-year caps → totals → offsets → exemptions → conditions (the same Step records have)
   */
  steps: Step[];
  /** records whose credits are UNDEFINED: the totals are a lower bound */
  undefinedCredits: number;
}

export interface CycleJudgement {
  start: number;
  end: number;
  hours: number;
  credits: number;
  pass: boolean;
  conditions: Condition[];
  notes: Text[];
  /** as a year's: raw totals → per-cycle caps → totals → offsets → exemptions → conditions */
  steps: Step[];
  undefinedCredits: number;
  /**
   * failing whatever the undefined credits turn out to be, for a reason outside the conditions (qitai 六(四)3:
   * 考核不合格): never pending
   */
  failsRegardless: boolean;
}

/**
 * What a period's verdict is, as a person reads it (roster.md): `pass`, `fail`, `inProgress` (not ended on
 * the as-of date and not yet met), `pending` (fails only because the text leaves some records' credits
 * undefined), `notAssessed` (hire year, exemption, years before hire, advisory-only years …).
 */
export const STATUSES = ['pass', 'fail', 'inProgress', 'pending', 'notAssessed'] as const;
export type Status = (typeof STATUSES)[number];

/** Records a pending verdict waits for: how many, and the parameter (if any) whose value would decide them. */
export interface Undecided {
  count: number;
  /** the overridable parameter; absent when the text gives no rule at all (a mode it never names) */
  param?: string;
  label: Text;
}

/** A region's year or cycle judgement with the state the engine derives from it and from the as-of date. */
export interface Verdict {
  status: Status;
  /** for `pending`: the undecided records, by the parameter that would decide them */
  undecided: Undecided[];
  /** for `notAssessed` (and other states the engine decides): why, in words */
  why?: Text;
}

export type YearVerdict = YearJudgement & Verdict;
export type CycleVerdict = CycleJudgement & Verdict;

export interface TeacherJudgement {
  /** the grouping key its records carry (RecordResult.teacherKey) */
  key: string;
  id: string;
  name: string | null;
  school: string | null;
  years: YearVerdict[];
  cycle: CycleVerdict;
  issues: Issue[];
  /** sheet rows of the teacher's records */
  rows: number[];
  /** the ID column could not identify this teacher (scientific notation, lost digits …): grouped by name + school */
  idProblem?: Text;
}

/**
 * How a region's cycle is set (rules.md, "Every region"): `fixed` by the text itself (qitai 2024–2028),
 * `individual` to each teacher (zhengzhou 四 「每5年为一个周期仅对教师个人设定」), or `common` to every teacher
 * of a roster (hainan, shandong, puer).
 */
export type CycleKind = 'fixed' | 'individual' | 'common';

export interface CycleSpec {
  start: number;
  /**
   * where the start came from, said in the report: --cycle-start, the region's text, the workbook's setting,
   * inferred from the roster (the five-year window holding most records), or each teacher's own
   */
  source: 'argument' | 'region' | 'workbook' | 'roster' | 'perTeacher';
}

/** 普洱 细则五(三): schools where ≥ 20 % of teachers fail a year. */
export interface SchoolFlag {
  school: string;
  year: number;
  assessed: number;
  failed: number;
  flagged: boolean;
  cite: Cite;
  /** the share the failures were compared with */
  params?: ParamUse[];
}
