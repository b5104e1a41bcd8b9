// The shape of the code (architecture.md): arrows point inward only.
//
//   core ← rules ← engine ← present ← shells (files, runtime, functions, taskpane, commands, cli, addin …)
//
// This test reads every import of every source file and fails on an arrow pointing outward, on a
// Node, React or spreadsheet library inside the pure layers, on Excel.run outside the task pane's
// Excel adapter, and on a region named outside src/rules.
import * as fs from 'fs';
import * as path from 'path';

const SRC = path.join(__dirname, '..', '..', 'src');

/** The pure layers, innermost first: each may import itself and those before it. */
const INNER = ['core', 'rules', 'engine', 'present'] as const;

/** The shells, and the other shells each may import (all may import every inner layer). */
const SHELLS: Record<string, readonly string[]> = {
  files: [], // bytes in → tables out, report + bytes → annotated bytes: no file system
  runtime: [], // the shared runtime's state, build stamp and diagnostics
  functions: ['runtime'],
  taskpane: ['runtime', 'files', 'samples'], // samples: the standalone preview's built-in workbook
  commands: ['taskpane', 'runtime'], // the ribbon button runs the pane's validation workflow
  cli: ['files'],
  samples: ['files'], // the bundled sample rosters (data, not product logic)
  addin: ['functions', 'commands', 'taskpane', 'runtime'], // the add-in page's entry: the composition root
  web: ['taskpane', 'files', 'runtime'], // index.html: the pane's views on files, the file layer in a worker
  bench: ['*'],
};

/** Packages the pure layers may use: they compile without Office, React, Node or a spreadsheet library. */
const PURE_PACKAGES = new Set(['zod', 'decimal.js']);
const NODE_BUILTINS = new Set([
  'fs',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'crypto',
  'stream',
  'zlib',
  'util',
  'url',
  'buffer',
  'events',
  'readline',
  'process',
]);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const FILES = sourceFiles(SRC);
const rel = (f: string) => path.relative(SRC, f).split(path.sep).join('/');
const topOf = (f: string) => rel(f).split('/')[0]!;

/** Module specifiers of static imports, re-exports, dynamic imports and requires (comments stripped). */
function specifiers(file: string): string[] {
  const text = fs
    .readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\s)(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]/g)) out.push(m[1]!);
  for (const m of text.matchAll(/(?:^|\s)import\s*['"]([^'"]+)['"]/g)) out.push(m[1]!);
  for (const m of text.matchAll(/\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}

function target(file: string, spec: string): { top: string; internal: true } | { pkg: string; internal: false } {
  if (spec.startsWith('.')) {
    const abs = path.resolve(path.dirname(file), spec);
    return { top: path.relative(SRC, abs).split(path.sep)[0]!, internal: true };
  }
  const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
  return { pkg: pkg.replace(/^node:/, ''), internal: false };
}

const rank = (top: string) => (INNER as readonly string[]).indexOf(top);

test('every source file is in a known layer or shell', () => {
  const unknown = FILES.filter((f) => rank(topOf(f)) < 0 && !(topOf(f) in SHELLS)).map(rel);
  expect(unknown).toEqual([]);
});

test('arrows point inward only', () => {
  const wrong: string[] = [];
  for (const f of FILES) {
    const from = topOf(f);
    for (const spec of specifiers(f)) {
      const t = target(f, spec);
      if (!t.internal) continue;
      const ok =
        rank(from) >= 0
          ? rank(t.top) >= 0 && rank(t.top) <= rank(from)
          : rank(t.top) >= 0 || t.top === from || SHELLS[from]!.includes(t.top) || SHELLS[from]!.includes('*');
      if (!ok) wrong.push(`${rel(f)} → ${spec}`);
    }
  }
  expect(wrong).toEqual([]);
});

test('the pure layers use no Node, React, Office or spreadsheet library', () => {
  const wrong: string[] = [];
  for (const f of FILES) {
    if (rank(topOf(f)) < 0) continue;
    for (const spec of specifiers(f)) {
      const t = target(f, spec);
      if (!t.internal && !PURE_PACKAGES.has(t.pkg)) wrong.push(`${rel(f)} → ${spec}`);
    }
    const text = fs.readFileSync(f, 'utf8');
    if (/\b(Office|Excel|CustomFunctions)\.\w/.test(text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')))
      wrong.push(`${rel(f)} uses an Office global`);
  }
  expect(wrong).toEqual([]);
});

test('code that runs in the browser uses no Node module', () => {
  const browser = ['files', 'runtime', 'functions', 'taskpane', 'commands', 'addin', 'web'];
  const wrong = FILES.filter((f) => browser.includes(topOf(f))).flatMap((f) =>
    specifiers(f)
      .filter((s) => {
        const t = target(f, s);
        return !t.internal && NODE_BUILTINS.has(t.pkg);
      })
      .map((s) => `${rel(f)} → ${s}`),
  );
  expect(wrong).toEqual([]);
});

test('only src/taskpane/excel calls Excel.run', () => {
  const wrong = FILES.filter(
    (f) => !rel(f).startsWith('taskpane/excel/') && /\bExcel\.run\s*\(/.test(fs.readFileSync(f, 'utf8')),
  ).map(rel);
  expect(wrong).toEqual([]);
});

test('no region is named outside src/rules (sample data and benchmark workloads aside)', () => {
  const ids = ['hainan', 'shandong', 'zhengzhou', 'puer', 'qitai'];
  const exempt = ['rules', 'samples', 'bench'];
  const wrong: string[] = [];
  for (const f of FILES) {
    if (exempt.includes(topOf(f))) continue;
    const code = fs
      .readFileSync(f, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
    for (const id of ids) {
      // a string literal, or an object key: the ways code would branch on a region
      if (new RegExp(`['"\`]${id}['"\`]|[{,]\\s*${id}\\s*:`).test(code)) wrong.push(`${rel(f)}: ${id}`);
    }
  }
  expect(wrong).toEqual([]);
});
