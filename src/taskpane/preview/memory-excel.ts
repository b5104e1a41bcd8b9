// An in-memory stand-in for the part of the Excel JavaScript API the add-in uses.
// The standalone preview (the pane opened in an ordinary browser) installs it as the
// global `Excel`, so the preview runs the real adapter code; browser tests use it as
// their stand-in Excel. Values are available immediately (load is a no-op), sync only
// counts round trips. Formula cells hold a formula beside their value: recalc.ts finds
// them through getSpecialCells and Range.calculate() reports to `onCalculate`, where a
// test's stand-in evaluates them.

import { columnLetters } from '../../present/tables';

type Value = string | number | boolean;
interface Fmt {
  fill?: string;
  bold?: boolean;
  size?: number;
  color?: string;
  numberFormat?: string;
  width?: number;
}
interface Cf {
  id: number;
  r: number;
  c: number;
  nr: number;
  nc: number;
  type: string;
  formula: string;
  fill?: string;
  font?: string;
}
interface Box {
  r: number;
  c: number;
  nr: number;
  nc: number;
}

export interface MemorySheet {
  name: string;
  rows: Value[][];
  formats: Map<string, Fmt>;
  cfs: Cf[];
  merges: Box[];
  visibility: 'Visible' | 'Hidden';
  charts: Array<{ type: string; title: string }>;
  tables: Box[];
  validations: Array<Box & { rule: unknown }>;
  frozenRows: number;
  /** "row,col" (0-based) → formula text, for the cells that hold a formula */
  formulas: Map<string, string>;
}

export interface MemoryWorkbook {
  sheets: MemorySheet[];
  active: string;
  properties: Map<string, string>;
  selection: { sheet: string; row: number; col: number } | null;
  syncs: number;
  calculations: number;
  /** every Range.calculate(), as an A1 address */
  calculated: string[];
  /** called for every Range.calculate(): a test's stand-in recomputes the formulas there */
  onCalculate?: (sheet: MemorySheet, box: { r: number; c: number; nr: number; nc: number }) => void;
}

let cfIds = 0;

export function newSheet(name: string, rows: Value[][] = []): MemorySheet {
  return {
    name,
    rows,
    formats: new Map(),
    cfs: [],
    merges: [],
    visibility: 'Visible',
    charts: [],
    tables: [],
    validations: [],
    frozenRows: 0,
    formulas: new Map(),
  };
}

function parseA1(a: string): Box {
  const m = a
    .replace(/^.*!/, '')
    .replace(/\$/g, '')
    .match(/^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i);
  if (!m) throw new Error(`unsupported address ${a}`);
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const r = +m[2]! - 1;
  const c = col(m[1]!) - 1;
  const r2 = m[4] ? +m[4] - 1 : r;
  const c2 = m[3] ? col(m[3]) - 1 : c;
  return { r, c, nr: r2 - r + 1, nc: c2 - c + 1 };
}

const quote = (n: string) => (/^[A-Za-z_][\w.]*$/.test(n) ? n : `'${n.replace(/'/g, "''")}'`);

