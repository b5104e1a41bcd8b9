// What every region module provides, and the small shared tools they are written
// with: a trace that collects a record's explanation steps, a judging that collects a
// year's or a cycle's (caps, offsets, exemptions, conditions), and condition builders.
// The tools carry no rule of any region: numbers and articles stay in the region files.
import type { Cite, ParamDef, ParamUse, Params, Reading } from './params';
import { round2, fmt } from '../core/decimal';
import { deferred, t, Text, type Lang, type Words } from '../core/text';
import { articleEn } from '../core/cite';
import type {
  SchoolFlag,
  TeacherJudgement,
  Condition,
  Conversion,
  ConvertedRecord,
  CycleJudgement,
  CycleKind,
  Issue,
  IssueCode,
  Severity,
  Step,
  TrainingRecord,
  Unit,
  YearJudgement,
} from '../core/types';
import { MODE_VOCAB, ROLE_VOCAB, displayName } from '../core/vocabulary';
import type { Level, Mode, Role } from '../core/vocabulary';
import type { Field } from '../core/fields';

export interface RuleContext<K extends string = string> {
  params: Params<K>;
  /** roster columns present in the table (e.g. puer's module checks need `category`) */
  columns: ReadonlySet<Field>;
  /** columns holding a value on at least one row; absent: every present column is taken to hold values */
  filled?: ReadonlySet<Field>;
}

/** Whether the roster gives a field at all: a column blank on every row is as good as absent. */
export function hasValues(ctx: RuleContext, f: Field): boolean {
  return ctx.columns.has(f) && (ctx.filled ?? ctx.columns).has(f);
}

export interface RecordContext<K extends string = string> extends RuleContext<K> {
  /** fields whose raw value was rejected: the normalizer already reported them */
  rejected: ReadonlySet<Field>;
}

export interface TeacherFacts {
  classTeacher: boolean;
  hireYear?: number;
  exemptYears: ReadonlySet<number>;
  /** qitai 考核合格: undefined when the roster says nothing */
  assessment?: boolean;
}

export interface JudgeInput<F = unknown> {
  /** the teacher's converted records whose year lies inside the cycle */
  records: ConvertedRecord<F>[];
  start: number;
  end: number;
  facts: TeacherFacts;
  /** the last year whose assessment is due (this year); later years are not judged */
  lastDueYear: number;
}

export interface Judged {
  years: YearJudgement[];
  cycle: CycleJudgement;
  issues?: Issue[];
}

/** A column of the roster template (present/template.ts lays out the common ones around a region's own). */
export interface TemplateColumnSpec {
  header: string;
  /** the in-cell dropdown's choices, when the column has a vocabulary */
  list?: readonly string[];
  /** Excel number format: '@' keeps IDs and certificate numbers as text */
  numberFormat?: string;
  width: number;
}

/**
 * A region's rule set. `K` is the union of its parameter keys (typed from its table), `F` the facts its
 * conversion records about each record for its judge (hainan's `schoolLevel` …). The engine holds a rule
 * set as `RegionRules` (string keys, unknown facts): it passes facts from convert to judge unread.
 */
export interface RegionRules<K extends string = string, F = unknown> {
  id: string;
  name: Text;
  /** how administrators write the region: 海南, 海南省, hainan … (the first is its display name) */
  spellings: readonly string[];
  source: { file: string; title: string; body: string; year: number };
  params: Readonly<Record<K, ParamDef>>;
  readings: Reading[];
  /** what the region counts: credits, or hours only (zhengzhou, whose "credits" equal hours) */
  unit: 'credits' | 'hours';
  /** whether a record's level changes its figures (a roster without a level column is unusable then) */
  requiresLevel: boolean;
  /**
   * The region's part of the roster template: the level spellings its rosters use, its own columns after
   * the common ones (成绩 …), and any after the common tail (登记学分, 班主任, 入职年度).
   */
  template: { levels: readonly string[]; columns: readonly TemplateColumnSpec[]; last?: readonly TemplateColumnSpec[] };
  /** the modes the text registers; others give MODE_NOT_COVERED (the roster template offers these) */
  modes: readonly Mode[];
  /** the region's certificate-number rules, where the text has them (qitai 附件) */
  certificate?: (n: string) => { valid: boolean; message: Text };
  /** how the five-year cycle is set: fixed by the text, individual to each teacher, or common to a roster */
  cycleKind: CycleKind;
  /** a cycle fixed by the text itself (qitai 2024–2028); present exactly when cycleKind is `fixed` */
  fixedCycle?: { start: number; cite: Cite };
  /**
   * What makes a roster recognisably this region's, for the "this looks like another region's roster"
   * warning: the leading digits of its resident IDs (GB/T 2260 province codes) and spellings only its
   * rosters use (e.g. 市县级 in hainan, 自治区级 in qitai).
   */
  fingerprint: { idPrefixes: readonly string[]; words: readonly string[] };
  /** region-specific spellings of levels that win over the common ones (区级, 市县级) */
  levelAliases?: Record<string, Level>;
  /** region-specific spellings of modes that win over the common ones (郑州 五: 示范课 is 校本研修) */
  modeAliases?: Record<string, Mode>;
  /** the facts of a record no rule has classified (also those of a record whose conversion failed) */
  blankFacts: Readonly<F>;
  /** what an issue code means in this region, for the code table of docs/rules.md (numbers from the table) */
  issueNotes?: Partial<Record<IssueCode, Text>>;
  /** the parameter giving a day's hours for the `days` column, or null if the text has none */
  dayHoursKey(mode: Mode | undefined): K | null;
  convert(rec: TrainingRecord, ctx: RecordContext<K>): Conversion<F>;
  judge(input: JudgeInput<F>, ctx: RuleContext<K>): Judged;
  /** checks across records of many teachers (qitai cohort quota); adds issues in place */
  crossCheck?(records: ConvertedRecord<F>[], ctx: RuleContext<K>): void;
  /** per-school statistics the text attaches a consequence to (puer 20 %) */
  flagSchools?(teachers: TeacherJudgement[], params: Params<K>): SchoolFlag[];
}

