// The report of roster.md: what `cpd-credits check --json` prints and what the task
// pane renders. Its zod schema (report-schema.ts) is the contract; the tests validate real output
// against it.
import type { Report } from './report-schema';
export type { Report };
import type { CheckResult, RecordResult } from './engine';
import { cents, fmt } from '../core/decimal';
import { Lang, say, t, Text } from '../core/text';
import {
  type Cite,
  type Condition,
  type CycleJudgement,
  type CycleVerdict,
  type Issue,
  type Step,
  type YearJudgement,
  type YearVerdict,
} from '../core/types';
import { STATUS_WORDS } from './verdict';
import { articleEn } from '../core/cite';

/** An article reference for a reader: the document and article in Chinese; "Art. 14(3)" in English. */
const articleRef = (c: { doc: string; article: string }, lang: Lang): string =>
  lang === 'en' ? articleEn(c.article) : `${c.doc} ${c.article}`;

function issueOut(i: Issue, lang: Lang): Report['records'][number]['issues'][number] {
  const o: Report['records'][number]['issues'][number] = {
    code: i.code,
    severity: i.severity,
    field: i.field,
    message: say(i.message, lang),
  };
  if (i.value !== undefined) o.value = i.value;
  if (i.cite) o.article = articleRef(i.cite, lang);
  if (i.param) o.param = i.param;
  if (i.suggestion) o.suggestion = i.suggestion;
  return o;
}

const UNIT: Record<'hours' | 'credits', Text> = { hours: t('学时', 'h'), credits: t('学分', 'credits') };

/**
 * fmt(n) of a figure, in whole hundredths when it is on one (engine figures are): the same text without
 * decimal.js, which fmt uses for any n whose n × 100 is not exactly whole (0.29 × 100 = 28.999999999999996).
 */
function figure(n: number): string {
  // (a null is fmt's '—', not the 0 that null × 100 makes)
  const c = typeof n === 'number' ? cents(n) : undefined;
  return c === undefined ? fmt(n) : String(c / 100);
}

/** fmt(Math.max(0, a − b)) of two figures, in whole hundredths when both are on one (not 0.30000000000000004). */
function shortBy(a: number, b: number): string {
  const ca = typeof a === 'number' ? cents(a) : undefined;
  const cb = typeof b === 'number' ? cents(b) : undefined;
  return ca === undefined || cb === undefined ? fmt(Math.max(0, a - b)) : String(Math.max(0, ca - cb) / 100);
}

/**
 * A condition's words in a report, made once per condition: a condition is a value (the engine makes one per
 * spec and figures and shares it between every period that meets it — puer's 360 000 conditions of 100 000
 * records are 12 000 distinct ones), so its sentence is the same each time a report says it.
 */
const CONDITION_TEXTS = new WeakMap<Condition, Text>();
const MISSING_TEXTS = new WeakMap<Condition, Text>();

function remembered(memo: WeakMap<Condition, Text>, c: Condition, make: (c: Condition) => Text): Text {
  let text = memo.get(c);
  if (text === undefined) memo.set(c, (text = make(c)));
  return text;
}

/** "校本研修学时 60/80，还差 20 学时（…四）" — one unmet condition in words. */
export const conditionText = (c: Condition): Text => remembered(CONDITION_TEXTS, c, unmetWords);

function unmetWords(c: Condition): Text {
  const u = UNIT[c.unit];
  const prefix = c.advisory ? t('提示：', 'advisory: ') : t('', '');
  const note = c.note ? t(`，${c.note.zh}`, `, ${c.note.en}`) : t('', '');
  const actual = figure(c.actual);
  const required = figure(c.required);
  if (c.kind === 'max') {
    return t(
      `${prefix.zh}${c.label.zh} ${actual}，超过上限 ${required} ${u.zh}${note.zh}（${c.cite.article}）`,
      `${prefix.en}${c.label.en} ${actual} exceeds ${required} ${u.en}${note.en} (${articleEn(c.cite.article)})`,
    );
  }
  const miss = shortBy(c.required, c.actual);
  return t(
    `${prefix.zh}${c.label.zh} ${actual}/${required}，还差 ${miss} ${u.zh}${note.zh}（${c.cite.article}）`,
    `${prefix.en}${c.label.en} ${actual}/${required}, still ${miss} ${u.en} short${note.en} (${articleEn(c.cite.article)})`,
  );
}

