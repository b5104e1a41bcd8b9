// The annotated copy of an .xlsx/.xlsm: the ORIGINAL package with additions only. Written parts:
//   xl/workbook.xml            <sheet> entries for the added sheets (and those of an earlier copy removed)
//   xl/_rels/workbook.xml.rels their relationships
//   [Content_Types].xml        their content types (and docProps/custom.xml's when it is new)
//   the marked roster sheets   one <conditionalFormatting> per severity, over exactly the marked cells
//   xl/styles.xml              two dxf styles appended (reused by a later copy of the copy)
//   docProps/custom.xml        CPD.* properties, CPD.copy saying what was added (+ _rels/.rels if new)
//   added sheets               the result tables, and a hidden marks sheet per marked roster sheet
// Every other part — charts, drawings, pivot tables, comments, macros, shared strings, other sheets — is
// copied as it was (its compressed bytes, by zipwrite.ts). Values, cell styles and
// existing formats are never edited: a mark is a conditional format, so only marked cells look different.
// A marked sheet is edited only after its cells (</sheetData>): its cells are copied as the bytes they were,
// only the XML after them is text; the added sheets are made a row at a time as they are written. The parts
// come from the original zip or from a workbook rebuilt from its values (rebuild.ts), as a PartsSource.
import { tableSource, unusedName, type Table, type TableSource } from '../present/tables';
import { COPY_PROPERTY, copyRecord, type CopyRecord } from './record';
import { CUSTOM_PART, declareCustomPart, parseCustomXml, patchCustomXml } from './props';
import { marksSheetPieces, REL_NS, sqref, tableSheetPieces, utf8Chunks, type MarkCell } from './sheetxml';
import { allTags, attr, elementEnd, nextTag, prefixFor, rootPrefix, setAttr, type Tag } from './xml';
import { dirOf, relsOf, resolvePart } from './parts';
import { PackageParts } from './inflate';
import type { ZipEntry } from './zip';
import { budgets } from './budgets';
import { zipEntries } from './zip';
import { streamZip, type KeptStart, type OutPart, type PartBytes, type Sink } from './zipwrite';

export interface CopyPlan {
  /** marks per roster sheet name (1-based rows and columns) */
  marks: ReadonlyMap<string, readonly MarkCell[]>;
  /** result tables, added as sheets in this order (a name taken by a sheet of the user's gets " (2)") */
  tables: ReadonlyArray<TableSource | Table>;
  /** custom properties to set (CPD.region …) */
  properties: Record<string, string>;
}

export interface CopyOutcome extends CopyInfo {
  bytes: Uint8Array;
}

/** What a copy written to a sink holds. */
export interface CopyInfo {
  /** package parts written or added, in zip path form (tests compare every other part byte for byte) */
  written: string[];
  /** parts of an earlier copy that were removed */
  removed: string[];
  /** names of the sheets added */
  sheets: string[];
}

/** The package is not one this patcher can edit safely (strict OOXML, missing parts): rebuild instead. */
export class PackageUnsupported extends Error {}

const WORKSHEET_TYPE = `${REL_NS}/worksheet`;
const WORKSHEET_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const STYLES_TYPE = `${REL_NS}/styles`;

/** Fills and fonts of the task pane's marks: red for errors, yellow for warnings. */
const dxf = (p: string, font: string, fill: string) =>
  `<${p}dxf><${p}font><${p}color rgb="${font}"/></${p}font>` +
  `<${p}fill><${p}patternFill><${p}bgColor rgb="${fill}"/></${p}patternFill></${p}fill></${p}dxf>`;
const DXF = {
  error: (p: string) => dxf(p, 'FF9C0006', 'FFFFC7CE'),
  warning: (p: string) => dxf(p, 'FF9C5700', 'FFFFEB9C'),
};

/** Worksheet children that follow <conditionalFormatting>, in schema order (CT_Worksheet). */
const AFTER_CF = [
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];
/** styleSheet children that follow <dxfs>. */
const AFTER_DXFS = ['tableStyles', 'colors', 'extLst'];

