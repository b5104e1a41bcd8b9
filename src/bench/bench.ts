// `npm run bench`: figures, not assertions. The engine's throughput on a generated 100 000-record roster
// per region; the file layer's reader (SheetJS) beside the reader it replaced (ExcelJS, kept here only to
// measure it) on a 100 000-row .xlsx and .xls; the whole `check` of three 30 000-row files on two threads
// beside one file of 90 000 rows; then the add-in's functions and adapter, and how fast the production
// add-in loads on a slow PC and link (load.ts).
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { checkRoster, checkTable } from '../engine/engine';
import { RowReader } from '../engine/normalize';
import type { Issue } from '../core/types';
import { toReport } from '../engine/report';
import { REGIONS, RULES, type RegionId } from '../rules';
import { generate } from '../samples/generate';
import { detectHeader, type ColumnMap } from '../core/fields';
import { LEVEL_VOCAB, MODE_VOCAB, fold } from '../core/vocabulary';
import { plainCsv, sampleXlsx } from '../samples/write';
import { readWorkbook } from '../files';

const TARGET = Number(process.env.BENCH_RECORDS ?? 100_000);
const TODAY = new Date('2026-11-23');

/** A header row and `count` generated records (about 15 a teacher over a cycle). */
function rosterOf(region: RegionId, count = TARGET, seed = 7): unknown[][] {
  let s = generate(region, { teachers: Math.ceil(count / 15), mistakes: false, seed });
  let rows = s.rows.slice(1);
  if (rows.length - 1 < count) {
    s = generate(region, {
      teachers: Math.ceil((count / (rows.length - 1)) * Math.ceil(count / 15)),
      mistakes: false,
      seed,
    });
    rows = s.rows.slice(1);
  }
  return rows.slice(0, count + 1);
}

/** The reader this project used before SheetJS: ExcelJS, every row's values (kept only to compare). */
async function excelJsRows(file: string): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fs.readFile(file)) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  let cells = 0;
  for (let r = 1; r <= ws.rowCount; r++) cells += ((ws.getRow(r).values as unknown[]) ?? []).length;
  return cells;
}

/** An .xls of these rows: BIFF8 holds 65 536 rows a sheet, so 100 000 rows are two sheets, each with the header. */
function xlsBytes(rows: unknown[][]): Uint8Array {
  const wb = XLSX.utils.book_new();
  const [title, header, ...data] = rows;
  const half = Math.ceil(data.length / 2);
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([title!, header!, ...data.slice(0, half)]), '登记一');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([title!, header!, ...data.slice(half)]), '登记二');
  wb.Custprops = { 'CPD.region': 'hainan' };
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xls' }) as ArrayBuffer);
}

/** Seconds a fresh `cpd-credits check …` process takes (exit 1, findings, is expected on generated data). */
function checkSeconds(args: string[]): number {
  const cli = path.join(__dirname, '..', '..', 'bin', 'cpd-credits.js');
  const [, t] = time(() => {
    try {
      execFileSync(process.execPath, [cli, 'check', ...args, '--json'], {
        stdio: ['ignore', 'ignore', 'inherit'],
        maxBuffer: 1 << 30,
      });
    } catch (e) {
      if ((e as { status?: number }).status !== 1) throw e;
    }
  });
  return t;
}

function time<T>(f: () => T): [T, number] {
  const t0 = process.hrtime.bigint();
  const v = f();
  return [v, Number(process.hrtime.bigint() - t0) / 1e9];
}

async function timeAsync<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = process.hrtime.bigint();
  const v = await f();
  return [v, Number(process.hrtime.bigint() - t0) / 1e9];
}

/**
 * The floor: what merely touching the data costs — read every cell of every row, map level and mode through a
 * `Map` of their spellings, parse hours, sum hours per teacher-year. The engine does all of this and more;
 * its records/s beside this loop's, on the same rows in the same process, is what the engine's rest costs.
 */
function floorLoop(rows: ReadonlyArray<ReadonlyArray<unknown>>, map: ColumnMap): number {
  const words = (spellings: Record<string, readonly string[]>) => {
    const m = new Map<unknown, string>();
    for (const [k, list] of Object.entries(spellings))
      for (const w of list) {
        m.set(w, k);
        m.set(fold(w), k);
      }
    return m;
  };
  const levels = words(LEVEL_VOCAB.spellings);
  const modes = words(MODE_VOCAB.spellings);
  const c = map.columns;
  const [id, yc, lc, mc, hc] = [c.teacherId ?? -1, c.year ?? c.date ?? -1, c.level ?? -1, c.mode ?? -1, c.hours ?? -1];
  const sums = new Map<string, number>();
  let cells = 0;
  let known = 0;
  for (let i = map.headerRow + 1; i < rows.length; i++) {
    const r = rows[i]!;
    for (let j = 0; j < r.length; j++) if (r[j] !== null && r[j] !== undefined && r[j] !== '') cells++;
    if (levels.has(r[lc])) known++;
    if (modes.has(r[mc])) known++;
    const h = r[hc];
    const hours = typeof h === 'number' ? h : parseFloat(String(h));
    const key = `${String(r[id])}|${String(r[yc]).slice(0, 4)}`;
    sums.set(key, (sums.get(key) ?? 0) + (Number.isFinite(hours) ? hours : 0));
  }
  // returned, so that no part of the loop is dead code to the compiler
  return sums.size + cells + known;
}

