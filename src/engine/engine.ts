// The engine: a table of cells in, every record converted and checked, every
// teacher's years and cycle judged. Pure and synchronous: no Office.js, no I/O, so
// the custom functions, the task pane and the CLI all call exactly this.
import type { RegionRules } from '../rules/region';
import { Params, Overrides, checkOverrides, Cite } from '../rules/params';
import type { RecordContext, RuleContext, TeacherFacts } from '../rules/region';
import { product, fmt } from '../core/decimal';
import { checkId, IdCheck } from '../core/idcard';
import { ColumnMap, Field, FIELDS, detectHeader, headerlessMap, FIELD_LABELS, columnLetters } from '../core/fields';
import { RowReader, isBlank, isBlankRow, type NormalizeOptions } from './normalize';
import { parseDate, today } from '../core/dates';
import { t, Text } from '../core/text';
import { articleEn } from '../core/cite';
import type {
  Conversion,
  ConvertedRecord,
  CycleSpec,
  Issue,
  SchoolFlag,
  TeacherJudgement,
  TrainingRecord,
} from '../core/types';
import { NO_ISSUES, addIssue } from '../core/types';
import { fold } from '../core/vocabulary';
import { cycleVerdict, yearVerdict } from './verdict';
import { regionFit } from './fit';

/**
 * One table of a roster: a sheet of a workbook, or a CSV. A roster may span several (one sheet per year,
 * several schools' files): their records are judged together, so one teacher's records add up across them.
 */
export interface RosterTable {
  rows: ReadonlyArray<ReadonlyArray<unknown>>;
  /** sheet row number of rows[0] (1 for a table read from A1) */
  firstRow?: number;
  /** a column map chosen by the user; detected from the headers when absent */
  columns?: ColumnMap;
  /** the sheet's name, when the table is a workbook's sheet */
  sheet?: string;
  /** the file's name, when several files are checked as one roster */
  file?: string;
}

export interface CheckOptions {
  /** the region's rule set (src/rules/index.ts knows them all; the engine never looks one up) */
  rules: RegionRules;
  /** --cycle-start: the cycle is this year … +4 for every teacher */
  cycleStart?: number;
  /** the workbook's own cycle setting, used when neither argument nor region fixes one */
  workbookCycleStart?: number;
  /** the workbook's own CPD.region, so that a different region chosen for the check is pointed out */
  workbookRegion?: RegionRules;
  /** the regions a roster may be compared with, for the "looks like another region's" warning */
  candidates?: readonly RegionRules[];
  overrides?: Overrides;
  /** the date verdicts are judged on (YYYY-MM-DD or a Date); today when absent */
  asOf?: string | Date;
  /** sheet row number of rows[0] (1 for a table read from A1) */
  firstRow?: number;
  /** a column map chosen by the user; detected from the headers when absent */
  columns?: ColumnMap;
  /** treat the table as header-less, in roster.md's CYCLE_PASS column order */
  headerless?: boolean;
}

export interface RecordResult {
  /** index of the record's table in CheckResult.tables */
  table: number;
  row: number;
  record: TrainingRecord;
  conversion: Conversion;
  /** NO_ISSUES when there are none: add to them with addIssue only */
  issues: readonly Issue[];
  /** which teacher the record belongs to (null: none can be told) */
  teacherKey: string | null;
}

export interface CheckResult {
  rules: RegionRules;
  /** the region's id (rules.id) */
  region: string;
  /** the column map of the first table (the only one, for a single sheet) */
  columns: ColumnMap;
  /** every table read, in order: its column map and where it came from */
  tables: Array<{ columns: ColumnMap; firstRow: number; sheet?: string; file?: string; records: number }>;
  records: RecordResult[];
  teachers: TeacherJudgement[];
  schools: SchoolFlag[];
  cycle: { source: CycleSpec['source']; start?: number };
  overrides: Overrides;
  /** readings relied on anywhere in this result */
  readings: string[];
  /** the date the verdicts hold on, YYYY-MM-DD */
  asOf: string;
  /** findings about the roster as a whole (it looks like another region's …) */
  issues: Issue[];
}

/** The table cannot be used at all (no header row, a key column missing, bad overrides). */
export class RosterError extends Error {
  constructor(readonly text: Text) {
    super(text.zh);
  }
}

const HOURS_IMPLAUSIBLE = 500;

