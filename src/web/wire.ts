// A check's records as the worker sends them to the page: by columns, not as 100 000 objects. Structured
// cloning writes every object's keys and every string anew: a 100 000-row roster's records were 42–68 MB of
// messages, holding the same few hundred conversions (each with its steps) and the same schools, projects and
// names thousands of times. Here each conversion, each distinct string and each record shape crosses once, and
// a record's fields go as typed arrays: 12–15 MB, rebuilt into the same records on the page. Measured on
// 100 000 generated rows: taking them in 290 → 70 ms (hainan) and 560 → 200 ms (puer) in Node's V8, making
// them ready to send 1.5–1.8 s → 0.14–0.2 s in the worker; the page's first result, alternated runs at 4× CPU,
// median 6.27 → 5.51 s. Their teachers are sent as they are: the same treatment gave them no gain (their steps
// are mostly each period's own, and a typed array per period costs more to take in than it saves).
import type { CheckResult, RecordResult } from '../engine/engine';
import { toPlain } from '../engine/plain';
import { NO_ISSUES } from '../core/types';

type Conversion = RecordResult['conversion'];
type Issues = RecordResult['issues'];

/** One field of the records of one shape in a slice, in their order. */
export type Column =
  /** text (or null, undefined): an index into the strings (NULL, UNDEFINED) */
  | { s: Int32Array }
  /** numbers; undefined where `u` is 1 */
  | { n: Float64Array; u?: Uint8Array }
  /** anything else (yes/no, an ID's problem), as it is */
  | { v: unknown[] };

const NULL = -1;
const UNDEFINED = -2;

/**
 * A slice of a check's records. Its conversions, strings and shapes are those first met in it: each continues
 * the tables of the slices before it (RecordReader keeps them), so the slices must be read in order.
 */
export interface RecordSlice {
  conversions: Conversion[];
  strings: string[];
  /** a shape is a record's own keys, in their order */
  shapes: string[][];
  /** per record of the slice */
  table: Int32Array;
  row: Float64Array;
  conversion: Int32Array;
  teacherKey: Int32Array;
  shape: Int32Array;
  /** a record's issues; null: none (NO_ISSUES) */
  issues: Array<Issues | null>;
  /** per shape met in the slice: its records' fields, a column a key */
  fields: Array<{ shape: number; columns: Column[] }>;
}

/** The worker's side: the records of one check, a slice at a time, in order. */
export class RecordWriter {
  private readonly conversions = new Map<Conversion, number>();
  private readonly strings = new Map<string, number>();
  private readonly shapes = new Map<string, number>();
  /** each shape's keys, by its number */
  private readonly keysOf: string[][] = [];
  /** the shape the last record had: a table's records have one, and are mostly told by it without a list made */
  private last = -1;
  /** toPlain's memo for the whole check: a step shared by conversions is made plain once */
  private readonly seen = new Map<object, unknown>();

  slice(records: readonly RecordResult[]): RecordSlice {
    const n = records.length;
    const out: RecordSlice = {
      conversions: [],
      strings: [],
      shapes: [],
      table: new Int32Array(n),
      row: new Float64Array(n),
      conversion: new Int32Array(n),
      teacherKey: new Int32Array(n),
      shape: new Int32Array(n),
      issues: new Array<Issues | null>(n).fill(null),
      fields: [],
    };
    // per shape met in the slice: a list of values a key
    const groups = new Map<number, unknown[][]>();
    for (let i = 0; i < n; i++) {
      const x = records[i]!;
      out.table[i] = x.table;
      out.row[i] = x.row;
      let c = this.conversions.get(x.conversion);
      if (c === undefined) {
        this.conversions.set(x.conversion, (c = this.conversions.size));
        out.conversions.push(toPlain(x.conversion, this.seen));
      }
      out.conversion[i] = c;
      out.teacherKey[i] = this.text(x.teacherKey, out);
      if (x.issues.length) out.issues[i] = toPlain(x.issues, this.seen);
      const rec = x.record as unknown as Record<string, unknown>;
      const s = this.shapeOf(rec, out);
      out.shape[i] = s;
      const keys = this.keysOf[s]!;
      let g = groups.get(s);
      if (!g) groups.set(s, (g = keys.map(() => [])));
      for (let k = 0; k < keys.length; k++) g[k]!.push(rec[keys[k]!]);
    }
    for (const [shape, g] of groups) out.fields.push({ shape, columns: g.map((v) => this.column(v, out)) });
    return out;
  }

