// Parameters and adopted readings: the vocabulary every region module is written in.
//
// A parameter is a number with its unit and the article it comes from. `value: null`
// marks a number the source text does not give (UNDEFINED in rules.md): the engine
// never invents one, it says "not defined by the source text" unless the workbook
// supplies an override. Only parameters marked `overridable` accept one, and an
// override is validated against the parameter's own bounds.
// The tables are code: their shape (no mistyped key, a cite for every number, an UNDEFINED number overridable,
// bounds that make sense) is proven by the test suite against the zod schemas in ./schema.ts, not at every
// start — zod's 92 modules took 40 ms of each command's start and ~30 KB of the custom functions' entry.
import { t, Text } from '../core/text';
import type { Cite, ParamUse } from '../core/types';

export type { Cite, ParamUse };

export const UNITS = [
  'credit',
  'credit/day',
  'credit/hour',
  'credit/classHour',
  'hour',
  'hour/day',
  'hour/year',
  'hour/event',
  'hour/credit',
  'ratio',
  'count',
  'year',
  'month',
] as const;
export type Unit = (typeof UNITS)[number];

/** A number of the text, with its unit, words and article (and, where the text gives none, `value: null`). */
export interface ParamDef {
  value: number | null;
  unit: Unit;
  label: Text;
  cite: Cite;
  overridable: boolean;
  /** bounds an override must respect */
  min: number;
  max: number;
  /** the adopted reading this number embodies, if any */
  reading?: string | undefined;
}
/** A parameter as a region's file writes it: `overridable`, `min` and `max` have their defaults. */
export type ParamInput = Omit<ParamDef, 'overridable' | 'min' | 'max'> &
  Partial<Pick<ParamDef, 'overridable' | 'min' | 'max'>>;
export type ParamTable = Record<string, ParamDef>;

/** An adopted reading: a question the text leaves open, the answer chosen and those not. */
export interface Reading {
  id: string;
  article: string;
  question: string;
  chosen: string;
  alternatives: string[];
  summary: Text;
}

/** The defaults a parameter's optional fields take (./schema.ts gives the same). */
export const PARAM_DEFAULTS = { overridable: false, min: 0, max: 10_000 } as const;

/** A region's table with its defaults: a mistyped key or a missing cite is refused by the tests (./schema.ts). */
export function defineParams<K extends string>(table: Record<K, ParamInput>): Record<K, ParamDef> {
  const out = {} as Record<K, ParamDef>;
  for (const k of Object.keys(table) as K[]) out[k] = { ...PARAM_DEFAULTS, ...table[k] };
  return out;
}

export function defineReadings(list: Reading[]): Reading[] {
  const ids = new Set<string>();
  for (const r of list) {
    if (ids.has(r.id)) throw new Error(`reading ${r.id} defined twice`);
    ids.add(r.id);
  }
  return list;
}

/** Per-workbook overrides: `{ "dayCredits.school": 0.5 }` (names and values checked by checkOverrides). */
export type Overrides = Record<string, number>;

/**
 * Overrides as an object without a prototype: a name typed by a person ("constructor", "toString",
 * "__proto__") is a key like any other, never a member of Object.prototype and never silently dropped.
 */
export function makeOverrides(entries: Iterable<readonly [string, number]> = []): Overrides {
  const out = Object.create(null) as Overrides;
  for (const [k, v] of entries) out[k] = v;
  return out;
}

/** Overrides put together (later ones win), without a prototype. */
export const mergeOverrides = (...all: ReadonlyArray<Overrides | undefined>): Overrides =>
  makeOverrides(all.flatMap((o) => (o ? Object.keys(o).map((k) => [k, o[k]!] as const) : [])));

/**
 * A parsed JSON value as overrides — every own key as written, "__proto__" included (JSON.parse makes it an
 * own key; a schema that copies by assignment would drop it) — or null when it is not {"name": number ≥ 0}.
 */
