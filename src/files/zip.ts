// The directory of a zip package (xlsx, xlsm, xlsb, ods), read from its central directory without
// inflating anything: every entry's name and its compressed and uncompressed size are known before a byte
// is inflated, so a size budget can refuse a zip bomb before any work (issue 13), and the format can be told
// from the entry names alone. One pass from the end of the file; no regular expressions.
import { t } from '../core/text';
import { FileProblem } from './problem';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; others are refused by the readers */
  method: number;
  /** general-purpose flags (bit 0: encrypted) */
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  /** offset of the entry's local header */
  offset: number;
  /** its CRC-32 and DOS time and date, as the directory gives them (a copy keeps them for a part it copies) */
  crc: number;
  time: number;
  date: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

const broken = () =>
  new FileProblem(
    t('压缩包结构已损坏，无法读取（文件可能不完整）', 'the zip structure is damaged (the file may be incomplete)'),
  );

function u64(v: DataView, at: number): number {
  const lo = v.getUint32(at, true);
  const hi = v.getUint32(at + 4, true);
  // 2^53 bytes is far beyond any file this tool is given; a larger value is a corrupt directory
  if (hi > 0x1fffff) throw broken();
  return hi * 0x100000000 + lo;
}

/** Where an entry's data starts (past its local header), or throws when the header is not where it says. */
export function dataStart(bytes: Uint8Array, e: ZipEntry): number {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (e.offset + 30 > bytes.length || v.getUint32(e.offset, true) !== LOCAL) throw broken();
  const at = e.offset + 30 + v.getUint16(e.offset + 26, true) + v.getUint16(e.offset + 28, true);
  if (at + e.compressedSize > bytes.length) throw broken();
  return at;
}

/** Whether the bytes start like a zip package (a local file header). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The entries of a zip package, in central-directory order. Throws FileProblem on a damaged directory. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const len = bytes.length;
  if (len < 22) throw broken();
  let eocd = -1;
  for (let i = len - 22; i >= Math.max(0, len - 22 - MAX_COMMENT); i--) {
    if (v.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw broken();
  let count = v.getUint16(eocd + 10, true);
  let size = v.getUint32(eocd + 12, true);
  let start = v.getUint32(eocd + 16, true);
  if (
    (count === 0xffff || size === 0xffffffff || start === 0xffffffff) &&
    eocd >= 20 &&
    v.getUint32(eocd - 20, true) === ZIP64_LOCATOR
  ) {
    const at = u64(v, eocd - 20 + 8);
    if (at + 56 > len || v.getUint32(at, true) !== ZIP64_EOCD) throw broken();
    count = u64(v, at + 32);
    size = u64(v, at + 40);
    start = u64(v, at + 48);
  }
  if (start + size > len) throw broken();
  const names = new TextDecoder('utf-8');
  const out: ZipEntry[] = [];
  let p = start;
  for (let n = 0; n < count; n++) {
    if (p + 46 > len || v.getUint32(p, true) !== CENTRAL) throw broken();
    const flags = v.getUint16(p + 8, true);
    const method = v.getUint16(p + 10, true);
    const time = v.getUint16(p + 12, true);
    const date = v.getUint16(p + 14, true);
    const crc = v.getUint32(p + 16, true);
    let compressedSize = v.getUint32(p + 20, true);
    let uncompressedSize = v.getUint32(p + 24, true);
    const nameLen = v.getUint16(p + 28, true);
    const extraLen = v.getUint16(p + 30, true);
    const commentLen = v.getUint16(p + 32, true);
    let offset = v.getUint32(p + 42, true);
    const nameEnd = p + 46 + nameLen;
    if (nameEnd + extraLen + commentLen > len) throw broken();
    const name = names.decode(bytes.subarray(p + 46, nameEnd));
    // zip64: the sizes that overflowed 32 bits are in the 0x0001 extra field, in this order
    for (let e = nameEnd; e + 4 <= nameEnd + extraLen;) {
      const id = v.getUint16(e, true);
      const sz = v.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressedSize === 0xffffffff && q + 8 <= e + 4 + sz) {
          uncompressedSize = u64(v, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= e + 4 + sz) {
          compressedSize = u64(v, q);
          q += 8;
        }
        if (offset === 0xffffffff && q + 8 <= e + 4 + sz) offset = u64(v, q);
      }
      e += 4 + sz;
    }
    out.push({ name, method, flags, compressedSize, uncompressedSize, offset, crc, time, date });
    p = nameEnd + extraLen + commentLen;
  }
  return out;
}
