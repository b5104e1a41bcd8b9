// The engine's results hold a few lazy values: a step's or a note's words are made from a template when read
// (rules/region.ts LazyStep, ConditionStep; core/text.ts deferred). Such a value cannot cross to another thread:
// its template is a function, which structured cloning refuses, and a clone would lose its getters anyway.

/**
 * The same value as plain data, for postMessage: every getter read into a field, a lazy value's template and
 * its `_` fields left behind. Only the paths to lazy values are copied (the rest is returned as it is), and an
 * object reached twice (a conversion shared by many records) is made plain once.
 */
export function toPlain<T>(v: T, seen: Map<object, unknown> = new Map()): T {
  if (v === null || typeof v !== 'object') return v;
  const o = v as unknown as object;
  if (seen.has(o)) return seen.get(o) as T;
  if (o instanceof Date || o instanceof RegExp || ArrayBuffer.isView(o) || o instanceof ArrayBuffer) return v;
  if (Array.isArray(o)) {
    // the array itself until an element changes
    seen.set(o, o);
    let out: unknown[] | undefined;
    for (let i = 0; i < o.length; i++) {
      const x = toPlain(o[i] as unknown, seen);
      if (x !== o[i] && !out) {
        out = o.slice(0, i);
        seen.set(o, out);
      }
      if (out) out.push(x);
    }
    if (out) seen.set(o, out);
    return (out ?? o) as T;
  }
  if (o instanceof Map) return new Map([...o].map(([k, x]) => [k, toPlain(x, seen)])) as T;
  if (o instanceof Set) return new Set([...o].map((x) => toPlain(x, seen))) as T;
  const getters = gettersOf(Object.getPrototypeOf(o) as object | null);
  const rec = o as Record<string, unknown>;
  const lazy = getters.length > 0;
  seen.set(o, o);
  let out: Record<string, unknown> | undefined = lazy ? {} : undefined;
  if (out) seen.set(o, out);
  for (const k of Object.keys(rec)) {
    const x = rec[k];
    // how a lazy value is made is not what it says
    if (lazy && (k.startsWith('_') || typeof x === 'function')) continue;
    const y = toPlain(x, seen);
    if (y !== x && !out) {
      out = { ...rec };
      seen.set(o, out);
    }
    if (out) out[k] = y;
  }
  for (const k of getters) {
    const x = toPlain(rec[k], seen);
    if (x !== undefined) out![k] = x;
  }
  return (out ?? o) as T;
}

/**
 * The getters an object's class gives it, by prototype: a 100 000-row check's teachers hold ~200 000 steps of a
 * few classes, and reading each one's prototype chain again (a descriptor made for every method) was most of
 * what making them plain cost (CPU profile: 600 of 1 570 ms on that one line).
 */
const GETTERS = new WeakMap<object, readonly string[]>();
const NONE: readonly string[] = [];

function gettersOf(proto: object | null): readonly string[] {
  if (proto === null || proto === Object.prototype) return NONE;
  let list = GETTERS.get(proto);
  if (list === undefined) {
    const found: string[] = [];
    for (let p: object | null = proto; p && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null)
      for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(p))) if (d.get) found.push(k);
    GETTERS.set(proto, (list = found));
  }
  return list;
}
