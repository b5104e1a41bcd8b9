// Table-driven tests of the regional rules (architecture.md, "Test tables").
//
// A row is `{cite, origin, input, expect}` validated by a strict zod schema, so a
// mistyped key fails when the table is loaded. Two kinds of row:
//   - conversion rows: one record through `computeCredits` (the CREDITS function);
//   - judgement rows: a small roster through `checkTable` (years, cycle, schools).
// Expected values are worked by hand from the source texts, never pasted from the
// engine. A row may name the parameters and adopted readings it exercises
// (`params`, `readings`): the coverage test holds the engine to them — each must be
// named by the row's own steps, conditions or findings — and measures coverage from
// what the engine used, never from these lists.
import { z } from 'zod';
import { computeCredits, CreditsResult } from '../../src/engine/api';
import { checkTable, CheckResult } from '../../src/engine/engine';
import { RULES, type RegionId } from '../../src/rules';
import type { Issue, ParamUse } from '../../src/core/types';

/** "Today" for every table: years after 2026 are not yet due. */
export const TODAY = new Date('2026-11-23');

const Cell = z.union([z.string(), z.number(), z.boolean()]);
const Overrides = z.record(z.string(), z.number());
const Origin = z.enum(['text', 'boundary', 'reading']);
const IssueCode = z.string().regex(/^[A-Z][A-Z0-9_]*$/);

const common = {
  cite: z.string().min(1),
  origin: Origin,
  /** a short description of the case; generated from the input when absent (conversions) */
  what: z.string().min(1).optional(),
  /** parameter keys of RULES[region].params this row exercises */
  params: z.array(z.string().min(1)).optional(),
  /** adopted readings (R-…) this row exercises */
  readings: z.array(z.string().regex(/^R-[A-Z]{2}\d+$/)).optional(),
  /** the engine disagrees with the text here: the bug, precisely; the row runs as test.failing */
  failing: z.string().min(1).optional(),
};

const readingRowsNameTheirReading = (r: { origin: string; readings?: string[] | undefined }) =>
  r.origin !== 'reading' || (r.readings?.length ?? 0) > 0;

// ---- conversion rows ------------------------------------------------------------

export const ConversionInputSchema = z.strictObject({
  hours: Cell.optional(),
  level: Cell.optional(),
  mode: Cell.optional(),
  grade: Cell.optional(),
  rate: Cell.optional(),
  days: Cell.optional(),
  months: Cell.optional(),
  role: Cell.optional(),
  award: Cell.optional(),
  category: Cell.optional(),
  overrides: Overrides.optional(),
});

export const ConversionExpectSchema = z
  .strictObject({
    credits: z.number().nullable().optional(),
    hours: z.number().nullable().optional(),
    /** an issue code expected on the result */
    issue: IssueCode.optional(),
    /** an issue code that must NOT be on the result (the other side of a boundary) */
    absent: IssueCode.optional(),
  })
  .refine((e) => Object.keys(e).length > 0, { message: 'expect names nothing' });

export const ConversionRowSchema = z
  .strictObject({ ...common, input: ConversionInputSchema, expect: ConversionExpectSchema })
  .refine(readingRowsNameTheirReading, { message: 'a row of origin "reading" must name its readings' });

export type ConversionRow = z.input<typeof ConversionRowSchema>;

// ---- judgement rows -------------------------------------------------------------

/** One roster row; keys are roster fields, values are raw cells. */
export const RecordSchema = z.strictObject({
  teacher: z.string().optional(),
  name: z.string().optional(),
  school: z.string().optional(),
  year: z.number().int().optional(),
  date: z.string().optional(),
  project: z.string().optional(),
  level: Cell.optional(),
  mode: Cell.optional(),
  hours: Cell.optional(),
  days: Cell.optional(),
  months: Cell.optional(),
  grade: Cell.optional(),
  award: Cell.optional(),
  role: Cell.optional(),
  rate: Cell.optional(),
  category: Cell.optional(),
  selfSelected: Cell.optional(),
  classTeacher: Cell.optional(),
  assessment: Cell.optional(),
  hireYear: Cell.optional(),
  exempt: Cell.optional(),
  credits: Cell.optional(),
  certificate: Cell.optional(),
});
export type RecordInput = z.input<typeof RecordSchema>;

const Status = z.enum(['pass', 'fail', 'inProgress', 'pending', 'notAssessed']);

