// Never harm a file: --out that is an input (same path, symlink, hard link, a symlinked folder) is refused;
// an existing file is replaced only with --force; an unwritable folder is refused before any work; a disk
// that fills part-way, or a copy that cannot be put in place, leaves nothing behind. Every such error is a
// plain sentence, Chinese first, without a stack trace.
import { createHash } from 'crypto';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import type { WriteFs } from '../../src/cli/files';
import { SAMPLES } from '../files/fixtures';

async function cli(argv: string[], wfs?: WriteFs): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, {
    out: (s) => (out += s),
    err: (s) => (err += s),
    isTTY: false,
    env: {},
    ...(wfs ? { wfs } : {}),
  });
  return { code, out, err };
}

const hash = async (f: string) =>
  createHash('sha256')
    .update(await fsp.readFile(f))
    .digest('hex');
const plain = (err: string) => {
  expect(err).not.toMatch(/\n\s+at /); // no stack trace
  expect(err).not.toContain('internal error');
};

let tmp: string;
let input: string;
let before: string;
beforeEach(async () => {
  tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'cpd-safe-'));
  input = path.join(tmp, 'roster.xlsx');
  await fsp.copyFile(path.join(SAMPLES, 'hainan.xlsx'), input);
  before = await hash(input);
});
afterEach(async () => {
  expect(await hash(input)).toBe(before); // whatever happened, the input is as it was
  await fsp.rm(tmp, { recursive: true, force: true });
});

describe('an --out that is the input is refused, even with --force', () => {
  test('the same path', async () => {
    const r = await cli(['check', input, '--out', input, '--force']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('指向输入文件本身');
    plain(r.err);
  });

  test('a symbolic link to the input', async () => {
    const link = path.join(tmp, 'link.xlsx');
    await fsp.symlink(input, link);
    const r = await cli(['check', input, '--out', link, '--force']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('符号链接');
    expect((await fsp.lstat(link)).isSymbolicLink()).toBe(true);
  });

  test('a hard link to the input', async () => {
    const hard = path.join(tmp, 'hard.xlsx');
    await fsp.link(input, hard);
    const r = await cli(['check', input, '--out', hard, '--force']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('硬链接');
  });

  test('the input reached through a symlinked folder', async () => {
    const dir = path.join(tmp, 'alias');
    await fsp.symlink(tmp, dir);
    const r = await cli(['check', input, '--out', path.join(dir, 'roster.xlsx'), '--force']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('指向输入文件本身');
  });
});

test('an existing file is replaced only with --force', async () => {
  const out = path.join(tmp, 'out.xlsx');
  await fsp.writeFile(out, 'keep me');
  const r = await cli(['check', input, '--out', out]);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/^--out .* 已存在；如要替换请加 --force\n/);
  plain(r.err);
  expect(await fsp.readFile(out, 'utf8')).toBe('keep me');
  const f = await cli(['check', input, '--out', out, '--force']);
  expect(f.code).toBe(1);
  expect(await fsp.readFile(out, 'utf8')).not.toBe('keep me');
  expect(await fsp.readdir(tmp)).toEqual(['out.xlsx', 'roster.xlsx']);
});

test('a folder that cannot take the file is refused before any work, in plain words', async () => {
  const notDir = path.join(tmp, 'file.txt');
  await fsp.writeFile(notDir, '');
  const r = await cli(['check', input, '--out', path.join(notDir, 'out.xlsx')]);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(
    /^无法写入 .*file\.txt\/out\.xlsx：路径中有一段不是文件夹\ncannot write .*: a part of the path is not a folder\n$/,
  );
  const missing = await cli(['check', input, '--out', path.join(tmp, 'no', 'such', 'out.xlsx')]);
  expect(missing.err).toContain('文件或文件夹不存在');
  expect(await fsp.readdir(tmp)).toEqual(['file.txt', 'roster.xlsx']);
});

/** The real calls, except that writes stop with ENOSPC once `limit` bytes are on the disk (all files together). */
function fullDisk(limit: number): WriteFs {
  let written = 0;
  return {
    open: (async (p: string, flags: string) => {
      const h = await fsp.open(p, flags);
      return new Proxy(h, {
        get(target, prop) {
          if (prop === 'write') {
            return async (buf: Uint8Array, off: number, len: number) => {
              const n = Math.max(0, Math.min(len, limit - written));
              if (n > 0) await target.write(buf, off, n);
              written += n;
              if (n < len) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
              return { bytesWritten: n, buffer: buf };
            };
          }
          const v = (target as unknown as Record<string | symbol, unknown>)[prop];
          return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
        },
      });
    }) as unknown as WriteFs['open'],
    link: fsp.link,
    rename: fsp.rename,
    unlink: fsp.unlink,
  };
}

test('a disk that fills part-way through the copy leaves nothing behind', async () => {
  const out = path.join(tmp, 'out.xlsx');
  const r = await cli(['check', input, '--out', out], fullDisk(10_000));
  expect(r.code).toBe(2);
  expect(r.err).toBe(`无法写入 ${out}：磁盘空间已满\ncannot write ${out}: the disk is full\n`);
  expect(await fsp.readdir(tmp)).toEqual(['roster.xlsx']);
});

test('a copy that cannot be put in place leaves nothing behind', async () => {
  const out = path.join(tmp, 'out.xlsx');
  const failing: WriteFs = {
    ...fullDisk(Infinity),
    link: async () => {
      throw Object.assign(new Error('EIO'), { code: 'EIO' });
    },
    rename: async () => {
      throw Object.assign(new Error('EIO'), { code: 'EIO' });
    },
  };
  const r = await cli(['check', input, '--out', out], failing);
  expect(r.code).toBe(2);
  expect(r.err).toContain('读写出错');
  expect(await fsp.readdir(tmp)).toEqual(['roster.xlsx']);
});

test('many copies: one failing leaves none of them, nor the folders made for them', async () => {
  const second = path.join(tmp, 'in', 'sub', 'b.xlsx');
  await fsp.mkdir(path.dirname(second), { recursive: true });
  await fsp.copyFile(path.join(SAMPLES, 'hainan.xlsx'), second);
  const out = path.join(tmp, 'out');
  // enough for the first copy, not for all of them
  const r = await cli(['check', input, path.join(tmp, 'in'), '--out', out], fullDisk(150_000));
  expect(r.code).toBe(2);
  expect(r.err).toContain('磁盘空间已满');
  expect((await fsp.readdir(tmp)).sort()).toEqual(['in', 'roster.xlsx']);
});

test('a file that does not exist, and a folder with no rosters, are plain errors (exit 2)', async () => {
  const r = await cli(['check', path.join(tmp, 'nope.xlsx'), '--region', 'hainan']);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/^无法读取 .*nope\.xlsx：文件或文件夹不存在\n/);
  plain(r.err);
  const empty = path.join(tmp, 'empty');
  await fsp.mkdir(empty);
  const e = await cli(['check', empty, '--region', 'hainan']);
  expect(e.code).toBe(2);
  expect(e.err).toContain('没有可读的表格文件');
  await fsp.rmdir(empty);
});
