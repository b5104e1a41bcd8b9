// A marked sheet's copy keeps the compressed blocks of its unchanged cells (deflatecut.ts, zipwrite.ts): the
// stream cut at a block boundary found by pako, an empty stored block, the rest deflated afresh. Checked on
// streams of every kind of block (stored, fixed and dynamic Huffman; zlib at levels 0, 1, 6 and 9, pako, JSZip)
// and through the copy of a workbook ExcelJS wrote, read back by JSZip with its CRC checked.
import * as zlib from 'zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import pako from 'pako';
import { headUpTo, lastBoundary } from '../../src/files/deflatecut';
import { streamZip, useCompressor, writeZip, type OutPart } from '../../src/files/zipwrite';
import { zipEntries, dataStart } from '../../src/files/zip';
import { annotatePackage } from '../../src/files/ooxml';
import { readWorkbook } from '../../src/files';
import { nativeCompressor } from '../../src/cli/files';
import { crc32 } from '../../src/files/zipwrite';

const enc = new TextEncoder();
/** Sheet-like XML of `rows` rows, varied enough that the deflater makes many blocks. */
const sheetXml = (rows: number) => {
  let s = '<worksheet><sheetData>';
  for (let r = 1; r <= rows; r++)
    s += `<row r="${r}"><c r="A${r}" t="s"><v>${(r * 7919) % 1013}</v></c><c r="B${r}"><v>${(r * 31) % 97}.5</v></c></row>`;
  return enc.encode(s);
};
const TAIL = enc.encode('</sheetData><pageMargins left="0.7"/></worksheet>');
const INSERT = enc.encode(
  '</sheetData><conditionalFormatting sqref="A2"><cfRule type="expression" dxfId="1" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting><pageMargins left="0.7"/></worksheet>',
);
const cells = sheetXml(40_000);
const join = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

const streams: Array<[string, (b: Uint8Array) => Uint8Array]> = [
  ['zlib level 0 (stored blocks)', (b) => zlib.deflateRawSync(b, { level: 0 })],
  ['zlib level 1', (b) => zlib.deflateRawSync(b, { level: 1 })],
  ['zlib level 6', (b) => zlib.deflateRawSync(b, { level: 6 })],
  ['zlib level 9', (b) => zlib.deflateRawSync(b, { level: 9 })],
  ['pako level 6', (b) => pako.deflateRaw(b, { level: 6 })],
  // the level the copies are written at (DEFLATE_LEVEL)
  ['zlib level 5', (b) => zlib.deflateRawSync(b, { level: 5 })],
  ['pako level 5', (b) => pako.deflateRaw(b, { level: 5 })],
  ['zlib, fixed Huffman codes', (b) => zlib.deflateRawSync(b, { level: 1, strategy: zlib.constants.Z_FIXED })],
  [
    'pieces deflated apart, each ended by a sync flush (empty stored blocks between them)',
    (b) => {
      const out: Buffer[] = [];
      for (let i = 0; i < b.length; i += 50_000) {
        const piece = b.subarray(i, i + 50_000);
        const last = i + 50_000 >= b.length;
        out.push(zlib.deflateRawSync(piece, last ? {} : { finishFlush: zlib.constants.Z_SYNC_FLUSH }));
      }
      return new Uint8Array(Buffer.concat(out));
    },
  ],
];

describe('cut at a block boundary, then an empty stored block and a fresh stream: the same bytes decoded', () => {
  test.each(streams)('%s', (_, deflate) => {
    const original = join(cells, TAIL);
    const body = deflate(original);
    const cut = lastBoundary(body, cells.length);
    expect(cut).not.toBeNull();
    expect(cut!.out).toBeLessThanOrEqual(cells.length);
    // most of the cells lie before it
    expect(cut!.out).toBeGreaterThan(cells.length / 2);
    const spliced = join(headUpTo(body, cut!.bit), zlib.deflateRawSync(join(cells.subarray(cut!.out), INSERT)));
    expect(Buffer.from(zlib.inflateRawSync(spliced)).equals(Buffer.from(join(cells, INSERT)))).toBe(true);
    // pako reads it too
    expect(Buffer.from(pako.inflateRaw(spliced)).equals(Buffer.from(join(cells, INSERT)))).toBe(true);
  });

  test('every boundary found is one: cut at each, the stream still decodes to the same bytes', () => {
    const original = join(cells, TAIL);
    const body = zlib.deflateRawSync(original, { level: 6 });
    let limit = original.length;
    let seen = 0;
    for (let cut = lastBoundary(body, limit); cut && cut.out > 0; cut = lastBoundary(body, cut.out - 1)) {
      const spliced = join(headUpTo(body, cut.bit), zlib.deflateRawSync(original.subarray(cut.out)));
      expect(Buffer.from(zlib.inflateRawSync(spliced)).equals(Buffer.from(original))).toBe(true);
      limit = cut.out;
      seen++;
    }
    expect(seen).toBeGreaterThan(2);
  });

  test('no boundary in what is not DEFLATE, or before the first block', () => {
    expect(lastBoundary(new Uint8Array([0xff, 0xff, 0xff, 0xff]), 100)).toBeNull();
    const body = zlib.deflateRawSync(join(cells, TAIL));
    // a raw stream starts with its first block: the first boundary is where that block ends
    expect(lastBoundary(body, 0)).toBeNull();
  });
});

