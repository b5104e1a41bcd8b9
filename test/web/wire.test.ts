// The records as the worker sends them (by columns, each conversion and text once: src/web/wire.ts) come back
// as the very records structured cloning gave the page before: the same fields in the same order, the same
// values (-0, undefined, null, yes/no, an ID's problem), records of one conversion sharing it, tables that
// continue from slice to slice, and tables of different columns (shapes) in one check.
import { serialize } from 'v8';
import { checkRoster, type RecordResult } from '../../src/engine/engine';
import { toPlain } from '../../src/engine/plain';
import { NO_ISSUES } from '../../src/core/types';
import { REGIONS, RULES } from '../../src/rules';
import { generate } from '../../src/samples/generate';
import { RecordReader, RecordWriter, type RecordSlice } from '../../src/web/wire';

/** The records through the wire, `size` a slice, each slice structured-cloned as postMessage does. */
function crossed(records: readonly RecordResult[], size: number): { back: RecordResult[]; slices: RecordSlice[] } {
  const w = new RecordWriter();
  const r = new RecordReader();
  const back: RecordResult[] = [];
  const slices: RecordSlice[] = [];
  for (let i = 0; i < records.length; i += size) {
    const s = structuredClone(w.slice(records.slice(i, i + size)));
    slices.push(s);
    for (const x of r.read(s)) back.push(x);
  }
  return { back, slices };
}

/** What the page received before: the records made plain, structured-cloned. */
const cloned = (records: readonly RecordResult[]) => structuredClone(toPlain(records.slice()));

function expectSame(back: RecordResult[], want: RecordResult[]): void {
  expect(back).toStrictEqual(want);
  // key order too: a record's fields are listed (and its JSON written) in their order
  for (let i = 0; i < want.length; i++) {
    expect(Object.keys(back[i]!)).toEqual(Object.keys(want[i]!));
    expect(Object.keys(back[i]!.record)).toEqual(Object.keys(want[i]!.record));
  }
}

describe.each(REGIONS)('%s', (region) => {
  // two tables: the second without the grade and the name columns (another shape of record), rows with mistakes
  const rows = generate(region, { teachers: 60, mistakes: true, seed: 5 }).rows.slice(1);
  const header = rows[0]!.map(String);
  const drop = new Set([header.findIndex((h) => /成绩|考核|等次/.test(h)), header.indexOf('姓名')]);
  const other = rows.map((r) => r.filter((_, j) => !drop.has(j)));
  const result = checkRoster(
    [
      { rows, sheet: 'A' },
      { rows: other, sheet: 'B' },
    ],
    { rules: RULES[region], asOf: '2026-11-23' },
  );
  const records = result.records;

  test('the same records, slice after slice', () => {
    expect(new Set(records.map((x) => Object.keys(x.record).join())).size).toBeGreaterThan(1);
    expect(records.some((x) => x.issues.length)).toBe(true);
    for (const size of [7, 2000]) expectSame(crossed(records, size).back, cloned(records));
    const some = records.slice(0, 150);
    expectSame(crossed(some, 1).back, cloned(some));
  });

  test('records of one conversion share it on the page; each conversion and text crosses once', () => {
    const { back, slices } = crossed(records, 50);
    const byConversion = new Map<unknown, unknown>();
    records.forEach((x, i) => {
      const seen = byConversion.get(x.conversion);
      if (seen === undefined) byConversion.set(x.conversion, back[i]!.conversion);
      else expect(back[i]!.conversion).toBe(seen);
    });
    const sent = slices.flatMap((s) => s.conversions);
    expect(sent).toHaveLength(new Set(records.map((x) => x.conversion)).size);
    const texts = slices.flatMap((s) => s.strings);
    expect(new Set(texts).size).toBe(texts.length);
  });
});

test('values of every kind, and fields a record lacks, come back as they were', () => {
  const base = checkRoster([{ rows: generate('hainan', { teachers: 2, mistakes: false, seed: 1 }).rows.slice(1) }], {
    rules: RULES.hainan,
    asOf: '2026-11-23',
  }).records;
  const odd = [
    { hours: -0, name: '', school: null, project: 'a\u0000b', exempt: true },
    { hours: 0.1 + 0.2, name: undefined, school: '海口市第一中学', project: null, exempt: false },
    { hours: 1e21, name: '江诚中', idProblem: { kind: 'scientific', shown: '4.6E+17' } },
    { hours: Number.NaN, name: '江诚中', months: undefined },
  ].map((fields, i) => ({ ...base[i % base.length]!, record: { ...base[0]!.record, ...fields } }) as RecordResult);
  const records = [...odd, { ...base[1]!, teacherKey: null }, ...base];
  for (const size of [1, 3, 100]) expectSame(crossed(records, size).back, cloned(records));
});

test('a record owning fewer keys than the one before, the rest inherited, is sent with its own keys alone', () => {
  const [a, b] = checkRoster([{ rows: generate('hainan', { teachers: 1, mistakes: false, seed: 1 }).rows.slice(1) }], {
    rules: RULES.hainan,
    asOf: '2026-11-23',
  }).records;
  const own = { ...a!.record } as Record<string, unknown>;
  const proto = { exempt: true };
  const fewer = Object.assign(Object.create(proto) as Record<string, unknown>, own);
  delete fewer.exempt;
  own.exempt = false;
  const records = [
    { ...a!, record: own },
    { ...b!, record: fewer },
  ] as unknown as RecordResult[];
  const { back } = crossed(records, 10);
  expect(Object.keys(back[1]!.record)).toEqual(Object.keys(fewer));
  expect('exempt' in back[1]!.record).toBe(false);
  expectSame(back, cloned(records));
});

test('a record without issues has the engine’s NO_ISSUES on the page too', () => {
  const records = checkRoster([{ rows: generate('qitai', { teachers: 3, mistakes: false, seed: 1 }).rows.slice(1) }], {
    rules: RULES.qitai,
    asOf: '2026-11-23',
  }).records.filter((x) => x.issues === NO_ISSUES);
  expect(records.length).toBeGreaterThan(0);
  for (const x of crossed(records, 5).back) expect(x.issues).toBe(NO_ISSUES);
});

test('a roster’s records are half the bytes they were as slices of objects, or less', () => {
  const rows = generate('puer', { teachers: 600, mistakes: true, seed: 2 }).rows.slice(1);
  const records = checkRoster([{ rows }], { rules: RULES.puer, asOf: '2026-11-23' }).records;
  const bytes = (x: unknown) => serialize(x).length;
  // as they were sent: 2 000 records a message, each made plain
  let before = 0;
  for (let i = 0; i < records.length; i += 2000) before += bytes(toPlain(records.slice(i, i + 2000)));
  const after = crossed(records, 2000).slices.reduce((n, s) => n + bytes(s), 0);
  expect(records.length).toBeGreaterThan(4000);
  expect(after * 2).toBeLessThan(before);
});
