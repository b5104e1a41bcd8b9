// Tables across files and schools, for many schools' files checked as one roster: the readable report
// prints them, and 汇总.xlsx holds them (per school, per teacher, per file, with pass rates).
import type { Report } from '../engine/report';
import { schoolPassRates, summaryTables, type Table } from '../present/tables';
import { say, type Lang } from '../core/text';
import { STATUS_WORDS } from '../engine/verdict';

type Status = Report['teachers'][number]['cycle']['status'];

const pct = (n: number, d: number): number | null => (d ? Math.round((n / d) * 1000) / 10 : null);

export interface SchoolRow {
  school: string;
  teachers: number;
  cycle: Record<Status, number>;
  /** share of decided cycles (pass + fail) that pass, % */
  cycleRate: number | null;
  /** assessed teacher-years and those passed */
  years: { assessed: number; passed: number; rate: number | null };
}

/** Per school (the teacher's school as registered; blank: "(未填学校)"). */
export function schoolRows(r: Report, lang: Lang): SchoolRow[] {
  const blank = lang === 'en' ? '(no school)' : '（未填学校）';
  const by = new Map<string, SchoolRow>();
  for (const tj of r.teachers) {
    const school = tj.school ?? blank;
    const row = by.get(school) ?? {
      school,
      teachers: 0,
      cycle: { pass: 0, fail: 0, inProgress: 0, pending: 0, notAssessed: 0 },
      cycleRate: null,
      years: { assessed: 0, passed: 0, rate: null },
    };
    row.teachers++;
    row.cycle[tj.cycle.status]++;
    by.set(school, row);
  }
  for (const x of schoolPassRates(r)) {
    const row = by.get(x.school);
    if (row) row.years = { assessed: x.assessed, passed: x.passed, rate: x.rate };
  }
  for (const row of by.values()) row.cycleRate = pct(row.cycle.pass, row.cycle.pass + row.cycle.fail);
  return [...by.values()].sort((a, b) => a.school.localeCompare(b.school, 'zh'));
}

export interface FileRow {
  path: string;
  sheets: string[];
  skipped: string[];
  records: number;
  errors: number;
  warnings: number;
  teachers: number;
}

/** Per file: the sheets read and skipped, its records, errors, warnings and teachers. */
export function fileRows(r: Report): FileRow[] {
  const by = new Map<string, FileRow>();
  const get = (path: string) =>
    by.get(path) ??
    by.set(path, { path, sheets: [], skipped: [], records: 0, errors: 0, warnings: 0, teachers: 0 }).get(path)!;
  for (const s of r.sources ?? []) {
    if (s.file === undefined) continue;
    const row = get(s.file);
    const name = s.sheet ?? '';
    if (s.read) {
      if (name) row.sheets.push(name);
    } else row.skipped.push(name || s.file);
  }
  const teachers = new Map<string, Set<string>>();
  for (const rec of r.records) {
    if (rec.file === undefined) continue;
    const row = get(rec.file);
    row.records++;
    for (const i of rec.issues) {
      if (i.severity === 'error') row.errors++;
      else if (i.severity === 'warning') row.warnings++;
    }
    if (rec.teacherId !== null)
      (teachers.get(rec.file) ?? teachers.set(rec.file, new Set()).get(rec.file)!).add(rec.teacherId);
  }
  for (const [file, set] of teachers) get(file).teachers = set.size;
  return [...by.values()];
}

/** The sheets of 汇总.xlsx: per school, per teacher (with the files their records are in), per year, per file. */
export function summaryWorkbookTables(r: Report, lang: Lang): Table[] {
  const en = lang === 'en';
  const word = (s: Status) => say(STATUS_WORDS[s], lang);
  const schools: Table = {
    name: en ? 'Schools' : '学校',
    headers: en
      ? [
          'School',
          'Teachers',
          `Cycle ${word('pass')}`,
          `Cycle ${word('fail')}`,
          word('inProgress'),
          word('pending'),
          word('notAssessed'),
          'Cycle pass rate % (decided)',
          'Assessed years',
          'Years passed',
          'Year pass rate %',
        ]
      : [
          '学校',
          '教师数',
          '周期合格',
          '周期不合格',
          '进行中',
          '待定',
          '不考核',
          '周期合格率%（已判定）',
          '年度考核人次',
          '年度合格人次',
          '年度合格率%',
        ],
    rows: schoolRows(r, lang).map((s) => [
      s.school,
      s.teachers,
      s.cycle.pass,
      s.cycle.fail,
      s.cycle.inProgress,
      s.cycle.pending,
      s.cycle.notAssessed,
      s.cycleRate,
      s.years.assessed,
      s.years.passed,
      s.years.rate,
    ]),
  };
  const filesOf = new Map<string, Set<string>>();
  for (const rec of r.records)
    if (rec.teacherId !== null && rec.file !== undefined)
      (filesOf.get(rec.teacherId) ?? filesOf.set(rec.teacherId, new Set()).get(rec.teacherId)!).add(rec.file);
  const base = summaryTables(r, lang);
  const teachers: Table = {
    name: en ? 'Teachers' : '教师',
    headers: [...base.cycles.headers, en ? 'Files' : '所在文件'],
    rows: base.cycles.rows.map((row, i) => [
      ...row,
      [...(filesOf.get(r.teachers[i]!.id) ?? [])].join(en ? '; ' : '；'),
    ]),
  };
  const files: Table = {
    name: en ? 'Files' : '文件',
    headers: en
      ? ['File', 'Sheets read', 'Sheets skipped', 'Records', 'Teachers', 'Errors', 'Warnings']
      : ['文件', '读取的工作表', '跳过的工作表', '记录', '教师', '错误', '警告'],
    rows: fileRows(r).map((f) => [
      f.path,
      f.sheets.join('、'),
      f.skipped.join('、'),
      f.records,
      f.teachers,
      f.errors,
      f.warnings,
    ]),
  };
  return [schools, teachers, base.years, files];
}
