// The web page (index.html): the task pane's views on files instead of a workbook. Files are chosen or
// dropped (several at once), read and checked in a worker, and the same views as the pane show the result:
// counts, what to fix first (each problem naming its file, sheet and cell), the teachers, the schools; the
// annotated copies, the summary workbook and the JSON report are downloads. Nothing leaves the machine.
import * as React from 'react';
import {
  Button,
  Caption1,
  FluentProvider,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  Text,
  webLightTheme,
} from '@fluentui/react-components';
import { RULES } from '../rules';
import { say, type Lang, type Text as Words } from '../core/text';
import { getSettings } from '../runtime/state';
import { STRINGS } from '../taskpane/i18n';
import { useDraft } from '../taskpane/draft';
import { useStyles } from '../taskpane/styles';
import { reportIn } from '../taskpane/view';
import { Header, Messages, Progress } from '../taskpane/chrome';
import { SettingsForm } from '../taskpane/SettingsTab';
import { IssuesTab } from '../taskpane/IssuesTab';
import { TeachersTab } from '../taskpane/TeachersTab';
import { SchoolsTab } from '../taskpane/SchoolsTab';
import { Why, type WhyTarget } from '../taskpane/Why';
import { Files } from './Files';
import { Downloads } from './Downloads';
import type { Sample } from './samples';
import { addFiles, cancel, check, clearFiles, removeFile, store, type Tab as TabId, type WebState } from './state';

const useWebStyles = makeStyles({
  page: { maxWidth: '960px', margin: '0 auto', width: '100%' },
});

function useStore(): WebState {
  return React.useSyncExternalStore(store.subscribe, store.get, store.get);
}

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

