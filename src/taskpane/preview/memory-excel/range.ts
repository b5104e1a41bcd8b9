// Ranges of the in-memory Excel: values, formulas and number formats (written as
// Excel interprets input, with its dimension checks), formats, merged areas, special
// cells, used ranges, calculation and selection; and what hangs off a range:
// conditional formats and data validation.
import { ClientCollection, ClientObject, Loadable, MemoryContext } from './client';
import {
  address,
  apiError,
  boxA1,
  Box,
  Cf,
  cellKey,
  cellValue,
  checkBox,
  CELL_LIMIT,
  checkCells,
  enter,
  Fmt,
  inside,
  intersects,
  MemorySheet,
  MemoryValidation,
  setCell,
  Value,
} from './model';

export interface RangeRef {
  sheet: MemorySheet;
  box: Box;
}

type Find<T> = () => T | null;

const sheetGone = (ctx: MemoryContext, sheet: MemorySheet) => !ctx.wb.sheets.includes(sheet);

function cells(box: Box, f: (r: number, c: number, i: number, j: number) => void): void {
  if (box.nr * box.nc > CELL_LIMIT) throw apiError('NotImplemented', 'Range', 'more than 5 million cells at once');
  for (let i = 0; i < box.nr; i++) for (let j = 0; j < box.nc; j++) f(box.r + i, box.c + j, i, j);
}

/** A 2-D input must match the range; a single value (not an array) goes to every cell. */
function grid(input: unknown, box: Box, where: string): (i: number, j: number) => unknown {
  if (!Array.isArray(input)) return () => input;
  const ok = input.length === box.nr && input.every((row) => Array.isArray(row) && row.length === box.nc);
  if (!ok)
    throw apiError(
      'InvalidArgument',
      where,
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range",
    );
  return (i, j) => (input[i] as unknown[])[j];
}

function fmtOf(sheet: MemorySheet, r: number, c: number): Fmt | undefined {
  return sheet.formats.get(cellKey(r, c));
}

function editFmt(sheet: MemorySheet, r: number, c: number, f: (fmt: Fmt) => void): void {
  const k = cellKey(r, c);
  const fmt = { ...(sheet.formats.get(k) ?? {}) };
  f(fmt);
  for (const key of Object.keys(fmt) as Array<keyof Fmt>) if (fmt[key] === undefined) delete fmt[key];
  if (Object.keys(fmt).length) sheet.formats.set(k, fmt);
  else sheet.formats.delete(k);
}

/** One value for every cell, or null when the cells differ (as Excel reports a mixed format). */
function common<V>(box: Box, read: (r: number, c: number) => V): V | null {
  let first: V | undefined;
  let same = true;
  cells(box, (r, c, i, j) => {
    const v = read(r, c);
    if (i === 0 && j === 0) first = v;
    else if (v !== first) same = false;
  });
  return same ? (first as V) : null;
}

export function readValues(t: RangeRef): Value[][] {
  checkCells(t.box, 'Range.values');
  const out: Value[][] = [];
  for (let i = 0; i < t.box.nr; i++) {
    const src = t.sheet.rows[t.box.r + i];
    const row: Value[] = new Array(t.box.nc);
    for (let j = 0; j < t.box.nc; j++) row[j] = src?.[t.box.c + j] ?? '';
    out.push(row);
  }
  return out;
}

function writeCells(ctx: MemoryContext, t: RangeRef, input: unknown, what: 'values' | 'formulas'): void {
  const at = grid(input, t.box, `Range.${what}`);
  cells(t.box, (r, c, i, j) => {
    const e = enter(at(i, j), fmtOf(t.sheet, r, c)?.numberFormat, `Range.${what}`);
    if (!e) return;
    setCell(t.sheet, r, c, e.value);
    if (e.formula) t.sheet.formulas.set(cellKey(r, c), e.formula);
    else t.sheet.formulas.delete(cellKey(r, c));
    if (e.numberFormat && !fmtOf(t.sheet, r, c)?.numberFormat)
      editFmt(t.sheet, r, c, (f) => (f.numberFormat = e.numberFormat));
  });
  ctx._wrote({ sheet: t.sheet.name, what, address: address(t.sheet.name, t.box) });
}

