// An Excel object model for the adapter tests, built on office-addin-mock: the
// worksheet and every range the adapter asks for are OfficeMockObjects, so reading a
// property that was not loaded and synced gives the mock's error instead of data.
// What the adapter writes (values, formats, conditional formats, properties) is
// recorded, and each context.sync is counted with the size of what it would carry.
import { OfficeMockObject as MockClass } from 'office-addin-mock';

/** office-addin-mock's object, with the two builders it keeps private in its typings. */
interface OfficeMockObject {
  addMock(name: string): void;
  populate(data: object): void;
  sync(): Promise<void>;
}
const OfficeMockObject = MockClass as unknown as new (data: object) => OfficeMockObject;

type Cell = string | number | boolean;
export interface MockSheet {
  name: string;
  rows: Cell[][];
  merges?: Array<{ r: number; c: number; nr: number; nc: number }>;
}

export interface Recorder {
  syncs: number;
  /** bytes of values each sync would carry (reads and writes), in order */
  payloads: number[];
  /** every assignment the adapter made to a range of a sheet: sheet → list */
  writes: Map<string, Array<{ what: string; r: number; c: number }>>;
  cfs: Array<{ sheet: string; formula: string; deleted: boolean }>;
  properties: Map<string, string>;
  sheets: string[];
}

