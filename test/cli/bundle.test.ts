// The command a user runs, bin/cpd-credits.js, starts the CLI from one bundled file with V8's code cache
// (scripts/bundle-cli.js): it must print exactly what the modules of lib/ print, accept the cache it was built
// with, still be right with a cache that does not fit, and fall back to lib/'s modules when there is no bundle.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'cpd-credits.js');
const MAIN = path.join(ROOT, 'lib', 'cli', 'main.js');
const BUNDLE = path.join(ROOT, 'lib', 'cli', 'cpd-credits.js');
const SAMPLES = path.join(ROOT, 'assets', 'samples');

interface Ran {
  code: number | null;
  out: string;
  err: string;
}

function node(args: readonly string[], cwd = ROOT): Ran {
  const r = spawnSync(process.execPath, args, {
    cwd,
    env: { ...process.env, LANG: 'zh_CN.UTF-8', NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let tmp: string;
beforeAll(() => {
  // npm test builds lib/ (and the bundle) first
  expect(fs.existsSync(BUNDLE)).toBe(true);
  expect(fs.existsSync(`${BUNDLE}.cache`)).toBe(true);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cpd-bundle-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const CASES: Array<[string, string[]]> = [
  [
    'credits, zh, explained',
    [
      'credits',
      '--region',
      'puer',
      '--hours',
      '12',
      '--level',
      '市级',
      '--mode',
      '网络研修',
      '--rate',
      '1.5',
      '--explain',
    ],
  ],
  [
    'credits, en',
    ['credits', '--region', 'shandong', '--hours', '40', '--level', '省级', '--mode', '集中培训', '--lang', 'en'],
  ],
  [
    'credits, a bad argument',
    ['credits', '--region', 'hainan', '--hours', 'x', '--level', '省级', '--mode', '集中培训'],
  ],
  ['check --json of an .xlsx', ['check', path.join(SAMPLES, 'qitai.xlsx'), '--json', '--as-of', '2026-11-23']],
  [
    'check of a CSV, the readable report in English',
    ['check', path.join(SAMPLES, 'puer.csv'), '--lang', 'en', '--as-of', '2026-11-23'],
  ],
  [
    'two files on two threads',
    ['check', path.join(SAMPLES, 'hainan.xlsx'), path.join(SAMPLES, 'hainan.csv'), '--jobs', '2', '--json'],
  ],
  ['rules', ['rules', '--region', 'zhengzhou']],
  ['an unknown command', ['nonsense']],
  ['--version', ['--version']],
];

describe('bin/cpd-credits.js (the bundle) prints what lib/cli/main.js (the modules) prints', () => {
  test.each(CASES)('%s', (_, args) => {
    const bundled = node([BIN, ...args]);
    const modules = node([MAIN, ...args]);
    expect(bundled).toEqual(modules);
    expect(bundled.out.length + bundled.err.length).toBeGreaterThan(0);
  });

  test('an annotated copy: the same bytes', () => {
    const a = path.join(tmp, 'a.xlsx');
    const b = path.join(tmp, 'b.xlsx');
    const input = path.join(SAMPLES, 'hainan.xlsx');
    expect(node([BIN, 'check', input, '--out', a, '--as-of', '2026-11-23']).code).toBe(1);
    expect(node([MAIN, 'check', input, '--out', b, '--as-of', '2026-11-23']).code).toBe(1);
    expect(fs.readFileSync(a).equals(fs.readFileSync(b))).toBe(true);
  });
});

describe('the code cache', () => {
  const probe = (cache: string) =>
    node([
      '-e',
      `const b = require(${JSON.stringify(BIN)});
       const r = b.loadBundle(b.BUNDLE, require('fs').readFileSync(${JSON.stringify(cache)}));
       process.stdout.write(JSON.stringify({ rejected: r.rejected, exports: Object.keys(r.exports) }));`,
    ]);

  test('is accepted by the Node that built it', () => {
    const r = probe(`${BUNDLE}.cache`);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out)).toEqual({ rejected: false, exports: ['main', 'run'] });
  });

  test('one that does not fit is set aside by V8, and the command is still right', () => {
    const junk = path.join(tmp, 'junk.cache');
    fs.writeFileSync(junk, Buffer.from('not a code cache '.repeat(64)));
    expect(JSON.parse(probe(junk).out)).toEqual({ rejected: true, exports: ['main', 'run'] });
    // the same bin, with a bundle whose cache is junk: the same answer as the modules give
    const bin = path.join(tmp, 'junk', 'bin');
    const cli = path.join(tmp, 'junk', 'lib', 'cli');
    fs.mkdirSync(bin, { recursive: true });
    fs.mkdirSync(cli, { recursive: true });
    fs.copyFileSync(BIN, path.join(bin, 'cpd-credits.js'));
    fs.copyFileSync(BUNDLE, path.join(cli, 'cpd-credits.js'));
    fs.copyFileSync(junk, path.join(cli, 'cpd-credits.js.cache'));
    // (its packages and lib/ beside it: package.json for --version, node_modules for the bundle's requires)
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(tmp, 'junk', 'node_modules'));
    fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(tmp, 'junk', 'package.json'));
    const args = [
      'credits',
      '--region',
      'qitai',
      '--hours',
      '30',
      '--level',
      '自治区级',
      '--mode',
      '集中培训',
      '--explain',
    ];
    expect(node([path.join(bin, 'cpd-credits.js'), ...args])).toEqual(node([MAIN, ...args]));
  });
});

describe('without the bundle', () => {
  test("lib/'s modules are run as before", () => {
    const bin = path.join(tmp, 'nobundle', 'bin');
    fs.mkdirSync(bin, { recursive: true });
    fs.copyFileSync(BIN, path.join(bin, 'cpd-credits.js'));
    // lib/cli/main.js only (a link: its modules resolve from the real lib/)
    fs.mkdirSync(path.join(tmp, 'nobundle', 'lib', 'cli'), { recursive: true });
    fs.symlinkSync(MAIN, path.join(tmp, 'nobundle', 'lib', 'cli', 'main.js'));
    const args = ['credits', '--region', 'hainan', '--hours', '24', '--level', '省级', '--mode', '集中培训'];
    const r = node([path.join(bin, 'cpd-credits.js'), ...args]);
    expect(r).toEqual(node([MAIN, ...args]));
    expect(r.out).toBe('4.5\n');
  });

  test('nor lib/: a message that says how to build it, exit 2', () => {
    const bin = path.join(tmp, 'unbuilt', 'bin');
    fs.mkdirSync(bin, { recursive: true });
    fs.copyFileSync(BIN, path.join(bin, 'cpd-credits.js'));
    const r = node([path.join(bin, 'cpd-credits.js'), 'credits']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/npm ci/);
  });
});
