// The Excel adapter (src/taskpane/excel) on the in-memory Excel, which follows Excel's
// request model: a property read before it was loaded and synced throws, writes land
// only at a sync, written text is interpreted as Excel interprets it, and every sync
// is recorded with its payload. What the adapter reads equals the sheet; marks and
// clearing them leave every user value and format as it was; the summary sheet and
// the roster template hold what src/present computes; the recalculation reaches
// exactly the CPD formulas; and every batch stays far under Excel on the web's 5 MB.
import * as fs from 'fs';
import * as path from 'path';
import { ExcelWorkbook, MARK_SHEET, READ_CELLS, SUMMARY_CELLS, WRITE_BATCH } from '../../src/taskpane/excel/workbook';
import { recalculateFormulas } from '../../src/taskpane/excel/recalc';
import { paneMarks, validate } from '../../src/taskpane/controller';
import { generate } from '../../src/samples/generate';
import { checkTable } from '../../src/engine/engine';
import { toReport, type Report } from '../../src/engine/report';
import { passRates, schoolPassRates, summaryTables } from '../../src/present/tables';
import { templateColumns } from '../../src/present/template';
import { REGIONS, RULES } from '../../src/rules';
import {
  createExcel,
  largestPayload,
  memoryWorkbook,
  newSheet,
  type Box,
  type MemoryOptions,
  type MemorySheet,
  type MemoryWorkbook,
  type Value,
} from '../../src/taskpane/preview/memory-excel';

const MB = 1024 * 1024;

function install(sheets: MemorySheet[], options: Partial<MemoryOptions> = {}): MemoryWorkbook {
  const wb = memoryWorkbook(sheets, {}, options);
  (globalThis as unknown as { Excel: unknown }).Excel = createExcel(wb);
  return wb;
}

const sample = (teachers: number, seed = 3): Value[][] =>
  generate('hainan', { teachers, seed }).rows.map((r) => r.map((v) => (v === null ? '' : v)));

/** Everything a user could see or rely on in a sheet, as one string. */
const snapshot = (s: MemorySheet) =>
  JSON.stringify({
    name: s.name,
    rows: s.rows,
    formats: [...s.formats.entries()],
    cfs: s.cfs,
    merges: s.merges,
    visibility: s.visibility,
    charts: s.charts,
    tables: s.tables,
    validations: s.validations,
    frozen: [s.frozenRows, s.frozenColumns],
    widths: [...s.columnWidths.entries()],
    formulas: [...s.formulas.entries()],
  });

const valuesIn = (s: MemorySheet, b: Box): Value[][] =>
  Array.from({ length: b.nr }, (_, i) => Array.from({ length: b.nc }, (_, j) => s.rows[b.r + i]?.[b.c + j] ?? ''));

const cellsOf = (b: Box) =>
  Array.from({ length: b.nr * b.nc }, (_, k) => `${b.r + Math.floor(k / b.nc)},${b.c + (k % b.nc)}`);

function expectBoundedBatches(wb: MemoryWorkbook): void {
  for (const b of wb.batches) {
    expect(b.requestBytes).toBeLessThan(5 * MB);
    expect(b.responseBytes).toBeLessThan(5 * MB);
  }
}

