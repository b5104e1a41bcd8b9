// The file layer and the presentation layer run in Node, in Excel's runtime and in a browser page alike:
// they import no Node API and use no Node global (read from the sources).
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';

const SRC = path.join(__dirname, '..', '..', 'src');
const NODE = /^(node:|fs$|path$|os$|crypto$|child_process$|worker_threads$|buffer$|util$|stream$|zlib$|url$|http|net$)/;

function sources(dir: string): Array<{ file: string; text: string }> {
  return readdirSync(path.join(SRC, dir))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ file: `${dir}/${f}`, text: readFileSync(path.join(SRC, dir, f), 'utf8') }));
}

const imports = (text: string) =>
  [
    ...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm),
    ...text.matchAll(/\brequire\(\s*'([^']+)'\s*\)/g),
  ].map((m) => m[1]!);
// what the code does, without its comments (which may name Buffer or process when saying why not)
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');

test.each([...sources('files'), ...sources('present')])(
  '$file imports no Node API and uses no Node global',
  ({ file, text }) => {
    for (const spec of imports(text))
      expect({ file, spec, node: NODE.test(spec) }).toEqual({ file, spec, node: false });
    // two requires are allowed, packages loaded on first use that bundle alike: SheetJS (files/sheetjs.ts) and
    // zod (files/record.ts, for a copy's record)
    expect(code(text)).not.toMatch(/\bBuffer\b|\bprocess\.|\b__dirname\b|\brequire\((?!'@e965\/xlsx'\)|'zod'\))/);
  },
);

// Which layer may import which is test/architecture/layers.test.ts's business.