interface SheetEntry {
  tag: Tag;
  name: string;
  rid: string;
  part: string | undefined;
}

/** Insert `text` before the first of these elements found after `from` (or before `fallback`). */
function insertBefore(
  xml: string,
  p: string,
  names: readonly string[],
  from: number,
  text: string,
  fallback: number,
): string {
  let at = fallback;
  for (const n of names) {
    const tag = nextTag(xml, `${p}${n}`, from);
    if (tag && tag.start < at) at = tag.start;
  }
  return xml.slice(0, at) + text + xml.slice(at);
}

/**
 * A worksheet split where its cells end (at its </sheetData>): the bytes before, copied as they are, and the
 * XML from there on as text, which is all a mark edits. `p`: the prefix of the sheet's elements.
 */
export interface SplitSheet {
  p: string;
  head: () => PartBytes;
  tail: string;
  /** the zip entry whose bytes begin with `head` as they are: its compressed blocks can be kept (zipwrite.ts) */
  original?: { source: Uint8Array; entry: ZipEntry };
}

/** Where a package's parts come from: the original zip, or a workbook rebuilt from its values (rebuild.ts). */
export interface PartsSource {
  /** the parts' names in the package's order, each once */
  names(): string[];
  has(name: string): boolean;
  /** a small part as text (UTF-8) */
  text(name: string): string | undefined;
  /** a worksheet, split */
  sheet(name: string): SplitSheet | undefined;
  /** its bytes are not needed again */
  release(name: string): void;
  /** how a part neither written nor removed goes into the copy */
  kept(name: string): OutPart;
}

/** The parts of a zip package (inflated within the budgets). */
export class ZipSource implements PartsSource {
  private readonly first = new Map<string, ZipEntry>();
  private readonly parts: PackageParts;
  constructor(
    private readonly bytes: Uint8Array,
    /** a package rebuild() made, its parts stored to be deflated here; a user's stored part stays stored */
    private readonly deflateStored = false,
  ) {
    this.parts = new PackageParts(bytes, zipEntries(bytes), budgets());
    for (const e of this.parts.entries) if (!this.first.has(e.name)) this.first.set(e.name, e);
  }
  names(): string[] {
    return [...this.first.keys()];
  }
  has(name: string): boolean {
    return this.parts.has(name);
  }
  text(name: string): string | undefined {
    return this.parts.text(name);
  }
  sheet(name: string): SplitSheet | undefined {
    const b = this.parts.part(name);
    if (b === undefined) return undefined;
    const split = splitSheet(b);
    const e = this.first.get(name);
    // a rebuilt package's parts are stored, to be deflated: nothing compressed to keep
    return e && !this.deflateStored ? { ...split, original: { source: this.bytes, entry: e } } : split;
  }
  release(name: string): void {
    this.parts.release(name);
  }
  kept(name: string): OutPart {
    const e = this.first.get(name)!;
    if (this.deflateStored && e.method === 0 && !name.endsWith('/'))
      return { name, data: () => this.parts.part(name)! };
    return { name, keep: e, source: this.bytes };
  }
}

const BOM = [0xef, 0xbb, 0xbf];

/**
 * A sheet's bytes split at its last </sheetData>. Read whole, as text (head empty), where the split would not
 * give the bytes that text gives when written back: a BOM (the text drops it), bytes that are not UTF-8 (the
 * text holds U+FFFD), no root element in its first 64 KiB, no </sheetData>.
 */
export function splitSheet(b: Uint8Array): SplitSheet {
  const whole = (): SplitSheet => {
    const xml = new TextDecoder('utf-8').decode(b);
    return { p: rootPrefix(xml, 'worksheet') ?? '', head: () => new Uint8Array(0), tail: xml };
  };
  if (b.length >= 3 && b[0] === BOM[0] && b[1] === BOM[1] && b[2] === BOM[2]) return whole();
  const p = rootPrefix(new TextDecoder('utf-8').decode(b.subarray(0, 1 << 16)), 'worksheet');
  if (p === null) return whole();
  const at = lastIndexOf(b, new TextEncoder().encode(`</${p}sheetData>`));
  if (at < 0 || !isUtf8(b, 0, at)) return whole();
  const tail = new TextDecoder('utf-8').decode(b.subarray(at));
  // (a tail that is not UTF-8 is text with U+FFFD either way: it is written as text)
  return { p, head: () => b.subarray(0, at), tail };
}

