// The report's words for an unmet condition write its figures in whole hundredths when they are on one (no
// decimal.js): the same text as fmt (decimal.js, half away from zero) gives, for any figures.
import fc from 'fast-check';
import { fmt } from '../../src/core/decimal';
import { t } from '../../src/core/text';
import type { Condition } from '../../src/core/types';
import { conditionText, missingText } from '../../src/engine/report';

const condition = (required: number, actual: number, kind: 'min' | 'max' = 'min'): Condition => ({
  id: 'c',
  label: t('周期学分', 'cycle credits'),
  unit: 'credits',
  actual,
  required,
  kind,
  met: false,
  advisory: false,
  cite: { doc: '办法', article: '第九条' },
});

// figures on a hundredth (most), with a third decimal, binary fractions and float artefacts
const figure = fc.oneof(
  fc.integer({ min: -100_000, max: 100_000 }).map((c) => c / 100),
  fc.integer({ min: 0, max: 100_000 }).map((m) => m / 1000),
  fc.constantFrom(0.1 + 0.2, 0.29, 1 / 3, 2.675, 1.005, 0, -0, 1e-9, 0.30000000000000004),
);

test('figures and what is missing: fmt’s text, with and without hundredths', () => {
  fc.assert(
    fc.property(figure, figure, (required, actual) => {
      const c = condition(required, actual);
      const miss = fmt(Math.max(0, required - actual));
      expect(conditionText(c)).toEqual({
        zh: `周期学分 ${fmt(actual)}/${fmt(required)}，还差 ${miss} 学分（第九条）`,
        en: `cycle credits ${fmt(actual)}/${fmt(required)}, still ${miss} credits short (Art. 9)`,
      });
      expect(conditionText(condition(required, actual, 'max')).zh).toBe(
        `周期学分 ${fmt(actual)}，超过上限 ${fmt(required)} 学分（第九条）`,
      );
      const missing = missingText([c]);
      if (required > actual) expect(missing?.zh).toBe(`周期学分还差 ${fmt(required - actual)} 学分`);
      else expect(missing).toBeNull();
    }),
    { numRuns: 3000 },
  );
});

test('a figure that is not a number reads as fmt’s dash, not as 0', () => {
  const c = condition(10, null as unknown as number);
  expect(conditionText(c).zh).toContain(' —/10，');
});