describe('reading the active sheet', () => {
  test('values read equal the sheet’s, merged areas filled with their top-left value', async () => {
    const rows = sample(12);
    rows[5]![1] = '#N/A';
    rows[6]![8] = '45123';
    const sheet = newSheet('培训登记', rows);
    sheet.merges.push({ r: 0, c: 0, nr: 1, nc: 13 });
    const wb = install([sheet]);
    const port = new ExcelWorkbook();
    const read = await port.readActiveSheet();
    expect(read.sheetName).toBe('培训登记');
    expect(read.address).toBe(`'培训登记'!A1:${'M'}${rows.length}`);
    expect(read.firstRow).toBe(1);
    const width = Math.max(...rows.map((r) => r.length));
    const expected = rows.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? ''));
    expected[0] = expected[0]!.map(() => rows[0]![0]!); // the merged title row
    expect(read.rows).toEqual(expected);
    expect(wb.syncs).toBe(port.stats.syncs);
    // reading changes nothing
    expect(wb.writes).toEqual([]);
  });

  test('a roster that starts below and right of A1 is read from where it starts; an empty sheet gives no rows', async () => {
    const rows = sample(12);
    const sheet = newSheet('登记', [[], [], ...rows.map((r) => ['', ...r])]);
    install([sheet, newSheet('空白')]);
    const port = new ExcelWorkbook();
    const read = await port.readActiveSheet();
    expect([read.firstRow, read.firstCol]).toEqual([3, 2]);
    expect(read.rows[0]).toEqual(rows[0]!.concat(Array(read.rows[0]!.length - rows[0]!.length).fill('')));
    const wb = install([newSheet('空白')]);
    expect(await new ExcelWorkbook().readActiveSheet()).toEqual({
      sheetName: '空白',
      address: '空白',
      firstRow: 1,
      firstCol: 1,
      rows: [],
    });
    expect(wb.writes).toEqual([]);
  });

  test('a 100 000-row sheet is read in bounded syncs and payloads', async () => {
    const head = sample(12);
    const header = head.slice(0, 2);
    const body = head.slice(2);
    const rows = [...header];
    while (rows.length < 100_002) rows.push(...body.map((r) => [...r]));
    rows.length = 100_002;
    const wb = install([newSheet('大表', rows)]);
    const port = new ExcelWorkbook();
    const t0 = Date.now();
    const read = await port.readActiveSheet();
    const ms = Date.now() - t0;
    expect(read.rows).toHaveLength(100_002);
    const cols = Math.max(...rows.map((r) => r.length));
    const chunks = Math.ceil((100_002 * cols) / (Math.floor(READ_CELLS / cols) * cols));
    // one sync for the used range, one per chunk, one for merged areas
    expect(wb.syncs).toBe(chunks + 2);
    expect(wb.batches).toHaveLength(chunks + 2);
    expect(port.stats.largestChunkCells).toBeLessThanOrEqual(READ_CELLS);
    const largest = largestPayload(wb);
    expect(largest.total).toBeLessThan(5 * MB);
    expectBoundedBatches(wb);
    const record = {
      rows: 100_002,
      columns: cols,
      syncs: wb.syncs,
      chunks: port.stats.chunks,
      largestChunkCells: port.stats.largestChunkCells,
      largestPayloadBytes: largest.total,
      largestResponseBytes: largest.response,
      largestRequestBytes: largest.request,
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
});

/** Cells a conditional-format rule `=LEFT('CPD_marks'!X,1)="K"` colours: where the mark sheet's cell begins with K. */
function coloured(wb: MemoryWorkbook, sheet: MemorySheet): Map<string, string> {
  const marks = wb.sheets.find((s) => s.name === MARK_SHEET)!;
  const out = new Map<string, string>();
  for (const cf of sheet.cfs) {
    const m = /^=LEFT\('CPD_marks'!([A-Z]+)(\d+),1\)="([EW])"$/.exec(cf.formula);
    if (!m) continue;
    const refCol = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const refRow = Number(m[2]) - 1;
    for (const key of cellsOf(cf)) {
      const [r, c] = key.split(',').map(Number) as [number, number];
      const v = marks.rows[refRow + r - cf.r]?.[refCol + c - cf.c];
      // the first matching rule wins the fill
      if (!out.has(key) && typeof v === 'string' && v.startsWith(m[3]!)) out.set(key, m[3]!);
    }
  }
  return out;
}

describe('marks', () => {
  function roster(offset: { rows: number; cols: number }): MemorySheet {
    const rows = sample(20).map((r) => [...Array(offset.cols).fill(''), ...r]);
    const sheet = newSheet('培训登记', [...Array.from({ length: offset.rows }, () => [] as Value[]), ...rows]);
    // the user's own formats and rules, which must survive untouched
    sheet.formats.set('0,0', { bold: true, fill: '#FFFF00' });
    sheet.formats.set(`${offset.rows + 3},${offset.cols + 2}`, { numberFormat: '@' });
    sheet.cfs.push({ id: 901, r: 2, c: 0, nr: 10, nc: 3, type: 'Custom', formula: '=$A3>100', fill: '#00FF00' });
    sheet.cfs.push({ id: 902, r: 0, c: 8, nr: 50, nc: 1, type: 'ColorScale', formula: '' });
    sheet.columnWidths.set(1, 90);
    return sheet;
  }

  test.each([
    { rows: 0, cols: 0 },
    { rows: 2, cols: 1 },
  ])('validate + clear marks leave every user value and format as it was (roster offset %o)', async (offset) => {
    const sheet = roster(offset);
    const before = snapshot(sheet);
    const wb = install([sheet]);
    const port = new ExcelWorkbook();
    const last = await validate(port, { region: 'hainan', lang: 'zh', asOf: '2026-11-23' });
    expect(last.report.summary.errors).toBeGreaterThan(0);
    expect(last.marks).toBeGreaterThan(0);
    // marks: a hidden sheet and two conditional formats pointing at it; no value or format of the roster written
    const markSheet = wb.sheets.find((s) => s.name === MARK_SHEET)!;
    expect(markSheet.visibility).toBe('Hidden');
    expect(wb.writes.filter((w) => w.sheet === '培训登记').map((w) => w.what)).toEqual([
      'conditionalFormats.add Custom',
      'conditionalFormat.rule',
      'conditionalFormat.fill',
      'conditionalFormat.font',
      'conditionalFormats.add Custom',
      'conditionalFormat.rule',
      'conditionalFormat.fill',
      'conditionalFormat.font',
    ]);
    const topLeft = `${String.fromCharCode(65 + offset.cols)}${offset.rows + 1}`;
    expect(sheet.cfs.slice(2).map((c) => c.formula)).toEqual([
      `=LEFT('${MARK_SHEET}'!${topLeft},1)="E"`,
      `=LEFT('${MARK_SHEET}'!${topLeft},1)="W"`,
    ]);
    // the coloured cells are exactly the marked ones, errors red before warnings
    const marks = paneMarks(last.result, last.sheet, 'zh');
    expect(coloured(wb, sheet)).toEqual(
      new Map(marks.map((m) => [`${m.row - 1},${m.col - 1}`, m.severity === 'error' ? 'E' : 'W'])),
    );
    expect(wb.properties.has('CPD.marks')).toBe(true);
    expect(wb.active).toBe('培训登记');

    const removed = await port.clearMarks();
    expect(removed).toBe(2);
    expect(wb.sheets.map((s) => s.name)).toEqual(['培训登记']);
    expect(wb.properties.has('CPD.marks')).toBe(false);
    expect(snapshot(sheet)).toBe(before);
    // again: nothing left to clear, nothing changed
    expect(await port.clearMarks()).toBe(0);
    expect(snapshot(sheet)).toBe(before);
    expect(wb.syncs).toBe(port.stats.syncs);
    expectBoundedBatches(wb);
  });

  test('validating again replaces the marks', async () => {
    const sheet = roster({ rows: 0, cols: 0 });
    const wb = install([sheet]);
    const port = new ExcelWorkbook();
    await validate(port, { region: 'hainan', lang: 'zh', asOf: '2026-11-23' });
    await validate(port, { region: 'hainan', lang: 'en', asOf: '2026-11-23' });
    expect(sheet.cfs).toHaveLength(4);
    expect(wb.sheets.filter((s) => s.name === MARK_SHEET)).toHaveLength(1);
    const marks = wb.sheets.find((s) => s.name === MARK_SHEET)!;
    expect(marks.rows.flat().find((v) => v !== '')).toMatch(/^[EW] [A-Za-z]/);
    expect(await port.clearMarks()).toBe(2);
    expect(sheet.cfs.map((c) => c.id)).toEqual([901, 902]);
  });

  test('marks on a roster the user renamed meanwhile are still cleared, leaving no rule behind', async () => {
    const sheet = roster({ rows: 0, cols: 0 });
    const before = snapshot(sheet);
    const wb = install([newSheet('说明', [['x']]), sheet]);
    wb.active = '培训登记';
    const port = new ExcelWorkbook();
    await validate(port, { region: 'hainan', lang: 'zh', asOf: '2026-11-23' });
    await (globalThis as unknown as { Excel: ReturnType<typeof createExcel> }).Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('培训登记').name = '2024 登记';
      await ctx.sync();
    });
    expect(await port.clearMarks()).toBe(2);
    // a rule left behind would now read =LEFT(#REF!,1)="E" forever
    expect(sheet.cfs.map((c) => c.id)).toEqual([901, 902]);
    expect(wb.sheets.map((s) => s.name)).toEqual(['说明', '2024 登记']);
    expect(snapshot(sheet)).toBe(before.replace('"name":"培训登记"', '"name":"2024 登记"'));
  });

  test('marks are written in bounded batches', async () => {
    const rows = sample(400, 9);
    // hours no one can read, on every record: a mark per row
    const hours = rows[1]!.indexOf('学时');
    for (const row of rows.slice(2)) row[hours] = '二十几';
    const wb = install([newSheet('培训登记', rows)]);
    const port = new ExcelWorkbook();
    const last = await validate(port, { region: 'hainan', lang: 'zh', asOf: '2026-11-23' });
    expect(last.marks).toBeGreaterThan(WRITE_BATCH);
    expect(wb.batches.length).toBeGreaterThan(last.marks / WRITE_BATCH);
    expectBoundedBatches(wb);
    expect(largestPayload(wb).request).toBeLessThan(2 * MB);
  });
});

