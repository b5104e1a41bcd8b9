// The copies' zip writer (zipwrite.ts), read back by programs that did not write it: JSZip (with its CRC
// check), Node's zlib, and this project's directory reader. A part kept is copied compressed, byte for byte.
import * as zlib from 'zlib';
import JSZip from 'jszip';
import { crc32, streamZip, useCompressor, writeZip, type Compressor } from '../../src/files/zipwrite';
import { dataStart, zipEntries } from '../../src/files';
import { nativeCompressor } from '../../src/cli/files';

const enc = new TextEncoder();
const bytesOf = (s: string) => () => enc.encode(s);

/** Bytes of every value 0–255 in a pseudo-random order, and runs: what CRC tables and deflate both meet. */
function noise(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = i % 7 === 0 ? 65 : x >>> 24;
  }
  return out;
}

test.each([0, 1, 3, 255, 4096, 100_003])('crc32 of %i bytes is zlib’s', (n) => {
  const data = noise(n, n + 1);
  expect(crc32(data)).toBe(zlib.crc32(data));
});

test.each([
  ['the file layer', crc32],
  ['Node zlib (the CLI)', nativeCompressor(crc32).crc32],
])('a CRC-32 continued chunk by chunk (%s) is the CRC of the whole', (_, crc) => {
  const data = noise(100_003, 4);
  const cuts = [0, 1, 2, 4096, 50_000, 99_999, 100_003];
  let c = 0;
  for (let k = 1; k < cuts.length; k++) c = crc(data.subarray(cuts[k - 1], cuts[k]), c);
  expect(c).toBe(zlib.crc32(data));
});

test('the check values of the CRC-32 the zip format uses', () => {
  expect(crc32(enc.encode('123456789'))).toBe(0xcbf43926);
  expect(crc32(new Uint8Array())).toBe(0);
});

