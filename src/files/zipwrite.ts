// A zip package written from its parts: a part kept as it was is copied compressed, byte for byte, with the
// CRC and sizes its directory gave; a new or changed part is deflated (or stored, when asked). The deflater is the shell's to choose:
// pako by default (the web page, the task pane), Node's own zlib in the command line (useCompressor), which
// deflates a 100 000-row roster's copy (165 MB of sheet XML) in 0.6 s on two threads where pako takes 2.5 s.
// No Node API here: the file layer runs in every shell.
import pako from 'pako';
import { t } from '../core/text';
import { FileProblem } from './problem';
import { dataStart, type ZipEntry } from './zip';

export interface Compressor {
  /** raw DEFLATE (no zlib header), level 6 */
  deflateRaw(data: Uint8Array): Promise<Uint8Array>;
  crc32(data: Uint8Array): number;
}

const TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 (ISO-HDLC, the zip format's): the default when the shell has no native one. */
export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

const PAKO: Compressor = {
  deflateRaw: (data) => Promise.resolve(pako.deflateRaw(data, { level: 6 })),
  crc32,
};

let compressor: Compressor = PAKO;

/** The compressor the packages are written with from now on (the CLI's native zlib); none: pako again. */
export function useCompressor(c: Compressor | undefined): void {
  compressor = c ?? PAKO;
}

/**
 * A part of the package to write: its bytes to deflate (made when their turn comes, so that only a few parts'
 * bytes are held at once), or an entry of `source` copied as it is.
 */
export type OutPart =
  { name: string; data: () => Uint8Array; store?: boolean } | { name: string; keep: ZipEntry; source: Uint8Array };

/** Parts deflated at a time: the machines this runs on have two cores (the thread pool deflates in parallel). */
const AT_ONCE = 2;

/** The fixed time of the parts this project writes: 2026-01-01 00:00 (DOS time 0, date), so bytes repeat. */
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;

interface Written {
  name: Uint8Array;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  size: number;
  data: Uint8Array;
}

/** The bytes of a zip package holding these parts in this order. */
export async function writeZip(parts: readonly OutPart[]): Promise<Uint8Array> {
  const enc = new TextEncoder();
  const c = compressor;
  const one = async (p: OutPart): Promise<Written> => {
    const name = enc.encode(p.name);
    // bit 11: the name is UTF-8 (a Chinese sheet's part name is)
    const utf8 = name.length !== p.name.length ? 0x0800 : 0;
    if ('keep' in p) {
      const e = p.keep;
      // an encrypted part cannot be copied meaningfully (nothing reads it, and the bit would be dropped)
      if (e.flags & 1) throw new FileProblem(t(`压缩包中的 ${e.name} 已加密`, `the part ${e.name} is encrypted`));
      const at = dataStart(p.source, e);
      // bits 1–2 say how it was deflated; bit 3 (sizes after the data) is not needed: they are in the header
      const flags = (e.flags & 0x0006) | utf8;
      const data = p.source.subarray(at, at + e.compressedSize);
      return { name, flags, method: e.method, time: e.time, date: e.date, crc: e.crc, size: e.uncompressedSize, data };
    }
    const bytes = p.data();
    // stored: a package that is deflated when it is copied (rebuild.ts) is not deflated twice
    const data = p.store ? bytes : await c.deflateRaw(bytes);
    const method = p.store ? 0 : 8;
    return { name, flags: utf8, method, time: 0, date: DOS_DATE, crc: c.crc32(bytes), size: bytes.length, data };
  };
  // AT_ONCE lanes, each taking the next part when its last is done: a native deflater runs them side by side
  const written = new Array<Written>(parts.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < parts.length; i = next++) written[i] = await one(parts[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, parts.length) }, lane));
  return assemble(written);
}

const LIMIT = 0xffffffff;

function assemble(list: readonly Written[]): Uint8Array {
  let total = 22;
  for (const w of list) total += 30 + w.name.length + w.data.length + 46 + w.name.length;
  // zip64 is never needed within the budgets (a package of a few hundred MB, a few thousand parts)
  // (0xFFFF entries and 0xFFFFFFFF bytes already mean "see the zip64 record" to a reader)
  if (total >= LIMIT || list.length >= 0xffff || list.some((w) => w.size >= LIMIT || w.data.length >= LIMIT))
    throw new Error('the copy would need zip64, which this writer does not write');
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  let p = 0;
  const offsets: number[] = [];
  const header = (sig: number, w: Written, central: boolean) => {
    v.setUint32(p, sig, true);
    let q = p + 4;
    if (central) {
      v.setUint16(q, 20, true); // made by: MS-DOS, version 2.0
      q += 2;
    }
    v.setUint16(q, 20, true); // needed to extract: 2.0 (deflate)
    v.setUint16(q + 2, w.flags, true);
    v.setUint16(q + 4, w.method, true);
    v.setUint16(q + 6, w.time, true);
    v.setUint16(q + 8, w.date, true);
    v.setUint32(q + 10, w.crc, true);
    v.setUint32(q + 14, w.data.length, true);
    v.setUint32(q + 18, w.size, true);
    v.setUint16(q + 22, w.name.length, true);
    v.setUint16(q + 24, 0, true); // no extra field
    return q + 26;
  };
  for (const w of list) {
    offsets.push(p);
    p = header(0x04034b50, w, false);
    out.set(w.name, p);
    out.set(w.data, p + w.name.length);
    p += w.name.length + w.data.length;
  }
  const dir = p;
  list.forEach((w, i) => {
    p = header(0x02014b50, w, true);
    // comment length, disk, internal and external attributes: 0; then the local header's offset
    v.setUint32(p + 10, offsets[i]!, true);
    out.set(w.name, p + 14);
    p += 14 + w.name.length;
  });
  v.setUint32(p, 0x06054b50, true);
  v.setUint16(p + 8, list.length, true);
  v.setUint16(p + 10, list.length, true);
  v.setUint32(p + 12, p - dir, true);
  v.setUint32(p + 16, dir, true);
  return out;
}