/** The columns a roster must have under a region's rules that this header lacks (none: it can be checked). */
export function requiredColumns(region: RegionRules, map: ColumnMap): Field[] {
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

const idKeys = new Map<string, string>();

/** A teacher's grouping key: one string for all of their records (each record keeps it). */
function idKey(id: string): string {
  let k = idKeys.get(id);
  if (k === undefined) {
    k = `id:${foldKey(id)}`;
    if (idKeys.size > 50_000) idKeys.clear();
    idKeys.set(id, k);
  }
  return k;
}

/**
 * The conversions of one check, by what a conversion may depend on — the training and its outcome, the
 * teacher's own columns (class teacher, hire year …), the project and year, and the fields the normalizer
 * rejected; never who took it (row, ID, name, school) or the certificate number. A roster registers the same
 * trainings (a project's level, mode, hours, grade) for many teachers. Records of one training share one
 * Conversion: nothing changes a conversion once made (a row voided for an error elsewhere gets a new one).
 */
export class ConversionMemo {
  private readonly made = new Map<string, Conversion>();
  private readonly read: Readonly<Record<MemoInput, boolean>>;
  /** per input, each distinct value's number: a conversion's key is the string of these numbers */
  private readonly ids: Array<Map<unknown, number>> = MEMO_INPUTS.map(() => new Map());
  private readonly rejectedIds = new Map<string, number>();
  /** the key's numbers: one an input (MEMO_INPUTS' order), then the rejected fields' */
  private readonly codes = new Array<number>(MEMO_INPUTS.length + 1).fill(0);

  /**
   * `columns`: the fields the roster has a column for. An input no column feeds is undefined on every record:
   * it is not part of the key. Without `columns`, every input is.
   */
  constructor(columns?: ReadonlySet<Field>) {
    const has = (...fs: Field[]) => !columns || fs.some((f) => columns.has(f));
    this.read = {
      mode: has('mode'),
      level: has('level'),
      // days become hours before the conversion
      hours: has('hours', 'days'),
      grade: has('grade'),
      year: has('year', 'date'),
      project: has('project'),
      days: has('days'),
      months: has('months'),
      score: has('grade'),
      award: has('award'),
      role: has('role'),
      rate: has('rate'),
      category: has('category'),
      selfSelected: has('selfSelected'),
      enteredCredits: has('credits'),
      classTeacher: has('classTeacher'),
      assessment: has('assessment'),
      hireYear: has('hireYear'),
      exempt: has('exempt'),
    };
  }

  /**
   * The record's inputs as one short string: each input's value by its number (a look-up in a small map per
   * input), then the rejected fields'. A tree of maps, one level an input, was a look-up in a different map at
   * each of up to 20 levels — most of them cold in the cache. Undefined when a value was never seen (and
   * `make` is false) or an input has more distinct values than a character holds.
   */
  private key(r: TrainingRecord, rejected: ReadonlySet<Field>, make: boolean): string | undefined {
    const on = this.read;
    const ids = this.ids;
    const c = this.codes;
    if (on.mode && !code(c, 0, ids[0]!, r.mode, make)) return undefined;
    if (on.level && !code(c, 1, ids[1]!, r.level, make)) return undefined;
    if (on.hours && !code(c, 2, ids[2]!, r.hours, make)) return undefined;
    if (on.grade && !code(c, 3, ids[3]!, r.grade, make)) return undefined;
    if (on.year && !code(c, 4, ids[4]!, r.year, make)) return undefined;
    if (on.project && !code(c, 5, ids[5]!, r.project, make)) return undefined;
    if (on.days && !code(c, 6, ids[6]!, r.days, make)) return undefined;
    if (on.months && !code(c, 7, ids[7]!, r.months, make)) return undefined;
    if (on.score && !code(c, 8, ids[8]!, r.score, make)) return undefined;
    if (on.award && !code(c, 9, ids[9]!, r.award, make)) return undefined;
    if (on.role && !code(c, 10, ids[10]!, r.role, make)) return undefined;
    if (on.rate && !code(c, 11, ids[11]!, r.rate, make)) return undefined;
    if (on.category && !code(c, 12, ids[12]!, r.category, make)) return undefined;
    if (on.selfSelected && !code(c, 13, ids[13]!, r.selfSelected, make)) return undefined;
    if (on.enteredCredits && !code(c, 14, ids[14]!, r.enteredCredits, make)) return undefined;
    if (on.classTeacher && !code(c, 15, ids[15]!, r.classTeacher, make)) return undefined;
    if (on.assessment && !code(c, 16, ids[16]!, r.assessment, make)) return undefined;
    if (on.hireYear && !code(c, 17, ids[17]!, r.hireYear, make)) return undefined;
    if (on.exempt && !code(c, 18, ids[18]!, r.exempt, make)) return undefined;
    if (!code(c, 19, this.rejectedIds, rejectedKey(rejected), make)) return undefined;
    // one call of fixed arity (an input no column feeds stays 0): no list spread into arguments
    return String.fromCharCode(
      c[0]!,
      c[1]!,
      c[2]!,
      c[3]!,
      c[4]!,
      c[5]!,
      c[6]!,
      c[7]!,
      c[8]!,
      c[9]!,
      c[10]!,
      c[11]!,
      c[12]!,
      c[13]!,
      c[14]!,
      c[15]!,
      c[16]!,
      c[17]!,
      c[18]!,
      c[19]!,
    );
  }

  /**
   * The readings every conversion made through this memo relied on: each record's conversion is one of them
   * (or a copy of one with the same steps, voided or with days turned into hours; or an internal error's).
   */
  readonly readings = new Set<string>();

  /** A conversion was made (remembered or not): its steps' readings are noted. */
  madeOne(c: Conversion): void {
    readingsOf(c.steps, this.readings);
  }

  get(rec: TrainingRecord, rejected: ReadonlySet<Field>): Conversion | undefined {
    const k = this.key(rec, rejected, false);
    return k === undefined ? undefined : this.made.get(k);
  }

  set(rec: TrainingRecord, rejected: ReadonlySet<Field>, c: Conversion): void {
    // bounded: a roster of all-different trainings gains nothing from remembering them
    if (this.made.size >= 200_000) return;
    const k = this.key(rec, rejected, true);
    if (k !== undefined) this.made.set(k, c);
  }
}

/** The memo's inputs, in the order of its key (ConversionMemo.key's numbers follow it). */
const MEMO_INPUTS = [
  'mode',
  'level',
  'hours',
  'grade',
  'year',
  'project',
  'days',
  'months',
  'score',
  'award',
  'role',
  'rate',
  'category',
  'selfSelected',
  'enteredCredits',
  'classTeacher',
  'assessment',
  'hireYear',
  'exempt',
] as const;
type MemoInput = (typeof MEMO_INPUTS)[number];

/**
 * Set codes[at] to the number of `v` among the values an input has had (a new one when `make`); false: none.
 * An input a row leaves empty is 0 without a look-up: most of a roster's optional columns are empty on most rows.
 */
function code(codes: number[], at: number, ids: Map<unknown, number>, v: unknown, make: boolean): boolean {
  if (v === undefined) {
    codes[at] = 0;
    return true;
  }
  let id = ids.get(v);
  if (id === undefined) {
    // 1 … 0xffff: a character each
    if (!make || ids.size >= 0xffff) return false;
    ids.set(v, (id = ids.size + 1));
  }
  codes[at] = id;
  return true;
}

/** The rejected fields as one value for the key: undefined (0) when none, as on most rows. */
const rejectedKey = (rejected: ReadonlySet<Field>): string | undefined =>
  rejected.size ? [...rejected].sort().join(',') : undefined;

/** Convert one normalized record under a region's rules, days → hours first. */
export function convertRecord(
  rules: RegionRules,
  record: TrainingRecord,
  ctx: RecordContext,
  issues: Issue[],
  memo?: ConversionMemo,
): Conversion {
  let rec = record;
  let dayStep: Conversion['steps'][number] | undefined;
  if (rec.days !== undefined) {
    const key = rules.dayHoursKey(rec.mode);
    const use = key ? ctx.params.use(key) : null;
    if (!use || use.value === null) {
      if (rec.hours === undefined) {
        issues.push({
          code: 'DAYS_NOT_CONVERTIBLE',
          severity: 'error',
          field: 'days',
          value: fmt(rec.days),
          message: t(
            `${rules.name.zh}的规定没有给出每天折算的学时，请填写学时`,
            `the ${rules.name.en} rules give no hours per day; enter the hours`,
          ),
        });
      }
    } else {
      const fromDays = product(rec.days, use.value);
      const cite = rules.params[use.key]!.cite;
      if (rec.hours === undefined) {
        rec = { ...rec, hours: fromDays };
        dayStep = {
          rule: 'DAYS',
          cite,
          detail: t(
            `${fmt(rec.days)} 天 × 每天 ${fmt(use.value)} 学时 = ${fmt(fromDays)} 学时`,
            `${fmt(rec.days)} days × ${fmt(use.value)} h a day = ${fmt(fromDays)} h`,
          ),
          params: [use],
        };
      } else if (Math.abs(rec.hours - fromDays) > 0.01) {
        issues.push({
          code: 'HOURS_DAYS_MISMATCH',
          severity: 'warning',
          field: 'hours',
          value: fmt(rec.hours),
          cite,
          message: t(
            `学时 ${fmt(rec.hours)} 与天数 ${fmt(rec.days)}（每天 ${fmt(use.value)} 学时 = ${fmt(fromDays)}）不一致，按学时计`,
            `hours ${fmt(rec.hours)} differ from ${fmt(rec.days)} days (${fmt(use.value)} h a day = ${fmt(fromDays)}); the hours are used`,
          ),
        });
      }
    }
  }
  let conversion: Conversion;
  try {
    const made = memo?.get(rec, ctx.rejected);
    if (made) conversion = made;
    else {
      conversion = rules.convert(rec, ctx);
      memo?.madeOne(conversion);
      memo?.set(rec, ctx.rejected, conversion);
    }
  } catch (e) {
    // A rule function failing is a bug of ours, never the user's: say so on the row.
    conversion = { hours: null, credits: null, steps: [], issues: [], counted: false, facts: rules.blankFacts };
    issues.push({
      code: 'INTERNAL_ERROR',
      severity: 'error',
      field: 'row',
      message: t(`内部错误：${String(e)}`, `internal error: ${String(e)}`),
    });
  }
  // a conversion may be shared with other records: a new one, never a change to it
  if (dayStep) conversion = { ...conversion, steps: [dayStep, ...conversion.steps] };
  if (rec !== record && rec.hours !== undefined) record.hours = rec.hours;
  for (const i of conversion.issues) issues.push(i);
  return conversion;
}

export function makeParams(rules: RegionRules, overrides: Overrides = {}): Params {
  const problems = checkOverrides(rules.params, overrides);
  if (problems.length) {
    throw new RosterError(
      t(
        `覆盖参数无效：${problems.map((p) => p.message.zh).join('；')}`,
        `invalid overrides: ${problems.map((p) => p.message.en).join('; ')}`,
      ),
    );
  }
  return new Params(rules.params, overrides);
}

/** The as-of date as YYYY-MM-DD: a date given, or today on this machine's calendar. */
export function asOfDate(raw: string | Date | undefined): string {
  if (raw === undefined) return today();
  const d = parseDate(raw);
  if (!d)
    throw new RosterError(
      t(
        `截至日期「${String(raw)}」不是 YYYY-MM-DD 形式的日期`,
        `the as-of date "${String(raw)}" is not a date (YYYY-MM-DD)`,
      ),
    );
  return d;
}

function columnMap(
  rows: ReadonlyArray<ReadonlyArray<unknown>>,
  opts: Pick<CheckOptions, 'columns' | 'headerless'>,
  rules: RegionRules,
  firstRow: number,
  where: { sheet?: string; file?: string },
): ColumnMap {
  const map = opts.columns ?? (opts.headerless ? headerlessMap() : detectHeader(rows));
  const at = tablePlace(where);
  if (!map) {
    throw new RosterError(
      t(
        `${at.zh}找不到表头行：前30行中没有一行同时包含“身份证号”“培训方式”“学时”等列名`,
        `${at.en}no header row found: none of the first 30 rows names columns such as 身份证号/ID, 培训方式/mode, 学时/hours`,
      ),
    );
  }
  const missing = opts.headerless ? [] : requiredColumns(rules, map);
  if (missing.length) {
    throw new RosterError(
      t(
        `${at.zh}缺少必需的列：${missing.map((f) => FIELD_LABELS[f].zh).join('、')}（表头在第 ${firstRow + map.headerRow} 行）`,
        `${at.en}required columns missing: ${missing.map((f) => FIELD_LABELS[f].en).join(', ')} (header on row ${firstRow + map.headerRow})`,
      ),
    );
  }
  return map;
}

export function checkTable(rows: ReadonlyArray<ReadonlyArray<unknown>>, opts: CheckOptions): CheckResult {
  const table: RosterTable = { rows };
  if (opts.firstRow !== undefined) table.firstRow = opts.firstRow;
  if (opts.columns) table.columns = opts.columns;
  return checkRoster([table], opts);
}

/** What every table of a roster reads its rows with: one object for the whole roster. */
interface TableRun {
  rules: RegionRules;
  aliases: NormalizeOptions;
  recordCtx: RecordContext;
  memo: ConversionMemo;
  asOf: string;
  asOfYear: number;
  headerless: boolean;
  idCache: Map<string, IdCheck>;
}

/** A table's rows normalized, converted and checked onto `records`; what the result says of the table. */
function readTable(
  tb: RosterTable,
  ti: number,
  map: ColumnMap,
  records: RecordResult[],
  run: TableRun,
): CheckResult['tables'][number] {
  const { rules, aliases, recordCtx, memo, asOf, asOfYear, headerless, idCache } = run;
  const firstRow = tb.firstRow ?? 1;
  const checks: RowCheckContext = {
    map,
    asOf,
    asOfYear,
    rules,
    headerless,
    idCache,
    last: { id: null, check: undefined },
  };
  const before = records.length;
  // every row's issues are gathered in this one list: most rows have none, and keep NO_ISSUES
  const issues: Issue[] = [];
  const reader = new RowReader(map, aliases, issues);
  for (let i = map.headerRow + 1; i < tb.rows.length; i++) {
    const cells = tb.rows[i] ?? [];
    if (isBlankRow(cells, map)) continue;
    const row = firstRow + i;
    if (issues.length) issues.length = 0;
    const record = reader.read(cells, row);
    const rejected = reader.rejected;
    recordCtx.rejected = rejected;
    const conversion = convertRecord(rules, record, recordCtx, issues, memo);
    rowChecks(record, conversion, issues, rejected, checks);
    records.push({
      table: ti,
      row,
      record,
      conversion: voidIfBroken(conversion, issues),
      // the list of every row: a record keeps a copy of its size
      issues: issues.length ? issues.slice() : NO_ISSUES,
      teacherKey: null,
    });
  }
  const entry: CheckResult['tables'][number] = { columns: map, firstRow, records: records.length - before };
  if (tb.sheet !== undefined) entry.sheet = tb.sheet;
  if (tb.file !== undefined) entry.file = tb.file;
  return entry;
}

/** Every reading the records' conversions and the teachers' years and cycles relied on, sorted. */
function readingsUsed(ofRecords: ReadonlySet<string>, teachers: readonly TeacherJudgement[]): string[] {
  // the records' are noted as their conversions are made (ConversionMemo.readings): a few hundred, not a read
  // of every record
  const readings = new Set(ofRecords);
  // a period's steps are its conditions and a few more (Judging.check): its steps alone name every reading
  const lists = new Set<readonly string[]>();
  for (let i = 0; i < teachers.length; i++) {
    const tj = teachers[i]!;
    listsOf(tj.cycle.steps, lists);
    for (let k = 0; k < tj.years.length; k++) listsOf(tj.years[k]!.steps, lists);
  }
  for (const ids of lists) for (let k = 0; k < ids.length; k++) readings.add(ids[k]!);
  return [...readings].sort();
}

/** The lists of readings these steps name: the rule sets share one list among many steps, so few. */
function listsOf(list: ReadonlyArray<{ readings?: string[] | undefined }>, into: Set<readonly string[]>): void {
  for (let i = 0; i < list.length; i++) {
    const ids = list[i]!.readings;
    if (ids !== undefined) into.add(ids);
  }
}

/** Several tables (sheets, files) as one roster: every record converted, every teacher judged across all. */
export function checkRoster(
  tables: readonly RosterTable[],
  opts: Omit<CheckOptions, 'firstRow' | 'columns'>,
): CheckResult {
  const rules = opts.rules;
  const params = makeParams(rules, opts.overrides);
  const asOf = asOfDate(opts.asOf);
  const asOfYear = Number(asOf.slice(0, 4));
  const headerless = opts.headerless === true;
  if (!tables.length) throw new RosterError(t('没有可读的表格', 'there is no table to read'));
  const maps = tables.map((tb) =>
    columnMap(tb.rows, { ...opts, ...(tb.columns ? { columns: tb.columns } : {}) }, rules, tb.firstRow ?? 1, tb),
  );
  // the rules see a column as present when any table has it
  const columns = new Set<Field>();
  const filled = new Set<Field>();
  tables.forEach((tb, i) => {
    for (const f of fieldsPresent(maps[i]!)) columns.add(f);
    for (const f of fieldsFilled(tb.rows, maps[i]!)) filled.add(f);
  });
  const ctxBase = { params, columns, filled };

  // 1. normalize and convert every row of every table
  const records: RecordResult[] = [];
  const run: TableRun = {
    rules,
    aliases: { levelAliases: rules.levelAliases, modeAliases: rules.modeAliases },
    // one context object for every row (rules read it synchronously), not one per row
    recordCtx: { ...ctxBase, rejected: new Set() },
    memo: new ConversionMemo(columns),
    asOf,
    asOfYear,
    headerless,
    idCache: new Map<string, IdCheck>(),
  };
  const info: CheckResult['tables'] = [];
  for (let ti = 0; ti < tables.length; ti++) info.push(readTable(tables[ti]!, ti, maps[ti]!, records, run));

  // 2. who is who, then checks across rows
  const groups = groupTeachers(records, headerless);
  duplicates(records, info);
  rules.crossCheck?.(records, ctxBase);

  // 3. the cycle, then every teacher's years and cycle
  const cycle = chooseCycle(rules, opts, records);
  const teachers: TeacherJudgement[] = [];
  for (const [key, group] of groups) {
    if (group.length) teachers.push(judgeTeacher(rules, ctxBase, key, group, cycle.start, asOfYear));
  }

  const schools = rules.flagSchools ? rules.flagSchools(teachers, params) : [];
  const issues = headerless
    ? []
    : records.length
      ? regionFit(
          rules,
          records,
          tables.map((tb, i) => ({ rows: tb.rows, map: maps[i]! })),
          opts.workbookRegion,
          opts.candidates,
        )
      : [NO_RECORDS];
  // a second column for a field is never read: said, so that its data is not taken for checked
  for (let i = 0; i < tables.length; i++) issues.push(...unreadColumns(maps[i]!, tables[i]!));
  return {
    rules,
    region: rules.id,
    columns: maps[0]!,
    tables: info,
    records,
    teachers,
    schools,
    cycle,
    overrides: opts.overrides ?? {},
    readings: readingsUsed(run.memo.readings, teachers),
    asOf,
    issues,
  };
}

/** Where a table's message is about, before the message: 「a.xlsx 2023年」：, nothing for a lone table. */
function tablePlace(where: { sheet?: string; file?: string }): Text {
  const place = [where.file, where.sheet].filter((x) => x !== undefined).join(' ');
  return place ? t(`「${place}」：`, `${place}: `) : t('', '');
}

function unreadColumns(map: ColumnMap, tb: RosterTable): Issue[] {
  const at = tablePlace(tb);
  const letters = (c: number) => columnLetters(c + 1);
  // a column the user chose since (the pane's column map) is read: nothing to say of it
  const unread = (map.unread ?? []).filter(
    (u) => map.columns[u.field] !== undefined && map.columns[u.field] !== u.column,
  );
  return unread.map((u): Issue => {
    const used = map.columns[u.field]!;
    const label = FIELD_LABELS[u.field];
    return {
      code: 'COLUMN_NOT_READ',
      severity: 'warning',
      field: u.field,
      value: u.header,
      message: t(
        `${at.zh}“${map.headers[u.field]}”（${letters(used)} 列）和“${u.header}”（${letters(u.column)} 列）都是${label.zh}：只读了 ${letters(used)} 列，${letters(u.column)} 列未检查。请删去或改名不需要的那一列`,
        `${at.en}"${map.headers[u.field]}" (column ${letters(used)}) and "${u.header}" (column ${letters(u.column)}) are both the ${label.en}: column ${letters(used)} is read, column ${letters(u.column)} is not checked. Delete or rename the one not meant`,
      ),
    };
  });
}

/** A header with nothing under it: said as an error, so that an empty roster is never read as a clean one. */
const NO_RECORDS: Issue = {
  code: 'NO_RECORDS',
  severity: 'error',
  field: 'row',
  message: t(
    '表头之下没有任何培训记录：没有可检查的内容。请确认选对了文件或工作表',
    'there is no training record under the header: nothing to check. Make sure this is the right file or sheet',
  ),
};

/** Add the readings relied on by these steps or conditions. */
function readingsOf(list: ReadonlyArray<{ readings?: string[] | undefined }>, into: Set<string>): void {
  for (let i = 0; i < list.length; i++) {
    const ids = list[i]!.readings;
    if (ids) for (let k = 0; k < ids.length; k++) into.add(ids[k]!);
  }
}

// ---- teachers -------------------------------------------------------------------

const nameKey = (r: TrainingRecord): string | null =>
  r.name ? `ns:${foldKey(r.name)}\u0000${foldKey(r.school ?? '')}` : null;

/**
 * Group records by teacher. A usable ID identifies a teacher. Rows whose ID cannot (scientific notation,
 * lost digits, wrong length) are grouped by name + school, and join the one teacher of that name and school
 * who has a usable ID if there is exactly one — so one broken cell never splits a teacher, and a whole
 * broken column never merges a staff room into one person.
 */
function groupTeachers(records: RecordResult[], headerless: boolean): Map<string, RecordResult[]> {
  // A header-less range (CYCLE_PASS over FILTER output) is one teacher's records.
  if (headerless) {
    for (const r of records) r.teacherKey = '';
    return new Map(records.length ? [['', records]] : []);
  }
  const groups = new Map<string, RecordResult[]>();
  const orphans: RecordResult[] = [];
  // a teacher's records follow each other: the very same ID string as the row before is the same teacher
  let lastId: string | null = null;
  let g: RecordResult[] = [];
  let k = '';
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    const id = r.record.teacherId;
    if (id === null) {
      if (r.record.idProblem) orphans.push(r);
      continue;
    }
    if (id !== lastId) {
      lastId = id;
      k = idKey(id);
      let found = groups.get(k);
      if (!found) groups.set(k, (found = []));
      g = found;
    }
    r.teacherKey = k;
    g.push(r);
  }
  if (!orphans.length) return groups;
  // teachers with a usable ID, by name and school, for the rows whose ID tells nothing
  const byName = new Map<string, Set<string>>();
  for (const [k, g] of groups) {
    for (const r of g) {
      const nk = nameKey(r.record);
      if (nk) (byName.get(nk) ?? byName.set(nk, new Set()).get(nk)!).add(k);
    }
  }
  for (const r of orphans) {
    const nk = nameKey(r.record);
    if (!nk) continue; // no name either: the row belongs to no teacher (reported on the row)
    const ids = byName.get(nk);
    const k = ids && ids.size === 1 ? [...ids][0]! : nk;
    r.teacherKey = k;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(r);
  }
  return groups;
}

