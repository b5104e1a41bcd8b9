// The built dist/ page in real headless Chromium, with stand-ins for Office and
// CustomFunctions only: every function of functions.json is registered, and each
// answers good and bad arguments as the engine does.
import { RULES, type RegionId } from '../../src/rules';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { DIST, launch, open, OpenedPage, requireBuild, serve } from './harness';
import { computeCredits, judgeRange } from '../../src/engine/api';

type Call = { value?: unknown; error?: string; message?: string; escaped?: string };

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let zh: OpenedPage;

beforeAll(async () => {
  requireBuild();
  server = await serve();
  browser = await launch();
  zh = await open(browser, `${server.url}/taskpane.html?host=Excel&lang=zh-CN`);
  await zh.page.waitForFunction(
    () => Object.keys((window as unknown as { __functions: object }).__functions).length > 0,
  );
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const call = (p: OpenedPage, id: string, ...args: unknown[]): Promise<Call> =>
  p.page.evaluate(
    ([i, a]) =>
      (window as unknown as { __call: (id: string, args: unknown[]) => Call }).__call(i as string, a as unknown[]),
    [id, args] as const,
  );

test('every function in functions.json is registered by the bundle, and nothing else', async () => {
  const meta = JSON.parse(fs.readFileSync(path.join(DIST, 'functions.json'), 'utf8')) as {
    functions: Array<{ id: string }>;
  };
  const zhMeta = JSON.parse(fs.readFileSync(path.join(DIST, 'functions.zh-CN.json'), 'utf8')) as {
    functions: Array<{ id: string; description: string }>;
  };
  const registered = await zh.page.evaluate(() =>
    Object.keys((window as unknown as { __functions: object }).__functions).sort(),
  );
  expect(registered).toEqual(meta.functions.map((f) => f.id).sort());
  expect(zhMeta.functions.map((f) => f.id)).toEqual(meta.functions.map((f) => f.id));
  for (const f of zhMeta.functions) expect(f.description).toMatch(/[\u4e00-\u9fff]/);
  expect(meta.functions.map((f) => f.id)).toEqual(
    expect.arrayContaining(['CREDITS', 'CYCLE_PASS', 'CYCLE_REPORT', 'CREDITS_EXPLAIN', 'ID_VALID', 'CERT_VALID']),
  );
  // the ribbon command is registered in the same runtime
  expect(await zh.page.evaluate(() => Object.keys((window as unknown as { __actions: object }).__actions))).toEqual([
    'validateSheet',
  ]);
});

test.each([
  ['hainan', 24, '省级', '集中培训', null, null],
  ['hainan', '２４学时', ' 国家级 ', '跟班培训', null, null],
  ['hainan', 3, '省级', '主讲', null, null],
  ['shandong', 30, '县级', '主讲', null, null],
  ['puer', 24, '省级', '集中研修', 85, 2],
  ['puer', 30, '校级', '校本研修', '优', 0.8],
  ['qitai', 40, '区级', '集中培训', '良好', null],
  ['zhengzhou', 16, '市级', '网络研修', null, null],
])('CREDITS(%s: %p, %p, %p, %p, rate %p) equals the engine', async (region, hours, level, mode, grade, rate) => {
  const r = await call(zh, 'CREDITS', hours, level, mode, grade, region, rate);
  const engine = computeCredits({
    rules: RULES[region as RegionId],
    hours,
    level,
    mode,
    grade: grade ?? undefined,
    rate: rate ?? undefined,
  });
  expect(r.escaped).toBeUndefined();
  expect(r.value).toBe(engine.credits);
  expect(typeof r.value).toBe('number');
});

test.each([
  [['', '省级', '集中培训', null, 'hainan', null], '#VALUE!', '学时'],
  [[24, '省集', '集中培训', null, 'hainan', null], '#VALUE!', '省级'],
  [[-5, '省级', '集中培训', null, 'hainan', null], '#VALUE!', '负数'],
  [[8, '校级', '集中培训', null, 'hainan', null], '#N/A', 'dayCredits.school'],
  [[24, '省级', '集中培训', null, 'beijing', null], '#VALUE!', '地区'],
  [[24, '省级', '集中培训', null, null, null], '#N/A', '地区'],
  [[24, '县级', '集中研修', null, 'puer', 9], '#VALUE!', '范围'],
])('CREDITS(%j) gives %s with a message, never a silent 0', async (args, code, text) => {
  const r = await call(zh, 'CREDITS', ...(args as unknown[]));
  expect(r.escaped).toBeUndefined();
  expect(r.value).toBeUndefined();
  expect(r.error).toBe(code);
  expect(r.message).toContain(text);
});

test('CREDITS_EXPLAIN names the article', async () => {
  const r = await call(zh, 'CREDITS_EXPLAIN', 24, '省级', '集中培训', null, 'hainan', null);
  expect(r.value).toContain('第十四条第3项');
  expect(r.value).toContain('4.5');
});

const headerRange = [
  ['年度', '培训层次', '培训方式', '学时', '成绩'],
  ...[2019, 2020, 2021, 2022, 2023].flatMap((y) => [
    [y, '县级', '集中培训', 52, '合格'],
    [y, '校级', '校本研修', 20, '合格'],
  ]),
];
const filterShaped = [...headerRange.slice(1).map((r) => [...r, '']), ['', '', '', '', '', '']];

test('CYCLE_PASS / CYCLE_REPORT / CYCLE_SHORTFALL / CYCLE_CREDITS / YEAR_PASS agree with the engine', async () => {
  const engine = judgeRange(headerRange, { rules: RULES.zhengzhou, cycleStart: 2019 });
  expect((await call(zh, 'CYCLE_PASS', headerRange, 'zhengzhou', 2019)).value).toBe(engine.teacher.cycle.pass);
  expect((await call(zh, 'CYCLE_PASS', filterShaped, '郑州', 2019)).value).toBe(true);
  expect((await call(zh, 'CYCLE_CREDITS', filterShaped, 'zhengzhou', 2019)).value).toBe(360);
  const short = headerRange.filter((r) => r[2] !== '校本研修');
  expect((await call(zh, 'CYCLE_PASS', short, 'zhengzhou', 2019)).value).toBe(false);
  expect((await call(zh, 'CYCLE_REPORT', short, 'zhengzhou', 2019)).value).toMatch(
    /^不合格：.*校本研修学时还差 80 学时/,
  );
  expect((await call(zh, 'CYCLE_SHORTFALL', short, 'zhengzhou', 2019)).value).toContain('还差 80 学时');
  expect((await call(zh, 'YEAR_PASS', headerRange, 2021, 'shandong', 2019)).value).toBe(true);
  const notAssessed = await call(zh, 'YEAR_PASS', headerRange, 2021, 'zhengzhou', 2019);
  expect(notAssessed.error).toBe('#N/A');
});

test('range functions reject bad ranges with a message', async () => {
  const bad = [...headerRange, [2021, '县级', '网上学习', 10, '合格']];
  const r = await call(zh, 'CYCLE_PASS', bad, 'zhengzhou', 2019);
  expect(r.error).toBe('#VALUE!');
  expect(r.message).toContain('网上学习');
  expect(
    (
      await call(
        zh,
        'CYCLE_PASS',
        [
          ['', '', ''],
          ['', '', ''],
        ],
        'zhengzhou',
        null,
      )
    ).error,
  ).toBe('#VALUE!');
  expect((await call(zh, 'CYCLE_PASS', headerRange, 'zhengzhou', 'abc')).error).toBe('#VALUE!');
});

test('ID_VALID, CERT_VALID and REGION', async () => {
  expect((await call(zh, 'ID_VALID', '11010519491231002X')).value).toBe(true);
  expect((await call(zh, 'ID_VALID', '110105194912310021')).value).toBe(false);
  expect((await call(zh, 'ID_VALID', 110105194912310021)).error).toBe('#VALUE!');
  expect((await call(zh, 'CERT_VALID', '0707200001')).value).toBe(true);
  expect((await call(zh, 'CERT_VALID', 707200001)).value).toBe(true);
  expect((await call(zh, 'CERT_VALID', '0799200001')).value).toBe(false);
  expect((await call(zh, 'REGION')).error).toBe('#N/A');
});

test('messages follow Office’s language, and the page makes no request outside localhost', async () => {
  const en = await open(browser, `${server.url}/taskpane.html?host=Excel&lang=en-US`);
  await en.page.waitForFunction(
    () => Object.keys((window as unknown as { __functions: object }).__functions).length > 0,
  );
  const r = await call(en, 'CREDITS', 24, 'provincial', 'exam?', null, 'hainan', null);
  expect(r.error).toBe('#VALUE!');
  expect(r.message).toContain('not a known mode');
  expect(en.external).toEqual([]);
  expect(zh.external).toEqual([]);
  expect([...en.errors, ...zh.errors]).toEqual([]);
  await en.page.context().close();
});