class MemRange {
  isNullObject = false;
  constructor(
    private wb: MemoryWorkbook,
    private sheet: MemorySheet,
    readonly box: Box,
  ) {}
  load(): this {
    return this;
  }
  get rowIndex() {
    return this.box.r;
  }
  get columnIndex() {
    return this.box.c;
  }
  get rowCount() {
    return this.box.nr;
  }
  get columnCount() {
    return this.box.nc;
  }
  get address() {
    const { r, c, nr, nc } = this.box;
    return `${quote(this.sheet.name)}!${columnLetters(c + 1)}${r + 1}${nr > 1 || nc > 1 ? `:${columnLetters(c + nc)}${r + nr}` : ''}`;
  }
  get values(): Value[][] {
    const out: Value[][] = [];
    for (let i = 0; i < this.box.nr; i++) {
      const src = this.sheet.rows[this.box.r + i] ?? [];
      const row: Value[] = [];
      for (let j = 0; j < this.box.nc; j++) row.push(src[this.box.c + j] ?? '');
      out.push(row);
    }
    return out;
  }
  set values(v: Value[][]) {
    for (let i = 0; i < this.box.nr; i++) {
      const row = (this.sheet.rows[this.box.r + i] ??= []);
      for (let j = 0; j < this.box.nc; j++) row[this.box.c + j] = (v[i] ?? v[0] ?? [])[j] ?? (v[0]?.[0] as Value);
    }
  }
  /** Formulas where the cells have one, values elsewhere (as Excel's Range.formulas). */
  get formulas(): Value[][] {
    return this.values.map((row, i) =>
      row.map((v, j) => this.sheet.formulas.get(`${this.box.r + i},${this.box.c + j}`) ?? v),
    );
  }
  calculate(): void {
    this.wb.calculated.push(this.address);
    this.wb.onCalculate?.(this.sheet, this.box);
  }
  /** The formula cells of the range as areas: each column's vertical runs (Excel's blocks may also span columns). */
  getSpecialCellsOrNullObject(type: string) {
    const cells: Box[] = [];
    if (type === 'Formulas') {
      const inside = [...this.sheet.formulas.keys()]
        .map((key) => key.split(',').map(Number) as [number, number])
        .filter(
          ([r, c]) =>
            r >= this.box.r && r < this.box.r + this.box.nr && c >= this.box.c && c < this.box.c + this.box.nc,
        )
        .sort(([r1, c1], [r2, c2]) => c1 - c2 || r1 - r2);
      for (const [r, c] of inside) {
        const last = cells[cells.length - 1];
        if (last && last.c === c && last.r + last.nr === r) last.nr++;
        else cells.push({ r, c, nr: 1, nc: 1 });
      }
    }
    return {
      isNullObject: cells.length === 0,
      load() {
        return this;
      },
      areas: { items: cells.map((a) => ({ rowIndex: a.r, columnIndex: a.c, rowCount: a.nr, columnCount: a.nc })) },
    };
  }
  private each(f: (fmt: Fmt) => void): void {
    for (let i = 0; i < this.box.nr; i++) {
      for (let j = 0; j < this.box.nc; j++) {
        const k = `${this.box.r + i},${this.box.c + j}`;
        const fmt = this.sheet.formats.get(k) ?? {};
        f(fmt);
        this.sheet.formats.set(k, fmt);
      }
    }
  }
  set numberFormat(v: string[][]) {
    this.each((f) => (f.numberFormat = v[0]?.[0]));
  }
  get format() {
    const self = this;
    return {
      font: {
        set bold(b: boolean) {
          self.each((f) => (f.bold = b));
        },
        set size(n: number) {
          self.each((f) => (f.size = n));
        },
        set color(c: string) {
          self.each((f) => (f.color = c));
        },
      },
      fill: {
        set color(c: string) {
          self.each((f) => (f.fill = c));
        },
      },
      set columnWidth(w: number) {
        self.each((f) => (f.width = w));
      },
      autofitColumns() {
        /* layout only */
      },
    };
  }
  get dataValidation() {
    const self = this;
    return {
      set rule(rule: unknown) {
        self.sheet.validations.push({ ...self.box, rule });
      },
      set errorAlert(_: unknown) {
        /* shown by Excel only */
      },
    };
  }
  get conditionalFormats() {
    const self = this;
    const inter = (cf: Cf) =>
      cf.r < self.box.r + self.box.nr &&
      self.box.r < cf.r + cf.nr &&
      cf.c < self.box.c + self.box.nc &&
      self.box.c < cf.c + cf.nc;
    const wrap = (cf: Cf) => ({
      type: cf.type,
      custom: {
        rule: {
          get formula() {
            return cf.formula;
          },
          set formula(f: string) {
            cf.formula = f;
          },
          load() {
            return this;
          },
        },
        format: {
          fill: {
            set color(c: string) {
              cf.fill = c;
            },
          },
          font: {
            set color(c: string) {
              cf.font = c;
            },
          },
        },
      },
      delete() {
        self.sheet.cfs = self.sheet.cfs.filter((x) => x !== cf);
      },
    });
    return {
      add(type: string) {
        const cf: Cf = { id: ++cfIds, ...self.box, type, formula: '' };
        self.sheet.cfs.push(cf);
        return wrap(cf);
      },
      load() {
        return this;
      },
      get items() {
        return self.sheet.cfs.filter(inter).map(wrap);
      },
    };
  }
  getMergedAreasOrNullObject() {
    const areas = this.sheet.merges.filter(
      (m) => m.r >= this.box.r && m.c >= this.box.c && m.r < this.box.r + this.box.nr && m.c < this.box.c + this.box.nc,
    );
    return {
      isNullObject: areas.length === 0,
      load() {
        return this;
      },
      areas: { items: areas.map((a) => ({ rowIndex: a.r, columnIndex: a.c, rowCount: a.nr, columnCount: a.nc })) },
    };
  }
  select(): void {
    this.wb.active = this.sheet.name;
    this.wb.selection = { sheet: this.sheet.name, row: this.box.r + 1, col: this.box.c + 1 };
  }
}

