// The task pane: a sticky action bar (region · the sheet that will be checked · 校验本表), the settings
// (collapsed to one line once saved), what to fix first, the teachers with their verdicts, and a "why"
// view for every record and verdict. Everything is rendered from the engine's result in the reader's
// language at display time; nothing here knows a rule.
import * as React from 'react';
import {
  Button,
  Caption1,
  FluentProvider,
  mergeClasses,
  Tab,
  TabList,
  Text,
  webLightTheme,
} from '@fluentui/react-components';
import { RULES } from '../rules';
import type { ColumnMap } from '../core/fields';
import { say, type Lang, type Text as Words } from '../core/text';
import { getSettings } from '../runtime/state';
import { cancelValidation, errorText, getPort, runValidation } from './controller';
import { both, STRINGS } from './i18n';
import type { SheetData } from './port';
import { store, PaneState } from './store';
import { Diagnostics } from './Diagnostics';
import { useDraft } from './draft';
import { useStyles } from './styles';
import { reportIn, type Act, type Cell, type Fix } from './view';
import { Header, Messages, Progress } from './chrome';
import { PaneActions } from './PaneActions';
import { SettingsTab } from './SettingsTab';
import { IssuesTab } from './IssuesTab';
import { TeachersTab } from './TeachersTab';
import { Why, type WhyTarget } from './Why';

function useStore(): PaneState {
  return React.useSyncExternalStore(store.subscribe, store.get, store.get);
}

export interface AppProps {
  preview: boolean;
  initialLang: Lang;
}

export type { Act, Fix } from './view';

/** The value the validation read from a cell (what a one-click fix expects to find there). */
function readValue(sheet: SheetData, row: number, col: number): unknown {
  return sheet.rows[row - sheet.firstRow]?.[col - sheet.firstCol] ?? '';
}