export function mockExcel(user: MockSheet): { Excel: unknown; rec: Recorder } {
  const rec: Recorder = {
    syncs: 0,
    payloads: [],
    writes: new Map(),
    cfs: [],
    properties: new Map(),
    sheets: [user.name],
  };
  let pending = 0;
  const data: Record<string, Cell[][]> = { [user.name]: user.rows };

  function rangeData(sheet: string, r: number, c: number, nr: number, nc: number) {
    const rows = data[sheet] ?? [];
    const values: Cell[][] = [];
    for (let i = 0; i < nr; i++) values.push(Array.from({ length: nc }, (_, j) => rows[r + i]?.[c + j] ?? ''));
    return values;
  }

  function sheetModel(name: string) {
    return {
      name,
      visibility: 'Visible',
      getUsedRangeOrNullObject(this: OfficeMockObject & Record<string, unknown>) {
        const rows = data[name] ?? [];
        const nc = Math.max(0, ...rows.map((r) => r.length));
        const key = 'usedRange';
        if (!this[key]) {
          this.addMock(key);
          (this[key] as OfficeMockObject).populate({
            address: `${name}!A1`,
            rowIndex: 0,
            columnIndex: 0,
            rowCount: rows.length,
            columnCount: nc,
          });
          // isNullObject needs no load in Office.js
          Object.assign(this[key] as object, {
            isNullObject: rows.length === 0,
            getMergedAreasOrNullObject: () => {
              const merges = user.merges ?? [];
              return {
                isNullObject: merges.length === 0,
                load() {
                  return this;
                },
                areas: {
                  items: merges.map((m) => ({ rowIndex: m.r, columnIndex: m.c, rowCount: m.nr, columnCount: m.nc })),
                },
              };
            },
          });
        }
        return this[key];
      },
      getRangeByIndexes(
        this: OfficeMockObject & Record<string, unknown>,
        r: number,
        c: number,
        nr: number,
        nc: number,
      ) {
        const key = `range_${r}_${c}_${nr}_${nc}`;
        if (!this[key]) {
          this.addMock(key);
          const m = this[key] as OfficeMockObject & Record<string, unknown>;
          const initial = rangeData(name, r, c, nr, nc);
          m.populate({ values: initial, address: `${name}!R${r + 1}C${c + 1}` });
          // the response would carry these values as JSON
          pending += Buffer.byteLength(JSON.stringify(initial));
          const record = (what: string) => {
            const list = rec.writes.get(name) ?? [];
            list.push({ what, r, c });
            rec.writes.set(name, list);
          };
          // writes are recorded through accessors on the mock
          let values = m.values;
          Object.defineProperty(m, 'values', {
            get: () => values,
            set: (v: Cell[][]) => {
              values = v;
              // the mock itself sets its error marker, then the loaded data, on sync
              if (typeof v === 'string' || v === initial) return;
              record('values');
              pending += JSON.stringify(v).length;
              const rows = (data[name] ??= []);
              v.forEach((row, i) => row.forEach((x, j) => ((rows[r + i] ??= [])[c + j] = x)));
            },
          });
          // any format assignment on the range is recorded
          const part = (what: string) => new Proxy({}, { set: () => (record(`format.${what}`), true) });
          m.format = {
            font: part('font'),
            fill: part('fill'),
            autofitColumns() {
              record('format');
            },
          };
          m.conditionalFormats = {
            add: () => {
              const cf = { sheet: name, formula: '', deleted: false };
              rec.cfs.push(cf);
              return {
                custom: {
                  rule: {
                    set formula(f: string) {
                      cf.formula = f;
                    },
                  },
                  format: { fill: {}, font: {} },
                },
              };
            },
            load() {
              return this;
            },
            get items() {
              return rec.cfs
                .filter((x) => x.sheet === name && !x.deleted)
                .map((cf) => ({
                  type: 'Custom',
                  custom: {
                    rule: {
                      formula: cf.formula,
                      load() {
                        return this;
                      },
                    },
                  },
                  delete() {
                    cf.deleted = true;
                  },
                }));
            },
          };
        }
        return this[key];
      },
      delete() {
        rec.sheets = rec.sheets.filter((s) => s !== name);
        delete data[name];
      },
      activate() {
        /* no data */
      },
    };
  }

  const mock = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          getActiveWorksheet(this: OfficeMockObject & Record<string, unknown>) {
            return this.active;
          },
          getItem(this: OfficeMockObject & Record<string, unknown>, n: string) {
            if (n === user.name) return this.active;
            if (!rec.sheets.includes(n)) throw new Error(`ItemNotFound ${n}`);
            return this[`sheet_${n}`];
          },
          getItemOrNullObject(this: OfficeMockObject & Record<string, unknown>, n: string) {
            if (n === user.name) return this.active;
            return rec.sheets.includes(n)
              ? this[`sheet_${n}`]
              : {
                  isNullObject: true,
                  load() {
                    return this;
                  },
                };
          },
          add(this: OfficeMockObject & Record<string, unknown>, n: string) {
            rec.sheets.push(n);
            data[n] = [];
            const key = `sheet_${n}`;
            if (!this[key]) {
              this.addMock(key);
              (this[key] as OfficeMockObject).populate(sheetModel(n));
              (this[key] as unknown as { isNullObject: boolean }).isNullObject = false;
            }
            return this[key];
          },
          active: sheetModel(user.name),
        },
        application: {
          calculate() {
            /* recalculation */
          },
        },
      },
    },
    run: async function (
      this: OfficeMockObject & { context: OfficeMockObject },
      f: (ctx: unknown) => Promise<unknown>,
    ) {
      return f(this.context);
    },
  }) as OfficeMockObject & {
    context: OfficeMockObject & { workbook: Record<string, unknown>; sync: () => Promise<void> };
  };

  (mock.context.workbook.worksheets as unknown as { active: { isNullObject: boolean } }).active.isNullObject = false;
  // Custom document properties as a plain object (always "loaded").
  mock.context.workbook.properties = {
    custom: {
      load() {
        return this;
      },
      get items() {
        return [...rec.properties.entries()].map(([key, value]) => ({ key, value }));
      },
      add(key: string, value: string) {
        rec.properties.set(key, value);
      },
      getItem(key: string) {
        return { delete: () => rec.properties.delete(key) };
      },
    },
  };
  const sync = mock.context.sync.bind(mock.context);
  mock.context.sync = async () => {
    rec.syncs++;
    rec.payloads.push(pending);
    pending = 0;
    await sync();
    // office-addin-mock settles nested objects in microtasks it does not await
    await new Promise((r) => setImmediate(r));
  };
  const Excel = Object.assign(mock, {
    SheetVisibility: { hidden: 'Hidden' },
    ConditionalFormatType: { custom: 'Custom' },
    CalculationType: { full: 'Full' },
  });
  return { Excel, rec };
}