/**
 * The engine's first step alone: every row's cells normalized (vocabularies, numbers, dates, IDs, each
 * distinct text read once) into the records the engine keeps — no conversion, no judging.
 */
function cellsOnly(rows: ReadonlyArray<ReadonlyArray<unknown>>, map: ColumnMap, region: RegionId): number {
  const rules = RULES[region];
  // one reader for the table and one list of a row's issues, emptied before each row, as the engine reads it
  const issues: Issue[] = [];
  const reader = new RowReader(map, { levelAliases: rules.levelAliases, modeAliases: rules.modeAliases }, issues);
  const kept: unknown[] = [];
  for (let i = map.headerRow + 1; i < rows.length; i++) {
    if (issues.length) issues.length = 0;
    kept.push(reader.read(rows[i]!, i + 1));
  }
  return kept.length;
}

const n = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 0 });
const s = (x: number) => `${x.toFixed(2)} s`;

async function loading(): Promise<void> {
  process.stdout.write('\nadd-in loading\n');
  const { benchLoading } = await import('./load');
  await benchLoading((x) => process.stdout.write(x));
}

/** Rounds of the engine's bench: each times the floor, the cells alone and the engine, one after another. */
const ROUNDS = 5;

function benchEngine(regions: readonly RegionId[]): void {
  process.stdout.write(
    `engine: checkTable on ${n(TARGET)} generated records, beside a floor loop over the same rows ` +
      `(read every cell, level and mode through a Map, parse hours, sum per teacher-year); ${ROUNDS} rounds, ` +
      `each the floor, the cells alone and the engine in turn; the ratio is the median of the rounds' own ` +
      `(this machine's speed drifts over seconds: a round's floor and engine share its moment, the best of ` +
      `each may not), the best times' ratio beside it\n`,
  );
  for (const region of regions) {
    const rows = rosterOf(region);
    const map = detectHeader(rows)!;
    let tEngine = Infinity;
    let tFloor = Infinity;
    let tCells = Infinity;
    const ratios: number[] = [];
    let result: ReturnType<typeof checkTable> | undefined;
    // alternated, so that neither runs only on a warm (or a cold) heap
    for (let k = 0; k < ROUNDS; k++) {
      const floor = time(() => floorLoop(rows, map))[1];
      tFloor = Math.min(tFloor, floor);
      tCells = Math.min(tCells, time(() => cellsOnly(rows, map, region))[1]);
      result = undefined;
      const [r, t] = time(() => checkTable(rows, { rules: RULES[region], asOf: TODAY }));
      result = r;
      tEngine = Math.min(tEngine, t);
      ratios.push(t / floor);
    }
    const records = result!.records.length;
    // best of 3 too: one report of 100 000 records is held whole, and a single run mostly measured its GC
    let tReport = Infinity;
    for (let k = 0; k < 3; k++) tReport = Math.min(tReport, time(() => toReport(result!).records.length)[1]);
    // the rounds' ratios in order: the middle one is the ratio given
    const sorted = [...ratios].sort((a, b) => a - b);
    process.stdout.write(
      `  ${region.padEnd(10)} ${n(records)} records, ${n(result!.teachers.length)} teachers: ` +
        `engine ${n(records / tEngine)} records/s, floor ${n(records / tFloor)} records/s (best of ${ROUNDS}), ` +
        `ratio ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)}× (rounds ${sorted.map((x) => x.toFixed(1)).join(' ')}; ` +
        `best/best ${(tEngine / tFloor).toFixed(1)}×)\n` +
        `             engine ${s(tEngine)}, of which reading the cells alone ${s(tCells)} = ` +
        `${(tCells / tFloor).toFixed(1)}× the floor; toReport ${s(tReport)}, best of 3\n`,
    );
  }
}

