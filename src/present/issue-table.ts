// The issue list as a table of plain values — what the pane's "export" writes to a new sheet and what the
// CLI can write beside a copy: one row per issue, in the order of "what to fix first" (errors first, a
// kind's issues together, the gaps of the rules last), each with its teacher, where it is, the problem
// in the catalogue's words, the specific reason, the article and the fix.
import { say, type Lang } from '../core/text';
import { groupIssues, issueItems, type IssueItem, type IssueSource } from './issues';
import { severityWord } from './severity';
import type { Table } from './tables';

/** Where an issue is, as the shell knows it: the sheet and the A1 address of its cell. */
export type Locate = (i: IssueItem) => { sheet?: string; cell?: string } | undefined;

/**
 * The one issue list as a table. `locate` gives the cell where the shell knows it (the pane, the copy);
 * the row is always there. The code and the value read are kept for auditors who filter and sort.
 */
export function issueTable(r: IssueSource, lang: Lang, locate?: Locate): Table {
  // whether any record came from a file, seen while the items are gathered (the records are read once)
  let files = false;
  const records = {
    *[Symbol.iterator]() {
      for (const x of r.records) {
        if (x.file !== undefined) files = true;
        yield x;
      }
    },
  };
  const groups = groupIssues(issueItems({ ...r, records }));
  const headers = issueHeaders(lang, files);
  const rows: Table['rows'] = [];
  for (const g of groups)
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
  return { name: issueSheetName(lang), headers, rows };
}

export const issueSheetName = (lang: Lang): string => (lang === 'en' ? 'Issues' : '问题清单');

/** The issue table's headers: a file column when the records came from files. */
export function issueHeaders(lang: Lang, files: boolean): string[] {
  const file = files ? [lang === 'en' ? 'File' : '文件'] : [];
  return lang === 'en'
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
}
