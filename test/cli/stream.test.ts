// `check --json` written piece by piece: the same values as the report made whole, in the report's one layout
// (a record or a teacher a line) and the same bytes as that layout of the whole report, a stream that is
// full waited for, a reader that goes away (`| head`) an end without a word, memory bounded by the records
// rather than by the report's text; and the light commands load no file layer.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { checkRoster, checkTable } from '../../src/engine/engine';
import { reportString, toReport, type Report } from '../../src/engine/report';
import { reportJson, writeJson } from '../../src/cli/json';
import { jsonForTerminal } from '../../src/cli/terminal';
import { generate } from '../../src/samples/generate';
import { plainCsv } from '../../src/samples/write';
import { REGIONS, RULES } from '../../src/rules';
import { cli, expectBounded, tmpdir } from '../hostile/run';

const ROOT = path.join(__dirname, '..', '..');
const AS_OF = '2026-11-23';
const extra = {
  sources: [{ file: 'a.xlsx', sheet: '2021', read: true, code: 'read' as const, headerRow: 2 }],
  outputs: [{ input: 'a.xlsx', path: 'out/a.xlsx', kind: 'annotated' as const, note: '已标注' }],
};

const report = (r: ReturnType<typeof checkTable>, lang: 'zh' | 'en', x = {}): Report => ({
  ...toReport(r, lang),
  ...x,
});
const whole = (r: ReturnType<typeof checkTable>, lang: 'zh' | 'en', x = {}) => reportString(report(r, lang, x));

/**
 * The layout, line by line: `{`, the top level indented by 2 (a part spread over lines nested by 2 more), each
 * record and teacher one compact line indented by 4 — and the whole the JSON of the report's values.
 */
function expectLayout(text: string, want: Report): void {
  expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(want)));
  const lines = text.split('\n');
  expect(lines[0]).toBe('{');
  expect(lines.slice(-2)).toEqual(['}', '']);
  for (const list of ['records', 'teachers'] as const) {
    const items = want[list];
    const at = lines.indexOf(`  "${list}": ${items.length ? '[' : '[],'}`);
    expect(at).toBeGreaterThan(0);
    items.forEach((x, i) =>
      expect(lines[at + 1 + i]).toBe(`    ${JSON.stringify(x)}${i < items.length - 1 ? ',' : ''}`),
    );
    if (items.length) expect(lines[at + 1 + items.length]).toMatch(/^ {2}\],?$/);
  }
  // the top-level keys in the report's order, each at the start of a line indented by 2; nothing less indented
  const top = lines.map((l) => /^ {2}"([^"]+)": /.exec(l)?.[1]).filter((k) => k !== undefined);
  expect(top).toEqual(Object.keys(JSON.parse(JSON.stringify(want)) as object));
  for (const l of lines.slice(1, -2)) expect(l).toMatch(/^ {2}/);
}

describe('reportJson: the report in its layout, the same text as reportString of the whole report', () => {
  test.each([...REGIONS])('%s sample with its mistakes, zh and en, pieces of 1, 97 and 64 k characters', (region) => {
    const r = checkTable(generate(region).rows, { rules: RULES[region], asOf: AS_OF });
    for (const lang of ['zh', 'en'] as const) {
      expectLayout(whole(r, lang, extra), report(r, lang, extra));
      for (const chunk of [1, 97, 1 << 16]) {
        const pieces = [...reportJson(r, lang, extra, chunk)];
        expect(pieces.join('')).toBe(whole(r, lang, extra));
        if (chunk === 97) expect(pieces.length).toBeGreaterThan(10);
      }
    }
  });

  test('several files and sheets (records carry both), no extra parts; a row without name, ID or date', () => {
    const rows = generate('hainan', { teachers: 8, seed: 3 }).rows.slice(1);
    const half = Math.ceil(rows.length / 2);
    const head = rows[0]!;
    const bare = rows[1]!.map((v, i) => (['姓名', '身份证号', '培训时间'].includes(String(head[i])) ? '' : v));
    const r = checkRoster(
      [
        { rows: rows.slice(0, half), file: 'a.xlsx', sheet: '2021' },
        { rows: [head, bare, ...rows.slice(half)], file: 'b.csv', firstRow: 3 },
      ],
      { rules: RULES.hainan, asOf: AS_OF },
    );
    expect(r.records.some((x) => r.tables[x.table]!.file === 'b.csv')).toBe(true);
    expect(r.records.some((x) => x.record.name === null && x.record.year === null)).toBe(true);
    expect([...reportJson(r, 'zh', {}, 50)].join('')).toBe(whole(r, 'zh'));
    expectLayout(whole(r, 'zh'), report(r, 'zh'));
  });

  test('a roster without records: empty lists as [] ', () => {
    const header = generate('hainan').rows[1]!;
    const r = checkTable([header], { rules: RULES.hainan, asOf: AS_OF });
    expect(r.records).toHaveLength(0);
    expect([...reportJson(r, 'en')].join('')).toBe(whole(r, 'en'));
    expectLayout(whole(r, 'en'), report(r, 'en'));
    expect(whole(r, 'en')).toContain('\n  "records": [],\n  "teachers": [],\n');
  });
});

