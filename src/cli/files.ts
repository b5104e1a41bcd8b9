// The CLI's file-system work, and only that: which files the arguments name (folders walked), reading their
// bytes, and writing copies so that no file is ever harmed — an --out that is an input (by real path or
// inode: symlinks, hard links) is refused, an existing file is replaced only with --force, the folder is
// checked writable before any work, and every copy is written to a temporary file in its folder and put in
// place only when complete (a failed run leaves nothing behind). Every error is one plain sentence,
// Chinese first, never a stack trace.
import * as fs from 'fs';
import { promises as fsp } from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import * as zlib from 'zlib';
import { t, type Text } from '../core/text';
import {
  BUDGETS,
  bytes,
  CHECK_BYTES_PER_ROW,
  checkRowsLimit,
  COPY_BYTES_PER_RECORD,
  copyRecordsLimit,
  count,
} from '../files/budgets';
import { DEFLATE_LEVEL } from '../files/level';
import type { Compressor } from '../files/zipwrite';

/** A random name part for a temporary file (crypto is loaded by the runs that write, not by `credits`). */
const token = async (): Promise<string> => (await import('crypto')).randomBytes(4).toString('hex');

export class FileError extends Error {
  constructor(readonly text: Text) {
    super(`${text.zh}\n${text.en}`);
  }
}

const ERRNO: Record<string, Text> = {
  ENOENT: t('文件或文件夹不存在', 'no such file or folder'),
  EACCES: t('没有权限', 'permission denied'),
  EPERM: t('没有权限（或文件被系统锁定）', 'operation not permitted'),
  EISDIR: t('这是一个文件夹，不是文件', 'is a folder, not a file'),
  ENOTDIR: t('路径中有一段不是文件夹', 'a part of the path is not a folder'),
  ENOSPC: t('磁盘空间已满', 'the disk is full'),
  EDQUOT: t('超出磁盘配额', 'disk quota exceeded'),
  EFBIG: t('文件太大', 'file too large'),
  EROFS: t('磁盘是只读的', 'read-only file system'),
  EEXIST: t('文件已存在', 'the file already exists'),
  EMFILE: t('同时打开的文件太多', 'too many open files'),
  ENFILE: t('同时打开的文件太多', 'too many open files'),
  ELOOP: t('符号链接层数太多（可能有循环）', 'too many symbolic links'),
  ENAMETOOLONG: t('路径太长', 'the path is too long'),
  EBUSY: t('文件正被其他程序占用', 'the file is busy'),
  EIO: t('读写出错（磁盘或网络盘故障）', 'input/output error'),
  ETXTBSY: t('文件正被其他程序占用', 'the file is busy'),
};

/** "无法读取 a.xlsx：没有权限" / "cannot read a.xlsx: permission denied" — an errno as a plain sentence. */
export function fsError(what: Text, file: string, e: unknown): FileError {
  const why = errnoText(e);
  return new FileError(t(`${what.zh} ${file}：${why.zh}`, `${what.en} ${file}: ${why.en}`));
}

/** An errno as words: "没有权限" / "permission denied". */
function errnoText(e: unknown): Text {
  const code = (e as NodeJS.ErrnoException)?.code ?? '';
  return (
    ERRNO[code] ??
    t(
      `系统错误 ${code || String((e as Error)?.message ?? e)}`,
      `system error ${code || String((e as Error)?.message ?? e)}`,
    )
  );
}

const READ = t('无法读取', 'cannot read');
const WRITE = t('无法写入', 'cannot write');

/** Extensions read when walking a folder (a file named on the command line is read whatever its name). */
export const READABLE = new Set(['.xlsx', '.xlsm', '.xlsb', '.xls', '.et', '.ods', '.csv', '.txt']);

export interface Input {
  /** the path as the user will recognise it (as typed, or folder/relative) */
  label: string;
  abs: string;
  /** found by walking a folder (rather than named) */
  walked: boolean;
  /** the path below the folder it was found in, for mirroring into an --out folder */
  rel: string;
}