/** The last place `pattern` is found in `b`, or -1. */
function lastIndexOf(b: Uint8Array, pattern: Uint8Array): number {
  const n = pattern.length;
  outer: for (let i = b.length - n; i >= 0; i--) {
    for (let k = 0; k < n; k++) if (b[i + k] !== pattern[k]) continue outer;
    return i;
  }
  return -1;
}

/** Whether b[from, to) is well-formed UTF-8 (what TextDecoder decodes without a replacement character). */
export function isUtf8(b: Uint8Array, from: number, to: number): boolean {
  let i = from;
  while (i < to) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    } else return false;
    if (i + n >= to) return false;
    const c1 = b[i + 1]!;
    if (c1 < lo || c1 > hi) return false;
    for (let k = 2; k <= n; k++) {
      const ck = b[i + k]!;
      if (ck < 0x80 || ck > 0xbf) return false;
    }
    i += n + 1;
  }
  return true;
}

class Package {
  /** small parts as text, read or written */
  private readonly texts = new Map<string, string>();
  /** big parts written: their bytes made when their turn comes (a marked sheet, an added sheet) */
  private readonly made = new Map<string, () => PartBytes>();
  /** of those, the ones that begin as an original entry did: how many of its bytes are unchanged */
  private readonly kept = new Map<string, KeptStart>();
  readonly written = new Set<string>();
  readonly removed = new Set<string>();
  constructor(private readonly src: PartsSource) {}

  async text(part: string): Promise<string | undefined> {
    if (this.texts.has(part)) return this.texts.get(part);
    if (!this.has(part)) return undefined;
    const s = this.src.text(part);
    if (s === undefined) return undefined;
    this.texts.set(part, s);
    return s;
  }

  sheet(part: string): SplitSheet | undefined {
    return this.has(part) && !this.written.has(part) ? this.src.sheet(part) : undefined;
  }

  put(part: string, text: string): void {
    this.src.release(part);
    this.texts.set(part, text);
    this.made.delete(part);
    this.written.add(part);
    this.removed.delete(part);
  }

  /** A big part written: its bytes made when it is written, and let go then. */
  putMade(part: string, make: () => PartBytes, kept?: KeptStart): void {
    // its original bytes are not needed again, but where `make` holds them (a marked sheet's cells)
    this.src.release(part);
    this.texts.delete(part);
    this.made.set(part, make);
    if (kept) this.kept.set(part, kept);
    else this.kept.delete(part);
    this.written.add(part);
    this.removed.delete(part);
  }

  remove(part: string): void {
    if (!this.has(part)) return;
    this.texts.delete(part);
    this.made.delete(part);
    this.removed.add(part);
    this.written.delete(part);
  }

  has(part: string): boolean {
    return !this.removed.has(part) && (this.written.has(part) || (this.src.has(part) && !part.endsWith('/')));
  }

  /**
   * The package, to `sink`: its parts in their order, the new ones after them. A part neither written nor
   * removed keeps its compressed bytes (a rebuilt package's parts are deflated). Of two entries with one name
   * the first is the part, as for the reader: what was checked is what is copied.
   */
  bytesOut(sink: Sink): Promise<number> {
    const enc = new TextEncoder();
    // a written part's text or maker is let go once it is written (a roster's results are 100 MB of sheet XML)
    const written = (name: string) => (): PartBytes => {
      const make = this.made.get(name);
      this.made.delete(name);
      if (make) return make();
      const b = enc.encode(this.texts.get(name)!);
      this.texts.delete(name);
      return b;
    };
    const out: OutPart[] = [];
    const names = this.src.names();
    const seen = new Set(names);
    for (const name of names) {
      if (this.removed.has(name)) continue;
      const kept = this.kept.get(name);
      if (this.written.has(name)) out.push({ name, data: written(name), ...(kept ? { kept } : {}) });
      else out.push(this.src.kept(name));
    }
    for (const name of this.written) if (!seen.has(name)) out.push({ name, data: written(name) });
    return streamZip(out, sink);
  }
}

