// Every parameter and every adopted reading of every region is exercised by at least
// one table row (architecture.md). A row exercises what it names in `params` /
// `readings`, and what the engine's explanation steps and conditions name while the
// row runs. Every UNDEFINED parameter also has a row that overrides it.
import { REGIONS, RULES, type RegionId } from '../../src/rules';
import {
  ConversionRow,
  conversionTable,
  evaluateConversion,
  evaluateJudgement,
  JudgementRow,
  judgementTable,
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

interface Seen {
  params: Set<string>;
  readings: Set<string>;
  overridden: Set<string>;
}

function exercise(region: RegionId): Seen {
  const seen: Seen = { params: new Set(), readings: new Set(), overridden: new Set() };
  const add = (u: { params: Set<string>; readings: Set<string> }) => {
    u.params.forEach((k) => seen.params.add(k));
    u.readings.forEach((id) => seen.readings.add(id));
  };
  for (const row of TABLES[region].conversions) {
    add(evaluateConversion(region, row).usage);
    Object.keys(row.input.overrides ?? {}).forEach((k) => seen.overridden.add(k));
  }
  for (const row of TABLES[region].judgements) {
    add(evaluateJudgement(region, row).usage);
    Object.keys(row.input.overrides ?? {}).forEach((k) => seen.overridden.add(k));
  }
  return seen;
}

describe.each(REGIONS.map((r) => [r]))('%s: coverage of the rule set', (region) => {
  const seen = exercise(region);
  const rules = RULES[region];

  test('every parameter is exercised by a table row', () => {
    const missing = Object.keys(rules.params).filter((k) => !seen.params.has(k));
    expect(missing).toEqual([]);
  });

  test('every adopted reading is exercised by a table row', () => {
    const missing = rules.readings.map((r) => r.id).filter((id) => !seen.readings.has(id));
    expect(missing).toEqual([]);
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
