// What to fix first: the problems grouped by kind under the catalogue's plain titles (errors first and
// open, warnings folded), one entry per value and teacher, the gaps of the rules one line each with the
// setting that resolves them. An entry selects its first cell; 下一处 moves on; 为什么 explains the
// record; where one accepted value is clearly meant, 改为 writes it into the current cell — only then.
import * as React from 'react';
import {
  Badge,
  Button,
  Caption1,
  Caption1Strong,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
} from '@fluentui/react-components';
import { say, type Lang } from '../core/text';
import { maskId, maskIds } from '../core/idcard';
import { groupIssues, issueItems, recordIndex, type IssueEntry, type IssueGroup } from '../present/issues';
import { gapLine, recordsOf } from '../present/gaps';
import { issueTable } from '../present/issue-table';
import { overridesNote } from '../present/overrides';
import { englishArticles, shortCite } from '../present/article';
import { columnLetters } from '../present/tables';
import { severityWord } from '../present/severity';
import { RULES, type RegionId } from '../rules';
import type { Report } from '../engine/report';
import { getPort } from './controller';
import { both, type Strings } from './i18n';
import type { LastValidation } from './store';
import { cellOf, engineIssue, readValue, type Cell } from './view';
import { useStyles } from './styles';
import type { Act, Fix } from './App';
import type { WhyTarget } from './Why';

type Severity = 'all' | 'error' | 'warning';
/** A catalogue title as a heading: English titles are written lower-case for use inside sentences. */
const heading = (x: string) => x.charAt(0).toUpperCase() + x.slice(1);
const ENTRIES = 10;

