// The task pane's Excel adapter: the only code, with settings.ts, that calls
// Excel.run. Reads go in bounded chunks (one context.sync per chunk, payloads far
// under Excel on the web's 5 MB request limit); writes go in batches. Marks never
// touch the user's cells: problems are written to a hidden sheet and shown through
// two conditional formats that point at it, so clearing them leaves every value and
// every format of the roster exactly as it was.
/* global Excel */
// Every round trip goes through this.sync(ctx), which counts them for the pane and the
// benchmark; the Office add-in lint rules only recognise a literal context.sync(), so
// they cannot follow loads and reads across it here (recalc.ts and settings.ts keep them):
/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read */
import type { Report } from '../../engine/report';
import { columnLetters, passRates, schoolPassRates, summaryTables, Table, unusedName } from '../../present/tables';
import { templateColumns } from '../../present/template';
import { MARK_COLOURS } from '../../present/severity';
import { say, t, type Lang } from '../../core/text';
import { RULES, type RegionId } from '../../rules';
import { overridesNote } from '../../present/overrides';
import { CellValue, checkSignal, IoStats, Mark, ProgressFn, SheetData, WorkbookError, WorkbookPort } from '../port';
import { readWorkbookSettings, writeWorkbookSettings } from './settings';

/** Cells per read request: ~40 000 cells of roster text stay around 1–2 MB of JSON. */
export const READ_CELLS = 40_000;
/** Mark cells written per context.sync. */
export const WRITE_BATCH = 4_000;
/** Summary cells written per context.sync. */
export const SUMMARY_CELLS = 20_000;

export const MARK_SHEET = 'CPD_marks';
const MARKS_PROPERTY = 'CPD.marks';
const FILL = {
  E: { fill: `#${MARK_COLOURS.error.fill}`, font: `#${MARK_COLOURS.error.font}` },
  W: { fill: `#${MARK_COLOURS.warning.fill}`, font: `#${MARK_COLOURS.warning.font}` },
} as const;

type Ctx = Excel.RequestContext;

export class ExcelWorkbook implements WorkbookPort {
  readonly kind: 'excel' | 'preview';
  stats: IoStats = { syncs: 0, chunks: 0, largestChunkCells: 0 };

  constructor(kind: 'excel' | 'preview' = 'excel') {
    this.kind = kind;
  }

  private async sync(ctx: Ctx): Promise<void> {
    this.stats.syncs++;
    await ctx.sync();
  }

  async readActiveSheet(onProgress?: ProgressFn, signal?: AbortSignal): Promise<SheetData> {
    return Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      ws.load('name');
      const used = ws.getUsedRangeOrNullObject(true);
      used.load(['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
      await this.sync(ctx);
      if (used.isNullObject) return { sheetName: ws.name, address: ws.name, firstRow: 1, firstCol: 1, rows: [] };
      const { rowIndex, columnIndex, rowCount, columnCount } = used;
      const perChunk = Math.max(1, Math.floor(READ_CELLS / columnCount));
      const rows: unknown[][] = [];
      for (let start = 0; start < rowCount; start += perChunk) {
        checkSignal(signal);
        const n = Math.min(perChunk, rowCount - start);
        const chunk = ws.getRangeByIndexes(rowIndex + start, columnIndex, n, columnCount);
        chunk.load('values');
        await this.sync(ctx);
        // Reads over 5 M cells can come back empty without an error: never pass that silently.
        if (!Array.isArray(chunk.values) || chunk.values.length !== n)
          throw new Error(`Excel returned no values for rows ${rowIndex + start + 1}–${rowIndex + start + n}`);
        for (const row of chunk.values) rows.push(row);
        this.stats.chunks++;
        this.stats.largestChunkCells = Math.max(this.stats.largestChunkCells, n * columnCount);
        onProgress?.('read', start + n, rowCount);
      }
      await this.fillMerged(ctx, used, rows, rowIndex, columnIndex);
      return { sheetName: ws.name, address: used.address, firstRow: rowIndex + 1, firstCol: columnIndex + 1, rows };
    });
  }

  /** A merged area reads as its top-left value followed by blanks: fill the blanks. */
  private async fillMerged(
    ctx: Ctx,
    used: Excel.Range,
    rows: unknown[][],
    rowIndex: number,
    columnIndex: number,
  ): Promise<void> {
    let areas: Excel.RangeAreas;
    try {
      areas = used.getMergedAreasOrNullObject();
      areas.load('areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount');
      await this.sync(ctx);
    } catch {
      return; // ExcelApi < 1.13: merged areas cannot be listed; they read as blanks
    }
    if (areas.isNullObject) return;
    for (const a of areas.areas.items) {
      const top = a.rowIndex - rowIndex;
      const left = a.columnIndex - columnIndex;
      const value = rows[top]?.[left];
      // within the rows and columns read: an area may reach far past the values (J1:XFD1048576)
      for (let r = Math.max(0, top); r < Math.min(top + a.rowCount, rows.length); r++) {
        const row = rows[r]!;
        for (let c = Math.max(0, left); c < Math.min(left + a.columnCount, row.length); c++)
          if (r !== top || c !== left) row[c] = value;
      }
    }
  }

