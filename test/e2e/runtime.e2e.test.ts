// The shared runtime's start-up and its settings, in the built dist/ page in headless
// Chromium with the stand-in Office (and, where needed, the stand-in Excel built from
// the page's own in-memory workbook): functions that run before the settings are read
// wait for them; a settings change recalculates exactly the CPD formulas; an error cell
// in a range is named; the pane's chunk loads only when the page is shown; the
// diagnostics. Also the production manifest npm test builds.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { DIST, launch, open, OpenedPage, requireBuild, serve } from './harness';
import { computeCredits } from '../../src/engine/api';
import { RULES } from '../../src/rules';

type Call = { value?: unknown; error?: string; message?: string; escaped?: string };
type Win = {
  __functions: Record<string, unknown>;
  __call: (id: string, args: unknown[]) => Promise<Call>;
  __excelError: (code: string) => unknown;
  __releaseSettings: () => void;
  CPD_preview: { workbook: { calculated: string[]; sheets: Array<{ name: string; rows: unknown[][] }> } };
};

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

const registered = (page: Page) =>
  page.waitForFunction(() => Object.keys((window as unknown as Win).__functions).length > 0);

async function excelPage(standIn: object, lang = 'zh-CN'): Promise<OpenedPage> {
  const p = await open(browser, `${server.url}/taskpane.html?host=Excel&excel=memory&lang=${lang}`, {
    init: `window.__standIn = ${JSON.stringify(standIn)};`,
  });
  await registered(p.page);
  return p;
}

test('functions called before the workbook’s settings are read wait for them, then answer with them', async () => {
  const p = await excelPage({ holdSettings: true, props: { 'CPD.region': 'shandong', 'CPD.cycleStart': '2019' } });
  const { page } = p;
  // the functions are registered while the settings are still being read
  await page.evaluate(() => {
    const w = window as unknown as Win & { __pending: Promise<Call[]>; __settled: boolean };
    w.__settled = false;
    w.__pending = Promise.all([w.__call('CREDITS', [30, '县级', '主讲', null, null, null]), w.__call('REGION', [])]);
    void w.__pending.then(() => (w.__settled = true));
  });
  await page.waitForTimeout(400);
  expect(await page.evaluate(() => (window as unknown as { __settled: boolean }).__settled)).toBe(false);
  await page.evaluate(() => (window as unknown as Win).__releaseSettings());
  const [credits, region] = await page.evaluate(() => (window as unknown as { __pending: Promise<Call[]> }).__pending);
  // shandong, not "no region" (#N/A), and not hainan's figure
  expect(credits).toEqual({
    value: computeCredits({ rules: RULES.shandong, hours: 30, level: '县级', mode: '主讲' }).credits,
  });
  expect(region).toEqual({ value: 'shandong' });
  expect(p.errors).toEqual([]);
  await page.context().close();
});

test('saving another region recalculates exactly the CPD formulas, which then follow it', async () => {
  const sheet = '海南样例';
  // rows 701–703 of column U and one in column V: three CPD formulas and a SUM
  const formulas: Array<[string, number, number, string]> = [
    [sheet, 700, 20, '=CPD.REGION()'],
    [sheet, 701, 20, '=CPD.CREDITS(24,"省级","集中培训")'],
    [sheet, 702, 20, '=SUM(1,2)'],
    [sheet, 700, 21, '=CPD.CREDITS(24,"省级","集中培训","","海南")'],
  ];
  const p = await excelPage({ props: { 'CPD.region': 'hainan' }, formulas });
  const { page } = p;
  // the workbook has its settings: the pane shows them in one line, 修改 opens the form
  await page.waitForSelector('[data-testid=settings-summary]');
  expect(await page.evaluate(() => (window as unknown as Win).CPD_preview.workbook.calculated)).toEqual([]);
  await page.click('[data-testid=edit-settings]');
  await page.click('[data-testid=region]');
  await page.click('[data-testid=region-shandong]');
  await page.click('[data-testid=save]');
  await page.waitForSelector('[data-testid=message]');
  const cell = (r: number, c: number) =>
    page.evaluate(
      ([n, rr, cc]) =>
        (window as unknown as Win).CPD_preview.workbook.sheets.find((s) => s.name === n)!.rows[rr as number]?.[
          cc as number
        ],
      [sheet, r, c] as const,
    );
  await page.waitForFunction(
    (n) =>
      (window as unknown as Win).CPD_preview.workbook.sheets.find((s) => s.name === n)!.rows[700]?.[20] === 'shandong',
    sheet,
  );
  // one calculate per run of CPD cells in a column; the SUM is left alone
  expect(await page.evaluate(() => (window as unknown as Win).CPD_preview.workbook.calculated)).toEqual([
    `'${sheet}'!U701:U702`,
    `'${sheet}'!V701`,
  ]);
  expect(await cell(701, 20)).toBe(
    computeCredits({ rules: RULES.shandong, hours: 24, level: '省级', mode: '集中培训' }).credits,
  );
  expect(await cell(700, 21)).toBe(
    computeCredits({ rules: RULES.hainan, hours: 24, level: '省级', mode: '集中培训' }).credits,
  );
  expect(await cell(702, 20)).toBeUndefined();
  // saving the same settings again recalculates nothing
  await page.click('[data-testid=edit-settings]');
  await page.click('[data-testid=save]');
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => (window as unknown as Win).CPD_preview.workbook.calculated)).toHaveLength(2);
  expect(p.errors).toEqual([]);
  await page.context().close();
}, 60_000);