/**
 * The roster's cycle: --cycle-start, else the region's fixed cycle, else the workbook's setting, else — where
 * the region's cycle is common to all its teachers — the five-year window holding most records (ties: the
 * later), applied to everyone; else (zhengzhou: individual cycles) each teacher's own.
 */
function chooseCycle(rules: RegionRules, opts: CheckOptions, records: RecordResult[]): CheckResult['cycle'] {
  if (opts.cycleStart !== undefined) return { source: 'argument', start: opts.cycleStart };
  if (rules.fixedCycle) return { source: 'region', start: rules.fixedCycle.start };
  if (opts.workbookCycleStart !== undefined) return { source: 'workbook', start: opts.workbookCycleStart };
  if (rules.cycleKind === 'common') {
    const start = busiestWindow(records.map((r) => r.record.year));
    if (start !== undefined) return { source: 'roster', start };
  }
  return { source: 'perTeacher' };
}

/** The start of the five-year window holding most of these years (ties: the later window). */
export function busiestWindow(years: ReadonlyArray<number | null>): number | undefined {
  const count = new Map<number, number>();
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < years.length; i++) {
    const y = years[i]!;
    if (y === null) continue;
    count.set(y, (count.get(y) ?? 0) + 1);
    if (y < min) min = y;
    if (y > max) max = y;
  }
  if (!count.size) return undefined;
  const lo = min - 4;
  const hi = max;
  let best: number | undefined;
  let bestN = -1;
  for (let s = lo; s <= hi; s++) {
    let n = 0;
    for (let y = s; y <= s + 4; y++) n += count.get(y) ?? 0;
    if (n >= bestN) [best, bestN] = [s, n];
  }
  return best;
}

