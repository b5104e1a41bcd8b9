// Credits are money-like: they are rounded to 2 decimals, half away from zero
// (rules.md, preamble), and must never show binary-float artefacts such as
// 0.30000000000000004. All arithmetic on hours and credits goes through decimal.js
// and comes back to a JS number only after rounding, so a printed value is exact.
import Decimal from 'decimal.js';

const D = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_UP });

export type Num = InstanceType<typeof D>;

export const dec = (n: number | string | Num): Num => new D(n);

/**
 * Whole hundredths of a figure that already has at most 2 decimals (0.29 → 29),
 * or undefined when it has more. Engine figures are such numbers, so most
 * arithmetic is exact integer arithmetic on cents; decimal.js is the fallback.
 */
export function cents(n: number): number | undefined {
  const k = n * 100;
  const r = Math.round(k);
  return Math.abs(k - r) < 1e-7 && Math.abs(r) < 2 ** 50 ? r : undefined;
}

/** Round half away from zero to 2 decimals and return a plain number. */
export function round2(n: number | Num): number {
  if (typeof n === 'number') {
    // within a hair of a hundredth (12.3 * 100 is 1230.0000000000002): its decimal is far nearer that hundredth
    // than the 0.005 that would round it elsewhere, so decimal.js would give the same k/100, the correctly
    // rounded double of that decimal — without a Decimal and its string for most of the engine's figures
    const c = cents(n);
    if (c !== undefined) return c / 100 || 0;
  }
  return new D(n).toDecimalPlaces(2, D.ROUND_HALF_UP).toNumber() || 0;
}

/** Exact sum of already-rounded figures, rounded again to 2 decimals. */
export function sum(values: readonly number[]): number {
  // indexed loops: the engine sums small lists by the million, and an iterator is an object each time
  let total = 0;
  let exact = true;
  for (let i = 0; i < values.length; i++) {
    const c = cents(values[i]!);
    if (c === undefined) {
      exact = false;
      break;
    }
    total += c;
  }
  if (exact && Math.abs(total) < 2 ** 50) return total / 100 || 0;
  let acc = new D(0);
  for (let i = 0; i < values.length; i++) acc = acc.plus(values[i]!);
  return round2(acc);
}

/**
 * sum(items.filter(keep).map(value)), without the lists: the judges sum a few records' figures for every year
 * of every teacher. `value` and `keep` are best module-level functions (a closure is an object per call).
 */
export function sumOf<T>(items: readonly T[], value: (x: T) => number, keep?: (x: T) => boolean): number {
  let total = 0;
  for (let i = 0; i < items.length; i++) {
    const x = items[i]!;
    if (keep && !keep(x)) continue;
    const c = cents(value(x));
    if (c === undefined) return sum((keep ? items.filter(keep) : items).map(value));
    total += c;
  }
  if (Math.abs(total) < 2 ** 50) return total / 100 || 0;
  return sum((keep ? items.filter(keep) : items).map(value));
}

/** Exact product of two figures, rounded half away from zero to 2 decimals. */
export function product(a: number, b: number): number {
  const x = cents(a);
  const y = cents(b);
  if (x !== undefined && y !== undefined) {
    // as quotient([a, b], []) computes it, without its lists
    const n = 100 * x * y;
    if (Math.abs(n) < 2 ** 52) return hundredths(n, 10_000);
  }
  return slowProduct(a, b);
}

/**
 * Products decimal.js had to make, by factor: a share such as 1/3 has no whole hundredths, and a judge takes
 * it of every teacher's total (few distinct totals). Bounded: cleared when one factor's table grows large.
 */
const SLOW_PRODUCTS = new Map<number, Map<number, number>>();

function slowProduct(a: number, b: number): number {
  let by = SLOW_PRODUCTS.get(b);
  if (by === undefined) {
    if (SLOW_PRODUCTS.size >= 64) SLOW_PRODUCTS.clear();
    SLOW_PRODUCTS.set(b, (by = new Map()));
  }
  let v = by.get(a);
  if (v === undefined) {
    if (by.size >= 4096) by.clear();
    by.set(a, (v = quotient([a, b], [])));
  }
  return v;
}

