// The summary tables written beside a roster — by the CLI's --out copy and by the
// task pane's summary sheet alike — as plain rows of values, so that both writers
// lay out exactly the same content.
import type { PeriodShown, Report, TeacherCycleShown, TeacherYearsShown } from '../engine/report';
import { say, type Lang } from '../core/text';
import { STATUS_WORDS } from '../engine/verdict';

export type Row = Array<string | number | boolean | null>;

export interface Table {
  name: string;
  headers: string[];
  rows: Row[];
}

/**
 * A table whose rows are made each time they are read, one at a time (an annotated copy's results of a roster
 * of a million records are written without being held): `rows()` may be called more than once.
 */
export interface TableSource {
  name: string;
  headers: string[];
  rows: () => Iterable<Row>;
}

/** A table held whole, as a source. */
export const tableSource = (t: Table): TableSource => ({ name: t.name, headers: t.headers, rows: () => t.rows });

const word = (status: Report['teachers'][number]['cycle']['status'], lang: Lang): string =>
  say(STATUS_WORDS[status], lang);

// the engine names columns in its messages too: the letters live beside the column map
export { columnLetters } from '../core/fields';

/**
 * A sheet name not yet taken, within Excel's 31 characters: "学分汇总", then "学分汇总 (2)" … — a user's sheet is never
 * overwritten.
 */
export function unusedName(existing: readonly string[], base: string): string {
  // Excel's sheet names ignore case: a user's "cpd summary" takes "CPD summary" too
  const lower = new Set(existing.map((n) => n.toLowerCase()));
  let name = cut(base, SHEET_NAME_MAX);
  for (let i = 2; lower.has(name.toLowerCase()); i++) name = `${cut(base, SHEET_NAME_MAX - ` (${i})`.length)} (${i})`;
  return name;
}

/** Excel's limit on the length of a sheet's name. */
const SHEET_NAME_MAX = 31;

/** At most n UTF-16 units, never half a surrogate pair. */
function cut(s: string, n: number): string {
  if (s.length <= n) return s;
  const c = s.charCodeAt(n - 1);
  return s.slice(0, c >= 0xd800 && c <= 0xdbff ? n - 1 : n);
}

export function summaryTables(r: Report, lang: Lang): { years: Table; cycles: Table; schools?: Table } {
  const src = summarySources({ years: () => r.teachers, cycles: () => r.teachers }, r.schools, lang);
  const out: { years: Table; cycles: Table; schools?: Table } = {
    years: tableOf(src.years),
    cycles: tableOf(src.cycles),
  };
  if (src.schools) out.schools = tableOf(src.schools);
  return out;
}

/** A source's rows, held. */
const tableOf = (t: TableSource): Table => ({ name: t.name, headers: t.headers, rows: [...t.rows()] });

function* flatMap<T, U>(list: Iterable<T>, f: (x: T) => readonly U[]): Generator<U> {
  for (const x of list) yield* f(x);
}

/** A list's items through `f`, each made as it is read. */
export function* map<T, U>(list: Iterable<T>, f: (x: T) => U): Generator<U> {
  for (const x of list) yield f(x);
}

/**
 * What the summary sheets are made from: the teachers with their years, and with their cycle (the report's
 * teachers for both; a check result's made with only the part each sheet shows, teacherYearsOut and
 * teacherCycleOut, rather than each teacher made whole twice).
 */
export interface SummaryTeachers {
  years: () => Iterable<TeacherYearsShown>;
  cycles: () => Iterable<TeacherCycleShown>;
}