/**
 * A teacher's cycle when the roster sets none: from the first record — or from the hire year for a teacher
 * hired about then (郑州 九: a new teacher completes the 360 hours within five years of starting work).
 */
function individualStart(group: readonly RecordResult[], facts: TeacherFacts, asOfYear: number): number {
  let first = Infinity;
  for (const r of group) if (r.record.year !== null && r.record.year < first) first = r.record.year;
  const hire = facts.hireYear;
  return hire !== undefined && (!Number.isFinite(first) || hire >= first - 1)
    ? hire
    : Number.isFinite(first)
      ? first
      : asOfYear;
}

/** What a teacher's rows say, read in one pass. */
interface TeacherRows {
  /** the records of the cycle's years */
  inCycle: RecordResult[];
  /** the names, in order of first use */
  names: string[];
  rows: number[];
  /** the first record with a broken ID, and the rows of all such */
  broken: TrainingRecord | undefined;
  brokenRows: number[] | undefined;
  /** the first ID and school given */
  id: string | null;
  school: string | null;
}

const outsideCycle = (y: number, start: number, end: number): Issue => ({
  code: 'YEAR_OUTSIDE_CYCLE',
  severity: 'warning',
  field: 'year',
  value: String(y),
  message: t(
    `年度 ${y} 不在本周期 ${start}–${end} 内，不计入周期`,
    `year ${y} is outside the cycle ${start}–${end} and is not counted`,
  ),
});