/** n ÷ d (d > 0) in hundredths, rounded half away from zero, as a figure. */
function hundredths(n: number, d: number): number {
  const x = Math.abs(n);
  const r = x % d;
  const q = (x - r) / d + (2 * r >= d ? 1 : 0);
  return (Math.sign(n) * q) / 100 || 0;
}

/**
 * Exact Π numerators ÷ Π denominators, rounded half away from zero to 2 decimals.
 * Figures with at most 2 decimals (all of the engine's) are computed on whole
 * hundredths; anything else, or a product too large for exact integers, goes
 * through decimal.js.
 */
export function quotient(numerators: readonly number[], denominators: readonly number[]): number {
  let a = 100; // the result is wanted in hundredths
  let b = 1;
  for (let i = 0; i < numerators.length; i++) {
    const c = cents(numerators[i]!);
    if (c === undefined) return slowQuotient(numerators, denominators);
    a *= c;
    b *= 100;
  }
  for (let i = 0; i < denominators.length; i++) {
    const c = cents(denominators[i]!);
    if (c === undefined || c === 0) return slowQuotient(numerators, denominators);
    a *= 100;
    b *= c;
  }
  if (!(Math.abs(a) < 2 ** 52 && Math.abs(b) < 2 ** 52)) return slowQuotient(numerators, denominators);
  const sign = Math.sign(a) * Math.sign(b);
  const x = Math.abs(a);
  const y = Math.abs(b);
  const r = x % y;
  const q = (x - r) / y + (2 * r >= y ? 1 : 0);
  return (sign * q) / 100 || 0;
}

function slowQuotient(numerators: readonly number[], denominators: readonly number[]): number {
  let acc = new D(1);
  for (const f of numerators) acc = acc.times(f);
  for (const f of denominators) acc = acc.dividedBy(f);
  return round2(acc);
}

export function mul(...factors: Array<number | Num>): Num {
  let acc = new D(1);
  for (const f of factors) acc = acc.times(f);
  return acc;
}

export function div(a: number | Num, b: number | Num): Num {
  return new D(a).dividedBy(b);
}

export function sub(a: number, b: number): number {
  return add(a, -b);
}

export function add(a: number, b: number): number {
  const x = cents(a);
  const y = cents(b);
  // as sum([a, b]) computes it, without its list
  if (x !== undefined && y !== undefined && Math.abs(x + y) < 2 ** 50) return (x + y) / 100 || 0;
  return sum([a, b]);
}

/** Format a figure without trailing zeros: 4.50 → "4.5", 10 → "10". */
export function fmt(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return String(round2(n));
}

/** Percent with at most one decimal, for shares such as 33.3 %. */
export function pct(part: number, whole: number): string {
  if (whole === 0) return '0%';
  // figures that are whole hundredths exactly (decimal.js reads a number by its shortest string) are divided
  // on integers: decimal.js's 34 digits put its quotient far nearer than the nearest half-tenth could lie
  const p = Math.round(part * 100);
  const w = Math.round(whole * 100);
  if (p / 100 === part && w / 100 === whole && Math.abs(p) < 2 ** 43 && Math.abs(w) < 2 ** 43) {
    const x = Math.abs(p) * 1000;
    const y = Math.abs(w);
    const r = x % y;
    const q = (x - r) / y + (2 * r >= y ? 1 : 0);
    return `${(Math.sign(p) * Math.sign(w) * q) / 10}%`;
  }
  return `${new D(part).dividedBy(whole).times(100).toDecimalPlaces(1, D.ROUND_HALF_UP).toNumber()}%`;
}

/**
 * A ratio as the texts write it: "1/3" for a third (三分之一), which no decimal shows exactly; any other
 * value as `fmt` gives it (0.6, 0.15).
 */
export function fmtRatio(n: number): string {
  if (Number.isInteger(n * 100)) return fmt(n);
  for (let d = 2; d <= 12; d++) {
    const k = Math.round(n * d);
    if (k > 0 && Math.abs(n * d - k) < 1e-9) return `${k}/${d}`;
  }
  return fmt(n);
}