/** Why a year or cycle got its verdict: unmet conditions (binding first), then notes. */
export function reasons(
  j: Pick<YearJudgement | CycleJudgement, 'conditions' | 'notes' | 'undefinedCredits'> & { why?: Text },
): Text[] {
  const unmet = j.conditions.filter((c) => !c.met);
  const why = j.why && !j.notes.includes(j.why) ? [j.why] : [];
  const out = [...unmet.filter((c) => !c.advisory), ...unmet.filter((c) => c.advisory)].map(conditionText);
  if (j.undefinedCredits > 0 && unmet.some((c) => c.unit === 'credits')) {
    out.push(
      t(
        `${j.undefinedCredits} 条记录的学分原文未规定，未计入（可设置覆盖参数）`,
        `${j.undefinedCredits} record(s) have credits the source leaves undefined and are not counted (an override can set them)`,
      ),
    );
  }
  return [...why, ...out, ...j.notes];
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
      article: articleRef(c.cite, lang),
    }))
    .filter((s) => s.missing > 0);
}

const UNIT_WORD: Record<'hours' | 'credits', Text> = { hours: t('学时', 'h'), credits: t('学分', 'credits') };

/** What is still missing, briefly: "周期学分还差 2 学分；周期学时还差 20 学时". */
export function missingText(conditions: readonly Condition[]): Text | null {
  const unmet = conditions.filter((c) => !c.met && !c.advisory && c.kind === 'min' && c.required > c.actual);
  if (!unmet.length) return null;
  const parts = unmet.map((c) => remembered(MISSING_TEXTS, c, missingPart));
  return t(parts.map((p) => p.zh).join('；'), parts.map((p) => p.en).join('; '));
}

function missingPart(c: Condition): Text {
  // required > actual here: the difference is positive
  const miss = shortBy(c.required, c.actual);
  return t(`${c.label.zh}还差 ${miss} ${UNIT_WORD[c.unit].zh}`, `${c.label.en} ${miss} ${UNIT_WORD[c.unit].en} short`);
}

/**
 * A year's or a cycle's state in plain words, the same in every output: 合格 · 不合格：周期学分还差 2 学分 ·
 * 进行中：截至 2026-12-01 还差 6.5 学分 · 待定：12 条记录的学分原文未规定（校级培训每天学分）· 不考核：入职当年.
 */
export function verdictText(v: YearVerdict | CycleVerdict, asOf: string): Text {
  const word = STATUS_WORDS[v.status];
  const missing = missingText(v.conditions);
  const unmetOther = () => v.conditions.find((c) => !c.met && !c.advisory);
  switch (v.status) {
    case 'pass':
      return word;
    case 'fail': {
      const why = missing ?? (unmetOther() ? conditionText(unmetOther()!) : (v.notes[v.notes.length - 1] ?? null));
      return why ? t(`${word.zh}：${why.zh}`, `${word.en}: ${why.en}`) : word;
    }
    case 'inProgress': {
      if (v.why) return t(`${word.zh}：${v.why.zh}`, `${word.en}: ${v.why.en}`);
      return missing
        ? t(`${word.zh}：截至 ${asOf} ${missing.zh}`, `${word.en}: as of ${asOf}, ${missing.en}`)
        : t(`${word.zh}：截至 ${asOf} 尚未达标`, `${word.en}: not yet met as of ${asOf}`);
    }
    case 'pending': {
      const n = v.undecided.reduce((a, u) => a + u.count, 0);
      const what = v.undecided.map((u) =>
        t(`${u.label.zh}${u.param ? ` ${u.param}` : ''}`, `${u.label.en}${u.param ? ` ${u.param}` : ''}`),
      );
      const settable = v.undecided.some((u) => u.param);
      return t(
        `${word.zh}：${n} 条记录的学分原文未规定（${what.map((w) => w.zh).join('、')}）${settable ? '，填写本地数值后可判定' : ''}${missing ? `；按已计入的学分，${missing.zh}` : ''}`,
        `${word.en}: the text leaves the credits of ${n} record(s) undefined (${what.map((w) => w.en).join(', ')})${settable ? '; set the local value to decide' : ''}${missing ? `; counted so far: ${missing.en}` : ''}`,
      );
    }
    case 'notAssessed': {
      const why = v.why ?? t('不单独考核', 'not assessed on its own');
      return t(`${word.zh}：${why.zh}`, `${word.en}: ${why.en}`);
    }
  }
}

