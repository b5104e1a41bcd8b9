// The engine: a table of cells in, every record converted and checked, every
// teacher's years and cycle judged. Pure and synchronous: no Office.js, no I/O, so
// the custom functions, the task pane and the CLI all call exactly this.
import { rulesFor, RegionRules } from '../rules';
import { Params, Overrides, checkOverrides, Cite } from '../rules/params';
import type { RecordContext, TeacherFacts } from '../rules/region';
import { product, fmt } from './decimal';
import { checkId, IdCheck } from './idcard';
import { ColumnMap, Field, FIELDS, detectHeader, headerlessMap, FIELD_LABELS } from './fields';
import { isBlank, isBlankRow, normalizeRow } from './normalize';
import { t, Text } from './text';
import type {
  Conversion, ConvertedRecord, CycleSpec, Issue, SchoolFlag, TeacherJudgement, TrainingRecord, YearJudgement,
} from './types';
import { fold, RegionId } from './vocabulary';

export interface CheckOptions {
  region: RegionId;
  /** --cycle-start: the cycle is this year … +4 for every teacher */
  cycleStart?: number;
  /** the workbook's own cycle setting, used when neither argument nor region fixes one */
  workbookCycleStart?: number;
  overrides?: Overrides;
  /** "today", for future-year checks; defaults to the clock */
  today?: Date;
  /** sheet row number of rows[0] (1 for a table read from A1) */
  firstRow?: number;
  /** a column map chosen by the user; detected from the headers when absent */
  columns?: ColumnMap;
  /** treat the table as header-less, in roster.md's CYCLE_PASS column order */
  headerless?: boolean;
}

export interface RecordResult {
  row: number;
  record: TrainingRecord;
  conversion: Conversion;
  issues: Issue[];
}

export interface CheckResult {
  region: RegionId;
  columns: ColumnMap;
  records: RecordResult[];
  teachers: TeacherJudgement[];
  schools: SchoolFlag[];
  cycle: { source: CycleSpec['source']; start?: number };
  overrides: Overrides;
  /** readings relied on anywhere in this result */
  readings: string[];
}

/** The table cannot be used at all (no header row, a key column missing, bad overrides). */
export class RosterError extends Error {
  constructor(readonly text: Text) {
    super(text.zh);
  }
}

const HOURS_IMPLAUSIBLE = 500;

function requiredColumns(region: RegionRules, map: ColumnMap): Field[] {
  const missing: Field[] = [];
  if (map.columns.teacherId === undefined) missing.push('teacherId');
  if (map.columns.year === undefined && map.columns.date === undefined) missing.push('year');
  if (map.columns.mode === undefined) missing.push('mode');
  if (map.columns.hours === undefined && map.columns.days === undefined) missing.push('hours');
  if (map.columns.level === undefined && region.requiresLevel) missing.push('level');
  return missing;
}

function fieldsPresent(map: ColumnMap): Set<Field> {
  return new Set(FIELDS.filter((f) => map.columns[f] !== undefined));
}

/** Mapped columns with a value on at least one data row: a column blank throughout is as good as absent. */
function fieldsFilled(rows: ReadonlyArray<ReadonlyArray<unknown>>, map: ColumnMap): Set<Field> {
  const filled = new Set<Field>();
  for (const f of FIELDS) {
    const idx = map.columns[f];
    if (idx === undefined) continue;
    for (let i = map.headerRow + 1; i < rows.length; i++) {
      if (!isBlank(rows[i]?.[idx])) {
        filled.add(f);
        break;
      }
    }
  }
  return filled;
}

/** The cite of the step that produced a record's credits, for messages about them. */
function lastCite(c: Conversion): Cite | undefined {
  return c.steps.length ? c.steps[c.steps.length - 1]!.cite : undefined;
}

const keyMemo = new Map<string, string>();

