// The web page's worker: reading and checking run here, off the page's thread, so that the page keeps
// drawing its progress bar and answering its Cancel button while a large workbook is parsed and checked
// (Cancel ends this worker). Built as one self-contained script (webpack.config.js, WorkerBundlePlugin) that
// the page starts from a blob: it loads no other file, so it runs from a web server and from file:// alike.
import { t } from '../core/text';
import { Session, WebProblem } from './session';
import { split, type Phase, type Reply, type Request } from './protocol';

interface WorkerScope {
  postMessage(message: Reply, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<Request>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const session = new Session();
const send = (r: Reply, transfer: Transferable[] = []) => scope.postMessage(r, transfer);

scope.onmessage = (e) => {
  const req = e.data;
  void handle(req).catch((err: unknown) => {
    const m = err instanceof Error ? err.message : String(err);
    send({
      id: req.id,
      t: 'error',
      text: err instanceof WebProblem ? err.text : t(`内部错误：${m}`, `internal error: ${m}`),
    });
  });
};

async function handle(req: Request): Promise<void> {
  const onProgress = (phase: Phase, done: number, total: number) =>
    send({ id: req.id, t: 'progress', phase, done, total });
  switch (req.op) {
    case 'read':
      send({ id: req.id, t: 'ok', value: await session.read(req.files, onProgress) });
      return;
    case 'check': {
      const { checked, head, reportHead } = await session.check(req.files, req.form, req.lang, onProgress);
      // the page makes the report's records and teachers: only its head is made here
      const parts = split(checked.result, reportHead(), head);
      for (const part of parts) send({ id: req.id, t: 'part', part });
      send({ id: req.id, t: 'ok' });
      return;
    }
    default: {
      onProgress('write', 0, 1);
      const made = req.op === 'copy' ? await session.copy(req.book, req.lang) : session[req.op](req.lang);
      send({ id: req.id, t: 'ok', value: made }, [made.bytes.buffer as ArrayBuffer]);
    }
  }
}

send({ id: 0, t: 'ready' });