type StepExtra = { readings?: readonly string[] | undefined; params?: readonly ParamUse[] | undefined };

/**
 * A step whose detail is made from its template (Words: language first) and the values it reads, each time it is
 * read; most name no reading. The report renders a record's explanation once, in one language, and most records'
 * steps are never shown at all, so building both languages of every step up front was most of a conversion's
 * cost; a report in Chinese never builds the English. The template is never a closure over the computation,
 * which would keep all of its variables alive with the step.
 */
class LazyStep<A extends unknown[]> implements Step {
  constructor(
    readonly rule: string,
    readonly cite: Cite,
    private readonly _words: Words<A>,
    private readonly _values: A,
  ) {}

  get detail(): Text {
    return t(this._words('zh', ...this._values), this._words('en', ...this._values));
  }
  words(lang: Lang): string {
    return this._words(lang, ...this._values);
  }
  get readings(): string[] | undefined {
    return undefined;
  }
  get params(): ParamUse[] | undefined {
    return undefined;
  }
}

/** A lazy step with readings or parameters (shared lists, never changed). */
class LazyStepWith<A extends unknown[]> extends LazyStep<A> {
  constructor(
    rule: string,
    cite: Cite,
    words: Words<A>,
    values: A,
    private readonly _readings: string[] | undefined,
    private readonly _params: ParamUse[] | undefined,
  ) {
    super(rule, cite, words, values);
  }
  override get readings(): string[] | undefined {
    return this._readings;
  }
  override get params(): ParamUse[] | undefined {
    return this._params;
  }
}

const NO_EXTRA: StepExtra = {};
const NO_VALUES: unknown[] = Object.freeze([]) as unknown as unknown[];

/**
 * Lists of readings and of parameters as steps keep them: one frozen list per distinct content, where every
 * step (of every record and teacher) had its own `['R-PE4']` or `[use]`. Readings are the rule sets' own
 * few ids; parameter lists are found by their parameters (a check run's own objects: a WeakMap lets them go).
 */
const READING_LISTS = new Map<string, string[]>();

function readingList(list: readonly string[]): string[] {
  const key = list.length === 1 ? list[0]! : list.join(' ');
  let shared = READING_LISTS.get(key);
  if (shared === undefined) {
    if (READING_LISTS.size >= 1024) READING_LISTS.clear();
    READING_LISTS.set(key, (shared = Object.freeze(list.slice()) as string[]));
  }
  return shared;
}

const PARAM_LISTS = new WeakMap<ParamUse, { one?: ParamUse[]; two?: WeakMap<ParamUse, ParamUse[]> }>();

function paramList(list: readonly ParamUse[]): ParamUse[] {
  if (list.length > 2) return Object.freeze(list.slice()) as ParamUse[];
  const first = list[0]!;
  let at = PARAM_LISTS.get(first);
  if (at === undefined) PARAM_LISTS.set(first, (at = {}));
  if (list.length === 1) return (at.one ??= Object.freeze([first]) as ParamUse[]);
  const second = list[1]!;
  at.two ??= new WeakMap();
  let shared = at.two.get(second);
  if (shared === undefined) at.two.set(second, (shared = Object.freeze([first, second]) as ParamUse[]));
  return shared;
}

/** Collects the steps of one computation in the order they are applied. */
export class Steps {
  readonly steps: Step[] = [];