/**
 * The workbook as this copy edits it: its part, relationships and the content types as text in hand (written
 * back at the end), their namespace prefixes, and what an earlier copy of the copy recorded.
 */
interface Workbook {
  pkg: Package;
  part: string;
  relsPart: string;
  xml: string;
  rels: string;
  types: string;
  /** the prefixes of the workbook's elements, of its r:id attributes, of the relationships part's elements */
  p: string;
  r: string;
  rp: string;
  custom: string | undefined;
  earlier: CopyRecord | null;
}

interface AddedSheet {
  name: string;
  pieces: () => Iterable<string>;
  hidden: boolean;
}

/** The annotated copy of a package's bytes (`rebuilt`: one rebuild() made, its stored parts to be deflated). */
export async function annotatePackage(bytes: Uint8Array, plan: CopyPlan, rebuilt = false): Promise<CopyOutcome> {
  const chunks: Uint8Array[] = [];
  const info = await annotateParts(new ZipSource(bytes, rebuilt), plan, (c) => void chunks.push(c));
  return { bytes: joined(chunks), ...info };
}

/** Chunks as one array of bytes. */
export function joined(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The annotated copy of a package's parts, written to `sink` as it is made. */
export async function annotateParts(src: PartsSource, plan: CopyPlan, sink: Sink): Promise<CopyInfo> {
  const pkg = new Package(src);
  const w = await openWorkbook(pkg);
  // 1. an earlier copy's own sheets go (their names are then free again: no "周期汇总 (2)")
  if (w.earlier) removeEarlierSheets(w, w.earlier);
  const sheets = sheetList(w);
  const partOf = new Map(sheets.map((s) => [s.name, s.part]));
  // 2. styles: the two mark styles, appended once (an earlier copy's are reused when still there)
  const marked = [...plan.marks.entries()].filter(([name, list]) => list.length && partOf.get(name));
  const dxf: [number, number] = marked.length ? await addMarkStyles(w) : [0, 0];
  // 3. the marked sheets: an earlier copy's formats out, this check's in
  const sheetsMarked = await markSheets(w, plan.marks, partOf, marked, dxf);
  // 4. the sheets this check adds: results, then one hidden marks sheet per marked sheet
  const added = addSheets(w, plan, sheets, sheetsMarked);
  // 5. the CPD properties, and what this copy added, so the next copy can replace it
  await writeProperties(w, plan.properties, {
    v: 1,
    sheets: added,
    marked: [...sheetsMarked],
    dxf: sheetsMarked.size ? dxf : (w.earlier?.dxf ?? []),
  });
  pkg.put(w.part, w.xml);
  pkg.put(w.relsPart, w.rels);
  pkg.put('[Content_Types].xml', w.types);

  await pkg.bytesOut(sink);
  return { written: [...pkg.written], removed: [...pkg.removed], sheets: added };
}

/** Step 4's sheets put in the package; their names (their XML is the package's, let go as it is written). */
function addSheets(w: Workbook, plan: CopyPlan, sheets: SheetEntry[], marked: ReadonlySet<string>): string[] {
  const added = sheetsToAdd(plan, sheets, marked);
  appendSheets(w, added);
  return added.map((a) => a.name);
}

/** The workbook the package's officeDocument relationship names, or PackageUnsupported. */
async function openWorkbook(pkg: Package): Promise<Workbook> {
  const rootRels = await pkg.text('_rels/.rels');
  const types = await pkg.text('[Content_Types].xml');
  if (rootRels === undefined || types === undefined)
    throw new PackageUnsupported('no package relationships or content types');
  const officeRel = allTags(rootRels, `${rootPrefix(rootRels, 'Relationships') ?? ''}Relationship`).find(
    (tg) => attr(tg.text, 'Type') === `${REL_NS}/officeDocument`,
  );
  if (!officeRel) throw new PackageUnsupported('no officeDocument relationship (strict OOXML?)');
  const part = resolvePart('', attr(officeRel.text, 'Target') ?? '');
  const relsPart = relsOf(part);
  const xml = await pkg.text(part);
  const rels = await pkg.text(relsPart);
  if (xml === undefined || rels === undefined) throw new PackageUnsupported('workbook part missing');
  const p = rootPrefix(xml, 'workbook');
  const r = prefixFor(xml, REL_NS);
  if (p === null || r === null) throw new PackageUnsupported('unexpected workbook namespaces');
  const rp = rootPrefix(rels, 'Relationships') ?? '';
  const custom = await pkg.text(CUSTOM_PART);
  const earlier: CopyRecord | null = custom ? copyRecord(parseCustomXml(custom)) : null;
  return { pkg, part, relsPart, xml, rels, types, p, r, rp, custom, earlier };
}

/** The workbook's relationships by id: the tag, its type and the part it points to. */
function relTargets(w: Workbook) {
  return new Map(
    allTags(w.rels, `${w.rp}Relationship`).map((tg) => [
      attr(tg.text, 'Id') ?? '',
      {
        tag: tg,
        type: attr(tg.text, 'Type'),
        part: resolvePart(dirOf(w.part), attr(tg.text, 'Target') ?? ''),
      },
    ]),
  );
}

/** The workbook's <sheet> entries in order, with the part each one's relationship points to. */
function sheetList(w: Workbook): SheetEntry[] {
  const open = nextTag(w.xml, `${w.p}sheets`);
  if (!open) throw new PackageUnsupported('no <sheets>');
  const end = elementEnd(w.xml, `${w.p}sheets`, open);
  const rels = relTargets(w);
  return allTags(w.xml, `${w.p}sheet`, open.end, end).map((tag) => {
    const rid = attr(tag.text, `${w.r}:id`) ?? '';
    return { tag, name: attr(tag.text, 'name') ?? '', rid, part: rels.get(rid)?.part };
  });
}

/** Step 1: the sheets an earlier copy added, out of the workbook with their relationships, types and parts. */
function removeEarlierSheets(w: Workbook, earlier: CopyRecord): void {
  const drop = new Set(earlier.sheets);
  for (;;) {
    const sheets = sheetList(w);
    const index = sheets.findIndex((s) => drop.has(s.name));
    if (index < 0) break;
    const s = sheets[index]!;
    w.xml = removeSheetAt(w.xml, w.p, s.tag, index);
    const rel = relTargets(w).get(s.rid);
    if (rel) w.rels = w.rels.slice(0, rel.tag.start) + w.rels.slice(rel.tag.end);
    if (s.part) {
      w.types = removeOverride(w.types, s.part);
      w.pkg.remove(s.part);
      w.pkg.remove(relsOf(s.part));
    }
    drop.delete(s.name);
  }
}

/** Step 2: the ids of the two mark styles in styles.xml, which gets them when it has not already. */
async function addMarkStyles(w: Workbook): Promise<[number, number]> {
  const stylesRel = [...relTargets(w).values()].find((x) => x.type === STYLES_TYPE);
  if (!stylesRel) throw new PackageUnsupported('no styles part');
  const styles = await w.pkg.text(stylesRel.part);
  if (styles === undefined) throw new PackageUnsupported('styles part missing');
  const res = ensureDxfs(styles, w.earlier?.dxf);
  if (res.xml !== styles) w.pkg.put(stylesRel.part, res.xml);
  return res.ids;
}

/** Step 3: an earlier copy's formats out of the sheets it marked, this check's into the sheets marked now. */
async function markSheets(
  w: Workbook,
  marks: CopyPlan['marks'],
  partOf: ReadonlyMap<string, string | undefined>,
  marked: ReadonlyArray<readonly [string, unknown]>,
  dxf: readonly [number, number],
): Promise<Set<string>> {
  const sheetsMarked = new Set<string>();
  const touched = new Set([...(w.earlier?.marked ?? []), ...marked.map(([n]) => n)]);
  for (const name of touched) {
    const part = partOf.get(name);
    if (!part) continue;
    const sheet = w.pkg.sheet(part);
    if (sheet === undefined) continue;
    // only the XML after the cells is edited: the cells go as the bytes they were
    const { p, head, tail, original } = sheet;
    let next = w.earlier ? removeOwnFormats(tail, w.earlier.dxf, p) : tail;
    const list = marks.get(name) ?? [];
    if (list.length) {
      next = addFormats(next, list, dxf, p);
      sheetsMarked.add(name);
    }
    if (next === tail) continue;
    const cells = head();
    // the cells are the original part's first bytes: its compressed blocks before them are kept
    const kept = original && cells instanceof Uint8Array ? { ...original, length: cells.length } : undefined;
    w.pkg.putMade(part, () => withTail(cells, next), kept);
  }
  return sheetsMarked;
}

/** A sheet's cells as they were, then its edited tail. */
function* withTail(head: PartBytes, tail: string): Generator<Uint8Array> {
  if (head instanceof Uint8Array) yield head;
  else yield* head;
  yield new TextEncoder().encode(tail);
}

/** Step 4: the result tables, then a hidden marks sheet per marked sheet, under names not yet taken. */
function sheetsToAdd(plan: CopyPlan, sheets: readonly SheetEntry[], sheetsMarked: ReadonlySet<string>): AddedSheet[] {
  const taken = sheets.map((s) => s.name);
  const added: AddedSheet[] = [];
  for (const t of plan.tables) {
    const table = typeof t.rows === 'function' ? (t as TableSource) : tableSource(t as Table);
    const name = unusedName(taken, table.name);
    taken.push(name);
    added.push({ name, pieces: () => tableSheetPieces(table), hidden: false });
  }
  let n = 0;
  for (const name of [...plan.marks.keys()].filter((k) => sheetsMarked.has(k))) {
    const markName = unusedName(taken, n++ ? `CPD_marks${n}` : 'CPD_marks');
    taken.push(markName);
    const marks = plan.marks.get(name)!;
    added.push({ name: markName, pieces: () => marksSheetPieces(marks), hidden: true });
  }
  return added;
}

/** Step 4: each added sheet as a new part, with its <sheet> entry, relationship and content type. */
function appendSheets(w: Workbook, added: readonly AddedSheet[]): void {
  const { pkg, p, r, rp } = w;
  let sheetId = 0;
  for (const tg of allTags(w.xml, `${p}sheet`)) sheetId = Math.max(sheetId, Number(attr(tg.text, 'sheetId')) || 0);
  const close = w.xml.indexOf(`</${p}sheets>`);
  let sheetTags = '';
  let relTags = '';
  let typeTags = '';
  let k = 0;
  let j = 0;
  for (const a of added) {
    let part: string;
    // sheetN.xml as Excel names them: some readers (ExcelJS) find worksheets by that name alone
    do part = `${dirOf(w.part)}worksheets/sheet${++k}.xml`;
    while (pkg.has(part));
    let rid: string;
    do rid = `rIdCpd${++j}`;
    while (w.rels.includes(`Id="${rid}"`));
    pkg.putMade(part, () => utf8Chunks(a.pieces()));
    sheetTags += `<${p}sheet name="${escapeAttr(a.name)}" sheetId="${++sheetId}"${a.hidden ? ' state="hidden"' : ''} ${r}:id="${rid}"/>`;
    relTags += `<${rp}Relationship Id="${rid}" Type="${WORKSHEET_TYPE}" Target="${relativeTarget(dirOf(w.part), part)}"/>`;
    typeTags += `<Override PartName="/${part}" ContentType="${WORKSHEET_CT}"/>`;
  }
  w.xml = w.xml.slice(0, close) + sheetTags + w.xml.slice(close);
  const relsClose = w.rels.lastIndexOf(`</${rp}Relationships>`);
  w.rels = w.rels.slice(0, relsClose) + relTags + w.rels.slice(relsClose);
  const typesClose = w.types.lastIndexOf('</');
  w.types = w.types.slice(0, typesClose) + typeTags + w.types.slice(typesClose);
}

/** Step 5: the CPD properties and the copy's record into docProps/custom.xml, declared when it is new. */
async function writeProperties(w: Workbook, properties: Record<string, string>, record: CopyRecord): Promise<void> {
  // a property already holding the value is left as written (its type, its pid)
  const existing = w.custom ? parseCustomXml(w.custom) : {};
  const props: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...properties, [COPY_PROPERTY]: JSON.stringify(record) })) {
    if (!(Object.prototype.hasOwnProperty.call(existing, k) && existing[k] === v)) props[k] = v;
  }
  w.pkg.put(CUSTOM_PART, patchCustomXml(w.custom, props));
  if (!w.custom) {
    const declared = declareCustomPart(w.types, (await w.pkg.text('_rels/.rels'))!);
    w.types = declared.types;
    w.pkg.put('_rels/.rels', declared.rels);
  }
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function relativeTarget(fromDir: string, part: string): string {
  return part.startsWith(fromDir) ? part.slice(fromDir.length) : `/${part}`;
}

