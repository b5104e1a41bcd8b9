// The web page's work, outside the browser: each bundled sample, read and checked by the page's Session,
// gives exactly the JSON report `cpd-credits check --json` prints for the same file; an untouched settings
// form adds nothing to what the workbook says, a changed one is given for the run as the CLI's flags are;
// a check's result crosses to the page in structured-cloneable slices and comes back whole.
import { promises as fs } from 'fs';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { REGIONS, type RegionId } from '../../src/rules';
import { reportString, toReport } from '../../src/engine/report';
import { generate } from '../../src/samples/generate';
import { plainCsv } from '../../src/samples/write';
import { browserHeapLimit, Session, WebProblem } from '../../src/web/session';
import { formAfterRead, runChoices } from '../../src/web/choices';
import { Assembly, fileKey, split, type FileRef } from '../../src/web/protocol';
import { SAMPLES } from '../files/fixtures';
import { mergeSettings } from '../../src/files/check';

async function cli(...argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await run(argv, { out: (s) => (out += s), err: () => undefined, isTTY: false, env: {} });
  return { code, out };
}

async function ref(file: string, name = path.basename(file)): Promise<FileRef> {
  const bytes = await fs.readFile(file);
  return { key: fileKey({ name, size: bytes.length }), name, blob: new Blob([bytes]) };
}

const json = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes)) as unknown;

describe.each(REGIONS.flatMap((r) => [`${r}.xlsx`, `${r}.csv`]))('%s', (name) => {
  test('the Session gives the CLI’s JSON report, and the page’s JSON download is it', async () => {
    const region = name.replace(/\..*$/, '') as RegionId;
    const file = path.join(SAMPLES, name);
    const isCsv = name.endsWith('.csv');
    const want = await cli('check', file, '--json', ...(isCsv ? ['--region', region] : []));
    const s = new Session();
    const f = await ref(file);
    const [meta] = await s.read([f]);
    // what the page puts in its form: the workbook's own settings; for a CSV, which has none, the user's region
    const merged = mergeSettings([{ label: name, properties: meta!.properties }], false);
    const form = formAfterRead(isCsv ? { region } : {}, merged.settings, false);
    expect(form.region).toBe(region);
    const { checked } = await s.check([f], { ...form, region }, 'zh');
    expect(checked.report).toEqual(JSON.parse(want.out));
    expect(json(s.json('zh').bytes)).toEqual(JSON.parse(want.out));
    // the same text too: one layout for the report wherever it is written (a record or a teacher a line)
    expect(new TextDecoder().decode(s.json('zh').bytes)).toBe(want.out);
  });
});

test('an untouched form is the workbook’s settings; what the form changes is given for the run', () => {
  const files = { region: 'hainan' as const, cycleStart: 2019, overrides: { a: 1 } };
  expect(runChoices({ ...files }, files)).toEqual({ region: 'hainan', settings: files });
  // the cycle cleared: neither the workbook's nor any is used (the region's, or from the records)
  expect(runChoices({ region: 'hainan', overrides: { a: 1 } }, files)).toEqual({
    region: 'hainan',
    settings: { region: 'hainan', overrides: { a: 1 } },
  });
  expect(runChoices({ ...files, cycleStart: 2020, asOf: '2026-06-01' }, files)).toEqual({
    region: 'hainan',
    settings: { region: 'hainan', overrides: { a: 1 } },
    cycleStart: 2020,
    asOf: '2026-06-01',
  });
  expect(runChoices({ region: 'puer', cycleStart: 2019, overrides: { a: 2 } }, files)).toEqual({
    region: 'puer',
    settings: { region: 'hainan', cycleStart: 2019 },
    overrides: { a: 2 },
  });
  // new files name their region; a CSV keeps the region chosen before, unless the files disagree
  expect(formAfterRead({ region: 'puer', cycleStart: 2020 }, { region: 'hainan' }, false)).toEqual({
    region: 'hainan',
  });
  expect(formAfterRead({ region: 'puer', cycleStart: 2020 }, {}, false)).toEqual({ region: 'puer' });
  expect(formAfterRead({ region: 'puer' }, {}, true)).toEqual({});
});

/** A check's parts through structured cloning, as the worker posts them, and what the page assembles of them. */
function crossed(c: Awaited<ReturnType<Session['check']>>) {
  const a = new Assembly();
  // as the worker sends them: the report's head, made without its records and teachers
  for (const part of split(c.checked.result, c.reportHead(), c.head)) a.add(structuredClone(part));
  return a.done();
}

test('the result crosses in cloneable slices (rules left behind) and comes back whole', async () => {
  const s = new Session();
  const f = await ref(path.join(SAMPLES, 'hainan.xlsx'));
  const c = await s.check([f], { region: 'hainan', cycleStart: 2019 }, 'zh');
  const { checked, head } = c;
  const back = crossed(c);
  expect(back.report).toEqual(checked.report);
  expect(back.result.rules).toBe(checked.result.rules);
  expect(back.result.records).toHaveLength(checked.result.records.length);
  // the page renders the other language from what it received, as the worker would
  expect(toReport(back.result, 'en')).toEqual(toReport(checked.result, 'en'));
  expect(head.places).toEqual([{ sheet: '培训登记', file: 'hainan.xlsx', firstCol: 1 }]);
});