export function explainSteps(steps: readonly Step[], lang: Lang): string {
  let out = '';
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    const words = s.words ? s.words(lang) : say(s.detail, lang);
    out += `${i ? ' → ' : ''}${words}${whereOf(s.cite, s.readings, lang)}`;
  }
  return out;
}

/**
 * A step's article and readings as its explanation ends it, 【第十条 R-PE4】 or [Art. 10 R-PE4], made once per
 * article, readings and language: steps share their rule set's articles and their lists of readings (the same
 * objects), and a report of 100 000 records wrote the same few again for each of its million steps.
 */
const WHERE = new WeakMap<Cite, WeakMap<readonly string[], Partial<Record<Lang, string>>>>();
const NO_READINGS: readonly string[] = Object.freeze([]);

function whereOf(cite: Cite, readings: readonly string[] | undefined, lang: Lang): string {
  const list = readings?.length ? readings : NO_READINGS;
  // (the engine's lists of readings are frozen, shared lists; another is read as it is)
  if (!Object.isFrozen(list)) return where(cite, list, lang);
  let byList = WHERE.get(cite);
  if (byList === undefined) WHERE.set(cite, (byList = new WeakMap()));
  let made = byList.get(list);
  if (made === undefined) byList.set(list, (made = {}));
  return (made[lang] ??= where(cite, list, lang));
}

function where(cite: Cite, readings: readonly string[], lang: Lang): string {
  const r = readings.length ? ` ${readings.join(' ')}` : '';
  return lang === 'en' ? ` [${articleEn(cite.article)}${r}]` : `【${cite.article}${r}】`;
}

export function allIssues(r: CheckResult): Issue[] {
  return [...r.records.flatMap((x) => x.issues), ...r.teachers.flatMap((x) => x.issues), ...r.issues];
}

function cycleNote(c: CheckResult['cycle'], rules: CheckResult['rules']): Text {
  const span = c.start === undefined ? '' : `${c.start}–${c.start + 4}`;
  switch (c.source) {
    case 'argument':
      return t(`${span}（由 --cycle-start 指定）`, `${span} (given by --cycle-start)`);
    case 'region':
      return t(`${span}（地区规定固定）`, `${span} (fixed by the region’s text)`);
    case 'workbook':
      return t(`${span}（取自工作簿设置）`, `${span} (the workbook’s setting)`);
    case 'roster':
      return t(
        `按记录推定为 ${span}（记录最多的五年），可用 --cycle-start 或工作簿设置指定`,
        `inferred from the records as ${span} (the five years holding most records); set it with --cycle-start or the workbook setting`,
      );
    case 'perTeacher':
      // a region whose cycle is common to its teachers, without a dated record to place it by
      if (rules.cycleKind === 'common')
        return t(
          '没有带年度的记录，无法推定周期；可用 --cycle-start 或工作簿设置指定',
          'no record has a year to infer the cycle from; set it with --cycle-start or the workbook setting',
        );
      return t(
        '每位教师从其最早记录的年度（新任教师从入职年度）起算五年（本地区周期按教师个人设定）',
        'each teacher’s five years from their earliest record, or from the hire year for a new teacher (this region sets cycles per teacher)',
      );
  }
}

type Period = Report['teachers'][number]['years'][number];
type PeriodParts = Omit<Period, 'year'>;

/**
 * A judged year's or cycle's state, words and what is missing, written into `o` (which holds `year`, or `start`
 * and `end`): one object a period, its keys in the report's order, rather than parts spread into another.
 */