  step(rule: string, cite: Cite, detail: Text, extra?: StepExtra): this;
  step<A extends unknown[]>(rule: string, cite: Cite, words: Words<A>, values: A, extra?: StepExtra): this;
  step<A extends unknown[]>(
    rule: string,
    cite: Cite,
    detail: Text | Words<A>,
    values?: A | StepExtra,
    more?: StepExtra,
  ): this {
    return this.add(rule, cite, detail, values, more);
  }

  /** step()'s (and note()'s) arguments, either form: words and their values, or a text made already. */
  protected add<A extends unknown[]>(
    rule: string,
    cite: Cite,
    detail: Text | Words<A>,
    values?: A | StepExtra,
    more?: StepExtra,
  ): this {
    const lazy = typeof detail === 'function';
    const extra = (lazy ? more : (values as StepExtra | undefined)) ?? NO_EXTRA;
    const readings = extra.readings?.length ? readingList(extra.readings) : undefined;
    const params = extra.params?.length ? paramList(extra.params) : undefined;
    if (lazy) {
      const v = (values as A).length ? (values as A) : (NO_VALUES as A);
      this.steps.push(
        readings || params
          ? new LazyStepWith(rule, cite, detail, v, readings, params)
          : new LazyStep(rule, cite, detail, v),
      );
      return this;
    }
    const s: Step = { rule, cite, detail };
    if (readings) s.readings = readings;
    if (params) s.params = params;
    this.steps.push(s);
    return this;
  }
}

/** A record's conversion: its steps, its issues, and the facts the region's judge will read (`F`). */
export class Trace<F> extends Steps {
  readonly issues: Issue[] = [];
  counted = true;

  constructor(readonly facts: F) {
    super();
  }

  issue(code: IssueCode, severity: Severity, field: string, message: Text, cite?: Cite, value?: string): this {
    const i: Issue = { code, severity, field, message };
    if (cite) i.cite = cite;
    if (value !== undefined) i.value = value;
    this.issues.push(i);
    return this;
  }

  done(hours: number | null, credits: number | null): Conversion<F> {
    return {
      hours: hours === null ? null : round2(hours),
      credits: credits === null ? null : round2(credits),
      // an array that grew by pushing keeps room for 16 steps; every record's conversion is kept
      steps: this.steps.slice(),
      issues: this.issues,
      counted: this.counted,
      facts: this.facts,
    };
  }
}

/**
 * A year's or a cycle's judgement as named steps, in the order applied: raw totals → per-record or
 * per-project caps → per-year (per-cycle) caps → totals → offsets → exemptions → conditions. A step that
 * changed the figures or the verdict (a cap that cut, an offset, an exemption) is also one of the period's
 * notes, its article beside it; every condition is also a step, so the steps alone say why.
 */
export class Judging extends Steps {
  readonly notes: Text[] = [];
  readonly conditions: Condition[] = [];

  /** `prefix` names the region's condition steps: `HN` gives `HN-yearCredits` */
  constructor(private readonly prefix: string) {
    super();
  }

  note(rule: string, cite: Cite, detail: Text, extra?: StepExtra): this;
  note<A extends unknown[]>(rule: string, cite: Cite, words: Words<A>, values: A, extra?: StepExtra): this;
  note<A extends unknown[]>(
    rule: string,
    cite: Cite,
    detail: Text | Words<A>,
    values?: A | StepExtra,
    more?: StepExtra,
  ): this {
    this.add(rule, cite, detail, values, more);
    this.notes.push(new StepNote(this.steps[this.steps.length - 1]!));
    return this;
  }

  /** Record conditions, each with the step that compares its figure with its requirement. */
  check(...conditions: Condition[]): this {
    for (let i = 0; i < conditions.length; i++) {
      const c = conditions[i]!;
      this.conditions.push(c);
      const step = c instanceof JudgedCondition ? c.stepFor(this.prefix) : undefined;
      this.steps.push(step ?? new ConditionStep(this.ruleOf(c), c));
    }
    return this;
  }

  /** The step id of a condition (`HN-yearCredits`), one string each, kept with a shared condition's spec. */
  private ruleOf(c: Condition): string {
    let rules = CONDITION_RULES.get(this.prefix);
    if (!rules) CONDITION_RULES.set(this.prefix, (rules = new Map()));
    let rule = rules.get(c.id);
    if (rule === undefined) rules.set(c.id, (rule = `${this.prefix}-${c.id}`));
    return rule;
  }

  // Every teacher's years and cycle are kept to the end of a check: their lists are copied to their size (a
  // list that grew by pushing keeps room for 16 more), and the fields the verdict adds exist from the start.

  /** The year's judgement: its figures, and the conditions, notes and steps collected here. */
  year(year: number, f: { hours: number; credits: number; pass: boolean | null; undefinedCredits: number }) {
    return {
      year,
      hours: f.hours,
      credits: f.credits,
      pass: f.pass,
      undefinedCredits: f.undefinedCredits,
      conditions: listOf(this.conditions),
      notes: listOf(this.notes),
      steps: listOf(this.steps),
      status: undefined,
      undecided: undefined,
      why: undefined,
    } as YearJudgement;
  }

