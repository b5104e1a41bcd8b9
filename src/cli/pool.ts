// Parse many files in parallel: one worker thread per core (the engine then runs once, on the main thread,
// over all their tables). A single file, or a run without the compiled worker (tests on the TypeScript
// sources), is parsed on the main thread.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { readWorkbook, type WorkbookData } from '../files/read';
import { FileProblem } from '../files/problem';
import { useInflater } from '../files/inflate';
import { beforeSheetJs } from '../files/sheetjs';
import type { Text } from '../core/text';
import { FileError, nativeInflater, readBytes } from './files';
import { deferCodePages } from './codepages';

// in the main thread and in every worker thread: packages are inflated by Node's zlib (cli/files.ts), and
// SheetJS's code-page tables are loaded only by a workbook that decodes through them (cli/codepages.ts)
useInflater(nativeInflater);
beforeSheetJs(deferCodePages);

export interface ParseRequest {
  id: number;
  file: string;
  label: string;
  /** send the bytes back (for writing the annotated copy) */
  keepBytes: boolean;
  /** --sheet: only these sheets are read (else every visible one) */
  sheets?: readonly string[];
}

export interface ParseResult {
  id: number;
  book?: WorkbookData;
  bytes?: Uint8Array;
  problem?: Text;
  /** a bug of ours, not the file's: reported as an internal error */
  crash?: string;
}

export async function parseFile(req: ParseRequest): Promise<ParseResult> {
  try {
    const bytes = await readBytes(req.file);
    const book = readWorkbook(bytes, req.sheets?.length ? { sheets: req.sheets } : {});
    if (!req.keepBytes) return { id: req.id, book };
    // a transferable buffer of its own, not a slice of Node's pool
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    return { id: req.id, book, bytes: own };
  } catch (e) {
    if (e instanceof FileProblem || e instanceof FileError) return { id: req.id, problem: e.text };
    return { id: req.id, crash: e instanceof Error ? `${e.message}` : String(e) };
  }
}

const WORKER = path.join(__dirname, 'worker.js');

export function cores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length || 1;
}

/**
 * Parse every file; results in the order given. `onDone` is called as each file finishes, with its result; once
 * `more` says no (the rows read have passed a run's budget), no further file is begun, and those are left
 * without a result.
 */
export async function parseAll(
  reqs: ReadonlyArray<Omit<ParseRequest, 'id'>>,
  o: { jobs?: number; onDone?: (done: number, total: number, r: ParseResult) => void; more?: () => boolean } = {},
): Promise<Array<ParseResult | undefined>> {
  const jobs = Math.max(1, Math.min(o.jobs ?? cores(), reqs.length));
  const results: Array<ParseResult | undefined> = new Array(reqs.length);
  let done = 0;
  const finish = (r: ParseResult) => {
    results[r.id] = r;
    o.onDone?.(++done, reqs.length, r);
  };
  const more = () => next < reqs.length && o.more?.() !== false;
  let next = 0;
  if (jobs === 1 || !fs.existsSync(WORKER)) {
    for (; more(); next++) finish(await parseFile({ ...reqs[next]!, id: next }));
    return results;
  }
  // one thread per job; a thread that dies (out of memory on a huge file) fails its file, and a fresh thread
  // takes the rest, so a run never hangs on a lost message
  const thread = (): Promise<void> =>
    new Promise<void>((resolve) => {
      if (!more()) return resolve();
      const w = new Worker(WORKER);
      let current = -1;
      const feed = () => {
        if (!more()) {
          current = -1;
          void w.terminate().then(() => resolve());
          return;
        }
        current = next++;
        w.postMessage({ ...reqs[current]!, id: current });
      };
      w.on('message', (r: ParseResult) => {
        finish(r);
        feed();
      });
      w.on('error', (e) => {
        if (current >= 0) finish({ id: current, crash: e instanceof Error ? e.message : String(e) });
        current = -1;
        void w
          .terminate()
          .then(() => thread())
          .then(resolve);
      });
      feed();
    });
  await Promise.all(Array.from({ length: jobs }, thread));
  return results;
}
