// The result sheets an annotated copy gains — per record, per teacher's cycle and years, every issue — as
// plain tables, built from the report so every shell (CLI copy, web page, task pane) lays out the same. The
// rows are made as they are written (resultSources): the CLI gives the records and teachers one at a time,
// made from the check result, and never holds the report of a roster of a million records.
// The per-record results live on their own sheet: columns written beside the user's table would change
// cells that have no issue.
import {
  judgedAs,
  recordContext,
  recordOut,
  reportHead,
  reportTail,
  teacherCycleOut,
  teacherIssuesOut,
  teacherOut,
  teacherYearsOut,
  type Report,
  type TeacherCycleShown,
  type TeacherYearsShown,
} from '../engine/report';
import type { CheckResult } from '../engine/engine';
import { map, summarySources, tableSource, type Row, type Table, type TableSource } from '../present/tables';
import { say, type Lang } from '../core/text';
import { severityWord } from './severity';
import { recordIndex } from './issues';
import { overridesNote } from './overrides';
import { issueHeaders, issueSheetName, issueTable, type Locate } from './issue-table';

type Rec = Report['records'][number];
type TeacherOut = Report['teachers'][number];

/** What the result sheets are made from: a report, or its records and teachers made as they are read. */
export interface ResultSource extends Pick<
  Report,
  'region' | 'source' | 'asOf' | 'cycle' | 'overrides' | 'readings' | 'issues' | 'schools'
> {
  /** the records in the report's order; those of one file when `file` is given (each call reads them anew) */
  records(file?: string): Iterable<Rec>;
  /** the teachers in the report's order (each call reads them anew) */
  teachers(): Iterable<TeacherOut>;
  /** where each of one file's records is among all the records (what an issue's cell is found by) */
  positions(file: string): number[];
  /**
   * Only where the records are and whose (records' file, sheet, teacherId), when the source can say so without
   * making each record whole; else records() is read for it.
   */
  places?(file?: string): Iterable<Pick<Rec, 'file' | 'sheet' | 'teacherId'>>;
  /** Only the teachers' ids, names and issues, when the source can say so without judging words; else teachers(). */
  teacherIssues?(): Iterable<Pick<TeacherOut, 'id' | 'name' | 'issues'>>;
  /** Only what the summary sheets show of the teachers' years, and of their cycles (else teachers() for each). */
  teacherYears?(): Iterable<TeacherYearsShown>;
  teacherCycles?(): Iterable<TeacherCycleShown>;
}

/** The indexes of the items that are kept. */
function positionsOf<T>(list: readonly T[], keep: (x: T) => boolean): number[] {
  const out: number[] = [];
  list.forEach((x, i) => keep(x) && out.push(i));
  return out;
}

/** A report held whole, as a source. */
export function reportSource(report: Report): ResultSource {
  return {
    ...report,
    records: (file) => (file === undefined ? report.records : report.records.filter((r) => r.file === file)),
    teachers: () => report.teachers,
    positions: (file) => positionsOf(report.records, (r) => r.file === file),
  };
}

/**
 * A check result as a source: each record and teacher made in the report's form as it is read (recordOut,
 * teacherOut), none held — the report of a roster of a million records is never made whole.
 */
export function checkSource(r: CheckResult, lang: Lang): ResultSource {
  const c = recordContext(r);
  const { region, source, asOf, cycle, overrides, readings } = reportHead(r, lang);
  const { issues, schools } = reportTail(r, lang);
  return {
    region,
    source,
    asOf,
    cycle,
    overrides,
    readings,
    issues,
    schools,
    *records(file) {
      for (const x of r.records)
        if (file === undefined || r.tables[x.table]?.file === file) yield recordOut(r, x, c, lang);
    },
    *teachers() {
      for (const tj of r.teachers) yield teacherOut(r, tj, lang);
    },
    positions: (file) => positionsOf(r.records, (x) => r.tables[x.table]?.file === file),
    // the copy reads where the records are, the teachers' issues (twice), years and cycles, besides the whole of
    // each record: these parts alone, without the records' explanations, and without every teacher made whole
    // again (years, cycle, their explanations) for each summary sheet
    *places(file) {
      for (const x of r.records) {
        const tb = r.tables[x.table];
        if (file === undefined || tb?.file === file)
          yield { file: tb?.file, sheet: tb?.sheet, teacherId: judgedAs(x, c) };
      }
    },
    *teacherIssues() {
      for (const tj of r.teachers) yield { id: tj.id, name: tj.name, issues: teacherIssuesOut(tj, lang) };
    },
    *teacherYears() {
      for (const tj of r.teachers) yield teacherYearsOut(r, tj, lang);
    },
    *teacherCycles() {
      for (const tj of r.teachers) yield teacherCycleOut(r, tj, lang);
    },
  };
}

/**
 * A locator of the whole roster's issues used for one file's: an item's key counts that file's records (the
 * list the items were made from), the locator all the records.
 */
function inRoster(locate: Locate, positions: readonly number[]): Locate {
  return (i) => {
    const n = recordIndex(i);
    if (n === undefined) return locate(i);
    const at = positions[n];
    return at === undefined ? undefined : locate({ ...i, key: `r${at}${i.key.slice(i.key.indexOf('.'))}` });
  };
}

function* filter<T>(list: Iterable<T>, keep: (x: T) => boolean): Generator<T> {
  for (const x of list) if (keep(x)) yield x;
}

