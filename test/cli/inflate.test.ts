// The CLI's inflater (Node's zlib, cli/files.ts) beside the file layer's own (pako): the same bytes, and the same
// refusals — a part that inflates to more than its directory says stops at one byte over, whichever inflates it.
import * as zlib from 'zlib';
import { nativeInflater } from '../../src/cli/files';
import { inflateExactly, useInflater } from '../../src/files/inflate';

const text = new TextEncoder().encode('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'.repeat(5000));
const body = new Uint8Array(zlib.deflateRawSync(text));

afterEach(() => useInflater(undefined));

test('the same bytes, and "over" at one byte more than declared, null for what is not DEFLATE', () => {
  expect(nativeInflater(body, text.length)).toEqual(text);
  expect(nativeInflater(body, text.length - 1)).toBe('over');
  expect(nativeInflater(body.subarray(0, body.length >> 1), text.length)).toBeNull();
  expect(nativeInflater(new Uint8Array([0xff, 0xff, 0xff]), 10)).toBeNull();
  expect(nativeInflater(new Uint8Array(zlib.deflateRawSync(new Uint8Array(0))), 0)).toEqual(new Uint8Array(0));
});

const answer = (b: Uint8Array, size: number) => {
  try {
    return inflateExactly(b, size, 'xl/worksheets/sheet1.xml').length;
  } catch (e) {
    return String(e);
  }
};

test.each([
  ['a part as declared', body, text.length],
  ['a directory that says one byte less', body, text.length - 1],
  ['a directory that says far less', body, 100],
  ['a directory that says more', body, text.length + 1],
])('%s: zlib and pako give the same answer', (_, b, size) => {
  const pako = answer(b, size);
  useInflater(nativeInflater);
  expect(answer(b, size)).toEqual(pako);
});

test.each([
  ['a truncated stream', body.subarray(0, body.length >> 1), text.length],
  ['not DEFLATE at all', new Uint8Array([0xff, 0xff, 0xff]), 10],
])('%s: both refuse the part; zlib, which sees the stream is broken, says so', (_, b, size) => {
  // pako stops without an error: its refusal is the size the directory disagrees with
  expect(answer(b, size)).toMatch(/sheet1\.xml of the package inflates to another size than its directory says/);
  useInflater(nativeInflater);
  expect(answer(b, size)).toMatch(/sheet1\.xml of the package cannot be inflated/);
});
