// Raw cell values → typed record fields. A cell may hold anything Excel, ExcelJS, a
// CSV parser or a custom function hands over: numbers, text with full-width digits
// and stray spaces, Dates, Excel date serials, booleans, error values (#N/A), or
// junk. Every value is either understood or rejected with an issue that names the
// value and what is accepted; nothing is silently dropped or guessed.
import type { Issue, IssueCode, TrainingRecord } from '../core/types';
import { t, Text } from '../core/text';
import { YEAR_RANGE } from '../core/dates';
import {
  AWARD_VOCAB,
  BOOL_SPELLINGS,
  CATEGORY_VOCAB,
  GRADE_VOCAB,
  LEVEL_VOCAB,
  MODE_VOCAB,
  ROLE_VOCAB,
  Grade,
  Level,
  Mode,
  Vocabulary,
  acceptedList,
  fold,
  lookup,
  nearestValues,
  suggestion,
} from '../core/vocabulary';
import { ColumnMap, FIELDS, FIELD_LABELS, Field } from '../core/fields';
import { CELL_TEXT_MAX, textPreview } from '../core/limits';

/** A cell read: its value, or why not (and, where one accepted value is clearly meant, that value). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: Text; suggestion?: string } | null;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (zh: string, en: string): Parsed<never> => ({ ok: false, reason: t(zh, en) });

/** Text longer than Excel's cell limit is never parsed (CELL_TEXT_MAX): an error on the cell, not a scan. */
export const isTooLong = (v: unknown): boolean => typeof v === 'string' && v.length > CELL_TEXT_MAX;
const tooLong = (v: string): Parsed<never> =>
  bad(
    `有 ${v.length} 个字符，超过可读取的上限 ${CELL_TEXT_MAX}，未读取`,
    `has ${v.length} characters, more than the ${CELL_TEXT_MAX} that are read; not read`,
  );

/** String() of anything, including objects that refuse it (null prototype, odd toString). */
export function safeString(v: unknown): string {
  try {
    return String(v);
  } catch {
    return Object.prototype.toString.call(v);
  }
}

/** An Excel error value as ExcelJS or Office.js report it. */
function errorValue(v: unknown): string | undefined {
  if (
    typeof v === 'string' &&
    /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|BUSY!|GETTING_DATA)$/i.test(v.trim())
  )
    // its own string: the memos keep it, and a slice of a parser's text would keep all of that text alive
    return own(v.trim());
  if (v && typeof v === 'object' && !(v instanceof Date) && 'error' in v)
    return safeString((v as { error: unknown }).error);
  return undefined;
}

const PLAIN = /^[\x21-\x7e\u4e00-\u9fff]+$/;

/**
 * A string of its own: a concatenation is a new string, and a slice of that copies it out. What the engine
 * keeps of a cell (a name, a cache key) must not be a parser's slice of the whole file, which it would keep.
 */
const own = (s: string): string => (s.length < 13 ? s : (s + ' ').slice(0, -1));

/** Text of a cell, or null when it is empty. Rich text and formula results are unwrapped. */
export function cellText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    // most cells are plain ASCII or CJK ideographs with nothing to fold: skip NFKC for them
    if (PLAIN.test(v)) return v;
    const s = v
      .normalize('NFKC')
      .replace(/[\s\u3000\u00a0]+/g, ' ')
      .trim();
    return s === '' ? null : s;
  }
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : null;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('result' in o) return cellText(o.result);
    if ('text' in o) return cellText(o.text);
    if (Array.isArray(o.richText))
      return cellText(o.richText.map((p: { text?: unknown }) => String(p?.text ?? '')).join(''));
  }
  return null;
}

/** Unwrap formula results and hyperlinks so parsers see the value itself. */
function unwrap(v: unknown): unknown {
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const o = v as Record<string, unknown>;
    if ('result' in o) return unwrap(o.result);
    if ('richText' in o || 'text' in o) return cellText(v);
  }
  return v;
}

export function isBlank(v: unknown): boolean {
  const u = unwrap(v);
  return (
    u === null ||
    u === undefined ||
    (typeof u === 'string' && u.trim() === '') ||
    (typeof u === 'number' && Number.isNaN(u))
  );
}

/** Units an administrator may write after a number, by what the column holds. */
export type NumberKind = 'hours' | 'days' | 'months' | 'credits' | 'score' | 'plain';
const UNITS: Record<NumberKind, RegExp | null> = {
  hours: /^(学时|小时|课时|h|hrs?|hours?)$/i,
  days: /^(天|日|d|days?)$/i,
  months: /^(个月|月|months?)$/i,
  credits: /^(学分|credits?)$/i,
  score: /^(分|points?)$/i,
  plain: null,
};
const UNIT_NAMES: Record<NumberKind, Text> = {
  hours: t('学时', 'hours'),
  days: t('天', 'days'),
  months: t('月', 'months'),
  credits: t('学分', 'credits'),
  score: t('分', 'points'),
  plain: t('', ''),
};
/** Larger figures are typing slips (or binary junk): they would overflow every total. */
export const MAX_NUMBER = 100_000;

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || /\s/.test(c);

/**
 * "+1,000.5 学时" → sign, digits and unit, in one pass (a scanner rather than a regular expression, whose
 * backtracking grew with the square of a 40 000-digit cell). The number is "1,234,567(.89)" with groups of
 * three, or "24", "24.", "24.5", ".5"; the unit is what follows, after optional space, and holds no space.
 */
