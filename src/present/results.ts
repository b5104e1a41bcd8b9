// The result sheets an annotated copy gains — per record, per teacher's cycle and years, every issue — as
// plain tables, built from the report so every shell (CLI copy, web page, task pane) lays out the same.
// The per-record results live on their own sheet: columns written beside the user's table would change
// cells that have no issue.
import type { Report } from '../engine/report';
import { summaryTables, type Table } from '../present/tables';
import { say, type Lang } from '../core/text';
import { severityWord } from './severity';
import { overridesNote } from './overrides';
import { issueTable, type Locate } from './issue-table';

type Rec = Report['records'][number];

/** Location columns: the file when the records came from several files, the sheet for workbooks. */
function placeColumns(records: readonly Rec[]): { file: boolean; sheet: boolean } {
  return { file: records.some((r) => r.file !== undefined), sheet: records.some((r) => r.sheet !== undefined) };
}

export function issueWords(rec: Pick<Rec, 'issues'>, lang: Lang): string {
  return rec.issues.map((i) => `[${severityWord(i.severity, lang)}] ${i.message}`).join('\n');
}

export interface ResultOptions {
  lang: Lang;
  /** only these records (one file's copy in a many-file check); their teachers' verdicts stay those of the whole roster */
  records?: (r: Rec) => boolean;
  /** the cell of an issue in the copy, where the shell knows it */
  locate?: Locate;
}

/**
 * What the results rest on, as the first result sheet: the rules, the as-of date, the cycle, and — whenever a
 * local value replaced one the text leaves open — that, in words, so a copy can never pass for the source's.
 */
export function aboutTable(report: Report, lang: Lang): Table {
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
  const en = o.lang === 'en';
  const records = o.records ? report.records.filter(o.records) : report.records;
  const ids = new Set(records.map((r) => r.teacherId));
  const teachers = o.records ? report.teachers.filter((tj) => ids.has(tj.id)) : report.teachers;
  const scoped: Report = { ...report, records, teachers };
  const place = placeColumns(records);
  const where = (r: Rec) => [...(place.file ? [r.file ?? null] : []), ...(place.sheet ? [r.sheet ?? null] : [])];
  const whereHead = [...(place.file ? [en ? 'File' : '文件'] : []), ...(place.sheet ? [en ? 'Sheet' : '工作表'] : [])];
  const results: Table = {
    name: en ? 'Results' : '校验结果',
    headers: [
      ...whereHead,
      ...(en
        ? ['Row', 'ID', 'Name', 'Year', 'Check result', 'Computed hours', 'Computed credits', 'Counted', 'How computed']
        : ['行', '身份证号', '姓名', '年度', '校验结果', '计算学时', '计算学分', '计入', '计算说明']),
    ],
    rows: records.map((r) => [
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
  const summary = summaryTables(scoped, o.lang);
  // a copy of one of several files lists its own records' and teachers' issues; the roster-wide ones go to each
  // file only when there is one
  const issues = issueTable(o.records ? { ...scoped, issues: [] } : scoped, o.lang, o.locate);
  return [
    aboutTable(report, o.lang),
    results,
    summary.cycles,
    summary.years,
    issues,
    ...(summary.schools ? [summary.schools] : []),
  ];
}