/** One pass over a teacher's rows: the first ID, school and names, the rows with a broken ID, the cycle's. */
function readTeacherRows(group: readonly RecordResult[], start: number, end: number): TeacherRows {
  const inCycle: RecordResult[] = [];
  const names: string[] = [];
  let nameSet: Set<string> | undefined;
  const rows: number[] = new Array(group.length);
  let broken: TrainingRecord | undefined;
  let brokenRows: number[] | undefined;
  let id: string | null = null;
  let school: string | null = null;
  for (let i = 0; i < group.length; i++) {
    const r = group[i]!;
    const rec = r.record;
    rows[i] = r.row;
    if (rec.name && !(nameSet ? nameSet.has(rec.name) : names.includes(rec.name))) {
      names.push(rec.name);
      // a look-up set only for the rare teacher of many names (a header-less range has one teacher)
      if (names.length > 8) nameSet ??= new Set(names);
      nameSet?.add(rec.name);
    }
    if (id === null && rec.teacherId !== null) id = rec.teacherId;
    if (school === null && rec.school) school = rec.school;
    if (rec.idProblem) {
      broken ??= rec;
      (brokenRows ??= []).push(r.row);
    }
    const y = rec.year;
    if (y !== null && y >= start && y <= end) inCycle.push(r);
    if (y !== null && (y < start || y > end)) addIssue(r, outsideCycle(y, start, end));
  }
  return { inCycle, names, rows, broken, brokenRows, id, school };
}

