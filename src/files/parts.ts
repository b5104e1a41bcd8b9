// Where things are in an OOXML package: part names resolved from relationships, and the workbook's sheet
// list (names, visibility, parts) read before any sheet is — so that only the sheets wanted are inflated.
import { allTags, attr, rootPrefix, prefixFor, nextTag, elementEnd } from './xml';

export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A relationship target resolved against the folder of the part that holds the relationships. */
export function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const out: string[] = [];
  for (const p of (base + target).split('/')) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

export const dirOf = (part: string): string => part.slice(0, part.lastIndexOf('/') + 1);
export const relsOf = (part: string): string => `${dirOf(part)}_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`;

export interface SheetEntry {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** the worksheet (or chartsheet …) part, when the relationships name one */
  part?: string;
}

export interface WorkbookPeek {
  sheets: SheetEntry[];
  /** the custom properties part, when there is one */
  custom?: string;
  /** the shared strings and the styles parts, when the workbook's relationships name them */
  strings?: string;
  styles?: string;
  /** the workbook counts dates from 1904 (workbookPr date1904) */
  date1904: boolean;
}

/** The relationships of a .rels part: id → { type, resolved part }. */
function relations(rels: string, base: string): Map<string, { type: string; part: string }> {
  const p = rootPrefix(rels, 'Relationships') ?? '';
  const out = new Map<string, { type: string; part: string }>();
  for (const tg of allTags(rels, `${p}Relationship`)) {
    const id = attr(tg.text, 'Id');
    if (id === undefined || out.has(id)) continue;
    out.set(id, { type: attr(tg.text, 'Type') ?? '', part: resolvePart(base, attr(tg.text, 'Target') ?? '') });
  }
  return out;
}

/** The sheets of an .xlsx/.xlsm, in workbook order; null when the package is not laid out as expected. */
export function peekWorkbook(text: (part: string) => string | undefined): WorkbookPeek | null {
  const root = text('_rels/.rels');
  if (root === undefined) return null;
  const top = [...relations(root, '').values()];
  const office = top.find((r) => r.type.endsWith('/officeDocument'));
  if (!office) return null;
  const custom = top.find((r) => r.type.endsWith('/custom-properties'))?.part;
  const wb = text(office.part);
  const wbRels = text(relsOf(office.part));
  if (wb === undefined || wbRels === undefined) return null;
  const p = rootPrefix(wb, 'workbook');
  const r = prefixFor(wb, REL_NS);
  if (p === null) return null;
  const rels = relations(wbRels, dirOf(office.part));
  const open = nextTag(wb, `${p}sheets`);
  if (!open) return null;
  const end = elementEnd(wb, `${p}sheets`, open);
  const sheets: SheetEntry[] = allTags(wb, `${p}sheet`, open.end, end).map((tg) => {
    const state = attr(tg.text, 'state');
    const rid = r === null ? undefined : attr(tg.text, `${r}:id`);
    const part = rid === undefined ? undefined : rels.get(rid)?.part;
    return {
      name: attr(tg.text, 'name') ?? '',
      state: state === 'hidden' ? 'hidden' : state === 'veryHidden' ? 'veryHidden' : 'visible',
      ...(part !== undefined ? { part } : {}),
    };
  });
  const part = (type: string) => [...rels.values()].find((x) => x.type.endsWith(type))?.part;
  const strings = part('/sharedStrings');
  const styles = part('/styles');
  const pr = nextTag(wb, `${p}workbookPr`);
  const d1904 = pr ? attr(pr.text, 'date1904') : undefined;
  return {
    sheets,
    ...(custom !== undefined ? { custom } : {}),
    ...(strings !== undefined ? { strings } : {}),
    ...(styles !== undefined ? { styles } : {}),
    date1904: d1904 === '1' || d1904 === 'true',
  };
}
