// The frame every host of the views shares: the title line (with its help link and language switch), the
// action bar (region, what will be checked, the run button, progress, the error and message bars), and
// the hooks both hosts read their state through. The task pane and the web page differ only in what they
// put between them.
import * as React from 'react';
import {
  Badge,
  Button,
  Caption1,
  FluentProvider,
  mergeClasses,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
  Tab,
  Text,
  webLightTheme,
} from '@fluentui/react-components';
import { say, type Lang, type Text as Words } from '../core/text';
import type { Report } from '../engine/report';
import { RULES, type RegionId } from '../rules';
import type { Strings } from './i18n';
import type { Store } from './store';
import { useStyles } from './styles';
import { reportIn, type Checked } from './view';

export function Header(props: {
  s: Strings;
  lang: Lang;
  setLang: (l: Lang) => void;
  /** a badge beside the title (the pane's 预览 outside Excel) */
  badge?: { text: string; testid: string };
  /** after the title, e.g. 网页版 */
  subtitle?: string;
}): React.ReactElement {
  const { s, lang, setLang, badge } = props;
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <Subtitle2 as="h1">
        {s.title}
        {props.subtitle ? <span className={styles.muted}> · {props.subtitle}</span> : null}
      </Subtitle2>
      <div className={styles.headerTools}>
        {badge && (
          <Badge appearance="filled" color="warning" data-testid={badge.testid}>
            {badge.text}
          </Badge>
        )}
        <a
          className={styles.headerLink}
          href="help.html"
          target="_blank"
          rel="noopener noreferrer"
          aria-label={s.helpLabel}
          data-testid="help"
        >
          {s.help}
        </a>
        <Button
          size="small"
          appearance="subtle"
          data-testid="lang"
          aria-label={s.languageLabel}
          lang={lang === 'zh' ? 'en' : 'zh-CN'}
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        >
          {s.language}
        </Button>
      </div>
    </header>
  );
}

/** A step under way: its name, n/N when there are several, and a bar (moving, when the share is unknown). */
export function Progress({ label, done, total }: { label: string; done: number; total: number }): React.ReactElement {
  return (
    <div data-testid="progress">
      <Caption1>
        {label} {total > 1 ? `${done}/${total}` : ''}
      </Caption1>
      <ProgressBar value={total > 1 ? done / total : undefined} />
    </div>
  );
}

/** A message of the last action with its close button: an error (red) or a message (green). */
function Closable(props: {
  s: Strings;
  lang: Lang;
  intent: 'error' | 'success';
  testid: string;
  text: Words;
  onClose: () => void;
}): React.ReactElement {
  return (
    <MessageBar intent={props.intent} data-testid={props.testid}>
      <MessageBarBody>{say(props.text, props.lang)}</MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" size="small" onClick={props.onClose}>
            {props.s.close}
          </Button>
        }
      />
    </MessageBar>
  );
}

/** The error (red) and the message (green) of the last action, each with its close button. */
export function Messages(props: {
  s: Strings;
  lang: Lang;
  error: Words | null;
  onCloseError: () => void;
  notice: Words | null;
  onCloseNotice: () => void;
}): React.ReactElement {
  const { s, lang, error, notice } = props;
  return (
    <>
      {error && <Closable s={s} lang={lang} intent="error" testid="error" text={error} onClose={props.onCloseError} />}
      {notice && (
        <Closable s={s} lang={lang} intent="success" testid="message" text={notice} onClose={props.onCloseNotice} />
      )}
    </>
  );
}

/** A host's store, as its views read it: re-rendered on every change. */
export function useStore<T>(store: Store<T>): T {
  return React.useSyncExternalStore(store.subscribe, store.get, store.get);
}

/** The check's result and its report in the reader's language (rendered again when the language changes). */
export function useView<C extends Checked>(last: C | null, lang: Lang): { last: C; report: Report } | null {
  return React.useMemo(() => (last ? { last, report: reportIn(last, lang) } : null), [last, lang]);
}

/**
 * The tabs every host shows — 设置, 问题 and 教师, the last two with what the result counts — as children
 * of its TabList (the web page puts its files before them and the schools after).
 */
export function resultTabs(s: Strings, view: { report: Report } | null): React.ReactElement[] {
  const sum = view?.report.summary;
  return [
    <Tab key="settings" value="settings" data-testid="tab-settings">
      {s.tabSettings}
    </Tab>,
    <Tab key="issues" value="issues" data-testid="tab-issues">
      {s.tabIssues}
      {sum ? ` ${sum.errors + sum.warnings}` : ''}
    </Tab>,
    <Tab key="teachers" value="teachers" data-testid="tab-teachers">
      {s.tabTeachers}
      {sum ? ` ${sum.teachers}` : ''}
    </Tab>,
  ];
}