/** The teacher's own issues after the rules': an unusable ID, several names under one ID. */
function teacherIssues(
  ruleIssues: readonly Issue[] | undefined,
  seen: TeacherRows,
  idProblem: Text | undefined,
  first: TrainingRecord,
): Issue[] {
  const issues: Issue[] = ruleIssues ? ruleIssues.slice() : [];
  if (idProblem) {
    issues.push({
      code: 'TEACHER_ID_UNUSABLE',
      severity: 'error',
      field: 'teacherId',
      value: seen.broken!.idProblem!.shown,
      message: idProblem,
    });
  }
  const names = seen.names;
  if (names.length > 1) {
    issues.push({
      code: 'NAME_MISMATCH',
      severity: 'warning',
      field: 'name',
      value: names.join(' / '),
      message: t(
        `同一编号 ${first.teacherId ?? ''} 对应多个姓名：${names.join('、')}`,
        `one ID ${first.teacherId ?? ''} carries several names: ${names.join(', ')}`,
      ),
    });
  }
  return issues;
}

function judgeTeacher(
  rules: RegionRules,
  ctx: RuleContext,
  key: string,
  group: RecordResult[],
  cycleStart: number | undefined,
  asOfYear: number,
): TeacherJudgement {
  const facts = teacherFacts(group);
  const start = cycleStart ?? individualStart(group, facts, asOfYear);
  const end = start + 4;
  const seen = readTeacherRows(group, start, end);
  const { inCycle, names, id, school } = seen;
  const first = group[0]!.record;
  const judged = rules.judge({ records: inCycle, start, end, facts, lastDueYear: asOfYear }, ctx);
  const broken = seen.broken;
  const idProblem = broken?.idProblem ? idProblemText(broken.idProblem, seen.brokenRows!, id !== null) : undefined;
  const issues = teacherIssues(judged.issues, seen, idProblem, first);
  const years = judged.years.map((y) =>
    yearVerdict(y, () => inCycle.filter((r) => r.record.year === y.year), asOfYear, ctx.params),
  );
  const cycle = cycleVerdict(judged.cycle, inCycle, asOfYear, facts, ctx.params);
  const tj: TeacherJudgement = {
    key,
    id: id ?? (key === '' ? '' : `${names[0] ?? ''}·${school ?? ''}`),
    name: names[0] ?? null,
    school,
    years,
    cycle,
    issues,
    rows: seen.rows,
  };
  if (idProblem) tj.idProblem = idProblem;
  return tj;
}

const FIX_ID = t(
  '修正：在 Excel 或 WPS 中把身份证号列设为“文本”格式（右键 → 设置单元格格式 → 文本），再重新录入或粘贴原始身份证号后保存。',
  'To fix: set the ID column to Text (right-click → Format Cells → Text) in Excel or WPS, then re-enter or paste the original ID numbers and save.',
);

