// The request model of the Excel JavaScript API, in memory: proxies queue what they
// are asked to do, and context.sync runs the queue against the workbook in order, in
// one batch whose payload is measured (and capped, as Excel on the web caps it). A
// property can be read only once it was loaded and synced, or set locally — reading
// it earlier throws PropertyNotLoaded, as Office.js does. An object's `isNullObject`
// is known after the sync that found it. When the run ends its proxies are invalid.
import { apiError, Batch, jsonBytes, MemoryWorkbook, utf8Length, Write } from './model';

interface Action {
  what: string;
  bytes: number;
  run: () => void;
}

export class MemoryContext {
  private queue: Action[] = [];
  private open = true;
  private batch: Batch | null = null;

  constructor(readonly wb: MemoryWorkbook) {}

  /** Queue one action; `args` is what it sends (its size counts towards the request). */
  _enqueue(what: string, args: unknown, run: () => void): void {
    if (!this.open) throw apiError('InvalidObjectPath', what, 'the object was used after its Excel run ended');
    this.queue.push({ what, bytes: jsonBytes([what, asSent(args)]), run });
  }

  /** Count data a load brings back in the current batch. */
  _received(bytes: number): void {
    if (this.batch) this.batch.responseBytes += bytes;
  }

  _wrote(w: Write): void {
    this.wb.writes.push(w);
  }

  async sync(): Promise<void> {
    this.wb.syncs++;
    await this.flush();
  }

  /** Run the queue as one round trip (none when nothing is queued, as Office.js does). */
  async flush(): Promise<void> {
    const actions = this.queue;
    this.queue = [];
    // the round trip is asynchronous: code after sync() and before its await queues for the next one
    await Promise.resolve();
    if (!actions.length) return;
    const batch: Batch = { actions: actions.length, requestBytes: 0, responseBytes: 0 };
    for (const a of actions) batch.requestBytes += a.bytes;
    this.wb.batches.push(batch);
    if (batch.requestBytes > this.wb.options.requestLimitBytes)
      throw apiError('RequestPayloadSizeLimitExceeded', 'context.sync', `${batch.requestBytes} bytes`);
    this.batch = batch;
    try {
      // as in Excel, a failing action stops the batch; the ones before it stay done
      for (const a of actions) a.run();
    } finally {
      this.batch = null;
    }
    if (batch.responseBytes > this.wb.options.responseLimitBytes)
      throw apiError('ResponsePayloadSizeLimitExceeded', 'context.sync', `${batch.responseBytes} bytes`);
  }

  _close(): void {
    this.open = false;
    this.queue = [];
  }
}

export type LoadOption = string | string[] | { select?: string | string[]; expand?: string | string[] } | undefined;

/** Office.js's reading of a load option: property paths, "items/" dropped, "items" alone = every property. */
export function loadPaths(option: LoadOption, where: string): string[] {
  let list: string[];
  if (option === undefined || option === null) list = [];
  else if (typeof option === 'string') list = option.split(',');
  else if (Array.isArray(option)) list = option;
  else if (typeof option === 'object') {
    const select = option.select ?? '';
    const expand = option.expand ?? '';
    list = [
      ...(typeof select === 'string' ? select.split(',') : select),
      ...(typeof expand === 'string' ? expand.split(',') : expand),
    ];
  } else throw apiError('InvalidArgument', where, 'load option');
  const out: string[] = [];
  for (const raw of list) {
    if (typeof raw !== 'string') throw apiError('InvalidArgument', where, 'load option');
    const p = raw.trim();
    if (!p) continue;
    const lower = p.toLowerCase();
    if (lower === 'items' || lower === 'items/') out.push('*');
    else out.push((/^items[/.]/i.test(p) ? p.slice(6) : p).replace(/[/.]items[/.]/gi, '/'));
  }
  return out;
}

/** Arguments as a request carries them: an object passed (a Range) travels as a reference. */
function asSent(args: unknown): unknown {
  if (args instanceof ClientObject) return { ref: args.constructor.name };
  return Array.isArray(args) ? args.map((a) => (a instanceof ClientObject ? { ref: a.constructor.name } : a)) : args;
}

type Scalars<T> = Record<string, (t: T) => unknown>;

/** What a load path can reach: an object or a collection. */
export interface Loadable {
  _load(paths: string[]): void;
}

/**
 * A proxy for one object of the workbook. `find` locates it when a sync first
 * reaches the proxy (in queue order); the proxy then stays bound to that object for
 * the rest of the run, as Excel.run keeps its objects tracked.
 */
export abstract class ClientObject<T> implements Loadable {
  protected readonly ctx: MemoryContext;
  private readonly _find: () => T | null;
  private _bound = false;
  private _value: T | null = null;
  private _props = new Map<string, unknown>();
  private _children = new Map<string, Loadable>();

  constructor(ctx: MemoryContext, find: () => T | null, opts: { instantiate?: string; args?: unknown } = {}) {
    this.ctx = ctx;
    this._find = find;
    // objects from *OrNullObject and add() calls are looked up (or made) at the next sync, in order
    if (opts.instantiate) ctx._enqueue(opts.instantiate, opts.args ?? [], () => void this._target());
  }

