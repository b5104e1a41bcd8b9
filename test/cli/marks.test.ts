// The phases `check` marks on Node's performance timeline, as `npm run bench` reads them in the process it
// measures (its own preload, its own formatting): in order, a phase a run does not have left out.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { measure, phaseLine } from '../../src/bench/cli';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'cpd-credits.js');
const SAMPLE = path.join(ROOT, 'assets', 'samples', 'hainan.csv');

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpd-marks-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ascending = (xs: Array<number | undefined>) => {
  for (const x of xs) expect(typeof x).toBe('number');
  for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThanOrEqual(xs[i - 1]!);
};

test('check --json marks its start, its reading, the engine and the report, in that order; no copies', async () => {
  const m = await measure(dir, [BIN, 'check', SAMPLE, '--region', 'hainan', '--json', '--as-of', '2026-11-23']);
  expect(m.code).toBe(1);
  ascending([m.marks.start, m.marks.read, m.marks.checked, m.marks.report]);
  expect(m.marks.copies).toBeUndefined();
  expect(m.marks.report! / 1000).toBeLessThanOrEqual(m.s);
  const line = phaseLine(m);
  expect(line).toMatch(
    /^start-up \(process, modules, arguments\) \d+\.\d\d s · reading .* · engine .* · report .* · exit /,
  );
  expect(line).not.toMatch(/copies/);
});

test('check --out marks the copies between the engine and the report', async () => {
  const out = path.join(dir, 'copy.xlsx');
  const m = await measure(dir, [BIN, 'check', SAMPLE, '--region', 'hainan', '--out', out, '--as-of', '2026-11-23']);
  ascending([m.marks.start, m.marks.read, m.marks.checked, m.marks.copies, m.marks.report]);
  expect(fs.existsSync(out)).toBe(true);
  expect(phaseLine(m)).toMatch(/ · engine .* · copies .* · report /);
});

test('a command that marks nothing says so; the phases are the differences of the marks, the rest is exit', () => {
  expect(phaseLine({ s: 0.1, marks: {} })).toBe('no phases marked');
  expect(phaseLine({ s: 2, marks: { start: 100, read: 400, checked: 1000, report: 1900 } })).toBe(
    'start-up (process, modules, arguments) 0.10 s · reading 0.30 s · engine 0.60 s · report 0.90 s · exit 0.10 s',
  );
});
