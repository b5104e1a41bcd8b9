// State shared by the custom functions, the task pane and the ribbon command in the
// one shared runtime: the workbook's settings (region, cycle start, overrides) and
// the UI language. Loaded once from the workbook at start-up, updated by the task
// pane; functions read it from memory, never through an Excel round trip per call.
import type { WorkbookSettings } from '../present/settings';
import type { Lang } from '../core/text';

type Listener = (s: WorkbookSettings) => void;

let settings: WorkbookSettings = {};
let lang: Lang = 'zh';
const listeners = new Set<Listener>();

export function getSettings(): WorkbookSettings {
  return settings;
}

export function setSettings(next: WorkbookSettings): void {
  settings = { ...next };
  for (const l of listeners) l(settings);
}

export function onSettings(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function getLang(): Lang {
  return lang;
}

/** zh for any Chinese Office locale (zh-CN, zh-TW …), English otherwise. */
export function setLangFromLocale(locale: string | undefined): Lang {
  lang = locale && /^zh\b/i.test(locale) ? 'zh' : 'en';
  return lang;
}
