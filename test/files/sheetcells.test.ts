// The worksheet reader of sheetcells.ts beside the general reader (SheetJS) it replaces for .xlsx/.xlsm: the same
// values for every kind of cell a workbook holds, from packages written here part by part (so that each cell's XML
// is exactly what the case says) and from workbooks other programs wrote (ExcelJS, SheetJS, LibreOffice Calc).
// Where the two differ on purpose, the case says why.
import { promises as fs } from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import * as XLSX from '@e965/xlsx';
import { readWorkbook } from '../../src/files';
import { dateStyles, sharedStrings, sheetCells, stringItem } from '../../src/files/sheetcells';
import { hainanRows, officeWorkbook, perYearXlsx, SAMPLES } from './fixtures';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface Parts {
  sheet: string;
  strings?: string[];
  /** styles.xml's <numFmts> and <cellXfs> contents */
  numFmts?: string;
  xfs?: string;
  date1904?: boolean;
}

/** An .xlsx of one sheet "S" whose <worksheet> content is `sheet`, with the shared strings and styles given. */
async function book(p: Parts): Promise<Uint8Array> {
  const z = new JSZip();
  z.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '</Types>',
  );
  z.file(
    '_rels/.rels',
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  z.file(
    'xl/workbook.xml',
    `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${REL}">${p.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  z.file(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
      `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  );
  const strings = p.strings ?? [];
  z.file(
    'xl/sharedStrings.xml',
    `<?xml version="1.0"?><sst xmlns="${NS}" count="${strings.length}" uniqueCount="${strings.length}">${strings.join('')}</sst>`,
  );
  z.file(
    'xl/styles.xml',
    `<?xml version="1.0"?><styleSheet xmlns="${NS}">${p.numFmts ? `<numFmts>${p.numFmts}</numFmts>` : ''}` +
      '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
      `<cellXfs>${p.xfs ?? '<xf numFmtId="0"/>'}</cellXfs></styleSheet>`,
  );
  z.file('xl/worksheets/sheet1.xml', `<?xml version="1.0"?><worksheet xmlns="${NS}">${p.sheet}</worksheet>`);
  return new Uint8Array(await z.generateAsync({ type: 'uint8array' }));
}

