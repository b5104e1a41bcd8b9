// What reaches the terminal from a file never acts on it: control characters and escape sequences in a cell,
// a sheet name, a file name or a message (ESC [ … clearing the screen, OSC 8 links, a window title, BEL, the
// C1 controls, bidirectional overrides that reorder a line) are shown as visible escapes — \x1B, \u202E —
// so the text reads as what the file holds and the terminal does only what this program asks.

/** Whether a UTF-16 code unit must not reach a terminal raw (tab and newline may: they only lay text out). */
function unsafe(c: number): boolean {
  return (
    (c < 0x20 && c !== 0x09 && c !== 0x0a) ||
    (c >= 0x7f && c <= 0x9f) ||
    c === 0x061c ||
    c === 0x200e ||
    c === 0x200f ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0x2028 ||
    c === 0x2029
  );
}

const hex = (c: number, width: number) => c.toString(16).toUpperCase().padStart(width, '0');

/** Text for the terminal: every unsafe character as a visible escape (\x1B, \x9B, \u202E). */
export function visible(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!unsafe(c)) continue;
    out += s.slice(from, i) + (c <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/**
 * What `unsafe` holds, as one regular expression: a report's strings (100 000 records' names, explanations,
 * messages) are looked at natively — a loop over their characters in JS was most of the readable report's time.
 * A test checks the two agree on every code unit.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

/** Whether any string in a value (a report) holds a character `visible` would change. */
export function needsVisible(v: unknown): boolean {
  if (typeof v === 'string') return UNSAFE.test(v);
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (needsVisible(v[i])) return true;
    return false;
  }
  // for…in, not Object.keys: no array of keys made for each of a report's million objects (its own keys only)
  for (const k in v) {
    if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
    if (UNSAFE.test(k) || needsVisible((v as Record<string, unknown>)[k])) return true;
  }
  return false;
}

/**
 * A value with every string (keys too) made visible — a copy only when something needs it, so the usual
 * report is printed as it is without being copied.
 */
export function visibleDeep<T>(v: T): T {
  return needsVisible(v) ? (copy(v) as T) : v;
}

function copy(v: unknown): unknown {
  if (typeof v === 'string') return visible(v);
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(copy);
  const out: Record<string, unknown> = Object.create(Object.getPrototypeOf(v) === null ? null : Object.prototype);
  for (const k of Object.keys(v)) out[visible(k)] = copy((v as Record<string, unknown>)[k]);
  return out;
}

/**
 * JSON text whose strings hold no raw C1 control or bidirectional override: JSON.stringify escapes the C0
 * controls itself; these are written as \u escapes too — the same JSON, read back to the same values.
 */
export function jsonForTerminal(json: string): string {
  // the regular expressions look at the text natively: a report of 70 MB is scanned in a few milliseconds
  return UNSAFE_IN_JSON.test(json)
    ? json.replace(UNSAFE_IN_JSON_ALL, (ch) => `\\u${hex(ch.charCodeAt(0), 4).toLowerCase()}`)
    : json;
}

/** What `unsafe` holds above U+007E (JSON.stringify escapes the C0 controls itself). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
const UNSAFE_IN_JSON_ALL = new RegExp(UNSAFE_IN_JSON.source, 'g');
