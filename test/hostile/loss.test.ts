// Nothing is lost without a word: rows a sheet's XML numbers twice, 0 or out of order are kept and said;
// a CSV that is UTF-8 but for a few bytes stays UTF-8 and names those lines; a comment on a marked cell is
// kept in the copy, byte for byte; every error value is named as Excel shows it.
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { run } from '../../src/cli/main';
import { readWorkbook } from '../../src/files';
import { parts } from '../files/fixtures';
import { colName, sheetData, sheetXml, xlsx } from './build';
import { csv, rosterRows } from './run';

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (s) => (out += s), err: (s) => (err += s), isTTY: false, env: {} });
  return { code, out, err };
}

let dir: string;
beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'cpd-loss-'));
});
afterAll(() => fsp.rm(dir, { recursive: true, force: true }));
const put = async (name: string, bytes: Uint8Array | string) => {
  const f = path.join(dir, name);
  await fsp.writeFile(f, bytes);
  return f;
};

/** Text in GBK, by the table the platform's own GB18030 decoder gives (no encoder dependency). */
let table: Map<string, Buffer> | undefined;
function gbk(s: string): Buffer {
  if (!table) {
    table = new Map();
    const dec = new TextDecoder('gb18030');
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = dec.decode(Uint8Array.of(a, b));
        if (ch.length === 1 && !table.has(ch)) table.set(ch, Buffer.from([a, b]));
      }
  }
  return Buffer.concat(
    [...s].map((ch) => (ch.charCodeAt(0) < 0x80 ? Buffer.from(ch) : (table!.get(ch) ?? Buffer.from('?')))),
  );
}

type Report = {
  records: Array<{ row: number; name?: string | null; issues: Array<{ code: string; message: string }> }>;
};

describe("rows the sheet's XML numbers wrongly are kept and said", () => {
  const rows = rosterRows(6);
  // header 1, then 2, 3, 3 again, 0, 5, 4 (out of order), and a row whose cells say row 9 inside row 8
  const numbers = [1, 2, 3, 3, 0, 5, 4];
  const body = sheetData(rows, 1, numbers) + '<row r="8"><c r="B9" t="inlineStr"><is><t>错位</t></is></c></row>';
  const bytes = xlsx([{ name: '名册', xml: sheetXml(body) }]);

  test('the reader keeps every row: the repeated and the unnumbered after the last, the rest in place', () => {
    const book = readWorkbook(bytes);
    const sheet = book.sheets[0]!;
    const nameAt = (sheetRow: number) => sheet.rows[sheetRow - sheet.firstRow]?.[1];
    expect(nameAt(2)).toBe(rows[1]![1]);
    expect(nameAt(3)).toBe(rows[2]![1]);
    expect(nameAt(5)).toBe(rows[5]![1]);
    expect(nameAt(4)).toBe(rows[6]![1]);
    expect(nameAt(8)).toBe('错位');
    // rows 3 (again) and 0, moved after the last row in document order
    expect(nameAt(9)).toBe(rows[3]![1]);
    expect(nameAt(10)).toBe(rows[4]![1]);
    const said = book.notices.map((n) => n.zh).join('\n');
    expect(said).toContain('第 3 行出现了不止一次');
    expect(said).toContain('行号无效');
    expect(said).toContain('第 9–10 行');
    expect(said).toContain('不是递增的');
    expect(said).toContain('地址不在它所在的行');
    expect(book.notices.every((n) => n.en.length > 0)).toBe(true);
  });

  test('the CLI checks all six data rows and prints the notices', async () => {
    const f = await put('rows.xlsx', bytes);
    const r = await cli(['check', f, '--region', 'hainan', '--json']);
    const report = JSON.parse(r.out) as Report;
    expect(report.records.map((x) => x.row).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 8, 9, 10]);
    expect(r.err).toContain('移到表末');
  });
});