  /** The cycle's judgement, as a year's. */
  cycle(
    start: number,
    end: number,
    f: { hours: number; credits: number; pass: boolean; undefinedCredits: number; failsRegardless?: boolean },
  ) {
    return {
      start,
      end,
      hours: f.hours,
      credits: f.credits,
      pass: f.pass,
      undefinedCredits: f.undefinedCredits,
      failsRegardless: f.failsRegardless === true,
      conditions: listOf(this.conditions),
      notes: listOf(this.notes),
      steps: listOf(this.steps),
      status: undefined,
      undecided: undefined,
      why: undefined,
    } as CycleJudgement;
  }
}

/** A list of a period's, copied to its size; an empty one shared (most periods have no notes). */
const NOTHING: never[] = Object.freeze([]) as unknown as never[];
const listOf = <T>(list: T[]): T[] => (list.length ? list.slice() : NOTHING);

/** A note made of its step: the step's words with its article and readings, put together when read. */
class StepNote implements Text {
  constructor(private readonly _step: Step) {}
  get zh(): string {
    return noteIn(this._step, 'zh');
  }
  get en(): string {
    return noteIn(this._step, 'en');
  }
}

/** A region's condition step ids (`HN-yearCredits`), one string each. */
const CONDITION_RULES = new Map<string, Map<string, string>>();

/**
 * The step of a condition that is not its own (one made by a region outside `condition()`, or a shared spec
 * judged under a second prefix): its comparison in words, its article, readings and parameters the condition's.
 */
class ConditionStep implements Step {
  constructor(
    readonly rule: string,
    private readonly _condition: Condition,
  ) {}
  get cite(): Cite {
    return this._condition.cite;
  }
  get readings(): string[] | undefined {
    return this._condition.readings?.length ? this._condition.readings : undefined;
  }
  get params(): ParamUse[] | undefined {
    return this._condition.params?.length ? this._condition.params : undefined;
  }
  get detail(): Text {
    return conditionDetail(this._condition);
  }
  words(lang: Lang): string {
    return conditionWords(this._condition, lang);
  }
}

/** A note in one language: its step's words with the article and readings (a note is read one language at a time). */
function noteIn(step: Step, lang: Lang): string {
  const words = step.words ? step.words(lang) : step.detail[lang];
  const readings = step.readings ?? [];
  return lang === 'en'
    ? `${words} (${[articleEn(step.cite.article), ...readings].join(', ')})`
    : `${words}（${[step.cite.article, ...readings].join('，')}）`;
}

const UNIT_WORDS: Record<Unit, Text> = { hours: t('学时', 'h'), credits: t('学分', 'credits') };

/** "年度学分 8 < 10 学分：还差 2" — a condition's comparison, as its step says it. */
function conditionDetail(c: Condition): Text {
  return t(conditionWords(c, 'zh'), conditionWords(c, 'en'));
}

/** A condition's comparison in one language (conditionDetail's either half). */
function conditionWords(c: Condition, lang: Lang): string {
  const en = lang === 'en';
  const u = UNIT_WORDS[c.unit][lang];
  const only = c.params?.length === 1 && c.params[0]!.value === c.required ? c.params[0]! : undefined;
  const req = only ? pv(only) : fmt(c.required);
  const head = `${c.label[lang]} ${fmt(c.actual)}`;
  let s: string;
  if (c.kind === 'min') {
    if (c.met) s = en ? `${head} ≥ ${req} ${u}: met` : `${head} ≥ ${req} ${u}：达标`;
    else {
      const miss = fmt(round2(c.required - c.actual));
      s = en ? `${head} < ${req} ${u}: ${miss} short` : `${head} < ${req} ${u}：还差 ${miss}`;
    }
  } else if (c.met) s = en ? `${head} ≤ ${req} ${u}: within the limit` : `${head} ≤ ${req} ${u}：未超过上限`;
  else s = en ? `${head} > ${req} ${u}: over the limit` : `${head} > ${req} ${u}：超过上限`;
  if (c.note) s = en ? `${s} (${c.note.en})` : `${s}（${c.note.zh}）`;
  if (c.advisory) s = en ? `${s}; advisory, does not decide` : `${s}；仅提示，不影响结论`;
  return s;
}

/**
 * Report a required field that is absent. If the field was present but rejected,
 * the normalizer has already said so and nothing is added.
 */
/** The fields a rule may require, and the code of each one's absence. */
const MISSING = {
  mode: 'MODE_MISSING',
  level: 'LEVEL_MISSING',
  hours: 'HOURS_MISSING',
  months: 'MONTHS_MISSING',
  role: 'ROLE_MISSING',
} as const satisfies Partial<Record<Field, IssueCode>>;

