// The frame every host of the views shares: the title line (with its help link and language switch), the
// error and message bars, and a progress line. The task pane and the web page differ only in what they
// put between them.
import * as React from 'react';
import {
  Badge,
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
} from '@fluentui/react-components';
import { say, type Lang, type Text as Words } from '../core/text';
import type { Strings } from './i18n';
import { useStyles } from './styles';

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
      {error && (
        <MessageBar intent="error" data-testid="error">
          <MessageBarBody>{say(error, lang)}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" size="small" onClick={props.onCloseError}>
                {s.close}
              </Button>
            }
          />
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="success" data-testid="message">
          <MessageBarBody>{say(notice, lang)}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" size="small" onClick={props.onCloseNotice}>
                {s.close}
              </Button>
            }
          />
        </MessageBar>
      )}
    </>
  );
}
