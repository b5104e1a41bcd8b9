// The shared runtime's page entry, kept small on purpose. It associates the CPD.*
// custom functions (the functions module does so as it is evaluated), registers the
// ribbon command, reads the workbook's settings and recalculates the CPD formulas
// when they change. The React pane is a separate chunk, loaded only when the page is
// actually shown as the task pane: in a shared runtime the page also runs hidden —
// a workbook with CPD formulas opens, or the ribbon button is pressed, and nobody has
// opened the pane. Opened in an ordinary browser (no Office host) it loads the
// standalone preview, the same pane on an in-memory sample workbook; neither that
// in-memory Excel nor the sample generator is ever loaded inside Office. Without
// Office.js at all (no internet: Microsoft's CDN unreachable) it says so in both
// languages and points to the web page, index.html, which needs no internet.
/* global Office */
import { officeFunctions } from '../functions/fallback';
import * as functions from '../functions/functions';
import { recordRegistration } from '../runtime/diagnostics';
import { BUILD } from '../runtime/build';
import { onSettings, setLangFromLocale, setSettings, someoneWaitedOut } from '../runtime/state';
import { clearCache } from '../functions/logic';
import type { WorkbookSettings } from '../present/settings';
import { registerCommands } from '../commands/commands';
import { readWorkbookSettings } from '../taskpane/excel/settings';
import { recalculateFormulas } from '../taskpane/excel/recalc';
import type { PreviewHandle } from '../taskpane/preview/boot';
import { showOffline } from './offline';

recordRegistration({ office: officeFunctions, count: Object.keys(functions).length, at: performance.now() });

// The preview's workbook, reachable for browser tests (it holds only the bundled
// samples); `load` brings in the in-memory Excel, for a stand-in Excel in tests.
const preview: PreviewHandle = {
  workbook: null,
  load: async () => Object.assign(preview, await import(/* webpackChunkName: "preview" */ '../taskpane/preview/boot')),
};
(globalThis as unknown as { CPD_preview: PreviewHandle }).CPD_preview = preview;

const hasOffice = typeof Office !== 'undefined';

function sameSettings(a: WorkbookSettings, b: WorkbookSettings): boolean {
  const key = (s: WorkbookSettings) =>
    JSON.stringify([
      s.region ?? null,
      s.cycleStart ?? null,
      s.asOf ?? null,
      Object.entries(s.overrides ?? {}).sort(([x], [y]) => (x < y ? -1 : 1)),
    ]);
  return key(a) === key(b);
}

async function recalc(): Promise<void> {
  await recalculateFormulas(BUILD.namespace);
}

async function loadSettings(): Promise<void> {
  let loaded: WorkbookSettings = {};
  try {
    loaded = await readWorkbookSettings();
  } catch {
    // an Excel without custom document properties: functions then need a region argument
  }
  clearCache();
  setSettings(loaded);
  // a function that gave up waiting shows #N/A until it is calculated again
  if (someoneWaitedOut()) await recalc();
  let current = loaded;
  onSettings((s) => {
    clearCache();
    if (sameSettings(s, current)) return;
    current = s;
    void recalc();
  });
}

/**
 * Whether the page is on screen. A hidden shared runtime is a hidden webview on
 * Windows and Mac (visibilityState "hidden") or an iframe without a size on the web.
 */
function onScreen(): boolean {
  return document.visibilityState === 'visible' && window.innerWidth > 0 && window.innerHeight > 0;
}

/** Sent by the ribbon command (commands.ts) after Office.addin.showAsTaskpane(). */
const PANE_SHOWN = 'cpd-pane-shown';

/**
 * Run `show` once, as soon as the pane is on screen: the page becomes visible or gets
 * a size, Office reports the task pane visibility mode, the ribbon command showed it,
 * or — should all of these stay silent on some host — the user touches the page.
 */
function whenShown(show: () => void): void {
  let done = false;
  const checks: Array<[EventTarget, string, (e: Event) => void]> = [];
  const once = (force: boolean) => {
    if (done || !(force || onScreen())) return;
    done = true;
    for (const [target, type, f] of checks) target.removeEventListener(type, f);
    show();
  };
  const listen = (target: EventTarget, type: string, force: boolean) => {
    const f = () => once(force);
    checks.push([target, type, f]);
    target.addEventListener(type, f);
  };
  listen(document, 'visibilitychange', false);
  listen(window, 'resize', false);
  listen(window, PANE_SHOWN, true);
  listen(window, 'pointerdown', true);
  listen(window, 'keydown', true);
  try {
    void Office.addin.onVisibilityModeChanged((args) => {
      if (args.visibilityMode === Office.VisibilityMode.taskpane) once(true);
    });
  } catch {
    // SharedRuntime without the visibility event: the page's own visibility still tells
  }
  once(false);
}

async function mountPane(isPreview: boolean): Promise<void> {
  const { mountPane: mount } = await import(/* webpackChunkName: "pane" */ '../taskpane/pane');
  mount(isPreview);
}

async function start(host: Office.HostType | null): Promise<void> {
  setLangFromLocale((hasOffice && Office.context?.displayLanguage) || navigator.language);
  const inExcel = hasOffice && host === Office.HostType.Excel;
  if (inExcel) registerCommands();
  else {
    const loaded = await preview.load();
    loaded.installPreview(loaded);
  }
  await loadSettings();
  if (inExcel) whenShown(() => void mountPane(false));
  else await mountPane(true);
}

if (hasOffice) {
  void Office.onReady((info) => start(info.host));
} else {
  showOffline();
}
