// The report of roster.md: what `cpd-credits check --json` prints and what the task
// pane renders. Its zod schema is the contract; the tests validate real output
// against it.
import { z } from 'zod';
import { rulesFor } from '../rules';
import type { CheckResult, RecordResult } from './engine';
import { fmt } from './decimal';
import { Lang, say, t, Text } from './text';
import type { Condition, CycleJudgement, Issue, Step, YearJudgement } from './types';
import { REGIONS } from './vocabulary';

const IssueSchema = z.strictObject({
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  severity: z.enum(['error', 'warning', 'info']),
  field: z.string(),
  message: z.string().min(1),
  value: z.string().optional(),
  article: z.string().optional(),
});

const ShortfallSchema = z.strictObject({
  condition: z.string(),
  label: z.string(),
  unit: z.enum(['hours', 'credits']),
  required: z.number(),
  actual: z.number(),
  missing: z.number().positive(),
  advisory: z.boolean(),
  article: z.string(),
});

const YearSchema = z.strictObject({
  year: z.number().int(),
  hours: z.number(),
  credits: z.number(),
  pass: z.boolean().nullable(),
  reasons: z.array(z.string()),
  shortfall: z.array(ShortfallSchema),
});

const CycleSchema = z.strictObject({
  start: z.number().int(),
  end: z.number().int(),
  hours: z.number(),
  credits: z.number(),
  pass: z.boolean(),
  reasons: z.array(z.string()),
  shortfall: z.array(ShortfallSchema),
});

export const ReportSchema = z.strictObject({
  region: z.enum(REGIONS),
  source: z.string(),
  lang: z.enum(['zh', 'en']),
  cycle: z.strictObject({ source: z.enum(['argument', 'region', 'workbook', 'perTeacher']), start: z.number().int().optional(), note: z.string() }),
  overrides: z.record(z.string(), z.number()),
  readings: z.array(z.strictObject({ id: z.string(), summary: z.string() })),
  records: z.array(z.strictObject({
    row: z.number().int().positive(),
    teacherId: z.string().nullable(),
    name: z.string().nullable(),
    year: z.number().int().nullable(),
    hours: z.number().nonnegative().nullable(),
    credits: z.number().nonnegative().nullable(),
    counted: z.boolean(),
    explanation: z.string(),
    issues: z.array(IssueSchema),
  })),
  teachers: z.array(z.strictObject({
    id: z.string(),
    name: z.string().nullable(),
    school: z.string().nullable(),
    years: z.array(YearSchema),
    cycle: CycleSchema,
    issues: z.array(IssueSchema),
  })),
  schools: z.array(z.strictObject({ school: z.string(), year: z.number().int(), assessed: z.number().int(), failed: z.number().int(), flagged: z.boolean(), article: z.string() })),
  summary: z.strictObject({
    records: z.number().int().nonnegative(),
    errors: z.number().int().nonnegative(),
    warnings: z.number().int().nonnegative(),
    teachers: z.number().int().nonnegative(),
    cyclePass: z.number().int().nonnegative(),
    cycleFail: z.number().int().nonnegative(),
    yearsFailed: z.number().int().nonnegative(),
    schoolsFlagged: z.number().int().nonnegative(),
  }),
});
export type Report = z.infer<typeof ReportSchema>;

const article = (c: { doc: string; article: string }): string => `${c.doc} ${c.article}`;

function issueOut(i: Issue, lang: Lang): Report['records'][number]['issues'][number] {
  const o: Report['records'][number]['issues'][number] = { code: i.code, severity: i.severity, field: i.field, message: say(i.message, lang) };
  if (i.value !== undefined) o.value = i.value;
  if (i.cite) o.article = article(i.cite);
  return o;
}

const UNIT: Record<'hours' | 'credits', Text> = { hours: t('学时', 'h'), credits: t('学分', 'credits') };

/** "校本研修学时 60/80，还差 20 学时（…四）" — one unmet condition in words. */
export function conditionText(c: Condition): Text {
  const u = UNIT[c.unit];
  const prefix = c.advisory ? t('提示：', 'advisory: ') : t('', '');
  const note = c.note ? t(`，${c.note.zh}`, `, ${c.note.en}`) : t('', '');
  if (c.kind === 'max') {
    return t(
      `${prefix.zh}${c.label.zh} ${fmt(c.actual)}，超过上限 ${fmt(c.required)} ${u.zh}${note.zh}（${c.cite.article}）`,
      `${prefix.en}${c.label.en} ${fmt(c.actual)} exceeds ${fmt(c.required)} ${u.en}${note.en} (${c.cite.article})`,
    );
  }
  const miss = fmt(Math.max(0, c.required - c.actual));
  return t(
    `${prefix.zh}${c.label.zh} ${fmt(c.actual)}/${fmt(c.required)}，还差 ${miss} ${u.zh}${note.zh}（${c.cite.article}）`,
    `${prefix.en}${c.label.en} ${fmt(c.actual)}/${fmt(c.required)}, still ${miss} ${u.en} short${note.en} (${c.cite.article})`,
  );
}

