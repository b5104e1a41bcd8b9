// Entry points for single computations: one conversion (CREDITS, the CLI's
// `credits`), and one teacher's cycle from a small range (CYCLE_PASS). They run the
// very same normalization, conversion and judgement as a whole roster.
import type { RegionRules } from '../rules/region';
import type { Overrides } from '../rules/params';
import { checkTable, CheckOptions, CheckResult, convertRecord, makeParams, RosterError } from './engine';
import { ColumnMap, Field, detectHeader, headerlessMap, FIELD_LABELS } from '../core/fields';
import { normalizeRow } from './normalize';
import { conditionText, explainSteps, reasons, verdictText } from './report';
import { Lang, say, t } from '../core/text';
import type { Conversion, Issue, TeacherJudgement } from '../core/types';

export interface CreditsInput {
  rules: RegionRules;
  hours?: unknown;
  level?: unknown;
  mode?: unknown;
  grade?: unknown;
  rate?: unknown;
  days?: unknown;
  months?: unknown;
  role?: unknown;
  award?: unknown;
  category?: unknown;
  overrides?: Overrides;
}

export interface CreditsResult {
  hours: number | null;
  credits: number | null;
  conversion: Conversion;
  /** every issue found; `errors` are those that make the result unusable */
  issues: Issue[];
  errors: Issue[];
}

const INPUT_FIELDS: Array<keyof CreditsInput & Field> = [
  'hours',
  'level',
  'mode',
  'grade',
  'rate',
  'days',
  'months',
  'role',
  'award',
  'category',
];

export function computeCredits(input: CreditsInput): CreditsResult {
  const rules = input.rules;
  const params = makeParams(rules, input.overrides);
  const columns: Partial<Record<Field, number>> = {};
  const cells: unknown[] = [];
  for (const f of INPUT_FIELDS) {
    columns[f] = cells.length;
    cells.push(input[f]);
  }
  const map: ColumnMap = { headerRow: -1, columns, headers: {}, teacherIdIsIdNumber: false };
  const n = normalizeRow(cells, map, 1, { levelAliases: rules.levelAliases, modeAliases: rules.modeAliases });
  const issues = n.issues;
  const conversion = convertRecord(
    rules,
    n.record,
    {
      params,
      columns: new Set(INPUT_FIELDS.filter((f) => input[f] !== undefined && input[f] !== null)),
      rejected: n.rejected,
    },
    issues,
  );
  const errors = issues.filter((i) => i.severity === 'error');
  const broken = errors.length > 0;
  return {
    hours: broken ? null : conversion.hours,
    credits: broken ? null : conversion.credits,
    conversion,
    issues,
    errors,
  };
}

/** One line for a spreadsheet cell: the figure and how it was reached. */
export function explainCredits(r: CreditsResult, lang: Lang): string {
  if (r.errors.length) return r.errors.map((i) => say(i.message, lang)).join('；');
  const head = r.credits === null ? (lang === 'en' ? 'not computable: ' : '无法计算：') : '';
  // when nothing could be computed, every warning is part of the why (UNDEFINED, a mode the text lacks …)
  const undef = r.issues
    .filter((i) => i.code === 'RULE_UNDEFINED' || (r.credits === null && i.severity === 'warning'))
    .map((i) => say(i.message, lang));
  return head + [explainSteps(r.conversion.steps, lang), ...undef].filter(Boolean).join(' → ');
}

/** A range's options are a roster's: the rule set, the cycle, overrides, the as-of date. */
export type RangeOptions = Omit<CheckOptions, 'firstRow' | 'columns' | 'headerless'>;

export interface RangeJudgement {
  result: CheckResult;
  teacher: TeacherJudgement;
  headerless: boolean;
  /** errors in the range's rows (a bad level, a missing year): the verdict is not trustworthy */
  errors: Array<Issue & { row: number }>;
}

/**
 * One teacher's cycle from a range that either starts with a header row or is
 * header-less in roster.md's order (year, level, mode, hours, grade, category), so
 * that FILTER(...) output works. Blank rows are skipped.
 */
export function judgeRange(rows: ReadonlyArray<ReadonlyArray<unknown>>, opts: RangeOptions): RangeJudgement {
  const header = detectHeader(rows.slice(0, 1), 1);
  const headerless = header === null;
  const options: CheckOptions = { ...opts };
  let result: CheckResult;
  if (headerless) {
    result = checkTable(rows, { ...options, headerless: true, columns: headerlessMap() });
  } else {
    // A header row may name only some columns; CYCLE_PASS needs no teacher column.
    const map = header!;
    const need: Field[] = ['mode', 'hours'];
    if (map.columns.year === undefined && map.columns.date === undefined) need.unshift('year');
    const missing = need.filter(
      (f) => map.columns[f] === undefined && !(f === 'hours' && map.columns.days !== undefined),
    );
    if (missing.length) {
      throw new RosterError(
        t(
          `区域表头缺少：${missing.map((f) => FIELD_LABELS[f].zh).join('、')}`,
          `the range's header lacks: ${missing.map((f) => FIELD_LABELS[f].en).join(', ')}`,
        ),
      );
    }
    result = checkTable(rows, { ...options, columns: map, headerless: map.columns.teacherId === undefined });
  }
  if (result.teachers.length === 0) {
    throw new RosterError(t('区域中没有任何培训记录', 'the range holds no training records'));
  }
  if (result.teachers.length > 1) {
    throw new RosterError(
      t(
        `区域包含 ${result.teachers.length} 位教师的记录；CYCLE_PASS 只判定一位教师（可用 FILTER 按教师筛选）`,
        `the range holds ${result.teachers.length} teachers; CYCLE_PASS judges one teacher (FILTER the range by teacher)`,
      ),
    );
  }
  const errors = result.records.flatMap((r) =>
    r.issues.filter((i) => i.severity === 'error').map((i) => ({ ...i, row: r.row })),
  );
  return { result, teacher: result.teachers[0]!, headerless, errors };
}

/** The cycle's state and its reasons for a cell: "合格", "进行中：截至 … 还差 …", "不合格：…". */
export function cycleText(j: RangeJudgement, lang: Lang): string {
  const c = j.teacher.cycle;
  const head = say(verdictText(c, j.result.asOf), lang);
  // the verdict already says what is missing; the other reasons (notes, advisories) follow it
  const rest = reasons(c)
    .filter((x) => !c.conditions.some((k) => !k.met && !k.advisory && say(conditionText(k), lang) === say(x, lang)))
    .map((x) => say(x, lang));
  return [head, ...rest].join(lang === 'en' ? '; ' : '；');
}

/** What is still missing in the cycle, in words: "校本研修学时 60/80，还差 20 学时". */
export function shortfallText(j: TeacherJudgement, lang: Lang): string {
  const unmet = j.cycle.conditions.filter((c) => !c.met && !c.advisory && c.kind === 'min');
  if (!unmet.length) return lang === 'en' ? 'nothing missing' : '无欠缺';
  return unmet.map((c) => say(conditionText(c), lang)).join(lang === 'en' ? '; ' : '；');
}
