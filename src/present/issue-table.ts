// The issue list as a table of plain values — what the pane's "export" writes to a new sheet and what the
// CLI can write beside a copy: one row per issue, in the order of "what to fix first" (errors first, a
// kind's issues together, the gaps of the rules last), each with its teacher, where it is, the problem
// in the catalogue's words, the specific reason, the article and the fix.
import { say, type Lang } from '../core/text';
import type { Report } from '../engine/report';
import { groupIssues, issueItems, type IssueItem } from './issues';
import { severityWord } from './severity';
import type { Table } from './tables';

/** Where an issue is, as the shell knows it: the sheet and the A1 address of its cell. */
export type Locate = (i: IssueItem) => { sheet?: string; cell?: string } | undefined;

/**
 * The one issue list as a table. `locate` gives the cell where the shell knows it (the pane, the copy);
 * the row is always there. The code and the value read are kept for auditors who filter and sort.
 */
export function issueTable(r: Report, lang: Lang, locate?: Locate): Table {
  const en = lang === 'en';
  const files = r.records.some((x) => x.file !== undefined);
  const file = files ? [en ? 'File' : '文件'] : [];
  const headers = en
    ? [
        'Severity',
        'Teacher',
        'ID',
        ...file,
        'Sheet',
        'Row',
        'Cell',
        'Problem',
        'Reason',
        'Value',
        'Article',
        'Fix',
        'Code',
      ]
    : ['级别', '教师', '身份证号', ...file, '工作表', '行', '单元格', '问题', '原因', '值', '依据', '怎么改', '代码'];
  const rows: Table['rows'] = [];
  for (const g of groupIssues(issueItems(r)))
    for (const e of g.entries)
      for (const i of e.items) {
        const at = locate?.(i);
        rows.push([
          severityWord(i.severity, lang),
          i.teacherName ?? null,
          i.teacherId ?? null,
          ...(files ? [i.file ?? null] : []),
          at?.sheet ?? i.sheet ?? null,
          i.row ?? null,
          at?.cell ?? null,
          say(g.title, lang),
          i.message,
          i.value ?? null,
          i.article ?? null,
          say(g.fix, lang),
          i.code,
        ]);
      }
  return { name: en ? 'Issues' : '问题清单', headers, rows };
}
