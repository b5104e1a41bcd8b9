// One roster, two shells: the cells the CLI's annotated copy colours are exactly the cells the task pane
// marks (both from src/present/marks.ts). The bundled hainan sample goes to `cpd-credits check --out`,
// and the same sheet — read by the file layer — to the pane's validation on the in-memory Excel.
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { copyRecord, readWorkbook } from '../../src/files';
import { readCustomProperties } from '../../src/samples/props';
import { sqrefCells } from '../../src/files/sheetxml';
import { validate } from '../../src/taskpane/controller';
import { ExcelWorkbook } from '../../src/taskpane/excel/workbook';
import { createExcel, memoryWorkbook, newSheet, type Value } from '../../src/taskpane/preview/memory-excel';
import JSZip from 'jszip';

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'samples', 'hainan.xlsx');
const AS_OF = '2026-06-01';

type Cells = Map<string, 'error' | 'warning'>;

async function cliCells(dir: string): Promise<Cells> {
  const out = path.join(dir, 'copy.xlsx');
  const code = await run(['check', SAMPLE, '--out', out, '--as-of', AS_OF], {
    out: () => undefined,
    err: () => undefined,
    isTTY: false,
    env: {},
  });
  expect(code).toBe(1);
  const bytes = new Uint8Array(await fs.readFile(out));
  const rec = copyRecord(await readCustomProperties(bytes))!;
  const [error, warning] = rec.dxf as [number, number];
  const zip = await JSZip.loadAsync(bytes);
  // the roster is the workbook's first sheet
  const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  const cells: Cells = new Map();
  for (const m of sheetXml.matchAll(
    /<conditionalFormatting sqref="([^"]*)"><cfRule type="expression" dxfId="(\d+)"/g,
  )) {
    const sev = Number(m[2]) === error ? 'error' : Number(m[2]) === warning ? 'warning' : null;
    if (!sev) continue; // not ours
    for (const c of sqrefCells(m[1]!)) cells.set(`${c.row}:${c.col}`, sev);
  }
  return cells;
}

async function paneCells(): Promise<Cells> {
  const book = readWorkbook(new Uint8Array(await fs.readFile(SAMPLE)));
  const sheet = book.sheets[0]!;
  const wb = memoryWorkbook([
    newSheet(
      sheet.name,
      sheet.rows.map((r) => r.map((v) => (v ?? '') as Value)),
    ),
  ]);
  (globalThis as unknown as { Excel: unknown }).Excel = createExcel(wb);
  const port = new ExcelWorkbook('preview');
  const settings = { region: 'hainan' as const, cycleStart: 2019 };
  await validate(port, { region: 'hainan', lang: 'zh', settings, asOf: AS_OF });
  // the pane draws a mark where the hidden marks sheet holds "E …" or "W …" at the cell's own address
  const marks = wb.sheets.find((s) => s.name === 'CPD_marks')!;
  const cells: Cells = new Map();
  marks.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v === 'string' && /^[EW] /.test(v)) cells.set(`${r + 1}:${c + 1}`, v[0] === 'E' ? 'error' : 'warning');
    }),
  );
  return cells;
}

test('the CLI copy and the task pane mark the same cells, with the same severity', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cpd-same-'));
  try {
    const cli = await cliCells(dir);
    const pane = await paneCells();
    expect(cli.size).toBeGreaterThan(10);
    expect([...pane.entries()].sort()).toEqual([...cli.entries()].sort());
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
