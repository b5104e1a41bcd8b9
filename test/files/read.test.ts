// The file layer's reader on inputs written by other programs: the format told from the bytes, values, hidden
// sheets, merged cells, dates, IDs stored as numbers, custom properties — and refusals in plain words.
import { promises as fs } from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { csvDelimiter, propertyText } from '../../src/files/read';
import { readWorkbook, sniff, zipEntries, FileProblem, serialDate } from '../../src/files';
import { hainanRows, officeWorkbook, perYearBook, perYearXlsx, SAMPLES, type Sample } from './fixtures';

let sample: Sample;
beforeAll(async () => {
  sample = await hainanRows();
});

const problem = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof FileProblem) return e.text.zh;
    throw e;
  }
  throw new Error('no problem raised');
};

describe('the format comes from the bytes, not the name', () => {
  test.each([
    [
      'zip with xl/workbook.xml',
      async () => new Uint8Array(await fs.readFile(path.join(SAMPLES, 'hainan.xlsx'))),
      'xlsx',
    ],
    ['compound file', async () => perYearBook(sample, 'xls'), 'xls'],
    ['ODF spreadsheet', async () => perYearBook(sample, 'ods'), 'ods'],
    ['xlsb', async () => perYearBook(sample, 'xlsb'), 'xlsb'],
    ['text', async () => new Uint8Array(await fs.readFile(path.join(SAMPLES, 'hainan.csv'))), 'csv'],
    [
      'an HTML table exported as .xls',
      async () => new TextEncoder().encode('<html><body><table><tr><td>身份证号</td></tr></table></body></html>'),
      'html',
    ],
  ])('%s', async (_, make, format) => {
    expect(sniff(await make()).format).toBe(format);
  });

  test('a Word document, an empty file and binary noise are refused with a reason', async () => {
    const docx = new JSZip();
    docx.file('[Content_Types].xml', '<Types/>');
    docx.file('word/document.xml', '<w:document/>');
    expect(problem(() => sniff(new Uint8Array(0)))).toContain('空的');
    const bytes = await docx.generateAsync({ type: 'uint8array' });
    expect(problem(() => sniff(bytes))).toContain('Word');
    expect(problem(() => readWorkbook(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3])))).toContain(
      '二进制',
    );
  });

  test('a damaged zip (cut short) says so instead of throwing a JavaScript message', async () => {
    const full = new Uint8Array(await fs.readFile(path.join(SAMPLES, 'hainan.xlsx')));
    expect(problem(() => readWorkbook(full.subarray(0, full.length - 100)))).toContain('压缩包结构已损坏');
  });
});

test('the zip directory gives every entry and its uncompressed size before anything is inflated', async () => {
  const bytes = new Uint8Array(await fs.readFile(path.join(SAMPLES, 'hainan.xlsx')));
  const zip = await JSZip.loadAsync(bytes);
  const entries = zipEntries(bytes);
  const names = Object.keys(zip.files)
    .filter((n) => !zip.files[n]!.dir)
    .sort();
  expect(
    entries
      .map((e) => e.name)
      .filter((n) => !n.endsWith('/'))
      .sort(),
  ).toEqual(names);
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    expect(e.uncompressedSize).toBe((await zip.file(e.name)!.async('uint8array')).length);
  }
});