export function parseOverrides(raw: unknown): Overrides | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const out = makeOverrides();
  for (const key of Object.keys(raw)) {
    const v = Object.getOwnPropertyDescriptor(raw, key)?.value as unknown;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) return null;
    out[key] = v;
  }
  return out;
}

export interface OverrideProblem {
  key: string;
  message: Text;
}

/** The parameters of a table a workbook may override, by name. */
export const overridableKeys = (table: ParamTable): string[] => Object.keys(table).filter((k) => table[k]!.overridable);

/** Validate overrides against a region's table; returns the problems, none if usable. */
export function checkOverrides(table: ParamTable, overrides: Overrides): OverrideProblem[] {
  if (overrides === null || typeof overrides !== 'object')
    return [{ key: '*', message: t('覆盖参数必须是非负数', 'overrides must be non-negative numbers') }];
  const problems: OverrideProblem[] = [];
  for (const key of Object.keys(overrides)) {
    const value = Object.getOwnPropertyDescriptor(overrides, key)?.value as unknown;
    // the table's own keys only: "constructor" or "toString" is no parameter, whatever Object.prototype holds
    const def = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      problems.push({
        key,
        message: t(`${key} 的覆盖值必须是非负数`, `the override of ${key} must be a non-negative number`),
      });
    } else if (!def) {
      const open = overridableKeys(table);
      problems.push({
        key,
        message: t(
          `没有名为「${key}」的参数；可覆盖的参数：${open.join('、') || '（无）'}`,
          `no parameter named "${key}"; the parameters that can be overridden: ${open.join(', ') || '(none)'}`,
        ),
      });
    } else if (!def.overridable) {
      problems.push({
        key,
        message: t(
          `${key}（${def.label.zh}）由原文规定，不能覆盖`,
          `${key} (${def.label.en}) is fixed by the source text and cannot be overridden`,
        ),
      });
    } else if (value < def.min || value > def.max) {
      problems.push({
        key,
        message: t(
          `${key} 的取值应在 ${def.min}–${def.max} 之间，收到 ${value}`,
          `${key} must lie within ${def.min}–${def.max}; got ${value}`,
        ),
      });
    }
  }
  return problems;
}

/**
 * A region's parameters as one computation uses them. `K` is the union of the region's keys, read off its
 * table (`keyof typeof params`): `use('dayCredit.school')`, or a key for a level the table lacks, does not
 * compile. A key built from run-time values is checked with `has()` first.
 */
export class Params<K extends string = string> {
  constructor(
    readonly table: Readonly<Record<K, ParamDef>>,
    readonly overrides: Overrides = {},
  ) {}

  private readonly used = new Map<K, ParamUse<K>>();

  /** Whether a key built at run time names one of these parameters (the typed guard before `use`). */
  has(key: string): key is K {
    return Object.prototype.hasOwnProperty.call(this.table, key);
  }

  /** The value to compute with; `null` when the source leaves it undefined and no override is set. */
  use(key: K): ParamUse<K> {
    // immutable for the life of these Params, so one object per key serves every step
    const cached = this.used.get(key);
    if (cached) return cached;
    const def = this.def(key);
    const use: ParamUse<K> =
      def.overridable && Object.prototype.hasOwnProperty.call(this.overrides, key)
        ? { key, value: this.overrides[key]!, official: false, original: def.value }
        : { key, value: def.value, official: true };
    this.used.set(key, Object.freeze(use));
    return use;
  }

  /** A fixed number from the text (never UNDEFINED). */
  num(key: K): number {
    const v = this.use(key).value;
    if (v === null) throw new Error(`parameter ${key} is UNDEFINED; use use() and handle the gap`);
    return v;
  }

  def(key: K): ParamDef {
    const def = this.has(key) ? this.table[key] : undefined;
    if (!def) throw new Error(`unknown parameter ${key}`);
    return def;
  }
}
