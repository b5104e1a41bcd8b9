// The web page's state and what its buttons do: the files chosen, what was read of each, the check running
// (its phase, Cancel), the last check, the message of the last action. The settings being edited are the
// shared runtime/state's, as in the pane; the work itself runs in the Runner (a worker, or the page).
import { t, type Lang, type Text } from '../core/text';
import { mergeSettings, type MergedSettings } from '../files/check';
import { getSettings, setSettings } from '../runtime/state';
import { Cancelled } from '../taskpane/port';
import { createStore } from '../taskpane/store';
import type { Checked } from '../taskpane/view';
import { formAfterRead } from './choices';
import { fileKey, type BookMeta, type CheckHead, type FileRef, type Made, type Phase } from './protocol';
import { createRunner, WorkerProblem, type MakeRequest, type Runner } from './runner';

export type Tab = 'files' | 'settings' | 'issues' | 'teachers' | 'schools';

/** The web page's check: what the views show, and the files it was made of. */
export interface WebCheck extends Checked {
  head: CheckHead;
  files: FileRef[];
}

export interface WebState {
  files: FileRef[];
  /** what was read of each file, by key */
  meta: Record<string, BookMeta>;
  /** the files' own settings, once read */
  merged: MergedSettings | null;
  busy: null | { phase: Phase; done: number; total: number };
  last: WebCheck | null;
  error: Text | null;
  notice: Text | null;
  tab: Tab;
  /** the page runs its work in itself, not in a worker: why */
  inPage: Text | null;
}

export const store = createStore<WebState>({
  files: [],
  meta: {},
  merged: null,
  busy: null,
  last: null,
  error: null,
  notice: null,
  tab: 'files',
  inPage: null,
});

let runner: Promise<Runner> | null = null;
let useWorker = true;

/** Run the page's work in the page itself (`?worker=0`: how the tests try that path). */
export function preferPage(): void {
  useWorker = false;
}

function getRunner(): Promise<Runner> {
  runner ??= createRunner({ worker: useWorker }).then((r) => {
    if (r.mode === 'page') store.set({ inPage: r.note ?? t('', '') });
    return r;
  });
  return runner;
}

/** Start the worker now (after the page is drawn), so that the first file is read without waiting for it. */
export function warmUp(): void {
  void getRunner();
}

/** Bumped by Cancel: work begun before it is dropped, whatever point it had reached (even a worker starting). */
let generation = 0;

function current<T>(gen: number): (v: T) => T {
  return (v) => {
    if (gen !== generation) throw new Cancelled();
    return v;
  };
}

/** Within a phase, the progress shown changes at most this often (ms); a new phase and the last step at once. */
const PROGRESS_MS = 200;

/**
 * The progress of work `gen`, as the page shows it. Each change draws the whole page again, and taking a large
 * result in is ~80 steps (its slices): drawn each time, they held up the first result of a 100 000-row file by
 * ~0.3 s of a 4×-slowed page thread (alternated runs). A bar moving five times a second says as much. A step
 * held back is shown when its time comes, unless a later one was shown first or the work has ended.
 */
export const progress = (gen: number) => {
  let shownAt = -Infinity;
  let shownPhase: Phase | null = null;
  let latest: { phase: Phase; done: number; total: number } | null = null;
  let later: ReturnType<typeof setTimeout> | undefined;
  const show = (busy: { phase: Phase; done: number; total: number }) => {
    if (later !== undefined) clearTimeout(later);
    later = undefined;
    shownAt = performance.now();
    shownPhase = busy.phase;
    store.set({ busy });
  };
  return (phase: Phase, done: number, total: number) => {
    if (gen !== generation) return;
    const busy = { phase, done, total };
    const wait = PROGRESS_MS - (performance.now() - shownAt);
    if (phase !== shownPhase || done >= total || wait <= 0) return show(busy);
    latest = busy;
    later ??= setTimeout(() => {
      later = undefined;
      // the work may have ended meanwhile (its result shown, an error, Cancel): no bar comes back
      if (gen === generation && latest && store.get().busy) show(latest);
    }, wait);
  };
};

function failed(e: unknown): void {
  // Cancel has said so already
  if (e instanceof Cancelled) return;
  else if (e instanceof WorkerProblem) store.set({ busy: null, error: e.text });
  else {
    const m = e instanceof Error ? e.message : String(e);
    store.set({ busy: null, error: t(m, m) });
  }
}

