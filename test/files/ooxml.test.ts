// Careful insertion into package parts (src/files/ooxml.ts), on XML as other programs write it: prefixed
// namespaces, existing dxfs and conditional formats, sheet-scoped names, macros — and the fall-back when a
// package cannot be patched.
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { addFormats, annotatePackage, ensureDxfs, isUtf8, removeOwnFormats, splitSheet } from '../../src/files/ooxml';
import { annotatedCopy, readWorkbook } from '../../src/files';
import { sqrefCells } from '../../src/files/sheetxml';
import { parts, withMacros } from './fixtures';

const mark = (row: number, col: number, severity: 'error' | 'warning' = 'error') => ({
  row,
  col,
  severity,
  message: 'm',
});

describe('styles: two dxfs appended, every existing one where it was', () => {
  test('after existing dxfs, the count raised, the rest of the part untouched', () => {
    const styles =
      '<styleSheet xmlns="x"><fonts count="1"><font/></fonts><dxfs count="1"><dxf><font><b/></font></dxf></dxfs><tableStyles count="0"/></styleSheet>';
    const { xml, ids } = ensureDxfs(styles);
    expect(ids).toEqual([1, 2]);
    expect(
      xml.startsWith(
        '<styleSheet xmlns="x"><fonts count="1"><font/></fonts><dxfs count="3"><dxf><font><b/></font></dxf><dxf>',
      ),
    ).toBe(true);
    expect(xml.endsWith('</dxf></dxfs><tableStyles count="0"/></styleSheet>')).toBe(true);
    // a later copy finds its own and appends nothing
    expect(ensureDxfs(xml, ids)).toEqual({ xml, ids });
    // …unless they were changed in the meantime
    expect(ensureDxfs(xml.replace('FFFFC7CE', 'FF000000'), ids).ids).toEqual([3, 4]);
  });

  test('no dxfs element: one is made in its schema place; a prefixed stylesheet keeps its prefix', () => {
    const { xml } = ensureDxfs(
      '<x:styleSheet xmlns:x="s"><x:cellXfs count="1"><x:xf/></x:cellXfs><x:cellStyles count="1"/><x:colors/></x:styleSheet>',
    );
    expect(xml).toMatch(/<x:cellStyles count="1"\/><x:dxfs count="2"><x:dxf><x:font>.*<\/x:dxfs><x:colors\/>/);
  });
});