function scanNumber(s: string): { sign: string; digits: string; unit: string } | null {
  let i = 0;
  const sign = s[0] === '+' || s[0] === '-' ? s[0] : '';
  if (sign) i++;
  while (i < s.length && isSpace(s[i]!)) i++;
  const start = i;
  let j = i;
  while (isDigit(s[j])) j++;
  const lead = j - i;
  if (lead >= 1 && lead <= 3 && s[j] === ',' && isDigit(s[j + 1]) && isDigit(s[j + 2]) && isDigit(s[j + 3])) {
    // groups of three after the leading one to three digits, then an optional fraction
    while (s[j] === ',' && isDigit(s[j + 1]) && isDigit(s[j + 2]) && isDigit(s[j + 3])) j += 4;
    if (s[j] === '.' && isDigit(s[j + 1])) for (j++; isDigit(s[j]);) j++;
  } else if (lead >= 1) {
    if (s[j] === '.') for (j++; isDigit(s[j]);) j++;
  } else if (s[j] === '.' && isDigit(s[j + 1])) {
    for (j++; isDigit(s[j]);) j++;
  } else return null;
  const digits = s.slice(start, j);
  while (j < s.length && isSpace(s[j]!)) j++;
  for (let k = j; k < s.length; k++) if (isSpace(s[k]!)) return null;
  return { sign, digits, unit: s.slice(j) };
}

/**
 * A number, optionally followed by the column's unit: "24", "２４", "24学时", "1,000".
 * A different unit ("3天" in the hours column), a decimal comma ("1,5") or two numbers
 * ("24 36") are rejected rather than guessed.
 */
export function parseNumber(v: unknown, kind: NumberKind = 'plain'): Parsed<number> {
  const u = unwrap(v);
  if (isBlank(u)) return null;
  const err = errorValue(u);
  if (err) return bad(`单元格是错误值 ${err}`, `the cell holds the error value ${err}`);
  let n: number;
  if (typeof u === 'number') {
    if (!Number.isFinite(u)) return bad('不是有限的数', 'not a finite number');
    n = u;
  } else if (typeof u === 'boolean') {
    return bad('是逻辑值，不是数字', 'is a TRUE/FALSE value, not a number');
  } else if (u instanceof Date) {
    return bad('是日期，不是数字', 'is a date, not a number');
  } else if (typeof u !== 'string') {
    return bad('不是数字', 'not a number');
  } else {
    if (isTooLong(u)) return tooLong(u);
    const m = scanNumber(u.normalize('NFKC').trim());
    if (!m) return bad('不是数字', 'not a number');
    const unit = m.unit;
    if (unit !== '') {
      const accepted = UNITS[kind];
      if (!accepted || !accepted.test(unit)) {
        return kind === 'plain'
          ? bad('不是数字', 'not a number')
          : bad(
              `的单位“${unit}”不对，本列应为${UNIT_NAMES[kind].zh}`,
              `has the unit "${unit}", but this column holds ${UNIT_NAMES[kind].en}`,
            );
      }
    }
    n = Number(m.sign + m.digits.replace(/,/g, ''));
    if (!Number.isFinite(n)) return bad('不是有限的数', 'not a finite number');
  }
  if (Math.abs(n) > MAX_NUMBER)
    return bad(`大于 ${MAX_NUMBER}，不可能是真实数值`, `exceeds ${MAX_NUMBER}, which cannot be real`);
  return ok(n);
}

const MIN_YEAR = YEAR_RANGE.min;
const MAX_YEAR = YEAR_RANGE.max;
/** Excel serials of 1990-01-01 and 2100-12-31 (1900 date system). */
const SERIAL_MIN = 32874;
const SERIAL_MAX = 73415;

function serialToDate(serial: number): Date {
  // Excel's day 0 is 1899-12-30 once its fictitious 1900-02-29 is accounted for.
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
}

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= last;
}

/**
 * A year from a year or date cell: 2023, "2023年", "2023年度", a Date, an Excel date
 * serial, "2023-07-15", "2023/7/15", "2023年7月15日", "2023.7", "20230715". A span
 * such as "2023.12-2024.1" gives the year it ends in, the year a cross-year project
 * is registered in (hainan 第十四条 1).
 */
const yearMemo = new Map<string, Parsed<number>>();

export function parseYear(v: unknown): Parsed<number> {
  if (typeof v === 'string') {
    // dates repeat across a roster's rows; their reading never changes
    let p = yearMemo.get(v);
    if (p === undefined) {
      p = readYear(v);
      if (yearMemo.size > 5000) yearMemo.clear();
      yearMemo.set(own(v), p);
    }
    return p;
  }
  return readYear(v);
}

