// `npm run bench`: figures, not assertions. Prints the engine's throughput on a
// generated 100 000-record roster per region, and the whole `check` command beside
// the time merely to parse the same file (CSV and xlsx).
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkTable } from '../engine/engine';
import { toReport } from '../engine/report';
import { REGIONS, RegionId } from '../engine/vocabulary';
import { generate } from '../samples/generate';
import { sampleXlsx } from '../samples/write';
import { plainCsv } from '../samples/write';
import { readWorkbook } from '../files';

const TARGET = Number(process.env.BENCH_RECORDS ?? 100_000);
const TODAY = new Date('2026-11-23');

function rosterOf(region: RegionId): unknown[][] {
  // about 15 records a teacher over a cycle: scale the teacher count to the target
  let s = generate(region, { teachers: Math.ceil(TARGET / 15), mistakes: false, seed: 7 });
  let rows = s.rows.slice(1);
  if (rows.length - 1 < TARGET) {
    s = generate(region, { teachers: Math.ceil((TARGET / (rows.length - 1)) * Math.ceil(TARGET / 15)), mistakes: false, seed: 7 });
    rows = s.rows.slice(1);
  }
  return rows.slice(0, TARGET + 1);
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

const n = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 0 });
const s = (x: number) => `${x.toFixed(2)} s`;

async function main(): Promise<void> {
  const only = process.argv[2] as RegionId | undefined;
  process.stdout.write(`CPD Credits benchmark — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}\n\n`);
  process.stdout.write(`engine: checkTable + toReport on ${n(TARGET)} generated records\n`);
  for (const region of only ? [only] : REGIONS) {
    const rows = rosterOf(region);
    const [result, tEngine] = time(() => checkTable(rows, { region, asOf: TODAY }));
    const [, tReport] = time(() => toReport(result));
    process.stdout.write(`  ${region.padEnd(10)} ${n(result.records.length)} records, ${n(result.teachers.length)} teachers: engine ${s(tEngine)} (${n(result.records.length / tEngine)} records/s), report ${s(tReport)}\n`);
  }

  const region: RegionId = only ?? 'hainan';
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cpd-bench-'));
  const rows = [['大规模测试花名册'], ...rosterOf(region)] as Array<Array<string | number | null>>;
  const csv = path.join(dir, `${region}.csv`);
  const xlsx = path.join(dir, `${region}.xlsx`);
  await fs.writeFile(csv, '\uFEFF' + plainCsv(rows.map((r) => r.map((v) => v ?? ''))));
  await fs.writeFile(xlsx, await sampleXlsx({ region, sheet: '培训登记', title: '大规模测试花名册', rows, properties: { 'CPD.region': region } }));
  process.stdout.write(`\ncheck vs parse (${region}, ${n(rows.length - 2)} records; check = a fresh \`cpd-credits check --json\` process)\n`);
  const cli = path.join(__dirname, '..', 'cli', 'main.js');
  for (const file of [csv, xlsx]) {
    const [roster, tParse] = await timeAsync(async () => readWorkbook(new Uint8Array(await fs.readFile(file))).sheets[0]!);
    const [, tEngine] = time(() => toReport(checkTable(roster.rows, { region, asOf: TODAY })));
    const [, tCheck] = time(() => {
      try {
        execFileSync(process.execPath, [cli, 'check', file, '--region', region, '--json'], { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 });
      } catch (e) {
        // exit code 1 means findings, which is expected on generated data
        if ((e as { status?: number }).status !== 1) throw e;
      }
    });
    const kind = path.extname(file).slice(1).padEnd(4);
    process.stdout.write(`  ${kind} parse ${s(tParse)}   engine+report ${s(tEngine)}   whole check ${s(tCheck)}   engine/parse ${(tEngine / tParse).toFixed(2)}\n`);
  }
  await fs.rm(dir, { recursive: true, force: true });

  process.stdout.write('\nadd-in\n');
  const { benchFunctions, benchAdapter } = await import('./addin');
  await benchFunctions((x) => process.stdout.write(x));
  await benchAdapter((x) => process.stdout.write(x), TARGET);
}

main().catch((e) => {
  process.stderr.write(String((e as Error).stack ?? e) + '\n');
  process.exitCode = 1;
});
