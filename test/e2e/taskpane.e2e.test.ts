// The built task pane in real headless Chromium at the pane's real width (360 × 800): the standalone
// preview (no Office), and the Excel path with a stand-in Excel (the ribbon command included). Pick a
// region, validate the sample, compare the counts with the engine; what to fix first (plain titles, the
// mistyped ID as one item naming its teacher, the gaps of the rules one line each); click → the cell;
// 改为 and its undo; why; English without Chinese chrome; overrides in the pane and the summary sheet;
// the export; the summary; clear marks. Screenshots of every step land in test-results/screenshots/.
import { REGIONS, RULES, type RegionId } from '../../src/rules';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { chineseLeft, launch, open, OpenedPage, requireBuild, serve } from './harness';
import { checkTable } from '../../src/engine/engine';
import { toReport, type Report } from '../../src/engine/report';
import { generate, sampleCredits } from '../../src/samples/generate';
import { ISSUE_CODES, ISSUES } from '../../src/core/issues';
import { groupIssues, issueItems } from '../../src/present/issues';
import { maskId } from '../../src/core/idcard';

const SHOTS = path.join(__dirname, '..', '..', 'test-results', 'screenshots');
const VIEW = { width: 360, height: 800 };
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

const sheetOf = (region: RegionId) => `${RULES[region].spellings[0]}样例`;

/** The engine's own report on a preview sheet (no workbook cycle setting, no override). */
function expected(region: RegionId = 'hainan', overrides?: Record<string, number>): Report {
  const s = generate(region, { computeCredits: sampleCredits(region) });
  return toReport(
    checkTable(
      s.rows.map((r) => r.map((v) => (v === null ? '' : v))),
      { rules: RULES[region], ...(overrides ? { overrides } : {}) },
    ),
  );
}

type MemSheet = {
  name: string;
  rows: unknown[][];
  formats: Map<string, unknown>;
  cfs: unknown[];
  visibility: string;
  charts: unknown[];
  validations: unknown[];
  tables: Array<{ r: number; c: number }>;
};
type MemWb = {
  sheets: MemSheet[];
  active: string;
  properties: Map<string, string>;
  selection: { sheet: string; row: number; col: number } | null;
  batches: Array<{ requestBytes: number; responseBytes: number }>;
};
const wb = (page: Page) =>
  page.evaluateHandle(() => (window as unknown as { CPD_preview: { workbook: MemWb } }).CPD_preview.workbook);

/** Values and formats of a sheet of the page's in-memory workbook, for before/after comparison. */
async function snapshot(page: Page, sheet: string): Promise<string> {
  return (await wb(page)).evaluate((w, name) => {
    const s = w.sheets.find((x) => x.name === name)!;
    return JSON.stringify({ rows: s.rows, formats: [...s.formats.entries()], cfs: s.cfs });
  }, sheet);
}

async function sheetRows(page: Page, sheet: string): Promise<unknown[][]> {
  return (await wb(page)).evaluate((w, name) => w.sheets.find((x) => x.name === name)!.rows, sheet);
}

async function sheetNames(page: Page): Promise<string[]> {
  return (await wb(page)).evaluate((w) => w.sheets.map((s) => s.name));
}

async function openPreview(lang = 'zh-CN'): Promise<OpenedPage> {
  const p = await open(browser, `${server.url}/taskpane.html?host=none&lang=${lang}`, { viewport: VIEW });
  await p.page.waitForSelector('[data-testid=action-bar]');
  return p;
}

const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });

/** Choose a region in the settings form (opening it when the settings are saved and shown in one line). */
async function chooseRegion(page: Page, region: RegionId): Promise<void> {
  await page.click('[data-testid=tab-settings]');
  if (await page.locator('[data-testid=edit-settings]').count()) await page.click('[data-testid=edit-settings]');
  await page.click('[data-testid=region]');
  await page.click(`[data-testid=region-${region}]`);
}