function readYear(v: unknown): Parsed<number> {
  const u = unwrap(v);
  if (isBlank(u)) return null;
  if (isTooLong(u)) return tooLong(u as string);
  const err = errorValue(u);
  if (err) return bad(`单元格是错误值 ${err}`, `the cell holds the error value ${err}`);
  let year: number | undefined;
  if (u instanceof Date) {
    if (Number.isNaN(u.getTime())) return bad('不是有效日期', 'not a valid date');
    year = u.getUTCFullYear();
  } else if (typeof u === 'number') {
    if (!Number.isFinite(u)) return bad('不是有效年份或日期', 'not a valid year or date');
    if (Number.isInteger(u) && u >= 1000 && u <= 9999) year = u;
    else if (u >= SERIAL_MIN && u <= SERIAL_MAX) year = serialToDate(u).getUTCFullYear();
    else return bad('不是年份，也不是 Excel 日期', 'neither a year nor an Excel date');
  } else if (typeof u === 'string') {
    const s = fold(u);
    let m: RegExpMatchArray | null;
    if ((m = s.match(/^(\d{4})(年度?|年)?$/))) year = Number(m[1]);
    else if (/^\d{5}(\.\d+)?$/.test(s)) {
      // an Excel serial typed or exported as text ("45123", "45123.5")
      if (+s < SERIAL_MIN || +s > SERIAL_MAX)
        return bad('不是年份，也不是 Excel 日期', 'neither a year nor an Excel date');
      year = serialToDate(+s).getUTCFullYear();
    } else if ((m = s.match(/^(\d{4})(\d{2})(\d{2})$/))) {
      if (!validYmd(+m[1]!, +m[2]!, +m[3]!)) return bad('日期不存在', 'no such date');
      year = +m[1]!;
    } else {
      const dates = [...s.matchAll(/(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})(?!\d)(?:\s*[-/.月]\s*(\d{1,2})(?!\d))?/g)];
      if (dates.length === 0) {
        return bad('看不出年份或日期', 'no year or date can be read');
      } else {
        const last = dates[dates.length - 1]!;
        const y = +last[1]!;
        const mo = +last[2]!;
        const d = last[3] === undefined ? 1 : +last[3];
        if (!validYmd(y, mo, d)) return bad('日期不存在', 'no such date');
        year = y;
      }
    }
  } else {
    return bad('不是年份或日期', 'not a year or a date');
  }
  if (year < MIN_YEAR || year > MAX_YEAR)
    return bad(`年份 ${year} 不在 ${MIN_YEAR}–${MAX_YEAR} 之间`, `year ${year} is outside ${MIN_YEAR}–${MAX_YEAR}`);
  return ok(year);
}

/** Score bands of 普洱 第十一条 3, which the roster vocabulary adopts for every region. */
export function gradeOfScore(score: number): Grade {
  if (score >= 90) return 'excellent';
  if (score >= 80) return 'good';
  if (score >= 70) return 'fair';
  if (score >= 60) return 'pass';
  return 'fail';
}

export function parseGrade(v: unknown): Parsed<{ grade: Grade; score?: number }> {
  const u = unwrap(v);
  if (isBlank(u)) return null;
  if (isTooLong(u)) return tooLong(u as string);
  const err = errorValue(u);
  if (err) return bad(`单元格是错误值 ${err}`, `the cell holds the error value ${err}`);
  const n = parseNumber(u, 'score');
  if (n && n.ok) {
    if (n.value < 0 || n.value > 100) return bad('分数应在 0–100 之间', 'a score must lie within 0–100');
    return ok({ grade: gradeOfScore(n.value), score: n.value });
  }
  const text = cellText(u);
  if (text === null) return bad('不是成绩', 'not a grade');
  const g = lookup(GRADE_VOCAB, text);
  if (g) return ok({ grade: g });
  return vocabReject(GRADE_VOCAB, text);
}

function vocabReject<T extends string>(vocab: Vocabulary<T>, text: string): Parsed<never> {
  const near = nearestValues(vocab, text);
  const all = acceptedList(vocab);
  const fix = suggestion(near);
  const nearZh = near.length ? `最接近的是：${near.map((c) => c.spelling).join('、')}；` : '';
  const nearEn = near.length ? `nearest: ${near.map((c) => c.value).join(', ')}; ` : '';
  return {
    ok: false,
    reason: t(
      `不是可识别的${vocab.name.zh}，${nearZh}可用值：${all.zh}`,
      `not a known ${vocab.name.en}; ${nearEn}accepted: ${all.en}`,
    ),
    ...(fix ? { suggestion: fix.spelling } : {}),
  };
}

export function parseVocab<T extends string>(vocab: Vocabulary<T>, v: unknown, aliases?: Record<string, T>): Parsed<T> {
  const u = unwrap(v);
  if (isBlank(u)) return null;
  if (isTooLong(u)) return tooLong(u as string);
  const err = errorValue(u);
  if (err) return bad(`单元格是错误值 ${err}`, `the cell holds the error value ${err}`);
  const text = cellText(u);
  if (text === null) return bad(`不是${vocab.name.zh}`, `not a ${vocab.name.en}`);
  const found = lookup(vocab, text, aliases);
  if (found) return ok(found);
  return vocabReject(vocab, text);
}

const YES = new Set(BOOL_SPELLINGS.yes.map(fold));
const NO = new Set(BOOL_SPELLINGS.no.map(fold));

export function parseBool(v: unknown): Parsed<boolean> {
  const u = unwrap(v);
  if (isBlank(u)) return null;
  if (isTooLong(u)) return tooLong(u as string);
  if (typeof u === 'boolean') return ok(u);
  const text = cellText(u);
  if (text === null) return bad('不是 是/否', 'not yes/no');
  const k = fold(text);
  if (YES.has(k)) return ok(true);
  if (NO.has(k)) return ok(false);
  return bad('应填 是 或 否', 'expected 是/否 (yes/no)');
}

/**
 * Why an ID cell cannot tell teachers apart: Excel turned it into scientific notation (4.601E+17, the
 * CSV of an ID column not formatted as text), it was stored as a number and lost its last digits, or a
 * resident-ID column holds a value of the wrong length. Such records are never merged by that value.
 */
export type IdProblem = 'scientific' | 'lostDigits' | 'length';

export type ParsedId = Parsed<string> | { ok: false; reason: Text; problem: IdProblem; shown: string };

