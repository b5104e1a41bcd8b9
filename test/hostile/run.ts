// The CLI as a child process under a heap limit, timed and measured: what a hostile file costs for real.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Papa from 'papaparse';
import { SAMPLES } from '../files/fixtures';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'cpd-credits.js');
const STATS = path.join(__dirname, 'stats.js');

export interface Run {
  code: number | null;
  out: string;
  err: string;
  ms: number;
  /** peak resident memory of the child, MiB */
  rssMb: number;
}

/** Generous bounds for a loaded 2-core CI machine: a hostile file must cost no more than a small roster. */
export const BOUNDS = { ms: 15_000, rssMb: 450, heapMb: 384 };

export function cli(args: readonly string[], o: { heapMb?: number; cwd?: string } = {}): Run {
  if (!fs.existsSync(path.join(ROOT, 'lib', 'cli', 'main.js'))) throw new Error('lib/ is missing: npm run build:cli');
  const stats = path.join(os.tmpdir(), `cpd-stats-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  const t0 = Date.now();
  const r = spawnSync(
    process.execPath,
    [`--max-old-space-size=${o.heapMb ?? BOUNDS.heapMb}`, '-r', STATS, BIN, ...args],
    {
      cwd: o.cwd ?? ROOT,
      env: { ...process.env, CPD_STATS: stats, LANG: 'zh_CN.UTF-8', NO_COLOR: '1', CPD_DEBUG: '' },
      encoding: 'utf8',
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const ms = Date.now() - t0;
  let rssMb = Infinity;
  try {
    rssMb = (JSON.parse(fs.readFileSync(stats, 'utf8')) as { maxRssKb: number }).maxRssKb / 1024;
    fs.rmSync(stats);
  } catch {
    // no stats: the child died (out of memory, killed) — the bound fails below
  }
  // HOSTILE_LOG=file: every run's cost, for the report of what each hostile class takes
  if (process.env.HOSTILE_LOG)
    fs.appendFileSync(
      process.env.HOSTILE_LOG,
      JSON.stringify({ test: expect.getState().currentTestName, code: r.status, ms, rssMb: Math.round(rssMb) }) + '\n',
    );
  return { code: r.status, out: r.stdout ?? '', err: r.stderr ?? '', ms, rssMb };
}

/** A run that ended by itself, within the time and memory bounds. */
export function expectBounded(r: Run, bounds: Partial<typeof BOUNDS> = {}): void {
  const b = { ...BOUNDS, ...bounds };
  if (r.code === null || !(r.ms < b.ms) || !(r.rssMb < b.rssMb))
    throw new Error(
      `unbounded run: exit ${r.code}, ${r.ms} ms (bound ${b.ms}), ${r.rssMb.toFixed(0)} MiB (bound ${b.rssMb})\n${r.err.slice(0, 2000)}`,
    );
}

/** A plain error: exit 2, Chinese first then English, no stack trace, no internal error. */
export function expectPlain(r: Run, ...words: string[]): void {
  expect(r.code).toBe(2);
  expect(r.err).not.toMatch(/\n\s+at /);
  expect(r.err).not.toContain('internal error');
  expect(r.err).not.toContain('内部错误');
  for (const w of words) expect(r.err).toContain(w);
}

/** The Hainan sample: title, header and data rows as text (the CSV as shipped). */
export function hainan(): { title: string; header: string[]; rows: string[][] } {
  const text = fs.readFileSync(path.join(SAMPLES, 'hainan.csv'), 'utf8').replace(/^\uFEFF/, '');
  const all = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true }).data;
  return { title: all[0]![0]!, header: all[1]!, rows: all.slice(2) };
}

/** A roster as cells, numbers as numbers (so that an .xlsx holds what Excel would). */
export function rosterRows(n = 20): Array<Array<string | number>> {
  const s = hainan();
  const numeric = new Set(['序号', '学时', '月数', '登记学分', '入职年度']);
  const rows = s.rows.slice(0, n).map((r) => r.map((v, i) => (numeric.has(s.header[i]!) && v !== '' ? Number(v) : v)));
  return [s.header, ...rows];
}

/** A CSV of cells (quoted as needed). */
export const csv = (rows: ReadonlyArray<ReadonlyArray<unknown>>): string =>
  Papa.unparse(rows.map((r) => r.map((v) => (v === null || v === undefined ? '' : String(v)))));

export function tmpdir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cpd-hostile-'));
}