/** 校验本表, then wait for this validation's result (not the one shown before). */
async function validate(page: Page): Promise<void> {
  const stamp = () =>
    page.evaluate(() => document.querySelector('[data-testid=counts]')?.getAttribute('data-validated'));
  const before = await stamp();
  await page.click('[data-testid=validate]');
  await page.waitForFunction(
    (old) => {
      const now = document.querySelector('[data-testid=counts]')?.getAttribute('data-validated');
      return !!now && now !== old;
    },
    before,
    { timeout: 60_000 },
  );
}

const count = async (page: Page, id: string): Promise<number> =>
  Number((await page.textContent(`[data-testid=${id}]`))!.replace(/\D+/g, ''));

/** Whether the element is wholly inside the 360 × 800 viewport. */
async function onScreen(page: Page, selector: string): Promise<boolean> {
  const b = await page.locator(selector).first().boundingBox();
  return !!b && b.y >= 0 && b.y + b.height <= VIEW.height && b.x >= 0 && b.x + b.width <= VIEW.width;
}

/** Open every folded group of the issue list. */
async function unfoldAll(page: Page): Promise<void> {
  for (;;) {
    const folded = page.locator('[data-testid=group-toggle][aria-expanded=false]');
    if (!(await folded.count())) return;
    await folded.first().click();
  }
}

test('preview: pick a region, validate the sample, see the engine’s counts, click an issue, switch language', async () => {
  const p = await openPreview();
  const { page } = p;
  await page.waitForSelector('[data-testid=preview-badge]');
  await shot(page, 'pane-01-start');
  // nothing chosen yet: the button says why it cannot run, in words on the screen
  expect(await page.isDisabled('[data-testid=validate]')).toBe(true);
  expect(await page.textContent('[data-testid=validate-why]')).toContain('先选择地区');
  expect(await page.textContent('[data-testid=bar-sheet]')).toContain('海南样例');
  expect(await page.textContent('[data-testid=template-why]')).toContain('先选择地区');
  const before = await snapshot(page, '海南样例');
  await chooseRegion(page, 'hainan');
  await shot(page, 'pane-02-region');
  await validate(page);
  const want = expected().summary;
  expect(await count(page, 'count-errors')).toBe(want.errors);
  expect(await count(page, 'count-warnings')).toBe(want.warnings);
  expect(await count(page, 'count-pass')).toBe(want.cyclePass);
  expect(await count(page, 'count-fail')).toBe(want.cycleFail);
  await shot(page, 'pane-03-issues');

  // the deliberate "二十" hours: its entry selects its cell
  const item = page.locator('[data-testid=issue]', { hasText: '二十' });
  const row = Number(await item.getAttribute('data-row'));
  await item.click();
  await page.waitForSelector('[data-testid=selected]');
  expect(await page.textContent('[data-testid=selected]')).toContain(`海南样例!I${row}`);
  expect((await (await wb(page)).evaluate((w) => w.selection))!).toEqual({ sheet: '海南样例', row, col: 9 });
  await shot(page, 'pane-04-entry');

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
  await shot(page, 'pane-07-teachers');

  // English
  await page.click('[data-testid=lang]');
  expect(await page.textContent('[data-testid=tab-issues]')).toContain('Issues');
  await shot(page, 'pane-teachers-en', true);
  await page.click('[data-testid=lang]');

  // summary sheet: a new sheet with tables and charts; then clear the marks
  await page.click('[data-testid=tab-issues]');
  await page.click('[data-testid=summary]');
  await page.waitForSelector('[data-testid=message] >> text=学分汇总');
  await page.click('[data-testid=summary]');
  await page.waitForSelector('[data-testid=message] >> text=学分汇总 (2)');
  // writing the summary made it the active sheet: the bar says so before anyone validates it
  await page.waitForSelector('[data-testid=bar-sheet] >> text=学分汇总 (2)');
  await page.click('[data-testid=clear]');
  await page.waitForSelector('[data-testid=message] >> text=已清除标记');
  expect(await sheetNames(page)).not.toContain('CPD_marks');
  expect(await snapshot(page, '海南样例')).toBe(before);

  await page.click('[data-testid=tab-settings]');
  await page.click('[data-testid=template]');
  await page.waitForSelector('[data-testid=message] >> text=培训登记模板');
  const template = await (await wb(page)).evaluate((w) => w.sheets.find((s) => s.name === '培训登记模板'));
  expect(template!.rows[0]).toEqual(expect.arrayContaining(['身份证号', '培训层次', '培训方式', '学时', '成绩']));
  expect(template!.validations.length).toBeGreaterThanOrEqual(3);
  // the summary's cycle table holds the teachers' IDs as text, every digit kept
  const firstId = await (
    await wb(page)
  ).evaluate((w) => {
    const s = w.sheets.find((x) => x.name === '学分汇总')!;
    return s.rows[s.tables[0]!.r + 1]![0];
  });
  expect(firstId).toMatch(/^\d{17}[\dX]$/);
  // every round trip of the session stayed far under Excel on the web's 5 MB
  const batches = await (await wb(page)).evaluate((w) => w.batches);
  expect(batches.length).toBeGreaterThan(10);
  for (const b of batches) expect(Math.max(b.requestBytes, b.responseBytes)).toBeLessThan(1024 * 1024);
  await shot(page, 'pane-settings', true);
  expect(p.errors).toEqual([]);
  expect(p.external).toEqual([]);
  await page.context().close();
}, 120_000);

