// The rebuilt copy (rebuild.ts: a package written by this project for a CSV, .xls, .ods or .xlsb) read back by
// two other programs, SheetJS and ExcelJS: every sheet, its visibility, every value at its address, dates as
// dates, merged areas merged. The inputs are written by SheetJS, as a user's .xls or .ods would be by Excel.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import * as XLSX from '@e965/xlsx';
import { annotatedCopy, copySheetName, readWorkbook, zipEntries, type WorkbookData } from '../../src/files';
import { rebuild } from '../../src/files/write';
import { annotatePackage } from '../../src/files/ooxml';

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** A book with the cells a roster holds and the odd ones: dates (one before March 1900), text to escape. */
function source(bookType: 'biff8' | 'ods' | 'xlsb'): Uint8Array {
  const rows = [
    ['2021年度登记表', null, null, null, null],
    ['姓名', '培训时间', '学时', '合格', '备注'],
    ['张三', day(2021, 3, 5), 12.5, true, '  前后空格  '],
    ['李四', day(1900, 1, 15), 0, false, 'a&b<c>"d\''],
    ['王五', day(2023, 12, 31), -3, null, '#N/A'],
    ['赵六', null, 1e21, '', '第一行\n第二行'],
  ];
  const ws = XLSX.utils.aoa_to_sheet(rows, { cellDates: true });
  ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 4 } }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['隐藏', 1]]), '说明');
  XLSX.utils.book_append_sheet(wb, ws, '2021');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['很隐藏', 2]]), '配置');
  wb.Workbook = { Sheets: [{ Hidden: 1 }, { Hidden: 0 }, { Hidden: 2 }] };
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer);
}

/** A sheet's values by address, the way a reader gives them (an empty text is no value). */
function cells(book: WorkbookData, name: string): Map<string, unknown> {
  const s = book.sheets.find((x) => x.name === name)!;
  const out = new Map<string, unknown>();
  s.rows.forEach((row, i) =>
    row.forEach((v, c) => {
      if (v !== null && v !== undefined && v !== '')
        out.set(`${s.firstRow + i}:${c}`, v instanceof Date ? v.toISOString() : v);
    }),
  );
  return out;
}

describe.each(['biff8', 'ods', 'xlsb'] as const)('a rebuilt %s', (bookType) => {
  const bytes = source(bookType);
  const book = readWorkbook(bytes);

  test('SheetJS reads back the same sheets, visibility, values and merges', async () => {
    const back = readWorkbook(await rebuild(book, 'zh'));
    expect(back.sheets.map((s) => [s.name, s.visibility])).toEqual(book.sheets.map((s) => [s.name, s.visibility]));
    // the reader of an .xlsx leaves a hidden sheet unread (ExcelJS reads them below)
    for (const s of back.sheets.filter((x) => !x.unread)) expect(cells(back, s.name)).toEqual(cells(book, s.name));
    const merges = (b: WorkbookData) => b.sheets.find((s) => s.name === '2021')!.merges;
    expect(merges(back)).toEqual(merges(book));
    expect(cells(back, '2021').get('3:1')).toBe('2021-03-05T00:00:00.000Z');
    expect(cells(back, '2021').get('4:1')).toBe('1900-01-15T00:00:00.000Z');
  });

  test('ExcelJS opens it: dates in the date style, every sheet as visible as it was, the visible one shown', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await rebuild(book, 'zh')) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual(book.sheets.map((s) => [s.name, s.visibility]));
    expect(wb.getWorksheet('说明')!.getCell('A1').value).toBe('隐藏');
    expect(wb.getWorksheet('配置')!.getCell('B1').value).toBe(2);
    const ws = wb.getWorksheet('2021')!;
    expect(ws.getCell('B3').value).toEqual(day(2021, 3, 5));
    expect(ws.getCell('B3').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('C3').value).toBe(12.5);
    expect(ws.getCell('D3').value).toBe(true);
    expect(ws.getCell('E3').value).toBe('  前后空格  ');
    expect(ws.getCell('E4').value).toBe('a&b<c>"d\'');
    expect(ws.getCell('E6').value).toBe('第一行\n第二行');
    expect(ws.getCell('A1').isMerged && ws.getCell('E1').isMerged).toBe(true);
    const shown = book.sheets.findIndex((s) => s.visibility === 'visible');
    expect(wb.views[0]?.activeTab).toBe(shown);
  });

  test('its parts are stored (the copy deflates them), and the copy of it deflates every part', async () => {
    const stored = await rebuild(book, 'zh');
    expect(zipEntries(stored).every((e) => e.method === 0)).toBe(true);
    const plan = {
      marks: new Map([['2021', [{ row: 3, col: 1, severity: 'error' as const, message: '坏' }]]]),
      tables: [],
      properties: {},
    };
    const copy = await annotatedCopy(bytes, book, plan, 'zh');
    expect(copy.kind).toBe('rebuilt');
    expect(zipEntries(copy.bytes).every((e) => e.method === 8)).toBe(true);
    const zip = await JSZip.loadAsync(copy.bytes);
    const names = Object.keys(zip.files);
    expect(names).toEqual(expect.arrayContaining(['xl/workbook.xml', 'xl/styles.xml', '[Content_Types].xml']));
  });
});

