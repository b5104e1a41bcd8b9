// Hostile inputs built in code, small and fast: zip packages written byte by byte (so that a directory can
// lie, a part can be stored or deflated, and several entries can share one compressed body), sheets whose
// XML says what no program would write, and rosters that are huge only where it hurts.
import * as zlib from 'zlib';
import { crc32 } from '../../src/files/zipwrite';

export interface Part {
  name: string;
  data: Uint8Array | string;
  /** 0 stored, 8 deflated (default) */
  method?: 0 | 8;
  /** the uncompressed size the directory declares (a lie when set) */
  declared?: number;
  /** an already deflated body, with the size it inflates to (the bomb: built once, not inflated here) */
  raw?: { body: Uint8Array; size: number; crc?: number };
}

const bytesOf = (d: Uint8Array | string) => (typeof d === 'string' ? new Uint8Array(Buffer.from(d, 'utf8')) : d);

/**
 * A zip package. `alias` adds central-directory entries that point at an earlier entry's local header
 * (the overlapping-entries bomb: one compressed body, many names).
 */
export function zip(parts: readonly Part[], alias: ReadonlyArray<{ name: string; of: string }> = []): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  const at = new Map<string, { offset: number; crc: number; csize: number; usize: number; method: number }>();
  let offset = 0;
  const centralEntry = (
    name: string,
    e: { offset: number; crc: number; csize: number; usize: number; method: number },
  ) => {
    const n = Buffer.from(name, 'utf8');
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(e.method, 10);
    c.writeUInt32LE(e.crc, 16);
    c.writeUInt32LE(e.csize, 20);
    c.writeUInt32LE(e.usize, 24);
    c.writeUInt16LE(n.length, 28);
    c.writeUInt32LE(e.offset, 42);
    central.push(c, n);
  };
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    let body: Uint8Array;
    let usize: number;
    let crc = 0;
    const method = p.method ?? 8;
    if (p.raw) {
      body = p.raw.body;
      usize = p.raw.size;
      crc = p.raw.crc ?? 0;
    } else {
      const data = bytesOf(p.data);
      usize = data.length;
      crc = crc32(data);
      body = method === 8 ? zlib.deflateRawSync(data) : data;
    }
    const declared = p.declared ?? usize;
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0800, 6);
    h.writeUInt16LE(method, 8);
    h.writeUInt32LE(crc, 14);
    h.writeUInt32LE(body.length, 18);
    h.writeUInt32LE(Math.min(declared, 0xffffffff), 22);
    h.writeUInt16LE(name.length, 26);
    const e = { offset, crc, csize: body.length, usize: Math.min(declared, 0xffffffff), method };
    at.set(p.name, e);
    local.push(h, name, Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    offset += h.length + name.length + body.length;
    centralEntry(p.name, e);
  }
  for (const a of alias) centralEntry(a.name, at.get(a.of)!);
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length + alias.length, 8);
  end.writeUInt16LE(parts.length + alias.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, cd, end]));
}

/**
 * A deflate body that inflates to `mib` MiB of one repeated XML-safe character: one MiB deflated once with a
 * full flush (self-contained, byte-aligned), repeated, then an empty final block. ~1 kB per MiB.
 */
export function bombBody(mib: number, fill = 0x20): { body: Uint8Array; size: number } {
  const chunk = zlib.deflateRawSync(Buffer.alloc(1 << 20, fill), { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const parts: Buffer[] = [];
  for (let i = 0; i < mib; i++) parts.push(chunk);
  parts.push(Buffer.from([0x03, 0x00])); // final fixed-Huffman block, end of block only
  return { body: new Uint8Array(Buffer.concat(parts)), size: mib * (1 << 20) };
}

export const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function colName(c: number): string {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

type Cell = string | number | null | undefined;

/** <row>s of inline strings and numbers; `rowNumbers` overrides the r of each row (for lying sheets). */
export function sheetData(rows: ReadonlyArray<ReadonlyArray<Cell>>, first = 1, rowNumbers?: readonly number[]): string {
  const out: string[] = [];
  rows.forEach((row, i) => {
    const r = rowNumbers?.[i] ?? first + i;
    let cells = '';
    row.forEach((v, c) => {
      if (v === null || v === undefined || v === '') return;
      const ref = `${colName(c + 1)}${r}`;
      cells +=
        typeof v === 'number'
          ? `<c r="${ref}"><v>${v}</v></c>`
          : `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
    });
    out.push(`<row r="${r}">${cells}</row>`);
  });
  return out.join('');
}

export function sheetXml(data: string, tail = '', dimension?: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${REL}">` +
    (dimension ? `<dimension ref="${dimension}"/>` : '') +
    `<sheetData>${data}</sheetData>${tail}</worksheet>`
  );
}

export interface SheetSpec {
  name: string;
  /** the worksheet part's XML, or an already built Part (a bomb) */
  xml?: string;
  part?: Omit<Part, 'name' | 'data'> & { data?: Part['data'] };
  state?: 'hidden' | 'veryHidden';
}

/** A minimal .xlsx: the given sheets, custom properties (or a custom.xml as written), styles. */
export function xlsx(
  sheets: readonly SheetSpec[],
  o: { custom?: string; props?: Record<string, string> } = {},
): Uint8Array {
  const parts: Part[] = [];
  const overrides = sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('');
  let custom = o.custom;
  if (custom === undefined && o.props) {
    custom =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
      Object.entries(o.props)
        .map(
          ([k, v], i) =>
            `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${esc(k)}"><vt:lpwstr>${esc(v)}</vt:lpwstr></property>`,
        )
        .join('') +
      '</Properties>';
  }
  parts.push({
    name: '[Content_Types].xml',
    data:
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      (custom !== undefined
        ? '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
        : '') +
      overrides +
      '</Types>',
  });
  parts.push({
    name: '_rels/.rels',
    data:
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">` +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
      (custom !== undefined
        ? `<Relationship Id="rId2" Type="${REL}/custom-properties" Target="docProps/custom.xml"/>`
        : '') +
      '</Relationships>',
  });
  parts.push({
    name: 'xl/workbook.xml',
    data:
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>` +
      sheets
        .map(
          (s, i) =>
            `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`,
        )
        .join('') +
      '</sheets></workbook>',
  });
  parts.push({
    name: 'xl/_rels/workbook.xml.rels',
    data:
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">` +
      sheets
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('') +
      `<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
      '</Relationships>',
  });
  parts.push({
    name: 'xl/styles.xml',
    data:
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS}">` +
      '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
      '</styleSheet>',
  });
  sheets.forEach((s, i) => {
    const name = `xl/worksheets/sheet${i + 1}.xml`;
    parts.push(s.part ? { ...s.part, name, data: s.part.data ?? '' } : { name, data: s.xml ?? sheetXml('') });
  });
  if (custom !== undefined) parts.push({ name: 'docProps/custom.xml', data: custom });
  return zip(parts);
}