test('校验本表 stays on screen after choosing any region; after validating, the tabs are on screen', async () => {
  const p = await openPreview();
  const { page } = p;
  for (const region of REGIONS) {
    // the region's own sample sheet is the active one, as a user would have it
    await (await wb(page)).evaluate((w, name) => (w.active = name), sheetOf(region));
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await chooseRegion(page, region);
    await page.waitForSelector(`[data-testid=bar-sheet] >> text=${sheetOf(region)}`);
    expect(await onScreen(page, '[data-testid=validate]')).toBe(true);
    expect(await page.textContent('[data-testid=bar-region]')).toBe(RULES[region].name.zh);
    // however far the form is scrolled (overrides, as-of date), the sticky bar keeps the button in view
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    expect(await onScreen(page, '[data-testid=validate]')).toBe(true);
    await shot(page, `pane-02-region-${region}`);
    await validate(page);
    await page.waitForSelector('[data-testid=as-of-shown]');
    expect(await onScreen(page, '[data-testid=tab-issues]')).toBe(true);
    expect(await onScreen(page, '[data-testid=tab-teachers]')).toBe(true);
    expect(await count(page, 'count-errors')).toBe(expected(region).summary.errors);
    await shot(page, `pane-03-validated-${region}`);
  }
  expect(p.errors).toEqual([]);
  await page.context().close();
}, 180_000);

