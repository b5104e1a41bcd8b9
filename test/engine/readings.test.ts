// A result's `readings` (the readings of rules.md a check relied on, which the report lists) are every reading
// named anywhere in it: by a record's conversion steps, and by a teacher's years' and cycle's conditions and
// steps. The engine collects them from the periods' steps alone (every condition is also a step) and from the
// conversions as they are made; this reads every place instead, on every region's generated roster.
import { checkTable, type CheckResult } from '../../src/engine/engine';
import { REGIONS, RULES } from '../../src/rules';
import { generate } from '../../src/samples/generate';

function everyReading(r: CheckResult): string[] {
  const out = new Set<string>();
  const add = (list: ReadonlyArray<{ readings?: readonly string[] | undefined }>) => {
    for (const x of list) for (const id of x.readings ?? []) out.add(id);
  };
  for (const rec of r.records) add(rec.conversion.steps);
  for (const tj of r.teachers)
    for (const p of [tj.cycle, ...tj.years]) {
      add(p.conditions);
      add(p.steps);
    }
  return [...out].sort();
}

test.each(REGIONS)('%s: the readings relied on are those the result names, each once, in order', (region) => {
  const rows = generate(region, { teachers: 60, mistakes: true, seed: 11 }).rows.slice(1);
  const r = checkTable(rows, { rules: RULES[region], asOf: new Date('2026-11-23') });
  expect(r.readings.length).toBeGreaterThan(0);
  expect(r.readings).toEqual(everyReading(r));
});
