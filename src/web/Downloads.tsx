// What the page gives back, each made in the worker from the last check and saved by the browser: every
// workbook's annotated copy (the file layer's copy: marks on the problem cells only, nothing else changed),
// the summary workbook, and the JSON report of `cpd-credits check --json`.
import * as React from 'react';
import { Button, Caption1, Text } from '@fluentui/react-components';
import type { Lang, Text as Words } from '../core/text';
import { both, type Strings } from '../taskpane/i18n';
import { useStyles } from '../taskpane/styles';
import { baseName, JSON_TYPE, saveFile, XLSM_TYPE, XLSX_TYPE } from './download';
import { make, type WebCheck } from './state';

export function Downloads(props: {
  s: Strings;
  lang: Lang;
  last: WebCheck;
  busy: boolean;
  onDone: (w: Words) => void;
}): React.ReactElement {
  const { s, lang, last, busy } = props;
  const w = s.web;
  const styles = useStyles();
  const copy = async (i: number, name: string) => {
    const made = await make({ op: 'copy', book: i }, lang);
    if (!made) return;
    const file = `${w.copyName(baseName(name))}${made.macros ? '.xlsm' : '.xlsx'}`;
    saveFile(file, made.bytes, made.macros ? XLSM_TYPE : XLSX_TYPE);
    const done = both((x) => x.web.downloaded(file));
    // a format that cannot be kept as it is says so: the copy is then a new .xlsx
    props.onDone(made.note ? { zh: `${done.zh}${made.note.zh}。`, en: `${done.en} ${made.note.en}.` } : done);
  };
  const other = async (op: 'summary' | 'json') => {
    const made = await make({ op }, lang);
    if (!made) return;
    const file = op === 'summary' ? '汇总.xlsx' : 'cpd-report.json';
    saveFile(file, made.bytes, op === 'summary' ? XLSX_TYPE : JSON_TYPE);
    props.onDone(both((x) => x.web.downloaded(file)));
  };
  return (
    <section className={styles.section} data-testid="downloads">
      <Text weight="semibold" as="h3" size={300} className={styles.h2}>
        {w.downloads}
      </Text>
      <Caption1 className={styles.muted}>{w.downloadsHint}</Caption1>
      <div className={styles.row}>
        {last.head.books.map((b, i) => (
          <Button
            key={`${i}:${b.name}`}
            size="small"
            disabled={busy}
            data-testid="download-copy"
            data-file={b.name}
            onClick={() => void copy(i, b.name)}
          >
            {w.copy}
            {s.colon}
            <span lang="zh-CN">{b.name}</span>
          </Button>
        ))}
        <Button size="small" disabled={busy} data-testid="download-summary" onClick={() => void other('summary')}>
          {w.summary}
        </Button>
        <Button size="small" disabled={busy} data-testid="download-json" onClick={() => void other('json')}>
          {w.json}
        </Button>
      </div>
    </section>
  );
}