describe('the zip writer keeps the blocks of a part that begins as an original entry did', () => {
  async function original(): Promise<{ zip: Uint8Array; body: Uint8Array }> {
    const zip = await writeZip([{ name: 'xl/worksheets/sheet1.xml', data: () => join(cells, TAIL) }]);
    const e = zipEntries(zip)[0]!;
    const at = dataStart(zip, e);
    return { zip, body: zip.subarray(at, at + e.compressedSize) };
  }
  const part = (zip: Uint8Array): OutPart => ({
    name: 'xl/worksheets/sheet1.xml',
    data: () => [cells, INSERT],
    kept: { source: zip, entry: zipEntries(zip)[0]!, length: cells.length },
  });

  afterEach(() => useCompressor(undefined));

  test('its compressed bytes begin with the original blocks; JSZip reads it, CRC checked', async () => {
    const { zip, body } = await original();
    const copy = await writeZip([part(zip)]);
    const e = zipEntries(copy)[0]!;
    const at = dataStart(copy, e);
    const data = copy.subarray(at, at + e.compressedSize);
    const cut = lastBoundary(body, cells.length)!;
    expect(Buffer.from(data.subarray(0, cut.bit >> 3)).equals(Buffer.from(body.subarray(0, cut.bit >> 3)))).toBe(true);
    // then the empty stored block that only a kept start has (a deflater of the whole would not write it there)
    const whole = Math.ceil((cut.bit + 3) / 8);
    expect([...data.subarray(whole, whole + 4)]).toEqual([0x00, 0x00, 0xff, 0xff]);
    const back = await (await JSZip.loadAsync(copy, { checkCRC32: true })).file(e.name)!.async('uint8array');
    expect(Buffer.from(back).equals(Buffer.from(join(cells, INSERT)))).toBe(true);
    expect(e.crc).toBe(crc32(join(cells, INSERT)));
  });

  test('pako (the web page) and Node’s zlib (the CLI) keep the same blocks; both copies decode to the same bytes', async () => {
    const { zip } = await original();
    const web = await writeZip([part(zip)]);
    useCompressor(nativeCompressor(crc32));
    const chunks: Uint8Array[] = [];
    await streamZip([part(zip)], (c) => void chunks.push(c));
    const cli = new Uint8Array(Buffer.concat(chunks));
    const data = (z: Uint8Array) => {
      const e = zipEntries(z)[0]!;
      const at = dataStart(z, e);
      return { e, data: z.subarray(at, at + e.compressedSize) };
    };
    const [w, c] = [data(web), data(cli)];
    // (the two deflaters make different bytes of the same input: only the kept blocks are the same)
    const kept = lastBoundary(w.data, cells.length)!.bit >> 3;
    expect(Buffer.from(w.data.subarray(0, kept)).equals(Buffer.from(c.data.subarray(0, kept)))).toBe(true);
    expect(Buffer.from(pako.inflateRaw(w.data)).equals(Buffer.from(zlib.inflateRawSync(c.data)))).toBe(true);
    expect([w.e.crc, w.e.uncompressedSize]).toEqual([c.e.crc, c.e.uncompressedSize]);
  });
});

test('the annotated copy of a large ExcelJS workbook keeps its sheet’s blocks and reads back the same', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名册');
  ws.addRow(['身份证号', '姓名', '学时']);
  for (let i = 0; i < 20_000; i++)
    ws.addRow([`46010019650128${String(i).padStart(4, '0')}`, `教师${i % 997}`, (i % 40) + 1]);
  const input = new Uint8Array(await wb.xlsx.writeBuffer());
  const entry = zipEntries(input).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
  const plan = {
    marks: new Map([['名册', [{ row: 3, col: 3, severity: 'error' as const, message: 'm' }]]]),
    tables: [{ name: '结果', headers: ['a'], rows: [[1]] }],
    properties: {},
  };
  const copy = await annotatePackage(input, plan);
  const out = zipEntries(copy.bytes).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
  const a = dataStart(input, entry);
  const b = dataStart(copy.bytes, out);
  // the compressed data up to the last block boundary before the cells' end are the original's, then an empty
  // stored block
  const sheet = zlib.inflateRawSync(input.subarray(a, a + entry.compressedSize));
  const cellsEnd = sheet.lastIndexOf('</sheetData>');
  const cut = lastBoundary(input.subarray(a, a + entry.compressedSize), cellsEnd)!;
  expect(cut.out).toBeGreaterThan(cellsEnd / 2);
  const n = cut.bit >> 3;
  expect(Buffer.from(copy.bytes.subarray(b, b + n)).equals(Buffer.from(input.subarray(a, a + n)))).toBe(true);
  const whole = Math.ceil((cut.bit + 3) / 8);
  expect([...copy.bytes.subarray(b + whole, b + whole + 4)]).toEqual([0x00, 0x00, 0xff, 0xff]);
  const zip = await JSZip.loadAsync(copy.bytes, { checkCRC32: true });
  const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  expect(xml).toContain('<conditionalFormatting');
  expect(readWorkbook(copy.bytes).sheets[0]!.rows).toEqual(readWorkbook(input).sheets[0]!.rows);
});
