// `npm run bench`: the web page (index.html of a production build) on a 100 000-row .xlsx generated here —
// the time from choosing the file to the first result, in headless Chromium with the CPU throttled 4×
// (CDP Emulation.setCPUThrottlingRate), beside `cpd-credits check` on the same file; and the longest the
// page went without drawing a frame meanwhile (the worker keeps it responsive).
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildProduction, launchChromium, serveDir } from './browser';
import { bigXlsx } from './rosters';

const ROOT = path.join(__dirname, '..', '..');
const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const CPU_SLOWDOWN = Number(process.env.BENCH_CPU ?? 4);

export interface PageRun {
  /** from the file input's change to the counts on screen */
  firstResultMs: number;
  /** the longest time between two frames the page drew, meanwhile */
  longestFrameMs: number;
  /** the counts shown */
  counts: string;
}

/**
 * Choose `file` in the page at `url` (index.html) and wait for its first result. `cpu`: the CDP slowdown.
 * Frames are counted from the choice to the result: a page whose thread is held draws none.
 */
export async function pageRun(
  url: string,
  file: string,
  o: { cpu?: number; timeoutMs?: number } = {},
): Promise<PageRun> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    if (o.cpu && o.cpu > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: o.cpu });
    }
    await page.addInitScript(() => {
      const w = window as unknown as { __web: { chosen?: number; shown?: number; longest: number } };
      w.__web = { longest: 0 };
      let last = 0;
      // performance.now(), not the frame's timestamp: a frame held back is stamped with its scheduled start
      const frame = () => {
        const t = performance.now();
        if (w.__web.chosen !== undefined && w.__web.shown === undefined && last)
          w.__web.longest = Math.max(w.__web.longest, t - last);
        last = t;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
      document.addEventListener('change', () => (w.__web.chosen = performance.now()), true);
      new MutationObserver(() => {
        if (
          w.__web.chosen !== undefined &&
          w.__web.shown === undefined &&
          document.querySelector('[data-testid=counts]')
        )
          w.__web.shown = performance.now();
      }).observe(document, { subtree: true, childList: true });
    });
    await page.goto(url);
    await page.waitForSelector('[data-testid=file-input]', { state: 'attached' });
    // the worker's script and the samples are fetched after the first paint: let them arrive first
    await page.waitForTimeout(1000);
    // a 4×-throttled page on a busy machine may take longer than Playwright's 30 s to take the file
    await page.setInputFiles('[data-testid=file-input]', file, { timeout: o.timeoutMs ?? 600_000 });
    await page.waitForSelector('[data-testid=counts]', { timeout: o.timeoutMs ?? 600_000 });
    const r = await page.evaluate(
      () => (window as unknown as { __web: { chosen: number; shown: number; longest: number } }).__web,
    );
    return {
      firstResultMs: r.shown - r.chosen,
      longestFrameMs: r.longest,
      counts: (await page.textContent('[data-testid=counts]')) ?? '',
    };
  } finally {
    await browser.close();
  }
}

/** Seconds a fresh `cpd-credits check FILE --json` takes (exit 1, findings, is expected). */
function cliSeconds(file: string): number {
  const t0 = process.hrtime.bigint();
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'bin', 'cpd-credits.js'), 'check', file, '--json'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      maxBuffer: 1 << 30,
    });
  } catch (e) {
    if ((e as { status?: number }).status !== 1) throw e;
  }
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/** `built`: a production dist/ already made (bench.ts builds one for this and the functions). */
export async function benchWeb(out: (s: string) => void, built?: string): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cpd-bench-web-'));
  try {
    const dist = built ?? path.join(tmp, 'dist');
    if (!built) buildProduction(dist);
    const file = path.join(tmp, 'roster-100k.xlsx');
    fs.writeFileSync(file, await bigXlsx('hainan', RECORDS));
    const server = await serveDir(dist);
    try {
      const url = `${server.url}/index.html`;
      const run = await pageRun(url, file, { cpu: CPU_SLOWDOWN });
      const inPage = await pageRun(`${url}?worker=0`, file, { cpu: CPU_SLOWDOWN });
      const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
      out(`\nweb page (index.html, production build) on one ${RECORDS.toLocaleString('en-US')}-row .xlsx\n`);
      out(
        `  time to first result in the page (Chromium, CPU throttled ${CPU_SLOWDOWN}× via CDP Emulation.setCPUThrottlingRate): ${sec(run.firstResultMs)}; longest frame meanwhile ${Math.round(run.longestFrameMs)} ms\n`,
      );
      out(
        `    (CDP throttles the page's own thread only — for a worker Chromium answers "only supported for pages" — so the worker's reading and checking ran at full speed)\n`,
      );
      out(
        `  the same work in the page itself (?worker=0), all of it throttled ${CPU_SLOWDOWN}×: ${sec(inPage.firstResultMs)}; longest frame meanwhile ${Math.round(inPage.longestFrameMs)} ms\n`,
      );
      out(`  cpd-credits check on the same file (unthrottled): ${cliSeconds(file).toFixed(2)} s\n`);
    } finally {
      await server.close();
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchWeb((x) => process.stdout.write(x)).catch((e) => {
    process.stderr.write(String((e as Error).stack ?? e) + '\n');
    process.exitCode = 1;
  });
}