function periodOut<T extends object>(o: T, v: YearVerdict | CycleVerdict, asOf: string, lang: Lang): T & PeriodParts {
  return periodParts(o, v, asOf, lang, true) as T & PeriodParts;
}

/** What a summary sheet shows of a period: periodOut's parts but the explanation of how it was computed. */
export type PeriodShown = Omit<PeriodParts, 'explanation'>;

/** periodOut, its explanation made only when `explain` (the summary sheets show none). */
function periodParts<T extends object>(
  o: T,
  v: YearVerdict | CycleVerdict,
  asOf: string,
  lang: Lang,
  explain: boolean,
): T & PeriodShown {
  const p = o as T & PeriodParts;
  const open = v.status === 'fail' || v.status === 'inProgress' || v.status === 'pending';
  p.hours = v.hours;
  p.credits = v.credits;
  p.status = v.status;
  p.pass = v.status === 'pass' ? true : v.status === 'fail' ? false : null;
  p.verdict = v.status === 'pass' ? say(STATUS_WORDS.pass, lang) : say(verdictText(v, asOf), lang);
  p.reasons =
    v.conditions.every((c) => c.met) && !v.notes.length && !v.why && !v.undefinedCredits
      ? []
      : reasons(v).map((x) => say(x, lang));
  if (explain) p.explanation = explainSteps(v.steps, lang);
  p.shortfall = open ? shortfall(v.conditions, lang) : [];
  p.undecided = v.undecided.length
    ? v.undecided.map((u) =>
        u.param
          ? { count: u.count, param: u.param, label: say(u.label, lang) }
          : { count: u.count, label: say(u.label, lang) },
      )
    : [];
  return p;
}

/** Per file, when the tables came from files: its sheets, records and errors. */
function filesOf(r: CheckResult): Report['files'] {
  if (!r.tables.some((tb) => tb.file !== undefined)) return undefined;
  const by = new Map<string, { path: string; sheets: string[]; records: number; errors: number }>();
  r.tables.forEach((tb) => {
    const path = tb.file ?? '';
    const e = by.get(path) ?? { path, sheets: [], records: 0, errors: 0 };
    if (tb.sheet !== undefined) e.sheets.push(tb.sheet);
    e.records += tb.records;
    by.set(path, e);
  });
  for (const rec of r.records) {
    const e = by.get(r.tables[rec.table]!.file ?? '')!;
    e.errors += rec.issues.filter((i) => i.severity === 'error').length;
  }
  return [...by.values()];
}

type RecordOut = Report['records'][number];
type TeacherOut = Report['teachers'][number];

/**
 * What the report's records are written with, made once a report: the teacher each grouping key was judged
 * as, and each conversion's explanation (records of one training share their conversion: one text for them all).
 */
export interface RecordContext {
  teacherOf: ReadonlyMap<string, string>;
  explained: Map<RecordResult['conversion'], string>;
}

export const recordContext = (r: CheckResult): RecordContext => ({
  teacherOf: new Map(r.teachers.map((tj) => [tj.key, tj.id])),
  explained: new Map(),
});

/** The report's form of one record (keys in the report's order; `sheet` and `file` only when known). */
export function recordOut(r: CheckResult, x: RecordResult, c: RecordContext, lang: Lang): RecordOut {
  const tb = r.tables[x.table];
  const cv = x.conversion;
  let explanation = c.explained.get(cv);
  if (explanation === undefined) c.explained.set(cv, (explanation = explainSteps(cv.steps, lang)));
  const o = { row: x.row } as RecordOut;
  if (tb?.sheet !== undefined) o.sheet = tb.sheet;
  if (tb?.file !== undefined) o.file = tb.file;
  o.teacherId = judgedAs(x, c);
  o.name = x.record.name;
  o.year = x.record.year;
  o.hours = cv.hours;
  o.credits = cv.credits;
  o.counted = cv.counted;
  o.explanation = explanation;
  o.issues = x.issues.length ? x.issues.map((i) => issueOut(i, lang)) : [];
  return o;
}

