// Custom document properties (docProps/custom.xml): CPD.region, CPD.cycleStart … travel with the workbook.
// Setting one replaces only that <property> element or appends a new one; every other property, its pid and
// its type stay exactly as written.
import { allTags, attr, elementEnd, prefixFor, rootPrefix, xmlEscape, xmlUnescape } from './xml';

export const CUSTOM_PART = 'docProps/custom.xml';
export const CUSTOM_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
export const CUSTOM_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';
const FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';
const VT = 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes';

/** The properties of a custom.xml part, as text. */
export function parseCustomXml(xml: string): Record<string, string> {
  const p = rootPrefix(xml, 'Properties') ?? '';
  // keyed by names the file gives: no prototype ("__proto__" is a name like any other)
  const out: Record<string, string> = Object.create(null);
  // past the last </property>, no later property is closed either: looked for once, not once per property
  let noClose = Infinity;
  for (const tag of allTags(xml, `${p}property`)) {
    const name = attr(tag.text, 'name');
    if (name === undefined || tag.selfClosing || tag.end >= noClose) continue;
    if (xml.indexOf(`</${p}property>`, tag.end) < 0) {
      noClose = tag.end;
      continue;
    }
    const end = elementEnd(xml, `${p}property`, tag);
    const inner = xml.slice(tag.end, end - `</${p}property>`.length);
    // <vt:lpwstr>value</vt:lpwstr>, <vt:i4>3</vt:i4>, <vt:bool>true</vt:bool> …: the text inside the value element
    const open = inner.indexOf('>');
    const close = inner.lastIndexOf('</');
    out[name] = open >= 0 && close > open ? xmlUnescape(inner.slice(open + 1, close)) : '';
  }
  return out;
}

/** custom.xml with these properties set (as text); `undefined` removes one. Other properties untouched. */
export function patchCustomXml(xml: string | undefined, props: Record<string, string | undefined>): string {
  let doc =
    xml ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="${VT}"></Properties>`;
  const p = rootPrefix(doc, 'Properties') ?? '';
  let vt = prefixFor(doc, VT);
  if (vt === null) {
    // a custom.xml without the vt namespace on its root (no properties yet): declare it
    const root = doc.indexOf(`<${p}Properties`);
    const rootEnd = doc.indexOf('>', root);
    const selfClosing = doc[rootEnd - 1] === '/';
    const at = selfClosing ? rootEnd - 1 : rootEnd;
    doc = `${doc.slice(0, at)} xmlns:cpdvt="${VT}"${doc.slice(at)}`;
    vt = 'cpdvt';
  }
  for (const [name, value] of Object.entries(props)) {
    const tags = allTags(doc, `${p}property`);
    const found = tags.find((tg) => attr(tg.text, 'name') === name);
    let pid = 1;
    for (const tg of tags) pid = Math.max(pid, Number(attr(tg.text, 'pid') ?? 1) || 1);
    const element = (id: string) =>
      `<${p}property fmtid="${FMTID}" pid="${id}" name="${xmlEscape(name)}"><${vt}:lpwstr>${xmlEscape(value ?? '')}</${vt}:lpwstr></${p}property>`;
    if (found) {
      const end = elementEnd(doc, `${p}property`, found);
      doc =
        doc.slice(0, found.start) +
        (value === undefined ? '' : element(attr(found.text, 'pid') ?? String(pid + 1))) +
        doc.slice(end);
    } else if (value !== undefined) {
      const close = doc.lastIndexOf(`</${p}Properties>`);
      if (close >= 0) doc = doc.slice(0, close) + element(String(pid + 1)) + doc.slice(close);
      else {
        const selfClose = doc.lastIndexOf('/>');
        doc = `${doc.slice(0, selfClose)}>${element(String(pid + 1))}</${p}Properties>${doc.slice(selfClose + 2)}`;
      }
    }
  }
  return doc;
}

/** [Content_Types].xml and _rels/.rels gain the custom-properties part when it is new. */
export function declareCustomPart(types: string, rels: string): { types: string; rels: string } {
  let tp = types;
  let rl = rels;
  if (!tp.includes('/docProps/custom.xml"')) {
    const close = tp.lastIndexOf('</');
    tp = `${tp.slice(0, close)}<Override PartName="/docProps/custom.xml" ContentType="${CUSTOM_TYPE}"/>${tp.slice(close)}`;
  }
  if (!rl.includes(CUSTOM_REL)) {
    const close = rl.lastIndexOf('</');
    let id = 'rIdCpdCustom';
    for (let n = 2; rl.includes(`Id="${id}"`); n++) id = `rIdCpdCustom${n}`;
    rl = `${rl.slice(0, close)}<Relationship Id="${id}" Type="${CUSTOM_REL}" Target="docProps/custom.xml"/>${rl.slice(close)}`;
  }
  return { types: tp, rels: rl };
}
