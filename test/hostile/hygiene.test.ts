// Output hygiene. What a file holds never acts on the terminal: escape sequences in cells, sheet names and
// file names are printed as visible escapes, in the readable report, the JSON and every message. And text
// that looks like a formula (= + - @, a leading tab or CR) is written as text in every sheet the CLI or the
// pane writes, and defused in CSV output (OWASP).
/* eslint-disable no-control-regex -- the characters under test are control characters */
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { run } from '../../src/cli/main';
import { jsonForTerminal, needsVisible, visible, visibleDeep } from '../../src/cli/terminal';
import { checkTable } from '../../src/engine/engine';
import { toReport } from '../../src/engine/report';
import { RULES } from '../../src/rules';
import { ExcelWorkbook } from '../../src/taskpane/excel/workbook';
import { createExcel, memoryWorkbook, newSheet } from '../../src/taskpane/preview/memory-excel';
import { sheetData, sheetXml, xlsx } from './build';
import { csv, rosterRows } from './run';

async function cli(argv: string[], isTTY = false): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (s) => (out += s), err: (s) => (err += s), isTTY, env: {} });
  return { code, out, err };
}

let dir: string;
beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'cpd-hygiene-'));
});
afterAll(() => fsp.rm(dir, { recursive: true, force: true }));

const CLEAR = '\x1b[2J\x1b[H';
const TITLE = '\x1b]0;pwned\x07';
const LINK = '\x1b]8;;https://evil.example/\x07点这里\x1b]8;;\x07';
const CSI_C1 = '\u009b31m';
const BIDI = '\u202eexe.txt';
/** A raw control character, C1 control or bidirectional override: none may reach the terminal. */
const RAW = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

function hostileRoster(): Array<Array<string | number>> {
  const rows = rosterRows(6);
  const h = rows[0]!;
  rows[1]![h.indexOf('姓名')] = `张${CLEAR}三`;
  rows[2]![h.indexOf('学校')] = `${LINK}中学`;
  rows[3]![h.indexOf('培训方式')] = `集中${CSI_C1}培训`; // an unknown mode: its value is in the message
  rows[4]![h.indexOf('项目名称')] = BIDI;
  rows[5]![h.indexOf('学时')] = `${TITLE}40`;
  return rows;
}

describe('escape sequences from a file reach the terminal as visible text', () => {
  test('visible(): every control and override as an escape, tab and newline kept', () => {
    expect(visible(`a${CLEAR}b`)).toBe('a\\x1B[2J\\x1B[Hb');
    expect(visible(TITLE)).toBe('\\x1B]0;pwned\\x07');
    expect(visible(CSI_C1)).toBe('\\x9B31m');
    expect(visible(BIDI)).toBe('\\u202Eexe.txt');
    expect(visible('a\tb\nc\rd')).toBe('a\tb\nc\\x0Dd');
    expect(visible('普通文字')).toBe('普通文字');
  });

  test('needsVisible() finds exactly what visible() changes: every UTF-16 code unit, alone, in text, in a value', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      const changes = visible(ch) !== ch;
      if (needsVisible(ch) !== changes || needsVisible(`张三${ch}海口`) !== changes)
        throw new Error(`U+${c.toString(16)}`);
    }
    expect(needsVisible({ records: [{ name: '张三', issues: [] }], n: 3 })).toBe(false);
    expect(needsVisible({ records: [{ name: `张${BIDI}三` }] })).toBe(true);
    expect(needsVisible({ [`k${CSI_C1}`]: 1 })).toBe(true);
    expect(visibleDeep({ a: [`x${BIDI}`] })).toEqual({ a: [visible(`x${BIDI}`)] });
  });

  test('the readable report and its notices: no raw escape, the text still shown', async () => {
    const name = path.join(dir, `roster${CLEAR}.csv`);
    await fsp.writeFile(name, csv(hostileRoster()));
    const r = await cli(['check', name, '--region', 'hainan']);
    expect(r.code).toBe(1);
    expect(r.out).not.toMatch(RAW);
    expect(r.err).not.toMatch(RAW);
    expect(r.out).toContain('\\x1B[2J');
    expect(r.out).toContain('\\x9B31m');
    expect(r.out).toContain('roster\\x1B[2J\\x1B[H.csv');
  });

  test('with colours (a terminal): the only escapes are the report’s own colours', async () => {
    const name = path.join(dir, 'colour.csv');
    await fsp.writeFile(name, csv(hostileRoster()));
    const r = await cli(['check', name, '--region', 'hainan'], true);
    const escapes = r.out.match(/\x1b[^m]*m/g) ?? [];
    expect(escapes.length).toBeGreaterThan(0);
    for (const e of escapes) expect(e).toMatch(/^\x1b\[\d+m$/);
    expect(r.out.replace(/\x1b\[\d+m/g, '')).not.toMatch(RAW);
  });

  test('--json: the same values when parsed, no raw C1 control or override in the text', async () => {
    const name = path.join(dir, 'json.csv');
    await fsp.writeFile(name, csv(hostileRoster()));
    const r = await cli(['check', name, '--region', 'hainan', '--json']);
    expect(r.out).not.toMatch(RAW);
    const report = JSON.parse(r.out) as { records: Array<{ name: string | null; project?: string | null }> };
    expect(report.records.map((x) => x.name)).toContain(`张${CLEAR}三`);
    expect(JSON.parse(jsonForTerminal(JSON.stringify({ s: `${BIDI}${CSI_C1}` })))).toEqual({ s: `${BIDI}${CSI_C1}` });
  });

  test('sheet names and errors: a missing --sheet lists the sheets visibly; a missing file is named visibly', async () => {
    const f = path.join(dir, 'sheets.xlsx');
    await fsp.writeFile(f, xlsx([{ name: `名册${CLEAR}`, xml: sheetXml(sheetData(rosterRows(3))) }]));
    const r = await cli(['check', f, '--region', 'hainan', '--sheet', `无${TITLE}`]);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(RAW);
    expect(r.err).toContain('名册\\x1B[2J');
    const missing = await cli(['check', path.join(dir, `no${LINK}.csv`), '--region', 'hainan']);
    expect(missing.code).toBe(2);
    expect(missing.err).not.toMatch(RAW);
    const read = await cli(['check', f, '--region', 'hainan']);
    expect(read.out).not.toMatch(RAW);
    expect(read.out).toContain('名册\\x1B[2J');
    const credits = await cli(['credits', '--region', 'hainan', '--hours', '24', '--mode', `集中${CLEAR}`]);
    expect(credits.code).toBe(2);
    expect(credits.err).not.toMatch(RAW);
  });
});

