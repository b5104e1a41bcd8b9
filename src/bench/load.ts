// How fast the production add-in gets going on a school PC: the production build
// (made here, for https://example.test/cpd/) served with its gzip copies, opened in
// headless Chromium with the CPU throttled 4× and a 10 Mbit/s link (CDP emulation).
// Measured from navigation: when every custom function is associated, and when the
// pane is interactive (its region dropdown rendered), with the bytes of JavaScript
// loaded by then. Office.js is the stand-in of the browser tests, served instantly and
// not counted: the real one comes from Microsoft's CDN, usually from the cache.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { buildProduction, launchChromium, serveDir } from './browser';

const ROOT = path.join(__dirname, '..', '..');
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const RUNS = Number(process.env.BENCH_LOAD_RUNS ?? 3);
const MBPS = Number(process.env.BENCH_MBPS ?? 10);
const NETWORK = { latency: 40, downloadThroughput: (MBPS * 1e6) / 8, uploadThroughput: (MBPS * 1e6) / 8 };
const CPU_SLOWDOWN = Number(process.env.BENCH_CPU ?? 4);
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

interface Run {
  registeredMs: number;
  registeredJs: { encoded: number; decoded: number };
  paneMs: number;
  paneJs: { encoded: number; decoded: number };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Loads of the page in `dir` (a production dist/), RUNS times, each with a cold cache. */
export async function measureLoading(dir: string): Promise<{ functions: number; runs: Run[] }> {
  const functions = (JSON.parse(fs.readFileSync(path.join(dir, 'functions.json'), 'utf8')) as { functions: unknown[] })
    .functions.length;
  const standIn = fs.readFileSync(path.join(ROOT, 'test', 'e2e', 'stand-ins', 'office.js'), 'utf8');
  const server = await serveDir(dir, { index: 'taskpane.html', gzip: true });
  const browser = await launchChromium();
  const runs: Run[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 420, height: 900 }, locale: 'zh-CN' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...NETWORK });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      await page.route(OFFICE_CDN, (route) =>
        route.fulfill({ status: 200, contentType: 'text/javascript', body: standIn }),
      );
      // the moment the pane's first control exists: React has committed it, handlers attached
      await page.addInitScript(() => {
        new MutationObserver((_, obs) => {
          if (document.querySelector('[data-testid=region]')) {
            (window as unknown as { __paneAt: number }).__paneAt = performance.now();
            obs.disconnect();
          }
        }).observe(document, { subtree: true, childList: true });
      });
      await page.goto(`${server.url}/taskpane.html?host=Excel&lang=zh-CN`);
      await page.waitForFunction(
        (n) => Object.keys((window as unknown as { __functions: object }).__functions).length >= n,
        functions,
        { timeout: 300_000 },
      );
      await page.waitForFunction(() => (window as unknown as { __paneAt?: number }).__paneAt !== undefined, undefined, {
        timeout: 300_000,
      });
      runs.push(
        await page.evaluate(() => {
          const w = window as unknown as { __registration: { last: number }; __paneAt: number };
          const js = performance
            .getEntriesByType('resource')
            .filter(
              (e) => /\.js$/.test(new URL(e.name).pathname) && !e.name.startsWith('https://'),
            ) as PerformanceResourceTiming[];
          const by = (t: number) =>
            js
              .filter((e) => e.responseEnd <= t)
              .reduce((a, e) => ({ encoded: a.encoded + e.encodedBodySize, decoded: a.decoded + e.decodedBodySize }), {
                encoded: 0,
                decoded: 0,
              });
          return {
            registeredMs: w.__registration.last,
            registeredJs: by(w.__registration.last),
            paneMs: w.__paneAt,
            paneJs: by(w.__paneAt),
          };
        }),
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { functions, runs };
}

export async function benchLoading(out: (s: string) => void): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpd-bench-dist-'));
  try {
    buildProduction(dir);
    const { functions, runs } = await measureLoading(dir);
    const pick = (f: (r: Run) => number) => median(runs.map(f));
    out(
      `  production build, headless Chromium, CPU ${CPU_SLOWDOWN}× slower, ${MBPS} Mbit/s and ${NETWORK.latency} ms latency, gzip, cold cache; Office.js not counted; median of ${runs.length}\n`,
    );
    out(
      `  functions registered (${functions}): ${(pick((r) => r.registeredMs) / 1000).toFixed(2)} s after navigation, ${kb(pick((r) => r.registeredJs.encoded))} of JavaScript loaded (${kb(pick((r) => r.registeredJs.decoded))} uncompressed)\n`,
    );
    out(
      `  pane interactive:         ${(pick((r) => r.paneMs) / 1000).toFixed(2)} s after navigation, ${kb(pick((r) => r.paneJs.encoded))} of JavaScript loaded (${kb(pick((r) => r.paneJs.decoded))} uncompressed)\n`,
    );
    const files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.js'))
      .sort();
    for (const f of files) {
      const raw = fs.readFileSync(path.join(dir, f));
      const gz = fs.existsSync(path.join(dir, `${f}.gz`))
        ? fs.statSync(path.join(dir, `${f}.gz`)).size
        : zlib.gzipSync(raw, { level: 9 }).length;
      const br = fs.existsSync(path.join(dir, `${f}.br`)) ? fs.statSync(path.join(dir, `${f}.br`)).size : NaN;
      out(
        `    ${f.padEnd(28)} ${kb(raw.length).padStart(7)}   gzip ${kb(gz).padStart(6)}   br ${kb(br).padStart(6)}\n`,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