describe('one sheet per year, written by ExcelJS (.xlsx) and SheetJS (.xls, .ods)', () => {
  test.each(['xlsx', 'xls'] as const)('%s: same sheets, visibility, values and properties', async (kind) => {
    const bytes =
      kind === 'xlsx'
        ? await perYearXlsx(sample, { decoy: true, dates: true })
        : perYearBook(sample, kind, { decoy: true, dates: true });
    const book = readWorkbook(bytes);
    expect(book.format).toBe(kind);
    const years = [...new Set(sample.rows.map((r) => String(r[4]).slice(0, 4)))].sort();
    expect(years).toContain('2017'); // the sample's deliberate record outside the cycle
    expect(book.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['旧表', 'hidden'],
      ['说明', 'visible'],
      ...years.map((y) => [`${y}年`, 'visible']),
    ]);
    expect(book.properties['CPD.region']).toBe('hainan');
    const y2019 = book.sheets.find((x) => x.name === '2019年')!;
    expect(y2019.firstRow).toBe(1);
    expect(y2019.rows[1]).toEqual(sample.header);
    const first = sample.rows.find((r) => String(r[4]).startsWith('2019'))!;
    // a date cell reads as the date itself (UTC midnight), whatever program wrote it
    expect(y2019.rows[2]![4]).toEqual(new Date(`${String(first[4])}T00:00:00Z`));
    expect(y2019.rows[2]!.slice(0, 4)).toEqual(first.slice(0, 4));
    expect(y2019.rows[2]![8]).toBe(first[8]);
  });

  test('IDs stored as numbers are read as numbers (the engine then reports them)', async () => {
    const book = readWorkbook(perYearBook(sample, 'xls', { idsAsNumbers: true }));
    expect(typeof book.sheets.find((x) => x.name === '2019年')!.rows[2]![2]).toBe('number');
  });
});

test('merged cells read as their top-left value (a teacher’s name merged over their rows)', () => {
  const ws = XLSX.utils.aoa_to_sheet([
    ['姓名', '学时'],
    ['张三', 8],
    [null, 6],
    [null, 4],
  ]);
  ws['!merges'] = [{ s: { r: 1, c: 0 }, e: { r: 3, c: 0 } }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'S');
  for (const bookType of ['xlsx', 'xls', 'ods'] as const) {
    const book = readWorkbook(new Uint8Array(XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer));
    expect(book.sheets[0]!.rows.map((r) => r[0])).toEqual(['姓名', '张三', '张三', '张三']);
    expect(book.sheets[0]!.merges).toEqual([{ s: { r: 1, c: 0 }, e: { r: 3, c: 0 } }]);
  }
});

test('a workbook with a chart, an image and a rich-text comment reads like any other', async () => {
  const { bytes } = await officeWorkbook(sample);
  const book = readWorkbook(bytes);
  expect(book.sheets.map((s) => s.name)).toEqual(['培训登记', '图表']);
  expect(book.sheets[0]!.rows.length).toBe(sample.rows.length + 2);
  expect(book.properties).toMatchObject({ 'CPD.region': 'hainan', 其他属性: '保留' });
});

test('Excel serial dates: 1900 system (with its phantom 29 Feb) and 1904 system', () => {
  expect(serialDate(45122, false).toISOString().slice(0, 10)).toBe('2023-07-15');
  expect(serialDate(1, false).toISOString().slice(0, 10)).toBe('1900-01-01');
  expect(serialDate(61, false).toISOString().slice(0, 10)).toBe('1900-03-01');
  expect(serialDate(43660, true).toISOString().slice(0, 10)).toBe('2023-07-15');
});

describe('CSV', () => {
  test('UTF-8 with BOM, UTF-16 with BOM, GB18030 without', () => {
    const text = '身份证号,学时\n11010519491231002X,8\n';
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(Uint16Array.from(text, (c) => c.charCodeAt(0)).buffer),
    ]);
    const gbk = Buffer.concat([
      Buffer.from('c9edb7ddd6a4bac52cd1a7cab10a', 'hex'),
      Buffer.from('11010519491231002X,8\n'),
    ]);
    for (const bytes of [utf8, utf16]) {
      const b = readWorkbook(bytes);
      expect(b.sheets[0]!.rows.slice(0, 2)).toEqual([
        ['身份证号', '学时'],
        ['11010519491231002X', '8'],
      ]);
      expect(b.notices).toEqual([]);
    }
    // the line break ending the file ends its last row: no empty row after it (a copy would write one)
    expect(readWorkbook(utf8).sheets[0]!.rows).toHaveLength(2);
    expect(readWorkbook(new TextEncoder().encode('a,b\n1,2\n\n')).sheets[0]!.rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
      [''],
    ]);
    const g = readWorkbook(new Uint8Array(gbk));
    expect(g.sheets[0]!.rows[0]).toEqual(['身份证号', '学时']);
    expect(g.notices[0]!.zh).toContain('GB18030');
  });

  // A quote opened and never closed takes every later line into one cell: those rows would go unchecked
  test('an unclosed quote is refused, naming its row and the lines it would swallow; a stray one is a notice', () => {
    const head = '身份证号,年度,培训方式,学时,备注\n';
    const row = '460100199001011230,2021,集中培训,40,';
    const enc = (s: string) => new TextEncoder().encode(s);
    const swallowed = head + row + '\n' + row + '"补报\n' + (row + '\n').repeat(3);
    expect(problem(() => readWorkbook(enc(swallowed)))).toContain('CSV 第 3 行有一个未闭合的引号');
    expect(problem(() => readWorkbook(enc(swallowed)))).toContain('其后 3 行');
    // on the last line it swallows nothing: read, and said
    const last = readWorkbook(enc(head + row + '\n' + row + '"补报\n'));
    expect(last.sheets[0]!.rows).toHaveLength(3);
    expect(last.notices.map((n) => n.zh).join()).toContain('CSV 第 3 行的引号不成对');
    // a quote inside a cell that does not open one: the rows are all there
    const stray = readWorkbook(enc(head + row + '补"报\n' + row + '\n'));
    expect(stray.sheets[0]!.rows).toHaveLength(3);
  });
});