async function main(): Promise<void> {
  if (await onePart(process.argv[2], process.argv[3])) return;
  const only = process.argv[2] as RegionId | undefined;
  process.stdout.write(
    `CPD Credits benchmark — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}\n\n`,
  );
  benchEngine(only ? [only] : REGIONS);
  const region: RegionId = only ?? 'hainan';
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cpd-bench-'));
  try {
    await benchReading(region, dir);
    await benchManyFiles(region, dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  await benchAddin();
  await loading();
}

/** `npm run bench -- load | functions | web | engine [region] | cli`: one part only (true when one ran). */
async function onePart(part: string | undefined, region: string | undefined): Promise<boolean> {
  if (part === 'load') {
    await loading();
    return true;
  }
  if (part === 'functions') {
    await inBuiltPage(async (built) =>
      (await import('./functions-page')).benchFunctionsInPage((x) => process.stdout.write(x), built),
    );
    return true;
  }
  if (part === 'web') {
    await inBuiltPage(async (built) => (await import('./web')).benchWeb((x) => process.stdout.write(x), built));
    return true;
  }
  if (part === 'engine') {
    benchEngine(region ? [region as RegionId] : REGIONS);
    return true;
  }
  return (await import('./cli')).cliBench(part, (x) => process.stdout.write(x));
}

/** A production build in a folder of its own for the page's benches, removed afterwards. */
async function inBuiltPage(run: (built: string) => Promise<void>): Promise<void> {
  const built = await fs.mkdtemp(path.join(os.tmpdir(), 'cpd-bench-dist-'));
  try {
    (await import('./browser')).buildProduction(built);
    await run(built);
  } finally {
    await fs.rm(built, { recursive: true, force: true });
  }
}

const roster = (region: RegionId, title: string, rows: Array<Array<string | number | null>>) =>
  sampleXlsx({ region, sheet: '培训登记', title, rows, properties: { 'CPD.region': region } });

/** One 100 000-row roster as .xlsx, .xls and .csv: the file layer's read, the engine, the whole check. */
async function benchReading(region: RegionId, dir: string): Promise<void> {
  const rows = [['大规模测试花名册'], ...rosterOf(region)] as Array<Array<string | number | null>>;
  const csv = path.join(dir, `${region}.csv`);
  const xlsx = path.join(dir, `${region}.xlsx`);
  const xls = path.join(dir, `${region}.xls`);
  await fs.writeFile(csv, '\uFEFF' + plainCsv(rows.map((r) => r.map((v) => v ?? ''))));
  await fs.writeFile(xlsx, await roster(region, '大规模测试花名册', rows));
  await fs.writeFile(xls, xlsBytes(rows));
  process.stdout.write(
    `\nreading ${n(rows.length - 2)} rows (file layer: SheetJS ${XLSX.version}, an .xlsx worksheet's cells by sheetcells.ts; before: ExcelJS 4, kept here only to measure it)\n`,
  );
  for (const file of [xlsx, xls, csv]) {
    const kind = path.extname(file).slice(1).padEnd(4);
    const [book, tRead] = await timeAsync(async () => readWorkbook(new Uint8Array(await fs.readFile(file))));
    const [, tEngine] = time(() =>
      toReport(
        checkRoster(
          book.sheets.map((sh) => ({ rows: sh.rows, sheet: sh.name })),
          { rules: RULES[region], asOf: TODAY },
        ),
      ),
    );
    let old = '';
    if (file === xlsx) {
      const [, tOld] = await timeAsync(() => excelJsRows(file));
      old = `   ExcelJS read ${s(tOld)} (×${(tOld / tRead).toFixed(1)})`;
    } else if (file === xls) old = '   ExcelJS: cannot read .xls (2 sheets: BIFF8 holds 65 536 rows a sheet)';
    process.stdout.write(
      `  ${kind} read ${s(tRead)}${old}   engine+report ${s(tEngine)}   whole check ${s(checkSeconds([file, '--region', region]))}\n`,
    );
  }
}

/** Many schools' files: three 30 000-row files on two parsing threads, beside one 90 000-row file. */
async function benchManyFiles(region: RegionId, dir: string): Promise<void> {
  const part = Math.round((TARGET * 0.9) / 3);
  const parts = [1, 2, 3].map((k) => rosterOf(region, part, 100 + k));
  const files: string[] = [];
  for (const [k, p] of parts.entries()) {
    const f = path.join(dir, `school-${k + 1}.xlsx`);
    await fs.writeFile(
      f,
      await roster(region, `学校 ${k + 1}`, [[`学校 ${k + 1}`], ...p] as Array<Array<string | number | null>>),
    );
    files.push(f);
  }
  const all = path.join(dir, 'all.xlsx');
  const merged = [['全部学校'], parts[0]![0]!, ...parts.flatMap((p) => p.slice(1))] as Array<
    Array<string | number | null>
  >;
  await fs.writeFile(all, await roster(region, '全部学校', merged));
  process.stdout.write(`\nwhole check of many files (${os.cpus().length} cores here)\n`);
  process.stdout.write(`  1 file × ${n(merged.length - 2)} rows                     ${s(checkSeconds([all]))}\n`);
  process.stdout.write(
    `  3 files × ${n(part)} rows, 2 parsing threads      ${s(checkSeconds([...files, '--jobs', '2']))}\n`,
  );
  process.stdout.write(
    `  3 files × ${n(part)} rows, 1 thread (for comparison) ${s(checkSeconds([...files, '--jobs', '1']))}\n`,
  );
}

/** The add-in: the adapter on the in-memory Excel, the functions and the web page in the built page. */
async function benchAddin(): Promise<void> {
  process.stdout.write('\nadd-in\n');
  const { benchAdapter } = await import('./addin');
  await benchAdapter((x) => process.stdout.write(x), TARGET);
  await inBuiltPage(async (built) => {
    await (await import('./functions-page')).benchFunctionsInPage((x) => process.stdout.write(x), built);
    await (await import('./web')).benchWeb((x) => process.stdout.write(x), built);
  });
}

main().catch((e) => {
  process.stderr.write(String((e as Error).stack ?? e) + '\n');
  process.exitCode = 1;
});