export function requireField<T>(
  tr: Trace<unknown>,
  ctx: RecordContext,
  value: T | undefined,
  field: keyof typeof MISSING,
  why: Text,
): value is T {
  if (value !== undefined) return true;
  if (!ctx.rejected.has(field)) {
    tr.issue(
      MISSING[field],
      'error',
      field,
      t(
        `缺少${FIELD_NAMES[field]?.zh ?? field}：${why.zh}`,
        `${FIELD_NAMES[field]?.en ?? field} is missing: ${why.en}`,
      ),
    );
  }
  return false;
}

const W_UNDEFINED = (lang: Lang, zh: string, key: string, en: string) =>
  lang === 'zh'
    ? `${zh}：原文未规定（参数 ${key}），不计算学分`
    : `${en}: not defined by the source text (parameter ${key}); no credits computed`;

/** A gap in the source text: say so, name the parameter to override, and compute nothing. */
const undefinedMessage = (lang: Lang, label: Text, key: string) =>
  lang === 'zh'
    ? `${label.zh}原文未规定，学分无法计算；如本地有规定，请设置覆盖参数 ${key}`
    : `${label.en} is not defined by the source text, so no credits are computed; set the override ${key} if your authority has fixed it`;

export function undefinedParam(
  tr: Trace<unknown>,
  use: ParamUse,
  label: Text,
  cite: Cite,
  readings: string[] = [],
): null {
  tr.step('UNDEFINED', cite, W_UNDEFINED, [label.zh, use.key, label.en], { readings });
  tr.issue('RULE_UNDEFINED', 'warning', 'credits', deferred(undefinedMessage, [label, use.key]), cite);
  tr.issues[tr.issues.length - 1]!.param = use.key;
  return null;
}

/** Roles that say the teacher taught in a training rather than attended it. */
const TEACHING_ROLES: ReadonlySet<Role> = new Set(['lecturer', 'expert', 'instructor']);

/** Which roles a region's text credits as lecturing, and on which modes. */
export interface LecturerRule {
  /** the roles the text credits: 主讲教师 everywhere, and in Shandong 课程专家、指导老师 too */
  roles: ReadonlySet<Role>;
  /** the training activities on which such a role makes the record lecturing */
  training: ReadonlySet<Mode>;
  /** the article that credits lecturers */
  cite: Cite;
}

const W_ROLE_OTHER = (lang: Lang, r: string, m: string, role: Role, mode: Mode | undefined) =>
  lang === 'zh'
    ? `角色“${r}”：本地区文件未对此角色另计学分，按${m}计`
    : `role ${role}: the region's text gives this role nothing of its own; counted as ${mode}`;

const W_ROLE_LECTURER = (lang: Lang, r: string, m: string, role: Role, mode: Mode | undefined) =>
  lang === 'zh' ? `角色“${r}”：在${m}中担任${r}，按主讲计` : `role ${role} in ${mode}: counted as lecturing`;

/**
 * Whether a record is lecturing: its mode says so (主讲、授课), or a teaching role does on a
 * training activity. The same role on a mode in which the teacher is the one examined or
 * studying (an exam, degree study, 师徒结对 …) contradicts that mode: a warning, and the
 * mode's own rule applies. A teaching role the region's text does not credit (课程专家
 * outside Shandong) changes nothing, and a step says so.
 */
export function lecturing(tr: Trace<unknown>, rec: TrainingRecord, rule: LecturerRule): boolean {
  if (rec.mode === 'lecture') return true;
  const role = rec.role;
  if (role === undefined || rec.mode === undefined || !TEACHING_ROLES.has(role)) return false;
  const r = displayName(ROLE_VOCAB, role);
  const m = displayName(MODE_VOCAB, rec.mode);
  if (!rule.roles.has(role)) {
    tr.step('ROLE-other', rule.cite, W_ROLE_OTHER, [r, m, role, rec.mode]);
    return false;
  }
  if (!rule.training.has(rec.mode)) {
    tr.issue(
      'ROLE_CONTRADICTS_MODE',
      'warning',
      'role',
      t(
        `角色“${r}”与培训方式“${m}”矛盾：${m}不是由教师主讲的培训活动，按${m}的规定计`,
        `role ${role} contradicts the mode ${rec.mode}: no one lectures in it, so the ${rec.mode} rule applies`,
      ),
      rule.cite,
      r,
    );
    return false;
  }
  tr.step('ROLE-lecturer', rule.cite, W_ROLE_LECTURER, [r, m, role, rec.mode]);
  return true;
}

const W_HIRE_BEFORE = (lang: Lang, hire: number) =>
  lang === 'zh' ? `入职年度 ${hire} 之前的年度不考核` : `a year before the hire year ${hire} is not assessed`;

