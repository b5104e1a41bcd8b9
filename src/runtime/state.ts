// State shared by the custom functions, the task pane and the ribbon command in the
// one shared runtime: the workbook's settings (region, cycle start, overrides) and
// the UI language. Loaded once from the workbook at start-up, updated by the task
// pane; functions read it from memory, never through an Excel round trip per call.
//
// Excel may evaluate a CPD formula as soon as the functions are associated, before
// the settings have been read from the workbook: such a call waits for
// `settingsReady` (bounded by SETTINGS_WAIT_MS) instead of answering "no region".
import type { WorkbookSettings } from '../present/settings';
import type { Lang } from '../core/text';

type Listener = (s: WorkbookSettings) => void;

let settings: WorkbookSettings = {};
let known = false;
let lang: Lang = 'zh';
const listeners = new Set<Listener>();

/**
 * How long a function waits for the workbook's settings. Reading them is one Excel
 * round trip (well under a second even on the web); a runtime that has not managed
 * it after this long is stuck, and the cell says so rather than spinning forever.
 */
export const SETTINGS_WAIT_MS = 15_000;

let resolveReady: (s: WorkbookSettings) => void = () => undefined;
/** Resolves with the settings the first time they are known (loaded from the workbook or set). */
export const settingsReady: Promise<WorkbookSettings> = new Promise((r) => (resolveReady = r));
let waitedOut = false;

export function getSettings(): WorkbookSettings {
  return settings;
}

/** Whether the settings have been loaded (or set) at least once. */
export function settingsKnown(): boolean {
  return known;
}

export function setSettings(next: WorkbookSettings): void {
  settings = { ...next };
  if (!known) {
    known = true;
    resolveReady(settings);
  }
  for (const l of listeners) l(settings);
}

export function onSettings(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Thrown by waitForSettings when the settings did not arrive in time. */
export class SettingsTimeout extends Error {
  constructor(readonly ms: number) {
    super(`settings not loaded after ${ms} ms`);
  }
}

/** The settings, once known; rejects with SettingsTimeout after `ms`. */
export function waitForSettings(ms = SETTINGS_WAIT_MS): Promise<WorkbookSettings> {
  if (known) return Promise.resolve(settings);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      waitedOut = true;
      reject(new SettingsTimeout(ms));
    }, ms);
    void settingsReady.then((s) => {
      clearTimeout(timer);
      resolve(s);
    });
  });
}

/** True if some function gave up waiting: its cell needs recalculating once the settings arrive. */
export function someoneWaitedOut(): boolean {
  return waitedOut;
}

export function getLang(): Lang {
  return lang;
}

/** zh for any Chinese Office locale (zh-CN, zh-TW …), English otherwise. */
export function setLangFromLocale(locale: string | undefined): Lang {
  lang = locale && /^zh\b/i.test(locale) ? 'zh' : 'en';
  return lang;
}
