// The web page (index.html): the task pane's views on files instead of a workbook. Files are chosen or
// dropped (several at once), read and checked in a worker, and the same views as the pane show the result:
// counts, what to fix first (each problem naming its file, sheet and cell), the teachers, the schools; the
// annotated copies, the summary workbook and the JSON report are downloads. Nothing leaves the machine.
import * as React from 'react';
import {
  Caption1,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  Text,
} from '@fluentui/react-components';
import type { RegionId } from '../rules';
import { say, type Lang, type Text as Words } from '../core/text';
import { getSettings } from '../runtime/state';
import { STRINGS, type Strings } from '../taskpane/i18n';
import { useDraft, type Draft } from '../taskpane/draft';
import type { Report } from '../engine/report';
import { useStyles } from '../taskpane/styles';
import {
  ActionBar,
  messagesOf,
  progressOf,
  focusSetting,
  Header,
  Notices,
  Page,
  resultTabs,
  useStore,
  useView,
} from '../taskpane/chrome';
import { SettingsForm } from '../taskpane/SettingsTab';
import { IssuesTab } from '../taskpane/IssuesTab';
import { TeachersTab } from '../taskpane/TeachersTab';
import { SchoolsTab } from '../taskpane/SchoolsTab';
import { Why, type WhyTarget } from '../taskpane/Why';
import { Files } from './Files';
import { Downloads } from './Downloads';
import type { Sample } from './samples';
import {
  addFiles,
  cancel,
  check,
  clearFiles,
  removeFile,
  store,
  type Tab as TabId,
  type WebCheck,
  type WebState,
} from './state';

const useWebStyles = makeStyles({
  page: { maxWidth: '960px', margin: '0 auto', width: '100%' },
});

/** Files dragged anywhere over the page: dropped files are read, never opened by the browser in its place. */
function useDropAnywhere(onFiles: (f: File[]) => void): boolean {
  const [dragging, setDragging] = React.useState(false);
  React.useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (!depth) setDragging(false);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer!.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      onFiles([...(e.dataTransfer?.files ?? [])]);
    };
    document.addEventListener('dragenter', enter);
    document.addEventListener('dragleave', leave);
    document.addEventListener('dragover', over);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragenter', enter);
      document.removeEventListener('dragleave', leave);
      document.removeEventListener('dragover', over);
      document.removeEventListener('drop', drop);
    };
  }, [onFiles]);
  return dragging;
}

/** The web page's action bar: the region, the files chosen, 校验 (or Cancel), progress and messages. */
function WebBar(props: {
  s: Strings;
  lang: Lang;
  st: WebState;
  region: RegionId | undefined;
  problem: Words | null;
  /** at least one file not known to be unreadable */
  readable: boolean;
  onCheck: () => void;
  message: Words | null;
  clearMessage: () => void;
}): React.ReactElement {
  const { s, lang, st, problem } = props;
  const w = s.web;
  return (
    <ActionBar
      s={s}
      lang={lang}
      region={props.region}
      subjectTestid="bar-files"
      subject={
        st.files.length ? (
          <>
            {w.files(st.files.length)}
            {s.colon}
            <span lang="zh-CN">{st.files.map((f) => f.name).join('、')}</span>
          </>
        ) : (
          w.noFiles
        )
      }
      progress={progressOf(st.busy, w.phase)}
      onCancel={cancel}
      run={{ label: w.check, testid: 'check', disabled: !!problem || !props.readable, onRun: props.onCheck }}
      problem={problem}
      problemId="check-why"
      {...messagesOf(store, st, props.message, props.clearMessage)}
    >
      {st.inPage && (
        <MessageBar intent="warning" data-testid="in-page">
          <MessageBarBody>{w.noWorker(say(st.inPage, lang))}</MessageBarBody>
        </MessageBar>
      )}
    </ActionBar>
  );
}

/** What stops a check: no files; else the settings' problem, once every file is read (a file read tells its region). */
function checkProblem(st: WebState, draftProblem: Words | null): Words | null {
  if (st.busy) return null;
  if (!st.files.length) return { zh: STRINGS.zh.web.needFiles, en: STRINGS.en.web.needFiles };
  // files not read yet (their reading cancelled) will tell their region when read: 校验 reads them first
  return st.files.some((f) => !st.meta[f.key]) ? null : draftProblem;
}

function WebTabs({ s, st, view }: { s: Strings; st: WebState; view: { report: Report } | null }) {
  return (
    <TabList selectedValue={st.tab} onTabSelect={(_, d) => store.set({ tab: d.value as TabId })}>
      <Tab value="files" data-testid="tab-files">
        {s.web.tabFiles}
        {st.files.length ? ` ${st.files.length}` : ''}
      </Tab>
      {resultTabs(s, view)}
      <Tab value="schools" data-testid="tab-schools">
        {s.tabSchools}
      </Tab>
    </TabList>
  );
}

/** The bundled samples: brought in once the page is drawn, so that they are there at the first click. */
function useSamples() {
  const [samples, setSamples] = React.useState<readonly Sample[] | null>(null);
  const loadSamples = React.useCallback(() => {
    void import(/* webpackChunkName: "samples" */ './samples').then((m) => setSamples(m.SAMPLES));
  }, []);
  React.useEffect(() => {
    const id = setTimeout(loadSamples, 300);
    return () => clearTimeout(id);
  }, [loadSamples]);
  return { samples, loadSamples };
}