/** summaryTables' tables, their rows made from each teacher as they are read. */
export function summarySources(
  teachers: SummaryTeachers,
  schools: Report['schools'],
  lang: Lang,
): { years: TableSource; cycles: TableSource; schools?: TableSource } {
  const en = lang === 'en';
  const sep = en ? '; ' : '；';
  const missing = (list: PeriodShown['shortfall']) =>
    list
      .filter((s) => !s.advisory)
      .map((s) => `${s.label} ${s.missing}${s.unit === 'hours' ? (en ? ' h' : '学时') : en ? ' credits' : '学分'}`)
      .join(sep);
  const years: TableSource = {
    name: en ? 'Years' : '年度汇总',
    headers: en
      ? ['ID', 'Name', 'School', 'Year', 'Hours', 'Credits', 'Verdict', 'In words', 'Missing', 'Reasons']
      : ['身份证号', '姓名', '学校', '年度', '学时', '学分', '结论', '说明', '欠缺', '原因'],
    rows: () =>
      flatMap(teachers.years(), (tj) =>
        tj.years.map((y): Row => [
          tj.id,
          tj.name,
          tj.school,
          y.year,
          y.hours,
          y.credits,
          word(y.status, lang),
          y.verdict,
          missing(y.shortfall),
          y.reasons.join(sep),
        ]),
      ),
  };
  const cycles: TableSource = {
    name: en ? 'Cycle' : '周期汇总',
    headers: en
      ? ['ID', 'Name', 'School', 'Cycle', 'Hours', 'Credits', 'Verdict', 'In words', 'Missing', 'Reasons']
      : ['身份证号', '姓名', '学校', '周期', '学时', '学分', '结论', '说明', '欠缺', '原因'],
    rows: () =>
      map(teachers.cycles(), (tj): Row => [
        tj.id,
        tj.name,
        tj.school,
        `${tj.cycle.start}–${tj.cycle.end}`,
        tj.cycle.hours,
        tj.cycle.credits,
        word(tj.cycle.status, lang),
        tj.cycle.verdict,
        missing(tj.cycle.shortfall),
        tj.cycle.reasons.join(sep),
      ]),
  };
  const out: { years: TableSource; cycles: TableSource; schools?: TableSource } = { years, cycles };
  if (schools.length) {
    out.schools = tableSource({
      name: en ? 'Schools' : '学校统计',
      headers: en
        ? ['School', 'Year', 'Assessed', 'Failed', 'Pass rate', 'Flagged']
        : ['学校', '年度', '考核人数', '未完成人数', '完成率', '提示'],
      rows: schools.map((s) => [
        s.school,
        s.year,
        s.assessed,
        s.failed,
        s.assessed ? Math.round(((s.assessed - s.failed) / s.assessed) * 1000) / 10 : null,
        s.flagged ? (en ? '≥ 20 % failing' : '未完成≥20%') : '',
      ]),
    });
  }
  return out;
}

type Rate = { assessed: number; passed: number; rate: number };

/** Share of assessed teacher-years passing, grouped by a key (year, school). */
function ratesBy<K>(
  r: Report,
  keyOf: (t: Report['teachers'][number], y: Report['teachers'][number]['years'][number]) => K | null,
): Map<K, Rate> {
  const by = new Map<K, Rate>();
  for (const t of r.teachers) {
    for (const y of t.years) {
      const k = keyOf(t, y);
      if (y.pass === null || k === null) continue;
      const e = by.get(k) ?? { assessed: 0, passed: 0, rate: 0 };
      e.assessed++;
      if (y.pass) e.passed++;
      e.rate = Math.round((e.passed / e.assessed) * 1000) / 10;
      by.set(k, e);
    }
  }
  return by;
}

/** Per-year pass rates for a chart: share of assessed teachers passing each year. */
export function passRates(r: Report): Array<{ year: number } & Rate> {
  return [...ratesBy(r, (_, y) => y.year).entries()].sort(([a], [b]) => a - b).map(([year, e]) => ({ year, ...e }));
}

/** Pass rates per school over the assessed teacher-years, for the summary chart. */
export function schoolPassRates(r: Report): Array<{ school: string } & Rate> {
  return [...ratesBy(r, (t) => t.school).entries()].map(([school, e]) => ({ school, ...e }));
}
