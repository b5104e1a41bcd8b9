// A small evaluator for the formulas the README and the help page show, over a
// sample workbook's sheet: cell and range references, literals, = <> < > + - * /,
// FILTER, VSTACK, CHOOSECOLS, ROW, and the CPD.* functions — the real functions module
// called as Excel calls it (a range parameter gets a 2-D array, a scalar parameter a
// value; an omitted argument null; an empty cell ""). Enough to run the documented
// examples as a user would type them, not a spreadsheet engine.
import * as fs from 'fs';
import * as path from 'path';

export type Grid = unknown[][];
export class XlError {
  constructor(
    readonly code: string,
    readonly message = '',
  ) {}
}
interface Ref {
  ref: true;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}
type Val = unknown;

type Token = { t: 'num' | 'str' | 'id' | 'ref' | 'op' | '(' | ')' | ','; v: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new Error(`unterminated string in ${src}`);
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            s += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += src[i++];
      }
      out.push({ t: 'str', v: s });
      continue;
    }
    const ref = /^\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?(?![A-Za-z0-9_.(])/.exec(src.slice(i));
    if (ref) {
      out.push({ t: 'ref', v: ref[0] });
      i += ref[0].length;
      continue;
    }
    const num = /^\d+(?:\.\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'num', v: num[0] });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(src.slice(i));
    if (id) {
      out.push({ t: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    const op = /^(<>|<=|>=|[=<>+\-*/&])/.exec(src.slice(i));
    if (op) {
      out.push({ t: 'op', v: op[0] });
      i += op[0].length;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',') {
      out.push({ t: ch, v: ch });
      i++;
      continue;
    }
    throw new Error(`unexpected "${ch}" in ${src}`);
  }
  return out;
}

type Node =
  | { k: 'lit'; v: Val }
  | { k: 'ref'; ref: Ref }
  | { k: 'call'; name: string; args: Array<Node | null> }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'neg'; a: Node };

function col(s: string): number {
  return [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

function parseRef(s: string): Ref {
  const [a, b] = s.replace(/\$/g, '').split(':') as [string, string | undefined];
  const p = (x: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(x)!;
    return { r: Number(m[2]), c: col(m[1]!) };
  };
  const s1 = p(a);
  const s2 = b ? p(b) : s1;
  return {
    ref: true,
    r1: Math.min(s1.r, s2.r),
    c1: Math.min(s1.c, s2.c),
    r2: Math.max(s1.r, s2.r),
    c2: Math.max(s1.c, s2.c),
  };
}

function parse(src: string): Node {
  const toks = tokenize(src.replace(/^=/, ''));
  let i = 0;
  const peek = () => toks[i];
  const take = (t?: Token['t'], v?: string) => {
    const tok = toks[i];
    if (!tok || (t && tok.t !== t) || (v && tok.v !== v)) throw new Error(`expected ${v ?? t} at token ${i} of ${src}`);
    i++;
    return tok;
  };
  const levels = [['=', '<>', '<', '>', '<=', '>='], ['&'], ['+', '-'], ['*', '/']];
  const binary = (level: number): Node => {
    if (level === levels.length) return unary();
    let a = binary(level + 1);
    while (peek()?.t === 'op' && levels[level]!.includes(peek()!.v)) {
      const op = take().v;
      a = { k: 'bin', op, a, b: binary(level + 1) };
    }
    return a;
  };
  const unary = (): Node => {
    if (peek()?.t === 'op' && peek()!.v === '-') {
      take();
      return { k: 'neg', a: unary() };
    }
    return primary();
  };
  const primary = (): Node => {
    const tok = take();
    if (tok.t === 'num') return { k: 'lit', v: Number(tok.v) };
    if (tok.t === 'str') return { k: 'lit', v: tok.v };
    if (tok.t === 'ref') return { k: 'ref', ref: parseRef(tok.v) };
    if (tok.t === '(') {
      const e = binary(0);
      take(')');
      return e;
    }
    if (tok.t === 'id') {
      if (/^(TRUE|FALSE)$/i.test(tok.v) && peek()?.t !== '(') return { k: 'lit', v: /^TRUE$/i.test(tok.v) };
      take('(');
      const args: Array<Node | null> = [];
      if (peek()?.t !== ')') {
        for (;;) {
          args.push(peek()?.t === ',' || peek()?.t === ')' ? null : binary(0));
          if (peek()?.t === ',') {
            take();
            continue;
          }
          break;
        }
      }
      take(')');
      return { k: 'call', name: tok.v.toUpperCase(), args };
    }
    throw new Error(`unexpected ${tok.v} in ${src}`);
  };
  const e = binary(0);
  if (i !== toks.length) throw new Error(`trailing input in ${src}`);
  return e;
}

export interface Sheet {
  /** rows[0] is sheet row 1 */
  rows: unknown[][];
}

/** The CPD.* functions: exports of src/functions/functions.ts, and which parameters take a range. */
export interface CpdFunctions {
  call(id: string, args: unknown[]): unknown;
  matrixParams(id: string): Set<number>;
}

/** Reads which parameters are ranges from the signatures in functions.ts (any[][]). */
export function signatures(): Map<string, { fn: string; matrix: Set<number> }> {
  const src = fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'functions', 'functions.ts'), 'utf8');
  const out = new Map<string, { fn: string; matrix: Set<number> }>();
  const re = /@customfunction\s+(\w+)[\s\S]*?export function (\w+)\(([^)]*)\)/g;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    const params = m[3]!
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    out.set(m[1]!, { fn: m[2]!, matrix: new Set(params.flatMap((p, i) => (/\[\]\[\]/.test(p) ? [i] : []))) });
  }
  return out;
}