export function App({ preview, initialLang }: AppProps): React.ReactElement {
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const s = STRINGS[lang];
  const st = useStore();
  const styles = useStyles();
  const draft = useDraft((n) => getPort()!.writeSettings(n));
  const [editing, setEditing] = React.useState(() => !getSettings().region);
  const [focusParam, setFocusParam] = React.useState<string | null>(null);
  const [columns, setColumns] = React.useState<{ map: ColumnMap; sheet: SheetData } | null>(null);
  const [message, setMessage] = React.useState<Words | null>(null);
  const [sheetName, setSheetName] = React.useState<string | null>(null);
  const [why, setWhy] = React.useState<WhyTarget | null>(null);
  const [fixes, setFixes] = React.useState<Record<string, Fix>>({});
  const barRef = React.useRef<HTMLDivElement>(null);
  const tabsRef = React.useRef<HTMLDivElement>(null);
  const busy = !!st.busy;

  const refreshSheet = React.useCallback(async () => {
    try {
      setSheetName((await getPort()?.activeSheetName()) ?? null);
    } catch {
      setSheetName(null);
    }
  }, []);
  // the user may switch sheets in Excel while the pane is open: look again whenever they come back to it
  React.useEffect(() => {
    void refreshSheet();
    const again = () => void refreshSheet();
    window.addEventListener('focus', again);
    document.addEventListener('visibilitychange', again);
    return () => {
      window.removeEventListener('focus', again);
      document.removeEventListener('visibilitychange', again);
    };
  }, [refreshSheet]);

  const act: Act = async (f) => {
    setMessage(null);
    store.set({ error: null, notice: null });
    try {
      setMessage(await f());
    } catch (e) {
      store.set({ error: errorText(e) });
    } finally {
      void refreshSheet();
    }
  };

  // after a validation (the pane's or the ribbon's) the tabs come on screen, just under the action bar
  const lastAt = st.last?.at;
  React.useEffect(() => {
    const tabs = tabsRef.current;
    if (!lastAt || !tabs) return;
    const barBottom = barRef.current?.getBoundingClientRect().bottom ?? 0;
    const top = tabs.getBoundingClientRect().top;
    if (top < barBottom || top + 40 > window.innerHeight)
      window.scrollTo({ top: Math.max(0, window.scrollY + top - barBottom - 4) });
  }, [lastAt]);

  const view = React.useMemo(
    () => (st.last ? { last: st.last, report: reportIn(st.last, lang) } : null),
    [st.last, lang],
  );

  const validate = () =>
    act(async () => {
      const saved = draft.dirty ? await draft.save() : getSettings();
      if (draft.dirty) setEditing(false);
      await runValidation({ region: saved.region!, ...(columns ? { columns: columns.map } : {}), lang });
      return null;
    });

  const fix = (cell: Cell, value: string, expected: unknown) =>
    act(async () => {
      const old = await getPort()!.writeCell(cell.sheet, cell.row, cell.col, value, expected);
      setFixes((f) => ({ ...f, [cell.address]: { ...cell, old, value } }));
      return both((w) => w.fixed(value));
    });
  const undo = (f: Fix) =>
    act(async () => {
      await getPort()!.writeCell(f.sheet, f.row, f.col, f.old, f.value);
      setFixes((x) => {
        const y = { ...x };
        delete y[f.address];
        return y;
      });
      return both((w) => w.undone(String(f.old)));
    });
  const openSetting = (param: string) => {
    setEditing(true);
    setFocusParam(param);
    store.set({ tab: 'settings' });
  };

  const region = draft.region ?? getSettings().region;
  const problem = busy ? null : draft.problem;
  const notice = message ?? st.notice;
  const total = view ? view.report.summary.errors + view.report.summary.warnings : null;

  return (
    <FluentProvider theme={webLightTheme} style={{ minHeight: '100%' }} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <div className={styles.root}>
        <Header
          s={s}
          lang={lang}
          setLang={setLang}
          {...(preview ? { badge: { text: s.preview, testid: 'preview-badge' } } : {})}
        />
        {preview && <Caption1 className={styles.muted}>{s.previewHint}</Caption1>}

        <div className={styles.bar} ref={barRef} data-testid="action-bar">
          <div className={styles.barRow}>
            <div className={styles.barText}>
              <Text weight="semibold" data-testid="bar-region">
                {region ? say(RULES[region].name, lang) : s.noRegion}
              </Text>
              <Caption1 className={mergeClasses(styles.muted, styles.ellipsis)} data-testid="bar-sheet">
                {s.sheetToCheck}
                {s.colon}
                {sheetName === null ? s.sheetUnknown : <span lang="zh-CN">{sheetName}</span>}
              </Caption1>
            </div>
            {busy ? (
              <Button onClick={cancelValidation} data-testid="cancel">
                {s.cancel}
              </Button>
            ) : (
              <Button
                appearance="primary"
                disabled={!!problem}
                data-testid="validate"
                aria-describedby={problem ? 'validate-why' : undefined}
                onClick={() => void validate()}
              >
                {s.validate}
              </Button>
            )}
          </div>
          {st.busy && <Progress label={s.phase[st.busy.phase]} done={st.busy.done} total={st.busy.total} />}
          {problem && (
            <Caption1 id="validate-why" data-testid="validate-why">
              {say(problem, lang)}
            </Caption1>
          )}
          <Messages
            s={s}
            lang={lang}
            error={st.error}
            onCloseError={() => store.set({ error: null })}
            notice={notice}
            onCloseNotice={() => {
              setMessage(null);
              store.set({ notice: null });
            }}
          />
        </div>

        <div ref={tabsRef} className={styles.tabs}>
          <TabList selectedValue={st.tab} onTabSelect={(_, d) => store.set({ tab: d.value as PaneState['tab'] })}>
            <Tab value="settings" data-testid="tab-settings">
              {s.tabSettings}
            </Tab>
            <Tab value="issues" data-testid="tab-issues">
              {s.tabIssues}
              {total !== null ? ` ${total}` : ''}
            </Tab>
            <Tab value="teachers" data-testid="tab-teachers">
              {s.tabTeachers}
              {view ? ` ${view.report.summary.teachers}` : ''}
            </Tab>
          </TabList>
        </div>

        {st.tab === 'settings' && (
          <SettingsTab
            s={s}
            lang={lang}
            busy={busy}
            draft={draft}
            editing={editing}
            setEditing={setEditing}
            focusParam={focusParam}
            clearFocusParam={() => setFocusParam(null)}
            columns={columns}
            setColumns={setColumns}
            act={act}
          />
        )}
        {st.tab === 'issues' &&
          (view ? (
            <IssuesTab
              s={s}
              lang={lang}
              view={view}
              busy={busy}
              checked={view.last.sheet.sheetName}
              checkedMore={s.marks(view.last.marks)}
              select={(c) => getPort()!.select(c.sheet, c.row, c.col)}
              fixing={{
                fixes,
                onFix: (c, value) => fix(c, value, readValue(view.last.sheet, c.row, c.col)),
                onUndo: undo,
              }}
              onWhy={setWhy}
              onSetting={openSetting}
              actions={<PaneActions s={s} lang={lang} view={view} busy={busy} act={act} />}
            />
          ) : (
            <Text>{s.validateFirst}</Text>
          ))}
        {st.tab === 'teachers' &&
          (view ? <TeachersTab s={s} lang={lang} view={view} onWhy={setWhy} /> : <Text>{s.validateFirst}</Text>)}
        <Diagnostics lang={lang} />
      </div>
      {why && view && <Why s={s} lang={lang} view={view} target={why} onClose={() => setWhy(null)} />}
    </FluentProvider>
  );
}