/** Notes on a step (what the files or the check say), one warning line each. */
export function Notices({ lang, notices, testid }: { lang: Lang; notices: readonly Words[]; testid: string }) {
  const styles = useStyles();
  return (
    <>
      {notices.map((n, i) => (
        <Caption1 key={i} className={styles.warn} data-testid={testid}>
          {say(n, lang)}
        </Caption1>
      ))}
    </>
  );
}

/** A rule gap's button asked for this setting: its override field on screen and focused. */
export function focusSetting(param: string): void {
  const el = document.querySelector<HTMLInputElement>(`[data-testid="override-${param}"]`);
  if (el) {
    el.scrollIntoView({ block: 'center' });
    el.focus();
  }
}

/** The views of a host in the reader's language, on Fluent UI's light theme. */
export function Page({ lang, children }: { lang: Lang; children: React.ReactNode }): React.ReactElement {
  return (
    <FluentProvider theme={webLightTheme} style={{ minHeight: '100%' }} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      {children}
    </FluentProvider>
  );
}

/** The step under way in a host's state, with its words, as the action bar shows it (none when idle). */
export function progressOf<P extends string>(
  busy: { phase: P; done: number; total: number } | null,
  words: Record<P, string>,
): ActionBarProps['progress'] {
  return busy && { label: words[busy.phase], done: busy.done, total: busy.total };
}

/**
 * The error and message of a host's state, as the action bar shows them: the message of the last action
 * (held by the view) before the state's notice; closing either clears it.
 */
export function messagesOf<T extends { error: Words | null; notice: Words | null }>(
  store: Store<T>,
  st: T,
  message: Words | null,
  clearMessage: () => void,
): Pick<ActionBarProps, 'error' | 'notice' | 'onCloseError' | 'onCloseNotice'> {
  return {
    error: st.error,
    notice: message ?? st.notice,
    onCloseError: () => store.set({ error: null } as Partial<T>),
    onCloseNotice: () => {
      clearMessage();
      store.set({ notice: null } as Partial<T>);
    },
  };
}

export interface ActionBarProps {
  s: Strings;
  lang: Lang;
  region: RegionId | undefined;
  /** the line under the region: what will be checked (the sheet, the files) */
  subject: React.ReactNode;
  subjectTestid: string;
  /** the step under way, if any: then the bar offers Cancel instead of its run button */
  progress: { label: string; done: number; total: number } | null;
  onCancel: () => void;
  run: { label: string; testid: string; disabled: boolean; onRun: () => void };
  /** why the run button is off, under it (`problemId` is its id and test id) */
  problem: Words | null;
  problemId: string;
  error: Words | null;
  notice: Words | null;
  onCloseError: () => void;
  onCloseNotice: () => void;
  /** said between the problem and the messages (the web page: why it works without a worker) */
  children?: React.ReactNode;
}

/** The sticky action bar: the region, what will be checked, the run (or Cancel) button, progress, messages. */
export const ActionBar = React.forwardRef<HTMLDivElement, ActionBarProps>(function ActionBar(props, ref) {
  const { s, lang, region, progress, run, problem } = props;
  const styles = useStyles();
  return (
    <div className={styles.bar} ref={ref} data-testid="action-bar">
      <div className={styles.barRow}>
        <div className={styles.barText}>
          <Text weight="semibold" data-testid="bar-region">
            {region ? say(RULES[region].name, lang) : s.noRegion}
          </Text>
          <Caption1 className={mergeClasses(styles.muted, styles.ellipsis)} data-testid={props.subjectTestid}>
            {props.subject}
          </Caption1>
        </div>
        {progress ? (
          <Button onClick={props.onCancel} data-testid="cancel">
            {s.cancel}
          </Button>
        ) : (
          <Button
            appearance="primary"
            disabled={run.disabled}
            data-testid={run.testid}
            aria-describedby={problem ? props.problemId : undefined}
            onClick={run.onRun}
          >
            {run.label}
          </Button>
        )}
      </div>
      {progress && <Progress {...progress} />}
      {problem && (
        <Caption1 id={props.problemId} data-testid={props.problemId}>
          {say(problem, lang)}
        </Caption1>
      )}
      {props.children}
      <Messages
        s={s}
        lang={lang}
        error={props.error}
        onCloseError={props.onCloseError}
        notice={props.notice}
        onCloseNotice={props.onCloseNotice}
      />
    </div>
  );
});
