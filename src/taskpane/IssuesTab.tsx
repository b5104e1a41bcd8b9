// What to fix first: the problems grouped by kind under the catalogue's plain titles (errors first and
// open, warnings folded), one entry per value and teacher, the gaps of the rules one line each with the
// setting that resolves them; or every problem in the roster's order, by place. An entry names its first
// cell (and selects it, in Excel); 下一处 moves on; 为什么 explains the record; where one accepted value is
// clearly meant and the host may write a cell, 改为 writes it into the current cell — only then. Shared by
// the task pane and the web page: what each host can do comes in as props, its own actions as a slot.
import * as React from 'react';
import {
  Badge,
  Button,
  Caption1,
  Caption1Strong,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
} from '@fluentui/react-components';
import { say, type Lang } from '../core/text';
import { maskId, maskIds } from '../core/idcard';
import {
  groupIssues,
  issueItems,
  recordIndex,
  type IssueEntry,
  type IssueGroup,
  type IssueItem,
} from '../present/issues';
import { ISSUES } from '../core/issues';
import { gapLine, recordsOf } from '../present/gaps';
import { overridesNote } from '../present/overrides';
import { englishArticles, shortCite } from '../present/article';
import { severityWord } from '../present/severity';
import { RULES, type RegionId } from '../rules';
import type { Report } from '../engine/report';
import type { Strings } from './i18n';
import { cellOf, engineIssue, type Cell, type Checked, type Fix } from './view';
import { useStyles } from './styles';
import { SchoolSelect, schoolsOf } from './filters';
import type { WhyTarget } from './Why';

type Severity = 'all' | 'error' | 'warning';
/** A catalogue title as a heading: English titles are written lower-case for use inside sentences. */
const heading = (x: string) => x.charAt(0).toUpperCase() + x.slice(1);
const ENTRIES = 10;

export interface IssuesTabProps {
  s: Strings;
  lang: Lang;
  view: { last: Checked; report: Report };
  busy: boolean;
  /** what was checked, as the line under the counts names it: the sheet, the files */
  checked: string;
  /** said after the as-of date (the pane: the cells marked) */
  checkedMore?: string;
  /** select an issue's cell in the open workbook; absent where none is open (files) */
  select?: (cell: Cell) => Promise<void>;
  /** the one-click fix and its undo, where the host may write a cell on the user's click */
  fixing?: {
    fixes: Record<string, Fix>;
    onFix: (cell: Cell, value: string) => Promise<void>;
    onUndo: (f: Fix) => Promise<void>;
  };
  onWhy: (t: WhyTarget) => void;
  onSetting: (param: string) => void;
  /** the host's own actions on the result (the pane writes sheets, the web page downloads files) */
  actions?: React.ReactNode;
}

type Order = 'kind' | 'place';
const PLACES = 50;

/** The filters of the list — severity, school, teacher — and the problems they leave. */
function useIssueFilters(report: Report) {
  const items = React.useMemo(() => issueItems(report), [report]);
  const teacherOf = React.useMemo(() => new Map(report.teachers.map((t) => [t.id, t])), [report]);
  const [severity, setSeverity] = React.useState<Severity>('all');
  const [school, setSchool] = React.useState('');
  const [teacher, setTeacher] = React.useState('');
  const schoolOf = (i: IssueItem) => (i.teacherId ? teacherOf.get(i.teacherId)?.school : undefined);
  const schools = React.useMemo(() => schoolsOf(items.map(schoolOf)), [items, teacherOf]);
  const teachers = React.useMemo(() => {
    const by = new Map<string, string>();
    for (const i of items)
      if (i.teacherId && (!school || schoolOf(i) === school)) by.set(i.teacherId, i.teacherName ?? i.teacherId);
    return [...by.entries()].sort((a, b) => a[1].localeCompare(b[1], 'zh-CN'));
  }, [items, teacherOf, school]);
  const shown = React.useMemo(
    () =>
      items.filter(
        (i) =>
          (severity === 'all' || i.severity === severity) &&
          (!school || schoolOf(i) === school) &&
          (!teacher || i.teacherId === teacher),
      ),
    [items, severity, school, teacher, teacherOf],
  );
  const pickSchool = (x: string) => {
    setSchool(x);
    setTeacher('');
  };
  return { items, shown, severity, setSeverity, schools, school, pickSchool, teachers, teacher, setTeacher };
}

