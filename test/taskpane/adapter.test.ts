// The Excel adapter against office-addin-mock: what it reads equals the sheet, the
// user's values and formats are untouched by validate + clear marks, and a 100 000-
// row sheet is read in a small, bounded number of syncs and payloads (recorded).
import * as fs from 'fs';
import * as path from 'path';
import { ExcelWorkbook, MARK_SHEET, READ_CELLS } from '../../src/taskpane/excel/workbook';
import { validate } from '../../src/taskpane/controller';
import { generate } from '../../src/samples/generate';
import { mockExcel, MockSheet } from './mock-excel';

function install(sheet: MockSheet) {
  const m = mockExcel(sheet);
  (globalThis as unknown as { Excel: unknown }).Excel = m.Excel;
  return m;
}

const sample = (teachers: number): (string | number | boolean)[][] =>
  generate('hainan', { teachers, seed: 3 }).rows.map((r) => r.map((v) => (v === null ? '' : v)));

test('values read equal the sheet’s, merged areas filled with their top-left value', async () => {
  const rows = sample(12);
  rows[5]![1] = '#N/A';
  rows[6]![8] = '45123';
  const { rec } = install({ name: '培训登记', rows, merges: [{ r: 0, c: 0, nr: 1, nc: 13 }] });
  const port = new ExcelWorkbook();
  const sheet = await port.readActiveSheet();
  expect(sheet.sheetName).toBe('培训登记');
  expect(sheet.firstRow).toBe(1);
  const width = Math.max(...rows.map((r) => r.length));
  const expected = rows.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? ''));
  expected[0] = expected[0]!.map(() => rows[0]![0]!); // the merged title row
  expect(sheet.rows).toEqual(expected);
  expect(rec.syncs).toBe(port.stats.syncs);
});

test('validate + clear marks leave every user value and format as it was', async () => {
  const rows = sample(20);
  const before = JSON.stringify(rows);
  const { rec } = install({ name: '培训登记', rows });
  const port = new ExcelWorkbook();
  const last = await validate(port, { region: 'hainan', lang: 'zh', asOf: '2026-11-23' });
  expect(last.report.summary.errors).toBeGreaterThan(0);
  expect(last.marks).toBeGreaterThan(0);
  // marks: a hidden sheet and two conditional formats pointing at it; nothing written to the roster
  expect(rec.sheets).toContain(MARK_SHEET);
  expect(rec.writes.get('培训登记') ?? []).toEqual([]);
  expect(rec.cfs.filter((c) => !c.deleted).map((c) => c.formula)).toEqual([
    `=LEFT('${MARK_SHEET}'!A1,1)="E"`,
    `=LEFT('${MARK_SHEET}'!A1,1)="W"`,
  ]);
  expect(rec.properties.has('CPD.marks')).toBe(true);
  const removed = await port.clearMarks();
  expect(removed).toBe(2);
  expect(rec.sheets).toEqual(['培训登记']);
  expect(rec.cfs.every((c) => c.deleted)).toBe(true);
  expect(rec.properties.has('CPD.marks')).toBe(false);
  expect(rec.writes.get('培训登记') ?? []).toEqual([]);
  expect(JSON.stringify(rows)).toBe(before);
});

test('a 100 000-row sheet is read in bounded syncs and payloads', async () => {
  const head = sample(12);
  const header = head.slice(0, 2);
  const body = head.slice(2);
  const rows = [...header];
  while (rows.length < 100_002) rows.push(...body.map((r) => [...r]));
  rows.length = 100_002;
  const { rec } = install({ name: '大表', rows });
  const port = new ExcelWorkbook();
  const t0 = Date.now();
  const sheet = await port.readActiveSheet();
  const ms = Date.now() - t0;
  expect(sheet.rows).toHaveLength(100_002);
  const cols = Math.max(...rows.map((r) => r.length));
  const chunks = Math.ceil((100_002 * cols) / (Math.floor(READ_CELLS / cols) * cols));
  // one sync for the used range, one per chunk, one for merged areas
  expect(rec.syncs).toBe(chunks + 2);
  expect(port.stats.largestChunkCells).toBeLessThanOrEqual(READ_CELLS);
  const largest = Math.max(...rec.payloads);
  expect(largest).toBeLessThan(5 * 1024 * 1024);
  const record = {
    rows: 100_002,
    columns: cols,
    syncs: rec.syncs,
    chunks: port.stats.chunks,
    largestChunkCells: port.stats.largestChunkCells,
    largestPayloadBytes: largest,
    readMs: ms,
  };
  fs.mkdirSync(path.join(__dirname, '..', '..', 'test-results'), { recursive: true });
  fs.writeFileSync(
    path.join(__dirname, '..', '..', 'test-results', 'adapter-io.json'),
    JSON.stringify(record, null, 2),
  );
  // eslint-disable-next-line no-console
  console.log('adapter I/O for a 100 000-row sheet:', record);
}, 60_000);
