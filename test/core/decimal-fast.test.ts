// The integer fast paths of core/decimal (issue 14) give decimal.js's figures: round2 of a figure within a hair
// of a hundredth, pct of whole hundredths, a product with a factor that has no whole hundredths (1/3, remembered).
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { pct, product, round2 } from '../../src/core/decimal';

// the engine's own decimal.js settings: the fast paths must give what that path gave
const D = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_UP });
const ref2 = (x: number | Decimal): number => new D(x).toDecimalPlaces(2, D.ROUND_HALF_UP).toNumber() || 0;
const refPct = (p: number, w: number): string =>
  w === 0 ? '0%' : `${new D(p).dividedBy(w).times(100).toDecimalPlaces(1, D.ROUND_HALF_UP).toNumber()}%`;
const refProduct = (a: number, b: number): number => ref2(new D(1).times(a).times(b));

const hundredths = fc.integer({ min: -1e11, max: 1e11 }).map((n) => n / 100);
// a product of hundredths in binary: 0.29 * 3 is 0.8699999999999999, 12.3 * 100 is 1230.0000000000002
const products = fc.tuple(hundredths, fc.integer({ min: 1, max: 9 })).map(([x, k]) => x * k);
const nearly = fc.tuple(hundredths, fc.integer({ min: -9, max: 9 })).map(([x, k]) => x + k * 1e-10);

describe('round2 near a hundredth', () => {
  test.each([
    [12.3 * 100, 1230],
    [0.29 * 3, 0.87],
    [0.1 + 0.2, 0.3],
    [0.2900000001, 0.29],
    [-0.2900000001, -0.29],
    [1e-8, 0],
    [-1e-8, 0],
  ])('round2(%p) === %p', (x, expected) => {
    expect(Object.is(round2(x), expected)).toBe(true);
  });

  test('agrees with decimal.js on products of hundredths and on figures a hair off one', () => {
    fc.assert(
      fc.property(fc.oneof(hundredths, products, nearly), (x) => {
        expect(Object.is(round2(x), ref2(x))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('pct on whole hundredths', () => {
  test.each([
    [1, 3, '33.3%'],
    [0.5, 0.3, '166.7%'],
    [1, 8, '12.5%'],
    [-1, 8, '-12.5%'],
    [3, 16, '18.8%'],
    [0.01, 1e9, '0%'],
  ])('pct(%p, %p) === %p', (p, w, expected) => {
    expect(pct(p, w)).toBe(expected);
    expect(pct(p, w)).toBe(refPct(p, w));
  });

  test('agrees with decimal.js, ties of a half-tenth included', () => {
    const whole = fc.integer({ min: 1, max: 1e7 }).map((n) => n / 100);
    fc.assert(
      fc.property(hundredths, whole, fc.integer({ min: 1, max: 400 }), (p, w, k) => {
        expect(pct(p, w)).toBe(refPct(p, w));
        expect(pct(k / 8, 1)).toBe(refPct(k / 8, 1)); // x.x5 %: every one a tie
      }),
      { numRuns: 2000 },
    );
  });
});

describe('product with a factor without whole hundredths', () => {
  test('a share of a third: the first time and remembered', () => {
    expect(product(100, 1 / 3)).toBe(33.33);
    expect(product(100, 1 / 3)).toBe(33.33);
    expect(product(200, 2 / 3)).toBe(133.33);
    expect(product(0.5, 1 / 3)).toBe(refProduct(0.5, 1 / 3));
  });

  test('agrees with decimal.js for shares and totals, asked many times', () => {
    const share = fc.constantFrom(1 / 3, 2 / 3, 1 / 7, 0.333, 0.15, 0.125);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }).map((n) => n / 100),
        share,
        (a, b) => {
          expect(product(a, b)).toBe(refProduct(a, b));
          expect(product(a, b)).toBe(refProduct(a, b));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
