// The task pane: a sticky action bar (region · the sheet that will be checked · 校验本表), the settings
// (collapsed to one line once saved), what to fix first, the teachers with their verdicts, and a "why"
// view for every record and verdict. Everything is rendered from the engine's result in the reader's
// language at display time; nothing here knows a rule.
import * as React from 'react';
import { Caption1, TabList, Text } from '@fluentui/react-components';
import type { Report } from '../engine/report';
import type { ColumnMap } from '../core/fields';
import type { RegionId } from '../rules';
import type { Lang, Text as Words } from '../core/text';
import { getSettings } from '../runtime/state';
import { cancelValidation, errorText, getPort, runValidation } from './controller';
import { both, STRINGS, type Strings } from './i18n';
import type { SheetData } from './port';
import { store, PaneState } from './store';
import { Diagnostics } from './Diagnostics';
import { useDraft } from './draft';
import { useStyles } from './styles';
import type { Act, Cell, Fix } from './view';
import { ActionBar, messagesOf, progressOf, Header, Page, resultTabs, useStore, useView } from './chrome';
import { PaneActions } from './PaneActions';
import { SettingsTab } from './SettingsTab';
import { IssuesTab, type IssuesTabProps } from './IssuesTab';
import { TeachersTab } from './TeachersTab';
import { Why, type WhyTarget } from './Why';

export interface AppProps {
  preview: boolean;
  initialLang: Lang;
}

export type { Act, Fix } from './view';

/** The value the validation read from a cell (what a one-click fix expects to find there). */
function readValue(sheet: SheetData, row: number, col: number): unknown {
  return sheet.rows[row - sheet.firstRow]?.[col - sheet.firstCol] ?? '';
}

/** The sheet the pane will check: asked again whenever the reader comes back to the pane. */
function useActiveSheet(): { sheetName: string | null; refreshSheet: () => Promise<void> } {
  const [sheetName, setSheetName] = React.useState<string | null>(null);
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
  return { sheetName, refreshSheet };
}

/** After a validation (the pane's or the ribbon's) the tabs come on screen, just under the action bar. */
function useTabsInView(at: Date | undefined) {
  const barRef = React.useRef<HTMLDivElement>(null);
  const tabsRef = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    const tabs = tabsRef.current;
    if (!at || !tabs) return;
    const barBottom = barRef.current?.getBoundingClientRect().bottom ?? 0;
    const top = tabs.getBoundingClientRect().top;
    if (top < barBottom || top + 40 > window.innerHeight)
      window.scrollTo({ top: Math.max(0, window.scrollY + top - barBottom - 4) });
  }, [at]);
  return { barRef, tabsRef };
}

/** The one-click fixes made from the pane and their undo, kept until the pane closes. */
function useFixes(act: Act): (sheet: SheetData) => NonNullable<IssuesTabProps['fixing']> {
  const [fixes, setFixes] = React.useState<Record<string, Fix>>({});
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
  return (sheet) => ({
    fixes,
    onFix: (c, value) => fix(c, value, readValue(sheet, c.row, c.col)),
    onUndo: undo,
  });
}

function PaneTabs(props: { s: Strings; tab: PaneState['tab']; view: { report: Report } | null }): React.ReactElement {
  return (
    <TabList selectedValue={props.tab} onTabSelect={(_, d) => store.set({ tab: d.value as PaneState['tab'] })}>
      {resultTabs(props.s, props.view)}
    </TabList>
  );
}

/** Run an action of the pane: its words as the message, its failure as the error; then the sheet looked up again. */
function useAct(refreshSheet: () => Promise<void>) {
  const [message, setMessage] = React.useState<Words | null>(null);
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
  return { act, message, setMessage };
}