/** Every worksheet of the package read by sheetCells itself (not left to the general reader). */
async function readHere(bytes: Uint8Array): Promise<number> {
  const z = await JSZip.loadAsync(bytes);
  const text = async (name: string) => (await z.file(name)?.async('string')) ?? '';
  const book = {
    strings: sharedStrings(await text('xl/sharedStrings.xml'))!,
    dateStyles: dateStyles(await text('xl/styles.xml'))!,
    date1904: /date1904="(1|true)"/.test(await text('xl/workbook.xml')),
  };
  expect(book.strings).not.toBeNull();
  expect(book.dateStyles).not.toBeNull();
  const sheets = Object.keys(z.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
  for (const n of sheets)
    expect([n, sheetCells(await z.file(n)!.async('uint8array'), book) !== null]).toEqual([n, true]);
  return sheets.length;
}

const rowsOf = (bytes: Uint8Array, general = false) =>
  readWorkbook(bytes, general ? { generalReader: true } : {}).sheets[0]!;

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('each kind of cell reads as the general reader reads it', () => {
  const cases: Array<[string, Parts, unknown[][]]> = [
    [
      'numbers, shared strings, booleans, a formula with its cached value, a formula text (str)',
      {
        sheet:
          '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>12.5</v></c><c r="C1" t="b"><v>1</v></c>' +
          '<c r="D1" t="b"><v>0</v></c><c r="E1"><f>B1*2</f><v>25</v></c><c r="F1" t="str"><f>A1&amp;"!"</f><v>张三&amp;!</v></c></row></sheetData>',
        strings: ['<si><t>张三</t></si>'],
      },
      [['张三', 12.5, true, false, 25, '张三&!']],
    ],
    [
      'rich text without its phonetic guide, inline strings, _x000D_ and CR LF',
      {
        sheet:
          '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>内联</t></is></c>' +
          '<c r="C1" t="s"><v>1</v></c><c r="D1" t="inlineStr"><is><r><t>甲</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 乙</t></r></is></c></row></sheetData>',
        strings: [
          '<si><r><t>海南</t></r><r><rPr><b/></rPr><t>省级</t></r><rPh sb="0" eb="2"><t>ハイナン</t></rPh></si>',
          '<si><t>一行_x000D_\r\n二行</t></si>',
        ],
      },
      [['海南省级', '内联', '一行\r\n二行', '甲 乙']],
    ],
    [
      'error values: the usual ones, and one the general reader has no code for',
      {
        sheet:
          '<sheetData><row r="1"><c r="A1" t="e"><v>#N/A</v></c><c r="B1" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
          '<c r="C1" t="e"><v>#SPILL!</v></c></row></sheetData>',
      },
      [['#N/A', '#DIV/0!', '#SPILL!']],
    ],
    [
      'cells without a value, cells and rows without an address, a gap of rows',
      {
        sheet:
          '<sheetData><row r="2"><c r="A2" s="0"/><c r="B2"><v></v></c><c t="s"/><c><v>3</v></c></row><row><c><v>4</v></c></row>' +
          '<row r="6"><c r="B6"><v>6</v></c></row></sheetData>',
      },
      // the first row holding a cell is row 2 (firstRow 2)
      [[undefined, undefined, undefined, 3], [4], [], [], [undefined, 6]],
    ],
    [
      'dates by built-in and custom formats, times, and a number styled as text',
      {
        sheet:
          '<sheetData><row r="1"><c r="A1" s="1"><v>43660</v></c><c r="B1" s="2"><v>43660</v></c><c r="C1" s="3"><v>43660.5</v></c>' +
          '<c r="D1" s="4"><v>43660</v></c><c r="E1"><v>43660</v></c></row></sheetData>',
        numFmts: '<numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>',
        xfs: '<xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="22"/><xf numFmtId="49"/>',
      },
      [[date('2019-07-14'), date('2019-07-14'), new Date('2019-07-14T12:00:00Z'), 43660, 43660]],
    ],
    [
      'the 1904 date system',
      {
        sheet: '<sheetData><row r="1"><c r="A1" s="1"><v>42198</v></c></row></sheetData>',
        xfs: '<xf numFmtId="0"/><xf numFmtId="14"/>',
        date1904: true,
      },
      [[date('2019-07-14')]],
    ],
    [
      'merged cells filled with their top-left value; an extension list after the cells is not read as cells',
      {
        sheet:
          '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1</v></c></row><row r="2"><c r="B2"><v>2</v></c></row></sheetData>' +
          '<mergeCells count="1"><mergeCell ref="A1:A2"/></mergeCells>' +
          '<extLst><ext uri="{x}"><c r="Z9"><v>99</v></c></ext></extLst>',
        strings: ['<si><t>李四</t></si>'],
      },
      [
        ['李四', 1],
        ['李四', 2],
      ],
    ],
    [
      'elements with a namespace prefix (strict or hand-made files)',
      {
        sheet:
          '<x:sheetData xmlns:x="' +
          NS +
          '"><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>7</x:v></x:c></x:row></x:sheetData>',
        strings: ['<si><t>王五</t></si>'],
      },
      [['王五', 7]],
    ],
  ];
  test.each(cases)('%s', async (_, parts, rows) => {
    const bytes = await book(parts);
    expect(await readHere(bytes)).toBe(1);
    const own = rowsOf(bytes);
    expect(own.rows).toEqual(rows);
    // the general reader (SheetJS) reads the same
    const general = rowsOf(bytes, true);
    expect(own).toEqual(general);
  });
});

test('the East Asian built-in date formats (numFmtId 27–36, 50–58) are dates, as Excel in Chinese shows them', async () => {
  const bytes = await book({
    sheet: '<sheetData><row r="1"><c r="A1" s="1"><v>43660</v></c><c r="B1" s="2"><v>43660</v></c></row></sheetData>',
    xfs: '<xf numFmtId="0"/><xf numFmtId="31"/><xf numFmtId="57"/>',
  });
  expect(rowsOf(bytes).rows).toEqual([[date('2019-07-14'), date('2019-07-14')]]);
  // the general reader has no format for these numbers: it gave the serial (the engine reads both alike)
  expect(rowsOf(bytes, true).rows).toEqual([[43660, 43660]]);
});

describe('what this reader leaves to the general reader', () => {
  const sheets: Array<[string, string]> = [
    ['a typed date (t="d")', '<sheetData><row r="1"><c r="A1" t="d"><v>2019-07-14T00:00:00Z</v></c></row></sheetData>'],
    ['a comment inside a cell', '<sheetData><row r="1"><c r="A1"><v>1</v><!-- x --></c></row></sheetData>'],
    [
      'a CDATA section inside an inline string',
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<b>]]></t></is></c></row></sheetData>',
    ],
    ['a type it has no word for', '<sheetData><row r="1"><c r="A1" t="x"><v>1</v></c></row></sheetData>'],
    ['a shared string not in the table', '<sheetData><row r="1"><c r="A1" t="s"><v>5</v></c></row></sheetData>'],
    ['an address with $ signs', '<sheetData><row r="1"><c r="$B$1"><v>1</v></c></row></sheetData>'],
    [
      'a number written with a character reference',
      '<sheetData><row r="1"><c r="A1"><v>&#49;</v></c></row></sheetData>',
    ],
  ];
  test.each(sheets)('%s', async (_, sheet) => {
    const xml = new TextEncoder().encode(`<worksheet xmlns="${NS}">${sheet}</worksheet>`);
    expect(sheetCells(xml, { strings: [], dateStyles: [], date1904: false })).toBeNull();
    // and the workbook still reads, as the general reader reads it (or fails as it does)
    const bytes = await book({ sheet });
    let own: unknown;
    let general: unknown;
    try {
      own = rowsOf(bytes);
    } catch (e) {
      own = String(e);
    }
    try {
      general = rowsOf(bytes, true);
    } catch (e) {
      general = String(e);
    }
    expect(own).toEqual(general);
  });
});

