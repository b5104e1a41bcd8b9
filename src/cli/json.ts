// `check --json`: the report written piece by piece, record by record and teacher by teacher, so that a roster
// of a million records is printed without its whole report (or its text) ever held at once. The text is the
// report's one layout (reportText in report.ts: a record or a teacher a line, as the web page's download too),
// written to a stream that may be slow (a pipe: wait for 'drain') or closed by its reader (`| head`: stop there).
import type { CheckResult } from '../engine/engine';
import {
  recordContext,
  recordOut,
  reportHead,
  reportTail,
  reportText,
  teacherOut,
  type Report,
} from '../engine/report';
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

/**
 * The text of `reportString({ ...toReport(r, lang), ...extra })` (report.ts's layout: a record or a teacher a
 * line), in pieces of about `chunk` characters, each record and teacher made only when it is written.
 */
export function reportJson(r: CheckResult, lang: Lang, extra: ReportExtra = {}, chunk = 1 << 14): Generator<string> {
  const c = recordContext(r);
  const records = function* () {
    for (const x of r.records) yield recordOut(r, x, c, lang);
  };
  const teachers = function* () {
    for (const tj of r.teachers) yield teacherOut(r, tj, lang);
  };
  return reportText(
    { ...reportHead(r, lang), records: records(), teachers: teachers(), ...reportTail(r, lang), ...extra },
    chunk,
  );
}

/** Write the pieces as terminal-safe text, waiting while the stream is full; stop when its reader has gone. */
export async function writeJson(pieces: Iterable<string>, sink: JsonSink): Promise<void> {
  for (const piece of pieces) {
    if (sink.closed?.()) return;
    if (sink.out(jsonForTerminal(piece)) === false && sink.drain) await sink.drain();
  }
}
