// `npm run bench`: the custom functions as the built add-in runs them — taskpane.html of a production build in
// headless Chromium, its functions registered through the CustomFunctions stand-in the browser tests use
// (test/e2e/stand-ins/office.js: it records what the bundle registers, nothing else is mocked), called in the
// page. Arguments are realistic and mostly distinct (generated rosters of every region, hours varied), so that
// the figures are not those of a cache; every error is counted by its code, and a run with errors says so.
import * as fs from 'fs';
import * as path from 'path';
import { generate, rng } from '../samples/generate';
import { REGIONS } from '../rules';
import { launchChromium, serveDir } from './browser';

const ROOT = path.join(__dirname, '..', '..');
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const CALLS = 20_000;
const CYCLES = 2_000;

type Args = unknown[];

/** CREDITS argument sets: rows of generated rosters (their mistakes too), hours varied on most of them. */
function creditArgs(): Args[] {
  const rand = rng(42);
  const out: Args[] = [];
  for (const region of REGIONS) {
    const s = generate(region, { teachers: 400, mistakes: true, seed: 3 });
    const h = s.rows[1]!.map(String);
    const col = (re: RegExp) => h.findIndex((x) => re.test(x));
    const [lc, mc, hc, gc, rc] = [col(/层次/), col(/方式/), col(/学时/), col(/成绩|等次/), col(/项目学分/)];
    for (const r of s.rows.slice(2)) {
      if (out.length >= (CALLS / REGIONS.length) * (REGIONS.indexOf(region) + 1)) break;
      // most trainings' hours differ from one registration to the next: one decimal between 1 and 160
      const hours = rand() < 0.8 ? Math.round((1 + rand() * 159) * 10) / 10 : r[hc];
      const at = (i: number) => (i < 0 ? null : (r[i] ?? null));
      out.push([hours, at(lc), at(mc), at(gc), region, at(rc)]);
    }
  }
  return out;
}

/** CYCLE_PASS ranges: each a different teacher's rows (with the header row), of every region. */
function cycleArgs(): Args[] {
  const out: Args[] = [];
  for (const region of REGIONS) {
    const s = generate(region, { teachers: CYCLES / REGIONS.length, mistakes: false, seed: 9 });
    const header = s.rows[1]!;
    const idc = header.findIndex((x) => /身份证/.test(String(x)));
    const by = new Map<unknown, unknown[][]>();
    for (const r of s.rows.slice(2)) {
      const list = by.get(r[idc]) ?? [];
      list.push(r.map((v) => v ?? ''));
      by.set(r[idc], list);
    }
    for (const rows of by.values()) out.push([[header.map((v) => v ?? ''), ...rows], region, null]);
  }
  return out.slice(0, CYCLES);
}

interface PageFigures {
  calls: number;
  firstMs: number;
  againMs: number;
  errors: Record<string, number>;
  escaped: string[];
  sample: Record<string, string>;
}

export async function benchFunctionsInPage(out: (s: string) => void, dist: string): Promise<void> {
  const standIn = fs.readFileSync(path.join(ROOT, 'test', 'e2e', 'stand-ins', 'office.js'), 'utf8');
  const server = await serveDir(dist);
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await page.route('**/*', (route) => {
      const u = route.request().url();
      if (u === OFFICE_CDN) return route.fulfill({ status: 200, contentType: 'text/javascript', body: standIn });
      if (u.startsWith(server.url)) return route.continue();
      return route.abort();
    });
    await page.goto(`${server.url}/taskpane.html?host=Excel&lang=zh-CN`);
    await page.waitForFunction(() => Object.keys((window as unknown as { __functions: object }).__functions).length);
    const run = (id: string, list: Args[]) =>
      page.evaluate(
        async ([fid, args]) => {
          const fn = (window as unknown as { __functions: Record<string, (...a: unknown[]) => unknown> }).__functions[
            fid as string
          ]!;
          const errors: Record<string, number> = {};
          const escaped: string[] = [];
          const sample: Record<string, string> = {};
          const pass = async () => {
            const t0 = performance.now();
            for (const a of args as unknown[][]) {
              try {
                const v = fn(...a);
                if (v instanceof Promise) await v;
              } catch (e) {
                const code = (e as { code?: string }).code;
                if (code === undefined) escaped.push(String(e));
                else {
                  errors[code] = (errors[code] ?? 0) + 1;
                  sample[code] ??= (e as Error).message;
                }
              }
            }
            return performance.now() - t0;
          };
          const firstMs = await pass();
          const first = { ...errors };
          const againMs = await pass();
          return { calls: (args as unknown[]).length, firstMs, againMs, errors: first, escaped, sample };
        },
        [id, list] as const,
      ) as Promise<PageFigures>;
    const say = (name: string, f: PageFigures, what: string) => {
      const rate = (ms: number) => Math.round(f.calls / (ms / 1000)).toLocaleString('en-US');
      const errs = Object.entries(f.errors);
      const nErr = errs.reduce((a, [, k]) => a + k, 0);
      out(
        `  ${name.padEnd(10)} ${f.calls.toLocaleString('en-US')} calls ${what}: first ${(f.firstMs / 1000).toFixed(2)} s ` +
          `(${rate(f.firstMs)} calls/s), again ${(f.againMs / 1000).toFixed(2)} s (${rate(f.againMs)} calls/s); ` +
          (nErr ? `${nErr} ended in an error: ${errs.map(([c, k]) => `${c} ×${k}`).join(', ')}` : 'no errors') +
          '\n',
      );
      for (const [c, m] of Object.entries(f.sample)) out(`      e.g. ${c}: ${m.slice(0, 100)}\n`);
      if (f.escaped.length) out(`      ${f.escaped.length} THREW a non-Excel error, e.g. ${f.escaped[0]}\n`);
    };
    const cArgs = creditArgs();
    const distinct = new Set(cArgs.map((a) => JSON.stringify(a))).size;
    out(`\ncustom functions in the built page (taskpane.html, production build, headless Chromium)\n`);
    say('CREDITS', await run('CREDITS', cArgs), `(${distinct.toLocaleString('en-US')} distinct argument sets)`);
    const yArgs = cycleArgs();
    const rows = yArgs.reduce((a, x) => a + (x[0] as unknown[]).length - 1, 0);
    say(
      'CYCLE_PASS',
      await run('CYCLE_PASS', yArgs),
      `over ${Math.round(rows / yArgs.length)}-row ranges, each a different teacher`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}