test('what to fix first: plain titles, the mistyped ID one item naming its teacher, rule gaps one line each', async () => {
  const p = await openPreview();
  const { page } = p;
  await chooseRegion(page, 'hainan');
  await validate(page);
  const report = expected();
  const groups = groupIssues(issueItems(report));
  await unfoldAll(page);
  await shot(page, 'pane-05-fix-first', true);

  // every heading is a catalogue title; no internal code anywhere on the page
  const titles = await page.locator('[data-testid=group-title]').allTextContents();
  expect(titles).toEqual(groups.filter((g) => !g.gap).map((g) => g.title.zh));
  const text = (await page.textContent('body'))!;
  for (const code of ISSUE_CODES) expect(text).not.toContain(code);

  // the mistyped ID: one entry on all its rows, naming the teacher, the ID masked
  const id = groups.find((g) => g.code === 'ID_INVALID')!;
  const group = page.locator('[data-testid=issue-group]', { hasText: ISSUES.ID_INVALID.title.zh });
  await expect(group.locator('[data-testid=issue-entry]').count()).resolves.toBe(1);
  const who = (await group.locator('[data-testid=entry-who]').textContent())!;
  const entry = id.entries[0]!;
  expect(who).toContain(entry.teacherName!);
  expect(who).toContain(maskId(entry.value!));
  expect(who).toContain(`${new Set(entry.items.map((i) => i.row)).size} 行`);
  expect(who).not.toContain(entry.value!);

  // the gaps of the rules: one line per parameter, with the records counted and the setting named
  const gapEntries = groups.filter((g) => g.gap).flatMap((g) => g.entries);
  const lines = page.locator('[data-testid=gap]');
  await expect(lines.count()).resolves.toBe(gapEntries.length);
  expect(gapEntries.length).toBeLessThanOrEqual(3);
  const gapText = (await lines.allTextContents()).join('\n');
  const undefinedRecords = new Set(
    report.records.filter((r) => r.issues.some((i) => i.code === 'RULE_UNDEFINED')).map((r) => r.row),
  ).size;
  const counted = [...gapText.matchAll(/(\d+) 条记录未计学分/g)].reduce((a, m) => a + Number(m[1]), 0);
  expect(counted).toBe(undefinedRecords);
  expect(gapText).toContain('原文未给出 校级培训每天学分（dayCredits.school）。在“设置”中填写后重新校验');
  // its button opens that very setting, focused
  await page.click('[data-testid="gap-setting-dayCredits.school"]');
  await page.waitForFunction(
    () => (document.activeElement as HTMLElement | null)?.dataset.testid === 'override-dayCredits.school',
  );
  expect(await onScreen(page, '[data-testid="override-dayCredits.school"]')).toBe(true);
  await shot(page, 'pane-06-gap-setting');

  // filters: errors only; one teacher
  await page.click('[data-testid=tab-issues]');
  await page.click('[data-testid=filter-error]');
  await expect(page.locator('[data-testid=gap]').count()).resolves.toBe(0);
  const errorGroups = await page
    .locator('[data-testid=issue-group]')
    .evaluateAll((x) => x.map((e) => e.getAttribute('data-severity')));
  expect(new Set(errorGroups)).toEqual(new Set(['error']));
  await page.click('[data-testid=filter-all]');
  await page.selectOption('[data-testid=filter-teacher]', entry.teacherId!);
  const entries = await page.locator('[data-testid=entry-who]').allTextContents();
  expect(entries.length).toBeGreaterThan(0);
  for (const e of entries) expect(e).toContain(entry.teacherName!);
  // keyboard: an entry is a button; Enter selects the cell, 下一处 moves on
  await page.selectOption('[data-testid=filter-teacher]', '');
  await group.locator('[data-testid=issue]').focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=selected]');
  expect(await page.textContent('[data-testid=selected]')).toMatch(/第 1\/\d+ 处/);
  const first = await (await wb(page)).evaluate((w) => w.selection);
  await page.click('[data-testid=next]');
  await page.waitForSelector('[data-testid=selected] >> text=/第 2\\//');
  const second = await (await wb(page)).evaluate((w) => w.selection);
  expect(second!.row).toBeGreaterThan(first!.row);
  expect(second!.col).toBe(first!.col);
  expect(p.errors).toEqual([]);
  await page.context().close();
}, 120_000);

