// SheetJS's code-page tables, loaded only when a workbook needs one. SheetJS in Node requires them as it loads
// (dist/cpexcel.js: 470 KB, ~150 ms of this machine's 180 ms to load the library), yet only the old binary formats
// (.xls's non-Unicode strings, a DBF, a codepage option) ever decode through them; an .xlsx, .ods or CSV never
// does. So the CLI puts a stand-in in Node's module cache where the tables would be found: the same object to
// SheetJS, whose `utils` (the only part SheetJS reads, and only when it decodes) loads the real tables on first
// use. Nothing reads differently: SheetJS sees tables present either way. (Node documents adding entries to
// require.cache. The web bundles use SheetJS's ES module, which loads no tables: this is the CLI's alone.)
import Module, { createRequire } from 'module';

type CodePages = { utils: unknown };

let installed = false;

/** The stand-in, once per thread (the main one and each parsing worker), as SheetJS is first loaded (sheetjs.ts). */
export function deferCodePages(): void {
  if (installed) return;
  installed = true;
  // Node's own require, in the bundle too (webpack would take `require.resolve` and `require.cache` for its own)
  const nodeRequire = createRequire(__filename);
  let file: string;
  try {
    file = nodeRequire.resolve('@e965/xlsx/dist/cpexcel.js');
  } catch {
    // not where it is expected: SheetJS loads its tables itself, as before
    return;
  }
  const cache = nodeRequire.cache;
  if (cache[file]) return;
  let real: CodePages | undefined;
  const load = (): CodePages => {
    if (real === undefined) {
      // the stand-in leaves the cache, so that this require reads the tables themselves (and caches them)
      delete cache[file];
      real = nodeRequire(file) as CodePages;
    }
    return real;
  };
  const standIn = {};
  Object.defineProperty(standIn, 'utils', { enumerable: true, get: () => load().utils });
  const m = new Module(file);
  m.filename = file;
  m.loaded = true;
  m.exports = standIn;
  cache[file] = m;
}