function writeFormats(ctx: MemoryContext, t: RangeRef, what: string, each: (fmt: Fmt) => void): void {
  cells(t.box, (r, c) => editFmt(t.sheet, r, c, each));
  ctx._wrote({ sheet: t.sheet.name, what, address: address(t.sheet.name, t.box) });
}

/** The used part of `box`: cells with a value or formula (valuesOnly), or with formats too. */
export function usedBox(sheet: MemorySheet, box: Box, valuesOnly: boolean): Box | null {
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = -1;
  let c1 = -1;
  const take = (r: number, c: number) => {
    if (!inside(r, c, box)) return;
    r0 = Math.min(r0, r);
    r1 = Math.max(r1, r);
    c0 = Math.min(c0, c);
    c1 = Math.max(c1, c);
  };
  sheet.rows.forEach((row, r) =>
    row?.forEach((v, c) => {
      if (v !== '' && v !== null && v !== undefined) take(r, c);
    }),
  );
  const keys = [...sheet.formulas.keys(), ...(valuesOnly ? [] : [...sheet.formats.keys()])];
  for (const key of keys) {
    const [r, c] = key.split(',').map(Number) as [number, number];
    take(r, c);
  }
  return r1 < 0 ? null : { r: r0, c: c0, nr: r1 - r0 + 1, nc: c1 - c0 + 1 };
}

/** Cells as areas: each column's vertical runs, or each row's horizontal runs joined downwards. */
function areasOf(points: Array<[number, number]>, split: 'columns' | 'rows'): Box[] {
  const out: Box[] = [];
  if (split === 'columns') {
    points.sort(([r1, c1], [r2, c2]) => c1 - c2 || r1 - r2);
    for (const [r, c] of points) {
      const last = out[out.length - 1];
      if (last && last.c === c && last.r + last.nr === r) last.nr++;
      else out.push({ r, c, nr: 1, nc: 1 });
    }
    return out;
  }
  points.sort(([r1, c1], [r2, c2]) => r1 - r2 || c1 - c2);
  const runs: Box[] = [];
  for (const [r, c] of points) {
    const last = runs[runs.length - 1];
    if (last && last.r === r && last.c + last.nc === c) last.nc++;
    else runs.push({ r, c, nr: 1, nc: 1 });
  }
  for (const run of runs) {
    const above = out.find((b) => b.c === run.c && b.nc === run.nc && b.r + b.nr === run.r);
    if (above) above.nr++;
    else out.push(run);
  }
  return out;
}

export interface AreasRef {
  sheet: MemorySheet;
  areas: Box[];
}

function specialCells(ctx: MemoryContext, t: RangeRef, type: unknown, valueType: unknown): AreasRef | null {
  if (valueType !== undefined) throw apiError('NotImplemented', 'Range.getSpecialCells', 'cellValueType');
  const points: Array<[number, number]> = [];
  const formula = (r: number, c: number) => t.sheet.formulas.has(cellKey(r, c));
  const blank = (r: number, c: number) => cellValue(t.sheet, r, c) === '' && !formula(r, c);
  const test =
    type === 'Formulas'
      ? formula
      : type === 'Constants'
        ? (r: number, c: number) => !blank(r, c) && !formula(r, c)
        : type === 'Blanks'
          ? blank
          : null;
  if (!test) throw apiError('NotImplemented', 'Range.getSpecialCells', String(type));
  if (type === 'Formulas') {
    for (const key of t.sheet.formulas.keys()) {
      const [r, c] = key.split(',').map(Number) as [number, number];
      if (inside(r, c, t.box)) points.push([r, c]);
    }
  } else {
    // only the used part of the range can hold such cells
    const used = usedBox(t.sheet, t.box, true);
    if (used) cells(used, (r, c) => test(r, c) && points.push([r, c]));
  }
  return points.length ? { sheet: t.sheet, areas: areasOf(points, ctx.wb.options.specialCells) } : null;
}

export class Range extends ClientObject<RangeRef> {
  protected readonly _kind = 'Range';

  protected override _gone(t: RangeRef): boolean {
    return sheetGone(this.ctx, t.sheet);
  }

