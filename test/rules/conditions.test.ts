// A year's or a cycle's conditions share what does not depend on the teacher (issue 14): condition() finds a
// spec made before, and a condition keeps its figures as whole hundredths. What each one says must not change.
import { condition, Judging } from '../../src/rules/region';
import { Params } from '../../src/rules/params';
import { params as puer } from '../../src/rules/puer';
import { t } from '../../src/core/text';
import type { Cite } from '../../src/core/types';
import { REGIONS, RULES } from '../../src/rules';
import { generate } from '../../src/samples/generate';
import { checkTable } from '../../src/engine/engine';

const A: Cite = { doc: 'test', article: '第一条' };
const B: Cite = { doc: 'test', article: '第二条' };
const L = t('年度学时', 'hours this year');

describe('conditions from one spec', () => {
  const p = new Params(puer);
  const need = p.use('yearHours');

  test('two teachers share the spec, each keeps their own figure and verdict', () => {
    const a = condition('yearHours', L, 'hours', 10.5, need, A, { readings: ['R-PE4'] });
    const b = condition('yearHours', t('年度学时', 'hours this year'), 'hours', 1000, need, A, { readings: ['R-PE4'] });
    expect([a.actual, a.required, a.met]).toEqual([10.5, need.value, 10.5 >= need.value!]);
    expect([b.actual, b.met]).toEqual([1000, true]);
    expect(a.params).toBe(b.params);
    expect(a.params).toEqual([need]);
    expect(Object.isFrozen(a.params)).toBe(true);
  });

  test('what differs gives another spec: readings, article, kind, advisory, parameters, label', () => {
    const base = condition('x', L, 'hours', 1, need, A, { readings: ['R-PE4'] });
    const other = [
      condition('x', L, 'hours', 1, need, A, { readings: ['R-PE4', 'R-PE5'] }),
      condition('x', L, 'hours', 1, need, B, { readings: ['R-PE4'] }),
      condition('x', L, 'hours', 1, need, A, { readings: ['R-PE4'], kind: 'max' }),
      condition('x', L, 'hours', 1, need, A, { readings: ['R-PE4'], advisory: true }),
      condition('x', L, 'hours', 1, p.use('yearCredits'), A, { readings: ['R-PE4'] }),
      condition('x', t('年度学分', 'credits'), 'credits', 1, need, A, { readings: ['R-PE4'] }),
    ];
    expect(other.map((c) => [c.readings, c.cite, c.kind, c.advisory, c.params?.[0]?.key, c.label.zh, c.unit])).toEqual([
      [['R-PE4', 'R-PE5'], A, 'min', false, 'yearHours', '年度学时', 'hours'],
      [['R-PE4'], B, 'min', false, 'yearHours', '年度学时', 'hours'],
      [['R-PE4'], A, 'max', false, 'yearHours', '年度学时', 'hours'],
      [['R-PE4'], A, 'min', true, 'yearHours', '年度学时', 'hours'],
      [['R-PE4'], A, 'min', false, 'yearCredits', '年度学时', 'hours'],
      [['R-PE4'], A, 'min', false, 'yearHours', '年度学分', 'credits'],
    ]);
    expect(base.readings).toEqual(['R-PE4']);
  });

  test('a note is the teacher’s own', () => {
    const a = condition('share', L, 'hours', 1, 3, A, { kind: 'max', note: t('占 10%', '10%') });
    const b = condition('share', L, 'hours', 1, 3, A, { kind: 'max', note: t('占 20%', '20%') });
    expect([a.note?.zh, b.note?.zh]).toEqual(['占 10%', '占 20%']);
  });

  test('figures without whole hundredths in range are kept as they are, rounded as before', () => {
    const big = condition('big', L, 'hours', 2 ** 40 + 0.25, 1 / 3, A);
    expect(big.actual).toBe(2 ** 40 + 0.25);
    expect(big.required).toBe(1 / 3);
    expect(big.met).toBe(true);
    const r = condition('r', L, 'hours', 0.29 * 3, 0.87, A);
    expect([r.actual, r.required, r.met]).toEqual([0.87, 0.87, true]);
    const n = condition('n', L, 'hours', -0.005, 0, A);
    expect([n.actual, n.met]).toEqual([-0.01, false]);
  });

  test('a condition shared by two teachers says its words in the language asked, whichever is asked first', () => {
    const a = condition('yearHours', L, 'hours', 7, need, A);
    const b = condition('yearHours', L, 'hours', 7, need, A);
    expect(b).toBe(a);
    const words = (c: typeof a) => (c as unknown as { words(l: 'zh' | 'en'): string }).words;
    expect([words(a).call(a, 'en'), words(b).call(b, 'zh'), words(a).call(a, 'en')]).toEqual([
      `hours this year 7 < ${need.value} h: ${need.value! - 7} short`,
      `年度学时 7 < ${need.value} 学时：还差 ${need.value! - 7}`,
      `hours this year 7 < ${need.value} h: ${need.value! - 7} short`,
    ]);
  });

  test('a condition’s step names it under the region’s prefix and says its comparison', () => {
    const j = new Judging('PE');
    j.check(condition('yearHours', L, 'hours', 8, need, A));
    const s = j.steps[0]!;
    expect([s.rule, s.cite, s.params]).toEqual(['PE-yearHours', A, [need]]);
    expect(s.detail.zh).toBe(`年度学时 8 < ${need.value} 学时：还差 ${need.value! - 8}`);
  });
});

describe('a step’s words in one language are its detail in that language', () => {
  // every step of every teacher-year and cycle of a generated roster per region, with the samples' mistakes
  // (unmet conditions, notes, advisory ones): the one-language words must be the two-language detail's half
  test.each(REGIONS)('%s', (region) => {
    const s = generate(region, { teachers: 40, mistakes: true, seed: 11 });
    const r = checkTable(s.rows.slice(1), { rules: RULES[region], asOf: '2029-01-15' });
    let checked = 0;
    for (const tj of r.teachers)
      for (const p of [...tj.years, tj.cycle])
        for (const step of p.steps)
          if (step.words) {
            expect([step.words('zh'), step.words('en')]).toEqual([step.detail.zh, step.detail.en]);
            checked++;
          }
    expect(checked).toBeGreaterThan(100);
  });
});