/**
 * 在职教师: every text binds serving teachers only, so a year before the teacher's hire year is not
 * assessed, in every region in the same words; `cite` names the region's article and its words (a short
 * quote). Called among a year's exemptions, before its conditions: true when the year is not assessed.
 */
export function beforeHire(j: Judging, year: number, hire: number | undefined, cite: Cite): boolean {
  if (hire === undefined || year >= hire) return false;
  j.step('HIRE-before', cite, W_HIRE_BEFORE, [hire]);
  const why = hireWhy(cite);
  j.notes.push(
    t(`入职年度 ${hire} 之前的年度不考核（${why}）`, `a year before the hire year ${hire} is not assessed (${why})`),
  );
  return true;
}

/** The cycle's step naming the years before hire that were left out; also a note unless `note` is false. */
export function yearsBeforeHire(
  j: Judging,
  years: readonly YearJudgement[],
  hire: number | undefined,
  cite: Cite,
  note = true,
): void {
  if (hire === undefined) return;
  const before = years.filter((y) => y.year < hire).map((y) => y.year);
  if (!before.length) return;
  const span = before.length === 1 ? `${before[0]}` : `${before[0]}–${before[before.length - 1]}`;
  const detail = t(`${span} 年在入职年度 ${hire} 之前，不考核`, `${span}: before the hire year ${hire}, not assessed`);
  j.step('HIRE-before', cite, detail);
  const why = hireWhy(cite);
  if (note) j.notes.push(t(`${detail.zh}（${why}）`, `${detail.en} (${why})`));
}

const hireWhy = (cite: Cite): string => `${cite.article}${cite.quote ? `「${cite.quote}」` : ''}`;

/**
 * `make` remembering its last answer: the same argument gives the same object back. A label with a figure in it
 * (a share the table or an override sets) is then one object for every teacher, and their conditions share a spec.
 */
export function lastOf<A, R>(make: (a: A) => R): (a: A) => R {
  let last: { a: A; r: R } | undefined;
  return (a) => (last !== undefined && last.a === a ? last.r : (last = { a, r: make(a) }).r);
}

/** Describe a parameter in a step: "1.5" or "0.5 (override; source: not defined)". */
export function pv(use: ParamUse): string {
  if (use.official) return fmt(use.value);
  const orig = use.original === null || use.original === undefined ? '原文未规定 / not defined' : fmt(use.original);
  return `${fmt(use.value)} (覆盖 override; 原文 source: ${orig})`;
}

/** A condition's options: how it compares, and what its requirement relies on. */
export interface ConditionOptions {
  kind?: 'min' | 'max';
  advisory?: boolean;
  readings?: readonly string[];
  note?: Text;
  params?: readonly ParamUse[];
}

/**
 * What a condition is apart from one teacher's figures: its id, words, article, readings and parameters.
 * Every teacher of a check is judged by the same few, so they are made once and shared (condition() finds
 * them again); a teacher's condition keeps only its figures beside one of these.
 */
interface ConditionSpec {
  readonly id: string;
  readonly label: Text;
  readonly unit: Unit;
  readonly kind: 'min' | 'max';
  readonly advisory: boolean;
  readonly cite: Cite;
  readonly readings: string[] | undefined;
  readonly params: ParamUse[] | undefined;
  readonly note: Text | undefined;
  /** the step id of the conditions judged by this spec, for the one region prefix that judges by it */
  rule?: { prefix: string; id: string };
  /** the conditions made with this spec, by requirement and figure in hundredths (centsCondition), and how many */
  made?: Map<number, Map<number, CentsCondition>>;
  madeCount?: number;
}

/**
 * A year's or a cycle's condition: its figure and requirement, the rest read from its shared spec. It is its own
 * step too (stepFor): the step of a condition is its comparison, its article, readings and parameters, all of
 * which the condition has — a teacher's ~60 conditions kept no second object each for their steps.
 */
abstract class JudgedCondition implements Condition, Step {
  constructor(private readonly _spec: ConditionSpec) {}
  abstract readonly actual: number;
  abstract readonly required: number;
  get id(): string {
    return this._spec.id;
  }
  get label(): Text {
    return this._spec.label;
  }
  get unit(): Unit {
    return this._spec.unit;
  }
  get kind(): 'min' | 'max' {
    return this._spec.kind;
  }
  get met(): boolean {
    return this._spec.kind === 'min' ? this.actual >= this.required : this.actual <= this.required;
  }
  get advisory(): boolean {
    return this._spec.advisory;
  }
  get cite(): Cite {
    return this._spec.cite;
  }
  get readings(): string[] | undefined {
    return this._spec.readings;
  }
  get params(): ParamUse[] | undefined {
    return this._spec.params;
  }
  get note(): Text | undefined {
    return this._spec.note;
  }
  /** The condition as its step under a region's prefix; its id (`HN-yearCredits`) made once per spec. */
  stepFor(prefix: string): Step | undefined {
    const r = this._spec.rule;
    if (r === undefined) this._spec.rule = { prefix, id: `${prefix}-${this._spec.id}` };
    // a spec judged under two prefixes (no region shares its articles) keeps the first one's id
    else if (r.prefix !== prefix) return undefined;
    return this;
  }
  /** As a step: the id its spec holds (stepFor made it). */
  get rule(): string {
    return this._spec.rule!.id;
  }
  /** As a step: the comparison in words (the same as ConditionStep's). */
  get detail(): Text {
    return conditionDetail(this);
  }
  words(lang: Lang): string {
    return conditionWords(this, lang);
  }
}