describe('formula-like text is written as text everywhere', () => {
  const FORMULAS = ['=1+1', '+1+1', '-1+1', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("https://evil.example/","x")'];

  function formulaRoster(): Array<Array<string | number>> {
    const rows = rosterRows(FORMULAS.length);
    const h = rows[0]!;
    FORMULAS.forEach((f, i) => {
      rows[i + 1]![h.indexOf('学校')] = f;
      rows[i + 1]![h.indexOf('项目名称')] = f;
    });
    rows[1]![h.indexOf('姓名')] = '=cmd|"/c calc"!A1';
    return rows;
  }

  /** Every <f> element and formula-typed cell in the sheets of a package. */
  async function formulas(bytes: Uint8Array): Promise<string[]> {
    const zip = await JSZip.loadAsync(bytes);
    const found: string[] = [];
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/.*\.xml$/.test(n))) {
      const xml = await zip.file(name)!.async('string');
      for (const m of xml.matchAll(/<(?:\w+:)?f[ >][^<]*/g)) found.push(`${name}: ${m[0]}`);
    }
    return found;
  }

  test('CSV output: every formula-like field is prefixed with a quote (OWASP)', async () => {
    const input = path.join(dir, 'formulas.csv');
    await fsp.writeFile(input, csv(formulaRoster()));
    const out = path.join(dir, 'formulas-out.csv');
    expect((await cli(['check', input, '--region', 'hainan', '--out', out])).code).toBe(1);
    const text = (await fsp.readFile(out, 'utf8')).replace(/^\uFEFF/, '');
    for (const f of FORMULAS) expect(text).toContain(`"'${f.replace(/"/g, '""')}"`);
    expect(text).toContain(`"'=cmd|""/c calc""!A1"`);
    // no field, read back as a spreadsheet reads it, starts like a formula
    const fields = Papa.parse<string[]>(text, { skipEmptyLines: true }).data.flat();
    expect(fields.filter((f) => /^[=+\-@\t\r]/.test(f))).toEqual([]);
  });

  test('the copy of an .xlsx: its result sheets hold the text, no formula', async () => {
    const input = path.join(dir, 'formulas.xlsx');
    await fsp.writeFile(input, xlsx([{ name: '名册', xml: sheetXml(sheetData(formulaRoster())) }]));
    const out = path.join(dir, 'formulas-copy.xlsx');
    expect((await cli(['check', input, '--region', 'hainan', '--out', out])).code).toBe(1);
    const bytes = new Uint8Array(await fsp.readFile(out));
    expect(await formulas(bytes)).toEqual([]);
    const zip = await JSZip.loadAsync(bytes);
    const all = await Promise.all(Object.keys(zip.files).map((n) => zip.file(n)?.async('string') ?? ''));
    expect(all.join('')).toContain('=cmd|&quot;/c calc&quot;!A1');
  });

  test('the rebuilt copy of a CSV and the summary workbook of several files: text, no formula', async () => {
    const a = path.join(dir, 'multi', 'a.csv');
    const b = path.join(dir, 'multi', 'b.csv');
    await fsp.mkdir(path.dirname(a), { recursive: true });
    await fsp.writeFile(a, csv(formulaRoster()));
    await fsp.writeFile(b, csv(formulaRoster()));
    const out = path.join(dir, 'multi-out');
    expect((await cli(['check', path.dirname(a), '--region', 'hainan', '--out', out])).code).toBe(1);
    for (const f of ['a.xlsx', 'b.xlsx', '汇总.xlsx']) {
      const bytes = new Uint8Array(await fsp.readFile(path.join(out, f)));
      expect(await formulas(bytes)).toEqual([]);
    }
  });

  test("the pane's summary sheet: text cells formatted as text first, so Excel stores no formula", async () => {
    const rows = formulaRoster().map((r) => r.map((v) => (v === '' ? '' : v)));
    const report = toReport(checkTable(rows, { rules: RULES.hainan }));
    const wb = memoryWorkbook([newSheet('名册', rows)], {});
    (globalThis as unknown as { Excel: unknown }).Excel = createExcel(wb);
    const name = await new ExcelWorkbook().writeSummary(report, 'zh');
    const sheet = wb.sheets.find((s) => s.name === name)!;
    expect(sheet.formulas.size).toBe(0);
    const values = sheet.rows.flat();
    expect(values).toContain('=1+1');
    expect(values).toContain('=cmd|"/c calc"!A1');
  });
});