export function WebApp({ initialLang }: { initialLang: Lang }): React.ReactElement {
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const s = STRINGS[lang];
  const w = s.web;
  const st = useStore();
  const styles = useStyles();
  const ws = useWebStyles();
  const draft = useDraft();
  const [message, setMessage] = React.useState<Words | null>(null);
  const [why, setWhy] = React.useState<WhyTarget | null>(null);
  const [samples, setSamples] = React.useState<readonly Sample[] | null>(null);
  const [focusParam, setFocusParam] = React.useState<string | null>(null);
  const busy = !!st.busy;
  const langRef = React.useRef(lang);
  langRef.current = lang;

  const onFiles = React.useCallback((files: File[]) => {
    setMessage(null);
    void addFiles(files, langRef.current);
  }, []);
  const dragging = useDropAnywhere(onFiles);

  const loadSamples = React.useCallback(() => {
    void import(/* webpackChunkName: "samples" */ './samples').then((m) => setSamples(m.SAMPLES));
  }, []);
  // the samples are part of the page: brought in once it is drawn, so that they are there at the first click
  React.useEffect(() => {
    const id = setTimeout(loadSamples, 300);
    return () => clearTimeout(id);
  }, [loadSamples]);
  const onSample = async (x: Sample) => {
    setMessage(null);
    const { sampleFile } = await import(/* webpackChunkName: "samples" */ './samples');
    await addFiles([sampleFile(x)], lang, { replace: true });
  };

  // a rule gap's button asked for this setting: its field on screen, focused
  React.useEffect(() => {
    if (!focusParam || st.tab !== 'settings') return;
    const el = document.querySelector<HTMLInputElement>(`[data-testid="override-${focusParam}"]`);
    if (el) {
      el.scrollIntoView({ block: 'center' });
      el.focus();
    }
    setFocusParam(null);
  }, [focusParam, st.tab]);

  const view = React.useMemo(
    () => (st.last ? { last: st.last, report: reportIn(st.last, lang) } : null),
    [st.last, lang],
  );

  const run = async () => {
    setMessage(null);
    if (draft.dirty) await draft.save();
    await check(lang);
  };

  const region = draft.region ?? getSettings().region;
  // a file not read yet may be readable: only a file known to be unreadable cannot be checked
  const readable = st.files.filter((f) => !st.meta[f.key]?.problem).length;
  // files not read yet (their reading cancelled) will tell their region when read: 校验 reads them first
  const unread = st.files.some((f) => !st.meta[f.key]);
  const problem = busy
    ? null
    : !st.files.length
      ? { zh: STRINGS.zh.web.needFiles, en: STRINGS.en.web.needFiles }
      : unread
        ? null
        : draft.problem;
  const notice = message ?? st.notice;
  const total = view ? view.report.summary.errors + view.report.summary.warnings : null;
  const setTab = (tab: TabId) => store.set({ tab });
  const names = (st.last?.files ?? st.files).map((f) => f.name);

  return (
    <FluentProvider theme={webLightTheme} style={{ minHeight: '100%' }} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <div className={mergeClasses(styles.root, ws.page)}>
        <Header s={s} lang={lang} setLang={setLang} subtitle={w.subtitle} />
        <Caption1 className={styles.muted}>{w.local}</Caption1>

        <div className={styles.bar} data-testid="action-bar">
          <div className={styles.barRow}>
            <div className={styles.barText}>
              <Text weight="semibold" data-testid="bar-region">
                {region ? say(RULES[region].name, lang) : s.noRegion}
              </Text>
              <Caption1 className={mergeClasses(styles.muted, styles.ellipsis)} data-testid="bar-files">
                {st.files.length ? (
                  <>
                    {w.files(st.files.length)}
                    {s.colon}
                    <span lang="zh-CN">{st.files.map((f) => f.name).join('、')}</span>
                  </>
                ) : (
                  w.noFiles
                )}
              </Caption1>
            </div>
            {busy ? (
              <Button onClick={cancel} data-testid="cancel">
                {s.cancel}
              </Button>
            ) : (
              <Button
                appearance="primary"
                disabled={!!problem || !readable}
                data-testid="check"
                aria-describedby={problem ? 'check-why' : undefined}
                onClick={() => void run()}
              >
                {w.check}
              </Button>
            )}
          </div>
          {st.busy && <Progress label={w.phase[st.busy.phase]} done={st.busy.done} total={st.busy.total} />}
          {problem && (
            <Caption1 id="check-why" data-testid="check-why">
              {say(problem, lang)}
            </Caption1>
          )}
          {st.inPage && (
            <MessageBar intent="warning" data-testid="in-page">
              <MessageBarBody>{w.noWorker(say(st.inPage, lang))}</MessageBarBody>
            </MessageBar>
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

        <TabList selectedValue={st.tab} onTabSelect={(_, d) => setTab(d.value as TabId)}>
          <Tab value="files" data-testid="tab-files">
            {w.tabFiles}
            {st.files.length ? ` ${st.files.length}` : ''}
          </Tab>
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
          <Tab value="schools" data-testid="tab-schools">
            {s.tabSchools}
          </Tab>
        </TabList>

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
        {st.tab === 'settings' && (
          <div className={styles.section}>
            {st.merged?.notices.map((n, i) => (
              <Caption1 key={i} className={styles.warn} data-testid="files-notice">
                {say(n, lang)}
              </Caption1>
            ))}
            <SettingsForm
              s={s}
              lang={lang}
              busy={busy}
              draft={draft}
              onSaved={() => undefined}
              act={async () => undefined}
              persistent={false}
            />
          </div>
        )}
        {st.tab === 'issues' &&
          (view && st.last ? (
            <>
              {st.last.head.notices.map((n, i) => (
                <Caption1 key={i} className={styles.warn} data-testid="check-notice">
                  {say(n, lang)}
                </Caption1>
              ))}
              <IssuesTab
                s={s}
                lang={lang}
                view={view}
                busy={busy}
                checked={names.join('、')}
                onWhy={setWhy}
                onSetting={(param) => {
                  setFocusParam(param);
                  setTab('settings');
                }}
                actions={<Downloads s={s} lang={lang} last={st.last} busy={busy} onDone={setMessage} />}
              />
            </>
          ) : (
            <Text>{w.checkFirst}</Text>
          ))}
        {st.tab === 'teachers' &&
          (view ? <TeachersTab s={s} lang={lang} view={view} onWhy={setWhy} /> : <Text>{w.checkFirst}</Text>)}
        {st.tab === 'schools' &&
          (view ? <SchoolsTab s={s} lang={lang} report={view.report} /> : <Text>{w.checkFirst}</Text>)}
      </div>
      {why && view && <Why s={s} lang={lang} view={view} target={why} onClose={() => setWhy(null)} />}
    </FluentProvider>
  );
}