/**
 * The figures as whole hundredths: small integers, which V8 keeps in the object itself, where a fractional
 * number is a separate 16-byte box per field and object (a teacher's ~70 conditions are kept to the end).
 */
class CentsCondition extends JudgedCondition {
  /** its words, made once a language: a condition made once (centsCondition) is read by every period sharing it */
  private _zh: string | undefined = undefined;
  private _en: string | undefined = undefined;
  constructor(
    spec: ConditionSpec,
    private readonly _actual: number,
    private readonly _required: number,
  ) {
    super(spec);
  }
  override words(lang: Lang): string {
    if (lang === 'en') return (this._en ??= conditionWords(this, lang));
    return (this._zh ??= conditionWords(this, lang));
  }
  get actual(): number {
    return this._actual / 100;
  }
  get required(): number {
    return this._required / 100;
  }
}

/** A figure that is no whole number of hundredths in the small-integer range, kept as it is. */
class FigureCondition extends JudgedCondition {
  constructor(
    spec: ConditionSpec,
    readonly actual: number,
    readonly required: number,
  ) {
    super(spec);
  }
}

/** Whole hundredths of n when they give n back exactly and fit V8's small integers, else undefined. */
function smallCents(n: number): number | undefined {
  const k = Math.round(n * 100);
  return k / 100 === n && k <= 0x3fffffff && k >= -0x40000000 && !Object.is(n, -0) ? k : undefined;
}

/**
 * The specs made so far, by condition id, the latest first. A few per id: a check run's parameters are new
 * objects (a spec names them), and a label may be made per teacher with the same words; the list is short so
 * that the specs of earlier runs are let go.
 */
const SPECS = new Map<string, ConditionSpec[]>();
const SPECS_PER_ID = 6;

const sameText = (a: Text | undefined, b: Text | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.zh === b.zh && a.en === b.en);

function sameList<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The requirement's parameter first, then those it is derived with (a list only when there is one). */
function sameParams(s: ConditionSpec, first: ParamUse | undefined, more: readonly ParamUse[] | undefined): boolean {
  const list = s.params;
  const n = (first ? 1 : 0) + (more?.length ?? 0);
  if (list === undefined || list.length !== n) return n === 0 && list === undefined;
  let k = 0;
  if (first && list[k++] !== first) return false;
  for (let i = 0; more && i < more.length; i++) if (list[k++] !== more[i]) return false;
  return true;
}

function specOf(
  id: string,
  label: Text,
  unit: Unit,
  first: ParamUse | undefined,
  cite: Cite,
  opts: ConditionOptions,
): ConditionSpec {
  const kind = opts.kind ?? 'min';
  const advisory = opts.advisory ?? false;
  const readings = opts.readings?.length ? opts.readings : undefined;
  const note = opts.note || undefined;
  const more = opts.params?.length ? opts.params : undefined;
  // a note says something of this teacher's figures (shandong's share of the total): a spec of its own
  if (note) return makeSpec(id, label, unit, kind, advisory, cite, readings, first, more, note);
  let list = SPECS.get(id);
  if (list === undefined) {
    // ids are the rule sets' own, but shandong's name years (year2024): a long-lived add-in meets many
    if (SPECS.size >= 1024) SPECS.clear();
    SPECS.set(id, (list = []));
  }
  for (let i = 0; i < list.length; i++) {
    const s = list[i]!;
    if (
      s.cite === cite &&
      s.unit === unit &&
      s.kind === kind &&
      s.advisory === advisory &&
      s.note === undefined &&
      sameText(s.label, label) &&
      sameList(s.readings, readings) &&
      sameParams(s, first, more)
    )
      return s;
  }
  const spec = makeSpec(id, label, unit, kind, advisory, cite, readings, first, more, undefined);
  list.unshift(spec);
  if (list.length > SPECS_PER_ID) list.pop();
  return spec;
}