test('“改为 省级” changes exactly one cell, only on its click, and its undo restores it', async () => {
  const p = await openPreview();
  const { page } = p;
  await chooseRegion(page, 'hainan');
  await validate(page);
  const before = await sheetRows(page, '海南样例');
  const entry = page.locator('[data-testid=issue-entry]', { hasText: '省集' });
  await entry.locator('[data-testid=issue]').click();
  await page.waitForSelector('[data-testid=fix]');
  // selecting the cell changed nothing
  expect(await sheetRows(page, '海南样例')).toEqual(before);
  expect(await page.textContent('[data-testid=fix]')).toBe('改为 省级');
  await shot(page, 'pane-08-suggestion');
  await page.click('[data-testid=fix]');
  await page.waitForSelector('[data-testid=fixed]');
  const after = await sheetRows(page, '海南样例');
  const changed: Array<[number, number, unknown, unknown]> = [];
  after.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v !== before[i]?.[j]) changed.push([i, j, before[i]?.[j], v]);
    }),
  );
  expect(changed).toHaveLength(1);
  expect(changed[0]![2]).toBe('省集');
  expect(changed[0]![3]).toBe('省级');
  expect(await page.textContent('[data-testid=changes]')).toContain('省集');
  await shot(page, 'pane-09-fixed');
  // validating again: the level is no longer a problem, and the undo is still there
  await validate(page);
  await expect(page.locator('[data-testid=issue-entry]', { hasText: '省集' }).count()).resolves.toBe(0);
  await page.click('[data-testid=undo]');
  await page.waitForSelector('[data-testid=message] >> text=已恢复');
  expect(await sheetRows(page, '海南样例')).toEqual(before);
  await expect(page.locator('[data-testid=changes]').count()).resolves.toBe(0);
  expect(p.errors).toEqual([]);
  await page.context().close();
}, 120_000);

test('为什么: a record’s steps and a verdict’s conditions, with the article in full and the rules shipped', async () => {
  const p = await openPreview();
  const { page } = p;
  await chooseRegion(page, 'hainan');
  await validate(page);
  // the list names the document by its kind; the full title waits in the why view
  await unfoldAll(page);
  const mismatch = page.locator('[data-testid=issue-entry]', { hasText: '登记学分' });
  expect(await mismatch.textContent()).toContain('办法 第十四条第3项');
  expect(await mismatch.textContent()).not.toContain('海南省中小学教师培训学分管理实施办法');
  await mismatch.locator('[data-testid=issue]').click();
  await mismatch.locator('[data-testid=why]').click();
  await page.waitForSelector('[data-testid=why-steps]');
  await page.waitForTimeout(400);
  const steps = (await page.textContent('[data-testid=why-view]'))!;
  expect(steps).toContain('《海南省中小学教师培训学分管理实施办法（2017）》第十四条第3项');
  expect(steps).toContain('R-HN1');
  expect(await page.getAttribute('[data-testid=rules-link]', 'href')).toBe('rules.html#region-hainan');
  await shot(page, 'pane-10-why-record');
  await page.click('[data-testid=why-close]');

  await page.click('[data-testid=tab-teachers]');
  await page.click('[data-testid=why-cycle] >> nth=0');
  await page.waitForSelector('[data-testid=why-conditions]');
  await page.waitForTimeout(400);
  const why = (await page.textContent('[data-testid=why-view]'))!;
  expect(why).toContain('未达到');
  expect(why).toContain('第九条');
  expect(why).toContain('原文');
  await shot(page, 'pane-11-why-cycle');
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-testid=why-view]').count()).resolves.toBe(0);
  // a year's badge is a button with its state in words; it opens the year's why
  const year = page.locator('[data-testid=year]').first();
  expect(await year.textContent()).toMatch(/\d{4} (合格|不合格|进行中|待定|不考核)/);
  await year.click();
  await page.waitForSelector('[data-testid=why-verdict]');
  await page.keyboard.press('Escape');

  // the rules page is shipped, with a section per region and the other pages' CSP
  const rules = await page.request.get(`${server.url}/rules.html`);
  const html = await rules.text();
  for (const r of REGIONS) expect(html).toMatch(new RegExp(`id="?region-${r}"?`));
  expect(html).toContain("default-src 'self'");
  expect(html).not.toMatch(/<script/i);
  expect(p.errors).toEqual([]);
  await page.context().close();
}, 120_000);

