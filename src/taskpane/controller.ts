// The validation workflow, shared by the pane's button and the ribbon command:
// read the active sheet (chunked) → run the engine → write removable marks. The
// engine holds every rule; this file only moves data between it and the workbook.
import { checkTable, CheckResult, RosterError } from '../engine/engine';
import { toReport } from '../engine/report';
import type { ColumnMap } from '../core/fields';
import { t, type Lang, type Text } from '../core/text';
import type { RegionId } from '../rules';
import type { WorkbookSettings } from '../present/settings';
import { checkOptions } from '../present/options';
import { marksOf } from '../present/marks';
import { getLang, getSettings } from '../runtime/state';
import { Cancelled, Mark, Phase, ProgressFn, SheetData, WorkbookError, WorkbookPort } from './port';
import { LastValidation, store } from './store';

export interface ValidateOptions {
  region: RegionId;
  lang: Lang;
  /** the workbook's settings (cycle start, overrides, as-of date) */
  settings?: WorkbookSettings;
  columns?: ColumnMap;
  /** the date verdicts hold on for this run (YYYY-MM-DD); else the workbook's CPD.asOf, else today */
  asOf?: string;
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** The pane's marks: the cells present/marks.ts says, on the sheet read (whose first column may not be A). */
export function paneMarks(result: CheckResult, sheet: SheetData, lang: Lang): Mark[] {
  return marksOf(result, { lang, firstCol: sheet.firstCol }).map(({ row, col, severity, message }) => ({
    row,
    col,
    severity,
    message,
  }));
}

export async function validate(
  port: WorkbookPort,
  o: ValidateOptions,
  onProgress?: ProgressFn,
  signal?: AbortSignal,
): Promise<LastValidation> {
  const timings: Record<Phase, number> = { read: 0, engine: 0, write: 0 };
  let t0 = now();
  const sheet = await port.readActiveSheet(onProgress, signal);
  timings.read = now() - t0;
  onProgress?.('engine', 0, 1);
  // let the pane paint "checking…" before the synchronous engine runs
  await new Promise((r) => setTimeout(r, 0));
  if (signal?.aborted) throw new Cancelled();
  t0 = now();
  const result = checkTable(sheet.rows, {
    ...checkOptions({
      region: o.region,
      ...(o.settings ? { settings: o.settings } : {}),
      ...(o.asOf ? { asOf: o.asOf } : {}),
    }),
    firstRow: sheet.firstRow,
    ...(o.columns ? { columns: o.columns } : {}),
  });
  const report = toReport(result, o.lang);
  timings.engine = now() - t0;
  onProgress?.('engine', 1, 1);
  t0 = now();
  const marks = paneMarks(result, sheet, o.lang);
  await port.writeMarks(sheet, marks, onProgress, signal);
  timings.write = now() - t0;
  const places = [{ sheet: sheet.sheetName, firstCol: sheet.firstCol }];
  return { sheet, result, report, places, marks: marks.length, timings, at: new Date() };
}

/** An error in the reader's words: the engine's and the adapter's carry both languages; others are shown as they are. */
export function errorText(e: unknown): Text {
  if (e instanceof RosterError || e instanceof WorkbookError) return e.text;
  const m = e instanceof Error ? e.message : String(e);
  return t(m, m);
}

let port: WorkbookPort | null = null;

export function setPort(p: WorkbookPort): void {
  port = p;
}

export function getPort(): WorkbookPort | null {
  return port;
}

let running: AbortController | null = null;

/** Validate with the workbook's settings, updating the shared pane state. */
export async function runValidation(overrides: Partial<ValidateOptions> = {}): Promise<LastValidation | null> {
  if (!port) return null;
  const s = getSettings();
  const region = overrides.region ?? s.region;
  const lang = overrides.lang ?? getLang();
  if (!region) {
    store.set({ error: t('请先为本工作簿选择地区。', 'Choose the workbook’s region first.'), tab: 'settings' });
    return null;
  }
  running?.abort();
  const controller = new AbortController();
  running = controller;
  store.set({ busy: { phase: 'read', done: 0, total: 1 }, error: null, notice: null });
  try {
    const last = await validate(
      port,
      { region, lang, settings: s, ...overrides },
      (phase, done, total) => store.set({ busy: { phase, done, total } }),
      controller.signal,
    );
    store.set({ last, busy: null, tab: 'issues' });
    return last;
  } catch (e) {
    if (e instanceof Cancelled) store.set({ busy: null, notice: t('已取消校验。', 'Validation cancelled.') });
    else store.set({ busy: null, error: errorText(e) });
    return null;
  } finally {
    if (running === controller) running = null;
  }
}

export function cancelValidation(): void {
  running?.abort();
}

/** The ribbon's one-click validation: the pane then opens on the result. */
export async function validateFromRibbon(): Promise<void> {
  await runValidation();
}
