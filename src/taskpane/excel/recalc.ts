// Recalculate exactly the workbook's CPD formulas after its settings changed
// (region, cycle start, overrides): part of the only code that calls Excel.run.
//
// Excel has no "recalculate this add-in's functions" call. What was weighed:
// - application.calculate(full) recalculates every formula of every open workbook:
//   on a county roster with lookups that is the pause users notice, for cells that
//   did not change;
// - volatile functions would recalculate on every edit anywhere;
// - streaming functions could push new results themselves, but every CPD cell would
//   then hold a live invocation in the runtime (tens of thousands of CREDITS cells),
//   and every function's signature and metadata would change;
// - chosen: find the formula cells whose formula calls the namespace (the used
//   range's special cells of type "formulas", their formulas read in bounded chunks)
//   and Range.calculate() each run of such cells. It needs ExcelApi 1.9; below that
//   (never with the shared runtime's Excel builds) it falls back to a full calculation.
/* global Excel, Office */

export interface RecalcStats {
  formulaCells: number;
  cpdCells: number;
  ranges: number;
  full: boolean;
}

/** Formula cells read per request: as workbook.ts's READ_CELLS, far under the 5 MB request limit. */
const READ_CELLS = 40_000;
/** Calculate requests queued per context.sync. */
const CALC_BATCH = 2_000;

function supportsSpecialCells(): boolean {
  if (typeof Office === 'undefined') return true; // the preview's in-memory Excel
  const req = Office.context?.requirements;
  return !req || typeof req.isSetSupported !== 'function' || req.isSetSupported('ExcelApi', '1.9');
}

/** A formula calls the namespace: `=CPD.CREDITS(…)`, `=IF(A1,CPD.REGION(),"")`, not `=MYCPD.X()` or a string. */
export function callsNamespace(formula: unknown, namespace: string): boolean {
  if (typeof formula !== 'string' || !formula.startsWith('=')) return false;
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  return new RegExp(`(^|[^A-Za-z0-9_.])${namespace.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.[A-Za-z_]`, 'i').test(
    code,
  );
}

async function calculateAll(): Promise<RecalcStats> {
  await Excel.run(async (context) => {
    context.workbook.application.calculate(Excel.CalculationType.full);
    await context.sync();
  });
  return { formulaCells: 0, cpdCells: 0, ranges: 0, full: true };
}

/**
 * Recalculate the formulas calling `namespace` (CPD, or CPDDEV for the development
 * manifest). If Excel refuses the targeted way, everything is recalculated instead;
 * if it has no calculation API at all, null: the formulas follow at Excel's next
 * recalculation.
 */
export async function recalculateFormulas(namespace: string): Promise<RecalcStats | null> {
  try {
    return supportsSpecialCells() ? await recalculateCalls(namespace) : await calculateAll();
  } catch {
    try {
      return await calculateAll();
    } catch {
      return null;
    }
  }
}

async function recalculateCalls(namespace: string): Promise<RecalcStats> {
  return Excel.run(async (context) => {
    const stats: RecalcStats = { formulaCells: 0, cpdCells: 0, ranges: 0, full: false };
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const used = sheets.items.map((ws) => ({ ws, range: ws.getUsedRangeOrNullObject(true) }));
    for (const u of used) u.range.load('isNullObject');
    await context.sync();
    const special = used
      .filter((u) => !u.range.isNullObject)
      .map((u) => ({ ws: u.ws, cells: u.range.getSpecialCellsOrNullObject(Excel.SpecialCellType.formulas) }));
    for (const s of special)
      s.cells.load('areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount');
    await context.sync();
    let queued = 0;
    for (const { ws, cells } of special) {
      if (cells.isNullObject) continue;
      for (const area of cells.areas.items) {
        const { rowIndex, columnIndex, rowCount, columnCount } = area;
        const perChunk = Math.max(1, Math.floor(READ_CELLS / columnCount));
        for (let start = 0; start < rowCount; start += perChunk) {
          const n = Math.min(perChunk, rowCount - start);
          const chunk = ws.getRangeByIndexes(rowIndex + start, columnIndex, n, columnCount);
          chunk.load('formulas');
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per bounded chunk keeps each request far under Excel on the web's 5 MB
          await context.sync();
          const formulas = chunk.formulas as unknown[][];
          stats.formulaCells += n * columnCount;
          // one calculate per vertical run of CPD cells in a column: a column of CREDITS is one request
          for (let c = 0; c < columnCount; c++) {
            let runStart = -1;
            for (let r = 0; r <= n; r++) {
              const hit = r < n && callsNamespace(formulas[r]?.[c], namespace);
              if (hit) {
                stats.cpdCells++;
                if (runStart < 0) runStart = r;
              } else if (runStart >= 0) {
                ws.getRangeByIndexes(rowIndex + start + runStart, columnIndex + c, r - runStart, 1).calculate();
                stats.ranges++;
                runStart = -1;
                if (++queued >= CALC_BATCH) {
                  // eslint-disable-next-line office-addins/no-context-sync-in-loop -- calculate requests go in bounded batches
                  await context.sync();
                  queued = 0;
                }
              }
            }
          }
        }
      }
    }
    await context.sync();
    return stats;
  });
}
