// Browser tests: the built dist/ served on localhost and opened in Debian's
// Chromium through playwright-core. Office.js is replaced by a stand-in; any other
// request leaving localhost is blocked and recorded (the add-in makes none).
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, launchChromium, serveDir } from '../../src/bench/browser';
export { CHROMIUM };

export const DIST = path.join(__dirname, '..', '..', 'dist');
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export function requireBuild(): void {
  if (!fs.existsSync(path.join(DIST, 'taskpane.html')))
    throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: run \`bash scripts/system-deps.sh\` (apt-get install chromium)`);
}

export const serve = (dir = DIST) => serveDir(dir, { index: 'taskpane.html' });

export const launch = launchChromium;

export interface OpenedPage {
  page: Page;
  /** requests that tried to leave localhost */
  external: string[];
  /** console errors and uncaught exceptions */
  errors: string[];
}

export async function open(
  browser: Browser,
  url: string,
  opts: { viewport?: { width: number; height: number }; init?: string } = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 420, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const external: string[] = [];
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const standIn = fs.readFileSync(path.join(__dirname, 'stand-ins', 'office.js'), 'utf8');
  await page.route('**/*', async (route) => {
    const u = route.request().url();
    if (u === OFFICE_CDN) return route.fulfill({ status: 200, contentType: 'text/javascript', body: standIn });
    if (u.startsWith('http://127.0.0.1:') || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
    external.push(u);
    return route.abort();
  });
  if (opts.init) await page.addInitScript(opts.init);
  await page.goto(url);
  return { page, external, errors };
}

/**
 * The visible text of an English page that is still Chinese. Exempt, and only these: text inside an
 * element marked lang="zh-CN" — the workbook's own names and values (sheet, teacher and school names,
 * cell values, header cells), the source documents' titles and the words quoted from them, and the
 * language switch's "中文" — and values quoted in messages with "…", “…” or 「…」 (a message quotes the
 * cell value it rejects: level "省集").
 */
export async function chineseLeft(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      if (el.closest('script,style') || !el.checkVisibility()) continue;
      const tagged = el.closest('[lang]');
      if (tagged && tagged !== document.documentElement && /^zh/i.test(tagged.getAttribute('lang')!)) continue;
      const text = (n.textContent ?? '').replace(/"[^"]*"|“[^”]*”|「[^」]*」/g, '');
      if (CJK.test(text)) out.push((n.textContent ?? '').trim());
    }
    return out;
  });
}
