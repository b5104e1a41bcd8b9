// How each shell shows a severity: the same words, order and colours in the CLI, the pane, the
// annotated copy and the summary sheet.
import { t, type Lang, type Text, say } from '../core/text';
import type { Severity } from '../core/issues';

export const SEVERITY_WORDS: Record<Severity, Text> = {
  error: t('错误', 'error'),
  warning: t('警告', 'warning'),
  info: t('提示', 'info'),
};

export const severityWord = (s: Severity, lang: Lang): string => say(SEVERITY_WORDS[s], lang);

/** Worst first: errors before warnings before notes. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The marks' colours, as Excel's own "Bad" and "Neutral" cell styles use them: a light red fill with
 * dark red text for errors, a light yellow fill with dark yellow text for warnings (RGB hex, no #).
 */
export const MARK_COLOURS: Record<Exclude<Severity, 'info'>, { fill: string; font: string }> = {
  error: { fill: 'FFC7CE', font: '9C0006' },
  warning: { fill: 'FFEB9C', font: '9C5700' },
};
