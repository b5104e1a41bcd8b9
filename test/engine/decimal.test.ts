// rules.md preamble: credits are rounded to 2 decimals, half away from zero, with no
// binary-float artefacts (0.1 * 3 must print 0.3).
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { add, dec, div, fmt, mul, pct, round2, sub, sum } from '../../src/core/decimal';

/** The reference: the decimal the number prints as, rounded half away from zero. */
const R = Decimal.clone({ precision: 60 });
const ref2 = (x: number | Decimal): number => new R(x).toDecimalPlaces(2, R.ROUND_HALF_UP).toNumber() || 0;

describe('round2: half away from zero, on the decimal the user typed', () => {
  test.each([
    [0.125, 0.13],
    [2.675, 2.68], // 2.67499999… in binary: a naive Math.round(x * 100) / 100 gives 2.67
    [1.005, 1.01], // 1.00499999… in binary
    [1.015, 1.02],
    [0.005, 0.01],
    [0.004, 0],
    [4.5, 4.5],
    [10, 10],
    [0, 0],
    [1.234, 1.23],
    [1.235, 1.24],
    [-0.125, -0.13], // away from zero, not towards +∞
    [-2.675, -2.68],
    [-1.005, -1.01],
    [-1.234, -1.23],
    [123456.785, 123456.79],
    [0.1 + 0.2, 0.3],
  ])('round2(%p) === %p', (input, expected) => {
    expect(round2(input)).toBe(expected);
  });

  test('accepts a Decimal as well as a number', () => {
    expect(round2(dec('2.675'))).toBe(2.68);
    expect(round2(div(1, 3))).toBe(0.33);
    expect(round2(div(2, 3))).toBe(0.67);
  });
});

describe('sum, add, sub, mul: no binary-float artefacts', () => {
  test('sum([0.1, 0.2]) === 0.3', () => {
    expect(0.1 + 0.2).not.toBe(0.3); // the artefact being avoided
    expect(sum([0.1, 0.2])).toBe(0.3);
  });

  test.each([
    [[], 0],
    [[0.1, 0.1, 0.1], 0.3],
    [[1.1, 2.2, 3.3], 6.6],
    [[0.01, 0.02, 0.03, 0.04], 0.1],
    [[4.5, 1.5, 6], 12],
    [[0.7, 0.1], 0.8],
  ] as Array<[number[], number]>)('sum(%p) === %p', (values, expected) => {
    expect(sum(values)).toBe(expected);
  });

  test('add and sub', () => {
    expect(add(0.1, 0.2)).toBe(0.3);
    expect(sub(0.3, 0.1)).toBe(0.2);
    expect(sub(1, 0.9)).toBe(0.1);
  });

  test('mul(0.1, 3) rounds to 0.3', () => {
    expect(0.1 * 3).not.toBe(0.3);
    expect(round2(mul(0.1, 3))).toBe(0.3);
    expect(round2(mul(24, 0.2))).toBe(4.8);
    expect(round2(mul(3, 0.1))).toBe(0.3);
    expect(round2(mul())).toBe(1);
  });
});

describe('fmt: figures without trailing zeros or artefacts', () => {
  test.each([
    [4.5, '4.5'],
    [10, '10'],
    [0, '0'],
    [0.1 + 0.2, '0.3'],
    [0.1 * 3, '0.3'],
    [2.675, '2.68'],
    [1.005, '1.01'],
    [-0.125, '-0.13'],
    [1234.5, '1234.5'],
    [1.2, '1.2'],
  ])('fmt(%p) === %p', (input, expected) => {
    expect(fmt(input)).toBe(expected);
  });

  test.each([null, undefined, NaN, Infinity, -Infinity])('fmt(%p) is a dash', (input) => {
    expect(fmt(input)).toBe('—');
  });
});

describe('pct', () => {
  test.each([
    [1, 3, '33.3%'],
    [2, 3, '66.7%'],
    [1, 2, '50%'],
    [0, 5, '0%'],
    [5, 0, '0%'],
    [1, 1, '100%'],
  ])('pct(%p, %p) === %p', (part, whole, expected) => {
    expect(pct(part, whole)).toBe(expected);
  });
});

describe('against a decimal reference (fast-check)', () => {
  const figure = fc.double({ min: -1e12, max: 1e12, noNaN: true });
  const cents = fc.integer({ min: -1e11, max: 1e11 }).map((n) => n / 100);
  const halves = fc.integer({ min: -1e9, max: 1e9 }).map((n) => (n + 0.5) / 100); // x.xx5: every one a tie

  test('round2 agrees with the reference on any figure, ties included', () => {
    fc.assert(
      fc.property(fc.oneof(figure, cents, halves), (x) => {
        expect(round2(x)).toBe(ref2(x));
      }),
      { numRuns: 500 },
    );
  });

  test('round2 is idempotent and leaves at most 2 decimals', () => {
    fc.assert(
      fc.property(fc.oneof(figure, halves), (x) => {
        const r = round2(x);
        expect(round2(r)).toBe(r);
        expect(new R(r).decimalPlaces()).toBeLessThanOrEqual(2);
      }),
      { numRuns: 300 },
    );
  });

  // sum() is for figures already rounded to 2 decimals (or a few more); with 34
  // significant digits it cannot be exact for, say, 0.005 + -5e-63, and need not be.
  test('sum of figures with up to 3 decimals equals the exact decimal sum, rounded', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(cents, halves), { maxLength: 12 }), (xs) => {
        const exact = xs.reduce((a, x) => a.plus(x), new R(0));
        expect(sum(xs)).toBe(ref2(exact));
      }),
      { numRuns: 300 },
    );
  });

  test('sum of 2-decimal figures is exact, in any order', () => {
    fc.assert(
      fc.property(fc.array(cents, { maxLength: 12 }), (xs) => {
        expect(sum(xs)).toBe(sum([...xs].reverse()));
        expect(fmt(sum(xs))).toBe(String(ref2(xs.reduce((a, x) => a.plus(x), new R(0)))));
      }),
      { numRuns: 300 },
    );
  });
});