/** IDs and project names compare without case, width or spaces; each repeats on many rows. */
function foldKey(id: string): string {
  let k = keyMemo.get(id);
  if (k === undefined) {
    k = fold(id).toUpperCase();
    if (keyMemo.size > 50_000) keyMemo.clear();
    keyMemo.set(id, k);
  }
  return k;
}

/** Convert one normalized record under a region's rules, days → hours first. */
export function convertRecord(rules: RegionRules, record: TrainingRecord, ctx: RecordContext, issues: Issue[]): Conversion {
  let rec = record;
  const dayStep: Conversion['steps'] = [];
  if (rec.days !== undefined) {
    const key = rules.dayHoursKey(rec.mode);
    const use = key ? ctx.params.use(key) : null;
    if (!use || use.value === null) {
      if (rec.hours === undefined) {
        issues.push({
          code: 'DAYS_NOT_CONVERTIBLE', severity: 'error', field: 'days', value: fmt(rec.days),
          message: t(`${rules.name.zh}的规定没有给出每天折算的学时，请填写学时`, `the ${rules.name.en} rules give no hours per day; enter the hours`),
        });
      }
    } else {
      const fromDays = product(rec.days, use.value);
      const cite = rules.params[use.key]!.cite;
      if (rec.hours === undefined) {
        rec = { ...rec, hours: fromDays };
        dayStep.push({ rule: 'DAYS', cite, detail: t(`${fmt(rec.days)} 天 × 每天 ${fmt(use.value)} 学时 = ${fmt(fromDays)} 学时`, `${fmt(rec.days)} days × ${fmt(use.value)} h a day = ${fmt(fromDays)} h`), params: [use] });
      } else if (Math.abs(rec.hours - fromDays) > 0.01) {
        issues.push({
          code: 'HOURS_DAYS_MISMATCH', severity: 'warning', field: 'hours', value: fmt(rec.hours), cite,
          message: t(`学时 ${fmt(rec.hours)} 与天数 ${fmt(rec.days)}（每天 ${fmt(use.value)} 学时 = ${fmt(fromDays)}）不一致，按学时计`, `hours ${fmt(rec.hours)} differ from ${fmt(rec.days)} days (${fmt(use.value)} h a day = ${fmt(fromDays)}); the hours are used`),
        });
      }
    }
  }
  let conversion: Conversion;
  try {
    conversion = rules.convert(rec, ctx);
  } catch (e) {
    // A rule function failing is a bug of ours, never the user's: say so on the row.
    conversion = { hours: null, credits: null, steps: [], issues: [], counted: false, tags: {} };
    issues.push({ code: 'INTERNAL_ERROR', severity: 'error', field: 'row', message: t(`内部错误：${String(e)}`, `internal error: ${String(e)}`) });
  }
  if (dayStep.length) conversion.steps.unshift(...dayStep);
  if (rec !== record && rec.hours !== undefined) record.hours = rec.hours;
  issues.push(...conversion.issues);
  return conversion;
}

export function makeParams(region: RegionId, overrides: Overrides = {}): Params {
  const rules = rulesFor(region);
  const problems = checkOverrides(rules.params, overrides);
  if (problems.length) {
    throw new RosterError(t(
      `覆盖参数无效：${problems.map((p) => p.message.zh).join('；')}`,
      `invalid overrides: ${problems.map((p) => p.message.en).join('; ')}`,
    ));
  }
  return new Params(rules.params, overrides);
}

