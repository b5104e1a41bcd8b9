// Where the page's work runs. In a worker started from a blob of its own script (worker-source.ts): the page
// stays responsive, Cancel ends the worker, and it works from a web server and from file:// alike. Where no
// worker can be started (a browser or policy that refuses it), the same Session runs in the page itself,
// and the page says so: a large file then holds the page until it is done.
import { t, type Lang, type Text } from '../core/text';
import type { WorkbookSettings } from '../present/settings';
import type { RegionId } from '../rules';
import { Cancelled } from '../taskpane/port';
import { Assembly, type BookMeta, type CheckHead, type FileRef, type Made, type Phase, type Reply } from './protocol';
import type { CheckResult } from '../engine/engine';
import type { Report } from '../engine/report';
// a type only: the Session's code is a chunk of its own, loaded only where no worker can be started
import type { Session } from './session';

export type OnProgress = (phase: Phase, done: number, total: number) => void;

export interface Outcome {
  result: CheckResult;
  report: Report;
  head: CheckHead;
}

export type MakeRequest = { op: 'copy'; book: number } | { op: 'summary' } | { op: 'json' };

export interface Runner {
  /** 'worker': off the page's thread; 'page': in the page itself (`note` says why) */
  mode: 'worker' | 'page';
  note?: Text;
  read(files: FileRef[], onProgress: OnProgress): Promise<BookMeta[]>;
  check(files: FileRef[], form: WorkbookSettings & { region: RegionId }, lang: Lang, p: OnProgress): Promise<Outcome>;
  make(req: MakeRequest, lang: Lang, onProgress: OnProgress): Promise<Made>;
  /** stop what is running: its promise rejects with Cancelled */
  cancel(): void;
}

export class WorkerProblem extends Error {
  constructor(readonly text: Text) {
    super(text.zh);
  }
}

const START_MS = 20_000;

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  onProgress: OnProgress;
  assembly?: Assembly;
}

/** A worker from the script's text; resolves once it says it is ready. */
function startWorker(source: string): Promise<Worker> {
  return new Promise((resolve, reject) => {
    let w: Worker;
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    try {
      w = new Worker(url);
    } catch (e) {
      URL.revokeObjectURL(url);
      reject(e);
      return;
    }
    const timer = setTimeout(() => {
      w.terminate();
      reject(new Error('the worker did not start'));
    }, START_MS);
    w.onmessage = (e: MessageEvent<Reply>) => {
      if (e.data.t !== 'ready') return;
      clearTimeout(timer);
      URL.revokeObjectURL(url);
      resolve(w);
    };
    w.onerror = (e) => {
      clearTimeout(timer);
      URL.revokeObjectURL(url);
      w.terminate();
      reject(new Error(e.message || 'the worker could not be started'));
    };
  });
}

class WorkerRunner implements Runner {
  readonly mode = 'worker' as const;
  private worker: Promise<Worker> | null;
  private readonly pending = new Map<number, Pending>();
  private next = 1;

  constructor(
    private readonly source: string,
    first: Worker,
  ) {
    this.worker = Promise.resolve(this.wire(first));
  }

  private wire(w: Worker): Worker {
    w.onmessage = (e: MessageEvent<Reply>) => this.receive(e.data);
    w.onerror = (e) => {
      e.preventDefault();
      // the worker died (out of memory on a huge file …): what was asked fails, the next call starts afresh
      this.fail(
        t(
          `后台线程意外终止（${e.message || '可能内存不足'}）；请重试，或分成较小的文件`,
          `the background thread stopped (${e.message || 'out of memory?'}); try again, or split the file`,
        ),
      );
    };
    return w;
  }

  private fail(text: Text | null): void {
    void this.worker?.then((w) => w.terminate());
    this.worker = null;
    for (const p of this.pending.values()) p.reject(text ? new WorkerProblem(text) : new Cancelled());
    this.pending.clear();
  }

  private receive(r: Reply): void {
    const p = this.pending.get(r.id);
    if (!p) return;
    if (r.t === 'progress') p.onProgress(r.phase, r.done, r.total);
    else if (r.t === 'part') {
      p.assembly ??= new Assembly();
      p.assembly.add(r.part);
      p.onProgress('receive', p.assembly.received, p.assembly.total);
    } else if (r.t === 'error') {
      this.pending.delete(r.id);
      p.reject(new WorkerProblem(r.text));
    } else if (r.t === 'ok') {
      this.pending.delete(r.id);
      try {
        p.resolve(p.assembly ? p.assembly.done() : r.value);
      } catch (e) {
        p.reject(e);
      }
    }
  }

  private async call<T>(req: Record<string, unknown>, onProgress: OnProgress): Promise<T> {
    this.worker ??= startWorker(this.source).then((w) => this.wire(w));
    const w = await this.worker;
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
      w.postMessage({ ...req, id });
    });
  }

  read(files: FileRef[], onProgress: OnProgress): Promise<BookMeta[]> {
    return this.call({ op: 'read', files }, onProgress);
  }

  check(files: FileRef[], form: WorkbookSettings & { region: RegionId }, lang: Lang, p: OnProgress): Promise<Outcome> {
    return this.call({ op: 'check', files, form, lang }, p);
  }

  make(req: MakeRequest, lang: Lang, onProgress: OnProgress): Promise<Made> {
    return this.call({ ...req, lang }, onProgress);
  }

  cancel(): void {
    this.fail(null);
  }
}

/** The same work in the page: nothing to end mid-way, so Cancel drops the result when the step is done. */
class PageRunner implements Runner {
  readonly mode = 'page' as const;
  private session: Promise<Session> | null = null;
  private generation = 0;

  constructor(readonly note: Text) {}

  private async run<T>(f: (s: Session) => Promise<T>): Promise<T> {
    // a frame's time between steps: the page draws its progress before the next long, blocking step
    const pause = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    this.session ??= import(/* webpackChunkName: "session" */ './session').then((m) => new m.Session(pause));
    const gen = this.generation;
    try {
      const value = await f(await this.session);
      if (gen !== this.generation) throw new Cancelled();
      return value;
    } catch (e) {
      if (gen !== this.generation) throw new Cancelled();
      const { WebProblem } = await import(/* webpackChunkName: "session" */ './session');
      throw e instanceof WebProblem ? new WorkerProblem(e.text) : e;
    }
  }

  read(files: FileRef[], onProgress: OnProgress): Promise<BookMeta[]> {
    return this.run((s) => s.read(files, onProgress));
  }

  check(files: FileRef[], form: WorkbookSettings & { region: RegionId }, lang: Lang, p: OnProgress): Promise<Outcome> {
    return this.run(async (s) => {
      const { checked, head } = await s.check(files, form, lang, p);
      return { result: checked.result, report: checked.report, head };
    });
  }

  make(req: MakeRequest, lang: Lang, onProgress: OnProgress): Promise<Made> {
    return this.run(async (s) => {
      onProgress('write', 0, 1);
      return req.op === 'copy' ? s.copy(req.book, lang) : s[req.op](lang);
    });
  }

  cancel(): void {
    this.generation++;
  }
}

/** A worker where one can be started (`worker: false` forces the page, for tests); else the page itself. */
export async function createRunner(o: { worker: boolean }): Promise<Runner> {
  let why = 'worker=0';
  if (o.worker && typeof Worker !== 'undefined') {
    try {
      const { default: source } = await import(/* webpackChunkName: "worker" */ './worker-source');
      return new WorkerRunner(source, await startWorker(source));
    } catch (e) {
      why = e instanceof Error ? e.message : String(e);
    }
  } else if (o.worker) why = 'no Worker';
  return new PageRunner(t(why, why));
}