test('an error cell inside a range gives a message naming its row, column, field and error', async () => {
  const p = await open(browser, `${server.url}/taskpane.html?host=Excel&lang=zh-CN`);
  await registered(p.page);
  const r = await p.page.evaluate(async () => {
    const w = window as unknown as Win;
    const headerless = [2019, 2020, 2021, 2022, 2023].map((y) => [y, '县级', '集中培训', 72, '合格'] as unknown[]);
    headerless[2]![3] = w.__excelError('#N/A');
    const headed: unknown[][] = [
      ['年度', '培训方式', '学时', '培训层次'],
      [2019, '集中培训', 72, '县级'],
      [2020, '集中培训', w.__excelError('#DIV/0!'), '县级'],
    ];
    return {
      headerless: await w.__call('CYCLE_PASS', [headerless, 'zhengzhou', 2019]),
      headed: await w.__call('CYCLE_REPORT', [headed, 'zhengzhou', 2019]),
      scalar: await w.__call('CREDITS', [w.__excelError('#REF!'), '省级', '集中培训', null, 'hainan', null]),
      filterNothing: await w.__call('CYCLE_PASS', [[[w.__excelError('#CALC!')]], 'zhengzhou', null]),
    };
  });
  expect(r.headerless).toEqual({ error: '#N/A', message: '区域第 3 行第 4 列（学时）是错误值 #N/A；请先修正该单元格' });
  expect(r.headed).toEqual({
    error: '#VALUE!',
    message: '区域第 3 行第 3 列（学时）是错误值 #DIV/0!；请先修正该单元格',
  });
  expect(r.scalar).toEqual({ error: '#VALUE!', message: '参数「学时」是错误值 #REF!' });
  expect(r.filterNothing).toEqual({ error: '#VALUE!', message: '区域参数是错误值 #CALC!' });
  expect(p.errors).toEqual([]);
  await p.page.context().close();
});