export function checkTable(rows: ReadonlyArray<ReadonlyArray<unknown>>, opts: CheckOptions): CheckResult {
  const rules = rulesFor(opts.region);
  const params = makeParams(opts.region, opts.overrides);
  const today = opts.today ?? new Date();
  const thisYear = today.getFullYear();
  const firstRow = opts.firstRow ?? 1;

  const map = opts.columns ?? (opts.headerless ? headerlessMap() : detectHeader(rows));
  if (!map) {
    throw new RosterError(t(
      '找不到表头行：前30行中没有一行同时包含“身份证号”“培训方式”“学时”等列名',
      'no header row found: none of the first 30 rows names columns such as 身份证号/ID, 培训方式/mode, 学时/hours',
    ));
  }
  const missing = opts.headerless ? [] : requiredColumns(rules, map);
  if (missing.length) {
    throw new RosterError(t(
      `缺少必需的列：${missing.map((f) => FIELD_LABELS[f].zh).join('、')}（表头在第 ${firstRow + map.headerRow} 行）`,
      `required columns missing: ${missing.map((f) => FIELD_LABELS[f].en).join(', ')} (header on row ${firstRow + map.headerRow})`,
    ));
  }
  const columns = fieldsPresent(map);
  const ctxBase = { params, columns, filled: fieldsFilled(rows, map) };

  // 1. normalize and convert every row
  const records: RecordResult[] = [];
  const idCache = new Map<string, IdCheck>();
  // one context object for every row (rules read it synchronously), not one per row
  const recordCtx: { params: typeof params; columns: Set<Field>; filled: Set<Field>; rejected: ReadonlySet<Field> } = { ...ctxBase, rejected: new Set() };
  for (let i = map.headerRow + 1; i < rows.length; i++) {
    const cells = rows[i] ?? [];
    if (isBlankRow(cells, map)) continue;
    const row = firstRow + i;
    const n = normalizeRow(cells, map, row, { levelAliases: rules.levelAliases, modeAliases: rules.modeAliases });
    const issues = n.issues;
    recordCtx.rejected = n.rejected;
    const conversion = convertRecord(rules, n.record, recordCtx, issues);
    rowChecks(n.record, conversion, issues, map, thisYear, today, rules, n.rejected, opts.headerless === true, idCache);
    voidIfBroken(conversion, issues);
    records.push({ row, record: n.record, conversion, issues });
  }

  // 2. checks across rows
  duplicates(records);
  rules.crossCheck?.(records, ctxBase);

  // 3. group by teacher and judge
  const groups = new Map<string, RecordResult[]>();
  for (const r of records) {
    if (r.record.teacherId === null) continue;
    const k = foldKey(r.record.teacherId);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(r);
  }
  // A header-less range (CYCLE_PASS over FILTER output) is one teacher's records.
  if (opts.headerless && records.length) groups.set('', records.filter((r) => r.record.teacherId === null));

  let source: CycleSpec['source'] = 'perTeacher';
  let fixedStart: number | undefined;
  if (opts.cycleStart !== undefined) [source, fixedStart] = ['argument', opts.cycleStart];
  else if (rules.fixedCycle) [source, fixedStart] = ['region', rules.fixedCycle.start];
  else if (opts.workbookCycleStart !== undefined) [source, fixedStart] = ['workbook', opts.workbookCycleStart];

  const teachers: TeacherJudgement[] = [];
  for (const [key, group] of groups) {
    if (!group.length) continue;
    const years = group.map((r) => r.record.year).filter((y): y is number => y !== null);
    const start = fixedStart ?? (years.length ? Math.min(...years) : thisYear);
    const end = start + 4;
    for (const r of group) {
      const y = r.record.year;
      if (y !== null && (y < start || y > end)) {
        r.issues.push({
          code: 'YEAR_OUTSIDE_CYCLE', severity: 'warning', field: 'year', value: String(y),
          message: t(`年度 ${y} 不在本周期 ${start}–${end} 内，不计入周期`, `year ${y} is outside the cycle ${start}–${end} and is not counted`),
        });
      }
    }
    const inCycle = group.filter((r) => r.record.year !== null && r.record.year >= start && r.record.year <= end);
    const first = group[0]!.record;
    const names = [...new Set(group.map((r) => r.record.name).filter((n): n is string => !!n))];
    const facts = teacherFacts(group);
    const judged = rules.judge({ records: inCycle, start, end, facts, lastDueYear: thisYear }, ctxBase);
    const teacherIssues: Issue[] = [...(judged.issues ?? [])];
    if (names.length > 1) {
      teacherIssues.push({
        code: 'NAME_MISMATCH', severity: 'warning', field: 'name', value: names.join(' / '),
        message: t(`同一编号 ${first.teacherId ?? ''} 对应多个姓名：${names.join('、')}`, `one ID ${first.teacherId ?? ''} carries several names: ${names.join(', ')}`),
      });
    }
    markFutureYears(judged.years, thisYear, end);
    if (end > thisYear) {
      judged.cycle.notes.push(t(`周期 ${start}–${end} 尚未结束：以下为截至目前的情况`, `the cycle ${start}–${end} has not ended: figures so far`));
    }
    teachers.push({
      id: first.teacherId ?? key,
      name: names[0] ?? null,
      school: group.find((r) => r.record.school)?.record.school ?? null,
      years: judged.years,
      cycle: judged.cycle,
      issues: teacherIssues,
    });
  }

  const schools = rules.flagSchools ? rules.flagSchools(teachers, params) : [];
  const readings = new Set<string>();
  for (const r of records) for (const s of r.conversion.steps) for (const id of s.readings ?? []) readings.add(id);
  for (const tj of teachers) for (const c of [...tj.cycle.conditions, ...tj.years.flatMap((y) => y.conditions)]) for (const id of c.readings ?? []) readings.add(id);

  return {
    region: opts.region,
    columns: map,
    records,
    teachers,
    schools,
    cycle: fixedStart === undefined ? { source } : { source, start: fixedStart },
    overrides: opts.overrides ?? {},
    readings: [...readings].sort(),
  };
}