function reportOf(rows: Value[][], lang: 'zh' | 'en' = 'zh'): Report {
  return toReport(checkTable(rows, { rules: RULES.hainan, asOf: '2026-11-23' }), lang);
}

/** Where a table with these headers starts in column A (0-based row), or -1. */
function rowOf(s: MemorySheet, headers: Value[]): number {
  return s.rows.findIndex((row) => headers.every((h, j) => row?.[j] === h));
}

describe('the summary sheet', () => {
  test('a new sheet with the pass-rate tables, their two charts and the cycle and year tables as Excel tables', async () => {
    const rows = sample(40);
    const user = newSheet('培训登记', rows);
    const before = snapshot(user);
    const wb = install([user]);
    const report = reportOf(rows);
    const name = await new ExcelWorkbook().writeSummary(report, 'zh');
    expect(name).toBe('学分汇总');
    expect(wb.active).toBe('学分汇总');
    const s = wb.sheets.find((x) => x.name === name)!;
    expect(String(s.rows[0]![0])).toContain(report.asOf);

    // pass rates per year, as src/present/tables.ts computes them from the report
    const rates = passRates(report);
    expect(rates.length).toBeGreaterThan(1);
    const rateTop = rowOf(s, ['年度', '考核人数', '合格人数', '合格率%']);
    expect(rateTop).toBeGreaterThan(0);
    expect(valuesIn(s, { r: rateTop + 1, c: 0, nr: rates.length, nc: 4 })).toEqual(
      rates.map((r) => [r.year, r.assessed, r.passed, r.rate]),
    );
    const schools = schoolPassRates(report);
    expect(schools.length).toBeGreaterThan(1);
    const schoolTop = rowOf(s, ['学校', '考核人次', '合格人次', '合格率%']);
    expect(valuesIn(s, { r: schoolTop + 1, c: 0, nr: schools.length, nc: 4 })).toEqual(
      schools.map((x) => [x.school, x.assessed, x.passed, x.rate]),
    );

    // the two charts point at those tables: the rate column as values, the first column as categories
    expect(s.charts.map((c) => [c.type, c.title])).toEqual([
      ['ColumnClustered', '各年度合格率（%）'],
      ['BarClustered', '各学校合格率（%）'],
    ]);
    const [byYear, bySchool] = s.charts;
    expect(byYear!.series).toEqual([
      {
        name: '合格率%',
        values: { r: rateTop + 1, c: 3, nr: rates.length, nc: 1 },
        xValues: { r: rateTop + 1, c: 0, nr: rates.length, nc: 1 },
      },
    ]);
    expect(bySchool!.series).toEqual([
      {
        name: '合格率%',
        values: { r: schoolTop + 1, c: 3, nr: schools.length, nc: 1 },
        xValues: { r: schoolTop + 1, c: 0, nr: schools.length, nc: 1 },
      },
    ]);
    for (const c of s.charts) expect(c.position?.start).toMatch(/^F\d+$/);

    // the cycle and year tables are Excel tables holding the report's rows (IDs stay text)
    const t = summaryTables(report, 'zh');
    expect(s.tables.map((x) => x.headers)).toEqual([t.cycles.headers, t.years.headers]);
    for (const [table, want] of [
      [s.tables[0]!, t.cycles],
      [s.tables[1]!, t.years],
    ] as const) {
      expect(table.hasHeaders).toBe(true);
      expect(table.nr).toBe(want.rows.length + 1);
      expect(s.rows[table.r - 1]?.[0]).toBe(want.name);
      expect(valuesIn(s, table)).toEqual([want.headers, ...want.rows.map((r) => r.map((v) => (v === null ? '' : v)))]);
    }
    expect(typeof s.rows[s.tables[0]!.r + 1]![0]).toBe('string');
    expect(s.formulas.size).toBe(0);
    // the user's sheet is untouched
    expect(wb.writes.filter((w) => w.sheet !== name)).toEqual([]);
    expect(snapshot(user)).toBe(before);
  });

  test('a second summary, or a sheet of that name in another case, never overwrites: "… (2)"', async () => {
    const rows = sample(12);
    const wb = install([newSheet('培训登记', rows), newSheet('cpd SUMMARY', [['mine']])]);
    const port = new ExcelWorkbook();
    expect(await port.writeSummary(reportOf(rows), 'zh')).toBe('学分汇总');
    expect(await port.writeSummary(reportOf(rows), 'zh')).toBe('学分汇总 (2)');
    expect(await port.writeSummary(reportOf(rows, 'en'), 'en')).toBe('CPD summary (2)');
    expect(wb.sheets.map((s) => s.name)).toEqual([
      '培训登记',
      'cpd SUMMARY',
      '学分汇总',
      '学分汇总 (2)',
      'CPD summary (2)',
    ]);
    expect(wb.sheets[1]!.rows).toEqual([['mine']]);
    const en = wb.sheets[4]!;
    expect(en.charts[0]!.title).toBe('Pass rate by year (%)');
    expect(en.tables[0]!.headers[0]).toBe('ID');
    expect(new Set(wb.sheets.flatMap((s) => s.tables.map((t) => t.name))).size).toBe(6);
  });

  test('a county-sized summary is written in bounded batches', async () => {
    const rows = sample(2_500, 5);
    const report = reportOf(rows);
    const t = summaryTables(report, 'zh');
    const cells = (t.years.rows.length + 1) * t.years.headers.length;
    expect(cells).toBeGreaterThan(3 * SUMMARY_CELLS);
    const wb = install([newSheet('培训登记', rows)]);
    await new ExcelWorkbook().writeSummary(report, 'zh');
    expect(wb.batches.length).toBeGreaterThan(cells / SUMMARY_CELLS);
    expectBoundedBatches(wb);
    expect(largestPayload(wb).request).toBeLessThan(2 * MB);
  }, 60_000);
});

