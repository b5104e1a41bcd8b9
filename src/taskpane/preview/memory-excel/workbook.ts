// The workbook of the in-memory Excel (sheets, custom document properties,
// calculation), the request context and the `Excel` namespace object: `run` and the
// enumerations the add-in uses.
import { ClientCollection, ClientObject, Loadable, MemoryContext } from './client';
import { apiError, ExcelApiError, MemoryWorkbook, sameName, Value } from './model';
import { CHART_TYPES, WorksheetCollection } from './sheet';

const PROPERTY_LIMIT = 255;

/** The stored key matching `key` (keys are case-insensitive), if any. */
function keyOf(wb: MemoryWorkbook, key: string): string | null {
  for (const k of wb.properties.keys()) if (sameName(k, key)) return k;
  return null;
}

const typeOf = (v: unknown) =>
  typeof v === 'number' ? 'Number' : typeof v === 'boolean' ? 'Boolean' : v instanceof Date ? 'Date' : 'String';

export class CustomProperty extends ClientObject<string> {
  protected readonly _kind = 'CustomProperty';

  protected override _gone(key: string): boolean {
    return !this.ctx.wb.properties.has(key);
  }

  protected _scalars() {
    return {
      key: (k: string) => k,
      value: (k: string) => this.ctx.wb.properties.get(k),
      type: (k: string) => typeOf(this.ctx.wb.properties.get(k)),
    };
  }
  get key(): string {
    return this._get('key');
  }
  get type(): string {
    return this._get('type');
  }
  get value(): Value {
    return this._get('value');
  }
  set value(v: Value) {
    this._set('value', v, (k, x) => this.ctx.wb.properties.set(k, stored(this.ctx.wb, x)));
  }
  delete(): void {
    this._call('delete', [], (k) => this.ctx.wb.properties.delete(k));
  }
}

/** A value as the workbook keeps it: outside Excel on the web, text beyond 255 characters is cut off. */
function stored(wb: MemoryWorkbook, v: unknown): Value {
  if (v === null || v === undefined || (typeof v === 'object' && !(v instanceof Date)))
    throw apiError('InvalidArgument', 'CustomPropertyCollection.add', 'value');
  const value = v instanceof Date ? v.toISOString() : (v as Value);
  return wb.options.platform === 'desktop' && typeof value === 'string' ? value.slice(0, PROPERTY_LIMIT) : value;
}

export class CustomPropertyCollection extends ClientCollection<MemoryWorkbook, CustomProperty> {
  protected readonly _kind = 'CustomPropertyCollection';

  protected _list(wb: MemoryWorkbook): CustomProperty[] {
    return [...wb.properties.keys()].map((k) => new CustomProperty(this.ctx, () => k));
  }

  /** Creates a property, or sets the one with this key (in any case). */
  add(key: string, value: unknown): CustomProperty {
    return new CustomProperty(
      this.ctx,
      () => {
        const wb = this._must('add');
        if (typeof key !== 'string' || key.trim() === '')
          throw apiError('InvalidArgument', 'CustomPropertyCollection.add', 'key');
        const k = keyOf(wb, key) ?? (wb.options.platform === 'desktop' ? key.slice(0, PROPERTY_LIMIT) : key);
        wb.properties.set(k, stored(wb, value));
        return k;
      },
      { instantiate: 'CustomPropertyCollection.add', args: [key, value] },
    );
  }

  getItem(key: string): CustomProperty {
    return new CustomProperty(this.ctx, () => {
      const k = keyOf(this.ctx.wb, key);
      if (k === null) throw apiError('ItemNotFound', 'CustomPropertyCollection.getItem', key);
      return k;
    });
  }

  getItemOrNullObject(key: string): CustomProperty {
    return new CustomProperty(this.ctx, () => keyOf(this.ctx.wb, key), {
      instantiate: 'CustomPropertyCollection.getItemOrNullObject',
      args: [key],
    });
  }

  deleteAll(): void {
    this._call('deleteAll', [], (wb) => wb.properties.clear());
  }
}

