// Worksheets of the in-memory Excel and what belongs to a sheet: charts, tables and
// frozen panes.
import { ClientCollection, ClientObject, Loadable, MemoryContext } from './client';
import {
  address,
  apiError,
  Box,
  boxA1,
  checkBox,
  checkSheetName,
  findSheet,
  intersects,
  MemoryChart,
  MemorySheet,
  MemoryTable,
  MemoryWorkbook,
  newSheet,
  parseA1,
  quoteSheet,
  sameName,
  setCell,
} from './model';
import { Range, usedBox } from './range';

const ids = new WeakMap<MemorySheet, string>();
let nextId = 0;
const idOf = (s: MemorySheet) => {
  let id = ids.get(s);
  if (!id) ids.set(s, (id = `{00000000-0001-0000-0000-${String(++nextId).padStart(12, '0')}}`));
  return id;
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** References to a sheet in a formula: 'Name'!A1, Name!A1:B2 (any case). */
function sheetRefs(name: string): RegExp {
  const quoted = `'${escape(name.replace(/'/g, "''"))}'`;
  return new RegExp(`(?:${quoted}|${escape(name)})!(\\$?[A-Z]{1,3}\\$?\\d+(?::\\$?[A-Z]{1,3}\\$?\\d+)?)`, 'gi');
}

/** Rewrite the conditional formats' references to a renamed or deleted sheet, as Excel does. */
function rewriteRefs(wb: MemoryWorkbook, from: string, to: string | null): void {
  const re = sheetRefs(from);
  for (const s of wb.sheets)
    for (const cf of s.cfs)
      cf.formula = cf.formula.replace(re, (_, ref: string) => (to ? `${quoteSheet(to)}!${ref}` : '#REF!'));
}

const visibleSheets = (wb: MemoryWorkbook) => wb.sheets.filter((s) => s.visibility === 'Visible');

export class Worksheet extends ClientObject<MemorySheet> {
  protected readonly _kind = 'Worksheet';

  static of(ctx: MemoryContext, sheet: MemorySheet): Worksheet {
    return new Worksheet(ctx, () => sheet);
  }

  protected override _gone(t: MemorySheet): boolean {
    return !this.ctx.wb.sheets.includes(t);
  }

  protected _scalars() {
    return {
      name: (t: MemorySheet) => t.name,
      id: idOf,
      position: (t: MemorySheet) => this.ctx.wb.sheets.indexOf(t),
      visibility: (t: MemorySheet) => t.visibility,
    };
  }

  protected override _navigation(name: string): Loadable | undefined {
    if (name === 'charts') return this.charts;
    if (name === 'tables') return this.tables;
    if (name === 'freezePanes') return this.freezePanes;
    return undefined;
  }

  get name(): string {
    return this._get('name');
  }
  set name(n: string) {
    this._set('name', n, (t, x) => {
      const wb = this.ctx.wb;
      const name = checkSheetName(wb, x, 'Worksheet.name', t);
      const old = t.name;
      t.name = name;
      if (sameName(wb.active, old)) wb.active = name;
      rewriteRefs(wb, old, name);
      this.ctx._wrote({ sheet: name, what: `name (was ${old})`, address: quoteSheet(name) });
    });
  }
  get id(): string {
    return this._get('id');
  }
  get position(): number {
    return this._get('position');
  }
  get visibility(): string {
    return this._get('visibility');
  }
  set visibility(v: string) {
    this._set('visibility', v, (t, x) => {
      const wb = this.ctx.wb;
      if (x !== 'Visible' && x !== 'Hidden' && x !== 'VeryHidden')
        throw apiError('InvalidArgument', 'Worksheet.visibility', String(x));
      if (x !== 'Visible' && t.visibility === 'Visible' && visibleSheets(wb).length === 1)
        throw apiError('InvalidOperation', 'Worksheet.visibility', 'a workbook keeps at least one visible sheet');
      t.visibility = x;
      if (x !== 'Visible' && sameName(wb.active, t.name)) wb.active = visibleSheets(wb)[0]!.name;
      this.ctx._wrote({ sheet: t.name, what: `visibility ${x}`, address: quoteSheet(t.name) });
    });
  }

  get charts(): ChartCollection {
    return this._child('charts', () => new ChartCollection(this.ctx, () => this._target()));
  }
  get tables(): TableCollection {
    return this._child('tables', () => new TableCollection(this.ctx, () => this._target()));
  }
  get freezePanes(): WorksheetFreezePanes {
    return this._child('freezePanes', () => new WorksheetFreezePanes(this.ctx, () => this._target()));
  }

  activate(): void {
    this._call('activate', [], (t) => {
      if (t.visibility !== 'Visible') throw apiError('InvalidOperation', 'Worksheet.activate', 'the sheet is hidden');
      this.ctx.wb.active = t.name;
    });
  }

  delete(): void {
    this._call('delete', [], (t) => {
      const wb = this.ctx.wb;
      if (t.visibility === 'Visible' && visibleSheets(wb).length === 1)
        throw apiError('InvalidOperation', 'Worksheet.delete', 'a workbook keeps at least one visible sheet');
      wb.sheets = wb.sheets.filter((s) => s !== t);
      if (sameName(wb.active, t.name)) wb.active = visibleSheets(wb)[0]?.name ?? '';
      if (wb.selection && sameName(wb.selection.sheet, t.name)) wb.selection = null;
      rewriteRefs(wb, t.name, null);
      this.ctx._wrote({ sheet: t.name, what: 'delete', address: quoteSheet(t.name) });
    });
  }

  private range(where: string, box: () => Box): Range {
    return new Range(this.ctx, () => {
      const sheet = this._target();
      if (!sheet) return null;
      const b = box();
      checkBox(b, where);
      return { sheet, box: b };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    return this.range('Worksheet.getRangeByIndexes', () => ({
      r: startRow,
      c: startColumn,
      nr: rowCount,
      nc: columnCount,
    }));
  }

  getRange(a1?: string): Range {
    return this.range('Worksheet.getRange', () => {
      if (a1 === undefined) return { r: 0, c: 0, nr: 1_048_576, nc: 16_384 };
      const sheet = this._target();
      const named = a1.includes('!') ? a1.slice(0, a1.lastIndexOf('!')).replace(/^'|'$/g, '') : null;
      if (sheet && named !== null && !sameName(named, sheet.name))
        throw apiError('InvalidArgument', 'Worksheet.getRange', `${a1} is on another sheet`);
      return parseA1(a1);
    });
  }

  getCell(row: number, column: number): Range {
    return this.range('Worksheet.getCell', () => ({ r: row, c: column, nr: 1, nc: 1 }));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return new Range(
      this.ctx,
      () => {
        const sheet = this._target();
        const box = sheet && usedBox(sheet, { r: 0, c: 0, nr: 1_048_576, nc: 16_384 }, valuesOnly === true);
        return sheet && box ? { sheet, box } : null;
      },
      { instantiate: 'Worksheet.getUsedRangeOrNullObject', args: [valuesOnly] },
    );
  }

  /** An empty sheet's used range is its top-left cell (Excel's getUsedRange). */
  getUsedRange(valuesOnly?: boolean): Range {
    return new Range(this.ctx, () => {
      const sheet = this._must('getUsedRange');
      const box = usedBox(sheet, { r: 0, c: 0, nr: 1_048_576, nc: 16_384 }, valuesOnly === true);
      return { sheet, box: box ?? { r: 0, c: 0, nr: 1, nc: 1 } };
    });
  }
}

export class WorksheetCollection extends ClientCollection<MemoryWorkbook, Worksheet> {
  protected readonly _kind = 'WorksheetCollection';

  protected _list(wb: MemoryWorkbook): Worksheet[] {
    return wb.sheets.map((s) => Worksheet.of(this.ctx, s));
  }

  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.ctx, () => {
      const wb = this._must('getActiveWorksheet');
      return findSheet(wb, wb.active) ?? visibleSheets(wb)[0] ?? null;
    });
  }

  /** By name (any case) or id. */
  private lookup(key: string): MemorySheet | null {
    const wb = this.ctx.wb;
    return findSheet(wb, key) ?? wb.sheets.find((s) => idOf(s) === key) ?? null;
  }

  getItem(key: string): Worksheet {
    return new Worksheet(this.ctx, () => {
      const s = this.lookup(key);
      if (!s) throw apiError('ItemNotFound', 'WorksheetCollection.getItem', key);
      return s;
    });
  }

  getItemOrNullObject(key: string): Worksheet {
    return new Worksheet(this.ctx, () => this.lookup(key), {
      instantiate: 'WorksheetCollection.getItemOrNullObject',
      args: [key],
    });
  }

  /** A new sheet at the end; not activated (as in Excel). */
  add(name?: string): Worksheet {
    return new Worksheet(
      this.ctx,
      () => {
        const wb = this.ctx.wb;
        let n = name;
        if (n === undefined || n === null) {
          let i = wb.sheets.length + 1;
          while (findSheet(wb, `Sheet${i}`)) i++;
          n = `Sheet${i}`;
        }
        const s = newSheet(checkSheetName(wb, n, 'WorksheetCollection.add'));
        wb.sheets.push(s);
        this.ctx._wrote({ sheet: s.name, what: 'add', address: quoteSheet(s.name) });
        return s;
      },
      { instantiate: 'WorksheetCollection.add', args: [name] },
    );
  }
}

// ---- charts ----------------------------------------------------------------------

export const CHART_TYPES = {
  columnClustered: 'ColumnClustered',
  columnStacked: 'ColumnStacked',
  barClustered: 'BarClustered',
  barStacked: 'BarStacked',
  line: 'Line',
  lineMarkers: 'LineMarkers',
  pie: 'Pie',
  doughnut: 'Doughnut',
  area: 'Area',
  xyscatter: 'XYScatter',
} as const;

interface ChartRef {
  sheet: MemorySheet;
  chart: MemoryChart;
}

/** A range argument (a Range, or an A1 address on the sheet), as a box on `sheet`. */
function boxOn(sheet: MemorySheet, arg: unknown, where: string): Box {
  if (arg instanceof Range) {
    const t = arg._target();
    if (!t) throw apiError('InvalidArgument', where, 'a null range');
    if (t.sheet !== sheet) throw apiError('NotImplemented', where, 'a range on another sheet');
    return t.box;
  }
  if (typeof arg === 'string') {
    if (arg.includes('!') && !sameName(arg.slice(0, arg.lastIndexOf('!')).replace(/^'|'$/g, ''), sheet.name))
      throw apiError('NotImplemented', where, 'an address on another sheet');
    return parseA1(arg);
  }
  throw apiError('InvalidArgument', where, JSON.stringify(arg));
}

/** Series as Excel makes them from a block: one per column (or row), a text first cell naming it. */
function seriesOf(sheet: MemorySheet, box: Box, by: 'Columns' | 'Rows'): MemoryChart['series'] {
  const out: MemoryChart['series'] = [];
  const n = by === 'Columns' ? box.nc : box.nr;
  const len = by === 'Columns' ? box.nr : box.nc;
  for (let k = 0; k < n; k++) {
    const first = by === 'Columns' ? sheet.rows[box.r]?.[box.c + k] : sheet.rows[box.r + k]?.[box.c];
    const named = typeof first === 'string' && first !== '' && len > 1;
    const skip = named ? 1 : 0;
    const values: Box =
      by === 'Columns'
        ? { r: box.r + skip, c: box.c + k, nr: box.nr - skip, nc: 1 }
        : { r: box.r + k, c: box.c + skip, nr: 1, nc: box.nc - skip };
    out.push({ name: named ? first : `Series${k + 1}`, values });
  }
  return out;
}

export class ChartCollection extends ClientCollection<MemorySheet, Chart> {
  protected readonly _kind = 'ChartCollection';

  protected _list(sheet: MemorySheet): Chart[] {
    return sheet.charts.map((chart) => new Chart(this.ctx, () => ({ sheet, chart })));
  }

  add(type: string, sourceData: Range, seriesBy: string = 'Auto'): Chart {
    return new Chart(
      this.ctx,
      () => {
        const sheet = this._must('add');
        const where = 'ChartCollection.add';
        if (!(Object.values(CHART_TYPES) as string[]).includes(type)) throw apiError('InvalidArgument', where, type);
        if (!['Auto', 'Columns', 'Rows'].includes(seriesBy)) throw apiError('InvalidArgument', where, seriesBy);
        const source = boxOn(sheet, sourceData, where);
        const by =
          seriesBy === 'Auto' ? (source.nr >= source.nc ? 'Columns' : 'Rows') : (seriesBy as 'Columns' | 'Rows');
        let i = sheet.charts.length + 1;
        while (sheet.charts.some((c) => c.name === `Chart ${i}`)) i++;
        const chart: MemoryChart = {
          name: `Chart ${i}`,
          type,
          title: '',
          seriesBy: by,
          source: { ...source },
          series: seriesOf(sheet, source, by),
        };
        sheet.charts.push(chart);
        this.ctx._wrote({ sheet: sheet.name, what: `charts.add ${type}`, address: address(sheet.name, source) });
        return { sheet, chart };
      },
      { instantiate: 'ChartCollection.add', args: [type, sourceData, seriesBy] },
    );
  }
}

export class Chart extends ClientObject<ChartRef> {
  protected readonly _kind = 'Chart';

  protected override _gone(t: ChartRef): boolean {
    return !t.sheet.charts.includes(t.chart) || !this.ctx.wb.sheets.includes(t.sheet);
  }

  protected _scalars() {
    return { name: (t: ChartRef) => t.chart.name, chartType: (t: ChartRef) => t.chart.type };
  }

  protected override _navigation(name: string): Loadable | undefined {
    return name === 'title' ? this.title : name === 'series' ? this.series : undefined;
  }

  get name(): string {
    return this._get('name');
  }
  get chartType(): string {
    return this._get('chartType');
  }
  get title(): ChartTitle {
    return this._child('title', () => new ChartTitle(this.ctx, () => this._target()));
  }
  get series(): ChartSeriesCollection {
    return this._child('series', () => new ChartSeriesCollection(this.ctx, () => this._target()));
  }

  setPosition(startCell: Range | string, endCell?: Range | string): void {
    this._call('setPosition', [startCell, endCell], (t) => {
      const start = boxA1(boxOn(t.sheet, startCell, 'Chart.setPosition'));
      const end = endCell === undefined ? undefined : boxA1(boxOn(t.sheet, endCell, 'Chart.setPosition'));
      t.chart.position = { start, ...(end ? { end } : {}) };
      this.ctx._wrote({ sheet: t.sheet.name, what: 'chart.setPosition', address: `${start}${end ? `:${end}` : ''}` });
    });
  }

  delete(): void {
    this._call('delete', [], (t) => {
      t.sheet.charts = t.sheet.charts.filter((c) => c !== t.chart);
      this.ctx._wrote({ sheet: t.sheet.name, what: 'chart.delete', address: t.chart.name });
    });
  }
}

export class ChartTitle extends ClientObject<ChartRef> {
  protected readonly _kind = 'ChartTitle';
  protected _scalars() {
    return { text: (t: ChartRef) => t.chart.title, visible: (t: ChartRef) => t.chart.title !== '' };
  }
  get text(): string {
    return this._get('text');
  }
  set text(s: string) {
    this._set('text', s, (t, x) => {
      t.chart.title = String(x);
      this.ctx._wrote({ sheet: t.sheet.name, what: 'chart.title', address: t.chart.name });
    });
  }
}

interface SeriesRef extends ChartRef {
  index: number;
}

export class ChartSeriesCollection extends ClientCollection<ChartRef, ChartSeries> {
  protected readonly _kind = 'ChartSeriesCollection';

  protected _list(t: ChartRef): ChartSeries[] {
    return t.chart.series.map((_, index) => new ChartSeries(this.ctx, () => ({ ...t, index })));
  }

  getItemAt(index: number): ChartSeries {
    return new ChartSeries(this.ctx, () => {
      const t = this._must('getItemAt');
      if (!t.chart.series[index]) throw apiError('InvalidArgument', 'ChartSeriesCollection.getItemAt', String(index));
      return { ...t, index };
    });
  }
}

export class ChartSeries extends ClientObject<SeriesRef> {
  protected readonly _kind = 'ChartSeries';
  protected _scalars() {
    return { name: (t: SeriesRef) => t.chart.series[t.index]!.name };
  }
  get name(): string {
    return this._get('name');
  }
  set name(n: string) {
    this._set('name', n, (t, x) => (t.chart.series[t.index]!.name = String(x)));
  }
  setXAxisValues(sourceData: Range): void {
    this._call('setXAxisValues', [sourceData], (t) => {
      t.chart.series[t.index]!.xValues = { ...boxOn(t.sheet, sourceData, 'ChartSeries.setXAxisValues') };
      this.ctx._wrote({ sheet: t.sheet.name, what: 'chart.series.xValues', address: t.chart.name });
    });
  }
  setValues(sourceData: Range): void {
    this._call('setValues', [sourceData], (t) => {
      t.chart.series[t.index]!.values = { ...boxOn(t.sheet, sourceData, 'ChartSeries.setValues') };
      this.ctx._wrote({ sheet: t.sheet.name, what: 'chart.series.values', address: t.chart.name });
    });
  }
}

// ---- tables ----------------------------------------------------------------------

interface TableRef {
  sheet: MemorySheet;
  table: MemoryTable;
}

/** Header texts as Excel makes them: text, blanks named ColumnN, repeats numbered. */
function headerTexts(sheet: MemorySheet, box: Box): string[] {
  const out: string[] = [];
  for (let j = 0; j < box.nc; j++) {
    const v = sheet.rows[box.r]?.[box.c + j];
    let h = v === undefined || v === '' ? `Column${j + 1}` : String(v);
    const base = h;
    for (let k = 2; out.some((x) => sameName(x, h)); k++) h = `${base}${k}`;
    out.push(h);
  }
  return out;
}

export class TableCollection extends ClientCollection<MemorySheet, Table> {
  protected readonly _kind = 'TableCollection';

  protected _list(sheet: MemorySheet): Table[] {
    return sheet.tables.map((table) => new Table(this.ctx, () => ({ sheet, table })));
  }

  add(addressOrRange: Range | string, hasHeaders: boolean): Table {
    return new Table(
      this.ctx,
      () => {
        const sheet = this._must('add');
        const where = 'TableCollection.add';
        const box = boxOn(sheet, addressOrRange, where);
        if (!hasHeaders) throw apiError('NotImplemented', where, 'a table without a header row (Excel inserts one)');
        if (sheet.tables.some((t) => intersects(t, box)))
          throw apiError('InvalidOperation', where, 'tables cannot overlap');
        if (sheet.merges.some((m) => intersects(m, box)))
          throw apiError('InvalidOperation', where, 'a table cannot hold merged cells');
        const taken = this.ctx.wb.sheets.flatMap((s) => s.tables.map((t) => t.name));
        let i = 1;
        while (taken.some((n) => sameName(n, `Table${i}`))) i++;
        const headers = headerTexts(sheet, box);
        headers.forEach((h, j) => setCell(sheet, box.r, box.c + j, h));
        const table: MemoryTable = { ...box, name: `Table${i}`, hasHeaders, headers };
        sheet.tables.push(table);
        this.ctx._wrote({ sheet: sheet.name, what: 'tables.add', address: address(sheet.name, box) });
        return { sheet, table };
      },
      { instantiate: 'TableCollection.add', args: [addressOrRange, hasHeaders] },
    );
  }
}

export class Table extends ClientObject<TableRef> {
  protected readonly _kind = 'Table';

  protected override _gone(t: TableRef): boolean {
    return !t.sheet.tables.includes(t.table) || !this.ctx.wb.sheets.includes(t.sheet);
  }

  protected _scalars() {
    return { name: (t: TableRef) => t.table.name, showHeaders: (t: TableRef) => t.table.hasHeaders };
  }
  get name(): string {
    return this._get('name');
  }
  get showHeaders(): boolean {
    return this._get('showHeaders');
  }
  private part(make: (b: Box) => Box): Range {
    return new Range(this.ctx, () => {
      const t = this._target();
      return t && { sheet: t.sheet, box: make(t.table) };
    });
  }
  getRange(): Range {
    return this.part((b) => ({ r: b.r, c: b.c, nr: b.nr, nc: b.nc }));
  }
  getHeaderRowRange(): Range {
    return this.part((b) => ({ r: b.r, c: b.c, nr: 1, nc: b.nc }));
  }
  getDataBodyRange(): Range {
    return this.part((b) => ({ r: b.r + 1, c: b.c, nr: Math.max(1, b.nr - 1), nc: b.nc }));
  }
  delete(): void {
    this._call('delete', [], (t) => {
      t.sheet.tables = t.sheet.tables.filter((x) => x !== t.table);
      this.ctx._wrote({ sheet: t.sheet.name, what: 'table.delete', address: address(t.sheet.name, t.table) });
    });
  }
}

// ---- frozen panes ---------------------------------------------------------------

export class WorksheetFreezePanes extends ClientObject<MemorySheet> {
  protected readonly _kind = 'WorksheetFreezePanes';
  protected _scalars() {
    return {};
  }
  private freeze(what: string, rows: number | null, cols: number | null): void {
    this._call(what, [rows, cols], (t) => {
      for (const n of [rows, cols])
        if (n !== null && !(Number.isInteger(n) && n >= 0))
          throw apiError('InvalidArgument', `WorksheetFreezePanes.${what}`, String(n));
      t.frozenRows = rows ?? 0;
      t.frozenColumns = cols ?? 0;
      this.ctx._wrote({ sheet: t.name, what: `freezePanes.${what}`, address: `${t.frozenRows},${t.frozenColumns}` });
    });
  }
  freezeRows(count = 1): void {
    this.freeze('freezeRows', count, null);
  }
  freezeColumns(count = 1): void {
    this.freeze('freezeColumns', null, count);
  }
  freezeAt(frozenRange: Range | string): void {
    this._call('freezeAt', [frozenRange], (t) => {
      const b = boxOn(t, frozenRange, 'WorksheetFreezePanes.freezeAt');
      t.frozenRows = b.r + b.nr;
      t.frozenColumns = b.c + b.nc;
      this.ctx._wrote({ sheet: t.name, what: 'freezePanes.freezeAt', address: boxA1(b) });
    });
  }
  unfreeze(): void {
    this.freeze('unfreeze', 0, 0);
  }
}
