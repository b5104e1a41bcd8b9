// The report's issues as one list, worst first — what the CLI prints, the pane lists, the summary's
// issue sheet holds and the annotated copy explains. Record issues carry their row (and sheet, file);
// teacher issues their teacher; roster issues neither.
import type { Report } from '../engine/report';
import { SEVERITY_RANK } from './severity';

type ReportIssue = Report['records'][number]['issues'][number];

export interface IssueItem extends ReportIssue {
  /** stable within one report: a list key */
  key: string;
  scope: 'record' | 'teacher' | 'roster';
  row?: number;
  sheet?: string;
  file?: string;
  /** the teacher the issue is about: the record's teacher, or the teacher of a teacher issue */
  teacherId?: string;
  teacherName?: string | null;
}

/** Every issue of a report, errors first, then in the roster's own order (file, sheet, row). */
export function issueItems(r: Report): IssueItem[] {
  const names = new Map(r.teachers.map((t) => [t.id, t.name]));
  const out: IssueItem[] = [];
  r.records.forEach((rec, n) =>
    rec.issues.forEach((i, k) => {
      const item: IssueItem = { ...i, key: `r${n}.${k}`, scope: 'record', row: rec.row };
      if (rec.sheet !== undefined) item.sheet = rec.sheet;
      if (rec.file !== undefined) item.file = rec.file;
      if (rec.teacherId !== null) {
        item.teacherId = rec.teacherId;
        item.teacherName = names.get(rec.teacherId) ?? rec.name;
      }
      out.push(item);
    }),
  );
  r.teachers.forEach((t, n) =>
    t.issues.forEach((i, k) =>
      out.push({ ...i, key: `t${n}.${k}`, scope: 'teacher', teacherId: t.id, teacherName: t.name }),
    ),
  );
  r.issues.forEach((i, k) => out.push({ ...i, key: `w${k}`, scope: 'roster' }));
  // a stable sort: within a severity the roster's order is kept
  return out.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}
