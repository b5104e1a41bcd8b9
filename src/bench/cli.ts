// `npm run bench -- cli` (and the first part of the whole bench): the command line as a user runs it, each
// figure a fresh process of the built CLI — wall time and peak resident memory (Linux's VmHWM, worker threads
// included) — beside the floor: a process that merely reads the same CSV and splits it into lines and cells.
// `check --json` and `check --out copy.xlsx` of 100 000 and 1 000 000 generated CSV rows, the tiny samples
// (CSV and .xlsx), and `credits`.
import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generate } from '../samples/generate';
import { plainCsv } from '../samples/write';
import { PHASES, type Phase } from '../cli/marks';
import { bigXlsx } from './rosters';

const ROOT = path.join(__dirname, '..', '..');
/** What a user runs: the bin, which starts the bundled CLI with its code cache (scripts/bundle-cli.js). */
const CLI = path.join(ROOT, 'bin', 'cpd-credits.js');
/** The same CLI as lib/'s separate modules, for the start-up the bundle saves. */
const MODULES = path.join(ROOT, 'lib', 'cli', 'main.js');
const CREDITS = ['credits', '--region', 'hainan', '--hours', '24', '--level', '省级', '--mode', '集中培训'];
const SIZES = (process.env.BENCH_CLI_ROWS ?? '100000,1000000').split(',').map(Number);

/**
 * Preloaded into each measured process: on exit, its peak memory and the phases the CLI marked (src/cli/marks.ts;
 * performance.now() of each, in ms from the process's start) written to CPD_PEAK as JSON.
 */
const PEAK = `const fs = require('fs');
const { performance } = require('perf_hooks');
process.on('exit', () => {
  const m = /VmHWM:\\s*(\\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  const marks = {};
  for (const e of performance.getEntriesByType('mark')) if (e.name.startsWith('cpd:')) marks[e.name.slice(4)] = e.startTime;
  fs.writeFileSync(process.env.CPD_PEAK, JSON.stringify({ kb: m ? Number(m[1]) : process.resourceUsage().maxRSS, marks }));
});`;

/** The floor: read the file, decode it, split it into lines and cells — nothing else. */
const FLOOR = `const text = new TextDecoder('utf-8').decode(require('fs').readFileSync(process.argv[1]));
let cells = 0;
for (const line of text.split('\\n')) cells += line.split(',').length;
process.stdout.write(String(cells));`;

interface Measured {
  s: number;
  mb: number;
  code: number | null;
  /** the phases the CLI marked: each mark's time in ms from the process's start */
  marks: Partial<Record<Phase, number>>;
}

