// The sheet scan's reading of a worksheet's XML (sheetscan.ts): the usual `<v>…</v></c>` of a cell passed over at
// once, anything else tag by tag — so a "<row>" inside a CDATA section or a comment is text, a cell's unnamed
// error value is kept, and a row listed twice is still found and renumbered.
import { scanSheetXml } from '../../src/files/sheetscan';
import { BUDGETS } from '../../src/files/budgets';

const sheet = (rows: string) =>
  new TextEncoder().encode(
    `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`,
  );
const text = (b: Uint8Array) => new TextDecoder().decode(b);

test('a row written inside CDATA or a comment is text; a row listed twice is found and moved to the end', () => {
  const b = sheet(
    '<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="inlineStr"><is><t><![CDATA[<row r="1"><c r="A1"><v>9</v></c></row>]]></t></is></c></row>' +
      '<row r="2"><c r="A2"><v>2</v><!-- <row r="2"> --></c><c r="B2"><f>A2*2</f><v>4</v></c></row>' +
      '<row r="2"><c r="A2"><v>3</v></c></row>',
  );
  const s = scanSheetXml(b, 'S', BUDGETS);
  expect(s.notices.map((n) => n.en)).toEqual([
    'sheet "S" lists rows 2 more than once in its XML: the repeated rows are kept, moved to the end (rows 3–3)',
  ]);
  expect(text(s.bytes)).toContain('<row r="3"><c r="A3"><v>3</v></c></row>');
  // the CDATA's row and cell are as written
  expect(text(s.bytes)).toContain('<![CDATA[<row r="1"><c r="A1"><v>9</v></c></row>]]>');
});

test("a cell's unnamed error value is kept; plain values and formulas count as cells, self-closing ones do not", () => {
  const b = sheet('<row r="1"><c r="A1" t="e"><v>#SPILL!</v></c><c r="B1"><v>5</v></c><c r="C1" s="1"/></row>');
  const s = scanSheetXml(b, 'S', BUDGETS);
  expect([...s.errorTexts]).toEqual([[0, '#SPILL!']]);
  expect(s.notices).toEqual([]);
  expect(() => scanSheetXml(b, 'S', { ...BUDGETS, sheetCells: 1 })).toThrow(/sheetCells/);
  expect(() => scanSheetXml(b, 'S', { ...BUDGETS, sheetCells: 2 })).not.toThrow();
});