const ID_PROBLEM: Record<IdProblem, Text> = {
  scientific: t('被存成了科学计数法，无法区分教师', 'was saved in scientific notation and cannot tell teachers apart'),
  lostDigits: t(
    '以数字保存，已丢失末位；请把该列设为文本后重新录入',
    'is stored as a number and has lost its last digits; format the column as text and re-enter it',
  ),
  length: t(
    '长度不对：身份证号应为 18 位（或 15 位旧号）',
    'has the wrong length: an ID has 18 characters (or 15, the old form)',
  ),
};
const unusable = (problem: IdProblem, shown: string): ParsedId => ({
  ok: false,
  reason: ID_PROBLEM[problem],
  problem,
  shown,
});

const SCIENTIFIC = /^[+-]?\d(?:[.,]\d+)?e\+?\d{1,3}$/i;

/**
 * A teacher identifier. `residentId`: the column is headed 身份证号 (or a synonym), so anything but 15 or 18
 * characters cannot be a person's ID; a staff-number column (教师编号, 工号) takes any text.
 */
export function parseId(v: unknown, residentId = false): ParsedId {
  const u = unwrap(v);
  if (isBlank(u)) return null;
  if (isTooLong(u)) return tooLong(u as string);
  const err = errorValue(u);
  if (err) return { ok: false, reason: t(`单元格是错误值 ${err}`, `the cell holds the error value ${err}`) };
  if (typeof u === 'number') {
    if (!Number.isFinite(u) || u < 0 || !Number.isInteger(u))
      return { ok: false, reason: t('不是编号', 'not an identifier') };
    // Excel keeps 15 significant digits: an 18-digit ID typed into a number cell has lost its last ones
    if (!Number.isSafeInteger(u)) return unusable('lostDigits', String(u));
    const s = String(u);
    if (residentId && s.length !== 15 && s.length !== 18) return unusable('length', s);
    return { ok: true, value: s };
  }
  const text = cellText(u);
  if (text === null) return { ok: false, reason: t('不是编号', 'not an identifier') };
  const id = text.replace(/\s+/g, '').toUpperCase();
  if (SCIENTIFIC.test(id)) return unusable('scientific', text);
  if (residentId && /^\d+X?$/.test(id) && id.length !== 15 && id.length !== 18) return unusable('length', text);
  return { ok: true, value: id };
}

export function parseText(v: unknown): string | null {
  const u = unwrap(v);
  if (errorValue(u) || isTooLong(u)) return null;
  return cellText(u);
}

export interface NormalizeOptions {
  levelAliases?: Record<string, Level>;
  modeAliases?: Record<string, Mode>;
}

export interface NormalizedRow {
  record: TrainingRecord;
  issues: Issue[];
  rejected: ReadonlySet<Field>;
}

function reject(
  issues: Issue[],
  rejected: Set<Field>,
  field: Field,
  raw: unknown,
  reason: Text,
  code: IssueCode,
  fix?: string,
): void {
  rejected.add(field);
  const shown = cellText(unwrap(raw)) ?? errorValue(unwrap(raw)) ?? safeString(raw);
  const label = FIELD_LABELS[field];
  issues.push({
    code,
    severity: 'error',
    field,
    ...(fix !== undefined ? { suggestion: fix } : {}),
    value: shown,
    message: t(`${label.zh}「${shown}」${reason.zh}`, `${label.en} "${shown}": ${reason.en}`),
  });
}

const CODES: Partial<Record<Field, IssueCode>> = {
  hours: 'HOURS_NOT_NUMBER',
  days: 'DAYS_NOT_NUMBER',
  months: 'MONTHS_NOT_NUMBER',
  rate: 'RATE_NOT_NUMBER',
  credits: 'CREDITS_NOT_NUMBER',
  year: 'YEAR_INVALID',
  date: 'DATE_INVALID',
  hireYear: 'HIRE_YEAR_INVALID',
  level: 'LEVEL_UNKNOWN',
  mode: 'MODE_UNKNOWN',
  grade: 'GRADE_UNKNOWN',
  award: 'AWARD_UNKNOWN',
  role: 'ROLE_UNKNOWN',
  category: 'CATEGORY_UNKNOWN',
  selfSelected: 'BOOL_INVALID',
  classTeacher: 'BOOL_INVALID',
  assessment: 'BOOL_INVALID',
  exempt: 'BOOL_INVALID',
  teacherId: 'ID_INVALID',
};

/** True when no mapped cell of the row holds anything. */
export function isBlankRow(cells: ReadonlyArray<unknown>, map: ColumnMap): boolean {
  const mapped = mappedOf(map);
  for (let k = 0; k < mapped.length; k++) if (!isBlank(cells[mapped[k]!])) return false;
  return true;
}

/** A column map's column indices, in FIELDS order: read on every row, made once per map. */
const mappedCache = new WeakMap<ColumnMap, number[]>();
function mappedOf(map: ColumnMap): number[] {
  let m = mappedCache.get(map);
  if (!m) {
    m = [];
    for (const f of FIELDS) {
      const i = map.columns[f];
      if (i !== undefined) m.push(i);
    }
    mappedCache.set(map, m);
  }
  return m;
}

// ---- per-row cost ------------------------------------------------------------------
// A roster repeats the same few texts on every row (省级, 集中培训, 合格, a teacher's ID on each of their
// records), and a cell's reading depends on its text alone: each distinct text is read once per field kind
// and its reading (a frozen answer) reused. Bounded: a cache that fills up starts again.

const MEMO_MAX = 20_000;
type Cache<T> = Map<string, Parsed<T>>;

function remember<T>(cache: Cache<T>, text: string, p: Parsed<T>): Parsed<T> {
  if (cache.size >= MEMO_MAX) cache.clear();
  // the key a string of its own: a parser's cell may be a slice that keeps the whole file's text alive
  cache.set(own(text), p);
  return p;
}