describe('error values are named as Excel shows them', () => {
  const names = ['#N/A', '#REF!', '#DIV/0!', '#VALUE!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#BUSY!'];
  const hoursCol = rosterRows(1)[0]!.indexOf('学时');

  const withErrors = (cell: (name: string, ref: string) => string) => {
    const rows = rosterRows(names.length);
    const letter = String.fromCharCode(65 + hoursCol);
    let xml = '';
    rows.forEach((r, i) => {
      const copy = [...r];
      if (i > 0) copy[hoursCol] = '';
      let cells = sheetData([copy], i + 1);
      if (i > 0) cells = cells.replace('</row>', cell(names[i - 1]!, `${letter}${i + 1}`) + '</row>');
      xml += cells;
    });
    return xlsx([{ name: '名册', xml: sheetXml(xml) }]);
  };

  const expectNamed = (report: Report) => {
    const text = JSON.stringify(report);
    expect(text).not.toContain('[object Object]');
    expect(text).not.toContain('richText');
    names.forEach((name, i) => {
      const rec = report.records.find((x) => x.row === i + 2)!;
      expect(rec.issues.map((x) => x.message).join(' ')).toContain(name);
    });
  };

  test('.xlsx error cells, the new ones (#SPILL!, #CALC!) by the text the file holds', async () => {
    const f = await put(
      'errors.xlsx',
      withErrors((name, ref) => `<c r="${ref}" t="e"><v>${name}</v></c>`),
    );
    expectNamed(JSON.parse((await cli(['check', f, '--region', 'hainan', '--json'])).out) as Report);
  });

  test('a formula cell with an error result', async () => {
    const f = await put(
      'formula-errors.xlsx',
      withErrors((name, ref) => `<c r="${ref}" t="e"><f>1/0</f><v>${name}</v></c>`),
    );
    expectNamed(JSON.parse((await cli(['check', f, '--region', 'hainan', '--json'])).out) as Report);
  });

  test('a CSV holding the texts', async () => {
    const rows = rosterRows(names.length);
    names.forEach((name, i) => (rows[i + 1]![hoursCol] = name));
    const f = await put('errors.csv', csv(rows));
    expectNamed(JSON.parse((await cli(['check', f, '--region', 'hainan', '--json'])).out) as Report);
  });

  test('an .xls (BIFF) error cell', async () => {
    const rows: unknown[][] = rosterRows(3);
    const ws = XLSX.utils.aoa_to_sheet(rows);
    ws[XLSX.utils.encode_cell({ r: 1, c: hoursCol })] = { t: 'e', v: 0x2a };
    ws[XLSX.utils.encode_cell({ r: 2, c: hoursCol })] = { t: 'e', v: 0x17 };
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '名册');
    const f = await put(
      'errors.xls',
      new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xls' }) as ArrayBuffer),
    );
    const report = JSON.parse((await cli(['check', f, '--region', 'hainan', '--json'])).out) as Report;
    expect(
      report.records
        .find((x) => x.row === 2)!
        .issues.map((i) => i.message)
        .join(),
    ).toContain('#N/A');
    expect(
      report.records
        .find((x) => x.row === 3)!
        .issues.map((i) => i.message)
        .join(),
    ).toContain('#REF!');
  });
});

describe("a CSV's encoding: valid UTF-8 as a whole, and the decoding that finds the header", () => {
  const text = csv(rosterRows(8));
  const utf8 = Buffer.from(text, 'utf8');

  test('UTF-8 with one invalid byte stays UTF-8: the header is found and the line is named', () => {
    let at = 0;
    for (let i = 0; i < 4; i++) at = utf8.indexOf(0x0a, at) + 1; // the start of line 5
    const broken = Buffer.concat([utf8.subarray(0, at), Buffer.from([0xff]), utf8.subarray(at)]);
    const book = readWorkbook(new Uint8Array(broken));
    expect(book.sheets[0]!.rows[0]).toEqual(rosterRows(0)[0]);
    expect(book.sheets[0]!.rows.length).toBe(9);
    const said = book.notices.map((n) => n.zh).join();
    expect(said).toContain('UTF-8');
    expect(said).toContain('第 5 行含有无法解码的字节');
    expect(said).not.toContain('GB18030');
  });

  test('a GBK file is read as GB18030, and says so', () => {
    const book = readWorkbook(new Uint8Array(gbk(text)));
    expect(book.sheets[0]!.rows[0]).toEqual(rosterRows(0)[0]);
    expect(book.notices[0]!.zh).toContain('GB18030');
  });

  test('a mixed file (UTF-8, two lines pasted from a GBK file) is UTF-8, and names the GBK lines', () => {
    const lines = text.split('\n');
    const bytes = Buffer.concat(
      lines.map((l, i) => Buffer.concat([i === 3 || i === 6 ? gbk(l) : Buffer.from(l, 'utf8'), Buffer.from('\n')])),
    );
    const book = readWorkbook(new Uint8Array(bytes));
    expect(book.sheets[0]!.rows[0]).toEqual(rosterRows(0)[0]);
    expect(book.notices.map((n) => n.zh).join()).toContain('第 4、7 行');
    expect(book.notices.map((n) => n.en).join()).toContain('line(s) 4, 7');
  });
});