/** The files the arguments name: files as they are, folders walked (readable types, no lock or hidden files). */
export async function collectInputs(
  args: readonly string[],
  skip: ReadonlySet<string> = new Set(),
): Promise<{ inputs: Input[]; folders: number }> {
  const inputs: Input[] = [];
  const seen = new Set<string>();
  let folders = 0;
  for (const arg of args) {
    const abs = path.resolve(arg);
    let st;
    try {
      st = await fsp.stat(abs);
    } catch (e) {
      throw fsError(READ, arg, e);
    }
    if (st.isDirectory()) {
      folders++;
      const found: Input[] = [];
      await walk(abs, arg, '', found, skip);
      if (!found.length)
        throw new FileError(
          t(
            `文件夹 ${arg} 中没有可读的表格文件（.xlsx .xlsm .xlsb .xls .et .ods .csv）`,
            `the folder ${arg} holds no readable roster files (.xlsx .xlsm .xlsb .xls .et .ods .csv)`,
          ),
        );
      for (const f of found.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0))) {
        if (!seen.has(f.abs)) {
          inputs.push(f);
          seen.add(f.abs);
        }
      }
    } else if (st.isFile()) {
      if (!seen.has(abs)) {
        inputs.push({ label: arg, abs, walked: false, rel: path.basename(abs) });
        seen.add(abs);
      }
    } else {
      throw new FileError(t(`${arg} 不是普通文件或文件夹`, `${arg} is not a regular file or folder`));
    }
  }
  return { inputs, folders };
}

async function walk(dir: string, label: string, rel: string, out: Input[], skip: ReadonlySet<string>): Promise<void> {
  if (skip.has(dir)) return;
  let entries;
  try {
    entries = await fsp.readdir(dir, { withFileTypes: true });
  } catch (e) {
    throw fsError(READ, label, e);
  }
  for (const e of entries) {
    // Excel's and WPS's lock files (~$a.xlsx, .~a.xlsx) and hidden files are not rosters
    if (e.name.startsWith('~$') || e.name.startsWith('.')) continue;
    const abs = path.join(dir, e.name);
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) await walk(abs, path.join(label, e.name), r, out, skip);
    else if (e.isFile() && READABLE.has(path.extname(e.name).toLowerCase())) {
      out.push({ label: path.join(label, e.name), abs, walked: true, rel: r });
    }
  }
}

/**
 * A file's bytes, when it is a regular file within the size budget — checked on the open file, before a byte
 * is read: a FIFO (opened without blocking), a device such as /dev/zero behind a symbolic link, or a folder
 * named like a roster is refused in words, never read until memory runs out. The error says why, without
 * the file's name: the caller puts it in front ("无法读取 a.csv：…").
 */