const NO_ALIASES = {};
const vocabCaches = new WeakMap<object, WeakMap<object, Cache<string>>>();

function vocabCell<T extends string>(vocab: Vocabulary<T>, v: unknown, aliases?: Record<string, T>): Parsed<T> {
  if (typeof v !== 'string') return parseVocab(vocab, v, aliases);
  let byAliases = vocabCaches.get(vocab);
  if (!byAliases) vocabCaches.set(vocab, (byAliases = new WeakMap()));
  const key = aliases ?? NO_ALIASES;
  let cache = byAliases.get(key) as Cache<T> | undefined;
  if (!cache) byAliases.set(key, (cache = new Map()));
  const hit = cache.get(v);
  return hit !== undefined ? hit : remember(cache, v, parseVocab(vocab, v, aliases));
}

const numberCaches: Record<NumberKind, Cache<number>> = {
  hours: new Map(),
  days: new Map(),
  months: new Map(),
  credits: new Map(),
  score: new Map(),
  plain: new Map(),
};

function numberCell(v: unknown, kind: NumberKind): Parsed<number> {
  if (typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= MAX_NUMBER) return { ok: true, value: v };
  if (typeof v !== 'string') return parseNumber(v, kind);
  const cache = numberCaches[kind];
  const hit = cache.get(v);
  return hit !== undefined ? hit : remember(cache, v, parseNumber(v, kind));
}

const gradeCache: Cache<{ grade: Grade; score?: number }> = new Map();
const gradeCell = (v: unknown) => {
  if (typeof v !== 'string') return parseGrade(v);
  const hit = gradeCache.get(v);
  return hit !== undefined ? hit : remember(gradeCache, v, parseGrade(v));
};

const boolCache: Cache<boolean> = new Map();
const boolCell = (v: unknown) => {
  if (typeof v !== 'string') return parseBool(v);
  const hit = boolCache.get(v);
  return hit !== undefined ? hit : remember(boolCache, v, parseBool(v));
};

/**
 * The cell read just before in a column, and its reading. A roster lists a teacher's records one after another:
 * their ID, name and school repeat the row above, and comparing with it costs less than hashing the text again.
 */
class LastCell<T> {
  raw: string | undefined = undefined;
  value!: T;
}

const idCaches = [new Map<string, ParsedId>(), new Map<string, ParsedId>()];
const lastIds = [new LastCell<ParsedId>(), new LastCell<ParsedId>()];
function idCell(v: unknown, residentId: boolean): ParsedId {
  if (typeof v !== 'string') return parseId(v, residentId);
  const last = lastIds[residentId ? 1 : 0]!;
  if (v === last.raw) return last.value;
  // its own copy: a parser's cell may be a slice that keeps the whole file's text alive (see `own`)
  last.raw = own(v);
  return (last.value = idFromCache(v, residentId));
}

function idFromCache(v: string, residentId: boolean): ParsedId {
  const cache = idCaches[residentId ? 1 : 0]!;
  const hit = cache.get(v);
  if (hit !== undefined) return hit;
  const p = parseId(v, residentId);
  if (cache.size >= MEMO_MAX) cache.clear();
  cache.set(own(v), p);
  return p;
}

/** A free-text cell's error value (#N/A), if it holds one; most text has no '#' and needs no look. */
const textError = (raw: unknown): string | undefined =>
  typeof raw === 'string' && raw.indexOf('#') < 0 ? undefined : errorValue(unwrap(raw));

/** A free-text cell read: its text as the record keeps it, and the error value (#N/A) it holds, if any. */
interface TextRead {
  text: string | null;
  err: string | undefined;
  /** the memo's own copy of the cell's text (textFromCache), which the column's LastCell keeps */
  key?: string;
}
const NO_TEXT: TextRead = { text: null, err: undefined };

/**
 * Names, schools, projects and certificate numbers as a record keeps them: one string for each distinct text,
 * held apart from the file's text. A parser's cells are often slices of the whole decoded file, which a single
 * kept slice holds in memory; a roster repeats its schools and projects on thousands of rows. One memo a column:
 * a teacher's project changes on most rows and is looked up in its column's few dozen projects, not among the
 * thousands of names and certificate numbers.
 */
const texts = [0, 1, 2, 3].map(() => new Map<string, TextRead>());

/** The name, school, project and certificate columns' last cells (LastCell). */
const lastTexts = [0, 1, 2, 3].map(() => new LastCell<TextRead>());
const NAME = 0;
const SCHOOL = 1;
const PROJECT = 2;
const CERTIFICATE = 3;

function textRead(raw: unknown, slot: number): TextRead {
  if (typeof raw !== 'string') return raw === undefined ? NO_TEXT : { text: parseText(raw), err: textError(raw) };
  const last = lastTexts[slot]!;
  if (raw === last.raw) return last.value;
  const v = textFromCache(texts[slot]!, raw);
  // the memo's own copy of the text, made once: not a copy of the cell made on every row it differs from the last
  last.raw = v.key;
  return (last.value = v);
}

function textFromCache(memo: Map<string, TextRead>, raw: string): TextRead {
  let v = memo.get(raw);
  if (v === undefined) {
    const key = own(raw);
    const plain = raw.indexOf('#') < 0;
    const read = plain && PLAIN.test(raw) ? key : parseText(raw);
    v = { text: read === null || read === key ? read : own(read), err: plain ? undefined : errorValue(raw), key };
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(key, v);
  }
  return v;
}

