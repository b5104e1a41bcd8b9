// The parts of a zip package, inflated only when asked for and never past a budget. The zip directory
// gives every part's size before a byte is inflated: a part larger than the part budget, or one that would
// take the package past its total, is refused first; then the part is inflated into a buffer of exactly the
// size the directory declared, so a directory that lies (a few hundred kB that inflate to gigabytes) is
// caught at the first byte too many. The reader (SheetJS) is handed a container whose parts inflate lazily:
// it takes only what it needs — a hidden sheet that is not read is never inflated.
import { sheetjs } from './sheetjs';
import pako from 'pako';
import { t } from '../core/text';
import { bytes as byteWords, count, type Budgets } from './budgets';
import { FileProblem } from './problem';
import { dataStart, type ZipEntry } from './zip';

const damaged = (name: string, why: string, whyEn: string) =>
  new FileProblem(
    t(
      `压缩包中的 ${name} ${why}：文件已损坏或被篡改`,
      `the part ${name} of the package ${whyEn}: the file is damaged or was tampered with`,
    ),
  );

export class PackageParts {
  private readonly byName = new Map<string, ZipEntry>();
  private readonly cache = new Map<string, Uint8Array>();
  /** uncompressed bytes inflated (or about to be) so far */
  private spent = 0;
  /** the first problem met while the reader asked for parts (the reader swallows some errors) */
  failure: FileProblem | null = null;