export async function measure(dir: string, args: string[], refusal = false): Promise<Measured> {
  const peak = path.join(dir, 'peak');
  const pre = path.join(dir, 'peak.js');
  await fs.writeFile(pre, PEAK);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', pre, ...args], {
    env: { ...process.env, CPD_PEAK: peak, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 26,
  });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  // (exit 2 with `refusal`: a copy refused by its budget, said so rather than measured)
  if (r.status !== 0 && r.status !== 1 && !(refusal && r.status === 2 && /copyRecords/.test(String(r.stderr))))
    throw new Error(`${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  const seen = JSON.parse(await fs.readFile(peak, 'utf8')) as { kb: number; marks: Measured['marks'] };
  return { s, mb: seen.kb / 1024, code: r.status, marks: seen.marks };
}

/** The best and the median of `runs` wall times of a short command, in ms. */
function startup(args: string[], runs = 15): { min: number; median: number } {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    spawnSync(process.execPath, args, { stdio: 'ignore' });
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { min: ms[0]!, median: ms[Math.floor(runs / 2)]! };
}

/** A generated Hainan roster of `count` records as the CSV a school would export (about 15 a teacher). */
async function rosterCsv(file: string, count: number): Promise<void> {
  const s = generate('hainan', { teachers: Math.ceil(count / 14), mistakes: false, seed: 7 });
  const rows = [['大规模测试花名册'], ...s.rows.slice(1, count + 2)];
  await fs.writeFile(file, '\uFEFF' + plainCsv(rows.map((r) => r.map((v) => v ?? ''))));
}

const PHASES_INDENT = ' '.repeat(18);
const fmt = (m: Measured) => `${m.s.toFixed(2)} s, peak ${m.mb.toFixed(0)} MB`;

/** What each phase of a run took, from the marks (a phase a run does not have, as copies without --out, left out). */
export function phaseLine(m: Pick<Measured, 's' | 'marks'>): string {
  const words: Record<Phase, string> = {
    start: 'start-up (process, modules, arguments)',
    read: 'reading',
    checked: 'engine',
    copies: 'copies',
    report: 'report',
  };
  const parts: string[] = [];
  let from = 0;
  for (const p of PHASES) {
    const at = m.marks[p];
    if (at === undefined) continue;
    parts.push(`${words[p]} ${((at - from) / 1000).toFixed(2)} s`);
    from = at;
  }
  if (!parts.length) return 'no phases marked';
  // what is left of the wall time: the process's exit, and spawning it
  parts.push(`exit ${Math.max(0, m.s - from / 1000).toFixed(2)} s`);
  return parts.join(' · ');
}

export async function benchCli(write: (s: string) => void): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cpd-bench-cli-'));
  try {
    write('command line (fresh processes of bin/cpd-credits.js; peak = resident memory high-water mark)\n');
    const none = startup(['-e', '0']);
    const credits = startup([CLI, ...CREDITS]);
    const unbundled = startup([MODULES, ...CREDITS]);
    const sample = path.join(ROOT, 'assets', 'samples', 'hainan.csv');
    const tiny = startup([CLI, 'check', sample, '--region', 'hainan', '--json'], 7);
    // one school's workbook, as an auditor receives it: SheetJS loaded, its code-page tables not (cli/codepages.ts)
    const book = startup([CLI, 'check', sample.replace(/\.csv$/, '.xlsx'), '--json'], 7);
    const ms = (x: { min: number; median: number }) => `best ${x.min.toFixed(0)} ms, median ${x.median.toFixed(0)} ms`;
    write(`  node -e 0 (the process alone)        ${ms(none)}\n`);
    write(`  credits                              ${ms(credits)}   (target < 150 ms)\n`);
    write(`  credits from lib/'s modules          ${ms(unbundled)}   (no bundle, no code cache)\n`);
    write(`  check --json of the sample CSV       ${ms(tiny)}\n`);
    write(`  check --json of the sample .xlsx     ${ms(book)}\n`);
    for (const n of SIZES) {
      const csv = path.join(dir, `hainan-${n}.csv`);
      await rosterCsv(csv, n);
      const floor = await measure(dir, ['-e', FLOOR, csv]);
      const json = await measure(dir, [CLI, 'check', csv, '--region', 'hainan', '--json', '--as-of', '2026-11-23']);
      const label = n.toLocaleString('en-US').padStart(9);
      write(`  ${label} rows: floor (read + split) ${fmt(floor)}\n`);
      write(
        `  ${label} rows: check --json           ${fmt(json)}   ×${(json.s / floor.s).toFixed(1)} the floor` +
          `${n === 100_000 ? ' (target ≤ ×4, < 400 MB)' : ''}\n`,
      );
      write(`${PHASES_INDENT}${phaseLine(json)}\n`);
      // the annotated copy, written as it is made (the readable report printed after it)
      const out = path.join(dir, 'copy.xlsx');
      const copy = await measure(dir, [CLI, 'check', csv, '--region', 'hainan', '--out', out, '--force'], true);
      write(`  ${label} rows: check --out copy.xlsx   ${copy.code === 2 ? 'refused (copyRecords)' : fmt(copy)}\n`);
      if (copy.code !== 2) write(`${PHASES_INDENT}${phaseLine(copy)}\n`);
      await fs.rm(out, { force: true });
      await fs.rm(csv, { force: true });
      if (n !== 100_000) continue;
      // the same rows as the .xlsx a school keeps (the region in its properties)
      const xlsx = path.join(dir, `hainan-${n}.xlsx`);
      await fs.writeFile(xlsx, await bigXlsx('hainan', n));
      const book = await measure(dir, [CLI, 'check', xlsx, '--json', '--as-of', '2026-11-23']);
      write(`  ${label} rows as .xlsx: check --json   ${fmt(book)}\n${PHASES_INDENT}${phaseLine(book)}\n`);
      await fs.rm(xlsx, { force: true });
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** The hook in bench.ts: run here for `bench -- cli` (then only this) and for the whole bench (then go on). */
export async function cliBench(arg: string | undefined, write: (s: string) => void): Promise<boolean> {
  if (arg !== undefined && arg !== 'cli') return false;
  await benchCli(write);
  if (arg === undefined) write('\n');
  return arg === 'cli';
}