describe.each([
  ['pako', undefined],
  ['Node zlib (the CLI)', nativeCompressor(crc32)],
] as Array<[string, Compressor | undefined]>)('written with %s', (_, compressor) => {
  beforeAll(() => useCompressor(compressor));
  afterAll(() => useCompressor(undefined));

  test('JSZip reads back every part, its CRC checked; names in UTF-8 are flagged as such', async () => {
    const big = noise(300_000, 9);
    const out = await writeZip([
      { name: '[Content_Types].xml', data: bytesOf('<Types/>') },
      { name: 'xl/worksheets/花名册.xml', data: bytesOf('<worksheet>张三</worksheet>') },
      { name: 'xl/media/image1.bin', data: () => big },
      { name: 'empty.txt', data: () => new Uint8Array() },
    ]);
    const zip = await JSZip.loadAsync(out, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual([
      '[Content_Types].xml',
      'xl/worksheets/花名册.xml',
      'xl/media/image1.bin',
      'empty.txt',
    ]);
    expect(await zip.file('xl/worksheets/花名册.xml')!.async('string')).toBe('<worksheet>张三</worksheet>');
    expect(await zip.file('xl/media/image1.bin')!.async('uint8array')).toEqual(big);
    expect(await zip.file('empty.txt')!.async('uint8array')).toEqual(new Uint8Array());
    const entries = zipEntries(out);
    expect(entries.map((e) => [e.method, e.flags & 0x0800])).toEqual([
      [8, 0],
      [8, 0x0800],
      [8, 0],
      [8, 0],
    ]);
    // zlib inflates each part's data as it stands in the file
    const e = entries[1]!;
    const at = dataStart(out, e);
    expect(zlib.inflateRawSync(out.subarray(at, at + e.compressedSize)).toString()).toBe('<worksheet>张三</worksheet>');
  });

  test('a part kept is its compressed bytes, CRC and time as the source had them; the same parts, the same bytes', async () => {
    const source = new JSZip();
    source.file('a.xml', '<a>'.repeat(1000), {
      compression: 'DEFLATE',
      date: new Date(Date.UTC(2019, 4, 6, 7, 8, 10)),
    });
    source.file('b.bin', noise(5000, 3), { compression: 'DEFLATE' });
    const src = await source.generateAsync({ type: 'uint8array' });
    const [a, b] = zipEntries(src);
    const parts = [
      { name: 'a.xml', keep: a!, source: src },
      { name: 'new.xml', data: bytesOf('<new/>') },
      { name: 'b.bin', keep: b!, source: src },
    ];
    const out = await writeZip(parts);
    const [a2, , b2] = zipEntries(out);
    for (const [x, y] of [
      [a!, a2!],
      [b!, b2!],
    ] as const) {
      expect([y.crc, y.time, y.date, y.method, y.compressedSize]).toEqual([
        x.crc,
        x.time,
        x.date,
        x.method,
        x.compressedSize,
      ]);
      expect(out.subarray(dataStart(out, y), dataStart(out, y) + y.compressedSize)).toEqual(
        src.subarray(dataStart(src, x), dataStart(src, x) + x.compressedSize),
      );
    }
    const back = await JSZip.loadAsync(out, { checkCRC32: true });
    expect(await back.file('a.xml')!.async('string')).toBe('<a>'.repeat(1000));
    expect(await writeZip(parts)).toEqual(out);
  });

  /** The same bytes cut into chunks of these sizes, in turn. */
  function* cut(b: Uint8Array, sizes: readonly number[]): Generator<Uint8Array> {
    for (let at = 0, k = 0; at < b.length; k++) {
      const n = sizes[k % sizes.length]!;
      yield b.subarray(at, at + n);
      at += n;
    }
  }

  test('a part given in chunks (of any sizes, empty ones too) is the very package of the part given whole', async () => {
    const xml = enc.encode(
      `<sheetData>${'<row r="1"><c t="inlineStr"><is><t>张三 李四</t></is></c></row>'.repeat(5_000)}`,
    );
    const big = noise(100_000, 5);
    const whole = await writeZip([
      { name: 'a.xml', data: () => xml },
      { name: 'b.bin', data: () => big },
      { name: 'c.xml', data: () => xml, store: true },
    ]);
    const chunked = await writeZip([
      { name: 'a.xml', data: () => cut(xml, [1, 65_536, 0, 7, 300_000]) },
      { name: 'b.bin', data: () => cut(big, [16_384]) },
      { name: 'c.xml', data: () => cut(xml, [1000, 0]), store: true },
    ]);
    expect(chunked).toEqual(whole);
    const zip = await JSZip.loadAsync(chunked, { checkCRC32: true });
    expect(await zip.file('a.xml')!.async('uint8array')).toEqual(xml);
  });

  test('streamZip gives a sink the bytes writeZip returns, in order, a part at a time; its size', async () => {
    const parts = [
      { name: 'a.xml', data: () => cut(noise(70_000, 1), [4096]) },
      { name: 'b.xml', data: bytesOf('<b/>') },
      { name: 'c.xml', data: () => cut(noise(30_000, 2), [999]) },
    ];
    const got: Uint8Array[] = [];
    let waiting = 0;
    const size = await streamZip(parts, async (chunk) => {
      // a slow sink: the writer waits for each chunk
      waiting++;
      await new Promise((r) => setTimeout(r, 1));
      waiting--;
      got.push(chunk);
    });
    expect(waiting).toBe(0);
    const joined = Buffer.concat(got);
    expect(size).toBe(joined.length);
    expect(new Uint8Array(joined)).toEqual(await writeZip(parts));
  });

  test('a part that fails ends the package with its error, the parts after it never given to the sink', async () => {
    const names: string[] = [];
    const failing = function* () {
      yield enc.encode('<a>');
      throw new Error('made wrong');
    };
    const parts = [
      { name: 'first.xml', data: bytesOf('<first/>') },
      { name: 'bad.xml', data: failing },
      { name: 'last.xml', data: bytesOf('<last/>') },
    ];
    const seen: Uint8Array[] = [];
    await expect(streamZip(parts, (c) => void seen.push(c))).rejects.toThrow('made wrong');
    const text = Buffer.concat(seen).toString('latin1');
    for (const n of ['first.xml', 'bad.xml', 'last.xml']) if (text.includes(n)) names.push(n);
    expect(names).toEqual(['first.xml']);
  });
});