  async writeMarks(sheet: SheetData, marks: Mark[], onProgress?: ProgressFn, signal?: AbortSignal): Promise<void> {
    await this.clearMarks();
    if (!marks.length || !sheet.rows.length) return;
    await Excel.run(async (ctx) => {
      const markSheet = ctx.workbook.worksheets.add(MARK_SHEET);
      markSheet.visibility = Excel.SheetVisibility.hidden;
      for (let i = 0; i < marks.length; i += WRITE_BATCH) {
        checkSignal(signal);
        for (const m of marks.slice(i, i + WRITE_BATCH)) {
          markSheet.getRangeByIndexes(m.row - 1, m.col - 1, 1, 1).values = [
            [`${m.severity === 'error' ? 'E' : 'W'} ${m.message}`],
          ];
        }
        await this.sync(ctx);
        onProgress?.('write', Math.min(i + WRITE_BATCH, marks.length), marks.length);
      }
      // a loop, not Math.max(...rows): a spread of 125 000 rows overflows the call stack
      let width = 0;
      for (const r of sheet.rows) if (r.length > width) width = r.length;
      const target = ctx.workbook.worksheets
        .getItem(sheet.sheetName)
        .getRangeByIndexes(sheet.firstRow - 1, sheet.firstCol - 1, sheet.rows.length, width);
      const topLeft = `${columnLetters(sheet.firstCol)}${sheet.firstRow}`;
      // Errors first: the first matching rule wins the fill.
      for (const kind of ['E', 'W'] as const) {
        const cf = target.conditionalFormats.add(Excel.ConditionalFormatType.custom);
        cf.custom.rule.formula = `=LEFT('${MARK_SHEET}'!${topLeft},1)="${kind}"`;
        cf.custom.format.fill.color = FILL[kind].fill;
        cf.custom.format.font.color = FILL[kind].font;
      }
      ctx.workbook.properties.custom.add(
        MARKS_PROPERTY,
        JSON.stringify({
          sheet: sheet.sheetName,
          row: sheet.firstRow,
          col: sheet.firstCol,
          rows: sheet.rows.length,
          cols: width,
        }),
      );
      await this.sync(ctx);
    });
  }

  async clearMarks(): Promise<number> {
    return Excel.run(async (ctx) => {
      const props = ctx.workbook.properties.custom;
      props.load('items/key,items/value');
      const markSheet = ctx.workbook.worksheets.getItemOrNullObject(MARK_SHEET);
      await this.sync(ctx);
      let removed = 0;
      const where = props.items.find((p) => p.key === MARKS_PROPERTY);
      if (where) {
        const w = JSON.parse(String(where.value)) as {
          sheet: string;
          row: number;
          col: number;
          rows: number;
          cols: number;
        };
        const ws = ctx.workbook.worksheets.getItemOrNullObject(w.sheet);
        await this.sync(ctx);
        // The whole sheet, not the rectangle marked: rows inserted above move the rules with
        // the cells. A sheet renamed since is found by its rules: every sheet is looked at.
        let sheets: Excel.Worksheet[] = [ws];
        if (ws.isNullObject) {
          const all = ctx.workbook.worksheets;
          all.load('items/name');
          await this.sync(ctx);
          sheets = all.items;
        }
        const collections = sheets.map((s) => s.getRange().conditionalFormats);
        for (const cfs of collections) cfs.load('items/type');
        await this.sync(ctx);
        const custom = collections.flatMap((cfs) =>
          cfs.items.filter((cf) => cf.type === Excel.ConditionalFormatType.custom),
        );
        for (const cf of custom) cf.custom.rule.load('formula');
        await this.sync(ctx);
        // only our own rules: they are the ones pointing at the mark sheet
        for (const cf of custom) {
          if (cf.custom.rule.formula.includes(MARK_SHEET)) {
            cf.delete();
            removed++;
          }
        }
        props.getItem(MARKS_PROPERTY).delete();
      }
      if (!markSheet.isNullObject) markSheet.delete();
      await this.sync(ctx);
      return removed;
    });
  }

  /** A new sheet under an unused name: a sheet the user made is never overwritten. */
  private async addSheet(ctx: Ctx, base: string): Promise<{ name: string; ws: Excel.Worksheet }> {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    await this.sync(ctx);
    const name = unusedName(
      sheets.items.map((s) => s.name),
      base,
    );
    return { name, ws: sheets.add(name) };
  }