/** The teacher a record was judged with (an unusable ID is grouped by name + school): its report's teacherId. */
export const judgedAs = (x: RecordResult, c: RecordContext): string | null =>
  x.teacherKey === null ? x.record.teacherId : (c.teacherOf.get(x.teacherKey) ?? x.record.teacherId);

/** A judged teacher's own issues in the report's form (teacherOut's `issues`). */
export const teacherIssuesOut = (tj: CheckResult['teachers'][number], lang: Lang): TeacherOut['issues'] =>
  tj.issues.length ? tj.issues.map((i) => issueOut(i, lang)) : [];

/** The report's form of one judged teacher. */
export function teacherOut(r: CheckResult, tj: CheckResult['teachers'][number], lang: Lang): TeacherOut {
  const o = { id: tj.id, name: tj.name, school: tj.school, rows: tj.rows } as TeacherOut;
  if (tj.idProblem) o.idProblem = say(tj.idProblem, lang);
  o.years = tj.years.map((y) => periodOut({ year: y.year }, y, r.asOf, lang));
  o.cycle = periodOut({ start: tj.cycle.start, end: tj.cycle.end }, tj.cycle, r.asOf, lang);
  o.issues = teacherIssuesOut(tj, lang);
  return o;
}

/** A teacher as the years' summary sheet shows them: who, and each year as teacherOut has it, unexplained. */
export interface TeacherYearsShown extends Pick<TeacherOut, 'id' | 'name' | 'school'> {
  years: Array<Pick<TeacherOut['years'][number], 'year'> & PeriodShown>;
}
/** A teacher as the cycles' summary sheet shows them: who, and the cycle as teacherOut has it, unexplained. */
export interface TeacherCycleShown extends Pick<TeacherOut, 'id' | 'name' | 'school'> {
  cycle: Pick<TeacherOut['cycle'], 'start' | 'end'> & PeriodShown;
}

/** Who a teacher is, as teacherOut says, with one part of theirs: what a summary sheet shows. */
const whoWith = <P extends object>(tj: CheckResult['teachers'][number], part: P) => ({
  id: tj.id,
  name: tj.name,
  school: tj.school,
  ...part,
});

/** teacherOut's id, name, school and years, without the explanations: a summary sheet's rows. */
export const teacherYearsOut = (r: CheckResult, tj: CheckResult['teachers'][number], lang: Lang): TeacherYearsShown =>
  whoWith(tj, { years: tj.years.map((y) => periodParts({ year: y.year }, y, r.asOf, lang, false)) });

/** teacherOut's id, name, school and cycle, without its explanation: a summary sheet's row. */
export const teacherCycleOut = (r: CheckResult, tj: CheckResult['teachers'][number], lang: Lang): TeacherCycleShown =>
  whoWith(tj, { cycle: periodParts({ start: tj.cycle.start, end: tj.cycle.end }, tj.cycle, r.asOf, lang, false) });

/** The report's parts before its records, in the report's key order. */
export function reportHead(
  r: CheckResult,
  lang: Lang,
): Pick<Report, 'region' | 'unit' | 'source' | 'lang' | 'asOf' | 'cycle' | 'overrides' | 'readings'> {
  const rules = r.rules;
  return {
    region: r.region,
    unit: rules.unit,
    source: `${rules.source.title}（${rules.source.body}，${rules.source.year}）`,
    lang,
    asOf: r.asOf,
    cycle: { ...r.cycle, note: say(cycleNote(r.cycle, r.rules), lang) },
    overrides: r.overrides,
    readings: r.readings.map((id) => ({
      id,
      summary: say(rules.readings.find((x) => x.id === id)?.summary ?? t(id, id), lang),
    })),
  };
}

/** The report's parts after its teachers, in the report's key order. */
export function reportTail(r: CheckResult, lang: Lang): Pick<Report, 'issues' | 'files' | 'schools' | 'summary'> {
  const files = filesOf(r);
  return {
    issues: r.issues.map((i) => issueOut(i, lang)),
    ...(files ? { files } : {}),
    schools: r.schools.map((s) => ({
      school: s.school,
      year: s.year,
      assessed: s.assessed,
      failed: s.failed,
      flagged: s.flagged,
      article: articleRef(s.cite, lang),
    })),
    summary: summaryOf(r),
  };
}