test('in English: no Chinese chrome or message text (the workbook’s names and quoted values aside)', async () => {
  const p = await openPreview();
  const { page } = p;
  await chooseRegion(page, 'hainan');
  await validate(page);
  await page.click('[data-testid=lang]');
  await unfoldAll(page);
  await page.locator('[data-testid=issue]').first().click();
  expect(await chineseLeft(page)).toEqual([]);
  await shot(page, 'pane-12-issues-en', true);
  await page.click('[data-testid=tab-teachers]');
  await page.click('[data-testid=filter-all]');
  expect(await chineseLeft(page)).toEqual([]);
  for (const target of ['[data-testid=why-cycle] >> nth=0', '[data-testid=year] >> nth=0']) {
    await page.click(target);
    await page.waitForSelector('[data-testid=why-view]');
    await page.waitForTimeout(300);
    expect(await chineseLeft(page)).toEqual([]);
    await page.keyboard.press('Escape');
  }
  await page.click('[data-testid=tab-issues]');
  await unfoldAll(page);
  await page
    .locator('[data-testid=issue-entry]', { hasText: 'entered credits' })
    .locator('[data-testid=issue]')
    .click();
  await page.click('[data-testid=why]');
  await page.waitForSelector('[data-testid=why-steps]');
  await page.waitForTimeout(300);
  expect(await chineseLeft(page)).toEqual([]);
  await shot(page, 'pane-13-why-en');
  await page.keyboard.press('Escape');
  await page.click('[data-testid=tab-settings]');
  expect(await chineseLeft(page)).toEqual([]);
  await page.click('[data-testid=edit-settings]');
  await page.click('[data-testid=diagnostics-toggle]');
  await page.click('[data-testid=diagnostics-toggle]');
  expect(await chineseLeft(page)).toEqual([]);
  // a message given in Chinese switches with the language (it is kept in both)
  await page.click('[data-testid=lang]');
  await page.click('[data-testid=save]');
  await page.waitForSelector('[data-testid=message] >> text=设置已保存');
  await page.click('[data-testid=lang]');
  expect(await page.textContent('[data-testid=message]')).toContain('Settings saved');
  await shot(page, 'pane-14-settings-en', true);
  // the check itself: a Chinese word in the English chrome is found, the same word marked as a name is not
  await page.evaluate(() => {
    const bar = document.querySelector('[data-testid=bar-region]')!;
    bar.append(' 海南');
    const name = document.createElement('span');
    name.lang = 'zh-CN';
    name.textContent = '海南样例';
    bar.append(name);
  });
  expect(await chineseLeft(page)).toEqual(['海南']);
  expect(p.errors).toEqual([]);
  await page.context().close();
}, 120_000);

test('an override shows in the pane and in the summary sheet; the cycle field takes what people type', async () => {
  const p = await openPreview();
  const { page } = p;
  await chooseRegion(page, 'hainan');
  for (const ok of ['2019年', '２０１９', '2019-2023', ' 2019 ']) {
    await page.fill('[data-testid=cycle]', ok);
    await expect(page.locator('text=填四位年份，如 2019').count()).resolves.toBe(0);
    expect(await page.isDisabled('[data-testid=validate]')).toBe(false);
  }
  await page.fill('[data-testid=cycle]', '二〇一九');
  await page.waitForSelector('text=填四位年份，如 2019');
  expect(await page.isDisabled('[data-testid=validate]')).toBe(true);
  expect(await page.textContent('[data-testid=validate-why]')).toContain('周期起始年');
  expect(await page.isDisabled('[data-testid=save]')).toBe(true);
  expect(await page.textContent('[data-testid=save-why]')).toBeTruthy();
  await shot(page, 'pane-15-cycle-invalid');
  await page.fill('[data-testid=cycle]', '');
  await page.fill('[data-testid="override-dayCredits.school"]', '0.5');
  await validate(page);
  const note = (await page.textContent('[data-testid=overrides-note]'))!;
  expect(note).toContain('本结果使用了本地数值（非原文）');
  expect(note).toContain('0.5');
  // the value decided those records: no gap line for it any more
  expect(await page.locator('[data-testid=gaps]').textContent()).not.toContain('dayCredits.school');
  expect(await count(page, 'count-warnings')).toBe(expected('hainan', { 'dayCredits.school': 0.5 }).summary.warnings);
  await page.click('[data-testid=tab-settings]');
  expect(await page.textContent('[data-testid=settings-summary]')).toContain('本地数值');
  await page.click('[data-testid=tab-issues]');
  await page.click('[data-testid=summary]');
  await page.waitForSelector('[data-testid=message] >> text=学分汇总');
  const rows = await sheetRows(page, '学分汇总');
  expect(String(rows[1]![0])).toMatch(/^截至 \d{4}-\d{2}-\d{2} · 周期 /);
  expect(String(rows[2]![0])).toBe(note.trim());
  await shot(page, 'pane-16-override');
  expect(p.errors).toEqual([]);
  await page.context().close();
}, 120_000);

