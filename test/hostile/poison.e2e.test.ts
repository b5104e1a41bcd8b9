// The task pane on a workbook whose CPD.overrides names Object.prototype's members: it renders, its custom
// functions answer with a message, and validating says what is wrong instead of blanking the pane.
import type { Browser } from 'playwright-core';
import { launch, open, requireBuild, serve } from '../e2e/harness';

type Call = { value?: unknown; error?: string; message?: string };
type Win = { __functions: Record<string, unknown>; __call: (id: string, args: unknown[]) => Promise<Call> };

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
beforeAll(async () => {
  requireBuild();
  server = await serve();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('CPD.overrides = {"constructor":1,"toString":2,"__proto__":3}: the pane and the functions say so', async () => {
  const standIn = {
    props: { 'CPD.region': 'hainan', 'CPD.overrides': '{"constructor":1,"toString":2,"__proto__":3}' },
  };
  const p = await open(browser, `${server.url}/taskpane.html?host=Excel&excel=memory&lang=zh-CN`, {
    init: `window.__standIn = ${JSON.stringify(standIn)};`,
  });
  const { page } = p;
  await page.waitForFunction(() => Object.keys((window as unknown as Win).__functions).length > 0);
  await page.waitForSelector('[data-testid=overrides-unusable]');
  const call = await page.evaluate(() =>
    (window as unknown as Win).__call('CREDITS', [24, '省级', '集中培训', null, null, null]),
  );
  expect(call.error).toBeDefined();
  expect(call.message).toContain('constructor');
  expect(call.message).not.toContain('Cannot read');
  // the pane names the unusable entries before anything is saved, and still validates
  const warning = await page.textContent('[data-testid=overrides-unusable]');
  for (const key of ['constructor', 'toString', '__proto__']) expect(warning).toContain(`没有名为「${key}」的参数`);
  await page.click('[data-testid=validate]');
  await page.waitForSelector('[data-testid=counts]');
  // the pane is still there: the results shown, no error thrown in the page
  expect(await page.textContent('[data-testid=counts]')).toContain('记录');
  expect(p.errors).toEqual([]);
  await page.context().close();
}, 60_000);
