// The pane's own actions on a validation, written into the open workbook: the issue list on a new sheet,
// the summary sheet, and removing every mark; with how long the validation's steps took.
import * as React from 'react';
import { Button, Caption1, Text } from '@fluentui/react-components';
import { say, type Lang } from '../core/text';
import { issueTable } from '../present/issue-table';
import { overridesNote } from '../present/overrides';
import { columnLetters } from '../present/tables';
import type { Report } from '../engine/report';
import { getPort } from './controller';
import { both, type Strings } from './i18n';
import type { LastValidation } from './store';
import { cellOf, type Act } from './view';
import { useStyles } from './styles';

export function PaneActions(props: {
  s: Strings;
  lang: Lang;
  view: { last: LastValidation; report: Report };
  busy: boolean;
  act: Act;
}): React.ReactElement {
  const { s, lang, view, busy, act } = props;
  const { last, report } = view;
  const styles = useStyles();
  const exportIssues = () =>
    act(async () => {
      const table = issueTable(report, lang, (i) => {
        const c = cellOf(last, i);
        return c ? { sheet: c.sheet, cell: `${columnLetters(c.col)}${c.row}` } : { sheet: last.sheet.sheetName };
      });
      const note = overridesNote(report);
      const heading = [s.exportTitle(last.sheet.sheetName, report.asOf), ...(note ? [say(note, lang)] : [])];
      const name = await getPort()!.writeTableSheet(table.name, heading, table);
      return both((w) => w.exported(name, table.rows.length));
    });
  return (
    <section className={styles.section}>
      <Text weight="semibold" as="h3" size={300} className={styles.h2}>
        {s.actions}
      </Text>
      <div className={styles.row}>
        <Button size="small" disabled={busy} data-testid="export" onClick={() => void exportIssues()}>
          {s.exportIssues}
        </Button>
        <Button
          size="small"
          disabled={busy}
          data-testid="summary"
          onClick={() =>
            void act(async () => {
              const name = await getPort()!.writeSummary(report, lang);
              return both((w) => w.summaryWritten(name));
            })
          }
        >
          {s.writeSummary}
        </Button>
        <Button
          size="small"
          disabled={busy}
          data-testid="clear"
          onClick={() =>
            void act(async () => {
              const n = await getPort()!.clearMarks();
              return both((w) => w.marksCleared(n));
            })
          }
        >
          {s.clearMarks}
        </Button>
      </div>
      {busy && <Caption1>{s.whyDisabled.busy}</Caption1>}
      <Caption1 className={styles.muted}>
        {s.took(Math.round(last.timings.read), Math.round(last.timings.engine), Math.round(last.timings.write))}
      </Caption1>
    </section>
  );
}
