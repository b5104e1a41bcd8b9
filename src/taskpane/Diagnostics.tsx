// The pane's diagnostics section, collapsed by default: the rows of =CPD.VERSION()
// (version and build, rule sets, Office host and build, requirement sets, whether the
// functions registered, the workbook's CPD.* settings), for a call with IT support.
import * as React from 'react';
import { Button, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Lang } from '../core/text';
import { BUILD } from '../runtime/build';
import { diagnosticsRows } from '../runtime/diagnostics';
import { getSettings, onSettings } from '../runtime/state';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '4px', marginTop: 'auto' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, userSelect: 'text' },
  cell: { padding: '2px 6px 2px 0', verticalAlign: 'top', borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  key: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
});

export function Diagnostics({ lang }: { lang: Lang }): React.ReactElement {
  const styles = useStyles();
  const [open, setOpen] = React.useState(false);
  // the settings rows follow a save
  React.useSyncExternalStore((l) => onSettings(l), getSettings, getSettings);
  const en = lang === 'en';
  return (
    <div className={styles.root}>
      <div>
        <Button
          size="small"
          appearance="subtle"
          aria-expanded={open}
          data-testid="diagnostics-toggle"
          onClick={() => setOpen(!open)}
        >
          {en ? 'Diagnostics' : '诊断信息'} {open ? '▴' : '▾'}
        </Button>
      </div>
      {open && (
        <>
          <table className={styles.table} data-testid="diagnostics">
            <tbody>
              {diagnosticsRows(lang).map(([k, v]) => (
                <tr key={k}>
                  <td className={mergeClasses(styles.cell, styles.key)}>{k}</td>
                  <td className={styles.cell}>{v}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Caption1>
            {en
              ? `The same rows as =${BUILD.namespace}.VERSION() in a cell.`
              : `与单元格中 =${BUILD.namespace}.VERSION() 的结果相同。`}
          </Caption1>
        </>
      )}
    </div>
  );
}
