// The bundled samples as the examples see them: each sheet's cells (merged title
// filled, as Excel shows it) and the workbook's CPD.* settings, and the CPD.*
// functions of src/functions/functions.ts behind a CustomFunctions stand-in.
import * as path from 'path';
import * as fs from 'fs';
import { readWorkbook } from '../../src/files';
import { parseSettings, WorkbookSettings } from '../../src/present/settings';
import { REGIONS, type RegionId } from '../../src/rules';
import { CpdFunctions, Sheet, signatures } from './formula';

export class CFError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

export function installCustomFunctions(): void {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    Error: CFError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!' },
    associate: () => undefined,
  };
}

export interface Sample {
  sheet: Sheet;
  settings: WorkbookSettings;
}

export async function loadSamples(): Promise<Record<RegionId, Sample>> {
  const out = {} as Record<RegionId, Sample>;
  for (const r of REGIONS) {
    const f = readWorkbook(
      new Uint8Array(await fs.promises.readFile(path.join(__dirname, '..', '..', 'assets', 'samples', `${r}.xlsx`))),
    );
    out[r] = { sheet: { rows: f.sheets[0]!.rows }, settings: parseSettings(f.properties).settings };
  }
  return out;
}

export async function cpdFunctions(): Promise<CpdFunctions> {
  installCustomFunctions();
  const mod = (await import('../../src/functions/functions')) as unknown as Record<
    string,
    (...a: unknown[]) => unknown
  >;
  const sigs = signatures();
  return {
    call(id, args) {
      const s = sigs.get(id);
      if (!s) throw new Error(`no CPD.${id} in functions.ts`);
      return mod[s.fn]!(...args);
    },
    matrixParams: (id) => sigs.get(id)?.matrix ?? new Set(),
  };
}