/**
 * A normalized record: every field its roster can fill exists from the start (undefined when the row has no
 * value), so that all records of a table have one shape and every rule reads their fields at full speed. A
 * field no column of the roster feeds is not the record's own: it reads undefined from the prototype, as it
 * did when every record kept a slot for it — 8 bytes each of ~10 such fields on every record kept to the end.
 * The fields are made in one order whatever the columns, so a record's keys keep their order.
 */
class NormalizedRecord implements TrainingRecord {
  year: number | null = null;
  declare level: Level | undefined;
  declare mode: Mode | undefined;
  declare hours: number | undefined;
  declare days: number | undefined;
  declare months: number | undefined;
  declare grade: Grade | undefined;
  declare score: number | undefined;
  declare award: TrainingRecord['award'];
  declare role: TrainingRecord['role'];
  declare rate: number | undefined;
  declare category: TrainingRecord['category'];
  declare selfSelected: boolean | undefined;
  declare enteredCredits: number | undefined;
  declare certificate: string | undefined;
  declare classTeacher: boolean | undefined;
  declare assessment: boolean | undefined;
  declare hireYear: number | undefined;
  declare exempt: boolean | undefined;
  declare idProblem: TrainingRecord['idProblem'];
  constructor(
    public row: number,
    public teacherId: string | null,
    public name: string | null,
    public school: string | null,
    public project: string | null,
    col: Columns,
  ) {
    // what each field is read from (readActivity …); hours also from days (the engine converts them)
    if (col.level >= 0) this.level = undefined;
    if (col.mode >= 0) this.mode = undefined;
    if (col.hours >= 0 || col.days >= 0) this.hours = undefined;
    if (col.days >= 0) this.days = undefined;
    if (col.months >= 0) this.months = undefined;
    if (col.grade >= 0) {
      this.grade = undefined;
      this.score = undefined;
    }
    if (col.award >= 0) this.award = undefined;
    if (col.role >= 0) this.role = undefined;
    if (col.rate >= 0) this.rate = undefined;
    if (col.category >= 0) this.category = undefined;
    if (col.selfSelected >= 0) this.selfSelected = undefined;
    if (col.credits >= 0) this.enteredCredits = undefined;
    if (col.certificate >= 0) this.certificate = undefined;
    if (col.classTeacher >= 0) this.classTeacher = undefined;
    if (col.assessment >= 0) this.assessment = undefined;
    if (col.hireYear >= 0) this.hireYear = undefined;
    if (col.exempt >= 0) this.exempt = undefined;
    if (col.teacherId >= 0) this.idProblem = undefined;
  }
}

// every optional field reads undefined where the record has none of its own ('hours' in record holds, as before):
// the fields are those the constructor makes for a roster with every column, less the ones every record owns
const ALWAYS_OWN = new Set(['row', 'teacherId', 'name', 'school', 'project', 'year']);
const EVERY_COLUMN = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Columns;
for (const f of Object.keys(new NormalizedRecord(0, null, null, null, null, EVERY_COLUMN)))
  if (!ALWAYS_OWN.has(f))
    Object.defineProperty(NormalizedRecord.prototype, f, { value: undefined, writable: true, enumerable: false });

/** A column map as one index per field (-1: no such column), read by name on every row. */
type Columns = { readonly [F in Field]: number };
const columnsCache = new WeakMap<ColumnMap, Columns>();
let lastMap: ColumnMap | undefined;
let lastColumns: Columns | undefined;

function columnsOf(map: ColumnMap): Columns {
  if (map === lastMap) return lastColumns!;
  let c = columnsCache.get(map);
  if (!c) {
    const o = {} as Record<Field, number>;
    for (const f of FIELDS) o[f] = map.columns[f] ?? -1;
    columnsCache.set(map, (c = o));
  }
  lastMap = map;
  lastColumns = c;
  return c;
}

const NO_CELLS: ReadonlyArray<unknown> = [];

/**
 * The row being read: its cells, its issues, and the fields rejected (a set made only when one is). One for a
 * whole table (RowReader), started again on each row: a state per row was two objects more for each of a
 * roster's rows, made and dropped, that the collector had to sweep.
 */
class RowState {
  rejected: Set<Field> | undefined = undefined;
  private long: Set<Field> | undefined = undefined;
  cells: ReadonlyArray<unknown> = NO_CELLS;
  constructor(readonly issues: Issue[]) {}

  /** A new row: nothing of the row before is kept (the issues list is the caller's, emptied by it). */
  start(cells: ReadonlyArray<unknown>): void {
    this.cells = cells;
    this.rejected = undefined;
    this.long = undefined;
  }

  reject(f: Field, raw: unknown, reason: Text, code: IssueCode, fix?: string): void {
    reject(this.issues, (this.rejected ??= new Set()), f, raw, reason, code, fix);
  }

  /**
   * The cell of field `f` in column `i` (-1: none). Text longer than CELL_TEXT_MAX is never parsed: said once,
   * the field rejected, and as good as empty.
   */
  get(f: Field, i: number): unknown {
    if (i < 0) return undefined;
    const v = this.cells[i];
    if (typeof v === 'string' && v.length > CELL_TEXT_MAX) {
      this.tooLong(f, v);
      return undefined;
    }
    return v;
  }

  private tooLong(f: Field, text: string): void {
    if ((this.long ??= new Set()).has(f)) return;
    this.long.add(f);
    (this.rejected ??= new Set()).add(f);
    const label = FIELD_LABELS[f];
    this.issues.push({
      code: 'CELL_TOO_LONG',
      severity: 'error',
      field: f,
      value: textPreview(text),
      message: t(
        `${label.zh}单元格的文字有 ${text.length} 个字符，超过可读取的上限 ${CELL_TEXT_MAX}，未读取`,
        `${label.en}: the cell holds ${text.length} characters, more than the ${CELL_TEXT_MAX} that are read; not read`,
      ),
    });
  }

