// The report's issues as one list, worst first — what the CLI prints, the pane lists, the summary's
// issue sheet holds and the annotated copy explains. Record issues carry their row (and sheet, file);
// teacher issues their teacher; roster issues neither.
import type { Report } from '../engine/report';
import { ISSUES, type IssueCode, type IssueKind, type Severity } from '../core/issues';
import type { Text } from '../core/text';
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

/**
 * What the issue list is made from: a report, or its records and teachers made one at a time (an annotated
 * copy's); `teachers` is read twice, `records` once.
 */
export interface IssueSource {
  records: Iterable<Pick<Report['records'][number], 'row' | 'sheet' | 'file' | 'teacherId' | 'name' | 'issues'>>;
  teachers: Iterable<Pick<Report['teachers'][number], 'id' | 'name' | 'issues'>>;
  issues: Report['issues'];
}

/** Every issue of a report, errors first, then in the roster's own order (file, sheet, row). */
export function issueItems(r: IssueSource): IssueItem[] {
  const names = new Map<string, string | null>();
  for (const t of r.teachers) names.set(t.id, t.name);
  const out: IssueItem[] = [];
  let n = 0;
  for (const rec of r.records) {
    const list = rec.issues;
    for (let k = 0; k < list.length; k++) {
      const item = copyOf(list[k]!, `r${n}.${k}`, 'record');
      item.row = rec.row;
      if (rec.sheet !== undefined) item.sheet = rec.sheet;
      if (rec.file !== undefined) item.file = rec.file;
      if (rec.teacherId !== null) {
        item.teacherId = rec.teacherId;
        item.teacherName = names.get(rec.teacherId) ?? rec.name;
      }
      out.push(item);
    }
    n++;
  }
  n = 0;
  for (const t of r.teachers) {
    const at = n++;
    t.issues.forEach((i, k) => {
      const item = copyOf(i, `t${at}.${k}`, 'teacher');
      item.teacherId = t.id;
      item.teacherName = t.name;
      out.push(item);
    });
  }
  r.issues.forEach((i, k) => out.push(copyOf(i, `w${k}`, 'roster')));
  // a stable sort: within a severity the roster's order is kept
  return out.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

/**
 * An issue's fields, in their order, then its key and scope — the object `{ ...i, key, scope }` is. Object.assign,
 * not the spread: a spread of issues of many shapes with fields added after took ~3 µs an issue in V8 (the
 * readable report of a 100 000-row roster has 30 000 warnings), Object.assign a tenth of that.
 */
function copyOf(i: ReportIssue, key: string, scope: IssueItem['scope']): IssueItem {
  const item = Object.assign({}, i) as IssueItem;
  item.key = key;
  item.scope = scope;
  return item;
}

/** The record an issue item was found on (its index in report.records and the check result's records). */
export function recordIndex(i: Pick<IssueItem, 'key' | 'scope'>): number | undefined {
  return i.scope === 'record' ? Number(i.key.slice(1).split('.')[0]) : undefined;
}

/** The issues of one kind about one value and one teacher (a mistyped ID on 17 rows is one entry). */
export interface IssueEntry {
  key: string;
  value?: string;
  teacherId?: string;
  teacherName?: string | null;
  /** for a gap of the rules: the parameter whose value would decide these records */
  param?: string;
  /** the accepted value the cells clearly mean, when all agree */
  suggestion?: string;
  /** the first item's message and article (the others say the same of other rows) */
  message: string;
  article?: string;
  items: IssueItem[];
}

/** One kind of problem, titled from the issue catalogue, with its entries. */
export interface IssueGroup {
  code: IssueCode;
  severity: Severity;
  title: Text;
  fix: Text;
  /** a gap of the rules (RULE_UNDEFINED, MODE_NOT_COVERED): listed as one line per parameter, never marked */
  gap: boolean;
  count: number;
  entries: IssueEntry[];
}

/**
 * What to fix first: one group per kind of problem — errors first, then warnings, the gaps of the rules
 * last — and within a group one entry per distinct value and teacher (a gap: one per parameter).
 */
export function groupIssues(items: readonly IssueItem[]): IssueGroup[] {
  const groups = new Map<IssueCode, IssueGroup>();
  const entries = new Map<string, IssueEntry>();
  for (const i of items) {
    const kind = ISSUES[i.code] as IssueKind;
    let g = groups.get(i.code);
    if (!g) {
      g = {
        code: i.code,
        severity: i.severity,
        title: kind.title,
        fix: kind.fix,
        gap: kind.gap === true,
        count: 0,
        entries: [],
      };
      groups.set(i.code, g);
    }
    if (SEVERITY_RANK[i.severity] < SEVERITY_RANK[g.severity]) g.severity = i.severity;
    g.count++;
    const k = g.gap
      ? `${i.code}\u0000${i.param ?? i.value ?? ''}`
      : `${i.code}\u0000${i.value ?? ''}\u0000${i.teacherId ?? ''}\u0000${i.scope === 'record' ? '' : i.key}`;
    let e = entries.get(k);
    if (!e) {
      e = { key: k, message: i.message, items: [] };
      if (i.value !== undefined) e.value = i.value;
      if (!g.gap && i.teacherId !== undefined) e.teacherId = i.teacherId;
      if (!g.gap && i.teacherName !== undefined) e.teacherName = i.teacherName;
      if (i.param !== undefined) e.param = i.param;
      if (i.suggestion !== undefined) e.suggestion = i.suggestion;
      if (i.article !== undefined) e.article = i.article;
      entries.set(k, e);
      g.entries.push(e);
    } else if (e.suggestion !== undefined && e.suggestion !== i.suggestion) delete e.suggestion;
    e.items.push(i);
  }
  const order = (g: IssueGroup) => SEVERITY_RANK[g.severity] * 2 + (g.gap ? 1 : 0);
  return [...groups.values()].sort((a, b) => order(a) - order(b) || b.count - a.count);
}