/** The settings as the files give them (and what the files disagree on), for the next check only. */
function WebSettings({ s, lang, st, draft }: { s: Strings; lang: Lang; st: WebState; draft: Draft }) {
  const styles = useStyles();
  return (
    <div className={styles.section}>
      <Notices lang={lang} notices={st.merged?.notices ?? []} testid="files-notice" />
      <SettingsForm
        s={s}
        lang={lang}
        busy={!!st.busy}
        draft={draft}
        onSaved={() => undefined}
        act={async () => undefined}
        persistent={false}
      />
    </div>
  );
}

/** What to fix first, after the check's own notices; the downloads as its actions. */
function WebIssues(props: {
  s: Strings;
  lang: Lang;
  st: WebState;
  view: { last: WebCheck; report: Report };
  onWhy: (t: WhyTarget) => void;
  onSetting: (param: string) => void;
  onDone: (m: Words | null) => void;
}): React.ReactElement {
  const { s, lang, st, view } = props;
  const busy = !!st.busy;
  const names = view.last.files.map((f) => f.name);
  return (
    <>
      <Notices lang={lang} notices={view.last.head.notices} testid="check-notice" />
      <IssuesTab
        s={s}
        lang={lang}
        view={view}
        busy={busy}
        checked={names.join('、')}
        onWhy={props.onWhy}
        onSetting={props.onSetting}
        actions={<Downloads s={s} lang={lang} last={view.last} busy={busy} onDone={props.onDone} />}
      />
    </>
  );
}

/** Files chosen, dropped anywhere on the page, or a sample: added to the list (and read) in the reader's language. */
function useFileChoice(lang: Lang, clearMessage: () => void) {
  const langRef = React.useRef(lang);
  langRef.current = lang;
  const clear = React.useRef(clearMessage);
  clear.current = clearMessage;
  const onFiles = React.useCallback((files: File[]) => {
    clear.current();
    void addFiles(files, langRef.current);
  }, []);
  const dragging = useDropAnywhere(onFiles);
  const onSample = async (x: Sample) => {
    clear.current();
    const { sampleFile } = await import(/* webpackChunkName: "samples" */ './samples');
    await addFiles([sampleFile(x)], lang, { replace: true });
  };
  return { onFiles, dragging, onSample };
}

/** A rule gap's button asked for this setting: its field on screen, focused, once the settings tab is shown. */
function useFocusOnSettings(tab: TabId): (param: string) => void {
  const [focusParam, setFocusParam] = React.useState<string | null>(null);
  React.useEffect(() => {
    if (!focusParam || tab !== 'settings') return;
    focusSetting(focusParam);
    setFocusParam(null);
  }, [focusParam, tab]);
  return setFocusParam;
}

export function WebApp({ initialLang }: { initialLang: Lang }): React.ReactElement {
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const s = STRINGS[lang];
  const w = s.web;
  const st = useStore(store);
  const styles = useStyles();
  const ws = useWebStyles();
  const draft = useDraft();
  const [message, setMessage] = React.useState<Words | null>(null);
  const [why, setWhy] = React.useState<WhyTarget | null>(null);
  const { samples, loadSamples } = useSamples();
  const setFocusParam = useFocusOnSettings(st.tab);
  const busy = !!st.busy;
  const { onFiles, dragging, onSample } = useFileChoice(lang, () => setMessage(null));

  const view = useView(st.last, lang);
  const run = async () => {
    setMessage(null);
    if (draft.dirty) await draft.save();
    await check(lang);
  };
  const checkFirst = <Text>{w.checkFirst}</Text>;

  return (
    <Page lang={lang}>
      <div className={mergeClasses(styles.root, ws.page)}>
        <Header s={s} lang={lang} setLang={setLang} subtitle={w.subtitle} />
        <Caption1 className={styles.muted}>{w.local}</Caption1>
        <WebBar
          s={s}
          lang={lang}
          st={st}
          region={draft.region ?? getSettings().region}
          problem={checkProblem(st, draft.problem)}
          // a file not read yet may be readable: only a file known to be unreadable cannot be checked
          readable={st.files.some((f) => !st.meta[f.key]?.problem)}
          onCheck={() => void run()}
          message={message}
          clearMessage={() => setMessage(null)}
        />
        <WebTabs s={s} st={st} view={view} />

        {st.tab === 'files' && (
          <Files
            s={s}
            lang={lang}
            busy={busy}
            dragging={dragging}
            files={st.files}
            meta={st.meta}
            samples={samples}
            onFiles={onFiles}
            onSample={(x) => void onSample(x)}
            onRemove={(key) => void removeFile(key, lang)}
            onClear={() => void clearFiles(lang)}
            loadSamples={loadSamples}
          />
        )}
        {st.tab === 'settings' && <WebSettings s={s} lang={lang} st={st} draft={draft} />}
        {st.tab === 'issues' &&
          (view ? (
            <WebIssues
              s={s}
              lang={lang}
              st={st}
              view={view}
              onWhy={setWhy}
              onSetting={(param) => {
                setFocusParam(param);
                store.set({ tab: 'settings' });
              }}
              onDone={setMessage}
            />
          ) : (
            checkFirst
          ))}
        {st.tab === 'teachers' && (view ? <TeachersTab s={s} lang={lang} view={view} onWhy={setWhy} /> : checkFirst)}
        {st.tab === 'schools' && (view ? <SchoolsTab s={s} lang={lang} report={view.report} /> : checkFirst)}
      </div>
      {why && view && <Why s={s} lang={lang} view={view} target={why} onClose={() => setWhy(null)} />}
    </Page>
  );
}