const cellOf = (sheet: Sheet, r: number, c: number): unknown => {
  const v = sheet.rows[r - 1]?.[c - 1];
  return v === null || v === undefined ? '' : v;
};

function grid(v: Val, sheet: Sheet): Grid {
  if (v && typeof v === 'object' && 'ref' in (v as object)) {
    const r = v as Ref;
    const out: Grid = [];
    for (let i = r.r1; i <= r.r2; i++) {
      const row: unknown[] = [];
      for (let j = r.c1; j <= r.c2; j++) row.push(cellOf(sheet, i, j));
      out.push(row);
    }
    return out;
  }
  if (Array.isArray(v)) return v as Grid;
  return [[v]];
}

function scalar(v: Val, sheet: Sheet): Val {
  const g = grid(v, sheet);
  return g.length === 1 && g[0]!.length === 1 ? g[0]![0] : g;
}

function truthy(v: unknown): boolean {
  return v === true || (typeof v === 'number' && v !== 0);
}

function compare(op: string, a: unknown, b: unknown): boolean {
  const norm = (x: unknown) => (typeof x === 'string' ? x.toLowerCase() : x);
  const x = norm(a);
  const y = norm(b);
  switch (op) {
    case '=':
      return x === y;
    case '<>':
      return x !== y;
    case '<':
      return (x as number) < (y as number);
    case '>':
      return (x as number) > (y as number);
    case '<=':
      return (x as number) <= (y as number);
    default:
      return (x as number) >= (y as number);
  }
}

function elementwise(a: Grid, b: Grid, f: (x: unknown, y: unknown) => unknown): Grid {
  const rows = Math.max(a.length, b.length);
  const cols = Math.max(a[0]?.length ?? 0, b[0]?.length ?? 0);
  const at = (g: Grid, i: number, j: number) => g[g.length === 1 ? 0 : i]?.[g[0]!.length === 1 ? 0 : j];
  return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => f(at(a, i, j), at(b, i, j))));
}

export async function evaluate(formula: string, sheet: Sheet, cpd: CpdFunctions): Promise<Val> {
  const ev = async (n: Node): Promise<Val> => {
    switch (n.k) {
      case 'lit':
        return n.v;
      case 'ref':
        return n.ref;
      case 'neg':
        return -Number(scalar(await ev(n.a), sheet));
      case 'bin': {
        const a = grid(await ev(n.a), sheet);
        const b = grid(await ev(n.b), sheet);
        const f = (x: unknown, y: unknown): unknown => {
          if (['=', '<>', '<', '>', '<=', '>='].includes(n.op)) return compare(n.op, x, y);
          if (n.op === '&') return `${String(x)}${String(y)}`;
          const [p, q] = [Number(x === true ? 1 : x === false ? 0 : x), Number(y === true ? 1 : y === false ? 0 : y)];
          return n.op === '+' ? p + q : n.op === '-' ? p - q : n.op === '*' ? p * q : p / q;
        };
        const g = elementwise(a, b, f);
        return g.length === 1 && g[0]!.length === 1 ? g[0]![0] : g;
      }
      case 'call': {
        if (n.name === 'ROW') {
          const r = n.args[0] && (await ev(n.args[0]));
          if (!r || typeof r !== 'object' || !('ref' in r)) throw new Error('ROW needs a reference');
          const ref = r as Ref;
          return Array.from({ length: ref.r2 - ref.r1 + 1 }, (_, i) => [ref.r1 + i]);
        }
        const args = await Promise.all(n.args.map((a) => (a ? ev(a) : Promise.resolve(null))));
        if (n.name === 'FILTER') {
          const data = grid(args[0], sheet);
          const keep = grid(args[1], sheet);
          if (keep.length !== data.length)
            return new XlError('#VALUE!', 'FILTER: the include array must have as many rows as the array');
          const rows = data.filter((_, i) => truthy(keep[i]![0]));
          return rows.length
            ? rows
            : args[2] !== undefined && args[2] !== null
              ? args[2]
              : new XlError('#CALC!', 'FILTER: nothing matched');
        }
        if (n.name === 'VSTACK') {
          const parts = args.map((a) => grid(a, sheet));
          const width = Math.max(...parts.map((p) => p[0]?.length ?? 0));
          return parts.flatMap((p) => p.map((row) => [...row, ...Array(width - row.length).fill(new XlError('#N/A'))]));
        }
        if (n.name === 'CHOOSECOLS') {
          const data = grid(args[0], sheet);
          const cols = args.slice(1).map((a) => Number(scalar(a, sheet)));
          const width = data[0]?.length ?? 0;
          return data.map((row) => cols.map((c) => row[c > 0 ? c - 1 : width + c]));
        }
        if (n.name.startsWith('CPD.')) {
          const id = n.name.slice(4);
          const matrix = cpd.matrixParams(id);
          const passed = args.map((a, i) => {
            if (a === null) return null;
            if (a instanceof XlError) return matrix.has(i) ? [[a]] : a;
            return matrix.has(i) ? grid(a, sheet) : scalar(a, sheet);
          });
          try {
            return await cpd.call(id, passed);
          } catch (e) {
            const x = e as { code?: string; message?: string };
            if (typeof x.code === 'string') return new XlError(x.code, x.message);
            throw e;
          }
        }
        throw new Error(`the example evaluator does not know ${n.name}`);
      }
    }
  };
  return scalarResult(await ev(parse(formula)), sheet);
}

function scalarResult(v: Val, sheet: Sheet): Val {
  if (v && typeof v === 'object' && 'ref' in (v as object)) return scalar(v, sheet);
  return v;
}