function removeOverride(types: string, part: string): string {
  const tag = allTags(types, `${rootPrefix(types, 'Types') ?? ''}Override`).find(
    (tg) => attr(tg.text, 'PartName') === `/${part}`,
  );
  return tag ? types.slice(0, tag.start) + types.slice(tag.end) : types;
}

/** workbook.xml without one <sheet>, its sheet-scoped names, and views pointing past it shifted back. */
function removeSheetAt(wb: string, p: string, tag: Tag, index: number): string {
  let xml = wb.slice(0, tag.start) + wb.slice(tag.end);
  const names = nextTag(xml, `${p}definedNames`);
  if (names && !names.selfClosing) {
    const end = elementEnd(xml, `${p}definedNames`, names);
    const inner = allTags(xml, `${p}definedName`, names.end, end);
    for (const dn of inner.reverse()) {
      const local = attr(dn.text, 'localSheetId');
      if (local === undefined) continue;
      const id = Number(local);
      if (id === index) {
        xml = xml.slice(0, dn.start) + xml.slice(elementEnd(xml, `${p}definedName`, dn));
      } else if (id > index) {
        xml = xml.slice(0, dn.start) + setAttr(dn.text, 'localSheetId', String(id - 1)) + xml.slice(dn.end);
      }
    }
  }
  for (const view of allTags(xml, `${p}workbookView`).reverse()) {
    let text = view.text;
    for (const a of ['activeTab', 'firstSheet']) {
      const v = attr(text, a);
      if (v === undefined) continue;
      const id = Number(v);
      if (id === index) text = setAttr(text, a, '0');
      else if (id > index) text = setAttr(text, a, String(id - 1));
    }
    if (text !== view.text) xml = xml.slice(0, view.start) + text + xml.slice(view.end);
  }
  return xml;
}