test('export: the issue list on a new sheet, never over an existing one', async () => {
  const p = await openPreview();
  const { page } = p;
  // a sheet of the user's already has the name the export would take
  await (
    await wb(page)
  ).evaluate((w) => {
    w.sheets.push({
      name: '问题清单',
      rows: [['我的笔记']],
      formats: new Map(),
      cfs: [],
      merges: [],
      visibility: 'Visible',
      charts: [],
      tables: [],
      validations: [],
      frozenRows: 0,
      formulas: new Map(),
    } as unknown as MemSheet);
  });
  await chooseRegion(page, 'hainan');
  await validate(page);
  await page.click('[data-testid=export]');
  await page.waitForSelector('[data-testid=message] >> text=问题清单 (2)');
  expect(await sheetRows(page, '问题清单')).toEqual([['我的笔记']]);
  const rows = await sheetRows(page, '问题清单 (2)');
  const top = rows.findIndex((r) => r?.[0] === '级别');
  const head = rows[top]!;
  expect(head).toEqual([
    '级别',
    '教师',
    '身份证号',
    '工作表',
    '行',
    '单元格',
    '问题',
    '原因',
    '值',
    '依据',
    '怎么改',
    '代码',
  ]);
  const at = (name: string) => head.indexOf(name);
  const body = rows.slice(top + 1).filter((r) => r?.some((v) => v !== ''));
  const report = expected();
  expect(body).toHaveLength(issueItems(report).length);
  const id = body.find((r) => r[at('问题')] === ISSUES.ID_INVALID.title.zh)!;
  expect(id[at('工作表')]).toBe('海南样例');
  expect(id[at('单元格')]).toBe(`C${id[at('行')]}`);
  expect(id[at('怎么改')]).toBe(ISSUES.ID_INVALID.fix.zh);
  // errors first, as in the pane
  expect(body[0]![0]).toBe('错误');
  expect(p.errors).toEqual([]);
  await page.context().close();
}, 120_000);

test('overrides are validated as they are typed and saved in the workbook', async () => {
  const p = await openPreview();
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
  const props = await (await wb(page)).evaluate((w) => Object.fromEntries(w.properties));
  expect(props).toEqual({
    'CPD.region': 'hainan',
    'CPD.cycleStart': '2019',
    'CPD.overrides': '{"dayCredits.school":0.5}',
  });
  // once saved, the settings fold into one line with 修改
  expect(await page.textContent('[data-testid=settings-summary]')).toContain('周期 2019–2023');
  await expect(page.locator('[data-testid=settings-form]').count()).resolves.toBe(0);
  await page.context().close();
}, 60_000);

test('stand-in Excel: the ribbon’s one-click validation, then the pane on the result', async () => {
  const p = await open(browser, `${server.url}/taskpane.html?host=Excel&excel=memory&lang=en-US`, { viewport: VIEW });
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
  expect(await count(page, 'count-errors')).toBe(expected().summary.errors);
  expect(await page.textContent('[data-testid=tab-issues]')).toContain('Issues');
  expect(await onScreen(page, '[data-testid=tab-issues]')).toBe(true);
  await shot(page, 'excel-ribbon-en', true);
  expect(p.errors).toEqual([]);
  expect(p.external).toEqual([]);
  await page.context().close();
}, 120_000);
