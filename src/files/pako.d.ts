// The part of pako 1.0 (JSZip's inflater, a dependency of ours pinned to the same version) the bounded
// inflater uses (a streaming raw inflate whose output arrives through onData), and the zip writer's deflate
// (streaming too: a part is fed to it a chunk at a time).
declare module 'pako' {
  export class Inflate {
    constructor(options: { raw?: boolean; chunkSize?: number });
    push(data: Uint8Array, mode: boolean): boolean;
    onData: (chunk: Uint8Array) => void;
    onEnd: (status: number) => void;
    err: number;
    msg: string;
  }
  export class Deflate {
    constructor(options: { raw?: boolean; level?: number; chunkSize?: number });
    push(data: Uint8Array, mode: boolean): boolean;
    onData: (chunk: Uint8Array) => void;
    err: number;
    msg: string;
  }
  export function deflateRaw(data: Uint8Array, options?: { level?: number }): Uint8Array;
  export function inflateRaw(data: Uint8Array): Uint8Array;
  const pako: {
    Inflate: typeof Inflate;
    Deflate: typeof Deflate;
    deflateRaw: typeof deflateRaw;
    inflateRaw: typeof inflateRaw;
  };
  export default pako;
}

// pako's zlib port itself, for what its wrapper does not offer: an inflate that stops between DEFLATE blocks
// (Z_BLOCK), telling where it stopped (deflatecut.ts)
declare module 'pako/lib/zlib/zstream' {
  export default class ZStream {
    input: Uint8Array | null;
    next_in: number;
    avail_in: number;
    total_in: number;
    output: Uint8Array | null;
    next_out: number;
    avail_out: number;
    total_out: number;
    data_type: number;
  }
}
declare module 'pako/lib/zlib/inflate' {
  import type ZStream from 'pako/lib/zlib/zstream';
  export function inflateInit2(strm: ZStream, windowBits: number): number;
  export function inflate(strm: ZStream, flush: number): number;
  export function inflateEnd(strm: ZStream): number;
}