/** styles.xml with the two mark dxfs: an earlier copy's when they are still ours, else appended. */
export function ensureDxfs(styles: string, earlier?: readonly number[]): { xml: string; ids: [number, number] } {
  const p = rootPrefix(styles, 'styleSheet') ?? '';
  const want = [DXF.error(p), DXF.warning(p)];
  const open = nextTag(styles, `${p}dxfs`);
  if (open && !open.selfClosing) {
    const end = elementEnd(styles, `${p}dxfs`, open);
    const list = allTags(styles, `${p}dxf`, open.end, end).map((tg) =>
      styles.slice(tg.start, elementEnd(styles, `${p}dxf`, tg)),
    );
    const [e, w] = earlier?.length === 2 ? [earlier[0]!, earlier[1]!] : [-1, -1];
    if (e >= 0 && list[e] === want[0] && list[w] === want[1]) return { xml: styles, ids: [e, w] };
    const closeAt = end - `</${p}dxfs>`.length;
    const tagText = setAttr(open.text, 'count', String(list.length + 2));
    const xml =
      styles.slice(0, open.start) + tagText + styles.slice(open.end, closeAt) + want.join('') + styles.slice(closeAt);
    return { xml, ids: [list.length, list.length + 1] };
  }
  const element = `<${p}dxfs count="2">${want.join('')}</${p}dxfs>`;
  if (open) return { xml: styles.slice(0, open.start) + element + styles.slice(open.end), ids: [0, 1] };
  const root = nextTag(styles, `${p}styleSheet`)!;
  return {
    xml: insertBefore(styles, p, AFTER_DXFS, root.end, element, styles.lastIndexOf(`</${p}styleSheet>`)),
    ids: [0, 1],
  };
}