  take<T>(f: Field, raw: unknown, p: Parsed<T>): T | undefined {
    if (p === null) return undefined;
    if (p.ok) return p.value;
    this.reject(f, raw, p.reason, CODES[f] ?? 'VALUE_INVALID', p.suggestion);
    return undefined;
  }
}

const NOTHING_REJECTED: ReadonlySet<Field> = new Set();

/** A whole year within the accepted range, as every row gives it: its reading, made once. */
const YEARS: Parsed<number>[] = [];
function yearCell(v: unknown): Parsed<number> {
  if (typeof v === 'number' && Number.isInteger(v) && v >= MIN_YEAR && v <= MAX_YEAR)
    return (YEARS[v - MIN_YEAR] ??= { ok: true, value: v });
  return parseYear(v);
}

/** The free-text fields: any text is taken, but an error value (#N/A) in them is reported. */
type TextField = 'name' | 'school' | 'project' | 'certificate';

/** A free-text cell, with the error value (#N/A) it holds reported. */
function textField(st: RowState, f: TextField, i: number, slot: number): string | null {
  const r = textRead(st.get(f, i), slot);
  if (r.err) {
    const label = FIELD_LABELS[f];
    st.issues.push({
      code: 'CELL_ERROR_VALUE',
      severity: f === 'certificate' ? 'error' : 'warning',
      field: f,
      value: r.err,
      message: t(`${label.zh}单元格是错误值 ${r.err}`, `${label.en}: the cell holds the error value ${r.err}`),
    });
  }
  return r.text;
}

/** A certificate number without its spaces, as the rules compare them (the last one's made once). */
const lastCertificate = new LastCell<string>();
function compactCertificate(text: string): string {
  // the text is the memo's own string already (textFromCache): kept as it is
  if (text !== lastCertificate.raw) {
    lastCertificate.raw = text;
    lastCertificate.value = text.replace(/\s+/g, '');
  }
  return lastCertificate.value;
}

/**
 * Who the row is about: the teacher's ID (or why it is unusable), name, school and certificate number, and the
 * project. The free-text cells are read (and their error values said) before the ID.
 */
function identify(st: RowState, col: Columns, map: ColumnMap, row: number): TrainingRecord {
  const name = textField(st, 'name', col.name, NAME);
  const school = textField(st, 'school', col.school, SCHOOL);
  const project = textField(st, 'project', col.project, PROJECT);
  const certificate = textField(st, 'certificate', col.certificate, CERTIFICATE);
  const rawId = st.get('teacherId', col.teacherId);
  const id = idCell(rawId, map.teacherIdIsIdNumber);
  let teacherId: string | null = null;
  if (id && id.ok) teacherId = id.value;
  else if (id && !('problem' in id)) st.reject('teacherId', rawId, id.reason, 'ID_INVALID');
  const record: TrainingRecord = new NormalizedRecord(row, teacherId, name, school, project, col);
  if (certificate !== null) record.certificate = compactCertificate(certificate);
  // reported once per teacher by the engine, which groups such rows by name and school instead
  if (id && 'problem' in id) record.idProblem = { kind: id.problem, shown: id.shown };
  return record;
}

/** The row's year: the year column, else the date's year; a year column the date disagrees with is said. */
function readRowYear(st: RowState, col: Columns, record: TrainingRecord): void {
  const issues = st.issues;
  let raw = st.get('year', col.year);
  const year = st.take('year', raw, yearCell(raw));
  raw = st.get('date', col.date);
  const dateYear = st.take('date', raw, yearCell(raw));
  record.year = year ?? dateYear ?? null;
  if (year !== undefined && dateYear !== undefined && year !== dateYear) {
    issues.push({
      code: 'YEAR_DATE_MISMATCH',
      severity: 'warning',
      field: 'year',
      value: String(year),
      message: t(
        `年度 ${year} 与培训时间的年份 ${dateYear} 不一致，按年度 ${year} 登记`,
        `year ${year} differs from the date's year ${dateYear}; the year column is used`,
      ),
    });
  }
}

/** What the training was: its level, mode, hours (or days, months), grade, award and the teacher's role. */
function readActivity(st: RowState, col: Columns, record: TrainingRecord, opts: NormalizeOptions): void {
  let raw = st.get('level', col.level);
  const level = st.take('level', raw, vocabCell(LEVEL_VOCAB, raw, opts.levelAliases));
  if (level !== undefined) record.level = level;
  raw = st.get('mode', col.mode);
  const mode = st.take('mode', raw, vocabCell(MODE_VOCAB, raw, opts.modeAliases));
  if (mode !== undefined) record.mode = mode;
  raw = st.get('hours', col.hours);
  const hours = st.take('hours', raw, numberCell(raw, 'hours'));
  if (hours !== undefined) record.hours = hours;
  if (col.days >= 0) {
    raw = st.get('days', col.days);
    const days = st.take('days', raw, numberCell(raw, 'days'));
    if (days !== undefined) record.days = days;
  }
  if (col.months >= 0) {
    raw = st.get('months', col.months);
    const months = st.take('months', raw, numberCell(raw, 'months'));
    if (months !== undefined) record.months = months;
  }
  if (col.grade >= 0) {
    raw = st.get('grade', col.grade);
    const g = st.take('grade', raw, gradeCell(raw));
    if (g) {
      record.grade = g.grade;
      if (g.score !== undefined) record.score = g.score;
    }
  }
  if (col.award >= 0) {
    raw = st.get('award', col.award);
    const award = st.take('award', raw, vocabCell(AWARD_VOCAB, raw));
    if (award !== undefined) record.award = award;
  }
  if (col.role >= 0) {
    raw = st.get('role', col.role);
    const role = st.take('role', raw, vocabCell(ROLE_VOCAB, raw));
    if (role !== undefined) record.role = role;
  }
}