  private async writeTable(ctx: Ctx, ws: Excel.Worksheet, table: Table, top: number, left: number): Promise<number> {
    const values = [table.headers, ...table.rows].map((r) => r.map((v) => (v === null ? '' : v)));
    const cols = table.headers.length;
    ws.getRangeByIndexes(top, left, 1, cols).format.font.bold = true;
    ws.getRangeByIndexes(top, left, 1, cols).format.fill.color = '#E8F3EC';
    const per = Math.max(1, Math.floor(SUMMARY_CELLS / cols));
    for (let i = 0; i < values.length; i += per) {
      const part = values.slice(i, i + per);
      const range = ws.getRangeByIndexes(top + i, left, part.length, cols);
      // Excel reads written text as typed input: an 18-digit ID would become a number
      // with 15 digits kept, "=…" a formula. Text cells are formatted as text first.
      range.numberFormat = part.map((r) => r.map((v) => (typeof v === 'string' ? '@' : 'General')));
      range.values = part as Array<Array<string | number | boolean>>;
      await this.sync(ctx);
    }
    return top + values.length;
  }

  async writeSummary(report: Report, lang: Lang, onProgress?: ProgressFn): Promise<string> {
    return Excel.run(async (ctx) => {
      const { name, ws } = await this.addSheet(ctx, lang === 'en' ? 'CPD summary' : '学分汇总');
      const t = summaryTables(report, lang);
      summaryHead(ws, report, lang);
      let row = await this.writeRates(ctx, ws, report, lang, 4);
      onProgress?.('write', 1, 3);
      for (const table of [t.cycles, t.years]) {
        ws.getRangeByIndexes(row, 0, 1, 1).values = [[table.name]];
        ws.getRangeByIndexes(row, 0, 1, 1).format.font.bold = true;
        const end = await this.writeTable(ctx, ws, table, row + 1, 0);
        ws.tables.add(ws.getRangeByIndexes(row + 1, 0, end - row - 1, table.headers.length), true);
        row = end + 1;
        onProgress?.('write', table === t.cycles ? 2 : 3, 3);
      }
      ws.getRangeByIndexes(0, 0, row, 9).format.autofitColumns();
      ws.activate();
      await this.sync(ctx);
      return name;
    });
  }

  /**
   * Pass rates per year (and per school), with their charts, first: what a head reads. Returns the row
   * below them (and below the charts beside them).
   */
  private async writeRates(ctx: Ctx, ws: Excel.Worksheet, report: Report, lang: Lang, top: number): Promise<number> {
    const en = lang === 'en';
    const rates = passRates(report);
    const rateTable: Table = {
      name: 'rates',
      headers: en ? ['Year', 'Assessed', 'Passed', 'Pass rate %'] : ['年度', '考核人数', '合格人数', '合格率%'],
      rows: rates.map((r) => [r.year, r.assessed, r.passed, r.rate]),
    };
    let row = (await this.writeTable(ctx, ws, rateTable, top, 0)) + 1;
    if (rates.length)
      rateChart(
        ws,
        Excel.ChartType.columnClustered,
        top,
        rates.length,
        en ? 'Pass rate by year (%)' : '各年度合格率（%）',
        {
          top: top + 1,
          bottom: top + 14,
        },
      );
    const bySchool: Table = {
      name: 'schools',
      headers: en ? ['School', 'Assessed years', 'Passed', 'Pass rate %'] : ['学校', '考核人次', '合格人次', '合格率%'],
      rows: schoolPassRates(report).map((x) => [x.school, x.assessed, x.passed, x.rate]),
    };
    if (bySchool.rows.length) {
      const at = row;
      row = (await this.writeTable(ctx, ws, bySchool, row, 0)) + 1;
      const chartTop = Math.max(at + 1, top + 16);
      rateChart(
        ws,
        Excel.ChartType.barClustered,
        at,
        bySchool.rows.length,
        en ? 'Pass rate by school (%)' : '各学校合格率（%）',
        {
          top: chartTop,
          bottom: chartTop + 14,
        },
      );
    }
    return Math.max(row, top + 31);
  }

  async insertTemplate(region: RegionId, lang: Lang): Promise<string> {
    return Excel.run(async (ctx) => {
      const { name, ws } = await this.addSheet(ctx, lang === 'en' ? 'Roster template' : '培训登记模板');
      const cols = templateColumns(RULES[region]);
      const header = ws.getRangeByIndexes(0, 0, 1, cols.length);
      header.values = [cols.map((c) => c.header)];
      header.format.font.bold = true;
      header.format.fill.color = '#E8F3EC';
      const ROWS = 1000;
      cols.forEach((c, i) => {
        const body = ws.getRangeByIndexes(1, i, ROWS, 1);
        if (c.numberFormat) body.numberFormat = Array.from({ length: ROWS }, () => [c.numberFormat!]);
        if (c.list) {
          body.dataValidation.rule = { list: { inCellDropDown: true, source: c.list.join(',') } };
          body.dataValidation.errorAlert = {
            showAlert: true,
            style: Excel.DataValidationAlertStyle.stop,
            title: c.header,
            message: c.list.join('、'),
          };
        }
        ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = c.width * 7;
      });
      ws.freezePanes.freezeRows(1);
      ws.activate();
      await this.sync(ctx);
      return name;
    });
  }