/** Where the elements after <sheetData> start: conditional formats live there, never inside the cells. */
function tailStart(xml: string, p: string): number {
  const close = xml.lastIndexOf(`</${p}sheetData>`);
  if (close >= 0) return close;
  const empty = nextTag(xml, `${p}sheetData`);
  return empty ? empty.start : xml.length;
}

/** A sheet without the conditional formats an earlier copy added (recognised by its dxfs and formula). */
export function removeOwnFormats(
  xml: string,
  dxf: readonly number[],
  /** the prefix of the sheet's elements (of its root, when `xml` is the whole sheet) */
  p = rootPrefix(xml, 'worksheet') ?? '',
): string {
  let out = xml;
  const from = tailStart(out, p);
  const own = new Set(dxf.map(String));
  for (const cf of allTags(out, `${p}conditionalFormatting`, from).reverse()) {
    const end = elementEnd(out, `${p}conditionalFormatting`, cf);
    const body = out.slice(cf.end, end);
    const rules = allTags(body, `${p}cfRule`);
    const rule = rules.length === 1 ? rules[0]!.text : '';
    const ours =
      attr(rule, 'type') === 'expression' &&
      own.has(attr(rule, 'dxfId') ?? '') &&
      body.includes(`<${p}formula>TRUE</${p}formula>`);
    if (ours) out = out.slice(0, cf.start) + out.slice(end);
  }
  return out;
}