test('inside Excel the pane’s chunk loads only once the page is shown, and the preview never', async () => {
  // a shared runtime started hidden (a workbook with CPD formulas opened; nobody opened the pane)
  const init = `
    window.__visible = false;
    Object.defineProperty(document, 'visibilityState', { get: () => (window.__visible ? 'visible' : 'hidden') });`;
  const p = await open(browser, `${server.url}/taskpane.html?host=Excel&lang=zh-CN`, { init });
  const scripts = () =>
    p.page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((n) => n.endsWith('.js')),
    );
  await registered(p.page);
  await p.page.waitForTimeout(300);
  expect((await scripts()).filter((s) => /\/(pane|preview)\./.test(s))).toEqual([]);
  expect(await p.page.locator('[data-testid=region]').count()).toBe(0);
  await p.page.evaluate(() => {
    (window as unknown as { __visible: boolean }).__visible = true;
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await p.page.waitForSelector('[data-testid=region]');
  expect((await scripts()).some((s) => /\/pane\.[0-9a-f]{8}\.js$/.test(s))).toBe(true);
  expect((await scripts()).some((s) => /preview/.test(s))).toBe(false);
  expect(p.errors).toEqual([]);
  expect(p.external).toEqual([]);
  await p.page.context().close();
});

test('a hidden runtime shows the pane when the ribbon’s Validate sheet opens it', async () => {
  const init = `Object.defineProperty(document, 'visibilityState', { get: () => 'hidden' });`;
  const p = await open(browser, `${server.url}/taskpane.html?host=Excel&excel=memory&lang=zh-CN`, { init });
  await p.page.waitForFunction(() => 'validateSheet' in (window as unknown as { __actions: object }).__actions);
  expect(await p.page.locator('[data-testid=region]').count()).toBe(0);
  // no region yet: the command reports it, and the pane it opened shows that
  await p.page.evaluate(
    () =>
      new Promise<void>((done) =>
        (window as unknown as { __actions: Record<string, (e: unknown) => void> }).__actions.validateSheet!({
          completed: done,
        }),
      ),
  );
  await p.page.waitForSelector('[data-testid=error]');
  expect(await p.page.evaluate(() => (window as unknown as { __shown: number }).__shown)).toBe(1);
  expect(p.errors).toEqual([]);
  await p.page.context().close();
});

test('diagnostics: =CPD.VERSION() and the pane’s section show version, rules, host, requirement sets, registration and settings', async () => {
  const p = await excelPage({ props: { 'CPD.region': 'puer', 'CPD.overrides': '{"dayCredits.school":0.5}' } }, 'en-US');
  const v = await p.page.evaluate(() => (window as unknown as Win).__call('VERSION', []));
  const rows = new Map(v.value as Array<[string, string]>);
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  expect(rows.get('Add-in version')).toMatch(
    new RegExp(`^${pkg.version.replace(/\./g, '\\.')}\\.0 \\(production, namespace CPD\\)$`),
  );
  expect(rows.get('Rules: Hainan')).toContain('海南省中小学教师培训学分管理实施办法');
  expect(rows.get('Office host')).toBe('Excel · OfficeOnline · 16.0.0.0 (stand-in)');
  expect(rows.get('ExcelApi')).toBe('1.17');
  expect(rows.get('SharedRuntime')).toBe('1.3');
  expect(rows.get('Functions')).toMatch(/^\d+ registered$/);
  expect(rows.get('CPD.region')).toBe(`puer (${RULES.puer.name.en})`);
  expect(rows.get('CPD.overrides')).toBe('{"dayCredits.school":0.5}');
  await p.page.click('[data-testid=diagnostics-toggle]');
  const table = await p.page.textContent('[data-testid=diagnostics]');
  expect(table).toContain('ExcelApi1.17');
  expect(table).toContain('CPD.regionpuer');
  expect(p.errors).toEqual([]);
  await p.page.context().close();
});

test('the production manifest built for https://example.test/cpd/ validates offline and names no localhost', () => {
  const file = path.join(DIST, 'manifest.xml');
  const xml = fs.readFileSync(file, 'utf8');
  if (!xml.includes('https://example.test/cpd/')) {
    throw new Error(
      'dist/ is not the production build npm test makes: run `npm run build -- --env addinBaseUrl=https://example.test/cpd/`',
    );
  }
  expect(xml).not.toMatch(/localhost|127\.0\.0\.1/);
  const r = spawnSync(
    process.execPath,
    [path.join(__dirname, '..', '..', 'scripts', 'validate-manifest.js'), '--json', '--built', file],
    { encoding: 'utf8' },
  );
  expect(r.stderr).toBe('');
  expect((JSON.parse(r.stdout) as { problems: unknown[] }).problems).toEqual([]);
  expect(r.status).toBe(0);
  // both metadata files let error cells through
  for (const f of ['functions.json', 'functions.zh-CN.json']) {
    expect(
      (JSON.parse(fs.readFileSync(path.join(DIST, f), 'utf8')) as { allowErrorForDataTypeAny?: boolean })
        .allowErrorForDataTypeAny,
    ).toBe(true);
  }
  // precompressed copies for static hosting
  const js = fs.readdirSync(DIST).filter((f) => /\.js$/.test(f));
  for (const f of js)
    expect(fs.existsSync(path.join(DIST, `${f}.gz`)) && fs.existsSync(path.join(DIST, `${f}.br`))).toBe(true);
});
