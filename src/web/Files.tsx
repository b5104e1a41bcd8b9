// The files: a file input (several at once) and a place to drop them, the bundled samples for a first try,
// and the files chosen with what was read of each (format, sheets, the region the workbook names) or why
// it cannot be read.
import * as React from 'react';
import { Button, Caption1, Divider, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { say, type Lang } from '../core/text';
import { formatWord } from '../files/format';
import { RULES, parseRegion } from '../rules';
import type { Strings } from '../taskpane/i18n';
import { useStyles } from '../taskpane/styles';
import type { FileRef, BookMeta } from './protocol';
import type { Sample } from './samples';

export const ACCEPT = '.xlsx,.xlsm,.xlsb,.xls,.et,.ods,.csv,.txt';

const useFileStyles = makeStyles({
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: '16px',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: '8px',
  },
  dropping: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' },
  file: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '6px 10px',
    display: 'flex',
    gap: '8px',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
  },
  fileText: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0, overflowWrap: 'anywhere' },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);

export function Files(props: {
  s: Strings;
  lang: Lang;
  busy: boolean;
  dragging: boolean;
  files: FileRef[];
  meta: Record<string, BookMeta>;
  samples: readonly Sample[] | null;
  onFiles: (files: File[]) => void;
  onSample: (s: Sample) => void;
  onRemove: (key: string) => void;
  onClear: () => void;
  loadSamples: () => void;
}): React.ReactElement {
  const { s, lang, busy, files, meta } = props;
  const w = s.web;
  const styles = useStyles();
  const fs = useFileStyles();
  const input = React.useRef<HTMLInputElement>(null);
  return (
    <div className={styles.section}>
      <div className={mergeClasses(fs.drop, props.dragging && fs.dropping)} data-testid="drop">
        <input
          ref={input}
          type="file"
          multiple
          accept={ACCEPT}
          className={fs.hidden}
          data-testid="file-input"
          aria-label={w.pick}
          tabIndex={-1}
          onChange={(e) => {
            const list = [...(e.currentTarget.files ?? [])];
            // the same file chosen again must still count as a choice
            e.currentTarget.value = '';
            props.onFiles(list);
          }}
        />
        <Button appearance="primary" disabled={busy} data-testid="pick" onClick={() => input.current?.click()}>
          {w.pick}
        </Button>
        <Caption1>{props.dragging ? w.dropHere : w.drop}</Caption1>
        <Caption1 className={styles.muted}>{w.hint}</Caption1>
      </div>

      {files.length > 0 && (
        <div className={styles.section} data-testid="files">
          {files.map((f) => {
            const m = meta[f.key];
            const region = m ? parseRegion(m.properties['CPD.region']) : undefined;
            return (
              <div key={f.key} className={fs.file} data-testid="file" data-state={m?.problem ? 'bad' : m ? 'read' : ''}>
                <div className={fs.fileText}>
                  <Text weight="semibold" lang="zh-CN">
                    {f.name}
                  </Text>
                  <Caption1 className={styles.muted}>
                    {size(f.blob.size)}
                    {m?.format ? ` · ${w.format(formatWord(m.format))}` : ''}
                    {m?.sheets?.length ? ' · ' : ''}
                    {m?.sheets?.length ? <span lang="zh-CN">{m.sheets.join('、')}</span> : null}
                    {region ? ` · ${w.regionFrom(say(RULES[region].name, lang))}` : ''}
                  </Caption1>
                  {m?.problem && (
                    <Caption1 className={fs.bad} data-testid="file-problem">
                      {w.unreadable}
                      {s.colon}
                      {say(m.problem, lang)}
                    </Caption1>
                  )}
                  {m?.notices.map((n, i) => (
                    <Caption1 key={i} className={styles.warn}>
                      {say(n, lang)}
                    </Caption1>
                  ))}
                </div>
                <Button size="small" appearance="subtle" disabled={busy} onClick={() => props.onRemove(f.key)}>
                  {w.remove}
                </Button>
              </div>
            );
          })}
          {files.length > 1 && (
            <div>
              <Button size="small" disabled={busy} data-testid="clear-files" onClick={props.onClear}>
                {w.clear}
              </Button>
            </div>
          )}
        </div>
      )}

      <Divider />
      <Text weight="semibold" as="h2" size={300} className={styles.h2}>
        {w.samples}
      </Text>
      <Caption1 className={styles.muted}>{w.samplesHint}</Caption1>
      {props.samples ? (
        <div className={styles.row} data-testid="samples">
          {props.samples.map((x) => (
            <Button
              key={x.name}
              size="small"
              disabled={busy}
              data-testid={`sample-${x.name}`}
              onClick={() => props.onSample(x)}
            >
              {w.sample(say(RULES[x.region].name, lang), x.format)}
            </Button>
          ))}
        </div>
      ) : (
        <div>
          <Button size="small" disabled={busy} data-testid="show-samples" onClick={props.loadSamples}>
            {w.samples}
          </Button>
        </div>
      )}
    </div>
  );
}