class MemSheetApi {
  isNullObject = false;
  constructor(
    private wb: MemoryWorkbook,
    readonly sheet: MemorySheet,
  ) {}
  load(): this {
    return this;
  }
  get name() {
    return this.sheet.name;
  }
  set visibility(v: string) {
    this.sheet.visibility = v as MemorySheet['visibility'];
  }
  get visibility() {
    return this.sheet.visibility;
  }
  activate(): void {
    this.wb.active = this.sheet.name;
  }
  delete(): void {
    this.wb.sheets = this.wb.sheets.filter((s) => s !== this.sheet);
    if (this.wb.active === this.sheet.name) this.wb.active = this.wb.sheets[0]?.name ?? '';
  }
  getRangeByIndexes(r: number, c: number, nr: number, nc: number): MemRange {
    return new MemRange(this.wb, this.sheet, { r, c, nr, nc });
  }
  getRange(a: string): MemRange {
    return new MemRange(this.wb, this.sheet, parseA1(a));
  }
  getUsedRangeOrNullObject(): MemRange | { isNullObject: true; load(): unknown } {
    let r0 = Infinity,
      c0 = Infinity,
      r1 = -1,
      c1 = -1;
    this.sheet.rows.forEach((row, r) =>
      row?.forEach((v, c) => {
        if (v === '' || v === null || v === undefined) return;
        r0 = Math.min(r0, r);
        r1 = Math.max(r1, r);
        c0 = Math.min(c0, c);
        c1 = Math.max(c1, c);
      }),
    );
    // a formula cell is part of the used range even while its value is empty
    for (const key of this.sheet.formulas.keys()) {
      const [r, c] = key.split(',').map(Number) as [number, number];
      r0 = Math.min(r0, r);
      r1 = Math.max(r1, r);
      c0 = Math.min(c0, c);
      c1 = Math.max(c1, c);
    }
    if (r1 < 0)
      return {
        isNullObject: true,
        load() {
          return this;
        },
      };
    return new MemRange(this.wb, this.sheet, { r: r0, c: c0, nr: r1 - r0 + 1, nc: c1 - c0 + 1 });
  }
  get charts() {
    const sheet = this.sheet;
    return {
      add(type: string) {
        const chart = { type, title: '' };
        sheet.charts.push(chart);
        return {
          title: {
            set text(t: string) {
              chart.title = t;
            },
          },
          series: {
            getItemAt: () => ({
              setXAxisValues() {
                /* layout only */
              },
            }),
          },
          setPosition() {
            /* layout only */
          },
        };
      },
    };
  }
  get tables() {
    const sheet = this.sheet;
    return {
      add(range: MemRange) {
        sheet.tables.push(range.box);
        return {};
      },
    };
  }
  get freezePanes() {
    const sheet = this.sheet;
    return {
      freezeRows(n: number) {
        sheet.frozenRows = n;
      },
    };
  }
}

export function createExcel(wb: MemoryWorkbook) {
  const sheetsApi = () => ({
    load() {
      return this;
    },
    get items() {
      return wb.sheets.map((s) => new MemSheetApi(wb, s));
    },
    getActiveWorksheet: () => new MemSheetApi(wb, wb.sheets.find((s) => s.name === wb.active) ?? wb.sheets[0]!),
    getItem(name: string) {
      const s = wb.sheets.find((x) => x.name === name);
      if (!s) throw new Error(`ItemNotFound: ${name}`);
      return new MemSheetApi(wb, s);
    },
    getItemOrNullObject(name: string) {
      const s = wb.sheets.find((x) => x.name === name);
      return s
        ? new MemSheetApi(wb, s)
        : {
            isNullObject: true,
            load() {
              return this;
            },
          };
    },
    add(name: string) {
      if (wb.sheets.some((s) => s.name === name)) throw new Error(`ItemAlreadyExists: ${name}`);
      const s = newSheet(name);
      wb.sheets.push(s);
      return new MemSheetApi(wb, s);
    },
  });
  const custom = {
    load() {
      return this;
    },
    get items() {
      return [...wb.properties.entries()].map(([key, value]) => ({ key, value }));
    },
    add(key: string, value: string) {
      wb.properties.set(key, String(value));
    },
    getItem(key: string) {
      if (!wb.properties.has(key)) throw new Error(`ItemNotFound: ${key}`);
      return { delete: () => wb.properties.delete(key) };
    },
  };
  const context = {
    workbook: {
      get worksheets() {
        return sheetsApi();
      },
      properties: { custom },
      application: {
        calculate() {
          wb.calculations++;
        },
      },
    },
    async sync() {
      wb.syncs++;
    },
  };
  return {
    run: async <T>(f: (ctx: typeof context) => Promise<T>): Promise<T> => f(context),
    SheetVisibility: { visible: 'Visible', hidden: 'Hidden' },
    ConditionalFormatType: { custom: 'Custom' },
    ChartType: { columnClustered: 'ColumnClustered', barClustered: 'BarClustered' },
    ChartSeriesBy: { columns: 'Columns' },
    DataValidationAlertStyle: { stop: 'Stop' },
    CalculationType: { full: 'Full' },
    SpecialCellType: { formulas: 'Formulas' },
  };
}

export function memoryWorkbook(sheets: MemorySheet[], properties: Record<string, string> = {}): MemoryWorkbook {
  return {
    sheets,
    active: sheets[0]?.name ?? '',
    properties: new Map(Object.entries(properties)),
    selection: null,
    syncs: 0,
    calculations: 0,
    calculated: [],
  };
}
