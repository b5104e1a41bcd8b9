// The messages between the web page and its worker, and the one way a check's result crosses between them.
// The engine's result holds the region's rules (functions: not cloneable) and, for a large roster, a
// hundred megabytes of records and teachers: it is sent without the rules (the page puts them back) and in
// slices, each a message of its own, so that the page stays responsive while it takes them in. The report's
// records and teachers are not sent: the page makes them from the slices as they arrive (recordOut,
// teacherOut, as toReport does): on a 4×-slowed page thread, taking 48 MB of a 100 000-row report in cost more
// than making it from the result the page takes in anyway (first result 5.3–5.6 s → 5.2–5.4 s, alternated runs).
// The records cross by columns, each conversion and text once (wire.ts): 42 MB of messages become 12 MB.
import type { CheckResult } from '../engine/engine';
import { recordOut, teacherOut, type RecordContext, type Report } from '../engine/report';
import { toPlain } from '../engine/plain';
import { RecordReader, RecordWriter, type RecordSlice } from './wire';
import type { Text } from '../core/text';
import type { WorkbookSettings } from '../present/settings';
import type { Format } from '../files/format';
import { RULES, type RegionId } from '../rules';
import type { Place } from '../taskpane/view';

/** A file the user chose: the same file keeps its key, so it is read once however often it is checked. */
export interface FileRef {
  key: string;
  name: string;
  blob: Blob;
}

export const fileKey = (f: { name: string; size: number; lastModified?: number }): string =>
  `${f.name}\u0000${f.size}\u0000${f.lastModified ?? 0}`;

/** What the page learns of a file once read. */
export interface BookMeta {
  key: string;
  name: string;
  format?: Format;
  /** the sheets' names (none for a CSV) */
  sheets?: string[];
  properties: Record<string, string>;
  notices: Text[];
  /** why it cannot be read */
  problem?: Text;
}

export type Phase = 'read' | 'engine' | 'receive' | 'write';

export type Request =
  | { id: number; op: 'read'; files: FileRef[] }
  | { id: number; op: 'check'; files: FileRef[]; form: WorkbookSettings & { region: RegionId }; lang: 'zh' | 'en' }
  | { id: number; op: 'copy'; book: number; lang: 'zh' | 'en' }
  | { id: number; op: 'summary'; lang: 'zh' | 'en' }
  | { id: number; op: 'json'; lang: 'zh' | 'en' };

/** A file made on request: its bytes, and for a copy whether it is the original package or a new .xlsx. */
export interface Made {
  bytes: Uint8Array;
  kind?: 'annotated' | 'rebuilt';
  note?: Text;
  /** the copy keeps macros: .xlsm */
  macros?: boolean;
}

/** What a check gives the page, besides the result and report. */
export interface CheckHead {
  places: Place[];
  notices: Text[];
  /** the books checked, in order (the copies' indices) */
  books: Array<{ name: string; format: Format }>;
}

export type Reply =
  | { id: number; t: 'ready' }
  | { id: number; t: 'progress'; phase: Phase; done: number; total: number }
  | { id: number; t: 'part'; part: Part }
  | { id: number; t: 'ok'; value?: unknown }
  | { id: number; t: 'error'; text: Text };

export type Part =
  | {
      kind: 'head';
      result: Omit<CheckResult, 'rules'>;
      /** the report without its records and teachers (the page makes those from the result's) */
      report: Report;
      head: CheckHead;
      records: number;
      teachers: number;
    }
  | { kind: 'teachers'; result: CheckResult['teachers'] }
  | { kind: 'records'; slice: RecordSlice };

const RECORDS = 2000;
const TEACHERS = 250;

/**
 * A check's result as messages: the head (everything but records and teachers, with the report's head), then
 * slices of teachers, then of records — a record's report names its teacher's ID, which the page learns from
 * the teachers. The result's lazy words (a step's detail) are read out first: a template cannot be cloned
 * (engine/plain.ts). `report` is the result's report in the run's language: only its head is sent.
 */
export function* split(result: CheckResult, report: Report, head: CheckHead): Generator<Part> {
  const { rules: _rules, records, teachers, ...rest } = result;
  void _rules;
  yield {
    kind: 'head',
    result: toPlain({ ...rest, records: [], teachers: [] }),
    report: { ...report, records: [], teachers: [] },
    head,
    records: records.length,
    teachers: teachers.length,
  };
  for (let i = 0; i < teachers.length; i += TEACHERS)
    yield { kind: 'teachers', result: toPlain(teachers.slice(i, i + TEACHERS)) };
  // the records by columns, each conversion and text once for the whole check (wire.ts)
  const w = new RecordWriter();
  for (let i = 0; i < records.length; i += RECORDS)
    yield { kind: 'records', slice: w.slice(records.slice(i, i + RECORDS)) };
}

/** How many parts `split` makes of a result of this size (for the progress bar). */
export const partsOf = (records: number, teachers: number): number =>
  1 + Math.ceil(records / RECORDS) + Math.ceil(teachers / TEACHERS);

/** The receiving end of `split`: parts in, the result (with its rules again) and its report out. */
export class Assembly {
  private result: CheckResult | null = null;
  private report: Report | null = null;
  /** toReport's context, filled as the teachers arrive: the records come after them */
  private readonly teacherOf = new Map<string, string>();
  private readonly context: RecordContext = { teacherOf: this.teacherOf, explained: new Map() };
  private readonly records = new RecordReader();
  head: CheckHead | null = null;
  total = 1;
  received = 0;
  /** how many records and teachers the head announced */
  private expected = { records: 0, teachers: 0 };

  add(p: Part): void {
    this.received++;
    if (p.kind === 'head') {
      this.result = { ...p.result, rules: RULES[p.report.region as RegionId] } as CheckResult;
      this.report = p.report;
      this.head = p.head;
      this.total = partsOf(p.records, p.teachers);
      this.expected = { records: p.records, teachers: p.teachers };
      return;
    }
    const r = this.result;
    const report = this.report;
    if (!r || !report) throw new Error('a part before the head');
    const lang = report.lang;
    // push one by one: a spread of thousands of items may exceed the argument limit
    if (p.kind === 'teachers') {
      for (const tj of p.result) {
        r.teachers.push(tj);
        this.teacherOf.set(tj.key, tj.id);
        report.teachers.push(teacherOut(r, tj, lang));
      }
    } else {
      // a record's explanation is made once per conversion: each crosses once, for every slice (wire.ts)
      for (const x of this.records.read(p.slice)) {
        r.records.push(x);
        report.records.push(recordOut(r, x, this.context, lang));
      }
    }
  }

  done(): { result: CheckResult; report: Report; head: CheckHead } {
    if (!this.result || !this.report || !this.head) throw new Error('no result received');
    // a teacher missing would give the records after it the wrong teacher's ID: all or nothing
    if (this.result.records.length !== this.expected.records || this.result.teachers.length !== this.expected.teachers)
      throw new Error('a part of the result is missing');
    return { result: this.result, report: this.report, head: this.head };
  }
}
