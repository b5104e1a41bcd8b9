// Benchmarks of the add-in's own paths, run in Node: the custom functions as Excel
// calls them (the functions module's exports, with a CustomFunctions stand-in), and a
// whole-sheet validation through the Excel adapter over the in-memory Excel.
import { generate } from '../samples/generate';
import { createExcel, largestPayload, memoryWorkbook, newSheet } from '../taskpane/preview/memory-excel';

function time<T>(f: () => T): [T, number] {
  const t0 = process.hrtime.bigint();
  const v = f();
  return [v, Number(process.hrtime.bigint() - t0) / 1e9];
}

const n = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 0 });

export async function benchFunctions(out: (s: string) => void): Promise<void> {
  class CFError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message);
    }
  }
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    Error: CFError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!' },
    associate() {
      /* registration is the webpack loader's */
    },
  };
  const f = await import('../functions/functions');
  const state = await import('../runtime/state');
  state.setSettings({ region: 'hainan', cycleStart: 2019 });
  const levels = ['国家级', '省级', '市县级', '县级'];
  const modes = ['集中培训', '网络研修', '跟班培训', '主讲'];
  // 20 000 CREDITS cells, as many distinct argument sets as a real roster has
  const args = Array.from(
    { length: 20_000 },
    (_, i) => [1 + (i % 97) * 0.5, levels[i % 4], modes[(i >> 2) % 4]] as const,
  );
  const [, tCold] = time(() => {
    for (const [h, l, m] of args) f.credits(h, l, m, null, null, null);
  });
  const [, tWarm] = time(() => {
    for (const [h, l, m] of args) f.credits(h, l, m, null, null, null);
  });
  out(
    `  CREDITS       20 000 calls: ${tCold.toFixed(2)} s first (${n(20_000 / tCold)} calls/s), ${tWarm.toFixed(3)} s recalculated (${n(20_000 / tWarm)} calls/s)\n`,
  );
  // 2 000 CYCLE_PASS cells over one teacher's ~15 records each
  const rows = generate('hainan', { teachers: 40, mistakes: false, seed: 5 }).rows.slice(2);
  const byTeacher = new Map<string, unknown[][]>();
  for (const r of rows) {
    const id = String(r[2]);
    const list = byTeacher.get(id) ?? [];
    // header-less order: year, level, mode, hours, grade
    list.push([String(r[4]).slice(0, 4), r[6], r[7], r[8], r[10]]);
    byTeacher.set(id, list);
  }
  const ranges = [...byTeacher.values()];
  const [, tCycle] = time(() => {
    for (let i = 0; i < 2_000; i++) {
      try {
        f.cyclePass(ranges[i % ranges.length] as unknown[][], null, null);
      } catch {
        // a teacher with an error row: an Excel error, as in the sheet
      }
    }
  });
  out(
    `  CYCLE_PASS     2 000 calls over ${Math.round(rows.length / ranges.length)}-row ranges: ${tCycle.toFixed(2)} s (${n(2_000 / tCycle)} calls/s)\n`,
  );
}

export async function benchAdapter(out: (s: string) => void, records: number): Promise<void> {
  const { ExcelWorkbook } = await import('../taskpane/excel/workbook');
  const { validate } = await import('../taskpane/controller');
  let s = generate('hainan', { teachers: Math.ceil(records / 16), seed: 11 });
  let rows = s.rows.map((r) => r.map((v) => (v === null ? '' : v)));
  while (rows.length - 2 < records) {
    s = generate('hainan', { teachers: Math.ceil(records / 8), seed: 11 });
    rows = s.rows.map((r) => r.map((v) => (v === null ? '' : v)));
  }
  rows.length = records + 2;
  const wb = memoryWorkbook([newSheet('培训登记', rows)]);
  (globalThis as unknown as { Excel: unknown }).Excel = createExcel(wb);
  const port = new ExcelWorkbook('preview');
  const last = await validate(port, { region: 'hainan', lang: 'zh', asOf: '2026-11-23' });
  const t = last.timings;
  const mb = (b: number) => (b / 1024 / 1024).toFixed(2);
  const largest = largestPayload(wb);
  out(
    `  validate ${n(records)} rows through the adapter (in-memory Excel): read ${(t.read / 1000).toFixed(2)} s · engine ${(t.engine / 1000).toFixed(2)} s · write ${(t.write / 1000).toFixed(2)} s` +
      ` — ${port.stats.syncs} context.sync calls, ${port.stats.chunks} read chunks of ≤ ${n(port.stats.largestChunkCells)} cells, ${n(last.marks)} marks` +
      `; largest batch ${mb(largest.response)} MB in, ${mb(largest.request)} MB out (Excel on the web allows 5)\n`,
  );
}