  async select(sheetName: string, row: number, col: number): Promise<void> {
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheetName);
      ws.activate();
      ws.getRangeByIndexes(row - 1, col - 1, 1, 1).select();
      await this.sync(ctx);
    });
  }

  async activeSheetName(): Promise<string> {
    return Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      ws.load('name');
      await this.sync(ctx);
      return ws.name;
    });
  }

  async writeCell(
    sheetName: string,
    row: number,
    col: number,
    value: CellValue,
    expected: unknown,
  ): Promise<CellValue> {
    return Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(sheetName);
      await this.sync(ctx);
      if (ws.isNullObject)
        throw new WorkbookError(t(`找不到工作表“${sheetName}”。`, `There is no sheet “${sheetName}” any more.`));
      const cell = ws.getRangeByIndexes(row - 1, col - 1, 1, 1);
      cell.load(['values', 'formulas']);
      await this.sync(ctx);
      const formula = cell.formulas[0]?.[0];
      if (typeof formula === 'string' && formula.startsWith('='))
        throw new WorkbookError(
          t(
            '该单元格是公式，未改动；请改公式引用的单元格。',
            'The cell holds a formula and was left as it is; change its source.',
          ),
        );
      const old = (cell.values[0]?.[0] ?? '') as CellValue;
      if (String(old) !== String(expected ?? ''))
        throw new WorkbookError(
          t(
            '该单元格在校验之后已被修改，未改动；请重新校验。',
            'The cell has changed since the validation and was left as it is; validate again.',
          ),
        );
      cell.values = [[value]];
      await this.sync(ctx);
      return old;
    });
  }

  async writeTableSheet(base: string, heading: string[], table: Table): Promise<string> {
    return Excel.run(async (ctx) => {
      const { name, ws } = await this.addSheet(ctx, base);
      heading.forEach((line, i) => (ws.getRangeByIndexes(i, 0, 1, 1).values = [[line]]));
      if (heading.length) ws.getRange('A1').format.font.bold = true;
      const top = heading.length ? heading.length + 1 : 0;
      const end = await this.writeTable(ctx, ws, table, top, 0);
      ws.tables.add(ws.getRangeByIndexes(top, 0, end - top, table.headers.length), true);
      ws.getRangeByIndexes(top, 0, end - top, table.headers.length).format.autofitColumns();
      ws.activate();
      await this.sync(ctx);
      return name;
    });
  }

  readSettings = readWorkbookSettings;
  writeSettings = writeWorkbookSettings;
}

/** The summary's title, the date its verdicts hold on, and whether they rest on a local value instead of the source's. */
function summaryHead(ws: Excel.Worksheet, report: Report, lang: Lang): void {
  const en = lang === 'en';
  ws.getRange('A1').values = [
    [
      en
        ? `CPD credits summary — ${report.source} — as of ${report.asOf}`
        : `教师培训学分汇总 — ${report.source} — 截至 ${report.asOf}`,
    ],
  ];
  ws.getRange('A1').format.font.bold = true;
  ws.getRange('A1').format.font.size = 14;
  ws.getRange('A2').values = [
    [en ? `As of ${report.asOf} · cycle ${report.cycle.note}` : `截至 ${report.asOf} · 周期 ${report.cycle.note}`],
  ];
  const note = overridesNote(report);
  if (note) {
    ws.getRange('A3').values = [[say(note, lang)]];
    ws.getRange('A3').format.font.bold = true;
    ws.getRange('A3').format.font.color = `#${MARK_COLOURS.warning.font}`;
  }
}

/**
 * A chart of a rate table written at row `top` (its header; `n` rows below): the rates of column D against
 * the names of column A, placed in F:M between the rows given (1-based).
 */
function rateChart(
  ws: Excel.Worksheet,
  type: Excel.ChartType,
  top: number,
  n: number,
  title: string,
  rows: { top: number; bottom: number },
): void {
  const chart = ws.charts.add(type, ws.getRangeByIndexes(top, 3, n + 1, 1), Excel.ChartSeriesBy.columns);
  chart.title.text = title;
  chart.series.getItemAt(0).setXAxisValues(ws.getRangeByIndexes(top + 1, 0, n, 1));
  chart.setPosition(`F${rows.top}`, `M${rows.bottom}`);
}