// Papa's guess of the delimiter splits the whole text once per candidate; the reader finds the same guess in the
// first MB, or leaves Papa to guess when that MB does not hold every candidate's first 10 rows
describe('the CSV delimiter, found in the first MB: Papa’s guess for the whole text, or left to Papa', () => {
  const MB = 1 << 20;
  const rows = (sep: string, nl = '\n', n = 60_000) =>
    Array.from({ length: n }, (_, i) => ['11010519491231002X', `王${i}`, '8', '省级'].join(sep)).join(nl) + nl;
  const papa = (text: string) => Papa.parse<string[]>(text, { preview: 1 }).meta.delimiter;
  test.each([
    ['commas', rows(','), ','],
    ['tabs', rows('\t'), '\t'],
    ['semicolons, CRLF', rows(';', '\r\n'), ';'],
    ['pipes, CR', rows('|', '\r'), '|'],
    ['a byte-order mark left in', '\uFEFF' + rows(';'), ';'],
    // a quoted cell over many lines in the first rows: still inside the first MB
    ['a quoted cell over lines', `"a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl"\n` + rows(','), ','],
    // one column: no candidate splits the rows; Papa falls back to a comma
    ['one column', 'x\n'.repeat(MB), ','],
    // the first 10 rows past 64 k characters: found in a larger head
    ['a first row of 100 k characters', `${'x'.repeat(100_000)};1\n` + rows(';'), ';'],
    // the first 10 rows do not end inside the first MB: Papa guesses on the whole text
    ['a first cell longer than a MB', `${'x'.repeat(MB + 10)};1\n` + rows(';'), undefined],
    ['a quote never closed', `a;b\n"${rows(',')}`, undefined],
    // under a tab the quote is not closed where it ends ("…",x): that candidate's rows run past the first MB
    ['a quote only a comma closes', `"a\nb\nc",x\n` + rows(','), undefined],
    ['a text under a MB', rows(';', '\n', 100), undefined],
  ])('%s', (_, text, want) => {
    expect(text.length > MB || want === undefined).toBe(true);
    const d = csvDelimiter(text);
    expect(d).toBe(want);
    if (d !== undefined) expect(d).toBe(papa(text));
  });
});

// SheetJS's ES-module build (the web page's) returns an .xls property of code page 1200 as UTF-16 bytes, and
// custom.xml's text as UTF-8 bytes; text already decoded stays as it is
test.each([
  ['h\u0000a\u0000i\u0000n\u0000a\u0000n', 'hainan'],
  ['h\u0000a\u0000i\u0000n\u0000a\u0000n\u0000', 'hainan'],
  ['wmWS\u0000\u0000', '海南'],
  ['\u00e6\u00b5\u00b7\u00e5\u008d\u0097', '海南'],
  ['海南', '海南'],
  ['2019', '2019'],
])('property text %j → %j', (raw, text) => {
  expect(propertyText(raw)).toBe(text);
});