describe('the roster template', () => {
  test.each(REGIONS)('%s: headers, lists as data validation, text IDs, a frozen header row', async (region) => {
    const wb = install([newSheet('培训登记', [['x']])]);
    const port = new ExcelWorkbook();
    const name = await port.insertTemplate(region, 'zh');
    expect(name).toBe('培训登记模板');
    expect(await port.insertTemplate(region, 'zh')).toBe('培训登记模板 (2)');
    const s = wb.sheets.find((x) => x.name === name)!;
    const cols = templateColumns(RULES[region]);
    expect(s.rows[0]).toEqual(cols.map((c) => c.header));
    expect(s.rows.length).toBe(1);
    expect(cols.every((_, j) => s.formats.get(`0,${j}`)?.bold === true)).toBe(true);
    expect(s.frozenRows).toBe(1);
    expect(wb.active).toBe('培训登记模板 (2)');
    // one list validation per column with a list, on the 1000 rows under the header, stopping wrong entries
    const lists = cols.map((c, j) => [c, j] as const).filter(([c]) => c.list);
    expect(lists.length).toBeGreaterThanOrEqual(3);
    expect(s.validations).toEqual(
      lists.map(([c, j]) => ({
        r: 1,
        c: j,
        nr: 1000,
        nc: 1,
        rule: { list: { inCellDropDown: true, source: c.list!.join(',') } },
        errorAlert: { showAlert: true, style: 'Stop', title: c.header, message: c.list!.join('、') },
      })),
    );
    // the ID column is text, so an 18-digit ID typed there keeps every digit
    const id = cols.findIndex((c) => c.header === '身份证号');
    expect(cols[id]!.numberFormat).toBe('@');
    for (let r = 1; r <= 1000; r++) expect(s.formats.get(`${r},${id}`)?.numberFormat).toBe('@');
    expect(s.formats.get(`1001,${id}`)).toBeUndefined();
    cols.forEach((c, j) => expect(s.columnWidths.get(j)).toBe(c.width * 7));
    await (globalThis as unknown as { Excel: ReturnType<typeof createExcel> }).Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(name).getRangeByIndexes(1, id, 1, 2).values = [
        ['460100198001011234', '460100198001011234'],
      ];
      await ctx.sync();
    });
    expect(s.rows[1]!.slice(id, id + 2)).toEqual(['460100198001011234', 460100198001011000]);
  });
});