describe('the marked sheet: conditional formats in their schema place, after the user’s own', () => {
  const sheet = (tail: string) =>
    `<worksheet xmlns="s"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>${tail}</worksheet>`;

  test('after mergeCells and before pageMargins, drawing, legacyDrawing and extLst', () => {
    const xml = addFormats(
      sheet(
        '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><pageMargins/><drawing r:id="rId1"/><legacyDrawing r:id="rId2"/><extLst/>',
      ),
      [mark(3, 2), mark(4, 2), mark(9, 4, 'warning')],
      [5, 6],
    );
    expect(xml).toContain(
      '</mergeCells><conditionalFormatting sqref="B3:B4"><cfRule type="expression" dxfId="5" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting><conditionalFormatting sqref="D9"><cfRule type="expression" dxfId="6" priority="2">',
    );
    expect(xml).toContain('</conditionalFormatting><pageMargins/><drawing r:id="rId1"/>');
  });

  test('after the user’s conditional formats, with lower priority than every rule there (x14 ones too)', () => {
    const own =
      '<conditionalFormatting sqref="A1:A9"><cfRule type="cellIs" dxfId="0" priority="3" operator="equal"><formula>1</formula></cfRule></conditionalFormatting>';
    const ext =
      '<extLst><ext><x14:conditionalFormattings><x14:conditionalFormatting><x14:cfRule priority="7"/></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>';
    const xml = addFormats(sheet(own + '<pageMargins/>' + ext), [mark(2, 2)], [1, 2]);
    expect(xml).toContain(`${own}<conditionalFormatting sqref="B2"><cfRule type="expression" dxfId="1" priority="8">`);
    // removing the tool's formats gives the sheet back, the user's rule included
    expect(removeOwnFormats(xml, [1, 2])).toBe(sheet(own + '<pageMargins/>' + ext));
    // a rule of the user's that looks alike but uses another style is theirs
    expect(removeOwnFormats(xml, [7, 8])).toBe(xml);
  });

  test('a prefixed worksheet (x:), an empty sheetData', () => {
    const xml = addFormats(
      '<x:worksheet xmlns:x="s"><x:sheetData/><x:pageMargins/></x:worksheet>',
      [mark(1, 1)],
      [0, 1],
    );
    expect(xml).toBe(
      '<x:worksheet xmlns:x="s"><x:sheetData/><x:conditionalFormatting sqref="A1"><x:cfRule type="expression" dxfId="0" priority="1"><x:formula>TRUE</x:formula></x:cfRule></x:conditionalFormatting><x:pageMargins/></x:worksheet>',
    );
    expect(sqrefCells('B3:B5 D9')).toEqual([
      { row: 3, col: 2 },
      { row: 4, col: 2 },
      { row: 5, col: 2 },
      { row: 9, col: 4 },
    ]);
  });
});

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('名册').addRows([
    ['身份证号', '学时'],
    ['x', 8],
  ]);
  wb.addWorksheet('另表').getCell('A1').value = 1;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test('a second copy removes the first one’s sheets, shifting sheet-scoped names and the active tab back', async () => {
  const zip = await JSZip.loadAsync(await workbook());
  let wbXml = await zip.file('xl/workbook.xml')!.async('string');
  // the user's own sheet-scoped name on 另表 (index 1), and the active tab on it
  wbXml = wbXml.replace(
    /<definedNames>.*<\/definedNames>|(?=<calcPr)/,
    '<definedNames><definedName name="区域" localSheetId="1">\'另表\'!$A$1</definedName></definedNames>',
  );
  wbXml = wbXml.includes('<workbookView')
    ? wbXml.replace(/<workbookView([^>]*?)\/>/, '<workbookView activeTab="1"$1/>')
    : wbXml.replace('<sheets>', '<bookViews><workbookView activeTab="1"/></bookViews><sheets>');
  zip.file('xl/workbook.xml', wbXml);
  const input = await zip.generateAsync({ type: 'uint8array' });
  const plan = {
    marks: new Map([['名册', [mark(2, 2)]]]),
    tables: [{ name: '结果', headers: ['a'], rows: [[1]] }],
    properties: {},
  };
  const first = await annotatePackage(input, plan);
  // the user then moves 另表 after the tool's sheet: simulate by reordering <sheet> entries
  const z2 = await JSZip.loadAsync(first.bytes);
  let w2 = await z2.file('xl/workbook.xml')!.async('string');
  const other = /<sheet [^>]*name="另表"[^>]*\/>/.exec(w2)![0];
  w2 = w2
    .replace(other, '')
    .replace('</sheets>', `${other}</sheets>`)
    .replace('localSheetId="1"', 'localSheetId="3"')
    .replace('activeTab="1"', 'activeTab="3"');
  z2.file('xl/workbook.xml', w2);
  const moved = await z2.generateAsync({ type: 'uint8array' });
  const second = await annotatePackage(moved, plan);
  const w3 = (await parts(second.bytes)).get('xl/workbook.xml')!.toString();
  const names = [...w3.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
  expect(names).toEqual(['名册', '另表', '结果', 'CPD_marks']);
  // 另表 is index 1 again after the earlier 结果 and CPD_marks went: its name and the active tab follow it
  expect(w3).toContain('<definedName name="区域" localSheetId="1">');
  expect(w3).toContain('activeTab="1"');
  expect(readWorkbook(second.bytes).sheets.map((s) => s.name)).toEqual(names);
});

test('a macro workbook keeps its macros byte for byte; a package that cannot be patched becomes a new .xlsx, said so', async () => {
  const { bytes: xlsm, vba } = await withMacros(await workbook());
  const book = readWorkbook(xlsm);
  expect(book.format).toBe('xlsm');
  const plan = { marks: new Map([['名册', [mark(2, 2)]]]), tables: [], properties: {} };
  const copy = await annotatedCopy(xlsm, book, plan, 'zh');
  expect(copy.kind).toBe('annotated');
  const p = await parts(copy.bytes);
  expect(Buffer.compare(p.get('xl/vbaProject.bin')!, Buffer.from(vba))).toBe(0);
  expect(p.get('[Content_Types].xml')!.toString()).toContain('macroEnabled.main+xml');

  // no officeDocument relationship (as in a strict or broken package): rebuilt from the values instead
  const broken = await JSZip.loadAsync(await workbook());
  broken.file(
    '_rels/.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>',
  );
  const bytes = await broken.generateAsync({ type: 'uint8array' });
  const rebuilt = await annotatedCopy(bytes, { ...readWorkbook(await workbook()), format: 'xlsx' }, plan, 'zh');
  expect(rebuilt.kind).toBe('rebuilt');
  expect(rebuilt.note!.zh).toContain('无法原样保留');
  expect(readWorkbook(rebuilt.bytes).sheets.map((s) => s.name)).toEqual(['名册', '另表', 'CPD_marks']);
});

test('an added sheet never takes a name of the user’s, compared without case as Excel does', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Roster').addRows([
    ['ID', 'hours'],
    ['x', 8],
  ]);
  wb.addWorksheet('results');
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const copy = await annotatePackage(bytes, {
    marks: new Map(),
    tables: [{ name: 'Results', headers: ['a'], rows: [] }],
    properties: {},
  });
  expect(copy.sheets).toEqual(['Results (2)']);
});