  protected _scalars() {
    return {
      address: (t: RangeRef) => address(t.sheet.name, t.box),
      addressLocal: (t: RangeRef) => address(t.sheet.name, t.box),
      rowIndex: (t: RangeRef) => t.box.r,
      columnIndex: (t: RangeRef) => t.box.c,
      rowCount: (t: RangeRef) => t.box.nr,
      columnCount: (t: RangeRef) => t.box.nc,
      cellCount: (t: RangeRef) => t.box.nr * t.box.nc,
      values: readValues,
      text: (t: RangeRef) => readValues(t).map((row) => row.map(String)),
      formulas: (t: RangeRef) =>
        readValues(t).map((row, i) => row.map((v, j) => t.sheet.formulas.get(cellKey(t.box.r + i, t.box.c + j)) ?? v)),
      numberFormat: (t: RangeRef) =>
        readValues(t).map((row, i) =>
          row.map((_, j) => fmtOf(t.sheet, t.box.r + i, t.box.c + j)?.numberFormat ?? 'General'),
        ),
    };
  }

  protected override _navigation(name: string): Loadable | undefined {
    if (name === 'format') return this.format;
    if (name === 'conditionalFormats') return this.conditionalFormats;
    if (name === 'dataValidation') return this.dataValidation;
    return undefined;
  }