export function IssuesTab(props: {
  s: Strings;
  lang: Lang;
  view: { last: LastValidation; report: Report };
  busy: boolean;
  act: Act;
  fixes: Record<string, Fix>;
  onFix: (cell: Cell, value: string, expected: unknown) => Promise<void>;
  onUndo: (f: Fix) => Promise<void>;
  onWhy: (t: WhyTarget) => void;
  onSetting: (param: string) => void;
}): React.ReactElement {
  const { s, lang, view, busy, act, fixes, onUndo } = props;
  const { last, report } = view;
  const styles = useStyles();
  const sum = report.summary;
  const items = React.useMemo(() => issueItems(report), [report]);
  const teacherOf = React.useMemo(() => new Map(report.teachers.map((t) => [t.id, t])), [report]);
  const [severity, setSeverity] = React.useState<Severity>('all');
  const [school, setSchool] = React.useState('');
  const [teacher, setTeacher] = React.useState('');
  const [readingsOpen, setReadingsOpen] = React.useState(false);

  const schools = React.useMemo(
    () =>
      [
        ...new Set(
          items.map((i) => (i.teacherId ? teacherOf.get(i.teacherId)?.school : null)).filter((x): x is string => !!x),
        ),
      ].sort((a, b) => a.localeCompare(b, 'zh-CN')),
    [items, teacherOf],
  );
  const teachers = React.useMemo(() => {
    const by = new Map<string, string>();
    for (const i of items)
      if (i.teacherId && (!school || teacherOf.get(i.teacherId)?.school === school))
        by.set(i.teacherId, i.teacherName ?? i.teacherId);
    return [...by.entries()].sort((a, b) => a[1].localeCompare(b[1], 'zh-CN'));
  }, [items, teacherOf, school]);
  const groups = React.useMemo(
    () =>
      groupIssues(
        items.filter(
          (i) =>
            (severity === 'all' || i.severity === severity) &&
            (!school || (i.teacherId !== undefined && teacherOf.get(i.teacherId)?.school === school)) &&
            (!teacher || i.teacherId === teacher),
        ),
      ),
    [items, severity, school, teacher, teacherOf],
  );
  const data = groups.filter((g) => !g.gap);
  const gaps = groups.filter((g) => g.gap);
  const note = overridesNote(report);

  const exportIssues = () =>
    act(async () => {
      const table = issueTable(report, lang, (i) => {
        const c = cellOf(last, report, i);
        return c ? { sheet: c.sheet, cell: `${columnLetters(c.col)}${c.row}` } : { sheet: last.sheet.sheetName };
      });
      const heading = [s.exportTitle(last.sheet.sheetName, report.asOf), ...(note ? [say(note, lang)] : [])];
      const name = await getPort()!.writeTableSheet(table.name, heading, table);
      return both((w) => w.exported(name, table.rows.length));
    });

  return (
    <div className={styles.section}>
      <div className={styles.counts} data-testid="counts" data-validated={last.at.getTime()}>
        <Badge color="danger" data-testid="count-errors">
          {s.errors} {sum.errors}
        </Badge>
        <Badge color="warning" data-testid="count-warnings">
          {s.warnings} {sum.warnings}
        </Badge>
        <Badge color="informative" appearance="outline">
          {s.records} {sum.records}
        </Badge>
        <Badge color="success" appearance="outline" data-testid="count-pass">
          {s.cyclePass} {sum.cyclePass}
        </Badge>
        <Badge color="danger" appearance="outline" data-testid="count-fail">
          {s.cycleFail} {sum.cycleFail}
        </Badge>
        {sum.cycleInProgress > 0 && (
          <Badge color="informative" appearance="outline" data-testid="count-inprogress">
            {s.cycleInProgress} {sum.cycleInProgress}
          </Badge>
        )}
        {sum.cyclePending > 0 && (
          <Badge color="warning" appearance="outline" data-testid="count-pending">
            {s.cyclePending} {sum.cyclePending}
          </Badge>
        )}
      </div>
      <Caption1 className={styles.muted} data-testid="as-of-shown">
        {s.checked('')}
        <span lang="zh-CN">{last.sheet.sheetName}</span> · {s.asOfShown(report.asOf)} · {s.marks(last.marks)}
      </Caption1>
      {note && (
        <MessageBar intent="warning" data-testid="overrides-note">
          <MessageBarBody>{say(note, lang)}</MessageBarBody>
        </MessageBar>
      )}
      <Changes s={s} fixes={fixes} onUndo={onUndo} busy={busy} />

      {items.length > 0 && (
        <div className={styles.filters} role="group" aria-label={s.filterSeverity}>
          <div className={styles.segmented}>
            {(['all', 'error', 'warning'] as const).map((v) => (
              <Button
                key={v}
                size="small"
                appearance={severity === v ? 'primary' : 'secondary'}
                aria-pressed={severity === v}
                data-testid={`filter-${v}`}
                onClick={() => setSeverity(v)}
              >
                {v === 'all' ? s.all : v === 'error' ? `${s.errors} ${sum.errors}` : `${s.warnings} ${sum.warnings}`}
              </Button>
            ))}
          </div>
          <div className={styles.selects}>
            {schools.length > 1 && (
              <Select
                size="small"
                aria-label={s.filterSchool}
                value={school}
                data-testid="filter-school"
                onChange={(_, d) => {
                  setSchool(d.value);
                  setTeacher('');
                }}
              >
                <option value="">{s.anySchool}</option>
                {schools.map((x) => (
                  <option key={x} value={x} lang="zh-CN">
                    {x}
                  </option>
                ))}
              </Select>
            )}
            <Select
              size="small"
              aria-label={s.filterTeacher}
              value={teacher}
              data-testid="filter-teacher"
              onChange={(_, d) => setTeacher(d.value)}
            >
              <option value="">{s.anyTeacher}</option>
              {teachers.map(([id, name]) => (
                <option key={id} value={id} lang="zh-CN">
                  {name} {maskId(id)}
                </option>
              ))}
            </Select>
          </div>
        </div>
      )}

      {items.length === 0 && <Text>{s.noIssues}</Text>}
      {items.length > 0 && groups.length === 0 && <Text>{s.noMatch}</Text>}
      <div className={styles.section} data-testid="issues">
        {/* a new validation starts the list afresh (open groups, the place 下一处 reached); a language switch does not */}
        {data.map((g) => (
          <Group key={`${g.code}@${last.at.getTime()}`} {...props} group={g} />
        ))}
      </div>
      {gaps.length > 0 && (
        <section className={styles.section} data-testid="gaps">
          <Text weight="semibold" as="h3" size={300} className={styles.h2}>
            {s.gaps}
          </Text>
          <Caption1 className={styles.muted}>{s.gapsHint}</Caption1>
          {gaps.flatMap((g) =>
            g.entries.map((e) => {
              const line = gapLine(report.region, g, e);
              return (
                <div key={e.key} className={styles.gap} data-testid="gap">
                  <Text size={200}>{say(line.text, lang)}</Text>
                  {line.param && line.label && (
                    <div>
                      <Button
                        size="small"
                        data-testid={`gap-setting-${line.param}`}
                        onClick={() => props.onSetting(line.param!)}
                      >
                        {s.fillIn(say(line.label, lang))}
                      </Button>
                    </div>
                  )}
                </div>
              );
            }),
          )}
        </section>
      )}

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

      {report.readings.length > 0 && (
        <section className={styles.section}>
          <Button
            size="small"
            appearance="subtle"
            aria-expanded={readingsOpen}
            onClick={() => setReadingsOpen(!readingsOpen)}
            style={{ alignSelf: 'flex-start' }}
          >
            {readingsOpen ? '▾' : '▸'} {s.readings(report.readings.length)}
          </Button>
          {readingsOpen &&
            report.readings.map((r) => (
              <Caption1 key={r.id}>
                {s.reading} {r.id}
                {s.colon}
                {lang === 'en' ? englishArticles(r.summary) : r.summary}
              </Caption1>
            ))}
        </section>
      )}
    </div>
  );
}