/** The report's summary, from the engine's result alone: counted, never gathered into lists. */
export function summaryOf(r: CheckResult): Report['summary'] {
  let errors = 0;
  let warnings = 0;
  const count = (list: readonly Issue[]) => {
    for (let i = 0; i < list.length; i++) {
      if (list[i]!.severity === 'error') errors++;
      else if (list[i]!.severity === 'warning') warnings++;
    }
  };
  for (let i = 0; i < r.records.length; i++) count(r.records[i]!.issues);
  for (let i = 0; i < r.teachers.length; i++) count(r.teachers[i]!.issues);
  count(r.issues);
  const cycles = (s: string) => r.teachers.filter((x) => x.cycle.status === s).length;
  const years = (s: string) => r.teachers.reduce((a, x) => a + x.years.filter((y) => y.status === s).length, 0);
  return {
    records: r.records.length,
    errors,
    warnings,
    teachers: r.teachers.length,
    cyclePass: cycles('pass'),
    cycleFail: cycles('fail'),
    cycleInProgress: cycles('inProgress'),
    cyclePending: cycles('pending'),
    cycleNotAssessed: cycles('notAssessed'),
    yearsFailed: years('fail'),
    yearsInProgress: years('inProgress'),
    yearsPending: years('pending'),
    schoolsFlagged: r.schools.filter((s) => s.flagged).length,
  };
}

/**
 * A report's parts in its key order, the records and teachers possibly made one at a time as they are written
 * (an iterable instead of the array), so that the text of a roster of a million records is never held at once.
 */
export type ReportParts = {
  [K in keyof Report]?: K extends 'records' | 'teachers' ? Iterable<Report[K][number]> : Report[K];
};

/**
 * The report's text, the same in every output (`check --json`, the web page's download): the top level indented
 * by 2 and each record and each teacher on one line of its own — the values of JSON.stringify(report), in half
 * the bytes of indenting everything, and a record a line for grep and diff. In pieces of about `chunk`
 * characters; parts that are undefined are left out, as JSON.stringify does.
 */
export function* reportText(parts: ReportParts, chunk = 1 << 14): Generator<string> {
  let buf = '{';
  let first = true;
  for (const k of Object.keys(parts) as Array<keyof Report>) {
    const v = parts[k];
    if (v === undefined) continue;
    buf += `${first ? '' : ','}\n  ${JSON.stringify(k)}: `;
    first = false;
    if (k !== 'records' && k !== 'teachers') {
      // a small part: indented as a whole (its strings hold no raw newline: JSON escapes them; only layout does)
      const text = JSON.stringify(v, null, 2);
      buf += text.indexOf('\n') < 0 ? text : text.split('\n').join('\n  ');
      continue;
    }
    let n = 0;
    for (const x of v as Iterable<unknown>) {
      buf += n++ ? ',\n    ' : '[\n    ';
      buf += JSON.stringify(x);
      if (buf.length >= chunk) {
        yield buf;
        buf = '';
      }
    }
    buf += n ? '\n  ]' : '[]';
  }
  yield `${buf}\n}\n`;
}

/** The whole report's text (reportText in one string): for a report that is already held whole. */
export const reportString = (report: Report): string => [...reportText(report, Infinity)].join('');

export function toReport(r: CheckResult, lang: Lang = 'zh'): Report {
  const c = recordContext(r);
  return reportWith(
    r,
    lang,
    r.records.map((x) => recordOut(r, x, c, lang)),
    r.teachers.map((tj) => teacherOut(r, tj, lang)),
  );
}

/** toReport without its records and teachers (empty lists in their places): a report's head, whoever fills it. */
export const reportHeadOnly = (r: CheckResult, lang: Lang): Report => reportWith(r, lang, [], []);

/** The report of these records and teachers, its parts in the report's key order. */
const reportWith = (r: CheckResult, lang: Lang, records: Report['records'], teachers: Report['teachers']): Report => ({
  ...reportHead(r, lang),
  records,
  teachers,
  ...reportTail(r, lang),
});
