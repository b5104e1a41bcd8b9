// SheetJS, loaded when a workbook is first read or written: a CSV is read without it, and its start-up (~0.2 s
// in Node, most of it the code-page tables of the old .xls formats) is paid only by the runs that need it.
// The web bundles resolve the same name to the library's ES module (webpack.config.js), as a static import did.
import type * as SheetJS from '@e965/xlsx';

let lib: typeof SheetJS | undefined;
let prepare: (() => void) | undefined;

/** What a shell does just before SheetJS is first loaded (the CLI: its code pages deferred, cli/codepages.ts). */
export function beforeSheetJs(f: (() => void) | undefined): void {
  prepare = f;
}

export function sheetjs(): typeof SheetJS {
  if (lib === undefined) {
    prepare?.();
    // a require on first use is what makes the load lazy; an import would load it with this module
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    lib = require('@e965/xlsx') as typeof SheetJS;
  }
  return lib;
}