export function issueWords(rec: Pick<Rec, 'issues'>, lang: Lang): string {
  return rec.issues.map((i) => `[${severityWord(i.severity, lang)}] ${i.message}`).join('\n');
}

export interface ResultOptions {
  lang: Lang;
  /** only this file's records (its copy in a many-file check); their teachers' verdicts stay the whole roster's */
  file?: string;
  /** the cell of an issue in the copy, where the shell knows it */
  locate?: Locate;
}

/**
 * What the results rest on, as the first result sheet: the rules, the as-of date, the cycle, and — whenever a
 * local value replaced one the text leaves open — that, in words, so a copy can never pass for the source's.
 */
export function aboutTable(
  report: Pick<Report, 'region' | 'source' | 'asOf' | 'cycle' | 'overrides' | 'readings'>,
  lang: Lang,
): Table {
  const en = lang === 'en';
  const local = overridesNote(report);
  const rows: Table['rows'] = [
    [en ? 'Rules' : '依据', report.source],
    [en ? 'As of' : '截至', report.asOf],
    [en ? 'Cycle' : '周期', report.cycle.note],
    [
      en ? 'Local values' : '本地数值',
      local ? say(local, lang) : en ? 'none: every number is the source’s' : '无：所有数值均为原文',
    ],
    ...report.readings.map((x) => [en ? `Reading ${x.id}` : `解读 ${x.id}`, x.summary]),
  ];
  return { name: en ? 'About' : '说明', headers: [en ? 'Item' : '项目', en ? 'Value' : '内容'], rows };
}

/** The tool's result sheets, in the order they are added: about, results, cycle, years, issues (, schools). */
export function resultTables(report: Report, o: ResultOptions): Table[] {
  return resultSources(reportSource(report), o).map((t) => ({ name: t.name, headers: t.headers, rows: [...t.rows()] }));
}

/**
 * resultTables' sheets, their rows made as they are read. The records are read once here (where they are, whose
 * they are), then as the results sheet and the issue sheet are written; the teachers for each sheet, each reading
 * only the part its sheet shows where the source offers it (teacherYears, teacherCycles, teacherIssues).
 */
export function resultSources(src: ResultSource, o: ResultOptions): TableSource[] {
  const en = o.lang === 'en';
  const records = () => src.records(o.file);
  const place = { file: false, sheet: false };
  const ids = new Set<string | null>();
  for (const r of src.places?.(o.file) ?? records()) {
    if (r.file !== undefined) place.file = true;
    if (r.sheet !== undefined) place.sheet = true;
    if (o.file !== undefined) ids.add(r.teacherId);
  }
  // one file's copy: the teachers of its records
  const mine = <T extends { id: string }>(all: () => Iterable<T>): (() => Iterable<T>) =>
    o.file !== undefined ? () => filter(all(), (tj) => ids.has(tj.id)) : all;
  const teachers = {
    years: mine(() => src.teacherYears?.() ?? src.teachers()),
    cycles: mine(() => src.teacherCycles?.() ?? src.teachers()),
  };
  const where = (r: Rec) => [...(place.file ? [r.file ?? null] : []), ...(place.sheet ? [r.sheet ?? null] : [])];
  const whereHead = [...(place.file ? [en ? 'File' : '文件'] : []), ...(place.sheet ? [en ? 'Sheet' : '工作表'] : [])];
  const results: TableSource = {
    name: en ? 'Results' : '校验结果',
    headers: [
      ...whereHead,
      ...(en
        ? ['Row', 'ID', 'Name', 'Year', 'Check result', 'Computed hours', 'Computed credits', 'Counted', 'How computed']
        : ['行', '身份证号', '姓名', '年度', '校验结果', '计算学时', '计算学分', '计入', '计算说明']),
    ],
    rows: () =>
      map(records(), (r): Row => [
        ...where(r),
        r.row,
        r.teacherId,
        r.name,
        r.year,
        r.issues.length ? issueWords(r, o.lang) : en ? 'OK' : '无问题',
        r.hours,
        r.credits,
        r.counted ? (en ? 'yes' : '是') : en ? 'no' : '否',
        r.explanation,
      ]),
  };
  const summary = summarySources(teachers, src.schools, o.lang);
  // a copy of one of several files lists its own records' and teachers' issues; the roster-wide ones go to each
  // file only when there is one. Gathered (they are sorted) when the sheet is written, not before.
  let issueRows: Row[] | undefined;
  // (the teachers are read twice: their names, then their issues)
  const named = mine(() => src.teacherIssues?.() ?? src.teachers());
  const again = { [Symbol.iterator]: () => named()[Symbol.iterator]() };
  const issuesOf = () =>
    issueTable(
      { records: records(), teachers: again, issues: o.file !== undefined ? [] : src.issues },
      o.lang,
      o.file !== undefined && o.locate ? inRoster(o.locate, src.positions(o.file)) : o.locate,
    );
  const issues: TableSource = {
    name: issueSheetName(o.lang),
    headers: issueHeaders(o.lang, place.file),
    rows: () => (issueRows ??= issuesOf().rows),
  };
  return [
    tableSource(aboutTable(src, o.lang)),
    results,
    summary.cycles,
    summary.years,
    issues,
    ...(summary.schools ? [summary.schools] : []),
  ];
}
