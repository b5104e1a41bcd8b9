// `check --json`: the report written piece by piece, record by record and teacher by teacher, so that a roster
// of a million records is printed without its whole report (or its text) ever held at once. The text is byte
// for byte `JSON.stringify(report, null, 2)` (the contract is the report, not how it is made), written to a
// stream that may be slow (a pipe: wait for 'drain') or closed by its reader (`| head`: stop there).
import type { CheckResult } from '../engine/engine';
import { recordContext, recordOut, reportHead, reportTail, teacherOut, type Report } from '../engine/report';
import type { Lang } from '../core/text';
import { jsonForTerminal } from './terminal';

/** What a shell adds to the report after the engine's parts: the sources read, the copies written. */
export type ReportExtra = Pick<Report, 'sources' | 'outputs'>;

/** Where the text goes: `out` false means "queued; wait for `drain`" (a stream's write). */
export interface JsonSink {
  out: (s: string) => unknown;
  drain?: () => Promise<void>;
  /** the reader has gone (EPIPE): nothing more is written */
  closed?: () => boolean;
}

/** JSON.stringify(v, null, 2) for a value nested under `pad` (its strings hold no raw newline: only layout does). */
const nested = (v: unknown, pad: string): string => {
  const text = JSON.stringify(v, null, 2);
  return text.indexOf('\n') < 0 ? text : text.replace(/\n/g, `\n${pad}`);
};

/**
 * The text of `JSON.stringify({ ...toReport(r, lang), ...extra }, null, 2) + '\n'`, in pieces of about `chunk`
 * characters.
 */
export function* reportJson(r: CheckResult, lang: Lang, extra: ReportExtra = {}, chunk = 1 << 16): Generator<string> {
  let buf = '{';
  let first = true;
  const key = (k: string) => {
    buf += `${first ? '' : ','}\n  ${JSON.stringify(k)}: `;
    first = false;
  };
  const parts = (o: object) => {
    for (const [k, v] of Object.entries(o)) {
      if (v === undefined) continue;
      key(k);
      buf += nested(v, '  ');
    }
  };
  // the arrays of records and of teachers, one element at a time
  const list = function* <T>(name: string, items: readonly T[], out: (x: T) => unknown): Generator<string> {
    key(name);
    if (!items.length) {
      buf += '[]';
      return;
    }
    buf += '[';
    for (let i = 0; i < items.length; i++) {
      buf += i ? ',\n    ' : '\n    ';
      buf += nested(out(items[i]!), '    ');
      if (buf.length >= chunk) {
        yield buf;
        buf = '';
      }
    }
    buf += '\n  ]';
  };
  parts(reportHead(r, lang));
  const c = recordContext(r);
  yield* list('records', r.records, (x) => recordOut(r, x, c, lang));
  yield* list('teachers', r.teachers, (tj) => teacherOut(r, tj, lang));
  parts(reportTail(r, lang));
  parts(extra);
  yield `${buf}\n}\n`;
}

/** Write the pieces as terminal-safe text, waiting while the stream is full; stop when its reader has gone. */
export async function writeJson(pieces: Iterable<string>, sink: JsonSink): Promise<void> {
  for (const piece of pieces) {
    if (sink.closed?.()) return;
    if (sink.out(jsonForTerminal(piece)) === false && sink.drain) await sink.drain();
  }
}