/** A sheet with one conditional format per severity over exactly its marked cells. */
export function addFormats(
  xml: string,
  marks: readonly MarkCell[],
  dxf: readonly [number, number],
  /** as removeOwnFormats' */
  p = rootPrefix(xml, 'worksheet') ?? '',
): string {
  const from = tailStart(xml, p);
  const tail = xml.slice(from);
  // after every rule already there, so the user's own formats keep their order among themselves
  let priority = 0;
  for (let i = tail.indexOf('priority="'); i >= 0; i = tail.indexOf('priority="', i + 10)) {
    priority = Math.max(priority, Number(tail.slice(i + 10, tail.indexOf('"', i + 10))) || 0);
  }
  const parts: string[] = [];
  (['error', 'warning'] as const).forEach((sev, k) => {
    const cells = marks.filter((m) => m.severity === sev);
    if (!cells.length) return;
    const rule = `<${p}cfRule type="expression" dxfId="${dxf[k]}" priority="${++priority}"><${p}formula>TRUE</${p}formula></${p}cfRule>`;
    parts.push(`<${p}conditionalFormatting sqref="${sqref(cells)}">${rule}</${p}conditionalFormatting>`);
  });
  const text = parts.join('');
  const lastCf = xml.lastIndexOf(`</${p}conditionalFormatting>`);
  if (lastCf >= from) {
    const at = lastCf + `</${p}conditionalFormatting>`.length;
    return xml.slice(0, at) + text + xml.slice(at);
  }
  return insertBefore(xml, p, AFTER_CF, from, text, xml.lastIndexOf(`</${p}worksheet>`));
}
