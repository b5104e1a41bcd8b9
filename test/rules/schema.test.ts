// Every region's tables have the shape the engine relies on: the zod schemas of src/rules/schema.ts, applied
// here rather than at each start (src/rules/params.ts says why). A mistyped key, a missing cite, an UNDEFINED
// number that cannot be overridden, a reading without alternatives: each fails here, naming the region.
import * as z from 'zod/mini';
import { REGIONS, RULES } from '../../src/rules';
import { ParamSchema, ParamTableSchema, ReadingSchema } from '../../src/rules/schema';
import { defineParams, defineReadings, type ParamInput } from '../../src/rules/params';

const base: ParamInput = {
  value: 1,
  unit: 'credit',
  label: { zh: '学分', en: 'credits' },
  cite: { doc: '办法', article: '第一条' },
};

describe.each(REGIONS)('%s', (region) => {
  const rules = RULES[region];
  test('every parameter has the schema’s shape, its defaults those the schema gives', () => {
    expect(ParamTableSchema.parse(rules.params)).toEqual(rules.params);
  });
  test('every reading has the schema’s shape', () => {
    expect(z.array(ReadingSchema).parse(rules.readings)).toEqual(rules.readings);
  });
});

describe('the schema refuses what a table must not hold', () => {
  const bad: Array<[string, Record<string, unknown>]> = [
    ['a mistyped key', { ...base, overidable: true }],
    ['no cite', { ...base, cite: undefined }],
    ['an UNDEFINED number nobody can override', { ...base, value: null }],
    ['a negative number', { ...base, value: -1 }],
    ['an infinite number', { ...base, value: Infinity }],
    ['an unknown unit', { ...base, unit: 'credits' }],
    ['bounds the wrong way round', { ...base, overridable: true, min: 5, max: 1 }],
    ['a reading id of another form', { ...base, reading: 'HN1' }],
  ];
  test.each(bad)('%s', (_what, p) => {
    expect(ParamSchema.safeParse(defineParams({ p: p as unknown as ParamInput }).p).success).toBe(false);
  });
  test('a well-formed parameter passes, with the defaults defineParams gives', () => {
    expect(ParamSchema.parse({ ...base })).toEqual(defineParams({ p: base }).p);
  });
  test('a reading defined twice is refused as the rules load', () => {
    const r = { id: 'R-XX1', article: '第一条', question: '?', chosen: 'a', alternatives: ['b'], summary: base.label };
    expect(() => defineReadings([r, { ...r }])).toThrow(/R-XX1/);
    expect(ReadingSchema.safeParse({ ...r, alternatives: [] }).success).toBe(false);
  });
});
