// A part of the package that changes only near its end (a marked sheet: its cells as they were, then a
// conditional format after them) keeps the compressed bytes of its unchanged beginning. A DEFLATE stream is a
// series of blocks; a decoder needs no more than the blocks before a boundary to go on from it. So the copy's
// part is the original's blocks up to the last boundary before the change, an empty stored block (which brings
// the stream to a whole byte), then the rest deflated afresh — instead of deflating all of a 40 MB sheet again.
// The boundary is found with pako's inflater stopping at each block (Z_BLOCK, as zlib's), the same in every
// shell, so that the CLI's copy and the web page's are the same bytes.
import { inflate, inflateEnd, inflateInit2 } from 'pako/lib/zlib/inflate';
import ZStream from 'pako/lib/zlib/zstream';

const Z_OK = 0;
const Z_STREAM_END = 1;
const Z_BLOCK = 5;

/** A place between two blocks: the bit of the compressed stream where the next block starts, and the bytes before. */
export interface Boundary {
  bit: number;
  out: number;
}

/**
 * The last block boundary of the raw DEFLATE stream `body` with at most `limit` bytes decoded before it (not the
 * stream's end), or null when there is none or the stream is not what it should be. Decodes up to `limit` bytes
 * (and the rest of one block) into a small buffer: the bytes themselves are not kept.
 */
export function lastBoundary(body: Uint8Array, limit: number): Boundary | null {
  const strm = new ZStream();
  if (inflateInit2(strm, -15) !== Z_OK) return null;
  const out = new Uint8Array(1 << 16);
  strm.input = body;
  strm.next_in = 0;
  strm.avail_in = body.length;
  strm.output = out;
  strm.next_out = 0;
  strm.avail_out = out.length;
  let best: Boundary | null = null;
  try {
    for (;;) {
      const r = inflate(strm, Z_BLOCK);
      if (r !== Z_OK && r !== Z_STREAM_END) return null;
      if (r === Z_STREAM_END) return best;
      if (strm.avail_out === 0) {
        strm.next_out = 0;
        strm.avail_out = out.length;
      }
      // 128: stopped before a block's header (between blocks); 64: the block just ended was the last
      if (strm.data_type & 128 && !(strm.data_type & 64)) {
        if (strm.total_out > limit) return best;
        // the low bits: those of the last byte taken that the next block's header begins with
        best = { bit: strm.total_in * 8 - (strm.data_type & 63), out: strm.total_out };
      } else if (strm.avail_in === 0) return best;
    }
  } finally {
    inflateEnd(strm);
  }
}

/**
 * The compressed stream up to `bit`, then an empty, not final, stored block: its three header bits, zero bits to
 * the next byte, LEN 0 and NLEN 0xFFFF. What follows may be any raw DEFLATE stream, starting on a whole byte.
 */
export function headUpTo(body: Uint8Array, bit: number): Uint8Array {
  const whole = Math.ceil((bit + 3) / 8);
  const head = new Uint8Array(whole + 4);
  head.set(body.subarray(0, bit >> 3));
  // the bits of the last byte that belong to the blocks kept (a DEFLATE stream fills a byte from its lowest bit)
  if (bit & 7) head[bit >> 3] = body[bit >> 3]! & ((1 << (bit & 7)) - 1);
  head.set([0x00, 0x00, 0xff, 0xff], whole);
  return head;
}