describe('a marked sheet is split at its cells’ end: the cells copied as bytes, only the XML after them edited', () => {
  const enc = new TextEncoder();
  const text = (b: Uint8Array) => new TextDecoder().decode(b);
  const headOf = (s: ReturnType<typeof splitSheet>) => {
    const h = s.head();
    return h instanceof Uint8Array ? h : Buffer.concat([...h]);
  };

  test('at the last </sheetData>, whatever the prefix; head and tail are the sheet', () => {
    const xml =
      '<?xml version="1.0"?>\n<x:worksheet xmlns:x="s"><x:sheetData><x:row r="1"/></x:sheetData><x:pageMargins/></x:worksheet>';
    const s = splitSheet(enc.encode(xml));
    expect(s.p).toBe('x:');
    expect(s.tail).toBe('</x:sheetData><x:pageMargins/></x:worksheet>');
    expect(text(headOf(s)) + s.tail).toBe(xml);
  });

  test.each([
    ['a BOM (the text drops it)', [0xef, 0xbb, 0xbf], '<worksheet><sheetData/></worksheet>'],
    ['bytes that are not UTF-8 among the cells', [], '<worksheet><sheetData>\u0000</sheetData></worksheet>'],
    ['no </sheetData>', [], '<worksheet><sheetData/></worksheet>'],
    ['another root', [], '<chartsheet><sheetData></sheetData></chartsheet>'],
  ])('read whole, as the text it was written back as before, where the bytes hold %s', (_, prefix, xml) => {
    let b = new Uint8Array([...prefix, ...enc.encode(xml)]);
    // the \u0000 stands for a byte that is not UTF-8
    b = b.map((x) => (x === 0 ? 0xff : x));
    const s = splitSheet(b);
    expect(headOf(s).length).toBe(0);
    expect(s.tail).toBe(new TextDecoder().decode(b));
  });

  test('isUtf8 agrees with a strict decoder on the sequences that are and are not UTF-8', () => {
    const cases = [
      [0x41],
      [0xc2, 0x80],
      [0xc1, 0xbf], // overlong
      [0xe4, 0xb8, 0xad], // 中
      [0xe0, 0x80, 0x80], // overlong
      [0xed, 0xa0, 0x80], // a surrogate
      [0xef, 0xbf, 0xbf],
      [0xf0, 0x9f, 0x98, 0x80], // 😀
      [0xf0, 0x8f, 0xbf, 0xbf], // overlong
      [0xf4, 0x90, 0x80, 0x80], // past U+10FFFF
      [0xf5, 0x80, 0x80, 0x80],
      [0xe4, 0xb8], // cut short
      [0x80],
    ];
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (const c of cases) {
      const b = new Uint8Array([0x3c, ...c, 0x3e]);
      let ok = true;
      try {
        strict.decode(b);
      } catch {
        ok = false;
      }
      expect([c, isUtf8(b, 0, b.length)]).toEqual([c, ok]);
    }
    // a sequence cut by the end of the range is not whole
    expect(isUtf8(new Uint8Array([0x41, 0xe4, 0xb8, 0xad]), 0, 3)).toBe(false);
  });
});