describe('a comment on a marked cell is kept in the copy, byte for byte', () => {
  test('rich-text and plain notes on cells the copy marks: comments and their VML drawing untouched', async () => {
    const rows = rosterRows(6);
    const hours = rows[0]!.indexOf('学时');
    rows[2]![hours] = '很多'; // HOURS_NOT_NUMBER: the copy marks this cell
    rows[4]![hours] = '-3'; // HOURS_NEGATIVE
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名册');
    for (const r of rows) ws.addRow(r);
    const letter = String.fromCharCode(65 + hours);
    ws.getCell(`${letter}3`).note = {
      texts: [
        { font: { bold: true, size: 10 }, text: '核对人：' },
        { font: { color: { argb: 'FFFF0000' } }, text: '学时待补' },
      ],
    };
    ws.getCell(`${letter}5`).note = '原表如此';
    const input = await put('noted.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    const out = path.join(dir, 'noted-copy.xlsx');
    const r = await cli(['check', input, '--region', 'hainan', '--out', out]);
    expect(r.code).toBe(1);
    const before = await parts(new Uint8Array(await fsp.readFile(input)));
    const after = await parts(new Uint8Array(await fsp.readFile(out)));
    const kept = [...before.keys()].filter((p) => /comments|vmlDrawing/i.test(p));
    expect(kept.length).toBeGreaterThanOrEqual(2);
    for (const p of kept) expect(after.get(p)?.equals(before.get(p)!)).toBe(true);
    const sheet = after.get('xl/worksheets/sheet1.xml')!.toString();
    expect(sheet).toContain('<legacyDrawing');
    // the marks are conditional formats over those very cells
    const sqrefs = [...sheet.matchAll(/<conditionalFormatting sqref="([^"]*)"/g)].map((m) => m[1]).join(' ');
    expect(sqrefs).toContain(`${letter}3`);
    expect(sqrefs).toContain(`${letter}5`);
  });
});

describe('formulas saved without their results are said, not read silently as empty', () => {
  // ExcelJS, as openpyxl and many exporters, writes a formula without its result unless it is given one: Excel
  // and WPS always save it. The reader sees an empty cell either way; the notice names the cells.
  const book = async (unsaved: number) => {
    const rows = rosterRows(6);
    const hours = rows[0]!.indexOf('学时');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名册');
    rows.forEach((r, i) => {
      const row = [...r] as unknown[];
      if (i >= 1 && i <= unsaved) row[hours] = { formula: '16*3' };
      if (i === 5) row[hours] = { formula: '16*3', result: 48 };
      ws.addRow(row);
    });
    // a text formula whose result is the empty text: a result in its own right
    ws.getCell('Z2').value = { formula: 'T(1)', result: '' };
    return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), letter: String.fromCharCode(65 + hours) };
  };

  test('the sheet names how many and which, read as empty; a formula saved with its result is read', async () => {
    const { bytes, letter } = await book(2);
    const read = readWorkbook(bytes);
    const said = read.notices.map((n) => n.zh);
    expect(said).toEqual([
      `工作表「名册」有 2 个公式单元格没有保存计算结果（${letter}2、${letter}3），按空白读取：` +
        '写出这个文件的程序没有计算公式。请在 Excel 或 WPS 中打开并保存后再检查',
    ]);
    expect(read.notices[0]!.en).toContain(`2 formula cells saved without their results (${letter}2, ${letter}3)`);
    const sheet = read.sheets[0]!;
    expect(sheet.rows[1]![rosterRows(1)[0]!.indexOf('学时')]).toBeUndefined();
    expect(sheet.rows[5]![rosterRows(1)[0]!.indexOf('学时')]).toBe(48);
  });

  test('many (a shared formula, its followers empty elements): the first five and a count; the CLI prints it', async () => {
    const rows = rosterRows(8);
    const hours = rows[0]!.indexOf('学时');
    const letter = colName(hours + 1);
    for (const r of rows.slice(1)) r[hours] = '';
    // the hours of rows 2–9 as one shared formula, none calculated: its first cell holds the formula
    let xml = '';
    rows.forEach((r, i) => {
      const n = i + 1;
      const f =
        n === 2
          ? `<c r="${letter}2"><f t="shared" ref="${letter}2:${letter}9" si="0">16*3</f></c>`
          : `<c r="${letter}${n}"><f t="shared" si="0"/><v></v></c>`;
      xml += n === 1 ? sheetData([r], 1) : sheetData([r], n).replace('</row>', `${f}</row>`);
    });
    const file = await put('shared.xlsx', xlsx([{ name: '名册', xml: sheetXml(xml) }]));
    const r = await cli(['check', file, '--region', 'hainan', '--json']);
    expect(r.err).toContain(
      `有 8 个公式单元格没有保存计算结果（${letter}2、${letter}3、${letter}4、${letter}5、${letter}6 等）`,
    );
    const report = JSON.parse(r.out) as Report;
    expect(report.records.filter((x) => x.issues.some((i) => i.code === 'HOURS_MISSING'))).toHaveLength(8);
  });

  test('a sheet of plain values and saved formulas says nothing', async () => {
    const { bytes } = await book(0);
    expect(readWorkbook(bytes).notices).toEqual([]);
  });
});