test('a CSV rebuilt: text stays text (numbers stored as text not flagged), an empty field is no cell', async () => {
  const csv = new TextEncoder().encode('姓名,学时,备注\r\n张三,40,\r\n李四,007,x\r\n');
  const book = readWorkbook(csv);
  const zip = await JSZip.loadAsync(await rebuild(book, 'en'));
  const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  expect(sheet).toContain('<c r="B2" t="inlineStr"><is><t>40</t></is></c>');
  expect(sheet).toContain('<c r="B3" t="inlineStr"><is><t>007</t></is></c>');
  expect(sheet).not.toContain('r="C2"');
  expect(sheet).toContain('<ignoredError numberStoredAsText="1" sqref="A1:C3"/>');
  expect(await zip.file('xl/workbook.xml')!.async('string')).toContain(
    '<sheet name="Roster" sheetId="1" r:id="rId1"/>',
  );
});

describe('what Excel would refuse or misread, made safe', () => {
  const book = (): WorkbookData => {
    const wb = XLSX.utils.book_new();
    const texts = [['c\rd'], ['ctl\u0001\u000b'], ['_x0041_ stays'], ['plain_x12_']];
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(texts), 'S1');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['z']]), 'S2');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['y']]), 'S3');
    const b = readWorkbook(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'biff8' }) as ArrayBuffer));
    // names an .ods may hold (LibreOffice allows them), which SheetJS itself will not write
    b.sheets[0]!.name = '一个非常非常非常非常非常非常非常非常非常长的工作表名字超过三十一个字符:*?';
    b.sheets[1]!.name = "'quoted'";
    b.sheets[2]!.name = 'QUOTED';
    b.sheets[0]!.rows[2] = ['_x0041_ stays'];
    return b;
  };

  test('a carriage return, control characters and a literal _xHHHH_ read back as the cell held them', async () => {
    const back = readWorkbook(await rebuild(book(), 'zh'));
    expect(back.sheets[0]!.rows.map((r) => r[0])).toEqual(['c\rd', 'ctl\u0001\u000b', '_x0041_ stays', 'plain_x12_']);
  });

  test('sheet names: at most 31 characters, none of [ ] : * ? / \\, no apostrophe at an end, unique ignoring case', async () => {
    const b = book();
    const want = ['一个非常非常非常非常非常非常非常非常非常长的工作表名字超过三十', 'quoted', 'QUOTED (2)'];
    expect(readWorkbook(await rebuild(b, 'zh')).sheets.map((s) => s.name)).toEqual(want);
    // the marks of a copy are keyed by the same names
    expect(b.sheets.map((_, i) => copySheetName(b, i, 'zh'))).toEqual(want);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await rebuild(b, 'zh')) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(want);
  });
});

test('an annotated copy keeps a part the user stored (not deflated) as it was, and refuses an encrypted part', async () => {
  const zip = new JSZip();
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['姓名'], ['张三']]), '名册');
  const src = await JSZip.loadAsync(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  for (const [name, f] of Object.entries(src.files))
    if (!f.dir) zip.file(name, await f.async('uint8array'), { compression: 'DEFLATE' });
  zip.file('xl/media/video.bin', new Uint8Array(5000).fill(7), { compression: 'STORE' });
  const bytes = await zip.generateAsync({ type: 'uint8array' });
  const book = readWorkbook(bytes);
  const plan = { marks: new Map(), tables: [], properties: {} };
  const copy = await annotatedCopy(bytes, book, plan, 'zh');
  const kept = (b: Uint8Array) => zipEntries(b).find((e) => e.name === 'xl/media/video.bin')!;
  expect([kept(copy.bytes).method, kept(copy.bytes).crc]).toEqual([0, kept(bytes).crc]);
  // the encryption bit on that part: the copy says so rather than writing what nothing could read
  const locked = bytes.slice();
  const view = new DataView(locked.buffer);
  const central = zipEntries(locked).findIndex((x) => x.name === 'xl/media/video.bin');
  let p = view.getUint32(locked.length - 22 + 16, true);
  for (let i = 0; i < central; i++)
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  view.setUint16(p + 8, view.getUint16(p + 8, true) | 1, true);
  await expect(annotatedCopy(locked, book, plan, 'zh')).rejects.toThrow(/video\.bin/);
});

test('a rebuilt copy made from its parts directly is the copy of the rebuilt package read back', async () => {
  // annotatedCopy no longer writes the rebuilt workbook into a stored zip to read it again: the same bytes
  const csv = new TextEncoder().encode('\uFEFF姓名,培训时间,学时\r\n张三,2021-03-05,12\r\n李四,2021-04-01,x\r\n,,\r\n');
  for (const book of [readWorkbook(source('biff8')), readWorkbook(csv)]) {
    const name = copySheetName(book, book.sheets.length - 1, 'zh');
    const plan = {
      marks: new Map([[name, [{ row: 2, col: 2, severity: 'error' as const, message: 'm' }]]]),
      tables: [{ name: '结果', headers: ['a'], rows: [[1], ['张三']] }],
      properties: { 'CPD.region': 'hainan' },
    };
    const direct = await annotatedCopy(new Uint8Array(0), book, plan, 'zh');
    const viaZip = await annotatePackage(await rebuild(book, 'zh'), plan, true);
    expect(direct.written).toEqual(viaZip.written);
    expect(Buffer.from(direct.bytes).equals(Buffer.from(viaZip.bytes))).toBe(true);
  }
});