const readable = (s: WebState) => s.files.filter((f) => !s.meta[f.key]?.problem);

/** The files' settings, merged as the CLI merges them. */
function mergedOf(files: FileRef[], meta: Record<string, BookMeta>): MergedSettings {
  const ok = files.filter((f) => meta[f.key] && !meta[f.key]!.problem);
  return mergeSettings(
    ok.map((f) => ({ label: f.name, properties: meta[f.key]!.properties })),
    files.length > 1,
  );
}

/**
 * Files chosen or dropped: added to those already chosen (a file of the same name replaces the one before —
 * the corrected version of it), read, their region put into the form; then checked, if they name it.
 * `replace`: these files only (a sample).
 */
export async function addFiles(list: readonly File[], lang: Lang, o: { replace?: boolean } = {}): Promise<void> {
  if (!list.length) return;
  const fresh: FileRef[] = list.map((f) => ({ key: fileKey(f), name: f.name, blob: f }));
  const names = new Set(fresh.map((f) => f.name));
  const files = [...(o.replace ? [] : store.get().files.filter((f) => !names.has(f.name))), ...fresh];
  await readFiles(files, lang);
}

export async function clearFiles(lang: Lang): Promise<void> {
  await readFiles([], lang);
}

export async function removeFile(key: string, lang: Lang): Promise<void> {
  await readFiles(
    store.get().files.filter((f) => f.key !== key),
    lang,
  );
}

async function readFiles(files: FileRef[], lang: Lang, o: { check?: boolean } = {}): Promise<void> {
  store.set({ files, error: null, notice: null, last: null, merged: null });
  if (!files.length) {
    store.set({ meta: {}, tab: 'files' });
    return;
  }
  store.set({ busy: { phase: 'read', done: 0, total: files.length } });
  const gen = generation;
  try {
    const r = await getRunner().then(current(gen));
    const metas = await r.read(files, progress(gen)).then(current(gen));
    const meta = Object.fromEntries(metas.map((m) => [m.key, m]));
    const merged = mergedOf(files, meta);
    store.set({ meta, merged, busy: null });
    setSettings(formAfterRead(getSettings(), merged.settings, !!merged.regionConflict));
    if (!readable(store.get()).length) {
      store.set({ tab: 'files' });
      return;
    }
    // checked at once only under the region the files name: a region kept from files chosen before is
    // shown, ready, but the user confirms it with 校验
    if (merged.settings.region || (o.check && getSettings().region)) await check(lang);
    else store.set({ tab: 'settings' });
  } catch (e) {
    failed(e);
  }
}

/** Check the files chosen under the settings of the form (as saved by the bar's button). */
export async function check(lang: Lang): Promise<void> {
  const s = store.get();
  // files not read yet (their reading was cancelled): read them first, their region into the form
  if (s.files.some((f) => !s.meta[f.key])) return readFiles(s.files, lang, { check: true });
  const form = getSettings();
  if (!form.region) {
    store.set({ tab: 'settings', error: t('请先选择地区。', 'Choose the region first.') });
    return;
  }
  const files = s.files;
  store.set({ busy: { phase: 'read', done: 0, total: files.length }, error: null, notice: null });
  const gen = generation;
  try {
    const r = await getRunner().then(current(gen));
    const out = await r.check(files, { ...form, region: form.region }, lang, progress(gen)).then(current(gen));
    const last: WebCheck = {
      result: out.result,
      report: out.report,
      places: out.head.places,
      head: out.head,
      files,
      at: new Date(),
    };
    store.set({ last, busy: null, tab: 'issues' });
  } catch (e) {
    failed(e);
  }
}

export function cancel(): void {
  generation++;
  store.set({ busy: null, notice: t('已取消。', 'Cancelled.') });
  void runner?.then((r) => r.cancel());
}

/** A file of the last check, made in the worker (the copy, the summary, the JSON report). */
export async function make(req: MakeRequest, lang: Lang): Promise<Made | null> {
  store.set({ busy: { phase: 'write', done: 0, total: 1 }, error: null, notice: null });
  const gen = generation;
  try {
    const r = await getRunner().then(current(gen));
    const made = await r.make(req, lang, progress(gen)).then(current(gen));
    store.set({ busy: null });
    return made;
  } catch (e) {
    failed(e);
    return null;
  }
}
