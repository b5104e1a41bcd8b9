// Every parameter and every adopted reading of every region is used by the engine in at
// least one table row (architecture.md). Use is measured, not declared: a parameter counts
// when a step of a record, a year or a cycle, a condition, a school flag or a finding of
// the row's result names it — so a cap that is only ever compared in a message, or a
// minimum no row reaches, is a gap. A row's own `params` / `readings` lists are held to
// the same measure: each must be something the engine used while that row ran. Every
// UNDEFINED parameter also has a row that overrides it.
import { REGIONS, RULES, type RegionId } from '../../src/rules';
import {
  ConversionRow,
  conversionTable,
  evaluateConversion,
  evaluateJudgement,
  JudgementRow,
  judgementTable,
  type Usage,
} from './table';
import * as hainan from './cases/hainan';
import * as shandong from './cases/shandong';
import * as zhengzhou from './cases/zhengzhou';
import * as puer from './cases/puer';
import * as qitai from './cases/qitai';

const TABLES: Record<RegionId, { conversions: ConversionRow[]; judgements: JudgementRow[] }> = {
  hainan,
  shandong,
  zhengzhou,
  puer,
  qitai,
};

interface Seen extends Usage {
  overridden: Set<string>;
  /** rows whose declared params or readings the engine did not use while they ran */
  unfounded: string[];
}

function exercise(region: RegionId): Seen {
  const seen: Seen = { params: new Set(), readings: new Set(), overridden: new Set(), unfounded: [] };
  const add = (row: ConversionRow | JudgementRow, u: Usage) => {
    u.params.forEach((k) => seen.params.add(k));
    u.readings.forEach((id) => seen.readings.add(id));
    Object.keys(row.input.overrides ?? {}).forEach((k) => seen.overridden.add(k));
    const unused = [
      ...(row.params ?? []).filter((k) => !u.params.has(k)),
      ...(row.readings ?? []).filter((id) => !u.readings.has(id)),
    ];
    if (unused.length)
      seen.unfounded.push(`${row.cite} — ${row.what ?? JSON.stringify(row.input)}: ${unused.join(', ')}`);
  };
  for (const row of TABLES[region].conversions) add(row, evaluateConversion(region, row).usage);
  for (const row of TABLES[region].judgements) add(row, evaluateJudgement(region, row).usage);
  return seen;
}

describe.each(REGIONS.map((r) => [r]))('%s: coverage of the rule set', (region) => {
  const seen = exercise(region);
  const rules = RULES[region];

  test('every parameter is used by the engine in some table row', () => {
    const missing = Object.keys(rules.params).filter((k) => !seen.params.has(k));
    expect(missing).toEqual([]);
  });

  test('every adopted reading is relied on by the engine in some table row', () => {
    const missing = rules.readings.map((r) => r.id).filter((id) => !seen.readings.has(id));
    expect(missing).toEqual([]);
  });

  test('a row names only parameters and readings the engine used while it ran', () => {
    expect(seen.unfounded).toEqual([]);
  });

  test('every UNDEFINED parameter has a row that supplies an override', () => {
    const undefinedKeys = Object.entries(rules.params)
      .filter(([, p]) => p.value === null)
      .map(([k]) => k);
    expect(undefinedKeys.filter((k) => !seen.overridden.has(k))).toEqual([]);
  });

  test('the tables name no reading the engine does not know, and every table has both kinds of row', () => {
    expect(TABLES[region].conversions.length).toBeGreaterThan(0);
    expect(TABLES[region].judgements.length).toBeGreaterThan(0);
    const known = new Set(rules.readings.map((r) => r.id));
    expect([...seen.readings].filter((id) => !known.has(id))).toEqual([]);
  });
});

describe('the table schema is strict', () => {
  const good = {
    cite: '第十四条第3项',
    origin: 'text',
    input: { hours: 8, level: '国家级', mode: '集中培训' },
    expect: { credits: 2 },
  };
  test('a well-formed row loads', () => {
    expect(conversionTable('hainan', [good as ConversionRow])).toHaveLength(1);
  });
  test.each([
    ['a mistyped input key', { ...good, input: { hour: 8, level: '国家级', mode: '集中培训' } }],
    ['a mistyped expect key', { ...good, expect: { credit: 2 } }],
    ['an unknown origin', { ...good, origin: 'guess' }],
    ['an empty expect', { ...good, expect: {} }],
    ['a reading row that names no reading', { ...good, origin: 'reading' }],
    ['an unknown parameter', { ...good, params: ['dayCredit.national'] }],
    ['an unknown reading', { ...good, readings: ['R-HN9'] }],
  ])('%s fails', (_, row) => {
    expect(() => conversionTable('hainan', [row as unknown as ConversionRow])).toThrow();
  });
  test('a mistyped judgement key fails', () => {
    const row = {
      cite: '第九条',
      origin: 'text',
      what: 'x',
      input: { records: [{ year: 2023, mode: '集中培训', hour: 8 }] },
      expect: { cycle: { pass: true } },
    };
    expect(() => judgementTable('hainan', [row as unknown as JudgementRow])).toThrow();
  });
});