/** Why a year or cycle got its verdict: unmet conditions (binding first), then notes. */
export function reasons(j: Pick<YearJudgement | CycleJudgement, 'conditions' | 'notes' | 'undefinedCredits'>): Text[] {
  const unmet = j.conditions.filter((c) => !c.met);
  const out = [...unmet.filter((c) => !c.advisory), ...unmet.filter((c) => c.advisory)].map(conditionText);
  if (j.undefinedCredits > 0 && unmet.some((c) => c.unit === 'credits')) {
    out.push(t(`${j.undefinedCredits} 条记录的学分原文未规定，未计入（可设置覆盖参数）`, `${j.undefinedCredits} record(s) have credits the source leaves undefined and are not counted (an override can set them)`));
  }
  return [...out, ...j.notes];
}

export function shortfall(conditions: Condition[], lang: Lang): Report['teachers'][number]['cycle']['shortfall'] {
  return conditions
    .filter((c) => !c.met && c.kind === 'min')
    .map((c) => ({
      condition: c.id,
      label: say(c.label, lang),
      unit: c.unit,
      required: c.required,
      actual: c.actual,
      missing: Math.round((c.required - c.actual) * 100) / 100,
      advisory: c.advisory,
      article: article(c.cite),
    }))
    .filter((s) => s.missing > 0);
}

export function explainSteps(steps: Step[], lang: Lang): string {
  return steps.map((s) => `${say(s.detail, lang)}【${s.cite.article}${s.readings?.length ? ` ${s.readings.join(' ')}` : ''}】`).join(lang === 'en' ? ' → ' : ' → ');
}

export function allIssues(r: CheckResult): Issue[] {
  return [...r.records.flatMap((x) => x.issues), ...r.teachers.flatMap((x) => x.issues)];
}

const CYCLE_NOTE: Record<Report['cycle']['source'], Text> = {
  argument: t('周期由 --cycle-start 指定', 'cycle given by --cycle-start'),
  region: t('周期由地区规定固定', 'cycle fixed by the region’s text'),
  workbook: t('周期取自工作簿设置', 'cycle taken from the workbook setting'),
  perTeacher: t('未指定周期：每位教师的周期从其最早记录的年度起算五年', 'no cycle given: each teacher’s cycle is the five years from their earliest record'),
};

export function toReport(r: CheckResult, lang: Lang = 'zh'): Report {
  const rules = rulesFor(r.region);
  const records = r.records.map((x: RecordResult) => ({
    row: x.row,
    teacherId: x.record.teacherId,
    name: x.record.name,
    year: x.record.year,
    hours: x.conversion.hours,
    credits: x.conversion.credits,
    counted: x.conversion.counted,
    explanation: explainSteps(x.conversion.steps, lang),
    issues: x.issues.map((i) => issueOut(i, lang)),
  }));
  const teachers = r.teachers.map((tj) => ({
    id: tj.id,
    name: tj.name,
    school: tj.school,
    years: tj.years.map((y) => ({
      year: y.year, hours: y.hours, credits: y.credits, pass: y.pass,
      reasons: reasons(y).map((x) => say(x, lang)),
      shortfall: y.pass === false ? shortfall(y.conditions, lang) : [],
    })),
    cycle: {
      start: tj.cycle.start, end: tj.cycle.end, hours: tj.cycle.hours, credits: tj.cycle.credits, pass: tj.cycle.pass,
      reasons: reasons(tj.cycle).map((x) => say(x, lang)),
      shortfall: shortfall(tj.cycle.conditions, lang),
    },
    issues: tj.issues.map((i) => issueOut(i, lang)),
  }));
  const issues = allIssues(r);
  const report: Report = {
    region: r.region,
    source: `${rules.source.title}（${rules.source.body}，${rules.source.year}）`,
    lang,
    cycle: { ...r.cycle, note: say(CYCLE_NOTE[r.cycle.source], lang) },
    overrides: r.overrides,
    readings: r.readings.map((id) => ({ id, summary: say(rules.readings.find((x) => x.id === id)?.summary ?? t(id, id), lang) })),
    records,
    teachers,
    schools: r.schools.map((s) => ({ school: s.school, year: s.year, assessed: s.assessed, failed: s.failed, flagged: s.flagged, article: article(s.cite) })),
    summary: {
      records: r.records.length,
      errors: issues.filter((i) => i.severity === 'error').length,
      warnings: issues.filter((i) => i.severity === 'warning').length,
      teachers: r.teachers.length,
      cyclePass: r.teachers.filter((x) => x.cycle.pass).length,
      cycleFail: r.teachers.filter((x) => !x.cycle.pass).length,
      yearsFailed: r.teachers.reduce((a, x) => a + x.years.filter((y) => y.pass === false).length, 0),
      schoolsFlagged: r.schools.filter((s) => s.flagged).length,
    },
  };
  return report;
}
