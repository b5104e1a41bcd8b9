// A result's readings are every reading its records' conversions and its teachers' years and cycles rely on. The
// engine reads the periods' from the lists their Judging kept (rules/region.ts periodReadings) rather than from
// every step and condition again: here every step and condition of generated rosters, errors and all, is read
// the long way, and the two must agree.
import { checkTable } from '../../src/engine/engine';
import { RULES, type RegionId } from '../../src/rules';
import { periodReadings } from '../../src/rules/region';
import { generate } from '../../src/samples/generate';

const REGIONS = Object.keys(RULES) as RegionId[];

test.each(REGIONS)('%s: the readings kept by the periods are those of all their steps and conditions', (region) => {
  const rows = generate(region, { teachers: 60, mistakes: true, seed: 11 }).rows.slice(1);
  const r = checkTable(rows, { rules: RULES[region], asOf: '2026-11-23' });
  const all = new Set<string>();
  const add = (list: ReadonlyArray<{ readings?: string[] | undefined }>) => {
    for (const x of list) for (const id of x.readings ?? []) all.add(id);
  };
  for (const rec of r.records) add(rec.conversion.steps);
  let periods = 0;
  let kept = 0;
  for (const tj of r.teachers) {
    for (const p of [tj.cycle, ...tj.years]) {
      add(p.steps);
      add(p.conditions);
      periods++;
      if (periodReadings(p) !== undefined) kept++;
    }
  }
  // every period was made by a Judging: the short way was taken for each
  expect(kept).toBe(periods);
  expect(all.size).toBeGreaterThan(0);
  expect(r.readings).toEqual([...all].sort());
});
