// Writes assets/samples/<region>.xlsx and .csv from the generator: `npm run samples`.
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { REGIONS } from '../rules';
import Papa from 'papaparse';
import { writeCustomProperties } from './props';
import { generate, sampleCredits, Sample } from './generate';

export async function sampleXlsx(s: Sample): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CPD Credits sample generator';
  // A fixed date keeps the file identical from one generation to the next.
  wb.created = wb.modified = new Date(Date.UTC(2026, 0, 1));
  const ws = wb.addWorksheet(s.sheet);
  const headers = s.rows[1] as string[];
  for (const r of s.rows) ws.addRow(r);
  ws.mergeCells(1, 1, 1, headers.length);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.getRow(2).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  headers.forEach((h, i) => {
    const col = ws.getColumn(i + 1);
    col.width = /身份证/.test(h) ? 22 : /项目|学校|单位/.test(h) ? 28 : 10;
    // IDs and certificate numbers are text: as numbers Excel would drop digits.
    if (/身份证|证书/.test(h)) col.numFmt = '@';
  });
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return Buffer.from(await writeCustomProperties(buffer, s.properties));
}

/** Rows as CSV text (callers prepend a BOM so Excel reads the Chinese right). */
export function plainCsv(rows: unknown[][]): string {
  return Papa.unparse(rows, { newline: '\n' }) + '\n';
}

async function main(): Promise<void> {
  const dir = path.join(__dirname, '..', '..', 'assets', 'samples');
  await fs.mkdir(dir, { recursive: true });
  for (const region of REGIONS) {
    const s = generate(region, { computeCredits: sampleCredits(region) });
    await fs.writeFile(path.join(dir, `${region}.xlsx`), await sampleXlsx(s));
    await fs.writeFile(path.join(dir, `${region}.csv`), '\uFEFF' + plainCsv(s.rows.map((r) => r.map((v) => v ?? ''))));
    process.stdout.write(`${region}: ${s.rows.length - 2} records\n`);
  }
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(String(e) + '\n');
    process.exitCode = 1;
  });
}