  private shapeOf(rec: Record<string, unknown>, out: RecordSlice): number {
    const last = this.keysOf[this.last];
    let n = 0;
    let same = last !== undefined;
    // for…in walks the record's own keys in their order (its class's defaults are not enumerable); a key it
    // does not own (an enumerable one inherited) ends the short way, and Object.keys says the shape for certain
    for (const k in rec) if (same && (last![n++] !== k || !Object.hasOwn(rec, k))) same = false;
    if (same && n === last!.length) return this.last;
    const keys = Object.keys(rec);
    // (a record's keys are TrainingRecord's field names: none holds a NUL, none is __proto__)
    const id = keys.join('\u0000');
    let s = this.shapes.get(id);
    if (s === undefined) {
      this.shapes.set(id, (s = this.shapes.size));
      this.keysOf.push(keys);
      out.shapes.push(keys);
    }
    return (this.last = s);
  }

  private text(v: string | null | undefined, out: RecordSlice): number {
    if (v === null) return NULL;
    if (v === undefined) return UNDEFINED;
    let k = this.strings.get(v);
    if (k === undefined) {
      this.strings.set(v, (k = this.strings.size));
      out.strings.push(v);
    }
    return k;
  }

  private column(values: unknown[], out: RecordSlice): Column {
    let texts = true;
    let numbers = true;
    let blank = false;
    for (const v of values) {
      if (v === undefined) blank = true;
      else if (typeof v === 'string') numbers = false;
      else if (typeof v === 'number') texts = false;
      else if (v === null) numbers = false;
      else texts = numbers = false;
    }
    // loops, not TypedArray.from with a function: that was most of what making a slice cost
    const len = values.length;
    if (texts) {
      const ids = new Int32Array(len);
      for (let i = 0; i < len; i++) ids[i] = this.text(values[i] as string | null | undefined, out);
      return { s: ids };
    }
    if (numbers) {
      const n = new Float64Array(len);
      const u = blank ? new Uint8Array(len) : undefined;
      for (let i = 0; i < len; i++) {
        const v = values[i];
        if (v === undefined) u![i] = 1;
        else n[i] = v as number;
      }
      return u ? { n, u } : { n };
    }
    return { v: values.map((v) => toPlain(v, this.seen)) };
  }
}

/** The page's side: the slices of one check, in order, back into its records. */
export class RecordReader {
  private readonly conversions: Conversion[] = [];
  private readonly strings: string[] = [];
  private readonly shapes: string[][] = [];

  read(s: RecordSlice): CheckResult['records'] {
    for (const c of s.conversions) this.conversions.push(c);
    for (const x of s.strings) this.strings.push(x);
    for (const k of s.shapes) this.shapes.push(k);
    const n = s.table.length;
    const fieldsOf: Column[][] = [];
    for (const f of s.fields) fieldsOf[f.shape] = f.columns;
    // how many records of each shape have been made: their place in the shape's columns
    const at: number[] = [];
    const out: CheckResult['records'] = [];
    for (let i = 0; i < n; i++) {
      const shape = s.shape[i]!;
      const keys = this.shapes[shape];
      const columns = fieldsOf[shape];
      if (!keys || !columns) throw new Error('a record of a shape not sent');
      const j = at[shape] ?? 0;
      at[shape] = j + 1;
      const rec: Record<string, unknown> = {};
      for (let k = 0; k < keys.length; k++) rec[keys[k]!] = this.value(columns[k]!, j);
      const conversion = this.conversions[s.conversion[i]!];
      if (conversion === undefined) throw new Error('a record of a conversion not sent');
      const record: RecordResult = {
        table: s.table[i]!,
        row: s.row[i]!,
        record: rec as unknown as RecordResult['record'],
        conversion,
        issues: s.issues[i] ?? NO_ISSUES,
        teacherKey: this.text(s.teacherKey[i]!) as string | null,
      };
      out.push(record);
    }
    return out;
  }

  private value(c: Column, j: number): unknown {
    if ('s' in c) return this.text(c.s[j]!);
    if ('n' in c) return c.u && c.u[j] ? undefined : c.n[j];
    return c.v[j];
  }

  private text(k: number): string | null | undefined {
    if (k === NULL) return null;
    if (k === UNDEFINED) return undefined;
    const v = this.strings[k];
    if (v === undefined) throw new Error('a text not sent');
    return v;
  }
}
