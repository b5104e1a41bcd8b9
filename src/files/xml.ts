// Just enough XML for patching package parts by careful insertion: find a start tag, read its attributes,
// escape what we write. Everything scans with indexOf in one pass (no backtracking regular expressions over
// a 30 MB sheet), and nothing is re-serialised: the bytes around an insertion stay exactly as they were.

/** Text for an XML text node or attribute value; characters XML 1.0 forbids are dropped. */
export function xmlEscape(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | null = null;
    if (c === 38) rep = '&amp;';
    else if (c === 60) rep = '&lt;';
    else if (c === 62) rep = '&gt;';
    else if (c === 34) rep = '&quot;';
    else if (c === 39) rep = '&apos;';
    else if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffe || c === 0xffff) rep = '';
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
      else rep = '';
    } else if (c >= 0xdc00 && c <= 0xdfff) rep = '';
    if (rep !== null) {
      out += s.slice(from, i) + rep;
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function xmlUnescape(s: string): string {
  if (s.indexOf('&') < 0) return s;
  let out = '';
  let i = 0;
  // the first ';' after the current '&', found once per ';' rather than once per '&' (a run of "&#&#&#…"
  // would otherwise be searched to its end from every '&')
  let semi = -1;
  while (i < s.length) {
    const amp = s.indexOf('&', i);
    if (amp < 0) break;
    if (semi < amp) semi = s.indexOf(';', amp);
    if (semi < 0) break;
    if (semi - amp > 10) {
      out += s.slice(i, amp + 1);
      i = amp + 1;
      continue;
    }
    const name = s.slice(amp + 1, semi);
    let rep: string | undefined;
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (Number.isInteger(code) && code >= 0 && code <= 0x10ffff) rep = String.fromCodePoint(code);
    } else if (Object.prototype.hasOwnProperty.call(NAMED, name)) rep = NAMED[name];
    out += s.slice(i, amp) + (rep ?? s.slice(amp, semi + 1));
    i = semi + 1;
  }
  return out + s.slice(i);
}

export interface Tag {
  /** index of '<' */
  start: number;
  /** index just past '>' */
  end: number;
  /** the whole start tag, `<x:sheet name="a" …/>` */
  text: string;
  selfClosing: boolean;
}

const isNameEnd = (c: string | undefined) =>
  c === ' ' || c === '>' || c === '/' || c === '\t' || c === '\n' || c === '\r';

/** The next start tag `<qname …>` at or after `from`, or null. */
export function nextTag(xml: string, qname: string, from = 0, before = xml.length): Tag | null {
  const open = `<${qname}`;
  let i = from;
  for (;;) {
    i = xml.indexOf(open, i);
    if (i < 0 || i >= before) return null;
    if (isNameEnd(xml[i + open.length])) break;
    i += open.length;
  }
  const end = tagEnd(xml, i);
  const text = xml.slice(i, end);
  return { start: i, end, text, selfClosing: text.endsWith('/>') };
}

/** Index just past the '>' closing the tag opened at `i` (quotes respected). */
function tagEnd(xml: string, i: number): number {
  let quote = '';
  for (let k = i + 1; k < xml.length; k++) {
    const c = xml[k];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return k + 1;
  }
  return xml.length;
}

/** Every start tag of this name, in order, between from and before. */
export function allTags(xml: string, qname: string, from = 0, before = xml.length): Tag[] {
  const out: Tag[] = [];
  for (let tag = nextTag(xml, qname, from, before); tag; tag = nextTag(xml, qname, tag.end, before)) out.push(tag);
  return out;
}

/** The element opened by `tag`: the index just past its end tag (or the tag itself when self-closing). */
export function elementEnd(xml: string, qname: string, tag: Tag): number {
  if (tag.selfClosing) return tag.end;
  // nested elements of the same name do not occur in the parts patched here (sheet, dxfs, Relationships …)
  const close = xml.indexOf(`</${qname}>`, tag.end);
  return close < 0 ? xml.length : close + qname.length + 3;
}

/** An attribute's unescaped value in a start tag, e.g. attr('<sheet name="a&amp;b"/>', 'name') → 'a&b'. */
export function attr(tag: string, name: string): string | undefined {
  let i = 0;
  for (;;) {
    i = tag.indexOf(name, i + 1);
    if (i < 0) return undefined;
    const before = tag[i - 1];
    let k = i + name.length;
    while (tag[k] === ' ') k++;
    if ((before === ' ' || before === '\t' || before === '\n' || before === '\r') && tag[k] === '=') {
      k++;
      while (tag[k] === ' ') k++;
      const q = tag[k];
      if (q !== '"' && q !== "'") return undefined;
      const close = tag.indexOf(q, k + 1);
      if (close < 0) return undefined;
      return xmlUnescape(tag.slice(k + 1, close));
    }
  }
}

/** A start tag with one attribute set (added before the tag's end, or replaced in place). */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${xmlEscape(value)}"`);
  const close = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close)} ${name}="${xmlEscape(value)}"${tag.slice(close)}`;
}

/**
 * The prefix ('' or 'x:') of the document element named `local`, so that children are found however a
 * program chose to write the namespace (`<worksheet>` or `<x:worksheet>`).
 */
export function rootPrefix(xml: string, local: string): string | null {
  let i = 0;
  for (;;) {
    i = xml.indexOf('<', i);
    if (i < 0) return null;
    const c = xml[i + 1];
    if (c === '?' || c === '!') {
      i = xml.indexOf('>', i) + 1;
      if (i <= 0) return null;
      continue;
    }
    let k = i + 1;
    while (k < xml.length && !isNameEnd(xml[k])) k++;
    const qname = xml.slice(i + 1, k);
    const colon = qname.indexOf(':');
    const name = colon < 0 ? qname : qname.slice(colon + 1);
    if (name !== local) return null;
    return colon < 0 ? '' : qname.slice(0, colon + 1);
  }
}

/** The namespace prefix bound to `uri` on the document element (e.g. 'r' for relationships), or null. */
export function prefixFor(xml: string, uri: string): string | null {
  const head = xml.slice(0, xml.indexOf('>', xml.indexOf('<', xml.indexOf('?>') + 1)) + 1);
  let i = 0;
  for (;;) {
    i = head.indexOf('xmlns:', i);
    if (i < 0) return null;
    const eq = head.indexOf('=', i);
    const prefix = head.slice(i + 6, eq).trim();
    const q = head[eq + 1];
    const close = head.indexOf(q ?? '"', eq + 2);
    if (head.slice(eq + 2, close) === uri) return prefix;
    i = close;
  }
}