const Figures = z.strictObject({
  pass: z.boolean().nullable().optional(),
  /** the state the engine derives (verdict.ts): in progress before the period ends, pending on undefined credits … */
  status: Status.optional(),
  hours: z.number().optional(),
  credits: z.number().optional(),
  undefinedCredits: z.number().int().optional(),
  /** a fragment of an English note on the year */
  note: z.string().optional(),
});

export const JudgementExpectSchema = z
  .strictObject({
    /** the teacher the figures are about (default: the first teacher) */
    teacher: z.string().optional(),
    years: z.record(z.string().regex(/^\d{4}$/), Figures).optional(),
    cycle: z
      .strictObject({
        pass: z.boolean().optional(),
        status: Status.optional(),
        hours: z.number().optional(),
        credits: z.number().optional(),
        undefinedCredits: z.number().int().optional(),
      })
      .optional(),
    /** condition met or not: "cycle.<id>" or "<year>.<id>" */
    met: z.record(z.string().regex(/^(cycle|\d{4})\.[\w.]+$/), z.boolean()).optional(),
    /** conditions that must not be there at all: "cycle.<id>" or "<year>.<id>" */
    noCondition: z.array(z.string().regex(/^(cycle|\d{4})\.[\w.]+$/)).optional(),
    /** an issue code expected on some record or teacher */
    issue: IssueCode.optional(),
    absent: IssueCode.optional(),
    /** a fragment of an English note on the cycle */
    note: z.string().optional(),
    schools: z.array(z.strictObject({ school: z.string(), year: z.number().int(), flagged: z.boolean() })).optional(),
  })
  .refine((e) => Object.keys(e).filter((k) => k !== 'teacher').length > 0, { message: 'expect names nothing' });

export const JudgementRowSchema = z
  .strictObject({
    ...common,
    what: z.string().min(1),
    input: z.strictObject({
      cycleStart: z.number().int().optional(),
      /** the date verdicts hold on (default: TODAY) */
      asOf: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
      overrides: Overrides.optional(),
      records: z.array(RecordSchema).min(1),
    }),
    expect: JudgementExpectSchema,
  })
  .refine(readingRowsNameTheirReading, { message: 'a row of origin "reading" must name its readings' });

export type JudgementRow = z.input<typeof JudgementRowSchema>;

// ---- loading and naming ---------------------------------------------------------

function checkNames(
  region: RegionId,
  row: { params?: string[] | undefined; readings?: string[] | undefined; cite: string },
): void {
  const rules = RULES[region];
  for (const k of row.params ?? []) {
    if (!(k in rules.params)) throw new Error(`${region} row "${row.cite}": no parameter named ${k}`);
  }
  const ids = new Set(rules.readings.map((r) => r.id));
  for (const id of row.readings ?? []) {
    if (!ids.has(id)) throw new Error(`${region} row "${row.cite}": no reading named ${id}`);
  }
}

/** Validate a region's tables when they are loaded: a mistyped key or an unknown name fails. */
export function conversionTable(region: RegionId, rows: ConversionRow[]): ConversionRow[] {
  const parsed = z.array(ConversionRowSchema).parse(rows);
  parsed.forEach((r) => checkNames(region, r));
  return parsed;
}

export function judgementTable(region: RegionId, rows: JudgementRow[]): JudgementRow[] {
  const parsed = z.array(JudgementRowSchema).parse(rows);
  parsed.forEach((r) => checkNames(region, r));
  return parsed;
}

function describeInput(i: z.infer<typeof ConversionInputSchema>): string {
  const parts: string[] = [];
  if (i.hours !== undefined) parts.push(`${i.hours} h`);
  if (i.days !== undefined) parts.push(`${i.days} d`);
  if (i.months !== undefined) parts.push(`${i.months} mo`);
  for (const v of [i.level, i.mode, i.role, i.grade, i.award, i.category]) if (v !== undefined) parts.push(String(v));
  if (i.rate !== undefined) parts.push(`rate ${i.rate}`);
  if (i.overrides)
    parts.push(
      `override ${Object.entries(i.overrides)
        .map(([k, v]) => `${k}=${v}`)
        .join(',')}`,
    );
  return parts.join(' ');
}

function describeExpect(e: z.infer<typeof ConversionExpectSchema>): string {
  const parts: string[] = [];
  if (e.credits !== undefined) parts.push(e.credits === null ? 'credits null' : String(e.credits));
  if (e.hours !== undefined) parts.push(`${e.hours === null ? 'null' : e.hours} h`);
  if (e.issue) parts.push(e.issue);
  if (e.absent) parts.push(`no ${e.absent}`);
  return parts.join(', ');
}

