// The shapes that flow through the engine: a normalized training record, the issues
// found on it, a conversion with its explanation steps, and a teacher's judgement.
import type { Cite, ParamUse } from '../rules/params';
import type { Text } from './text';
import type { Award, Category, Grade, Level, Mode, RegionId, Role } from './vocabulary';

export type Severity = 'error' | 'warning' | 'info';

/** Issues about the rules rather than the data: a number the text leaves open, a mode it never names. */
export const RULE_GAPS: ReadonlySet<string> = new Set(['RULE_UNDEFINED', 'MODE_NOT_COVERED']);

export interface Issue {
  code: string;
  severity: Severity;
  /** the roster field the issue is about (`hours`, `level`, …) or `row` / `teacher` */
  field: string;
  message: Text;
  /** the offending raw value, as text */
  value?: string;
  cite?: Cite;
}

export interface Step {
  /** stable id of the rule applied, e.g. `HN-14.3-day` */
  rule: string;
  cite: Cite;
  detail: Text;
  readings?: string[];
  params?: ParamUse[];
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
}

/** What a region's rules make of one record. */
export interface Conversion {
  /** registered hours after the region's rules; null when not computable */
  hours: number | null;
  /** credits after the region's rules; null when not computable or UNDEFINED */
  credits: number | null;
  steps: Step[];
  issues: Issue[];
  /** false for records shown but not counted (e.g. puer new-teacher onboarding) */
  counted: boolean;
  /** the region's own classification of the record, used by its judge */
  tags: Record<string, string | boolean | number>;
}

export interface ConvertedRecord {
  record: TrainingRecord;
  conversion: Conversion;
  issues: Issue[];
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
  undefinedCredits: number;
}

export interface TeacherJudgement {
  id: string;
  name: string | null;
  school: string | null;
  years: YearJudgement[];
  cycle: CycleJudgement;
  issues: Issue[];
}

export interface CycleSpec {
  start: number;
  /** where the start came from, said in the report */
  source: 'argument' | 'region' | 'workbook' | 'perTeacher';
}

/** 普洱 细则五(三): schools where ≥ 20 % of teachers fail a year. */
export interface SchoolFlag {
  school: string;
  year: number;
  assessed: number;
  failed: number;
  flagged: boolean;
  cite: Cite;
}

export type { RegionId };