function makeSpec(
  id: string,
  label: Text,
  unit: Unit,
  kind: 'min' | 'max',
  advisory: boolean,
  cite: Cite,
  readings: readonly string[] | undefined,
  first: ParamUse | undefined,
  more: readonly ParamUse[] | undefined,
  note: Text | undefined,
): ConditionSpec {
  const params = first ? (more ? [first, ...more] : [first]) : more ? more.slice() : undefined;
  return {
    id,
    label,
    unit,
    kind,
    advisory,
    cite,
    readings: readings ? (Object.freeze(readings.slice()) as string[]) : undefined,
    params: params ? (Object.freeze(params) as ParamUse[]) : undefined,
    note,
  };
}

/**
 * A condition of a year or a cycle. `required` is the parameter the text sets (its value is the requirement,
 * and the condition records it), or a figure derived from parameters named in `opts.params` (a share of the
 * total …).
 */
const NO_OPTIONS: ConditionOptions = {};

export function condition(
  id: string,
  label: Text,
  unit: Unit,
  actual: number,
  required: number | ParamUse,
  cite: Cite,
  opts: ConditionOptions = NO_OPTIONS,
): Condition {
  const first = typeof required === 'number' ? undefined : required;
  const need = first ? first.value : (required as number);
  if (need === null) throw new Error(`condition ${id}: parameter ${first!.key} is UNDEFINED`);
  const spec = specOf(id, label, unit, first, cite, opts);
  const a = round2(actual);
  const ka = smallCents(a);
  const kr = smallCents(need);
  return ka !== undefined && kr !== undefined ? centsCondition(spec, ka, kr) : new FigureCondition(spec, a, need);
}

/**
 * How many conditions a spec remembers: a check's teachers meet the same few figures again and again, and a spec
 * outlives its check (SPECS keeps a few per id), so what it keeps is bounded.
 */
const MADE_PER_SPEC = 4096;

/**
 * The condition of these figures under this spec, made once: a condition is a value (nothing changes it), and
 * the teachers of a check share few figures — puer's 360 000 conditions of 100 000 records are 12 000 distinct
 * ones, each of which every garbage collection that met it copied. A spec with a note of its own is made per
 * condition: its condition is too.
 */
function centsCondition(spec: ConditionSpec, actual: number, required: number): CentsCondition {
  if (spec.note !== undefined) return new CentsCondition(spec, actual, required);
  const made = (spec.made ??= new Map());
  const byActual = made.get(required);
  const known = byActual?.get(actual);
  if (known !== undefined) return known;
  const c = new CentsCondition(spec, actual, required);
  const count = spec.madeCount ?? 0;
  if (count < MADE_PER_SPEC) {
    if (byActual === undefined) made.set(required, new Map([[actual, c]]));
    else byActual.set(actual, c);
    spec.madeCount = count + 1;
  }
  return c;
}

/** A pass needs every binding condition; advisory ones only warn. */
export function allMet(conditions: Condition[]): boolean {
  for (let i = 0; i < conditions.length; i++) if (!(conditions[i]!.advisory || conditions[i]!.met)) return false;
  return true;
}

/** Group a teacher's counted records by year. */
export function byYear<F>(records: ConvertedRecord<F>[]): Map<number, ConvertedRecord<F>[]> {
  const m = new Map<number, ConvertedRecord<F>[]>();
  for (const r of records) {
    const y = r.record.year;
    if (y === null) continue;
    let list = m.get(y);
    if (!list) m.set(y, (list = []));
    list.push(r);
  }
  return m;
}

export function yearsOf(start: number, end: number): number[] {
  const out: number[] = [];
  for (let y = start; y <= end; y++) out.push(y);
  return out;
}

/** Records whose credits could not be computed because a number is UNDEFINED. */
export function countUndefined(records: readonly ConvertedRecord<unknown>[]): number {
  let n = 0;
  for (let i = 0; i < records.length; i++) {
    const c = records[i]!.conversion;
    if (c.counted && c.credits === null && c.hours !== null) n++;
  }
  return n;
}

/** A record's hours and credits for sumOf (nothing counts as 0), and whether it counts at all. */
export const hoursOf = (r: ConvertedRecord<unknown>): number => r.conversion.hours ?? 0;
export const creditsOf = (r: ConvertedRecord<unknown>): number => r.conversion.credits ?? 0;
export const isCounted = (r: ConvertedRecord<unknown>): boolean => r.conversion.counted;

export const FIELD_NAMES: Partial<Record<Field, Text>> = {
  teacherId: t('身份证号', 'teacher ID'),
  year: t('年度', 'year'),
  level: t('培训层次', 'level'),
  mode: t('培训方式', 'mode'),
  hours: t('学时', 'hours'),
  months: t('月数', 'months'),
  grade: t('成绩', 'grade'),
  role: t('角色', 'role'),
  rate: t('项目学分', 'rate'),
  category: t('课程类别', 'category'),
  award: t('获奖', 'award'),
};
