// Every roster sheet is read: one sheet per year becomes one roster with the verdicts of the one-sheet
// workbook, whatever program wrote it (ExcelJS .xlsx, SheetJS .xls/.ods, LibreOffice .ods/.xls); hidden
// sheets are skipped with a note, --sheet chooses, and "no header" names every sheet looked at.
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { type Report } from '../../src/engine/report';
import { ReportSchema } from '../../src/engine/report-schema';
import { hainanRows, perYearBook, perYearXlsx, SAMPLES, writeTo, type Sample } from '../files/fixtures';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (s) => (out += s), err: (s) => (err += s), isTTY: false, env: {} });
  return { code, out, err };
}

const AS_OF = ['--as-of', '2026-06-01'];
const LO = path.join(__dirname, '..', 'fixtures', 'lo');

let tmp: string;
let sample: Sample;
let oneSheet: Report;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'cpd-roster-'));
  sample = await hainanRows();
  oneSheet = ReportSchema.parse(
    JSON.parse((await cli('check', path.join(SAMPLES, 'hainan.xlsx'), '--json', ...AS_OF)).out),
  );
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** What a verdict is: the same whichever layout holds the records (no reason names rows, which restart per sheet). */
function verdicts(r: Report) {
  return r.teachers
    .map((tj) => ({
      id: tj.id,
      name: tj.name,
      school: tj.school,
      years: tj.years,
      cycle: tj.cycle,
      issues: tj.issues.map((i) => i.code),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

describe('one sheet per year, with a hidden decoy first sheet and a notes sheet', () => {
  const cases: Array<[string, () => Promise<string>, string[]]> = [
    [
      '.xlsx by ExcelJS, dates as date cells',
      async () => writeTo(tmp, 'py.xlsx', await perYearXlsx(sample, { decoy: true, dates: true })),
      [],
    ],
    [
      '.xls by SheetJS',
      async () => writeTo(tmp, 'py.xls', perYearBook(sample, 'xls', { decoy: true, dates: true })),
      [],
    ],
    // SheetJS writes neither hidden sheets nor custom properties to .ods: no decoy, and the settings given
    [
      '.ods by SheetJS',
      async () => writeTo(tmp, 'py.ods', perYearBook(sample, 'ods', { dates: true })),
      ['--region', 'hainan', '--cycle-start', '2019'],
    ],
    ['.xlsb by SheetJS', async () => writeTo(tmp, 'py.xlsb', perYearBook(sample, 'xlsb', { decoy: true })), []],
    ['.ods by LibreOffice', async () => path.join(LO, 'per-year.ods'), []],
    ['.xlsx by LibreOffice', async () => path.join(LO, 'per-year.xlsx'), []],
    // LibreOffice's .xls keeps its custom properties in a form the reader does not return: given here
    ['.xls by LibreOffice', async () => path.join(LO, 'per-year.xls'), ['--region', 'hainan', '--cycle-start', '2019']],
    [
      'a WPS-style .et (the same compound file under its own name)',
      async () => {
        const f = path.join(tmp, 'py.et');
        await fs.copyFile(path.join(LO, 'per-year.xls'), f);
        return f;
      },
      ['--region', 'hainan', '--cycle-start', '2019'],
    ],
  ];
  test.each(cases)('%s: the verdicts of the one-sheet .xlsx', async (_, make, extra) => {
    const file = await make();
    const r = ReportSchema.parse(JSON.parse((await cli('check', file, '--json', ...AS_OF, ...extra)).out));
    expect(r.summary).toEqual(oneSheet.summary);
    expect(verdicts(r)).toEqual(verdicts(oneSheet));
    // every record says which sheet it is on, and the sheets read and skipped are listed
    expect(new Set(r.records.map((x) => x.sheet))).toEqual(
      new Set(['2017年', '2019年', '2020年', '2021年', '2022年', '2023年']),
    );
    const skipped = Object.fromEntries(r.sources!.filter((s) => !s.read).map((s) => [s.sheet, s.code]));
    expect(skipped['说明']).toBe('noHeader');
    if (!file.endsWith('py.ods')) expect(skipped['旧表']).toBe('hidden');
    expect(r.sources!.filter((s) => s.read).map((s) => s.headerRow)).toEqual([2, 2, 2, 2, 2, 2]);
  });

  test('the readable report names the sheets read and why others were skipped', async () => {
    const r = await cli('check', path.join(LO, 'per-year.ods'), ...AS_OF);
    expect(r.out).toMatch(/工作表: 2017年（表头第 2 行）、2019年（表头第 2 行）/);
    expect(r.out).toContain('「旧表」：隐藏的工作表，已跳过');
    expect(r.out).toContain('「说明」：前 30 行中没有花名册表头');
    // a problem's row is said with its sheet: row numbers repeat from sheet to sheet
    expect(r.out).toMatch(/「20\d\d年」 第 \d+ 行/);
  });

  test('--sheet may repeat; only the sheets named are read, a hidden one too', async () => {
    const file = path.join(LO, 'per-year.ods');
    const r = ReportSchema.parse(
      JSON.parse((await cli('check', file, '--json', ...AS_OF, '--sheet', '2019年', '--sheet', '2020年')).out),
    );
    expect(new Set(r.records.map((x) => x.sheet))).toEqual(new Set(['2019年', '2020年']));
    const decoy = await cli('check', file, '--json', ...AS_OF, '--sheet', '旧表');
    const d = ReportSchema.parse(JSON.parse(decoy.out));
    expect(d.records.every((x) => x.sheet === '旧表')).toBe(true);
    expect(d.records.flatMap((x) => x.issues.map((i) => i.code))).toContain('HOURS_NOT_NUMBER');
    const none = await cli('check', file, '--sheet', '2030年');
    expect(none.code).toBe(2);
    expect(none.err).toContain('没有名为「2030年」的工作表');
  });

  test('IDs stored as numbers in every sheet: still one teacher per person, each told the fix', async () => {
    const file = await writeTo(tmp, 'numeric.xls', perYearBook(sample, 'xls', { idsAsNumbers: true }));
    const r = ReportSchema.parse(JSON.parse((await cli('check', file, '--json', ...AS_OF)).out));
    expect(r.summary.teachers).toBe(oneSheet.summary.teachers);
    expect(r.teachers.every((t) => t.issues.some((i) => i.code === 'TEACHER_ID_UNUSABLE'))).toBe(true);
  });
});

test('no sheet has a roster header: the error names every sheet looked at, and why', async () => {
  const book = await writeTo(
    tmp,
    'notes.xlsx',
    await (async () => {
      const { default: ExcelJS } = await import('exceljs');
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('封面').addRow(['2023 年度培训登记']);
      wb.addWorksheet('隐藏名册', { state: 'hidden' }).addRow(['身份证号', '培训方式', '学时']);
      wb.views = [{ activeTab: 0, firstSheet: 0, visibility: 'visible' } as never];
      return new Uint8Array(await wb.xlsx.writeBuffer());
    })(),
  );
  const r = await cli('check', book, '--region', 'hainan');
  expect(r.code).toBe(2);
  expect(r.err).toContain(`${book}：找不到表头行`);
  expect(r.err).toContain('「封面」');
  expect(r.err).toContain('「隐藏名册」（隐藏的工作表');
});

test('a header without the required columns is skipped, and said so when nothing else can be read', async () => {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('名单').addRows([
    ['姓名', '身份证号', '学时'],
    ['张三', '11010519491231002X', 8],
  ]);
  const f = await writeTo(tmp, 'short.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
  const r = await cli('check', f, '--region', 'hainan');
  expect(r.code).toBe(2);
  expect(r.err).toContain('没有可检查的花名册工作表');
  expect(r.err).toMatch(/「名单」（表头在第 1 行，但缺少必需的列：.*培训方式/);
});
