// `--out`: an annotated copy of the roster. The input file is read, never written:
// the copy gets issue columns beside the table, highlighted cells with notes, and
// summary sheets. Custom document properties (CPD.region …) are carried over.
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Report } from '../engine/report';
import type { ColumnMap, Field } from '../core/fields';
import { summaryTables, Table, unusedName } from '../present/tables';
import type { Lang } from '../core/text';
import { RosterFile, readCustomProperties, writeCustomProperties, FileError, formatOf, toCsv } from './files';

const FILL = { error: 'FFFFC7CE', warning: 'FFFFEB9C' } as const;


function addTable(wb: ExcelJS.Workbook, table: Table): void {
  const ws = wb.addWorksheet(unusedName(wb.worksheets.map((w) => w.name), table.name));
  ws.addRow(table.headers).font = { bold: true };
  for (const row of table.rows) ws.addRow(row);
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  table.headers.forEach((h, i) => (ws.getColumn(i + 1).width = Math.min(60, Math.max(8, h.length * 2 + 4))));
}

function annotationColumns(lang: Lang): string[] {
  return lang === 'en' ? ['Check result', 'Computed hours', 'Computed credits', 'How computed'] : ['校验结果', '计算学时', '计算学分', '计算说明'];
}

function issueText(rec: Report['records'][number], lang: Lang): string {
  const label = (s: string) => (lang === 'en' ? s : s === 'error' ? '错误' : s === 'warning' ? '警告' : '提示');
  return rec.issues.map((i) => `[${label(i.severity)}] ${i.message}`).join('\n');
}

export async function writeAnnotated(input: string, roster: RosterFile, map: ColumnMap, report: Report, out: string, lang: Lang): Promise<void> {
  if (path.resolve(out) === path.resolve(input)) {
    throw new FileError('--out 不能与输入文件相同：输入文件永远不会被修改 / --out must differ from the input: the input is never modified');
  }
  const outFormat = formatOf(out);
  if (!outFormat) throw new FileError('--out 须以 .xlsx 或 .csv 结尾 / --out must end in .xlsx or .csv');
  const byRow = new Map(report.records.map((r) => [r.row, r]));
  const headerRowNo = map.headerRow + 1;
  const extra = annotationColumns(lang);

  if (outFormat === 'csv') {
    const width = Math.max(0, ...roster.rows.map((r) => r.length));
    const rows = roster.rows.map((cells, i) => {
      const padded = Array.from({ length: width }, (_, c) => cellForCsv(cells[c]));
      const rowNo = i + 1;
      if (rowNo === headerRowNo) return [...padded, ...extra];
      const rec = byRow.get(rowNo);
      return rec ? [...padded, issueText(rec, lang), rec.hours ?? '', rec.credits ?? '', rec.explanation] : padded;
    });
    await fs.writeFile(out, '\uFEFF' + toCsv(rows));
    return;
  }

  const wb = new ExcelJS.Workbook();
  let ws: ExcelJS.Worksheet;
  let props: Record<string, string> = {};
  if (roster.format === 'xlsx') {
    const data = await fs.readFile(input);
    props = await readCustomProperties(data);
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    ws = wb.getWorksheet(roster.sheetName)!;
  } else {
    ws = wb.addWorksheet(lang === 'en' ? 'Roster' : '花名册');
    for (const r of roster.rows) ws.addRow(r.map((v) => (v === '' ? null : v)));
  }
  const firstExtra = Math.max(ws.columnCount, ...roster.rows.map((r) => r.length)) + 1;
  const header = ws.getRow(headerRowNo);
  extra.forEach((h, i) => {
    const c = header.getCell(firstExtra + i);
    c.value = h;
    c.font = { bold: true };
  });
  for (const rec of report.records) {
    const row = ws.getRow(rec.row);
    if (rec.issues.length) row.getCell(firstExtra).value = issueText(rec, lang);
    row.getCell(firstExtra + 1).value = rec.hours;
    row.getCell(firstExtra + 2).value = rec.credits;
    row.getCell(firstExtra + 3).value = rec.explanation;
    for (const i of rec.issues) {
      const col = map.columns[i.field as Field];
      if (col === undefined || i.severity === 'info') continue;
      const cell = row.getCell(col + 1);
      const worst = i.severity === 'error' ? FILL.error : FILL.warning;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: worst } };
      const prev = typeof cell.note === 'string' ? `${cell.note}\n` : '';
      cell.note = prev + i.message;
    }
  }
  ws.getColumn(firstExtra).width = 50;
  ws.getColumn(firstExtra + 3).width = 60;
  const tables = summaryTables(report, lang);
  for (const table of [tables.cycles, tables.years, tables.issues, ...(tables.schools ? [tables.schools] : [])]) addTable(wb, table);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  await fs.writeFile(out, Object.keys(props).length ? await writeCustomProperties(buffer, props) : buffer);
}

function cellForCsv(v: unknown): string | number {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('result' in o) return cellForCsv(o.result);
    if ('text' in o) return String(o.text);
    if (Array.isArray(o.richText)) return o.richText.map((p: { text?: string }) => p.text ?? '').join('');
    if ('error' in o) return String(o.error);
  }
  return String(v);
}