describe('writeJson', () => {
  const r = () => {
    const rows = generate('hainan', { teachers: 4, mistakes: false }).rows.slice(1);
    // C1 controls and a bidirectional override in a name: written as \u escapes, whichever piece they fall in
    rows[1]![1] = '王\u009b31m伟\u202e';
    return checkTable(rows, { rules: RULES.hainan, asOf: AS_OF });
  };

  test('terminal-safe pieces that join to jsonForTerminal of the whole', async () => {
    const result = r();
    let out = '';
    await writeJson(reportJson(result, 'zh', {}, 64), { out: (s) => (out += s) });
    expect(out).toBe(jsonForTerminal(whole(result, 'zh')));
    expect(out).toContain('王\\u009b31m伟\\u202e');
    expect(out).not.toMatch(/[\u0080-\u009f\u202e]/);
  });

  test('a full stream is waited for before the next piece; a closed one gets nothing more', async () => {
    const result = r();
    const log: string[] = [];
    let drains = 0;
    let waiting = false;
    await writeJson(reportJson(result, 'zh', {}, 64), {
      out: (s) => {
        if (waiting) throw new Error('written while the stream was full');
        log.push(s);
        waiting = true;
        return false;
      },
      drain: () =>
        new Promise<void>((resolve) =>
          setImmediate(() => {
            drains++;
            waiting = false;
            resolve();
          }),
        ),
    });
    expect(drains).toBe(log.length);
    expect(log.join('')).toBe(jsonForTerminal(whole(result, 'zh')));

    let written = 0;
    await writeJson(reportJson(result, 'zh', {}, 64), { out: () => void written++, closed: () => written >= 3 });
    expect(written).toBe(3);
  });
});