describe('parts this reader does not read: the workbook reads as the general reader reads it', () => {
  const cases: Array<[string, Parts]> = [
    [
      'a CDATA section in the shared strings',
      {
        sheet: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>',
        strings: ['<si><t><![CDATA[a&b]]></t></si>'],
      },
    ],
    [
      'a comment in the shared strings',
      {
        sheet: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>',
        strings: ['<!-- <si><t>z</t></si> -->', '<si><t>a</t></si>'],
      },
    ],
    [
      'a comment in the styles',
      {
        sheet: '<sheetData><row r="1"><c r="A1" s="1"><v>43660</v></c></row></sheetData>',
        xfs: '<xf numFmtId="0"/><!-- <xf numFmtId="0"/> --><xf numFmtId="14"/>',
      },
    ],
    [
      'two <sheetData> elements',
      {
        sheet:
          '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><sheetData><row r="2"><c r="A2"><v>2</v></c></row></sheetData>',
      },
    ],
  ];
  test.each(cases)('%s', async (_, parts) => {
    const bytes = await book(parts);
    expect(rowsOf(bytes)).toEqual(rowsOf(bytes, true));
  });

  test('a differential format’s <numFmt> (inside <dxfs>) is not a cell style’s', async () => {
    const bytes = await book({
      sheet: '<sheetData><row r="1"><c r="A1" s="1"><v>43660</v></c></row></sheetData>',
      numFmts: '<numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>',
      xfs: '<xf numFmtId="0"/><xf numFmtId="164"/></cellXfs><dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="0.00"/></dxf></dxfs><cellXfs>',
    });
    expect(rowsOf(bytes).rows).toEqual([[date('2019-07-14')]]);
    expect(rowsOf(bytes)).toEqual(rowsOf(bytes, true));
  });

  test('a worksheet in UTF-16 is left to the general reader, not read as empty', () => {
    const xml = `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`;
    const b = new Uint8Array(Buffer.from('\ufeff' + xml, 'utf16le'));
    expect(sheetCells(b, { strings: [], dateStyles: [], date1904: false })).toBeNull();
    // and a sheet without any <sheetData> (nothing here would be read) is left to it too
    expect(
      sheetCells(new TextEncoder().encode(`<worksheet xmlns="${NS}"/>`), {
        strings: [],
        dateStyles: [],
        date1904: false,
      }),
    ).toBeNull();
  });
});

test('shared strings: empty items, prefixes and entities; styles: only <cellXfs> counts', () => {
  expect(
    sharedStrings(
      '<sst><si/><si><t/></si><x:si><x:t>a&amp;b&#x4E2D;</x:t></x:si><si><t xml:space="preserve"> c </t></si></sst>',
    ),
  ).toEqual(['', '', 'a&b中', ' c ']);
  expect(stringItem('<r><t>x</t></r><rPh sb="0" eb="1"/><r><t>y</t></r>')).toEqual('xy');
  expect(
    dateStyles(
      '<styleSheet><numFmts><numFmt numFmtId="165" formatCode="0.0"/></numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs>' +
        '<cellXfs><xf numFmtId="0"/><xf numFmtId="165"/><xf numFmtId="14" applyNumberFormat="1"><alignment/></xf></cellXfs></styleSheet>',
    ),
  ).toEqual([false, false, true]);
});

describe('workbooks written by other programs read the same through both readers', () => {
  const LO = path.join(__dirname, '..', 'fixtures', 'lo');
  const cases: Array<[string, () => Promise<Uint8Array>]> = [
    ['the bundled samples (ExcelJS)', async () => new Uint8Array(await fs.readFile(path.join(SAMPLES, 'hainan.xlsx')))],
    [
      'one sheet a year with dates and numeric IDs (ExcelJS)',
      async () => perYearXlsx(await hainanRows(), { decoy: true, dates: true, idsAsNumbers: true }),
    ],
    [
      'an office workbook with a note, an image and a chart (ExcelJS)',
      async () => (await officeWorkbook(await hainanRows())).bytes,
    ],
    [
      'SheetJS',
      async () => {
        const s = await hainanRows();
        const ws = XLSX.utils.aoa_to_sheet([[s.title], s.header, ...s.rows], { cellDates: true });
        const wb = XLSX.utils.book_new();
        XLSX.utils.book_append_sheet(wb, ws, '花名册');
        return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
      },
    ],
    ['LibreOffice Calc', async () => new Uint8Array(await fs.readFile(path.join(LO, 'per-year.xlsx')))],
  ];
  test.each(cases)('%s', async (_, make) => {
    const bytes = await make();
    expect(await readHere(bytes)).toBeGreaterThan(0);
    const own = readWorkbook(bytes);
    expect(own.sheets.some((s) => s.rows.length > 2)).toBe(true);
    expect(own).toEqual(readWorkbook(bytes, { generalReader: true }));
  });
});