export function conversionName(row: ConversionRow): string {
  const r = ConversionRowSchema.parse(row);
  return `${r.cite} — ${r.what ?? describeInput(r.input)}: ${describeExpect(r.expect)}`;
}

export function judgementName(row: JudgementRow): string {
  return `${row.cite} — ${row.what}`;
}

// ---- evaluation -----------------------------------------------------------------

/** What the engine used while a row ran: parameters and readings named by its steps, conditions and findings. */
export interface Usage {
  params: Set<string>;
  readings: Set<string>;
}

function collect(usage: Usage, items: ReadonlyArray<{ params?: ParamUse[]; readings?: string[] }>): void {
  for (const x of items) {
    for (const p of x.params ?? []) usage.params.add(p.key);
    for (const id of x.readings ?? []) usage.readings.add(id);
  }
}

const findings = (issues: readonly Issue[]) => issues.map((i) => ({ params: i.uses ?? [] }));

/** Run a conversion row; `usage` is what the engine's explanation steps (and findings) name, never the row's own list. */
export function evaluateConversion(region: RegionId, row: ConversionRow): { result: CreditsResult; usage: Usage } {
  const { overrides, ...cells } = row.input;
  const result = computeCredits({ rules: RULES[region], ...cells, ...(overrides ? { overrides } : {}) });
  const usage: Usage = { params: new Set(), readings: new Set() };
  collect(usage, result.conversion.steps);
  collect(usage, findings(result.issues));
  return { result, usage };
}

/** Roster headers for each record key (roster.md). 教师编号 is a staff number: no ID check. */
const HEADER: Record<keyof RecordInput, string> = {
  teacher: '教师编号',
  name: '姓名',
  school: '学校',
  year: '年度',
  date: '培训时间',
  project: '项目名称',
  level: '培训层次',
  mode: '培训方式',
  hours: '学时',
  days: '天数',
  months: '月数',
  grade: '成绩',
  award: '获奖',
  role: '角色',
  rate: '项目学分',
  category: '课程类别',
  selfSelected: '自主选学',
  classTeacher: '班主任',
  assessment: '考核结果',
  hireYear: '入职年度',
  exempt: '免考核',
  credits: '登记学分',
  certificate: '证书编号',
};
const ALWAYS: Array<keyof RecordInput> = ['teacher', 'project', 'level', 'mode', 'hours'];

/** The rows of a roster: the header, then one row per record (teacher T1 and project P<n> by default). */
export function rosterOf(records: RecordInput[]): unknown[][] {
  const keys = new Set<keyof RecordInput>(ALWAYS);
  for (const r of records) for (const k of Object.keys(r) as Array<keyof RecordInput>) keys.add(k);
  if (!records.some((r) => r.date !== undefined)) keys.add('year');
  const cols = (Object.keys(HEADER) as Array<keyof RecordInput>).filter((k) => keys.has(k));
  const rows: unknown[][] = [cols.map((k) => HEADER[k])];
  records.forEach((r, i) => {
    const filled: RecordInput = { teacher: 'T1', project: `P${i + 1}`, ...r };
    rows.push(cols.map((k) => filled[k] ?? null));
  });
  return rows;
}

/**
 * Run a judgement row; `usage` is measured from what the engine produced: the records' steps, the years'
 * and cycles' steps and conditions, the schools' flags and the findings that name a parameter.
 */
export function evaluateJudgement(region: RegionId, row: JudgementRow): { result: CheckResult; usage: Usage } {
  const result = checkTable(rosterOf(row.input.records), {
    rules: RULES[region],
    asOf: row.input.asOf ?? TODAY,
    ...(row.input.cycleStart !== undefined ? { cycleStart: row.input.cycleStart } : {}),
    ...(row.input.overrides ? { overrides: row.input.overrides } : {}),
  });
  const usage: Usage = { params: new Set(), readings: new Set() };
  for (const r of result.records) {
    collect(usage, r.conversion.steps);
    collect(usage, findings(r.issues));
  }
  for (const t of result.teachers) {
    for (const period of [t.cycle, ...t.years]) {
      collect(usage, period.steps);
      collect(usage, period.conditions);
    }
    collect(usage, findings(t.issues));
  }
  collect(usage, result.schools);
  return { result, usage };
}

// ---- assertions -----------------------------------------------------------------

