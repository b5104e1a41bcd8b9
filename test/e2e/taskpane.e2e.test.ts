// The built task pane in real headless Chromium: the standalone preview (no Office),
// and the Excel path with a stand-in Excel (the ribbon command included). Pick a
// region, validate the sample, compare the counts with the engine, click an issue,
// switch language, write the summary, clear the marks. Screenshots are saved.
import { RULES } from '../../src/rules';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launch, open, OpenedPage, requireBuild, serve } from './harness';
import { computeCredits } from '../../src/engine/api';
import { checkTable } from '../../src/engine/engine';
import { toReport } from '../../src/engine/report';
import { generate } from '../../src/samples/generate';

const SHOTS = path.join(__dirname, '..', '..', 'test-results', 'screenshots');
let browser: Browser;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  requireBuild();
  fs.mkdirSync(SHOTS, { recursive: true });
  server = await serve();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The engine's own report on the preview's hainan sheet (no workbook cycle setting). */
function expectedHainan() {
  const s = generate('hainan', {
    computeCredits: (r) =>
      computeCredits({
        rules: RULES.hainan,
        hours: r['学时'],
        level: r['培训层次'],
        mode: r['培训方式'],
        grade: r['成绩'],
        months: r['月数'],
      }).credits,
  });
  return toReport(
    checkTable(
      s.rows.map((r) => r.map((v) => (v === null ? '' : v))),
      { rules: RULES.hainan },
    ),
  ).summary;
}

type MemWb = {
  sheets: Array<{
    name: string;
    rows: unknown[][];
    formats: Map<string, unknown>;
    cfs: unknown[];
    visibility: string;
    charts: unknown[];
    validations: unknown[];
    tables: Array<{ r: number; c: number }>;
  }>;
  properties: Map<string, string>;
  selection: { sheet: string; row: number; col: number } | null;
  batches: Array<{ requestBytes: number; responseBytes: number }>;
};

/** Values and formats of a sheet of the page's in-memory workbook, for before/after comparison. */
async function snapshot(page: Page, sheet: string): Promise<string> {
  return page.evaluate((name) => {
    const wb = (window as unknown as { CPD_preview: { workbook: MemWb } }).CPD_preview.workbook;
    const s = wb.sheets.find((x) => x.name === name)!;
    return JSON.stringify({ rows: s.rows, formats: [...s.formats.entries()], cfs: s.cfs });
  }, sheet);
}

async function sheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as { CPD_preview: { workbook: MemWb } }).CPD_preview.workbook.sheets.map((s) => s.name),
  );
}

async function pickRegionAndValidate(p: OpenedPage, region: string): Promise<void> {
  await p.page.click('[data-testid=tab-settings]');
  await p.page.click('[data-testid=region]');
  await p.page.click(`[data-testid=region-${region}]`);
  await p.page.click('[data-testid=validate]');
  await p.page.waitForSelector('[data-testid=counts]', { timeout: 60_000 });
}

const count = async (page: Page, id: string): Promise<number> =>
  Number((await page.textContent(`[data-testid=${id}]`))!.replace(/\D+/g, ''));