/** The pane's action bar: the region, the sheet to check, 校验本表 (or Cancel), progress and messages. */
function PaneBar(props: {
  s: Strings;
  lang: Lang;
  barRef: React.Ref<HTMLDivElement>;
  st: PaneState;
  region: RegionId | undefined;
  sheetName: string | null;
  problem: Words | null;
  onValidate: () => void;
  message: Words | null;
  clearMessage: () => void;
}): React.ReactElement {
  const { s, st, sheetName, problem } = props;
  return (
    <ActionBar
      ref={props.barRef}
      s={s}
      lang={props.lang}
      region={props.region}
      subjectTestid="bar-sheet"
      subject={
        <>
          {s.sheetToCheck}
          {s.colon}
          {sheetName === null ? s.sheetUnknown : <span lang="zh-CN">{sheetName}</span>}
        </>
      }
      progress={progressOf(st.busy, s.phase)}
      onCancel={cancelValidation}
      run={{ label: s.validate, testid: 'validate', disabled: !!problem, onRun: props.onValidate }}
      problem={problem}
      problemId="validate-why"
      {...messagesOf(store, st, props.message, props.clearMessage)}
    />
  );
}

/** The title line (with 预览 outside Excel, and what the preview is). */
function PaneHeader(props: { s: Strings; lang: Lang; setLang: (l: Lang) => void; preview: boolean }) {
  const { s, preview } = props;
  const styles = useStyles();
  return (
    <>
      <Header
        s={s}
        lang={props.lang}
        setLang={props.setLang}
        {...(preview ? { badge: { text: s.preview, testid: 'preview-badge' } } : {})}
      />
      {preview && <Caption1 className={styles.muted}>{s.previewHint}</Caption1>}
    </>
  );
}

/** The settings tab's state, kept while other tabs are shown: open or folded, the column mapping, a field to focus. */
function useSettingsState() {
  const [editing, setEditing] = React.useState(() => !getSettings().region);
  const [focusParam, setFocusParam] = React.useState<string | null>(null);
  const [columns, setColumns] = React.useState<{ map: ColumnMap; sheet: SheetData } | null>(null);
  /** a rule gap's button: the settings open, with its field in focus */
  const openSetting = (param: string) => {
    setEditing(true);
    setFocusParam(param);
    store.set({ tab: 'settings' });
  };
  const clearFocusParam = () => setFocusParam(null);
  return { editing, setEditing, focusParam, clearFocusParam, columns, setColumns, openSetting };
}

export function App({ preview, initialLang }: AppProps): React.ReactElement {
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const s = STRINGS[lang];
  const st = useStore(store);
  const styles = useStyles();
  const draft = useDraft((n) => getPort()!.writeSettings(n));
  const settings = useSettingsState();
  const [why, setWhy] = React.useState<WhyTarget | null>(null);
  const { sheetName, refreshSheet } = useActiveSheet();
  const { barRef, tabsRef } = useTabsInView(st.last?.at);
  const busy = !!st.busy;

  const { act, message, setMessage } = useAct(refreshSheet);
  const fixing = useFixes(act);
  const view = useView(st.last, lang);

  const validate = () =>
    act(async () => {
      const saved = draft.dirty ? await draft.save() : getSettings();
      if (draft.dirty) settings.setEditing(false);
      const columns = settings.columns;
      await runValidation({ region: saved.region!, ...(columns ? { columns: columns.map } : {}), lang });
      return null;
    });
  const problem = busy ? null : draft.problem;

  return (
    <Page lang={lang}>
      <div className={styles.root}>
        <PaneHeader s={s} lang={lang} setLang={setLang} preview={preview} />

        <PaneBar
          s={s}
          lang={lang}
          barRef={barRef}
          st={st}
          region={draft.region ?? getSettings().region}
          sheetName={sheetName}
          problem={problem}
          onValidate={() => void validate()}
          message={message}
          clearMessage={() => setMessage(null)}
        />

        <div ref={tabsRef} className={styles.tabs}>
          <PaneTabs s={s} tab={st.tab} view={view} />
        </div>

        {st.tab === 'settings' && <SettingsTab s={s} lang={lang} busy={busy} draft={draft} {...settings} act={act} />}
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
              fixing={fixing(view.last.sheet)}
              onWhy={setWhy}
              onSetting={settings.openSetting}
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
    </Page>
  );
}