function idProblemText(p: NonNullable<TrainingRecord['idProblem']>, rows: number[], joined: boolean): Text {
  const what = {
    scientific: t(
      `身份证号「${p.shown}」被存成了科学计数法（该列不是文本格式时 Excel 会这样保存），已无法区分教师`,
      `the ID "${p.shown}" was saved in scientific notation (Excel does this when the column is not formatted as text), so it cannot tell teachers apart`,
    ),
    lostDigits: t(
      `身份证号以数字保存（${p.shown}），Excel 只保留 15 位有效数字，末几位已丢失`,
      `the ID was stored as a number (${p.shown}); Excel keeps 15 significant digits, so its last digits are lost`,
    ),
    length: t(
      `身份证号「${p.shown}」有 ${p.shown.replace(/\s/g, '').length} 位，应为 18 位（或 15 位旧号）`,
      `the ID "${p.shown}" has ${p.shown.replace(/\s/g, '').length} characters; an ID has 18 (or 15, the old form)`,
    ),
  }[p.kind];
  const where = rows.length > 4 ? `${rows.slice(0, 4).join('、')} 等 ${rows.length} 行` : `${rows.join('、')} 行`;
  const whereEn = rows.length > 4 ? `${rows.slice(0, 4).join(', ')} and ${rows.length - 4} more` : rows.join(', ');
  const how = joined
    ? t(
        `第 ${where}已按姓名和学校归入有正确身份证号的同一教师`,
        `rows ${whereEn} were matched by name and school to the same teacher's valid ID`,
      )
    : t(`已按姓名和学校把第 ${where}归为一位教师`, `rows ${whereEn} were grouped as one teacher by name and school`);
  return t(`${what.zh}；${how.zh}。${FIX_ID.zh}`, `${what.en}; ${how.en}. ${FIX_ID.en}`);
}

/**
 * Fields whose errors make a record's figures untrustworthy. Errors elsewhere (the
 * ID's check digit, a certificate number) are reported but do not change the sums.
 */
const COMPUTING_FIELDS: ReadonlySet<string> = new Set([
  'year',
  'date',
  'level',
  'mode',
  'hours',
  'days',
  'months',
  'grade',
  'award',
  'role',
  'rate',
  'category',
  'selfSelected',
  'row',
]);

/**
 * roster.md: credits are null when not computable, e.g. an error on the row; such a row counts nowhere. The
 * conversion may be shared with other records of the same training: a voided one is a new object.
 */
function voidIfBroken(conversion: Conversion, issues: Issue[]): Conversion {
  let broken = false;
  for (let i = 0; i < issues.length && !broken; i++)
    broken = issues[i]!.severity === 'error' && COMPUTING_FIELDS.has(issues[i]!.field);
  if (!broken) return conversion;
  return { ...conversion, hours: null, credits: null, counted: false };
}

function teacherFacts(group: RecordResult[]): TeacherFacts {
  let hire: number | undefined;
  let assessment: boolean | undefined;
  let classTeacher = false;
  const exemptYears = new Set<number>();
  for (let i = 0; i < group.length; i++) {
    const r = group[i]!.record;
    if (r.hireYear !== undefined && (hire === undefined || r.hireYear < hire)) hire = r.hireYear;
    if (r.assessment !== undefined) assessment = (assessment ?? true) && r.assessment;
    if (r.classTeacher === true) classTeacher = true;
    if (r.exempt === true && r.year !== null) exemptYears.add(r.year);
  }
  const facts: TeacherFacts = { classTeacher, exemptYears };
  if (hire !== undefined) facts.hireYear = hire;
  if (assessment !== undefined) facts.assessment = assessment;
  return facts;
}

// ---- row checks -------------------------------------------------------------------

interface RowCheckContext {
  map: ColumnMap;
  asOf: string;
  asOfYear: number;
  rules: RegionRules;
  headerless: boolean;
  idCache: Map<string, IdCheck>;
  /** the previous row's teacher ID and certificate number, and their checks */
  last: {
    id: string | null;
    check: IdCheck | undefined;
    certificate?: string;
    certificateCheck?: ReturnType<NonNullable<RegionRules['certificate']>>;
  };
}

/** roster.md: a row must name its teacher; an ID card number is checked (once per table). */
function idChecks(rec: TrainingRecord, issues: Issue[], rejected: ReadonlySet<Field>, c: RowCheckContext): void {
  if (!c.headerless && rec.teacherId === null && !rejected.has('teacherId') && !(rec.idProblem && rec.name)) {
    issues.push(
      rec.idProblem
        ? {
            code: 'TEACHER_ID_MISSING',
            severity: 'error',
            field: 'teacherId',
            value: rec.idProblem.shown,
            message: t(
              `身份证号「${rec.idProblem.shown}」无法识别教师，且没有姓名可代替：该行无法归属教师`,
              `the ID "${rec.idProblem.shown}" cannot identify a teacher and there is no name to go by: the row belongs to no teacher`,
            ),
          }
        : {
            code: 'TEACHER_ID_MISSING',
            severity: 'error',
            field: 'teacherId',
            message: t(
              '缺少身份证号（教师编号），该行无法归属教师',
              'teacher ID missing: the row belongs to no teacher',
            ),
          },
    );
  }
  const tid = rec.teacherId;
  const id = tid === null ? undefined : idCheckOf(tid, c);
  if (tid !== null && id) {
    if (!id.valid)
      issues.push({
        code: 'ID_INVALID',
        severity: 'error',
        field: 'teacherId',
        value: tid,
        message: id.message,
      });
    else if (id.legacy)
      issues.push({
        code: 'ID_LEGACY',
        severity: 'warning',
        field: 'teacherId',
        value: tid,
        message: id.message,
      });
  }
}

/**
 * The check of an ID card number (undefined for an ID of another kind). A teacher's ID repeats on each of their
 * rows: checked once per table, and a row of the same teacher as the row before (the very same string: IDs are
 * read once per text) reuses its check without a look-up.
 */
function idCheckOf(tid: string, c: RowCheckContext): IdCheck | undefined {
  if (tid === c.last.id) return c.last.check;
  let id: IdCheck | undefined;
  if (c.map.teacherIdIsIdNumber || /^\d{17}[\dX]$/.test(tid)) {
    id = c.idCache.get(tid);
    if (!id) c.idCache.set(tid, (id = checkId(tid, new Date(`${c.asOf}T23:59:59Z`))));
  }
  c.last.id = tid;
  c.last.check = id;
  return id;
}