/** The cells changed from the pane, each with its undo: kept until the pane closes, across validations. */
function Changes({
  s,
  fixes,
  onUndo,
  busy,
}: {
  s: Strings;
  fixes: Record<string, Fix>;
  onUndo: (f: Fix) => Promise<void>;
  busy: boolean;
}): React.ReactElement | null {
  const styles = useStyles();
  const list = Object.values(fixes);
  if (!list.length) return null;
  return (
    <div className={styles.card} data-testid="changes">
      <Caption1Strong>{s.changes}</Caption1Strong>
      {list.map((f) => (
        <div key={f.address} className={styles.row}>
          <Caption1>
            <span lang="zh-CN">{f.address}</span> <span lang="zh-CN">{String(f.old)}</span> →{' '}
            <span lang="zh-CN">{f.value}</span>
          </Caption1>
          <Button size="small" disabled={busy} data-testid="undo" onClick={() => void onUndo(f)}>
            {s.undo}
          </Button>
        </div>
      ))}
    </div>
  );
}

function Group(props: Parameters<typeof IssuesTab>[0] & { group: IssueGroup }): React.ReactElement {
  const { s, lang, group: g } = props;
  const styles = useStyles();
  const [open, setOpen] = React.useState(g.severity === 'error');
  const [limit, setLimit] = React.useState(ENTRIES);
  const id = `g-${g.code}`;
  return (
    <section className={styles.group} data-testid="issue-group" data-severity={g.severity}>
      <h3 className={styles.h}>
        <button
          type="button"
          className={styles.groupHead}
          aria-expanded={open}
          aria-controls={id}
          data-testid="group-toggle"
          onClick={() => setOpen(!open)}
        >
          <span className={styles.chevron} aria-hidden>
            {open ? '▾' : '▸'}
          </span>
          <span className={styles.groupTitle} data-testid="group-title">
            {heading(say(g.title, lang))}
          </span>
          <Badge size="small" color={g.severity === 'error' ? 'danger' : 'warning'}>
            {heading(severityWord(g.severity, lang))}
          </Badge>
          <Caption1>{s.places(g.count)}</Caption1>
        </button>
      </h3>
      {open && (
        <div id={id} className={styles.section} style={{ gap: '4px' }}>
          <Caption1 className={styles.fix}>
            {s.howToFix}
            {say(g.fix, lang)}
          </Caption1>
          <div className={styles.entries}>
            {g.entries.slice(0, limit).map((e) => (
              <Entry key={e.key} {...props} entry={e} />
            ))}
            {g.entries.length > limit && (
              <Button size="small" appearance="subtle" onClick={() => setLimit(limit + 50)}>
                {s.showMore(Math.min(50, g.entries.length - limit))}
              </Button>
            )}
          </div>
        </div>
      )}
    </section>
  );
}

