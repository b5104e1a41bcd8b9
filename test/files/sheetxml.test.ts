// A result sheet's text cells: each text's XML made once a sheet (sheetxml.ts's memo) is the same XML on every
// row it is on — whatever the text (spaces kept, control characters and "_xHHHH_" escaped, XML escaped, a long
// one, a lone surrogate dropped) and however many other texts came between (the memo is bounded). And the
// UTF-8 chunks a sheet is written in: the bytes of its text joined, whatever the pieces' sizes.
import { tableSheetXml, utf8Chunks } from '../../src/files/sheetxml';

const ODD = [
  '  前后空格  ',
  '第一行\n第二行',
  'a&b<c>"d\'',
  `控制${String.fromCharCode(1)}字符`,
  '_x0041_ 不是转义',
  `长${'文'.repeat(5000)}`,
  `半个\ud800代理`,
  '海口市第一中学',
];

/** Each row's cells, their addresses taken out, in the sheet's order (the header row first). */
function rowsOf(xml: string): string[] {
  const rows = [...xml.matchAll(/<row r="(\d+)">(.*?)<\/row>/gs)];
  return rows.map((m) => m[2]!.replace(/ r="[A-Z]+\d+"/g, ''));
}

test('a text repeated on many rows, among 20 010 other texts, is the same cell XML on every row', () => {
  const rows: string[][] = [];
  for (let i = 0; i < 3; i++) for (const s of ODD) rows.push([s, `${i}`]);
  for (let i = 0; i < 20_010; i++) rows.push([`教师${i}`, 'x']);
  for (const s of ODD) rows.push([s, '0']);
  const xml = tableSheetXml({ name: 'T', headers: ['文字', '号'], rows });
  const got = rowsOf(xml).slice(1);
  const n = ODD.length;
  for (let k = 0; k < n; k++) {
    const first = got[k]!.split('</c>')[0];
    expect(got[n + k]!.split('</c>')[0]).toBe(first);
    expect(got[2 * n + k]!.split('</c>')[0]).toBe(first);
    expect(got[got.length - n + k]).toBe(got[k]);
  }
  expect(got[0]).toBe(
    '<c t="inlineStr"><is><t xml:space="preserve">  前后空格  </t></is></c><c t="inlineStr"><is><t>0</t></is></c>',
  );
  expect(got[2]).toContain('<t>a&amp;b&lt;c&gt;&quot;d&apos;</t>');
  expect(got[3]).toContain('<t>控制_x0001_字符</t>');
  expect(got[4]).toContain('<t>_x005F_x0041_ 不是转义</t>');
  expect(got[6]).toContain('<t>半个代理</t>');
  expect(got).toHaveLength(3 * n + 20_010 + n);
  for (let i = 0; i < 20_010; i += 997) expect(got[3 * n + i]).toContain(`<t>教师${i}</t>`);
});

test('utf8Chunks: the UTF-8 of the pieces joined, in chunks of a bounded size, a piece larger than one whole', () => {
  const pieces: string[] = [];
  for (let i = 0; i < 40_000; i++)
    pieces.push(i % 7 ? `<row r="${i}"><c><v>${i}</v></c></row>` : `<t>海口市第${i}中学 😀 ${'ä'.repeat(i % 13)}</t>`);
  pieces.push('', `大${'字'.repeat(300_000)}`, 'tail', `lone \ud800 and \udc00`);
  const chunks = [...utf8Chunks(pieces)];
  const joined = Buffer.concat(chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.length)));
  expect(joined.equals(Buffer.from(new TextEncoder().encode(pieces.join(''))))).toBe(true);
  expect(chunks.length).toBeGreaterThan(3);
  for (const c of chunks) expect(c.length).toBeGreaterThan(0);
  expect([...utf8Chunks([])]).toEqual([]);
});