/** What the roster says of the credits: the project rate, module, self-selection, entered credits. */
function readCreditFacts(st: RowState, col: Columns, record: TrainingRecord): void {
  let raw: unknown;
  if (col.rate >= 0) {
    raw = st.get('rate', col.rate);
    const rate = st.take('rate', raw, numberCell(raw, 'credits'));
    if (rate !== undefined) record.rate = rate;
  }
  if (col.category >= 0) {
    raw = st.get('category', col.category);
    const category = st.take('category', raw, vocabCell(CATEGORY_VOCAB, raw));
    if (category !== undefined) record.category = category;
  }
  if (col.selfSelected >= 0) {
    raw = st.get('selfSelected', col.selfSelected);
    const selfSelected = st.take('selfSelected', raw, boolCell(raw));
    if (selfSelected !== undefined) record.selfSelected = selfSelected;
  }
  if (col.credits >= 0) {
    raw = st.get('credits', col.credits);
    const entered = st.take('credits', raw, numberCell(raw, 'credits'));
    if (entered !== undefined) record.enteredCredits = entered;
  }
}

/** What the row says of the teacher: class teacher, assessment, hire year, exemption. */
function readTeacherFacts(st: RowState, col: Columns, record: TrainingRecord): void {
  let raw: unknown;
  if (col.classTeacher >= 0) {
    raw = st.get('classTeacher', col.classTeacher);
    const classTeacher = st.take('classTeacher', raw, boolCell(raw));
    if (classTeacher !== undefined) record.classTeacher = classTeacher;
  }
  if (col.assessment >= 0) {
    raw = st.get('assessment', col.assessment);
    const assessment = st.take('assessment', raw, boolCell(raw));
    if (assessment !== undefined) record.assessment = assessment;
  }
  if (col.hireYear >= 0) {
    raw = st.get('hireYear', col.hireYear);
    const hireYear = st.take('hireYear', raw, yearCell(raw));
    if (hireYear !== undefined) record.hireYear = hireYear;
  }
  if (col.exempt >= 0) {
    raw = st.get('exempt', col.exempt);
    const exempt = st.take('exempt', raw, boolCell(raw));
    if (exempt !== undefined) record.exempt = exempt;
  }
}

/** Hours, days, months, rates and credits are never negative: such a figure is refused. */
function noNegatives(st: RowState, col: Columns, record: TrainingRecord): void {
  // each field by its name: a field read by a variable name costs a generic look-up on every row
  if (record.hours !== undefined && record.hours < 0) refuseNegative(st, col, record, 'hours');
  if (record.days !== undefined && record.days < 0) refuseNegative(st, col, record, 'days');
  if (record.months !== undefined && record.months < 0) refuseNegative(st, col, record, 'months');
  if (record.rate !== undefined && record.rate < 0) refuseNegative(st, col, record, 'rate');
  if (record.enteredCredits !== undefined && record.enteredCredits < 0) refuseNegative(st, col, record, 'credits');
}

function refuseNegative(st: RowState, col: Columns, record: TrainingRecord, f: SignedField): void {
  st.reject(
    f,
    st.get(f, col[f]),
    t('不能为负数', 'must not be negative'),
    f === 'hours' ? 'HOURS_NEGATIVE' : 'VALUE_NEGATIVE',
  );
  record[f === 'credits' ? 'enteredCredits' : f] = undefined;
}

/**
 * Reads the rows of one table, one after another. Region-independent apart from the level and mode aliases (区级
 * means different things; 示范课 is lecturing in Hainan and a school-based form in Zhengzhou). `issues`: the list
 * each row's issues are added to (the engine's one list for every row, emptied before each and copied out when
 * not empty).
 */
export class RowReader {
  private readonly st: RowState;
  private readonly col: Columns;
  constructor(
    private readonly map: ColumnMap,
    private readonly opts: NormalizeOptions = {},
    issues: Issue[] = [],
  ) {
    this.st = new RowState(issues);
    this.col = columnsOf(map);
  }

  /** The fields the last row read had rejected (the same set as long as that row's record is looked at). */
  get rejected(): ReadonlySet<Field> {
    return this.st.rejected ?? NOTHING_REJECTED;
  }

  /** One row's record; `row` is the sheet row number reported to the user. */
  read(cells: ReadonlyArray<unknown>, row: number): TrainingRecord {
    const st = this.st;
    const col = this.col;
    st.start(cells);
    const record = identify(st, col, this.map, row);
    readRowYear(st, col, record);
    readActivity(st, col, record, this.opts);
    readCreditFacts(st, col, record);
    readTeacherFacts(st, col, record);
    noNegatives(st, col, record);
    return record;
  }
}

/** Normalize one roster row (RowReader for a single row). */
export function normalizeRow(
  cells: ReadonlyArray<unknown>,
  map: ColumnMap,
  row: number,
  opts: NormalizeOptions = {},
  issues: Issue[] = [],
): NormalizedRow {
  const reader = new RowReader(map, opts, issues);
  const record = reader.read(cells, row);
  return { record, issues, rejected: reader.rejected };
}

/** The fields never negative, in the order noNegatives refuses them. */
type SignedField = 'hours' | 'days' | 'months' | 'rate' | 'credits';
