// A whole-sheet validation through the Excel adapter over the in-memory Excel, run in Node. (The custom
// functions are measured in the built page: functions-page.ts.)
import { generate } from '../samples/generate';
import { createExcel, largestPayload, memoryWorkbook, newSheet } from '../taskpane/preview/memory-excel';

const n = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 0 });

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
