// Per school: teachers, cycle verdicts and pass rates (the first sheet of 汇总.xlsx, present/summary.ts),
// and per file when several were checked — the same tables, in the same words, as the summary workbook.
import * as React from 'react';
import { Caption1, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { Lang } from '../core/text';
import type { Report } from '../engine/report';
import { summaryWorkbookTables } from '../present/summary';
import type { Table } from '../present/tables';
import type { Strings } from './i18n';
import { useStyles } from './styles';

const useTableStyles = makeStyles({
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, minWidth: '100%' },
  th: {
    textAlign: 'left',
    verticalAlign: 'bottom',
    padding: '4px 8px 4px 0',
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  td: { padding: '3px 8px 3px 0', borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, verticalAlign: 'top' },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
});

/** A table of present/ as it stands (headers and plain values). */
export function TableView({ table, testid }: { table: Table; testid: string }): React.ReactElement {
  const styles = useTableStyles();
  return (
    <div className={styles.scroll}>
      <table className={styles.table} data-testid={testid}>
        <thead>
          <tr>
            {table.headers.map((h) => (
              <th key={h} className={styles.th} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((v, j) => (
                <td
                  key={j}
                  className={mergeClasses(styles.td, typeof v === 'number' && styles.num)}
                  lang={j === 0 ? 'zh-CN' : undefined}
                >
                  {v === null ? '' : String(v)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SchoolsTab({ s, lang, report }: { s: Strings; lang: Lang; report: Report }): React.ReactElement {
  const styles = useStyles();
  const tables = React.useMemo(() => summaryWorkbookTables(report, lang), [report, lang]);
  const schools = tables[0]!;
  const files = tables[3]!;
  return (
    <div className={styles.section}>
      <Caption1 className={styles.muted}>{s.schoolsHint}</Caption1>
      <TableView table={schools} testid="schools" />
      {files.rows.length > 0 && (
        <>
          <Text weight="semibold" as="h3" size={300} className={styles.h2}>
            {s.filesTable}
          </Text>
          <TableView table={files} testid="files-table" />
        </>
      )}
    </div>
  );
}