/**
 * Fields whose errors make a record's figures untrustworthy. Errors elsewhere (the
 * ID's check digit, a certificate number) are reported but do not change the sums.
 */
const COMPUTING_FIELDS: ReadonlySet<string> = new Set(['year', 'date', 'level', 'mode', 'hours', 'days', 'months', 'grade', 'award', 'role', 'rate', 'category', 'selfSelected', 'row']);

/** roster.md: credits are null when not computable, e.g. an error on the row; such a row counts nowhere. */
function voidIfBroken(conversion: Conversion, issues: Issue[]): void {
  const broken = issues.some((i) => i.severity === 'error' && COMPUTING_FIELDS.has(i.field));
  if (!broken) return;
  conversion.hours = null;
  conversion.credits = null;
  conversion.counted = false;
}

function teacherFacts(group: RecordResult[]): TeacherFacts {
  const hire = group.map((r) => r.record.hireYear).filter((y): y is number => y !== undefined);
  const assessments = group.map((r) => r.record.assessment).filter((a): a is boolean => a !== undefined);
  const facts: TeacherFacts = {
    classTeacher: group.some((r) => r.record.classTeacher === true),
    exemptYears: new Set(group.filter((r) => r.record.exempt === true && r.record.year !== null).map((r) => r.record.year!)),
  };
  if (hire.length) facts.hireYear = Math.min(...hire);
  if (assessments.length) facts.assessment = assessments.every((a) => a);
  return facts;
}

/** Years after this one are not due yet: they are listed with their records but not judged. */
function markFutureYears(years: YearJudgement[], thisYear: number, end: number): void {
  if (end <= thisYear) return;
  for (const y of years) {
    if (y.year > thisYear && y.pass !== null) {
      y.pass = null;
      y.notes.push(t('年度尚未到来，不考核', 'this year has not come yet; not assessed'));
    }
  }
}

