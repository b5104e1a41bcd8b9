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
import { unusedName, type Table } from '../present/tables';
import { COPY_PROPERTY, copyRecord, type CopyRecord } from './record';
import { CUSTOM_PART, declareCustomPart, parseCustomXml, patchCustomXml } from './props';
import { marksSheetXml, REL_NS, sqref, tableSheetXml, type MarkCell } from './sheetxml';
import { allTags, attr, elementEnd, nextTag, prefixFor, rootPrefix, setAttr, type Tag } from './xml';
import { dirOf, relsOf, resolvePart } from './parts';
import { PackageParts } from './inflate';
import { budgets } from './budgets';
import { zipEntries } from './zip';
import { writeZip, type OutPart } from './zipwrite';

export interface CopyPlan {
  /** marks per roster sheet name (1-based rows and columns) */
  marks: ReadonlyMap<string, readonly MarkCell[]>;
  /** result tables, added as sheets in this order (a name taken by a sheet of the user's gets " (2)") */
  tables: readonly Table[];
  /** custom properties to set (CPD.region …) */
  properties: Record<string, string>;
}

export interface CopyOutcome {
  bytes: Uint8Array;
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

class Package {
  private readonly texts = new Map<string, string>();
  readonly written = new Set<string>();
  readonly removed = new Set<string>();
  constructor(
    /** the original parts, inflated within the budgets */
    private readonly parts: PackageParts,
    private readonly bytes: Uint8Array,
    /** a package rebuild() made, its parts stored to be deflated here; a user's stored part stays stored */
    private readonly deflateStored: boolean,
  ) {}

  async text(part: string): Promise<string | undefined> {
    if (this.texts.has(part)) return this.texts.get(part);
    if (!this.has(part)) return undefined;
    const s = this.parts.text(part);
    if (s === undefined) return undefined;
    this.texts.set(part, s);
    return s;
  }

  put(part: string, text: string): void {
    // its original bytes are not needed again (a marked roster sheet's are tens of MB)
    this.parts.release(part);
    this.texts.set(part, text);
    this.written.add(part);
    this.removed.delete(part);
  }

  remove(part: string): void {
    if (!this.has(part)) return;
    this.texts.delete(part);
    this.removed.add(part);
    this.written.delete(part);
  }

  has(part: string): boolean {
    return !this.removed.has(part) && (this.written.has(part) || (this.parts.has(part) && !part.endsWith('/')));
  }

  /**
   * The package's bytes: its parts in their order, the new ones after them. A part neither written nor removed
   * keeps its compressed bytes (a rebuilt package's stored parts are deflated). Of two entries with one name the
   * first is the part, as for the reader: what was checked is what is copied.
   */
  bytesOut(): Promise<Uint8Array> {
    const enc = new TextEncoder();
    // a written part's text is let go once it is encoded (a roster's results are 100 MB of sheet XML)
    const encoded = (name: string) => () => {
      const b = enc.encode(this.texts.get(name)!);
      this.texts.delete(name);
      return b;
    };
    const out: OutPart[] = [];
    const seen = new Set<string>();
    for (const e of this.parts.entries) {
      if (seen.has(e.name)) continue;
      seen.add(e.name);
      if (this.removed.has(e.name)) continue;
      if (this.written.has(e.name)) out.push({ name: e.name, data: encoded(e.name) });
      else if (this.deflateStored && e.method === 0 && !e.name.endsWith('/'))
        out.push({ name: e.name, data: () => this.parts.part(e.name)! });
      else out.push({ name: e.name, keep: e, source: this.bytes });
    }
    for (const name of this.written) if (!seen.has(name)) out.push({ name, data: encoded(name) });
    return writeZip(out);
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
  xml: string;
  hidden: boolean;
}

export async function annotatePackage(bytes: Uint8Array, plan: CopyPlan, rebuilt = false): Promise<CopyOutcome> {
  const pkg = new Package(new PackageParts(bytes, zipEntries(bytes), budgets()), bytes, rebuilt);
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

  const out = await pkg.bytesOut();
  return { bytes: out, written: [...pkg.written], removed: [...pkg.removed], sheets: added };
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
    const xml = await w.pkg.text(part);
    if (xml === undefined) continue;
    let next = w.earlier ? removeOwnFormats(xml, w.earlier.dxf) : xml;
    const list = marks.get(name) ?? [];
    if (list.length) {
      next = addFormats(next, list, dxf);
      sheetsMarked.add(name);
    }
    if (next !== xml) w.pkg.put(part, next);
  }
  return sheetsMarked;
}

/** Step 4: the result tables, then a hidden marks sheet per marked sheet, under names not yet taken. */
function sheetsToAdd(plan: CopyPlan, sheets: readonly SheetEntry[], sheetsMarked: ReadonlySet<string>): AddedSheet[] {
  const taken = sheets.map((s) => s.name);
  const added: AddedSheet[] = [];
  for (const table of plan.tables) {
    const name = unusedName(taken, table.name);
    taken.push(name);
    added.push({ name, xml: tableSheetXml(table), hidden: false });
  }
  let n = 0;
  for (const name of [...plan.marks.keys()].filter((k) => sheetsMarked.has(k))) {
    const markName = unusedName(taken, n++ ? `CPD_marks${n}` : 'CPD_marks');
    taken.push(markName);
    added.push({ name: markName, xml: marksSheetXml(plan.marks.get(name)!), hidden: true });
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
    pkg.put(part, a.xml);
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
export function removeOwnFormats(xml: string, dxf: readonly number[]): string {
  const p = rootPrefix(xml, 'worksheet') ?? '';
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
export function addFormats(xml: string, marks: readonly MarkCell[], dxf: readonly [number, number]): string {
  const p = rootPrefix(xml, 'worksheet') ?? '';
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