export function IssuesTab(props: IssuesTabProps): React.ReactElement {
  const { s, view, busy, fixing } = props;
  const { last, report } = view;
  const styles = useStyles();
  const f = useIssueFilters(report);
  const { items, shown } = f;
  const [order, setOrder] = React.useState<Order>('kind');

  return (
    <div className={styles.section}>
      <Counts {...props} />
      {fixing && <Changes s={s} fixes={fixing.fixes} onUndo={fixing.onUndo} busy={busy} />}
      {items.length > 0 && <Filters s={s} sum={report.summary} order={order} setOrder={setOrder} f={f} />}
      {items.length === 0 && <Text>{s.noIssues}</Text>}
      {items.length > 0 && shown.length === 0 && <Text>{s.noMatch}</Text>}
      {order === 'place' ? (
        <PlaceList key={last.at.getTime()} {...props} items={shown} />
      ) : (
        <KindList {...props} items={shown} />
      )}
      {props.actions}
      <Readings {...props} />
    </div>
  );
}

/** The counts of the check, what was checked and as of when, and the local values it used. */
function Counts(props: IssuesTabProps): React.ReactElement {
  const { s, lang, view } = props;
  const { last, report } = view;
  const styles = useStyles();
  const sum = report.summary;
  const note = overridesNote(report);
  return (
    <>
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
        <span lang="zh-CN">{props.checked}</span> · {s.asOfShown(report.asOf)}
        {props.checkedMore ? ` · ${props.checkedMore}` : ''}
      </Caption1>
      {note && (
        <MessageBar intent="warning" data-testid="overrides-note">
          <MessageBarBody>{say(note, lang)}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

/** By kind or by place; all, errors or warnings; a school (where there are several) and a teacher. */
function Filters(props: {
  s: Strings;
  sum: Report['summary'];
  order: Order;
  setOrder: (o: Order) => void;
  f: ReturnType<typeof useIssueFilters>;
}): React.ReactElement {
  const { s, sum, order, f } = props;
  const styles = useStyles();
  return (
    <div className={styles.filters} role="group" aria-label={s.filterSeverity}>
      <div className={styles.segmented} role="group" aria-label={s.listBy}>
        {(['kind', 'place'] as const).map((v) => (
          <Button
            key={v}
            size="small"
            appearance={order === v ? 'primary' : 'subtle'}
            aria-pressed={order === v}
            data-testid={`order-${v}`}
            onClick={() => props.setOrder(v)}
          >
            {v === 'kind' ? s.byKind : s.byPlace}
          </Button>
        ))}
      </div>
      <div className={styles.segmented}>
        {(['all', 'error', 'warning'] as const).map((v) => (
          <Button
            key={v}
            size="small"
            appearance={f.severity === v ? 'primary' : 'secondary'}
            aria-pressed={f.severity === v}
            data-testid={`filter-${v}`}
            onClick={() => f.setSeverity(v)}
          >
            {v === 'all' ? s.all : v === 'error' ? `${s.errors} ${sum.errors}` : `${s.warnings} ${sum.warnings}`}
          </Button>
        ))}
      </div>
      <div className={styles.selects}>
        <SchoolSelect s={s} schools={f.schools} value={f.school} testid="filter-school" onChange={f.pickSchool} />
        <TeacherSelect s={s} teachers={f.teachers} value={f.teacher} onChange={f.setTeacher} />
      </div>
    </div>
  );
}

/**
 * Past this many teachers, the teacher filter lists them once it is focused (clicked, or reached by Tab). A
 * roster of 100 000 rows names some 6 000: their options were ~1 s of the first layout of a 4×-slowed page,
 * before the first result showed, for a list few open.
 */
const TEACHERS_AT_ONCE = 300;

/** 全部教师 and each teacher (a long list once the select is focused); the teacher chosen is always listed. */
function TeacherSelect(props: {
  s: Strings;
  teachers: ReadonlyArray<readonly [string, string]>;
  value: string;
  onChange: (id: string) => void;
}): React.ReactElement {
  const { s, teachers, value } = props;
  const [all, setAll] = React.useState(false);
  const listed = all || teachers.length <= TEACHERS_AT_ONCE ? teachers : teachers.filter(([id]) => id === value);
  return (
    <Select
      size="small"
      aria-label={s.filterTeacher}
      value={value}
      data-testid="filter-teacher"
      onFocus={() => setAll(true)}
      onPointerDown={() => setAll(true)}
      onChange={(_, d) => props.onChange(d.value)}
    >
      <option value="">{s.anyTeacher}</option>
      {listed.map(([id, name]) => (
        <option key={id} value={id} lang="zh-CN">
          {name} {maskId(id)}
        </option>
      ))}
    </Select>
  );
}

/** The problems by kind (errors first), then the gaps of the rules, one line each with the setting they need. */
function KindList(props: IssuesTabProps & { items: IssueItem[] }): React.ReactElement {
  const { s, lang, view, items } = props;
  const { last, report } = view;
  const styles = useStyles();
  const groups = React.useMemo(() => groupIssues(items), [items]);
  const data = groups.filter((g) => !g.gap);
  const gaps = groups.filter((g) => g.gap);
  return (
    <>
      <div className={styles.section} data-testid="issues">
        {/* a new check starts the list afresh (open groups, the place 下一处 reached); a language switch does not */}
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
    </>
  );
}

/** The readings of the source text the check adopted, folded. */
function Readings({ s, lang, view }: IssuesTabProps): React.ReactElement | null {
  const { report } = view;
  const styles = useStyles();
  const [open, setOpen] = React.useState(false);
  if (!report.readings.length) return null;
  return (
    <section className={styles.section}>
      <Button
        size="small"
        appearance="subtle"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        style={{ alignSelf: 'flex-start' }}
      >
        {open ? '▾' : '▸'} {s.readings(report.readings.length)}
      </Button>
      {open &&
        report.readings.map((r) => (
          <Caption1 key={r.id}>
            {s.reading} {r.id}
            {s.colon}
            {lang === 'en' ? englishArticles(r.summary) : r.summary}
          </Caption1>
        ))}
    </section>
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

function Group(props: IssuesTabProps & { group: IssueGroup }): React.ReactElement {
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

/** Select an issue's cell in the open workbook (where there is one); `failed` when Excel would not. */
function useSelectCell(props: IssuesTabProps): { failed: boolean; selectCell: (i: IssueItem) => Promise<void> } {
  const [failed, setFailed] = React.useState(false);
  const selectCell = async (i: IssueItem) => {
    setFailed(false);
    const c = cellOf(props.view.last, i);
    if (!c || !props.select) return;
    try {
      await props.select(c);
    } catch {
      setFailed(true);
    }
  };
  return { failed, selectCell };
}

/** A teacher's name, or their masked ID where the roster gives no name. */
const whoOf = (i: { teacherName?: string | null; teacherId?: string | null }) =>
  i.teacherName ?? (i.teacherId ? maskId(i.teacherId) : null);

type EntryProps = IssuesTabProps & { group: IssueGroup; entry: IssueEntry };

function Entry(props: EntryProps): React.ReactElement {
  const { lang, view, entry: e } = props;
  const { last, report } = view;
  const styles = useStyles();
  const [k, setK] = React.useState<number | null>(null);
  const { failed, selectCell } = useSelectCell(props);
  const go = (next: number) => {
    setK(next);
    return selectCell(e.items[next]!);
  };
  const first = e.items[0]!;
  const cite = engineIssue(last.result, first)?.cite;
  const article = cite ? shortCite(cite, lang, RULES[report.region as RegionId]?.source.title) : undefined;
  const message = lang === 'en' ? englishArticles(maskIds(e.message)) : maskIds(e.message);
  return (
    <div className={mergeClasses(styles.entry, k !== null && styles.entryActive)} data-testid="issue-entry">
      <button
        type="button"
        className={styles.entryMain}
        data-testid="issue"
        data-row={first.row ?? ''}
        aria-expanded={k !== null}
        onClick={() => void go(k ?? 0)}
      >
        <EntryWho {...props} />
        <span>{message}</span>
        {article && <span className={styles.muted}>{article}</span>}
      </button>
      {k !== null && <EntryTools {...props} k={k} failed={failed} go={go} />}
    </div>
  );
}

/** Who and where: the teacher (or the whole roster), the value, the file, sheet and row(s). */
function EntryWho(props: EntryProps): React.ReactElement {
  const { s, lang, entry: e } = props;
  const styles = useStyles();
  const first = e.items[0]!;
  const rows = recordsOf(e);
  const isId = first.field === 'teacherId';
  const name = whoOf(e);
  const quoted = (v: string) => (lang === 'en' ? `“${v}”` : `「${v}」`);
  return (
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
      {first.row !== undefined && (
        <>
          {' · '}
          {placeOf(first) && <span lang="zh-CN">{placeOf(first)} </span>}
          {rows > 1 ? s.rows(rows) : s.row(first.row)}
        </>
      )}
    </span>
  );
}

/** An open entry: the place reached (k of n), 下一处, 为什么, and the one-click fix or its undo. */
function EntryTools(
  props: EntryProps & { k: number; failed: boolean; go: (next: number) => Promise<void> },
): React.ReactElement {
  const { s, view, entry: e, fixing, busy, k, go } = props;
  const styles = useStyles();
  const n = e.items.length;
  const current = e.items[k];
  const cell = current ? cellOf(view.last, current) : undefined;
  const record = current ? recordIndex(current) : undefined;
  const fix = cell ? fixing?.fixes[cell.address] : undefined;
  return (
    <div className={styles.entryTools}>
      {cell && (
        <Caption1 data-testid="selected">
          {props.select ? s.at(k + 1, n, '') : s.atPlace(k + 1, n, '')}
          <span lang="zh-CN">{cell.address}</span>
        </Caption1>
      )}
      {props.failed && <Caption1 className={styles.warn}>{s.selectFailed}</Caption1>}
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
        {fixing && e.suggestion !== undefined && cell && current?.scope === 'record' && !fix && (
          <Button
            size="small"
            appearance="primary"
            disabled={busy}
            data-testid="fix"
            onClick={() => void fixing.onFix(cell, e.suggestion!)}
          >
            <span>
              {s.fixTo('')}
              <span lang="zh-CN">{e.suggestion}</span>
            </span>
          </Button>
        )}
        {fix && fixing && (
          <>
            <Caption1 data-testid="fixed">{s.fixed(fix.value)}</Caption1>
            <Button size="small" disabled={busy} data-testid="undo-inline" onClick={() => void fixing.onUndo(fix)}>
              {s.undo}
            </Button>
          </>
        )}
      </div>
    </div>
  );
}

/** The file and sheet of an issue among several (the CLI's way: a.xlsx「2019年」); nothing for one sheet. */
function placeOf(i: IssueItem): string {
  return [i.file, i.sheet === undefined ? undefined : `「${i.sheet}」`].filter(Boolean).join(' ');
}

/** Every problem in the roster's order — file, sheet, row — each naming its cell; the teachers' and the roster's last. */
function PlaceList(props: IssuesTabProps & { items: IssueItem[] }): React.ReactElement {
  const { s, items } = props;
  const styles = useStyles();
  const [limit, setLimit] = React.useState(PLACES);
  const [active, setActive] = React.useState<string | null>(null);
  const { failed, selectCell } = useSelectCell(props);
  const sorted = React.useMemo(() => {
    const rank = (i: IssueItem) => recordIndex(i) ?? (i.scope === 'teacher' ? Infinity : Number.MAX_VALUE);
    return items.map((i, n) => ({ i, n })).sort((a, b) => rank(a.i) - rank(b.i) || a.n - b.n);
  }, [items]);
  const go = (i: IssueItem) => {
    setActive(i.key);
    return selectCell(i);
  };
  return (
    <div className={styles.entries} data-testid="places">
      {sorted.slice(0, limit).map(({ i }) => (
        <PlaceEntry key={i.key} {...props} item={i} active={active === i.key} failed={failed} go={go} />
      ))}
      {sorted.length > limit && (
        <Button size="small" appearance="subtle" onClick={() => setLimit(limit + PLACES)}>
          {s.showMore(Math.min(PLACES, sorted.length - limit))}
        </Button>
      )}
    </div>
  );
}

/** One problem at its place: the cell, who, its kind and message, its article; open, 为什么. */
function PlaceEntry(
  props: IssuesTabProps & { item: IssueItem; active: boolean; failed: boolean; go: (i: IssueItem) => Promise<void> },
): React.ReactElement {
  const { s, lang, view, item: i, active } = props;
  const { last, report } = view;
  const styles = useStyles();
  const cell = cellOf(last, i);
  const record = recordIndex(i);
  const cite = engineIssue(last.result, i)?.cite;
  const name = whoOf(i);
  const en = (x: string) => (lang === 'en' ? englishArticles(maskIds(x)) : maskIds(x));
  const fallback = RULES[report.region as RegionId]?.source.title;
  return (
    <div className={mergeClasses(styles.entry, active && styles.entryActive)} data-testid="place-entry">
      <button
        type="button"
        className={styles.entryMain}
        data-testid="place-issue"
        data-severity={i.severity}
        onClick={() => void props.go(i)}
      >
        <span className={styles.who}>
          {cell ? <span lang="zh-CN">{cell.address}</span> : s.wholeRoster}
          {name && (
            <>
              {' · '}
              <span lang="zh-CN">{name}</span>
            </>
          )}
          {i.scope === 'teacher' && ` ${s.teacherWide}`}
        </span>
        <span>
          <Badge size="small" color={i.severity === 'error' ? 'danger' : 'warning'}>
            {heading(severityWord(i.severity, lang))}
          </Badge>{' '}
          {heading(say(ISSUES[i.code].title, lang))}
          {s.colon}
          {en(i.message)}
        </span>
        {cite && <span className={styles.muted}>{shortCite(cite, lang, fallback)}</span>}
      </button>
      {active && (
        <div className={styles.entryTools}>
          {props.failed && <Caption1 className={styles.warn}>{s.selectFailed}</Caption1>}
          {record !== undefined && (
            <div className={styles.row}>
              <Button size="small" data-testid="why" onClick={() => props.onWhy({ kind: 'record', index: record })}>
                {s.why}
              </Button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