  constructor(
    private readonly bytes: Uint8Array,
    readonly entries: readonly ZipEntry[],
    private readonly bud: Budgets,
  ) {
    if (entries.length > bud.parts)
      throw new FileProblem(
        t(
          `压缩包中有 ${count(entries.length)} 个部件，超过上限 ${count(bud.parts)}（parts）`,
          `the package has ${count(entries.length)} parts, more than the limit of ${count(bud.parts)} (parts)`,
        ),
      );
    for (const e of entries) if (!this.byName.has(e.name)) this.byName.set(e.name, e);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** A part's bytes, inflated within the budgets; undefined when the package has no such part. */
  part(name: string): Uint8Array | undefined {
    const cached = this.cache.get(name);
    if (cached) return cached;
    const e = this.byName.get(name);
    if (!e) return undefined;
    const data = this.inflate(e);
    this.cache.set(name, data);
    return data;
  }

  /** A part as text (UTF-8). */
  text(name: string): string | undefined {
    const b = this.part(name);
    return b === undefined ? undefined : new TextDecoder('utf-8').decode(b);
  }

  /** Forget a part's bytes once its reader is done with them. */
  release(name: string): void {
    this.cache.delete(name);
  }

  /** Refuse a part larger than the part budget, from its directory entry alone. */
  checkPart(e: ZipEntry): void {
    const size = e.uncompressedSize;
    if (size > this.bud.partBytes)
      throw new FileProblem(
        t(
          `压缩包中的 ${e.name} 解压后有 ${byteWords(size)}，超过单个部件的上限 ${byteWords(this.bud.partBytes)}（partBytes）`,
          `the part ${e.name} inflates to ${byteWords(size)}, more than the limit of ${byteWords(this.bud.partBytes)} for one part (partBytes)`,
        ),
      );
  }

  private inflate(e: ZipEntry): Uint8Array {
    const size = e.uncompressedSize;
    this.checkPart(e);
    if (this.spent + size > this.bud.packageBytes)
      throw new FileProblem(
        t(
          `压缩包解压后超过 ${byteWords(this.bud.packageBytes)}（packageBytes）：读到 ${e.name} 时已用 ${byteWords(this.spent)}`,
          `the package inflates to more than ${byteWords(this.bud.packageBytes)} (packageBytes): ${byteWords(this.spent)} were used when ${e.name} came`,
        ),
      );
    if (e.flags & 1) throw new FileProblem(t(`压缩包中的 ${e.name} 已加密`, `the part ${e.name} is encrypted`));
    this.spent += size;
    const at = dataStart(this.bytes, e);
    const body = this.bytes.subarray(at, at + e.compressedSize);
    if (e.method === 0) {
      if (e.compressedSize !== size)
        throw damaged(e.name, '的大小与目录不符', 'has another size than its directory says');
      return body;
    }
    if (e.method !== 8)
      throw new FileProblem(
        t(
          `压缩包中的 ${e.name} 使用了不支持的压缩方式 ${e.method}`,
          `the part ${e.name} uses compression method ${e.method}`,
        ),
      );
    return inflateExactly(body, size, e.name);
  }

  /**
   * A container the reader (SheetJS) takes in place of reading the zip itself: the package's XML and binary
   * parts, each inflated when first read. `transform` sees a part's bytes first (the sheet scan).
   */
  container(include: (name: string) => boolean, transform: (name: string, b: Uint8Array) => Uint8Array): unknown {
    const CFB = (sheetjs() as unknown as { CFB: CfbApi }).CFB;
    const cfb = CFB.utils.cfb_new();
    const empty = new Uint8Array(0);
    for (const name of this.byName.keys()) {
      if (name.endsWith('/') || !include(name)) continue;
      CFB.utils.cfb_add(cfb, name, empty, { unsafe: true });
      const file = cfb.FileIndex[cfb.FileIndex.length - 1]!;
      let value: Uint8Array | null = null;
      Object.defineProperty(file, 'content', {
        configurable: true,
        enumerable: true,
        get: () => {
          if (value === null) {
            try {
              value = transform(name, this.part(name)!);
              this.release(name);
            } catch (e) {
              if (e instanceof FileProblem && !this.failure) this.failure = e;
              throw e;
            }
          }
          return value;
        },
      });
      Object.defineProperty(file, 'size', { value: this.byName.get(name)!.uncompressedSize, writable: true });
    }
    return cfb;
  }
}

interface CfbApi {
  utils: {
    cfb_new: () => { FileIndex: object[]; FullPaths: string[] };
    cfb_add: (cfb: unknown, name: string, content: Uint8Array, o: { unsafe: boolean }) => void;
  };
}

/**
 * A shell's own inflater (the CLI's: Node's zlib, ~4× pako's speed on a large sheet): raw DEFLATE into at most
 * `size` + 1 bytes — 'over' when there would be more, null when the stream cannot be inflated.
 */
export type Inflater = (body: Uint8Array, size: number) => Uint8Array | 'over' | null;

let inflater: Inflater | undefined;

/** Inflate with the shell's inflater from now on (undefined: pako again). No Node API here: the shell gives it. */
export function useInflater(f: Inflater | undefined): void {
  inflater = f;
}

/**
 * Inflate a raw deflate stream into exactly `size` bytes — with the shell's inflater, else pako — refused when it
 * would give more than `size` (seen at the first byte too many), when it cannot be inflated, or when it gives less.
 */
export function inflateExactly(body: Uint8Array, size: number, name: string): Uint8Array {
  const got = (inflater ?? pakoInflater)(body, size);
  if (got === 'over') throw damaged(name, '解压后比目录中记录的大小更大', 'inflates to more than its directory says');
  if (got === null) throw damaged(name, '无法解压', 'cannot be inflated');
  if (got.length !== size)
    throw damaged(name, '解压后的大小与目录不符', 'inflates to another size than its directory says');
  return got;
}

/** pako's Inflater: one output chunk of size + 1, so that one byte more than declared is seen without going on. */
function pakoInflater(body: Uint8Array, size: number): Uint8Array | 'over' | null {
  const inflator = new pako.Inflate({ raw: true, chunkSize: size + 1 });
  let out: Uint8Array | null = null;
  let over = false;
  inflator.onData = (chunk: Uint8Array) => {
    if (out !== null || chunk.length > size) {
      over = true;
      throw new Error('over');
    }
    out = chunk;
  };
  inflator.onEnd = () => undefined;
  try {
    inflator.push(body, true);
  } catch {
    if (!over) return null;
  }
  if (over) return 'over';
  if (inflator.err) return null;
  return out ?? new Uint8Array(0);
}
