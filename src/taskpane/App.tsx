// The task pane: settings (region, cycle, overrides, column mapping), one-click
// validation with progress and cancel, issues by row or by kind (click → the cell),
// teachers with their years, cycle and shortfall, and the summary/template/marks
// actions. All figures come from the engine's report; nothing here knows a rule.
import * as React from 'react';
import {
  Badge,
  Button,
  Caption1,
  Divider,
  Dropdown,
  Field,
  FluentProvider,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  ProgressBar,
  Select,
  Subtitle2,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { REGIONS, RULES, type RegionId, type RegionRules } from '../rules';
import { checkOverrides, makeOverrides } from '../rules/params';
import { detectHeader, ColumnMap, Field as RosterField, FIELDS, FIELD_LABELS } from '../core/fields';
import type { Report } from '../engine/report';
import { parseDate, today, type WorkbookSettings } from '../present/settings';
import { parseCycleStart } from '../core/dates';
import { say, type Lang } from '../core/text';
import { STATUS_WORDS } from '../engine/verdict';
import { issueItems, type IssueItem } from '../present/issues';
import { ISSUES, type IssueCode } from '../core/issues';
import { maskId } from '../core/idcard';
import { columnLetters } from '../present/tables';
import { getSettings, onSettings, setSettings } from '../runtime/state';
import { cancelValidation, getPort, paneIssueCell, runValidation } from './controller';
import { STRINGS, Strings } from './i18n';
import type { SheetData } from './port';
import { store, PaneState } from './store';
import { Diagnostics } from './Diagnostics';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
    padding: '12px 14px 24px',
    boxSizing: 'border-box',
    minHeight: '100%',
  },
  header: { display: 'flex', alignItems: 'center', gap: '8px', justifyContent: 'space-between' },
  section: { display: 'flex', flexDirection: 'column', gap: '8px' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
  counts: { display: 'flex', gap: '6px', flexWrap: 'wrap' },
  list: { display: 'flex', flexDirection: 'column', gap: '2px' },
  item: {
    textAlign: 'left',
    border: 'none',
    background: 'none',
    padding: '6px 8px',
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase200,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  itemSelected: { backgroundColor: tokens.colorBrandBackground2 },
  mapGrid: { display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '4px 8px', alignItems: 'center' },
  teacher: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '6px 8px',
  },
  years: { display: 'flex', gap: '4px', flexWrap: 'wrap', marginTop: '4px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

function useStore(): PaneState {
  return React.useSyncExternalStore(store.subscribe, store.get, store.get);
}

function useSettings(): WorkbookSettings {
  return React.useSyncExternalStore((l) => onSettings(l), getSettings, getSettings);
}

export interface AppProps {
  preview: boolean;
  initialLang: Lang;
}

export function App({ preview, initialLang }: AppProps): React.ReactElement {
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const s = STRINGS[lang];
  const st = useStore();
  const styles = useStyles();
  const [columns, setColumns] = React.useState<{ map: ColumnMap; sheet: SheetData } | null>(null);
  const [message, setMessage] = React.useState<string | null>(null);

  const act = async (f: () => Promise<string>) => {
    try {
      setMessage(await f());
    } catch (e) {
      store.set({ error: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <FluentProvider theme={webLightTheme} style={{ minHeight: '100%' }} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <div className={styles.root}>
        <div className={styles.header}>
          <Subtitle2 as="h1">{s.title}</Subtitle2>
          <div className={styles.row}>
            {preview && (
              <Badge appearance="filled" color="warning" data-testid="preview-badge" title={s.previewHint}>
                {s.preview}
              </Badge>
            )}
            <Button
              size="small"
              appearance="subtle"
              data-testid="lang"
              onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
            >
              {s.language}
            </Button>
          </div>
        </div>
        {preview && <Caption1 className={styles.muted}>{s.previewHint}</Caption1>}
        <TabList selectedValue={st.tab} onTabSelect={(_, d) => store.set({ tab: d.value as PaneState['tab'] })}>
          <Tab value="settings" data-testid="tab-settings">
            {s.tabSettings}
          </Tab>
          <Tab value="issues" data-testid="tab-issues">
            {s.tabIssues}
            {st.last ? ` (${st.last.report.summary.errors + st.last.report.summary.warnings})` : ''}
          </Tab>
          <Tab value="teachers" data-testid="tab-teachers">
            {s.tabTeachers}
          </Tab>
        </TabList>

        {st.busy && (
          <div className={styles.section} data-testid="progress">
            <Text size={200}>
              {s.phase[st.busy.phase]} {st.busy.total > 1 ? `${st.busy.done}/${st.busy.total}` : ''}
            </Text>
            <ProgressBar value={st.busy.total ? st.busy.done / st.busy.total : undefined} />
            <Button size="small" onClick={cancelValidation} data-testid="cancel">
              {s.cancel}
            </Button>
          </div>
        )}
        {st.error && (
          <MessageBar intent="error" data-testid="error">
            <MessageBarBody>{st.error}</MessageBarBody>
          </MessageBar>
        )}
        {(message || st.notice) && (
          <MessageBar intent="success" data-testid="message">
            <MessageBarBody>{message ?? st.notice}</MessageBarBody>
          </MessageBar>
        )}

        {st.tab === 'settings' && (
          <SettingsTab
            s={s}
            lang={lang}
            busy={!!st.busy}
            columns={columns}
            setColumns={setColumns}
            setMessage={setMessage}
            act={act}
          />
        )}
        {st.tab === 'issues' && <IssuesTab s={s} lang={lang} />}
        {st.tab === 'teachers' && <TeachersTab s={s} lang={lang} />}
        <Diagnostics lang={lang} />
      </div>
    </FluentProvider>
  );
}

function SettingsTab(props: {
  s: Strings;
  lang: Lang;
  busy: boolean;
  columns: { map: ColumnMap; sheet: SheetData } | null;
  setColumns: (c: { map: ColumnMap; sheet: SheetData } | null) => void;
  setMessage: (m: string | null) => void;
  act: (f: () => Promise<string>) => Promise<void>;
}): React.ReactElement {
  const { s, lang, busy, columns, setColumns, act } = props;
  const styles = useStyles();
  const settings = useSettings();
  const [region, setRegion] = React.useState<RegionId | undefined>(settings.region);
  const [cycle, setCycle] = React.useState<string>(settings.cycleStart ? String(settings.cycleStart) : '');
  const [asOf, setAsOf] = React.useState<string>(settings.asOf ?? '');
  const [over, setOver] = React.useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(settings.overrides ?? {}).map(([k, v]) => [k, String(v)])),
  );
  React.useEffect(() => {
    setRegion(settings.region);
    setCycle(settings.cycleStart ? String(settings.cycleStart) : '');
    setAsOf(settings.asOf ?? '');
  }, [settings.region, settings.cycleStart, settings.asOf]);

  const rules: RegionRules | undefined = region ? RULES[region] : undefined;
  const fixed = rules?.fixedCycle;
  const open = rules ? Object.entries(rules.params).filter(([, p]) => p.overridable) : [];
  const cycleBad = cycle !== '' && parseCycleStart(cycle) === undefined;
  // keyed by what the workbook says: no prototype, so "constructor" or "__proto__" is only a name
  const overrideValues: Record<string, number> = makeOverrides();
  const overrideErrors: Record<string, string> = Object.create(null);
  for (const [k, v] of Object.entries(over)) {
    if (v.trim() === '' || !rules || !Object.prototype.hasOwnProperty.call(rules.params, k)) continue;
    const n = Number(v);
    if (!Number.isFinite(n)) overrideErrors[k] = lang === 'en' ? 'not a number' : '不是数字';
    else overrideValues[k] = n;
  }
  if (rules)
    for (const p of checkOverrides(rules.params, overrideValues))
      overrideErrors[p.key] = lang === 'en' ? p.message.en : p.message.zh;
  // what the workbook's CPD.overrides holds that no field here shows ("constructor", a fixed parameter …): said,
  // never dropped in silence when the settings are saved
  const unusable =
    rules && settings.overrides
      ? checkOverrides(
          rules.params,
          makeOverrides(
            Object.keys(settings.overrides)
              .filter((k) => !open.some(([key]) => key === k))
              .map((k) => [k, settings.overrides![k]!] as const),
          ),
        )
      : [];
  const asOfBad = asOf !== '' && !parseDate(asOf);
  const valid = !!region && !cycleBad && !asOfBad && Object.keys(overrideErrors).length === 0;

  const save = async (): Promise<WorkbookSettings> => {
    const next: WorkbookSettings = { region: region! };
    if (cycle !== '' && !RULES[region!].fixedCycle) next.cycleStart = parseCycleStart(cycle)!;
    if (Object.keys(overrideValues).length) next.overrides = overrideValues;
    if (asOf !== '') next.asOf = parseDate(asOf)!;
    await getPort()!.writeSettings(next);
    setSettings(next);
    return next;
  };

  const detect = async (): Promise<string> => {
    const sheet = await getPort()!.readActiveSheet();
    const map = detectHeader(sheet.rows);
    if (!map) {
      setColumns(null);
      throw new Error(s.noHeader);
    }
    setColumns({ map, sheet });
    return s.detected(sheet.address, sheet.firstRow + map.headerRow);
  };

  const headerCells = columns ? (columns.sheet.rows[columns.map.headerRow] ?? []) : [];

  return (
    <div className={styles.section}>
      <Field label={s.region} required>
        <Dropdown
          data-testid="region"
          placeholder={s.regionPlaceholder}
          value={region ? `${RULES[region].name.zh} · ${RULES[region].name.en}` : ''}
          selectedOptions={region ? [region] : []}
          onOptionSelect={(_, d) => setRegion(d.optionValue as RegionId)}
        >
          {REGIONS.map((r) => (
            <Option key={r} value={r} text={`${RULES[r].name.zh} · ${RULES[r].name.en}`} data-testid={`region-${r}`}>
              {`${RULES[r].name.zh} · ${RULES[r].name.en}`}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {rules && (
        <Caption1 className={styles.muted}>
          {rules.source.title}（{rules.source.body}，{rules.source.year}）
        </Caption1>
      )}
      <Field
        label={s.cycleStart}
        hint={fixed ? s.cycleFixed(fixed.start) : s.cycleAuto}
        validationMessage={cycleBad ? s.cycleInvalid : undefined}
      >
        <Input
          data-testid="cycle"
          value={fixed ? String(fixed.start) : cycle}
          disabled={!!fixed}
          onChange={(_, d) => setCycle(d.value.trim())}
          inputMode="numeric"
        />
      </Field>
      <Field label={s.asOf} hint={s.asOfHint(today())} validationMessage={asOfBad ? s.asOfInvalid : undefined}>
        <Input data-testid="as-of" value={asOf} placeholder={today()} onChange={(_, d) => setAsOf(d.value.trim())} />
      </Field>
      {rules && (
        <div className={styles.section}>
          <Text weight="semibold">{s.overrides}</Text>
          <Caption1 className={styles.muted}>{open.length ? s.overridesHint : s.overrideNone}</Caption1>
          {unusable.length > 0 && (
            <MessageBar intent="warning" data-testid="overrides-unusable">
              <MessageBarBody>
                {s.overridesUnusable}
                {unusable.map((p) => (lang === 'en' ? p.message.en : p.message.zh)).join(lang === 'en' ? '; ' : '；')}
              </MessageBarBody>
            </MessageBar>
          )}
          {open.map(([key, p]) => (
            <Field
              key={key}
              label={`${lang === 'en' ? p.label.en : p.label.zh}（${p.cite.article}）`}
              hint={`${key} · ${s.notDefined === '原文未规定' ? '原文' : 'source'}: ${p.value === null ? s.notDefined : p.value}`}
              validationMessage={overrideErrors[key]}
            >
              <Input
                data-testid={`override-${key}`}
                value={over[key] ?? ''}
                placeholder={p.value === null ? s.notDefined : String(p.value)}
                onChange={(_, d) => setOver({ ...over, [key]: d.value })}
              />
            </Field>
          ))}
        </div>
      )}
      <div className={styles.row}>
        <Button
          appearance="secondary"
          disabled={!valid || busy}
          data-testid="save"
          onClick={() => act(async () => (await save(), s.saved))}
        >
          {s.save}
        </Button>
      </div>
      <Divider />
      <Text weight="semibold">{s.columns}</Text>
      <div className={styles.row}>
        <Button size="small" disabled={busy} data-testid="detect" onClick={() => act(detect)}>
          {s.detect}
        </Button>
      </div>
      {columns && (
        <div className={styles.mapGrid} data-testid="mapping">
          {FIELDS.filter(
            (f) =>
              columns.map.columns[f] !== undefined ||
              ['teacherId', 'year', 'level', 'mode', 'hours', 'grade'].includes(f),
          ).map((f) => (
            <React.Fragment key={f}>
              <Caption1>{lang === 'en' ? FIELD_LABELS[f].en : FIELD_LABELS[f].zh}</Caption1>
              <Select
                size="small"
                value={columns.map.columns[f] === undefined ? '' : String(columns.map.columns[f])}
                onChange={(_, d) => {
                  const next: ColumnMap = { ...columns.map, columns: { ...columns.map.columns } };
                  if (d.value === '') delete next.columns[f as RosterField];
                  else next.columns[f as RosterField] = +d.value;
                  setColumns({ ...columns, map: next });
                }}
              >
                <option value="">{s.notMapped}</option>
                {headerCells.map((h, i) => (
                  <option
                    key={i}
                    value={String(i)}
                  >{`${columnLetters(columns.sheet.firstCol + i)} · ${String(h ?? '')}`}</option>
                ))}
              </Select>
            </React.Fragment>
          ))}
        </div>
      )}
      <Divider />
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={!valid || busy}
          data-testid="validate"
          onClick={() =>
            act(async () => {
              const saved = await save();
              const last = await runValidation({
                region: saved.region!,
                ...(columns ? { columns: columns.map } : {}),
                lang,
              });
              return last ? s.marks(last.marks) : '';
            })
          }
        >
          {s.validate}
        </Button>
        <Button
          disabled={busy}
          data-testid="clear"
          onClick={() => act(async () => s.marksCleared(await getPort()!.clearMarks()))}
        >
          {s.clearMarks}
        </Button>
      </div>
      <div className={styles.row}>
        <Button
          disabled={busy || !store.get().last}
          data-testid="summary"
          onClick={() =>
            act(async () => s.summaryWritten(await getPort()!.writeSummary(store.get().last!.report, lang)))
          }
        >
          {s.writeSummary}
        </Button>
        <Button
          disabled={busy || !region}
          data-testid="template"
          onClick={() => act(async () => s.templateInserted(await getPort()!.insertTemplate(region!, lang)))}
        >
          {s.insertTemplate}
        </Button>
      </div>
    </div>
  );
}

const issueTitle = (code: IssueCode, lang: Lang): string => say(ISSUES[code].title, lang);

function IssuesTab({ s, lang }: { s: Strings; lang: Lang }): React.ReactElement {
  const st = useStore();
  const styles = useStyles();
  const [grouping, setGrouping] = React.useState<'row' | 'kind'>('kind');
  const [limit, setLimit] = React.useState(200);
  const [selected, setSelected] = React.useState<string | null>(null);
  const [where, setWhere] = React.useState<string | null>(null);
  const last = st.last;
  if (!last) return <Text>{s.validateFirst}</Text>;
  const { report } = last;
  const sum = report.summary;
  const issues = issueItems(report);
  const groups = new Map<string, IssueItem[]>();
  for (const i of issues) {
    const k =
      grouping === 'kind'
        ? `${i.severity === 'error' ? s.errors : i.severity === 'warning' ? s.warnings : 'info'} · ${issueTitle(i.code, lang)}`
        : i.row !== undefined
          ? s.row(i.row)
          : (i.teacherName ?? i.teacherId ?? '');
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(i);
  }
  const click = async (i: IssueItem) => {
    setSelected(i.key);
    if (i.row === undefined) return;
    const cell = paneIssueCell(last.result, last.sheet, i.row, i.field);
    await getPort()?.select(last.sheet.sheetName, cell.row, cell.col);
    setWhere(`${last.sheet.sheetName}!${columnLetters(cell.col)}${cell.row}`);
  };
  let shown = 0;
  return (
    <div className={styles.section}>
      <div className={styles.counts} data-testid="counts">
        <Badge color="danger" data-testid="count-errors">
          {s.errors} {sum.errors}
        </Badge>
        <Badge color="warning" data-testid="count-warnings">
          {s.warnings} {sum.warnings}
        </Badge>
        <Badge color="informative">
          {s.records} {sum.records}
        </Badge>
        <Badge color="success" data-testid="count-pass">
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
        <Caption1 className={styles.muted} data-testid="as-of-shown">
          {s.asOfShown(report.asOf)}
        </Caption1>
      </div>
      <Caption1 className={styles.muted}>
        {s.marks(last.marks)}{' '}
        {s.took(Math.round(last.timings.read), Math.round(last.timings.engine), Math.round(last.timings.write))}
      </Caption1>
      {where && <Caption1 data-testid="selected">{s.selected(where)}</Caption1>}
      <TabList size="small" selectedValue={grouping} onTabSelect={(_, d) => setGrouping(d.value as 'row' | 'kind')}>
        <Tab value="kind" data-testid="group-kind">
          {s.byKind}
        </Tab>
        <Tab value="row" data-testid="group-row">
          {s.byRow}
        </Tab>
      </TabList>
      {issues.length === 0 && <Text>{s.noIssues}</Text>}
      <div className={styles.list} data-testid="issues">
        {[...groups.entries()].map(([k, list]) => {
          if (shown >= limit) return null;
          const visible = list.slice(0, Math.max(0, limit - shown));
          shown += visible.length;
          return (
            <div key={k} className={styles.section}>
              <Text weight="semibold" size={200}>
                {k}（{list.length}）
              </Text>
              {visible.map((i) => (
                <button
                  key={i.key}
                  type="button"
                  data-testid="issue"
                  data-row={i.row ?? ''}
                  className={`${styles.item} ${selected === i.key ? styles.itemSelected : ''}`}
                  onClick={() => void click(i)}
                >
                  <span>
                    <Badge size="small" color={i.severity === 'error' ? 'danger' : 'warning'}>
                      {i.row !== undefined ? s.row(i.row) : (i.teacherName ?? i.teacherId ?? '')}
                    </Badge>{' '}
                    {i.message}
                  </span>
                  {i.article && <Caption1 className={styles.muted}>{i.article}</Caption1>}
                </button>
              ))}
            </div>
          );
        })}
      </div>
      {issues.length > limit && (
        <Button size="small" onClick={() => setLimit(limit + 200)}>
          {s.showMore(Math.min(200, issues.length - limit))}
        </Button>
      )}
      {report.readings.length > 0 && (
        <div className={styles.section}>
          <Text weight="semibold" size={200}>
            {s.readings}
          </Text>
          {report.readings.map((r) => (
            <Caption1 key={r.id}>
              {r.id} {r.summary}
            </Caption1>
          ))}
        </div>
      )}
    </div>
  );
}

type Status = Report['teachers'][number]['cycle']['status'];
const STATUS_COLOR: Record<Status, 'success' | 'danger' | 'informative' | 'warning' | 'subtle'> = {
  pass: 'success',
  fail: 'danger',
  inProgress: 'informative',
  pending: 'warning',
  notAssessed: 'subtle',
};

function TeachersTab({ s, lang }: { s: Strings; lang: Lang }): React.ReactElement {
  const st = useStore();
  const styles = useStyles();
  const report = st.last?.report;
  const initial = !report
    ? 'failing'
    : report.summary.cycleFail
      ? 'failing'
      : report.summary.cycleInProgress + report.summary.cyclePending
        ? 'open'
        : 'all';
  const [filter, setFilter] = React.useState<'all' | 'failing' | 'open'>(initial);
  const [limit, setLimit] = React.useState(100);
  if (!report) return <Text>{s.validateFirst}</Text>;
  const word = (x: Status) => say(STATUS_WORDS[x], lang);
  const open = (x: Status) => x === 'inProgress' || x === 'pending';
  const teachers = report.teachers.filter(
    (t) => filter === 'all' || (filter === 'failing' ? t.cycle.status === 'fail' : open(t.cycle.status)),
  );
  const sum = report.summary;
  return (
    <div className={styles.section}>
      <TabList
        size="small"
        selectedValue={filter}
        onTabSelect={(_, d) => setFilter(d.value as 'all' | 'failing' | 'open')}
      >
        <Tab value="failing" data-testid="filter-failing">
          {s.failing}（{sum.cycleFail}）
        </Tab>
        <Tab value="open" data-testid="filter-open">
          {s.open}（{sum.cycleInProgress + sum.cyclePending}）
        </Tab>
        <Tab value="all" data-testid="filter-all">
          {s.all}（{sum.teachers}）
        </Tab>
      </TabList>
      <Caption1 className={styles.muted}>{s.asOfShown(report.asOf)}</Caption1>
      {teachers.slice(0, limit).map((t) => (
        <div key={t.id} className={styles.teacher} data-testid="teacher" data-status={t.cycle.status}>
          <div className={styles.row}>
            <Text weight="semibold">{t.name ?? ''}</Text>
            <Caption1 className={styles.muted}>{maskId(t.id)}</Caption1>
            <Badge color={STATUS_COLOR[t.cycle.status]}>
              {t.cycle.start}–{t.cycle.end} {word(t.cycle.status)}
            </Badge>
            <Caption1>
              {t.cycle.credits} {s.credits} · {t.cycle.hours} {s.hours}
            </Caption1>
          </div>
          <div className={styles.years}>
            {t.years.map((y) => (
              <Badge
                key={y.year}
                appearance="tint"
                color={STATUS_COLOR[y.status]}
                title={[y.verdict, ...y.reasons].join('；')}
              >
                {y.year} {word(y.status)} · {report.unit === 'hours' ? y.hours : y.credits}
              </Badge>
            ))}
          </div>
          {t.cycle.status !== 'pass' && (
            <Caption1 block data-testid="verdict">
              {t.cycle.verdict}
            </Caption1>
          )}
          {t.cycle.shortfall
            .filter((x) => !x.advisory)
            .map((x) => (
              <Caption1 key={x.condition} block className={styles.muted}>
                {x.label} {s.missing} {x.missing} {x.unit === 'hours' ? s.hours : s.credits}（{x.article}）
              </Caption1>
            ))}
          {t.idProblem && <Caption1 block>{t.idProblem}</Caption1>}
        </div>
      ))}
      {teachers.length > limit && (
        <Button size="small" onClick={() => setLimit(limit + 100)}>
          {s.showMore(Math.min(100, teachers.length - limit))}
        </Button>
      )}
    </div>
  );
}