// The report's records and teachers are not sent: the page makes them from the result's as they arrive. They
// are the worker's own, text for text (key order too): every region, either language, several files (a
// record's file and sheet), and a roster of many slices (a conversion met again in a later slice).
test.each(REGIONS.flatMap((r) => [[r, 'zh'] as const, [r, 'en'] as const]))(
  'the page makes the report the worker made: %s, %s',
  async (region, lang) => {
    const s = new Session();
    const rows = generate(region, { teachers: 500, mistakes: true, seed: 3 }).rows;
    const big = new TextEncoder().encode(plainCsv(rows.map((r) => r.map((v) => v ?? ''))));
    const files = [
      await ref(path.join(SAMPLES, `${region}.xlsx`)),
      { key: fileKey({ name: 'big.csv', size: big.length }), name: 'big.csv', blob: new Blob([big]) },
    ];
    const c = await s.check(files, { region }, lang);
    // the head made first, before any whole report, as the worker makes it
    const head = c.reportHead();
    const back = crossed(c);
    // three slices at least (2 000 records each)
    expect(back.result.records.length).toBeGreaterThan(2 * 2000);
    expect(reportString(back.report)).toBe(reportString(c.checked.report));
    expect(head).toEqual({ ...c.checked.report, records: [], teachers: [] });
    expect(new Set(back.report.records.map((r) => r.file))).toEqual(new Set([`${region}.xlsx`, 'big.csv']));
  },
);

test('a record judged with a teacher of another ID says that teacher’s, on the page too', async () => {
  // the second row's ID was saved by Excel as 4.6E+17: it joins the teacher of that name and school
  const csv = [
    '序号,姓名,身份证号,学校,培训时间,项目名称,培训层次,培训方式,学时',
    '1,吕清信,460100199411141001,海口市第一中学,2019-07-12,国培计划,省级,集中培训,40',
    '2,吕清信,4.601E+17,海口市第一中学,2020-07-12,国培计划,省级,集中培训,40',
  ].join('\n');
  const bytes = new TextEncoder().encode(csv);
  const f: FileRef = { key: fileKey({ name: 'a.csv', size: bytes.length }), name: 'a.csv', blob: new Blob([bytes]) };
  const s = new Session();
  const c = await s.check([f], { region: 'hainan', cycleStart: 2019 }, 'zh');
  expect(c.checked.result.records[1]!.record.teacherId).toBeNull();
  expect(c.checked.report.records[1]!.teacherId).toBe('460100199411141001');
  expect(crossed(c).report.records).toEqual(c.checked.report.records);
});

test('a file that cannot be read: said alone; among several, listed with the others checked', async () => {
  const s = new Session();
  const bad: FileRef = { key: 'x', name: '坏文件.xlsx', blob: new Blob([new Uint8Array([0x50, 0x4b, 3, 4, 1, 2])]) };
  const [m] = await s.read([bad]);
  expect(m!.problem?.zh).toContain('压缩包');
  await expect(s.check([bad], { region: 'hainan' }, 'zh')).rejects.toThrow(WebProblem);
  const good = await ref(path.join(SAMPLES, 'hainan.xlsx'));
  const { checked } = await s.check([bad, good], { region: 'hainan' }, 'zh');
  expect(checked.report.sources![0]).toMatchObject({ file: '坏文件.xlsx', read: false, code: 'unreadable' });
  expect(checked.report.records.length).toBe(602);
});

test('a copy larger than the page’s memory allows (copyRecords) is refused with what to do; within it, it is made', async () => {
  const file = path.join(SAMPLES, 'hainan.xlsx');
  // 602 records: a heap of 2.45 MB holds a copy of ~580 records (and checks ~625 rows), one of 3 MB ~710
  const small = new Session(undefined, 2.45e6);
  const f = await ref(file);
  await small.check([f], { region: 'hainan', cycleStart: 2019 }, 'zh');
  const refused = small.copy(0, 'zh');
  await expect(refused).rejects.toThrow(WebProblem);
  await expect(refused).rejects.toMatchObject({ text: { en: expect.stringContaining('command line') } });
  const enough = new Session(undefined, 3e6);
  await enough.check([f], { region: 'hainan', cycleStart: 2019 }, 'zh');
  expect((await enough.copy(0, 'zh')).kind).toBe('annotated');
  // a worker has no performance.memory: 2 GiB is assumed
  expect(browserHeapLimit()).toBe(2 ** 31);
});

test('more rows than the page’s memory can check (checkRows, every chosen file together) are refused before the engine', async () => {
  const f = await ref(path.join(SAMPLES, 'hainan.xlsx'));
  // 602 records in 604 rows with cells: a heap of 2.3 MB checks ~587 rows, one of 2.45 MB ~625
  const refused = new Session(undefined, 2.3e6).check([f], { region: 'hainan', cycleStart: 2019 }, 'zh');
  await expect(refused).rejects.toThrow(WebProblem);
  await expect(refused).rejects.toMatchObject({
    text: { zh: expect.stringContaining('checkRows'), en: expect.stringContaining('nothing was checked') },
  });
  const c = await new Session(undefined, 2.45e6).check([f], { region: 'hainan', cycleStart: 2019 }, 'zh');
  expect(c.checked.result.records).toHaveLength(602);
});