/** A row's year: present (unless its cell was refused), and not after the as-of date. */
function yearChecks(rec: TrainingRecord, issues: Issue[], rejected: ReadonlySet<Field>, c: RowCheckContext): void {
  if (rec.year === null && !rejected.has('year') && !rejected.has('date')) {
    issues.push({
      code: 'YEAR_MISSING',
      severity: 'error',
      field: 'year',
      message: t('缺少年度（或培训时间），无法归入年度', 'no year (or date): the record belongs to no year'),
    });
  }
  if (rec.year !== null && rec.year > c.asOfYear) {
    issues.push({
      code: 'YEAR_IN_FUTURE',
      severity: 'warning',
      field: 'year',
      value: String(rec.year),
      message: t(`年度 ${rec.year} 晚于截至日期 ${c.asOf}`, `year ${rec.year} is after the as-of date ${c.asOf}`),
    });
  }
}

/** A row's figures: hours no one record plausibly has, entered credits the rules compute otherwise. */
function figureChecks(rec: TrainingRecord, conv: Conversion, issues: Issue[]): void {
  if (rec.hours !== undefined && rec.hours > HOURS_IMPLAUSIBLE) {
    issues.push({
      code: 'HOURS_IMPLAUSIBLE',
      severity: 'warning',
      field: 'hours',
      value: fmt(rec.hours),
      message: t(
        `学时 ${fmt(rec.hours)} 超过 ${HOURS_IMPLAUSIBLE}，一条记录不太可能这么多，请核对`,
        `${fmt(rec.hours)} hours exceeds ${HOURS_IMPLAUSIBLE} for one record; please check`,
      ),
    });
  }
  // "more than 0.01" in decimal: 1.6 − 1.59 is 0.010000000000000009 in binary, a difference of exactly 0.01
  if (
    rec.enteredCredits !== undefined &&
    conv.credits !== null &&
    Math.abs(rec.enteredCredits - conv.credits) > 0.01 + 1e-9
  ) {
    const cite = lastCite(conv);
    const issue: Issue = {
      code: 'CREDITS_MISMATCH',
      severity: 'warning',
      field: 'credits',
      value: fmt(rec.enteredCredits),
      message: t(
        `登记学分 ${fmt(rec.enteredCredits)} 与按规定计算的 ${fmt(conv.credits)} 不符${cite ? `（${cite.article}）` : ''}`,
        `entered credits ${fmt(rec.enteredCredits)} differ from the computed ${fmt(conv.credits)}${cite ? ` (${articleEn(cite.article)})` : ''}`,
      ),
    };
    if (cite) issue.cite = cite;
    issues.push(issue);
  }
}

function rowChecks(
  rec: TrainingRecord,
  conv: Conversion,
  issues: Issue[],
  rejected: ReadonlySet<Field>,
  c: RowCheckContext,
): void {
  idChecks(rec, issues, rejected, c);
  yearChecks(rec, issues, rejected, c);
  figureChecks(rec, conv, issues);
  if (c.rules.certificate && rec.certificate !== undefined) {
    // one number a teacher (qitai: 一人一号), on each of their rows: the row before's check is this one's
    const last = c.last;
    if (rec.certificate !== last.certificate) {
      last.certificate = rec.certificate;
      last.certificateCheck = c.rules.certificate(rec.certificate);
    }
    const cert = last.certificateCheck!;
    if (!cert.valid)
      issues.push({
        code: 'CERTIFICATE_INVALID',
        severity: 'error',
        field: 'certificate',
        value: rec.certificate,
        message: cert.message,
      });
  }
}

/** Where a record is, for messages that point at another one: "第 5 行", "2023年 第 5 行", "乙校.xlsx 2023年 第 5 行". */
function placeOf(r: RecordResult, tables: CheckResult['tables'], from: RecordResult): Text {
  const tb = tables[r.table]!;
  const other = tables[from.table]!;
  const file = tb.file !== undefined && tb.file !== other.file ? tb.file : undefined;
  const sheet = tb.sheet !== undefined && (file !== undefined || tb.sheet !== other.sheet) ? tb.sheet : undefined;
  const pre = [file, sheet].filter((x) => x !== undefined).join(' ');
  return t(`${pre ? `${pre} ` : ''}第 ${r.row} 行`, `${pre ? `${pre} ` : ''}row ${r.row}`);
}

/**
 * Same teacher, project and year twice: probably registered twice — within one file a DUPLICATE_RECORD,
 * across two files (two schools registering the same training) a DUPLICATE_ACROSS_FILES naming both.
 */
function duplicates(records: RecordResult[], tables: CheckResult['tables']): void {
  // teacher → folded project → the first record of each year: keys every record already holds, none built
  const seen = new Map<string, Map<string, RecordResult[]>>();
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    const { project, year } = r.record;
    if (r.teacherKey === null || project === null || year === null) continue;
    let byProject = seen.get(r.teacherKey);
    if (!byProject) seen.set(r.teacherKey, (byProject = new Map()));
    const key = foldKey(project);
    const firsts = byProject.get(key);
    if (!firsts) {
      byProject.set(key, [r]);
      continue;
    }
    let first: RecordResult | undefined;
    for (let k = 0; k < firsts.length && !first; k++) if (firsts[k]!.record.year === year) first = firsts[k];
    if (first === undefined) {
      firsts.push(r);
      continue;
    }
    const where = placeOf(first, tables, r);
    const fileA = tables[first.table]!.file;
    const fileB = tables[r.table]!.file;
    if (fileA !== fileB) {
      addIssue(r, {
        code: 'DUPLICATE_ACROSS_FILES',
        severity: 'warning',
        field: 'project',
        value: project,
        message: t(
          `与 ${where.zh}重复（同一教师、同一项目、同一年度，分别登记在 ${fileA ?? ''} 和 ${fileB ?? ''}），可能重复登记`,
          `same teacher, project and year as ${where.en}: registered in both ${fileA ?? ''} and ${fileB ?? ''}, possibly twice`,
        ),
      });
    } else {
      addIssue(r, {
        code: 'DUPLICATE_RECORD',
        severity: 'warning',
        field: 'project',
        value: project,
        message: t(
          `与${where.zh}重复（同一教师、同一项目、同一年度），可能重复登记`,
          `same teacher, project and year as ${where.en}: possibly registered twice`,
        ),
      });
    }
  }
}

export type { ConvertedRecord };