  /** The class name Office.js gives the proxy, for error locations. */
  protected abstract readonly _kind: string;
  /** The scalar properties a load can bring back, read from the object. */
  protected abstract _scalars(): Scalars<T>;
  /** A navigation property (an object of its own) by name, for load paths like "format/font/bold". */
  protected _navigation(name: string): Loadable | undefined {
    void name;
    return undefined;
  }

  get context(): MemoryContext {
    return this.ctx;
  }

  /** What has been loaded (or set), as Office.js's toJSON gives it. */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._props);
  }

  get isNullObject(): boolean {
    if (!this._bound) throw apiError('PropertyNotLoaded', `${this._kind}.isNullObject`, 'isNullObject');
    return this._value === null;
  }

  /** Used by actions while a sync runs. */
  _target(): T | null {
    if (!this._bound) {
      this._value = this._find();
      this._bound = true;
    }
    return this._value;
  }

  /** The object, for an action that changes it: a null object cannot be changed, nor a deleted one. */
  protected _must(what: string): T {
    const t = this._target();
    if (t === null) throw apiError('InvalidOperation', `${this._kind}.${what}`, 'the object is a null object');
    if (this._gone(t)) throw apiError('ItemNotFound', `${this._kind}.${what}`, 'the object was deleted');
    return t;
  }

  /** The object for a load: a null object loads nothing; a deleted one cannot be loaded. */
  protected _loadable(): T | null {
    const t = this._target();
    if (t !== null && this._gone(t)) throw apiError('ItemNotFound', `${this._kind}.load`, 'the object was deleted');
    return t;
  }

  /** Whether the object has been deleted from the workbook since it was found. */
  protected _gone(t: T): boolean {
    void t;
    return false;
  }

  /** A navigation property's proxy, made once per parent (Office.js returns the same object each time). */
  protected _child<C extends Loadable>(name: string, make: () => C): C {
    let c = this._children.get(name) as C | undefined;
    if (!c) {
      c = make();
      this._children.set(name, c);
    }
    return c;
  }

  protected _get<V>(name: string): V {
    if (this._props.has(name)) return this._props.get(name) as V;
    // a null object's properties read as undefined, without an error (Office.js)
    if (this._bound && this._value === null) return undefined as V;
    throw apiError('PropertyNotLoaded', `${this._kind}.${name}`, name);
  }

  /** Set a property: readable at once (Office.js keeps the value set), applied at the next sync. */
  protected _set(name: string, v: unknown, apply: (t: T, v: unknown) => void): void {
    this._props.set(name, v);
    this.ctx._enqueue(`${this._kind}.${name}`, v, () => apply(this._must(name), v));
  }

  /** Queue a method call on the object. */
  protected _call(method: string, args: unknown, run: (t: T) => void): void {
    this.ctx._enqueue(`${this._kind}.${method}`, args, () => run(this._must(method)));
  }

  load(option?: LoadOption): this {
    const paths = loadPaths(option, `${this._kind}.load`);
    this.ctx._enqueue(`${this._kind}.load`, paths, () => this._load(paths));
    return this;
  }

  /** Bring back the properties named by `paths` (all scalar ones when none is named). */
  _load(paths: string[]): void {
    const t = this._loadable();
    if (t === null) return;
    const scalars = this._scalars();
    const wanted = paths.length === 0 || paths.includes('*') ? Object.keys(scalars) : paths;
    const nested = new Map<string, string[]>();
    for (const p of wanted) {
      const [head, ...rest] = p.split('/');
      if (head === 'isNullObject' || head === '*' || head === undefined) continue;
      if (!rest.length && head in scalars) {
        // what comes back is a JSON copy, taken at this point of the batch
        const json = JSON.stringify(scalars[head]!(t)) ?? 'null';
        this._props.set(head, JSON.parse(json));
        this.ctx._received(utf8Length(json));
        continue;
      }
      if (!this._navigation(head))
        throw apiError('InvalidArgument', `${this._kind}.load`, `${this._kind} has no property '${head}'`);
      nested.set(head, [...(nested.get(head) ?? []), ...(rest.length ? [rest.join('/')] : [])]);
    }
    for (const [head, rest] of nested) this._navigation(head)!._load(rest);
  }
}

/** A collection proxy: `items` once loaded, each item a proxy bound to what was there at that sync. */
export abstract class ClientCollection<T, I extends Loadable> extends ClientObject<T> {
  private _loaded: I[] | null = null;

  protected abstract _list(t: T): I[];

  protected _scalars(): Scalars<T> {
    return {};
  }

  get items(): I[] {
    if (!this._loaded) throw apiError('PropertyNotLoaded', `${this._kind}.items`, 'items');
    return this._loaded;
  }

  override _load(paths: string[]): void {
    const t = this._loadable();
    if (t === null) return;
    this._loaded = this._list(t);
    // the paths name the items' properties (Office.js has dropped "items/")
    for (const item of this._loaded) item._load(paths);
  }
}