describe('the CLI as a process', () => {
  let dir: string;
  let big: string;
  const ROWS = 40_000;
  beforeAll(() => {
    dir = tmpdir();
    big = path.join(dir, 'big.csv');
    // ~2 700 teachers × 15 records, the bench's kind of roster
    const s = generate('hainan', { teachers: Math.ceil(ROWS / 14), mistakes: false, seed: 7 });
    const rows = [['大规模测试花名册'], ...s.rows.slice(1, ROWS + 2)];
    fs.writeFileSync(big, '\uFEFF' + plainCsv(rows.map((x) => x.map((v) => v ?? ''))));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  // The whole report held as one text (and its terminal-safe copy) needed more than a 128 MB heap for these
  // 40 000 rows; written piece by piece the run needs the rows and the records only.
  test(`check --json of ${ROWS} CSV rows within a 112 MB heap`, () => {
    const r = cli(['check', big, '--region', 'hainan', '--json', '--as-of', AS_OF], { heapMb: 112 });
    expectBounded(r, { rssMb: 320 });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { summary: { records: number }; records: unknown[] };
    expect(report.summary.records).toBe(ROWS);
    expect(report.records).toHaveLength(ROWS);
  });

  test('check --json | head -c 100: the run ends by itself, without an error', () => {
    const bin = path.join(ROOT, 'bin', 'cpd-credits.js');
    const r = spawnSync(
      'bash',
      [
        '-c',
        `"${process.execPath}" "${bin}" check "${big}" --region hainan --json 2>"${dir}/err" | head -c 100; echo; echo "exit \${PIPESTATUS[0]}"`,
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.stdout.startsWith('{\n  "region": "hainan",')).toBe(true);
    // the check's own exit code (0 clean, 1 findings): the reader closing the pipe is not an error of the check
    expect(r.stdout).toMatch(/\nexit [01]\n$/);
    expect(fs.readFileSync(path.join(dir, 'err'), 'utf8')).toBe('');
  });

  test('check --json > /dev/full: one plain line and exit 2, never a stack trace', () => {
    const bin = path.join(ROOT, 'bin', 'cpd-credits.js');
    const r = spawnSync(
      'bash',
      ['-c', `"${process.execPath}" "${bin}" check "${big}" --region hainan --json > /dev/full`],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('无法写出到标准输出 / cannot write to stdout: ENOSPC: no space left on device, write\n');
  });

  /** The modules a run of the built CLI loaded (its require cache), relative to the project. */
  const loaded = (args: string[]): string[] => {
    const script = `const m = require('./lib/cli/main.js');
      m.run(${JSON.stringify(args)}, { out() {}, err() {}, isTTY: false, env: {} }).then((code) => {
        process.stdout.write(JSON.stringify({ code, modules: Object.keys(require.cache) }));
      });`;
    const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    const { code, modules } = JSON.parse(r.stdout) as { code: number; modules: string[] };
    expect(code).toBeLessThan(2);
    return modules.map((m) => path.relative(ROOT, m).split(path.sep).join('/'));
  };
  // the file layer but its dependency-free modules (the error class, the budget constants, the deflate level)
  const HEAVY =
    /^lib\/files\/(?!problem\.js$|budgets\.js$|level\.js$)|node_modules\/(@e965\/xlsx|jszip|papaparse|pako|exceljs|react|@fluentui)\//;

  test('credits and rules load neither the file layer nor a spreadsheet library; check does, SheetJS for workbooks only', () => {
    const credits = loaded(['credits', '--region', 'hainan', '--hours', '24', '--level', '省级', '--mode', '集中培训']);
    expect(credits).toContain('lib/cli/main.js');
    expect(credits.filter((m) => HEAVY.test(m))).toEqual([]);
    expect(credits.filter((m) => m.startsWith('lib/cli/') && m !== 'lib/cli/main.js')).not.toContain(
      'lib/cli/check.js',
    );
    expect(loaded(['rules', 'hainan']).filter((m) => HEAVY.test(m))).toEqual([]);
    // the same probe sees them when a command needs them
    const sample = path.join(ROOT, 'assets', 'samples', 'hainan.csv');
    const csv = loaded(['check', sample, '--region', 'hainan', '--json']);
    expect(csv).toContain('lib/files/read.js');
    // a CSV is read without SheetJS; a workbook loads it
    const sheetjs = (m: string) => m.startsWith('node_modules/@e965/xlsx/');
    expect(csv.filter(sheetjs)).toEqual([]);
    expect(loaded(['check', sample.replace(/\.csv$/, '.xlsx'), '--json']).some(sheetjs)).toBe(true);
  });

  test('check without --out loads neither the copies (their writers) nor zod; --out does, and never JSZip', () => {
    const sample = path.join(ROOT, 'assets', 'samples', 'hainan.xlsx');
    const copyLayer = /^lib\/files\/(copies|write|ooxml|zipwrite)\.js$|^node_modules\/(jszip|zod)\//;
    expect(loaded(['check', sample, '--json']).filter((m) => copyLayer.test(m))).toEqual([]);
    const dir = tmpdir();
    try {
      const out = loaded(['check', sample, '--json', '--out', path.join(dir, 'copy.xlsx')]);
      expect(out).toEqual(expect.arrayContaining(['lib/files/copies.js', 'lib/files/ooxml.js']));
      expect(out).toContain('lib/files/zipwrite.js');
      // the product writes its zips itself: JSZip is the tests' and the sample generator's only
      expect(out.filter((m) => m.startsWith('node_modules/jszip/'))).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