  get address(): string {
    return this._get('address');
  }
  get addressLocal(): string {
    return this._get('addressLocal');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
  get text(): string[][] {
    return this._get('text');
  }
  get values(): Value[][] {
    return this._get('values');
  }
  set values(v: Value[][]) {
    this._set('values', v, (t, x) => writeCells(this.ctx, t, x, 'values'));
  }
  get formulas(): Value[][] {
    return this._get('formulas');
  }
  set formulas(v: Value[][]) {
    this._set('formulas', v, (t, x) => writeCells(this.ctx, t, x, 'formulas'));
  }
  get numberFormat(): string[][] {
    return this._get('numberFormat');
  }
  set numberFormat(v: string[][]) {
    this._set('numberFormat', v, (t, x) => {
      const at = grid(x, t.box, 'Range.numberFormat');
      cells(t.box, (r, c, i, j) => {
        const f = at(i, j);
        if (f === null || f === undefined) return;
        if (typeof f !== 'string') throw apiError('InvalidArgument', 'Range.numberFormat', JSON.stringify(f));
        editFmt(t.sheet, r, c, (fmt) => (fmt.numberFormat = f === 'General' ? undefined : f));
      });
      this.ctx._wrote({ sheet: t.sheet.name, what: 'numberFormat', address: address(t.sheet.name, t.box) });
    });
  }

  get format(): RangeFormat {
    return this._child('format', () => new RangeFormat(this.ctx, () => this._target()));
  }
  get conditionalFormats(): ConditionalFormatCollection {
    return this._child('conditionalFormats', () => new ConditionalFormatCollection(this.ctx, () => this._target()));
  }
  get dataValidation(): DataValidation {
    return this._child('dataValidation', () => new DataValidation(this.ctx, () => this._target()));
  }

  /** A range relative to this one (0-based offsets), checked when a sync reaches it. */
  private relative(where: string, make: (t: RangeRef) => Box): Range {
    return new Range(this.ctx, () => {
      const t = this._target();
      if (!t) return null;
      const box = make(t);
      checkBox(box, where);
      return { sheet: t.sheet, box };
    });
  }

  getCell(row: number, column: number): Range {
    return this.relative('Range.getCell', (t) => ({ r: t.box.r + row, c: t.box.c + column, nr: 1, nc: 1 }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this.relative('Range.getOffsetRange', (t) => ({
      ...t.box,
      r: t.box.r + rowOffset,
      c: t.box.c + columnOffset,
    }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this.relative('Range.getResizedRange', (t) => ({
      ...t.box,
      nr: t.box.nr + deltaRows,
      nc: t.box.nc + deltaColumns,
    }));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    const find: Find<RangeRef> = () => {
      const t = this._target();
      const box = t && usedBox(t.sheet, t.box, valuesOnly === true);
      return t && box ? { sheet: t.sheet, box } : null;
    };
    return new Range(this.ctx, find, { instantiate: 'Range.getUsedRangeOrNullObject', args: [valuesOnly] });
  }

  getMergedAreasOrNullObject(): RangeAreas {
    const find: Find<AreasRef> = () => {
      const t = this._target();
      const areas = t ? t.sheet.merges.filter((m) => intersects(m, t.box)).map((m) => ({ ...m })) : [];
      return t && areas.length ? { sheet: t.sheet, areas } : null;
    };
    return new RangeAreas(this.ctx, find, { instantiate: 'Range.getMergedAreasOrNullObject' });
  }

  getSpecialCellsOrNullObject(cellType: string, cellValueType?: string): RangeAreas {
    const find: Find<AreasRef> = () => {
      const t = this._target();
      return t && specialCells(this.ctx, t, cellType, cellValueType);
    };
    return new RangeAreas(this.ctx, find, { instantiate: 'Range.getSpecialCellsOrNullObject', args: [cellType] });
  }

  getSpecialCells(cellType: string, cellValueType?: string): RangeAreas {
    const find: Find<AreasRef> = () => {
      const found = specialCells(this.ctx, this._must('getSpecialCells'), cellType, cellValueType);
      if (!found) throw apiError('ItemNotFound', 'Range.getSpecialCells', 'no cells were found');
      return found;
    };
    return new RangeAreas(this.ctx, find, { instantiate: 'Range.getSpecialCells', args: [cellType] });
  }

  calculate(): void {
    this._call('calculate', [], (t) => {
      this.ctx.wb.calculated.push(address(t.sheet.name, t.box));
      this.ctx.wb.onCalculate?.(t.sheet, { ...t.box });
    });
  }

  select(): void {
    this._call('select', [], (t) => {
      if (t.sheet.visibility !== 'Visible') throw apiError('InvalidOperation', 'Range.select', 'the sheet is hidden');
      this.ctx.wb.active = t.sheet.name;
      this.ctx.wb.selection = { sheet: t.sheet.name, row: t.box.r + 1, col: t.box.c + 1 };
    });
  }

  /** Clear contents (and formats, for "All" or "Formats"), as Range.clear does. */
  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    this._call('clear', [applyTo], (t) => {
      cells(t.box, (r, c) => {
        if (applyTo !== 'Formats' && t.sheet.rows[r]?.[c] !== undefined) setCell(t.sheet, r, c, '');
        if (applyTo !== 'Formats') t.sheet.formulas.delete(cellKey(r, c));
        if (applyTo !== 'Contents') t.sheet.formats.delete(cellKey(r, c));
      });
      this.ctx._wrote({ sheet: t.sheet.name, what: `clear ${applyTo}`, address: address(t.sheet.name, t.box) });
    });
  }

  /** Bind to a known range (collection items, the add-in's own ranges in tests). */
  static of(ctx: MemoryContext, ref: RangeRef): Range {
    return new Range(ctx, () => ref);
  }
}

export class RangeAreas extends ClientObject<AreasRef> {
  protected readonly _kind = 'RangeAreas';

  protected override _gone(t: AreasRef): boolean {
    return sheetGone(this.ctx, t.sheet);
  }

  protected _scalars() {
    return {
      address: (t: AreasRef) => t.areas.map((b) => address(t.sheet.name, b)).join(','),
      areaCount: (t: AreasRef) => t.areas.length,
      cellCount: (t: AreasRef) => t.areas.reduce((n, b) => n + b.nr * b.nc, 0),
    };
  }

  protected override _navigation(name: string): Loadable | undefined {
    return name === 'areas' ? this.areas : undefined;
  }

  get address(): string {
    return this._get('address');
  }
  get areaCount(): number {
    return this._get('areaCount');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
  get areas(): RangeCollection {
    return this._child('areas', () => new RangeCollection(this.ctx, () => this._target()));
  }
}

export class RangeCollection extends ClientCollection<AreasRef, Range> {
  protected readonly _kind = 'RangeCollection';
  protected _list(t: AreasRef): Range[] {
    return t.areas.map((box) => Range.of(this.ctx, { sheet: t.sheet, box }));
  }
}

export class RangeFormat extends ClientObject<RangeRef> {
  protected readonly _kind = 'RangeFormat';

  protected _scalars() {
    return {
      columnWidth: (t: RangeRef) => {
        const widths = new Set(Array.from({ length: t.box.nc }, (_, j) => t.sheet.columnWidths.get(t.box.c + j) ?? 48));
        return widths.size === 1 ? [...widths][0] : null;
      },
      rowHeight: () => 15,
      wrapText: (t: RangeRef) => common(t.box, (r, c) => fmtOf(t.sheet, r, c)?.wrapText ?? false),
      horizontalAlignment: (t: RangeRef) =>
        common(t.box, (r, c) => fmtOf(t.sheet, r, c)?.horizontalAlignment ?? 'General'),
    };
  }

  protected override _navigation(name: string): Loadable | undefined {
    return name === 'font' ? this.font : name === 'fill' ? this.fill : undefined;
  }

  get font(): RangeFont {
    return this._child('font', () => new RangeFont(this.ctx, () => this._target()));
  }
  get fill(): RangeFill {
    return this._child('fill', () => new RangeFill(this.ctx, () => this._target()));
  }
  get columnWidth(): number {
    return this._get('columnWidth');
  }
  set columnWidth(w: number) {
    this._set('columnWidth', w, (t, x) => {
      if (typeof x !== 'number' || !(x >= 0)) throw apiError('InvalidArgument', 'RangeFormat.columnWidth', String(x));
      for (let c = t.box.c; c < t.box.c + t.box.nc; c++) t.sheet.columnWidths.set(c, x);
      this.ctx._wrote({ sheet: t.sheet.name, what: 'format.columnWidth', address: address(t.sheet.name, t.box) });
    });
  }
  get wrapText(): boolean {
    return this._get('wrapText');
  }
  set wrapText(b: boolean) {
    this._set('wrapText', b, (t, x) => writeFormats(this.ctx, t, 'format.wrapText', (f) => (f.wrapText = !!x)));
  }
  get horizontalAlignment(): string {
    return this._get('horizontalAlignment');
  }
  set horizontalAlignment(a: string) {
    this._set('horizontalAlignment', a, (t, x) =>
      writeFormats(this.ctx, t, 'format.horizontalAlignment', (f) => (f.horizontalAlignment = String(x))),
    );
  }
  autofitColumns(): void {
    // layout only: nothing the workbook keeps changes
    this._call('autofitColumns', [], (t) =>
      this.ctx._wrote({ sheet: t.sheet.name, what: 'format.autofitColumns', address: address(t.sheet.name, t.box) }),
    );
  }
  autofitRows(): void {
    this._call('autofitRows', [], (t) =>
      this.ctx._wrote({ sheet: t.sheet.name, what: 'format.autofitRows', address: address(t.sheet.name, t.box) }),
    );
  }
}

export class RangeFont extends ClientObject<RangeRef> {
  protected readonly _kind = 'RangeFont';

  protected _scalars() {
    const read =
      <K extends keyof Fmt>(k: K, dflt: Fmt[K]) =>
      (t: RangeRef) =>
        common(t.box, (r, c) => fmtOf(t.sheet, r, c)?.[k] ?? dflt);
    return {
      bold: read('bold', false),
      italic: read('italic', false),
      size: read('size', 11),
      color: read('color', '#000000'),
      name: read('fontName', 'Calibri'),
    };
  }

  private edit(prop: string, v: unknown, each: (f: Fmt, x: unknown) => void): void {
    this._set(prop, v, (t, x) => writeFormats(this.ctx, t, `format.font.${prop}`, (f) => each(f, x)));
  }

  get bold(): boolean {
    return this._get('bold');
  }
  set bold(b: boolean) {
    this.edit('bold', b, (f, x) => (f.bold = x ? true : undefined));
  }
  get italic(): boolean {
    return this._get('italic');
  }
  set italic(b: boolean) {
    this.edit('italic', b, (f, x) => (f.italic = x ? true : undefined));
  }
  get size(): number {
    return this._get('size');
  }
  set size(n: number) {
    this.edit('size', n, (f, x) => {
      if (typeof x !== 'number' || !(x >= 1 && x <= 409))
        throw apiError('InvalidArgument', 'RangeFont.size', String(x));
      f.size = x;
    });
  }
  get color(): string {
    return this._get('color');
  }
  set color(c: string) {
    this.edit('color', c, (f, x) => (f.color = String(x)));
  }
  get name(): string {
    return this._get('name');
  }
  set name(n: string) {
    this.edit('name', n, (f, x) => (f.fontName = String(x)));
  }
}

export class RangeFill extends ClientObject<RangeRef> {
  protected readonly _kind = 'RangeFill';

  protected _scalars() {
    return { color: (t: RangeRef) => common(t.box, (r, c) => fmtOf(t.sheet, r, c)?.fill ?? '#FFFFFF') };
  }

  get color(): string {
    return this._get('color');
  }
  set color(c: string) {
    this._set('color', c, (t, x) => writeFormats(this.ctx, t, 'format.fill.color', (f) => (f.fill = String(x))));
  }
  clear(): void {
    this._call('clear', [], (t) => writeFormats(this.ctx, t, 'format.fill.clear', (f) => (f.fill = undefined)));
  }
}

// ---- conditional formats --------------------------------------------------------

interface CfRef {
  sheet: MemorySheet;
  cf: Cf;
}

const CF_TYPES = [
  'Custom',
  'DataBar',
  'ColorScale',
  'IconSet',
  'TopBottom',
  'PresetCriteria',
  'ContainsText',
  'CellValue',
] as const;

let cfIds = 0;

export class ConditionalFormatCollection extends ClientCollection<RangeRef, ConditionalFormat> {
  protected readonly _kind = 'ConditionalFormatCollection';

  /** The conditional formats that intersect the range, as Excel lists them. */
  protected _list(t: RangeRef): ConditionalFormat[] {
    return t.sheet.cfs.filter((cf) => intersects(cf, t.box)).map((cf) => ConditionalFormat.of(this.ctx, t.sheet, cf));
  }

  add(type: string): ConditionalFormat {
    return new ConditionalFormat(
      this.ctx,
      () => {
        const t = this._must('add');
        if (!(CF_TYPES as readonly string[]).includes(type))
          throw apiError('InvalidArgument', 'ConditionalFormatCollection.add', String(type));
        const cf: Cf = { id: ++cfIds, ...t.box, type, formula: '' };
        t.sheet.cfs.push(cf);
        this.ctx._wrote({
          sheet: t.sheet.name,
          what: `conditionalFormats.add ${type}`,
          address: address(t.sheet.name, t.box),
        });
        return { sheet: t.sheet, cf };
      },
      { instantiate: 'ConditionalFormatCollection.add', args: [type] },
    );
  }

  clearAll(): void {
    this._call('clearAll', [], (t) => {
      t.sheet.cfs = t.sheet.cfs.filter((cf) => !intersects(cf, t.box));
      this.ctx._wrote({
        sheet: t.sheet.name,
        what: 'conditionalFormats.clearAll',
        address: address(t.sheet.name, t.box),
      });
    });
  }
}

export class ConditionalFormat extends ClientObject<CfRef> {
  protected readonly _kind = 'ConditionalFormat';

  static of(ctx: MemoryContext, sheet: MemorySheet, cf: Cf): ConditionalFormat {
    return new ConditionalFormat(ctx, () => ({ sheet, cf }));
  }

  protected override _gone(t: CfRef): boolean {
    return !t.sheet.cfs.includes(t.cf) || sheetGone(this.ctx, t.sheet);
  }

  protected _scalars() {
    return {
      type: (t: CfRef) => t.cf.type,
      id: (t: CfRef) => String(t.cf.id),
      priority: (t: CfRef) => t.sheet.cfs.indexOf(t.cf),
      stopIfTrue: () => false,
    };
  }

  protected override _navigation(name: string): Loadable | undefined {
    return name === 'custom' ? this.custom : undefined;
  }

  get type(): string {
    return this._get('type');
  }
  get id(): string {
    return this._get('id');
  }
  get priority(): number {
    return this._get('priority');
  }

  /** The custom (formula) rule; only a conditional format of type Custom has one. */
  get custom(): CustomConditionalFormat {
    return this._child(
      'custom',
      () =>
        new CustomConditionalFormat(this.ctx, () => {
          const t = this._target();
          if (t && t.cf.type !== 'Custom')
            throw apiError('InvalidOperation', 'ConditionalFormat.custom', `the conditional format is ${t.cf.type}`);
          return t;
        }),
    );
  }

  delete(): void {
    this._call('delete', [], (t) => {
      t.sheet.cfs = t.sheet.cfs.filter((x) => x !== t.cf);
      this.ctx._wrote({ sheet: t.sheet.name, what: 'conditionalFormat.delete', address: address(t.sheet.name, t.cf) });
    });
  }
}

export class CustomConditionalFormat extends ClientObject<CfRef> {
  protected readonly _kind = 'CustomConditionalFormat';
  protected _scalars() {
    return {};
  }
  protected override _navigation(name: string): Loadable | undefined {
    return name === 'rule' ? this.rule : name === 'format' ? this.format : undefined;
  }
  get rule(): ConditionalFormatRule {
    return this._child('rule', () => new ConditionalFormatRule(this.ctx, () => this._target()));
  }
  get format(): ConditionalRangeFormat {
    return this._child('format', () => new ConditionalRangeFormat(this.ctx, () => this._target()));
  }
}

export class ConditionalFormatRule extends ClientObject<CfRef> {
  protected readonly _kind = 'ConditionalFormatRule';
  protected _scalars() {
    return { formula: (t: CfRef) => t.cf.formula, formulaLocal: (t: CfRef) => t.cf.formula };
  }
  get formula(): string {
    return this._get('formula');
  }
  set formula(f: string) {
    this._set('formula', f, (t, x) => {
      if (typeof x !== 'string' || !/^=./.test(x))
        throw apiError('InvalidArgument', 'ConditionalFormatRule.formula', String(x));
      t.cf.formula = x;
      this.ctx._wrote({ sheet: t.sheet.name, what: 'conditionalFormat.rule', address: address(t.sheet.name, t.cf) });
    });
  }
}

export class ConditionalRangeFormat extends ClientObject<CfRef> {
  protected readonly _kind = 'ConditionalRangeFormat';
  protected _scalars() {
    return {};
  }
  protected override _navigation(name: string): Loadable | undefined {
    return name === 'fill' ? this.fill : name === 'font' ? this.font : undefined;
  }
  get fill(): ConditionalColor {
    return this._child('fill', () => new ConditionalColor(this.ctx, () => this._target(), 'fill'));
  }
  get font(): ConditionalColor {
    return this._child('font', () => new ConditionalColor(this.ctx, () => this._target(), 'font'));
  }
}

/** ConditionalRangeFill and ConditionalRangeFont: the colour a matching cell takes. */
export class ConditionalColor extends ClientObject<CfRef> {
  protected readonly _kind: string;
  constructor(
    ctx: MemoryContext,
    find: Find<CfRef>,
    private readonly part: 'fill' | 'font',
  ) {
    super(ctx, find);
    this._kind = part === 'fill' ? 'ConditionalRangeFill' : 'ConditionalRangeFont';
  }
  protected _scalars() {
    return { color: (t: CfRef) => t.cf[this.part] ?? null };
  }
  get color(): string {
    return this._get('color');
  }
  set color(c: string) {
    this._set('color', c, (t, x) => {
      t.cf[this.part] = String(x);
      this.ctx._wrote({
        sheet: t.sheet.name,
        what: `conditionalFormat.${this.part}`,
        address: address(t.sheet.name, t.cf),
      });
    });
  }
}

// ---- data validation ---------------------------------------------------------

const RULE_KINDS = ['wholeNumber', 'decimal', 'textLength', 'date', 'time', 'list', 'custom'];
const ALERT_STYLES = ['Stop', 'Warning', 'Information'];

/**
 * Check a rule as Excel would accept it: one kind of criteria; a list's source is a
 * range or a comma-separated text of at most 255 characters (Excel's limit for a
 * typed list).
 */
function checkRule(rule: unknown, sheet: MemorySheet): Record<string, unknown> {
  const where = 'DataValidation.rule';
  if (!rule || typeof rule !== 'object') throw apiError('InvalidArgument', where, 'rule');
  const kinds = Object.keys(rule).filter((k) => (rule as Record<string, unknown>)[k] !== undefined);
  if (kinds.length !== 1 || !RULE_KINDS.includes(kinds[0]!))
    throw apiError('InvalidArgument', where, `one kind of criteria, not ${kinds.join(', ') || 'none'}`);
  const out = JSON.parse(JSON.stringify(rule)) as Record<string, unknown>;
  const list = (rule as { list?: { source?: unknown; inCellDropDown?: unknown } }).list;
  if (list) {
    const src = list.source;
    if (src instanceof Range) {
      const t = src._target();
      if (!t) throw apiError('InvalidArgument', where, 'list source');
      out.list = {
        ...(out.list as object),
        source: `=${t.sheet === sheet ? boxA1(t.box) : address(t.sheet.name, t.box)}`,
      };
    } else if (typeof src !== 'string' || src.trim() === '' || src.length > 255) {
      throw apiError('InvalidArgument', where, 'a range, or 1–255 characters of comma-separated text');
    }
    if (list.inCellDropDown !== undefined && typeof list.inCellDropDown !== 'boolean')
      throw apiError('InvalidArgument', where, 'inCellDropDown');
  }
  return out;
}

/** An alert or prompt: titles up to 32 characters, messages up to 225 (255 for a prompt), as Excel keeps them. */
function checkMessage(v: unknown, kind: 'errorAlert' | 'prompt'): Record<string, unknown> {
  const where = `DataValidation.${kind}`;
  if (!v || typeof v !== 'object') throw apiError('InvalidArgument', where, kind);
  const o = v as Record<string, unknown>;
  if (o.title !== undefined && (typeof o.title !== 'string' || o.title.length > 32))
    throw apiError('InvalidArgument', where, 'title');
  const max = kind === 'prompt' ? 255 : 225;
  if (o.message !== undefined && (typeof o.message !== 'string' || o.message.length > max))
    throw apiError('InvalidArgument', where, 'message');
  if (kind === 'errorAlert' && o.style !== undefined && !ALERT_STYLES.includes(String(o.style)))
    throw apiError('InvalidArgument', where, 'style');
  return { ...o };
}

export class DataValidation extends ClientObject<RangeRef> {
  protected readonly _kind = 'DataValidation';

  /** The validation set on exactly this range, made on first use; one set on other cells here is refused. */
  private validationOf(t: RangeRef): MemoryValidation {
    const same = t.sheet.validations.find(
      (v) => v.r === t.box.r && v.c === t.box.c && v.nr === t.box.nr && v.nc === t.box.nc,
    );
    if (same) return same;
    if (t.sheet.validations.some((v) => intersects(v, t.box)))
      throw apiError('NotImplemented', 'DataValidation', 'a rule over part of another rule’s cells');
    const v: MemoryValidation = { ...t.box };
    t.sheet.validations.push(v);
    return v;
  }

  private find(t: RangeRef) {
    return t.sheet.validations.find((v) => intersects(v, t.box));
  }

  protected _scalars() {
    return {
      rule: (t: RangeRef) => this.find(t)?.rule ?? {},
      errorAlert: (t: RangeRef) =>
        this.find(t)?.errorAlert ?? { showAlert: true, style: 'Stop', title: '', message: '' },
      prompt: (t: RangeRef) => this.find(t)?.prompt ?? { showPrompt: false, title: '', message: '' },
      type: (t: RangeRef) => {
        const rule = this.find(t)?.rule;
        const k = rule && Object.keys(rule)[0];
        return k ? k[0]!.toUpperCase() + k.slice(1) : 'None';
      },
      ignoreBlanks: () => true,
    };
  }

  get rule(): Record<string, unknown> {
    return this._get('rule');
  }
  set rule(r: Record<string, unknown>) {
    this._set('rule', r, (t, x) => {
      this.validationOf(t).rule = checkRule(x, t.sheet);
      this.ctx._wrote({ sheet: t.sheet.name, what: 'dataValidation.rule', address: address(t.sheet.name, t.box) });
    });
  }
  get errorAlert(): Record<string, unknown> {
    return this._get('errorAlert');
  }
  set errorAlert(a: Record<string, unknown>) {
    this._set('errorAlert', a, (t, x) => {
      this.validationOf(t).errorAlert = checkMessage(x, 'errorAlert');
      this.ctx._wrote({
        sheet: t.sheet.name,
        what: 'dataValidation.errorAlert',
        address: address(t.sheet.name, t.box),
      });
    });
  }
  get prompt(): Record<string, unknown> {
    return this._get('prompt');
  }
  set prompt(p: Record<string, unknown>) {
    this._set('prompt', p, (t, x) => {
      this.validationOf(t).prompt = checkMessage(x, 'prompt');
      this.ctx._wrote({ sheet: t.sheet.name, what: 'dataValidation.prompt', address: address(t.sheet.name, t.box) });
    });
  }
  get type(): string {
    return this._get('type');
  }
  clear(): void {
    this._call('clear', [], (t) => {
      if (
        t.sheet.validations.some(
          (v) => intersects(v, t.box) && !(inside(v.r, v.c, t.box) && inside(v.r + v.nr - 1, v.c + v.nc - 1, t.box)),
        )
      )
        throw apiError('NotImplemented', 'DataValidation.clear', 'clearing part of a rule’s cells');
      t.sheet.validations = t.sheet.validations.filter((v) => !intersects(v, t.box));
      this.ctx._wrote({ sheet: t.sheet.name, what: 'dataValidation.clear', address: address(t.sheet.name, t.box) });
    });
  }
}
