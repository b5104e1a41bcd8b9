// Installable by someone who is not a developer: the packed package holds the built CLI and nothing of the
// add-in, depends at run time only on what the CLI requires, and the CLI speaks Chinese by default.
import { execFileSync } from 'child_process';
import { readdirSync, readFileSync } from 'fs';
import { builtinModules } from 'module';
import * as path from 'path';
import { run } from '../../src/cli/main';

const ROOT = path.join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  private?: boolean;
  files: string[];
  bin: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

async function cli(
  argv: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (s) => (out += s), err: (s) => (err += s), isTTY: false, env });
  return { code, out, err };
}

test('the package is publishable, with a bin, and its run-time dependencies are exactly what the CLI requires', () => {
  expect(pkg.private).toBeUndefined();
  expect(pkg.bin['cpd-credits']).toBe('bin/cpd-credits.js');
  // the sources the CLI is built from: every bare import is a Node built-in or a run-time dependency
  const needed = new Set<string>();
  for (const dir of ['cli', 'core', 'engine', 'rules', 'files', 'present']) {
    for (const f of readdirSync(path.join(ROOT, 'src', dir)).filter((x) => x.endsWith('.ts'))) {
      for (const m of readFileSync(path.join(ROOT, 'src', dir, f), 'utf8').matchAll(
        /^\s*import\s[^'"]*?from\s+'([^'.][^']*)'/gm,
      )) {
        const spec = m[1]!;
        if (!builtinModules.includes(spec) && !spec.startsWith('node:'))
          needed.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
      }
    }
  }
  expect(Object.keys(pkg.dependencies).sort()).toEqual([...needed].sort());
  // the reader is SheetJS 0.20.3 pinned exactly (the npm "xlsx" package is stuck at 0.18.5 with advisories)
  expect(pkg.dependencies['@e965/xlsx']).toBe('0.20.3');
  for (const dev of ['react', 'react-dom', '@fluentui/react-components', '@microsoft/office-js', 'exceljs', 'webpack'])
    expect(pkg.dependencies[dev]).toBeUndefined();
});

test('npm pack holds the built CLI, the samples and the rules document — no sources, tests or add-in', () => {
  const json = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const files = (JSON.parse(json) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
  expect(files).toEqual(
    expect.arrayContaining([
      'bin/cpd-credits.js',
      'package.json',
      'README.md',
      'docs/rules.md',
      'assets/samples/hainan.xlsx',
    ]),
  );
  expect(
    files.filter(
      (f) =>
        /^(src|test|dist|stubs|schemas)\//.test(f) ||
        f === 'manifest.xml' ||
        /^lib\/(taskpane|functions|bench|samples)\//.test(f),
    ),
  ).toEqual([]);
  // the bundled CLI and its code cache stay in the checkout that built them: the cache fits only the Node it was
  // made with (another machine's V8 would set it aside), and without it the bundle starts no faster than lib/
  expect(files.filter((f) => /^lib\/cli\/cpd-credits\.js/.test(f))).toEqual([]);
  // the built CLI is packed when built (npm pack builds it first, in prepack)
  for (const f of files.filter((x) => x.startsWith('lib/')))
    expect(f).toMatch(/^lib\/(cli|core|engine|rules|files|present)\//);
});

describe('--help and --version', () => {
  test('Chinese by default', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('用法：');
    expect(r.out).toContain('检查登记表');
    const c = await cli(['check', '--help']);
    expect(c.out).toContain('只读这个工作表（可重复');
    expect(c.out).toContain('允许替换已存在的 --out 文件');
  });

  test('English with --lang en or an English locale', async () => {
    expect((await cli(['check', '--help', '--lang', 'en'])).out).toContain('read only this sheet (repeatable');
    expect((await cli(['--help'], { LANG: 'en_US.UTF-8' })).out).toContain('Usage:');
    expect((await cli(['--help'], { LANG: 'zh_CN.UTF-8' })).out).toContain('用法：');
  });

  test('--version prints the package version', async () => {
    const r = await cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(pkg.version);
  });
});