function checkConversion(region: RegionId, row: ConversionRow): void {
  const { result } = evaluateConversion(region, row);
  const e = row.expect;
  const codes = result.issues.map((i) => i.code);
  if (e.credits !== undefined) expect(result.credits).toBe(e.credits);
  if (e.hours !== undefined) expect(result.hours).toBe(e.hours);
  if (e.issue !== undefined) expect(codes).toContain(e.issue);
  if (e.absent !== undefined) expect(codes).not.toContain(e.absent);
  // every case that expects a number must be free of errors
  if (typeof e.credits === 'number') expect(result.errors.map((i) => i.code)).toEqual([]);
}

function checkJudgement(region: RegionId, row: JudgementRow): void {
  const { result } = evaluateJudgement(region, row);
  const e = row.expect;
  const teacher = e.teacher === undefined ? result.teachers[0] : result.teachers.find((t) => t.id === e.teacher);
  if (!teacher) throw new Error(`no teacher ${e.teacher ?? '(first)'} in the result`);
  // the rosters of the tables are clean: no row may carry an error, except the one the row expects
  expect(
    result.records.flatMap((r) =>
      r.issues.filter((i) => i.severity === 'error' && i.code !== e.issue).map((i) => `row ${r.row}: ${i.code}`),
    ),
  ).toEqual([]);
  for (const [y, { note, ...want }] of Object.entries(e.years ?? {})) {
    const got = teacher.years.find((x) => x.year === Number(y));
    if (!got) throw new Error(`year ${y} is not in the cycle ${teacher.cycle.start}–${teacher.cycle.end}`);
    const pick: Record<string, unknown> = {};
    for (const k of Object.keys(want) as Array<keyof typeof want>) pick[k] = got[k];
    expect({ year: y, ...pick }).toEqual({ year: y, ...want });
    if (note !== undefined)
      expect({ year: y, notes: got.notes.map((n) => n.en).join(' | ') }).toEqual({
        year: y,
        notes: expect.stringContaining(note),
      });
  }
  if (e.cycle) {
    const pick: Record<string, unknown> = {};
    for (const k of Object.keys(e.cycle) as Array<keyof typeof e.cycle>) pick[k] = teacher.cycle[k];
    expect(pick).toEqual(e.cycle);
  }
  const conditionOf = (key: string) => {
    const [scope, ...rest] = key.split('.');
    const id = rest.join('.');
    const list =
      scope === 'cycle'
        ? teacher.cycle.conditions
        : (teacher.years.find((y) => y.year === Number(scope))?.conditions ?? []);
    return { list, found: list.find((c) => c.id === id) };
  };
  for (const [key, met] of Object.entries(e.met ?? {})) {
    const { list, found } = conditionOf(key);
    if (!found) throw new Error(`no condition ${key}; there are: ${list.map((c) => c.id).join(', ')}`);
    expect({ [key]: { met: found.met, actual: found.actual, required: found.required } }).toEqual({
      [key]: expect.objectContaining({ met }),
    });
  }
  for (const key of e.noCondition ?? []) expect(conditionOf(key).found).toBeUndefined();
  const codes = [
    ...result.records.flatMap((r) => r.issues.map((i) => i.code)),
    ...result.teachers.flatMap((t) => t.issues.map((i) => i.code)),
  ];
  if (e.issue !== undefined) expect(codes).toContain(e.issue);
  if (e.absent !== undefined) expect(codes).not.toContain(e.absent);
  if (e.note !== undefined) expect(teacher.cycle.notes.map((n) => n.en).join(' | ')).toContain(e.note);
  if (e.schools) {
    const key = (s: { school: string; year: number }) => `${s.school}/${s.year}`;
    const order = (a: { school: string; year: number }, b: { school: string; year: number }) =>
      key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
    const got = result.schools.map((s) => ({ school: s.school, year: s.year, flagged: s.flagged })).sort(order);
    expect(got).toEqual([...e.schools].sort(order));
  }
}

// ---- runners --------------------------------------------------------------------

export function runConversions(region: RegionId, rows: ConversionRow[]): void {
  describe(`${region}: conversion`, () => {
    for (const row of rows) {
      const name = conversionName(row);
      if (row.failing) test.failing(`${name} [engine disagrees: ${row.failing}]`, () => checkConversion(region, row));
      else test(name, () => checkConversion(region, row));
    }
  });
}

export function runJudgements(region: RegionId, rows: JudgementRow[]): void {
  describe(`${region}: judgement`, () => {
    for (const row of rows) {
      const name = judgementName(row);
      if (row.failing) test.failing(`${name} [engine disagrees: ${row.failing}]`, () => checkJudgement(region, row));
      else test(name, () => checkJudgement(region, row));
    }
  });
}