export class DocumentProperties extends ClientObject<MemoryWorkbook> {
  protected readonly _kind = 'DocumentProperties';
  protected _scalars() {
    return {};
  }
  protected override _navigation(name: string): Loadable | undefined {
    return name === 'custom' ? this.custom : undefined;
  }
  get custom(): CustomPropertyCollection {
    return this._child('custom', () => new CustomPropertyCollection(this.ctx, () => this._target()));
  }
}

const CALCULATION_TYPES = { recalculate: 'Recalculate', full: 'Full', fullRebuild: 'FullRebuild' } as const;

export class Application extends ClientObject<MemoryWorkbook> {
  protected readonly _kind = 'Application';
  protected _scalars() {
    return { calculationMode: () => 'Automatic' };
  }
  get calculationMode(): string {
    return this._get('calculationMode');
  }
  calculate(calculationType: string): void {
    this._call('calculate', [calculationType], (wb) => {
      if (!(Object.values(CALCULATION_TYPES) as string[]).includes(calculationType))
        throw apiError('InvalidArgument', 'Application.calculate', String(calculationType));
      wb.calculations++;
    });
  }
}

export class Workbook extends ClientObject<MemoryWorkbook> {
  protected readonly _kind = 'Workbook';
  protected _scalars() {
    return {};
  }
  protected override _navigation(name: string): Loadable | undefined {
    if (name === 'worksheets') return this.worksheets;
    if (name === 'properties') return this.properties;
    if (name === 'application') return this.application;
    return undefined;
  }
  get worksheets(): WorksheetCollection {
    return this._child('worksheets', () => new WorksheetCollection(this.ctx, () => this._target()));
  }
  get properties(): DocumentProperties {
    return this._child('properties', () => new DocumentProperties(this.ctx, () => this._target()));
  }
  get application(): Application {
    return this._child('application', () => new Application(this.ctx, () => this._target()));
  }
}

/** Excel.RequestContext: the workbook, and sync. */
export class RequestContext extends MemoryContext {
  readonly workbook: Workbook;
  readonly trackedObjects = { add() {}, remove() {} };
  constructor(wb: MemoryWorkbook) {
    super(wb);
    this.workbook = new Workbook(this, () => wb);
  }
  get application(): Application {
    return this.workbook.application;
  }
}

/**
 * Excel's run: a fresh context for the batch function; what it leaves queued is sent
 * when it returns (without counting as one of its syncs); its proxies are invalid after.
 */
async function run<T>(wb: MemoryWorkbook, batch: (context: RequestContext) => Promise<T>): Promise<T> {
  if (typeof batch !== 'function') throw apiError('InvalidArgument', 'Excel.run', 'batch');
  const context = new RequestContext(wb);
  try {
    const pending = batch(context);
    if (!pending || typeof (pending as { then?: unknown }).then !== 'function')
      throw new ExcelApiError('RunMustReturnPromise', 'The batch function passed to Excel.run must return a promise');
    const result = await pending;
    await context.flush();
    return result;
  } finally {
    context._close();
  }
}

/** The `Excel` namespace over a workbook: install it as the global Excel. */
export function createExcel(wb: MemoryWorkbook) {
  return {
    run: <T>(batch: (context: RequestContext) => Promise<T>): Promise<T> => run(wb, batch),
    SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
    ConditionalFormatType: {
      custom: 'Custom',
      dataBar: 'DataBar',
      colorScale: 'ColorScale',
      iconSet: 'IconSet',
      topBottom: 'TopBottom',
      presetCriteria: 'PresetCriteria',
      containsText: 'ContainsText',
      cellValue: 'CellValue',
    },
    ChartType: CHART_TYPES,
    ChartSeriesBy: { auto: 'Auto', columns: 'Columns', rows: 'Rows' },
    DataValidationAlertStyle: { stop: 'Stop', warning: 'Warning', information: 'Information' },
    CalculationType: CALCULATION_TYPES,
    SpecialCellType: { formulas: 'Formulas', constants: 'Constants', blanks: 'Blanks' },
    ClearApplyTo: { all: 'All', formats: 'Formats', contents: 'Contents' },
  };
}