test('preview: pick a region, validate the sample, see the engine’s counts, click an issue, switch language', async () => {
  const p = await open(browser, `${server.url}/taskpane.html?host=none&lang=zh-CN`);
  const { page } = p;
  await page.waitForSelector('[data-testid=preview-badge]');
  await page.screenshot({ path: path.join(SHOTS, 'preview-start.png') });
  const before = await snapshot(page, '海南样例');
  await pickRegionAndValidate(p, 'hainan');
  const want = expectedHainan();
  expect(await count(page, 'count-errors')).toBe(want.errors);
  expect(await count(page, 'count-warnings')).toBe(want.warnings);
  expect(await count(page, 'count-pass')).toBe(want.cyclePass);
  expect(await count(page, 'count-fail')).toBe(want.cycleFail);
  await page.screenshot({ path: path.join(SHOTS, 'preview-issues.png') });

  // the deliberate "二十" hours: clicking it selects its cell
  await page.click('[data-testid=group-row]');
  const item = page.locator('[data-testid=issue]', { hasText: '二十' });
  const row = Number(await item.getAttribute('data-row'));
  await item.click();
  await page.waitForSelector('[data-testid=selected]');
  expect(await page.textContent('[data-testid=selected]')).toContain(`海南样例!I${row}`);
  const selection = await page.evaluate(
    () => (window as unknown as { CPD_preview: { workbook: MemWb } }).CPD_preview.workbook.selection,
  );
  expect(selection).toEqual({ sheet: '海南样例', row, col: 9 });

  // the marks live on a hidden sheet and two conditional formats; the user's cells are untouched
  expect(await sheetNames(page)).toContain('CPD_marks');
  const marked = JSON.parse(await snapshot(page, '海南样例')) as { rows: unknown; formats: unknown; cfs: unknown[] };
  const orig = JSON.parse(before) as { rows: unknown; formats: unknown };
  expect(marked.rows).toEqual(orig.rows);
  expect(marked.formats).toEqual(orig.formats);
  expect(marked.cfs).toHaveLength(2);

  // teachers view with the shortfall of the failing teacher
  await page.click('[data-testid=tab-teachers]');
  await page.waitForSelector('[data-testid=teacher]');
  expect(await page.textContent('[data-testid=teacher]')).toContain('还差');

  // English
  await page.click('[data-testid=lang]');
  expect(await page.textContent('[data-testid=tab-issues]')).toContain('Issues');
  await page.screenshot({ path: path.join(SHOTS, 'preview-teachers-en.png'), fullPage: true });
  await page.click('[data-testid=lang]');

  // summary sheet: a new sheet with tables and charts; then clear the marks
  await page.click('[data-testid=tab-settings]');
  await page.click('[data-testid=summary]');
  await page.waitForSelector('[data-testid=message] >> text=学分汇总');
  await page.click('[data-testid=summary]');
  await page.waitForSelector('[data-testid=message] >> text=学分汇总 (2)');
  await page.click('[data-testid=clear]');
  await page.waitForSelector('[data-testid=message] >> text=已清除标记');
  expect(await sheetNames(page)).not.toContain('CPD_marks');
  expect(await snapshot(page, '海南样例')).toBe(before);

  await page.click('[data-testid=template]');
  await page.waitForSelector('[data-testid=message] >> text=培训登记模板');
  const template = await page.evaluate(() =>
    (window as unknown as { CPD_preview: { workbook: MemWb } }).CPD_preview.workbook.sheets.find(
      (s) => s.name === '培训登记模板',
    ),
  );
  expect(template!.rows[0]).toEqual(expect.arrayContaining(['身份证号', '培训层次', '培训方式', '学时', '成绩']));
  expect(template!.validations.length).toBeGreaterThanOrEqual(3);
  // the summary's cycle table holds the teachers' IDs as text, every digit kept
  const firstId = await page.evaluate(() => {
    const s = (window as unknown as { CPD_preview: { workbook: MemWb } }).CPD_preview.workbook.sheets.find(
      (x) => x.name === '学分汇总',
    )!;
    return s.rows[s.tables[0]!.r + 1]![0];
  });
  expect(firstId).toMatch(/^\d{17}[\dX]$/);
  // every round trip of the session stayed far under Excel on the web's 5 MB
  const batches = await page.evaluate(
    () => (window as unknown as { CPD_preview: { workbook: MemWb } }).CPD_preview.workbook.batches,
  );
  expect(batches.length).toBeGreaterThan(10);
  for (const b of batches) expect(Math.max(b.requestBytes, b.responseBytes)).toBeLessThan(1024 * 1024);
  await page.screenshot({ path: path.join(SHOTS, 'preview-settings.png'), fullPage: true });
  expect(p.errors).toEqual([]);
  expect(p.external).toEqual([]);
  await page.context().close();
}, 120_000);

test('overrides are validated as they are typed and saved in the workbook', async () => {
  const p = await open(browser, `${server.url}/taskpane.html?host=none&lang=zh-CN`);
  const { page } = p;
  await page.waitForSelector('[data-testid=region]');
  await page.click('[data-testid=region]');
  await page.click('[data-testid=region-hainan]');
  await page.fill('[data-testid="override-dayCredits.school"]', '99');
  expect(await page.isDisabled('[data-testid=save]')).toBe(true);
  expect(await page.textContent('body')).toContain('0–10');
  await page.fill('[data-testid="override-dayCredits.school"]', '0.5');
  await page.fill('[data-testid=cycle]', '2019');
  await page.click('[data-testid=save]');
  await page.waitForSelector('[data-testid=message]');
  const props = await page.evaluate(() =>
    Object.fromEntries((window as unknown as { CPD_preview: { workbook: MemWb } }).CPD_preview.workbook.properties),
  );
  expect(props).toEqual({
    'CPD.region': 'hainan',
    'CPD.cycleStart': '2019',
    'CPD.overrides': '{"dayCredits.school":0.5}',
  });
  await page.context().close();
}, 60_000);

test('stand-in Excel: the ribbon’s one-click validation, then the pane on the result', async () => {
  const p = await open(browser, `${server.url}/taskpane.html?host=Excel&excel=memory&lang=en-US`);
  const { page } = p;
  await page.waitForFunction(() => 'validateSheet' in (window as unknown as { __actions: object }).__actions);
  expect(await page.locator('[data-testid=preview-badge]').count()).toBe(0);
  // no region yet: the command reports it instead of guessing
  await page.evaluate(
    () =>
      new Promise<void>((done) =>
        (window as unknown as { __actions: Record<string, (e: unknown) => void> }).__actions.validateSheet!({
          completed: done,
        }),
      ),
  );
  await page.waitForSelector('[data-testid=error]');
  // region chosen and saved, then the ribbon button alone
  await page.click('[data-testid=region]');
  await page.click('[data-testid=region-hainan]');
  await page.click('[data-testid=save]');
  await page.waitForSelector('[data-testid=message]');
  await page.evaluate(
    () =>
      new Promise<void>((done) =>
        (window as unknown as { __actions: Record<string, (e: unknown) => void> }).__actions.validateSheet!({
          completed: done,
        }),
      ),
  );
  await page.waitForSelector('[data-testid=counts]');
  expect(await page.evaluate(() => (window as unknown as { __shown: number }).__shown)).toBeGreaterThan(0);
  const want = expectedHainan();
  expect(await count(page, 'count-errors')).toBe(want.errors);
  expect(await page.textContent('[data-testid=tab-issues]')).toContain('Issues');
  await page.screenshot({ path: path.join(SHOTS, 'excel-ribbon-en.png'), fullPage: true });
  expect(p.errors).toEqual([]);
  expect(p.external).toEqual([]);
  await page.context().close();
}, 120_000);