describe('recalculation', () => {
  const cpdCells = (wb: MemoryWorkbook, ns = 'CPD') =>
    wb.sheets
      .flatMap((s) => [...s.formulas.entries()].map(([k, f]) => [s.name, k, f] as const))
      .filter(([, , f]) => new RegExp(`(^|[^A-Za-z0-9_.])${ns}\\.[A-Za-z_]`, 'i').test(f.replace(/"[^"]*"/g, '""')))
      .map(([s, k]) => `${s}!${k}`)
      .sort();

  function formulaBook(options: Partial<MemoryOptions>): MemoryWorkbook {
    const a = newSheet('表一', sample(12));
    const b = newSheet('表二', [['x']]);
    const hidden = newSheet('隐藏');
    hidden.visibility = 'Hidden';
    const put = (s: MemorySheet, r: number, c: number, f: string) => s.formulas.set(`${r},${c}`, f);
    // a block of CPD formulas over two columns, runs broken by other formulas, and look-alikes
    for (let r = 10; r < 16; r++) {
      put(a, r, 20, `=CPD.CREDITS(${r},"省级","集中培训")`);
      put(a, r, 21, '=CPD.REGION()');
    }
    put(a, 16, 20, '=SUM(1,2)');
    put(a, 17, 20, '=IF(A1,cpd.region(),"")');
    put(a, 18, 20, '=MYCPD.X()');
    put(a, 19, 20, '="CPD.X"');
    put(a, 20, 20, '=CPDDEV.REGION()');
    put(b, 0, 3, '=CPD.CYCLE_PASS(A1:A9)');
    put(b, 2, 3, '=CPD.VERSION()');
    put(hidden, 5, 5, '=CPD.REGION()');
    return install([a, b, hidden], options);
  }

  test.each(['columns', 'rows'] as const)(
    'exactly the cells whose formulas call the namespace are recalculated (special cells split by %s)',
    async (specialCells) => {
      const wb = formulaBook({ specialCells });
      const calculated: string[] = [];
      wb.onCalculate = (s, box) => calculated.push(...cellsOf(box).map((k) => `${s.name}!${k}`));
      const stats = await recalculateFormulas('CPD');
      expect(stats).toMatchObject({ full: false, cpdCells: cpdCells(wb).length });
      expect(calculated.sort()).toEqual(cpdCells(wb));
      expect(new Set(calculated).size).toBe(calculated.length);
      expect(wb.calculations).toBe(0);
      expect(wb.writes).toEqual([]);
      // the development namespace is its own
      calculated.length = 0;
      await recalculateFormulas('CPDDEV');
      expect(calculated).toEqual(['表一!20,20']);
    },
  );

  test('thousands of separate runs are calculated in bounded batches', async () => {
    const s = newSheet('大表', sample(12));
    for (let r = 0; r < 9_000; r++)
      s.formulas.set(`${r + 5},15`, r % 2 ? '=SUM(1)' : `=CPD.CREDITS(${r},"省级","集中培训")`);
    const wb = install([s]);
    const stats = await recalculateFormulas('CPD');
    expect(stats).toMatchObject({ cpdCells: 4_500, ranges: 4_500, full: false });
    expect(wb.calculated).toHaveLength(4_500);
    expect(wb.syncs).toBeGreaterThan(3);
    expectBoundedBatches(wb);
  });

  test('without ExcelApi 1.9 every formula is recalculated instead', async () => {
    const wb = formulaBook({});
    (globalThis as unknown as { Office: unknown }).Office = {
      context: { requirements: { isSetSupported: (_: string, v: string) => Number(v.split('.')[1]) < 9 } },
    };
    try {
      expect(await recalculateFormulas('CPD')).toEqual({ formulaCells: 0, cpdCells: 0, ranges: 0, full: true });
    } finally {
      delete (globalThis as unknown as { Office?: unknown }).Office;
    }
    expect(wb.calculations).toBe(1);
    expect(wb.calculated).toEqual([]);
  });
});

describe('settings and selection', () => {
  test('settings written to the workbook read back; cleared ones are removed', async () => {
    const wb = install([newSheet('培训登记', [['x']])]);
    const port = new ExcelWorkbook();
    await port.writeSettings({ region: 'shandong', cycleStart: 2019, overrides: { 'dayCredits.school': 0.5 } });
    expect(Object.fromEntries(wb.properties)).toEqual({
      'CPD.region': 'shandong',
      'CPD.cycleStart': '2019',
      'CPD.overrides': '{"dayCredits.school":0.5}',
    });
    expect(await port.readSettings()).toEqual({
      region: 'shandong',
      cycleStart: 2019,
      overrides: { 'dayCredits.school': 0.5 },
    });
    await port.writeSettings({ region: 'shandong' });
    expect(Object.fromEntries(wb.properties)).toEqual({ 'CPD.region': 'shandong' });
  });

  test('selecting an issue’s cell activates its sheet and selects the cell', async () => {
    const wb = install([newSheet('其他', [['x']]), newSheet('培训登记', sample(12))]);
    await new ExcelWorkbook().select('培训登记', 5, 9);
    expect(wb.active).toBe('培训登记');
    expect(wb.selection).toEqual({ sheet: '培训登记', row: 5, col: 9 });
    await expect(new ExcelWorkbook().select('没有这个表', 1, 1)).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
});
