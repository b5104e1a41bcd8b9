// No list of rows, records, schools or cells is spread into a call: Math.max(...rows) overflows the call
// stack near 125 000 elements (a roster, or one cell in row 1 048 576). Loops do the same work at any size.
import * as fs from 'fs';
import * as path from 'path';

const SRC = path.join(__dirname, '..', '..', 'src');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

test('no Math.max/Math.min, String.fromCharCode or .apply over a spread list in src/', () => {
  const found: string[] = [];
  for (const f of files(SRC)) {
    const code = fs
      .readFileSync(f, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '');
    for (const m of code.matchAll(/(Math\.(max|min)|fromCharCode|fromCodePoint)\s*\(([^()]*,\s*)?\.\.\.|\.apply\(/g))
      found.push(`${path.relative(SRC, f)}: ${m[0]}`);
  }
  expect(found).toEqual([]);
});
