// The built CLI defers SheetJS's code-page tables (cli/codepages.ts): an .xlsx is read without ever loading them,
// an old .xls loads them when SheetJS decodes through them, and both read exactly as they do with the tables
// loaded up front (here: the same check in this jest process, whose module registry loads SheetJS as it always
// did). The built CLI runs in a Node process of its own: only there is Node's module cache the one SheetJS uses.
import { spawnSync } from 'child_process';
import * as path from 'path';
import { run } from '../../src/cli/main';

const ROOT = path.join(__dirname, '..', '..');
const XLSX = path.join(ROOT, 'assets', 'samples', 'hainan.xlsx');
const XLS = path.join(ROOT, 'test', 'fixtures', 'lo', 'per-year.xls');
const ARGS = ['--json', '--as-of', '2026-06-01', '--region', 'hainan', '--cycle-start', '2019'];

/** A check by the built CLI (lib/), its report, and whether the real tables were loaded by the end of it. */
function built(file: string): { out: string; tables: boolean; standIn: boolean } {
  const script = `const m = require('./lib/cli/main.js');
    let out = '';
    m.run(${JSON.stringify(['check', file, ...ARGS])}, { out(s) { out += s; }, err() {}, isTTY: false, env: {} }).then(() => {
      const key = Object.keys(require.cache).find((k) => k.endsWith(require('path').join('xlsx', 'dist', 'cpexcel.js')));
      const exp = key === undefined ? undefined : require.cache[key].exports;
      const standIn = exp !== undefined && Object.getOwnPropertyDescriptor(exp, 'utils').get !== undefined;
      process.stdout.write(JSON.stringify({ out, standIn, tables: exp !== undefined && !standIn }));
    });`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return JSON.parse(r.stdout) as { out: string; tables: boolean; standIn: boolean };
}

async function here(file: string): Promise<string> {
  let out = '';
  await run(['check', file, ...ARGS], { out: (s) => (out += s), err: () => undefined, isTTY: false, env: {} });
  return out;
}

test('an .xlsx is read without the code-page tables, and reads as with them', async () => {
  const r = built(XLSX);
  expect(r.standIn).toBe(true);
  expect(r.tables).toBe(false);
  expect(r.out).toBe(await here(XLSX));
});

test('an .xls loads them when it needs them, and reads as with them', async () => {
  const r = built(XLS);
  expect(r.tables).toBe(true);
  expect(r.out).toBe(await here(XLS));
});
