// rules.md preamble: credits are rounded to 2 decimals, half away from zero, with no
// binary-float artefacts (0.1 * 3 must print 0.3).
import { add, dec, div, fmt, mul, pct, round2, sub, sum } from '../../src/engine/decimal';

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

  test('sum takes any iterable', () => {
    expect(sum(new Set([0.1, 0.2]))).toBe(0.3);
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