function rowChecks(
  rec: TrainingRecord, conv: Conversion, issues: Issue[], map: ColumnMap, thisYear: number, today: Date,
  rules: RegionRules, rejected: ReadonlySet<Field>, headerless: boolean, idCache: Map<string, IdCheck>,
): void {
  if (!headerless && rec.teacherId === null && !rejected.has('teacherId')) {
    issues.push({ code: 'TEACHER_ID_MISSING', severity: 'error', field: 'teacherId', message: t('缺少身份证号（教师编号），该行无法归属教师', 'teacher ID missing: the row belongs to no teacher') });
  }
  if (rec.teacherId !== null && (map.teacherIdIsIdNumber || /^\d{17}[\dX]$/.test(rec.teacherId))) {
    // a teacher's ID repeats on each of their rows: check it once per table
    let c = idCache.get(rec.teacherId);
    if (!c) idCache.set(rec.teacherId, (c = checkId(rec.teacherId, today)));
    if (!c.valid) issues.push({ code: 'ID_INVALID', severity: 'error', field: 'teacherId', value: rec.teacherId, message: c.message });
    else if (c.legacy) issues.push({ code: 'ID_LEGACY', severity: 'warning', field: 'teacherId', value: rec.teacherId, message: c.message });
  }
  if (rec.year === null && !rejected.has('year') && !rejected.has('date')) {
    issues.push({ code: 'YEAR_MISSING', severity: 'error', field: 'year', message: t('缺少年度（或培训时间），无法归入年度', 'no year (or date): the record belongs to no year') });
  }
  if (rec.year !== null && rec.year > thisYear) {
    issues.push({ code: 'YEAR_IN_FUTURE', severity: 'warning', field: 'year', value: String(rec.year), message: t(`年度 ${rec.year} 在未来`, `year ${rec.year} is in the future`) });
  }
  if (rec.hours !== undefined && rec.hours > HOURS_IMPLAUSIBLE) {
    issues.push({
      code: 'HOURS_IMPLAUSIBLE', severity: 'warning', field: 'hours', value: fmt(rec.hours),
      message: t(`学时 ${fmt(rec.hours)} 超过 ${HOURS_IMPLAUSIBLE}，一条记录不太可能这么多，请核对`, `${fmt(rec.hours)} hours exceeds ${HOURS_IMPLAUSIBLE} for one record; please check`),
    });
  }
  if (rec.enteredCredits !== undefined && conv.credits !== null && Math.abs(rec.enteredCredits - conv.credits) > 0.01) {
    const c = lastCite(conv);
    const issue: Issue = {
      code: 'CREDITS_MISMATCH', severity: 'warning', field: 'credits', value: fmt(rec.enteredCredits),
      message: t(
        `登记学分 ${fmt(rec.enteredCredits)} 与按规定计算的 ${fmt(conv.credits)} 不符${c ? `（${c.article}）` : ''}`,
        `entered credits ${fmt(rec.enteredCredits)} differ from the computed ${fmt(conv.credits)}${c ? ` (${c.article})` : ''}`,
      ),
    };
    if (c) issue.cite = c;
    issues.push(issue);
  }
  if (rules.certificate && rec.certificate !== undefined) {
    const c = rules.certificate(rec.certificate);
    if (!c.valid) issues.push({ code: 'CERTIFICATE_INVALID', severity: 'error', field: 'certificate', value: rec.certificate, message: c.message });
  }
}

/** Same teacher, project and year twice: probably registered twice. */
function duplicates(records: RecordResult[]): void {
  const seen = new Map<string, number>();
  for (const r of records) {
    const { teacherId, project, year } = r.record;
    if (teacherId === null || project === null || year === null) continue;
    const key = `${foldKey(teacherId)}\u0000${foldKey(project)}\u0000${year}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, r.row);
      continue;
    }
    r.issues.push({
      code: 'DUPLICATE_RECORD', severity: 'warning', field: 'project', value: project,
      message: t(`与第 ${first} 行重复（同一教师、同一项目、同一年度），可能重复登记`, `same teacher, project and year as row ${first}: possibly registered twice`),
    });
  }
}

export type { ConvertedRecord };
