// The adapter's writes that the pane makes only on an explicit click (a suggested fix and its undo), the
// exported issue sheet and the summary's heading lines, on the preview's in-memory Excel.
import { ExcelWorkbook } from '../../src/taskpane/excel/workbook';
import { createExcel, memoryWorkbook, newSheet, type MemoryWorkbook } from '../../src/taskpane/preview/memory-excel';
import { WorkbookError } from '../../src/taskpane/port';
import { checkTable } from '../../src/engine/engine';
import { toReport } from '../../src/engine/report';
import { generate } from '../../src/samples/generate';
import { RULES } from '../../src/rules';

function install(wb: MemoryWorkbook): ExcelWorkbook {
  (globalThis as unknown as { Excel: unknown }).Excel = createExcel(wb);
  return new ExcelWorkbook('preview');
}

const roster = () => [
  ['身份证号', '培训层次', '学时'],
  ['460100199411141003', '省集', 24],
  ['460100199411141003', '省级', 8],
];

test('writeCell writes one cell and returns the value it replaced', async () => {
  const wb = memoryWorkbook([newSheet('登记', roster())]);
  const port = install(wb);
  expect(await port.activeSheetName()).toBe('登记');
  const old = await port.writeCell('登记', 2, 2, '省级', '省集');
  expect(old).toBe('省集');
  const after = roster();
  after[1]![1] = '省级';
  expect(wb.sheets[0]!.rows).toEqual(after);
  // the undo: back to the old value, expecting the new one
  await port.writeCell('登记', 2, 2, old, '省级');
  expect(wb.sheets[0]!.rows).toEqual(roster());
});

test('writeCell refuses a cell that changed since the validation, a formula, a missing sheet', async () => {
  const sheet = newSheet('登记', roster());
  sheet.formulas.set('1,1', '=B3'); // 0-based: the cell B2
  const wb = memoryWorkbook([sheet]);
  const port = install(wb);
  await expect(port.writeCell('登记', 2, 2, '省级', '省集')).rejects.toThrow(WorkbookError);
  await expect(port.writeCell('登记', 2, 3, 30, 99)).rejects.toThrow(/已被修改/);
  await expect(port.writeCell('别的表', 2, 2, '省级', '省集')).rejects.toThrow(/找不到工作表/);
  expect(wb.sheets[0]!.rows).toEqual(roster());
});

test('writeTableSheet never overwrites a sheet; the summary says its as-of date and its local values', async () => {
  const wb = memoryWorkbook([newSheet('登记', roster()), newSheet('问题清单', [['我的']])]);
  const port = install(wb);
  const name = await port.writeTableSheet('问题清单', ['标题'], { name: 'x', headers: ['a', 'b'], rows: [[1, null]] });
  expect(name).toBe('问题清单 (2)');
  expect(wb.sheets.find((s) => s.name === '问题清单')!.rows).toEqual([['我的']]);
  expect(wb.sheets.find((s) => s.name === name)!.rows).toEqual([['标题'], undefined, ['a', 'b'], [1, '']]);

  const rows = generate('hainan').rows.map((r) => r.map((v) => (v === null ? '' : v)));
  const report = toReport(
    checkTable(rows, { rules: RULES.hainan, asOf: '2026-12-01', overrides: { 'dayCredits.school': 0.5 } }),
    'zh',
  );
  const summary = await port.writeSummary(report, 'zh');
  const s = wb.sheets.find((x) => x.name === summary)!;
  expect(String(s.rows[1]![0])).toMatch(/^截至 2026-12-01 · 周期 /);
  expect(s.rows[2]![0]).toBe('本结果使用了本地数值（非原文）：校级培训每天学分 0.5（原文未规定）');
});
