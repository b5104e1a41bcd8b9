// The custom functions' argument handling, without Excel: empty cells, numbers as
// text, full-width input, ranges with blank rows, FILTER-shaped ranges, defaults.
import * as logic from '../../src/functions/logic';
import { setSettings, setLangFromLocale } from '../../src/runtime/state';

function errorOf(f: () => unknown): { code: string; message: string } {
  try {
    f();
  } catch (e) {
    if (e instanceof logic.FunctionError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected an Excel error');
}

beforeEach(() => {
  setSettings({});
  setLangFromLocale('zh-CN');
  logic.clearCache();
});

describe('CREDITS arguments', () => {
  test.each([
    [24, 4.5],
    ['24', 4.5],
    ['２４', 4.5],
    [' 24 学时 ', 4.5],
    [[[24]], 4.5], // a single-cell range
  ])('hours %p → %p (hainan, 省级, 集中培训)', (hours, expected) => {
    expect(logic.creditsValue(hours, '省级', '集中培训', null, 'hainan', null)).toBe(expected);
  });

  test('an empty hours cell is an error, not 0', () => {
    expect(errorOf(() => logic.creditsValue('', '省级', '集中培训', null, 'hainan', null)).code).toBe('#VALUE!');
    expect(errorOf(() => logic.creditsValue(null, '省级', '集中培训', null, 'hainan', null)).message).toContain('学时');
  });

  test('full-width level and mode, English vocabulary', () => {
    expect(logic.creditsValue(24, 'ｐｒｏｖｉｎｃｉａｌ', 'centralized', null, 'HAINAN', null)).toBe(4.5);
  });

  test('the region comes from the workbook when not given, and is asked for otherwise', () => {
    expect(errorOf(() => logic.creditsValue(24, '省级', '集中培训', null, null, null))).toEqual({
      code: '#N/A',
      message: expect.stringContaining('地区'),
    });
    setSettings({ region: 'shandong' });
    expect(logic.creditsValue(24, '省级', '集中培训', null, null, null)).toBe(24);
    expect(logic.creditsValue(24, '省级', '集中培训', '', '', '')).toBe(24);
  });

  test('workbook overrides apply, and changing them invalidates cached results', () => {
    expect(errorOf(() => logic.creditsValue(8, '校级', '集中培训', null, 'hainan', null)).code).toBe('#N/A');
    setSettings({ region: 'hainan', overrides: { 'dayCredits.school': 0.5 } });
    logic.clearCache();
    expect(logic.creditsValue(8, '校级', '集中培训', null, null, null)).toBe(0.5);
  });

  test('English messages for an English Office', () => {
    setLangFromLocale('en-US');
    expect(errorOf(() => logic.creditsValue(24, '省集', '集中培训', null, 'hainan', null)).message).toContain(
      'nearest',
    );
  });
});

describe('range arguments', () => {
  const rows = [2019, 2020, 2021, 2022, 2023].flatMap((y) => [
    [y, '县级', '集中培训', 52, '合格', ''],
    [y, '校级', '校本研修', 20, '合格', ''],
  ]);
  test('header-less ranges in the documented order, with trailing blank rows (FILTER output)', () => {
    const filtered = [...rows, ['', '', '', '', '', ''], ['', '', '', '', '', '']];
    expect(logic.cyclePass(filtered, 'zhengzhou', 2019)).toBe(true);
    expect(logic.cycleCredits(filtered, 'zhengzhou', 2019)).toBe(360);
  });
  test('blank rows in the middle are skipped', () => {
    const gappy = [...rows.slice(0, 4), ['', '', '', '', '', ''], ...rows.slice(4)];
    expect(logic.cyclePass(gappy, 'zhengzhou', 2019)).toBe(true);
  });
  test('a range with a header row in any order', () => {
    const withHeader = [['学时', '培训方式', '年度', '培训层次'], ...rows.map((r) => [r[3], r[2], r[0], r[1]])];
    expect(logic.cyclePass(withHeader, 'zhengzhou', 2019)).toBe(true);
  });
  test('numbers as text and full-width years', () => {
    const texty = rows.map((r) => [
      String(r[0]).replace(/\d/g, (d) => String.fromCharCode(0xff10 + +d)),
      r[1],
      r[2],
      String(r[3]),
      r[4],
      '',
    ]);
    expect(logic.cyclePass(texty, 'zhengzhou', 2019)).toBe(true);
  });
  test('a bad row is reported with its position, not passed silently', () => {
    const bad = [...rows.slice(0, 3), [2021, '县级', '集中培训', 'abc', '合格', ''], ...rows.slice(3)];
    const e = errorOf(() => logic.cyclePass(bad, 'zhengzhou', 2019));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toContain('第 4 行');
  });
  test('a scalar where a range is expected', () => {
    expect(errorOf(() => logic.cyclePass(42, 'zhengzhou', 2019)).code).toBe('#VALUE!');
  });
  test('two teachers in one range', () => {
    const two = [
      ['教师编号', '年度', '培训方式', '学时'],
      ['A', 2019, '集中培训', 10],
      ['B', 2019, '集中培训', 10],
    ];
    expect(errorOf(() => logic.cyclePass(two, 'zhengzhou', 2019)).message).toContain('FILTER');
  });
  test('the cycle start from the workbook', () => {
    setSettings({ region: 'zhengzhou', cycleStart: 2019 });
    expect(logic.cyclePass(rows, null, null)).toBe(true);
    expect(logic.cycleReport(rows, null, null)).toMatch(/^合格/);
  });
});

test('ID_VALID and CERT_VALID', () => {
  expect(logic.idValid('11010519491231002x')).toBe(true);
  expect(logic.idValid('１１０１０５１９４９１２３１００２Ｘ')).toBe(true);
  expect(errorOf(() => logic.idValid('')).code).toBe('#VALUE!');
  expect(logic.certValid('0707200001')).toBe(true);
  expect(logic.certValid(707200001)).toBe(true);
  expect(logic.certValid('0707200000')).toBe(false);
  // the workbook's region decides whose rules apply: qitai's 附件 has them, hainan's text none
  setSettings({ region: 'qitai' });
  expect(logic.certValid('0707200001')).toBe(true);
  setSettings({ region: 'hainan' });
  const e = errorOf(() => logic.certValid('0707200001'));
  expect(e.code).toBe('#N/A');
  expect(e.message).toContain('证书编号');
});

describe('CYCLE_STATUS and the as-of date', () => {
  // zhengzhou 四: 360 h a cycle, of which 80 school-based; 2022–2026 seen in 2026 is still running
  const rows = [2022, 2023, 2024].flatMap((y) => [
    [y, '县级', '集中培训', 52, '合格', ''],
    [y, '校级', '校本研修', 20, '合格', ''],
  ]);
  test('a running cycle not yet met: CYCLE_PASS is FALSE (not met yet), CYCLE_STATUS says 进行中', () => {
    setSettings({ region: 'zhengzhou', asOf: '2026-12-01' });
    expect(logic.cyclePass(rows, null, 2022)).toBe(false);
    expect(logic.cycleStatus(rows, null, 2022)).toBe('进行中');
    expect(logic.cycleReport(rows, null, 2022)).toMatch(/^进行中：截至 2026-12-01 周期学时还差 144 学时/);
  });
  test('the same records after the cycle ended: 不合格', () => {
    setSettings({ region: 'zhengzhou', asOf: '2027-01-05' });
    expect(logic.cycleStatus(rows, null, 2022)).toBe('不合格');
    expect(logic.cycleReport(rows, null, 2022)).toMatch(/^不合格：周期学时还差 144 学时/);
  });
  test('a met cycle is 合格 whatever the date; English words for an English Office', () => {
    const full = [2019, 2020, 2021, 2022, 2023].flatMap((y) => [
      [y, '县级', '集中培训', 52, '合格', ''],
      [y, '校级', '校本研修', 20, '合格', ''],
    ]);
    setSettings({ asOf: '2026-12-01' });
    expect(logic.cycleStatus(full, 'zhengzhou', 2019)).toBe('合格');
    setLangFromLocale('en-US');
    expect(logic.cycleStatus(rows, 'zhengzhou', 2022)).toBe('in progress');
  });
});