export async function readBytes(file: string, maxBytes = BUDGETS.fileBytes): Promise<Uint8Array> {
  let h: fs.promises.FileHandle | undefined;
  try {
    h = await fsp.open(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const st = await h.stat();
    if (!st.isFile())
      throw new FileError(
        t(
          `不是普通文件（${st.isDirectory() ? '是文件夹' : st.isFIFO() ? '是管道' : '是设备或其他特殊文件'}）`,
          `not a regular file (${st.isDirectory() ? 'a folder' : st.isFIFO() ? 'a pipe' : 'a device or another special file'})`,
        ),
      );
    if (st.size > maxBytes)
      throw new FileError(
        t(
          `文件有 ${bytes(st.size)}，超过可读取的上限 ${bytes(maxBytes)}（fileBytes）；请把花名册拆成几个文件`,
          `the file is ${bytes(st.size)}, more than the ${bytes(maxBytes)} that are read (fileBytes); split the roster into several files`,
        ),
      );
    // the size the file had when opened: one that grows meanwhile is read as it was
    const out = new Uint8Array(st.size);
    let off = 0;
    while (off < out.length) {
      const { bytesRead } = await h.read(out, off, out.length - off, off);
      if (bytesRead <= 0) break;
      off += bytesRead;
    }
    return off === out.length ? out : out.subarray(0, off);
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw new FileError(errnoText(e));
  } finally {
    await h?.close().catch(() => undefined);
  }
}

/** What identifies a file whatever the path: its real path, and its device and inode (hard links). */
interface Identity {
  real: string;
  dev: number;
  ino: number;
}

export async function identity(file: string): Promise<Identity | null> {
  try {
    const st = await fsp.stat(file);
    return { real: await fsp.realpath(file), dev: st.dev, ino: st.ino };
  } catch {
    return null;
  }
}

const same = (a: Identity, b: Identity) => a.real === b.real || (a.dev === b.dev && a.ino === b.ino);

/** The file-system calls a write goes through; tests swap in one that fails part-way (a full disk). */
export interface WriteFs {
  open: typeof fsp.open;
  link: typeof fsp.link;
  rename: typeof fsp.rename;
  unlink: typeof fsp.unlink;
}

const realFs: WriteFs = { open: fsp.open, link: fsp.link, rename: fsp.rename, unlink: fsp.unlink };

/** Temporary files not yet put in place: removed if the run fails or is interrupted. */
const pending = new Set<string>();

export function removePendingSync(): void {
  for (const p of pending) {
    try {
      fs.unlinkSync(p);
    } catch {
      /* already gone */
    }
  }
  pending.clear();
}

export interface Target {
  /** where the copy goes */
  file: string;
  label: string;
  force: boolean;
}

/**
 * Refuse a target before any work: it must not be an input (real path or inode), must not exist unless
 * --force, and its folder must exist and take a new file (probed by creating and removing one).
 */
export async function checkTarget(target: Target, inputs: readonly Identity[], wfs: WriteFs = realFs): Promise<void> {
  const { file, label } = target;
  let lst;
  try {
    lst = await fsp.lstat(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw fsError(WRITE, label, e);
  }
  if (lst) {
    if (lst.isDirectory())
      throw new FileError(
        t(
          `--out ${label} 是一个文件夹；多个输入时 --out 才是文件夹`,
          `--out ${label} is a folder; --out names a folder only for several inputs`,
        ),
      );
    const id = await identity(file);
    if (id && inputs.some((i) => same(i, id))) {
      throw new FileError(
        t(
          `--out ${label} 指向输入文件本身（${lst.isSymbolicLink() ? '符号链接' : '同一文件或硬链接'}）：输入文件永远不会被修改`,
          `--out ${label} is the input file itself (${lst.isSymbolicLink() ? 'a symbolic link' : 'the same file or a hard link'}): the input is never modified`,
        ),
      );
    }
    if (!target.force)
      throw new FileError(
        t(`--out ${label} 已存在；如要替换请加 --force`, `--out ${label} already exists; add --force to replace it`),
      );
  }
  const dir = path.dirname(file);
  const probe = path.join(dir, `.cpd-probe-${process.pid}-${await token()}`);
  try {
    const h = await wfs.open(probe, 'wx');
    await h.close();
    await wfs.unlink(probe);
  } catch (e) {
    throw fsError(t('无法在此文件夹写入', 'cannot write in the folder'), dir, e);
  }
}

/**
 * Write a copy: to a temporary file beside the target, synced, then put in place — by a hard link when the
 * target must not exist (atomic: a file that appeared meanwhile is never replaced), by rename with --force.
 * Returns a function that puts the file in place; on failure the temporary file is removed.
 */
export interface Written {
  commit: () => Promise<void>;
  abort: () => Promise<void>;
}

export async function writeTemp(target: Target, bytes: Uint8Array | string, wfs: WriteFs = realFs): Promise<Written> {
  const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  const w = await writeTempStream(target, (sink) => sink(data), wfs);
  return { commit: () => w.commit(), abort: w.abort };
}

/** A copy written as it is made: what the sink is given, in order; `commit` may name another target. */
export interface WrittenStream {
  commit: (to?: Target) => Promise<void>;
  abort: () => Promise<void>;
}

/** Chunks written to an open file in batches of WRITE_BATCH; the first failure of a write, to tell it apart. */
function batchedWriter(h: fs.promises.FileHandle) {
  let failure: unknown;
  const writeAll = async (data: Uint8Array) => {
    let off = 0;
    while (off < data.length) {
      const { bytesWritten } = await h.write(data, off, data.length - off);
      if (bytesWritten <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
      off += bytesWritten;
    }
  };
  let batch: Uint8Array[] = [];
  let held = 0;
  const noted = <T>(p: Promise<T>) => p.catch((e) => Promise.reject((failure ??= e)));
  const flush = async () => {
    if (!held) return;
    const data = batch.length === 1 ? batch[0]! : Buffer.concat(batch, held);
    batch = [];
    held = 0;
    await noted(writeAll(data));
  };
  const sink = async (chunk: Uint8Array) => {
    if (chunk.length >= WRITE_BATCH) {
      await flush();
      await noted(writeAll(chunk));
      return;
    }
    batch.push(chunk);
    held += chunk.length;
    if (held >= WRITE_BATCH) await flush();
  };
  return { sink, flush, failure: () => failure };
}

/**
 * Put a written temporary file in place: by a hard link when the target must not exist (atomic: a file that
 * appeared meanwhile is never replaced), by rename with --force; on failure the temporary file is removed.
 */
async function putInPlace(tmp: string, to: Target, wfs: WriteFs, abort: () => Promise<void>): Promise<void> {
  try {
    if (to.force) await wfs.rename(tmp, to.file);
    else {
      try {
        await wfs.link(tmp, to.file);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw e;
        // file systems without hard links (FAT, some network shares): rename after one more look
        if (
          await fsp.lstat(to.file).then(
            () => true,
            () => false,
          )
        )
          throw Object.assign(new Error('exists'), { code: 'EEXIST' });
        await wfs.rename(tmp, to.file);
      }
      await wfs.unlink(tmp).catch(() => undefined);
    }
    pending.delete(tmp);
  } catch (e) {
    await abort();
    throw fsError(WRITE, to.label, e);
  }
}

/** Bytes gathered before a write (a copy's deflated parts come in chunks of 16 KiB). */
const WRITE_BATCH = 1 << 20;

/**
 * writeTemp of bytes made while they are written: `make` gives them to its sink in order (a copy's zip, as it
 * is made), each batch written before the next is taken, so the file is never held whole.
 */
export async function writeTempStream(
  target: Target,
  make: (sink: (chunk: Uint8Array) => Promise<void>) => Promise<void>,
  wfs: WriteFs = realFs,
): Promise<WrittenStream> {
  const dir = path.dirname(target.file);
  const tmp = path.join(dir, `.${path.basename(target.file)}.${process.pid}-${await token()}.tmp`);
  pending.add(tmp);
  const abort = async () => {
    pending.delete(tmp);
    await wfs.unlink(tmp).catch(() => undefined);
  };
  let h: fs.promises.FileHandle;
  try {
    h = await wfs.open(tmp, 'wx');
  } catch (e) {
    await abort();
    throw fsError(WRITE, target.label, e);
  }
  // a failure of the file system is one plain sentence; one of making the bytes is the maker's own error
  const out = batchedWriter(h);
  const fail = async (e: unknown, ours: boolean) => {
    await h.close().catch(() => undefined);
    await abort();
    return ours ? fsError(WRITE, target.label, e) : e;
  };
  try {
    await make(out.sink);
  } catch (e) {
    throw await fail(e, e === out.failure());
  }
  try {
    await out.flush();
    await h.sync();
  } catch (e) {
    throw await fail(e, true);
  }
  try {
    await h.close();
  } catch (e) {
    await abort();
    throw fsError(WRITE, target.label, e);
  }
  const commit = (to: Target = target) => putInPlace(tmp, to, wfs, abort);
  return { commit, abort };
}

/** Make the --out folder (and its parents) if needed. */
export async function ensureFolder(dir: string, label: string): Promise<void> {
  try {
    await fsp.mkdir(dir, { recursive: true });
  } catch (e) {
    throw fsError(t('无法创建文件夹', 'cannot create the folder'), label, e);
  }
  const st = await fsp.stat(dir).catch((e) => {
    throw fsError(t('无法创建文件夹', 'cannot create the folder'), label, e);
  });
  if (!st.isDirectory()) throw new FileError(t(`--out ${label} 不是文件夹`, `--out ${label} is not a folder`));
}

/**
 * Node's zlib for reading a package's parts (useInflater): one output buffer of `size` + 1 bytes, so that a part
 * that inflates to more than its directory says stops there (ERR_BUFFER_TOO_LARGE), as pako's reading does.
 */
export function nativeInflater(body: Uint8Array, size: number): Uint8Array | 'over' | null {
  let out: Buffer;
  try {
    out = zlib.inflateRawSync(body, { chunkSize: Math.max(64, size + 1), maxOutputLength: size + 1 });
  } catch (e) {
    return (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'over' : null;
  }
  return out.length > size ? 'over' : new Uint8Array(out.buffer, out.byteOffset, out.length);
}

let native: Compressor | undefined;

/**
 * Node's zlib for the copies' parts: the same DEFLATE as pako's (DEFLATE_LEVEL), in C, on the thread pool while the
 * next chunk of XML is made — a 100 000-row roster's copy deflates in 0.6 s rather than 2.5 s. A part is
 * written to the deflater a chunk at a time (up to 1 MiB waiting, then the writer waits for it). zlib.crc32 is
 * Node 20.15's; before it, the file layer's own (`crc32`).
 */
export function nativeCompressor(crc32: (d: Uint8Array, crc?: number) => number): Compressor {
  if (native) return native;
  const crc = typeof zlib.crc32 === 'function' ? (d: Uint8Array, c = 0) => zlib.crc32(d, c) : crc32;
  return (native = {
    deflater: () => {
      // (the stream options reach the Transform underneath; @types/node does not list them for zlib)
      const z = zlib.createDeflateRaw({ level: DEFLATE_LEVEL, writableHighWaterMark: 1 << 20 } as zlib.ZlibOptions);
      const out: Uint8Array[] = [];
      let failure: Error | undefined;
      z.on('data', (b: Buffer) => out.push(new Uint8Array(b.buffer, b.byteOffset, b.length)));
      z.on('error', (e) => (failure ??= e));
      const ended = new Promise<void>((resolve, reject) => {
        z.on('end', resolve);
        z.on('error', reject);
      });
      ended.catch(() => undefined);
      return {
        push: (chunk) => {
          if (failure) throw failure;
          if (z.write(chunk)) return;
          return new Promise<void>((resolve, reject) => {
            const done = (e?: Error) => {
              z.off('drain', done);
              z.off('error', done);
              if (e) reject(e);
              else resolve();
            };
            z.on('drain', done);
            z.on('error', done);
          });
        },
        end: async () => {
          z.end();
          await ended;
          return out;
        },
      };
    },
    crc32: crc,
  });
}

/** --max-old-space-size for a need of `bytes` at 85 % of the heap, rounded up to 256 MB: what a message suggests. */
const heapFor = (bytes: number): number => Math.ceil(bytes / 0.85 / 2 ** 20 / 256) * 256;
const gb = (n: number) => (n / 1e9).toFixed(1);

/**
 * Refuse an .xlsx copy this process's heap cannot hold, before it is begun: one plain message and nothing
 * written, where the copy would have run out of memory minutes later and ended in V8's crash report.
 */
export function checkCopyFits(records: number, heapLimit = v8.getHeapStatistics().heap_size_limit): void {
  const max = copyRecordsLimit(heapLimit);
  if (records <= max) return;
  const mb = heapFor(records * COPY_BYTES_PER_RECORD);
  throw new FileError(
    t(
      `${count(records)} 条记录的 .xlsx 副本约需 ${gb(records * COPY_BYTES_PER_RECORD)} GB 内存，超过本进程可用的 ${gb(heapLimit)} GB` +
        `（上限约 ${count(max)} 条，copyRecords）：未写出任何文件。可按学校、年度分开检查，` +
        `或在内存足够的电脑上以 NODE_OPTIONS=--max-old-space-size=${mb} 运行`,
      `an .xlsx copy of ${count(records)} records needs about ${gb(records * COPY_BYTES_PER_RECORD)} GB of memory, more than the ` +
        `${gb(heapLimit)} GB this process may use (about ${count(max)} records, copyRecords): nothing was written. Check ` +
        `the schools or years separately, or on a machine with the memory run with ` +
        `NODE_OPTIONS=--max-old-space-size=${mb}`,
    ),
  );
}

/** The rows this process's heap lets a run read (checkRows). */
export const checkRowsMax = (heapLimit = v8.getHeapStatistics().heap_size_limit): number => checkRowsLimit(heapLimit);

/**
 * The refusal of a run past checkRows: `read` of the `total` files were read when `rows` passed the limit at
 * `file`; the rest are not read and nothing is checked.
 */
export function tooManyRows(
  o: { rows: number; file: string; read: number; total: number },
  heapLimit = v8.getHeapStatistics().heap_size_limit,
): FileError {
  const max = checkRowsLimit(heapLimit);
  const mb = heapFor(o.rows * CHECK_BYTES_PER_ROW);
  const rest = o.total - o.read;
  return new FileError(
    t(
      `读到 ${o.file} 时，${o.total > 1 ? `已读的 ${o.read} 个文件` : '文件'}共有 ${count(o.rows)} 行，超过本进程 ${gb(heapLimit)} GB ` +
        `内存可检查的行数（约 ${count(max)} 行，checkRows）` +
        `${rest > 0 ? `；其余 ${rest} 个文件未读取` : ''}：未作检查。可分批检查（按学校、年度或文件夹），` +
        `或在内存足够的电脑上以 NODE_OPTIONS=--max-old-space-size=${mb} 运行`,
      `at ${o.file}, the ${o.total > 1 ? `${o.read} files read` : 'file'} had ${count(o.rows)} rows, more than this process ` +
        `can check in its ${gb(heapLimit)} GB of memory (about ${count(max)} rows, checkRows)` +
        `${rest > 0 ? `; the other ${rest} files were not read` : ''}: nothing was checked. Check them in parts ` +
        `(by school, year or folder), or on a machine with the memory run with NODE_OPTIONS=--max-old-space-size=${mb}`,
    ),
  );
}