function Entry(props: Parameters<typeof IssuesTab>[0] & { group: IssueGroup; entry: IssueEntry }): React.ReactElement {
  const { s, lang, view, entry: e, fixes, busy } = props;
  const { last, report } = view;
  const styles = useStyles();
  const [k, setK] = React.useState<number | null>(null);
  const [failed, setFailed] = React.useState(false);
  const n = e.items.length;
  const current = k === null ? undefined : e.items[k];
  const cell = current ? cellOf(last, report, current) : undefined;
  const go = async (next: number) => {
    setK(next);
    setFailed(false);
    const c = cellOf(last, report, e.items[next]!);
    if (!c) return;
    try {
      await getPort()?.select(c.sheet, c.row, c.col);
    } catch {
      setFailed(true);
    }
  };
  const rows = recordsOf(e);
  const first = e.items[0]!;
  const isId = first.field === 'teacherId';
  const name = e.teacherName ?? (e.teacherId ? maskId(e.teacherId) : null);
  const record = current ? recordIndex(current) : undefined;
  const fix = cell ? fixes[cell.address] : undefined;
  const cite = engineIssue(last.result, first)?.cite;
  const article = cite ? shortCite(cite, lang, RULES[report.region as RegionId]?.source.title) : undefined;
  const quoted = (v: string) => (lang === 'en' ? `“${v}”` : `「${v}」`);
  const message = lang === 'en' ? englishArticles(maskIds(e.message)) : maskIds(e.message);
  return (
    <div className={`${styles.entry} ${k !== null ? styles.entryActive : ''}`} data-testid="issue-entry">
      <button
        type="button"
        className={styles.entryMain}
        data-testid="issue"
        data-row={first.row ?? ''}
        aria-expanded={k !== null}
        onClick={() => void go(k ?? 0)}
      >
        <span className={styles.who} data-testid="entry-who">
          {name && <span lang="zh-CN">{name}</span>}
          {!name && first.scope === 'roster' && s.wholeRoster}
          {e.value !== undefined &&
            (isId ? (
              <> {maskId(e.value)}</>
            ) : (
              <>
                {name ? ' · ' : ''}
                <span lang="zh-CN">{quoted(e.value)}</span>
              </>
            ))}
          {first.row !== undefined && <> · {rows > 1 ? s.rows(rows) : s.row(first.row)}</>}
        </span>
        <span>{message}</span>
        {article && <span className={styles.muted}>{article}</span>}
      </button>
      {k !== null && (
        <div className={styles.entryTools}>
          {cell && (
            <Caption1 data-testid="selected">
              {s.at(k + 1, n, '')}
              <span lang="zh-CN">{cell.address}</span>
            </Caption1>
          )}
          {failed && <Caption1 className={styles.warn}>{s.selectFailed}</Caption1>}
          <div className={styles.row}>
            {n > 1 && (
              <Button size="small" data-testid="next" onClick={() => void go((k + 1) % n)}>
                {s.next}
              </Button>
            )}
            {record !== undefined && (
              <Button size="small" data-testid="why" onClick={() => props.onWhy({ kind: 'record', index: record })}>
                {s.why}
              </Button>
            )}
            {e.suggestion !== undefined && cell && current?.scope === 'record' && !fix && (
              <Button
                size="small"
                appearance="primary"
                disabled={busy}
                data-testid="fix"
                onClick={() => void props.onFix(cell, e.suggestion!, readValue(last, cell.row, cell.col))}
              >
                <span>
                  {s.fixTo('')}
                  <span lang="zh-CN">{e.suggestion}</span>
                </span>
              </Button>
            )}
            {fix && (
              <>
                <Caption1 data-testid="fixed">{s.fixed(fix.value)}</Caption1>
                <Button size="small" disabled={busy} data-testid="undo-inline" onClick={() => void props.onUndo(fix)}>
                  {s.undo}
                </Button>
              </>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
