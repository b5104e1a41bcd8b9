// The functions module as Excel calls it (its exports, with a CustomFunctions
// stand-in), around the workbook's settings: before they are read a call returns a
// promise that settles with them, or after SETTINGS_WAIT_MS with #N/A saying so —
// never a hang. Error values among the arguments (allowErrorForDataTypeAny) are named.
// And which formulas the settings recalculation picks.
class CFError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: CFError,
  ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!' },
  associate: () => undefined,
};

import { RULES } from '../../src/rules';
import * as f from '../../src/functions/functions';
import * as state from '../../src/runtime/state';
import { errorCode, rangeError, scalarError } from '../../src/functions/cells';
import { callsNamespace } from '../../src/taskpane/excel/recalc';
import { computeCredits } from '../../src/engine/api';
import { t } from '../../src/core/text';

const settle = (p: unknown) =>
  Promise.resolve(p).then(
    (value) => ({ value }),
    (e: CFError) => ({ error: e.code, message: e.message }),
  );

describe('before the settings are read', () => {
  afterEach(() => jest.useRealTimers());

  test('a call returns a promise that answers with the settings once they arrive', async () => {
    expect(state.settingsKnown()).toBe(false);
    const pending = f.credits(30, '县级', '主讲', null, null, null);
    const region = f.region();
    expect(pending).toBeInstanceOf(Promise);
    // functions that need no settings answer at once
    expect(f.idValid('11010519491231002X')).toBe(true);
    state.setSettings({ region: 'shandong' });
    expect(await settle(pending)).toEqual({
      value: computeCredits({ rules: RULES.shandong, hours: 30, level: '县级', mode: '主讲' }).credits,
    });
    expect(await settle(region)).toEqual({ value: 'shandong' });
    // from now on, values without a promise
    expect(f.credits(30, '县级', '主讲', null, null, null)).toBe(
      computeCredits({ rules: RULES.shandong, hours: 30, level: '县级', mode: '主讲' }).credits,
    );
    expect(state.someoneWaitedOut()).toBe(false);
  });
});

describe('settings that never arrive', () => {
  test('give #N/A with a message after SETTINGS_WAIT_MS, never a hang; CPD.VERSION still answers', async () => {
    jest.resetModules();
    jest.useFakeTimers();
    const fresh = (await import('../../src/functions/functions')) as typeof f;
    const freshState = (await import('../../src/runtime/state')) as typeof state;
    freshState.setLangFromLocale('zh-CN');
    const pending = settle(fresh.cycleCredits([[2019, '县级', '集中培训', 72, '合格']], 'zhengzhou', 2019));
    const version = settle(fresh.version());
    jest.advanceTimersByTime(freshState.SETTINGS_WAIT_MS - 1);
    await Promise.resolve();
    expect(freshState.someoneWaitedOut()).toBe(false);
    jest.advanceTimersByTime(1);
    const r = await pending;
    expect(r).toEqual({
      error: '#N/A',
      message: expect.stringContaining(`${freshState.SETTINGS_WAIT_MS / 1000} 秒内未能读取本工作簿的设置`),
    });
    expect(freshState.someoneWaitedOut()).toBe(true);
    const rows = new Map(((await version) as { value: Array<[string, string]> }).value);
    expect(rows.get('工作簿设置')).toBe('尚未读取');
    jest.useRealTimers();
  });
});

describe('error values as arguments', () => {
  beforeAll(() => {
    state.setSettings({ region: 'hainan' });
    state.setLangFromLocale('en-US');
  });
  afterAll(() => state.setLangFromLocale('zh-CN'));

  test.each([
    [new CFError('#N/A'), '#N/A'],
    [{ type: 'Error', basicValue: '#DIV/0!', errorType: 'Div0' }, '#DIV/0!'],
    [{ type: 'Error', errorType: 'Value' }, '#Value'],
    ['#N/A', undefined], // text, left to the engine
    [{ code: 'x' }, undefined],
    [[[new CFError('#N/A')]], undefined], // a range is not itself an error
  ])('errorCode(%p) = %p', (v, code) => {
    expect(errorCode(v)).toBe(code);
  });

  test('a headed range names the field from its header; an error in the header row says so', () => {
    const range = [
      ['学时', '年度', '培训方式'],
      [72, 2019, '集中培训'],
      [new CFError('#NUM!'), 2020, '集中培训'],
    ];
    expect(rangeError(range)).toEqual({
      code: '#VALUE!',
      text: t(
        '区域第 3 行第 1 列（学时）是错误值 #NUM!；请先修正该单元格',
        'row 3, column 1 of the range (hours) holds the error #NUM!; fix that cell first',
      ),
    });
    const header = [
      ['学时', new CFError('#REF!'), '培训方式'],
      [72, 2019, '集中培训'],
      [1, new CFError('#N/A'), 2],
    ];
    expect(rangeError(header)!.text.zh).toBe(
      '区域第 1 行第 2 列（表头）是错误值 #REF!（区域中共有 2 个错误值）；请先修正该单元格',
    );
    expect(
      rangeError([
        [1, 2],
        [3, 4],
      ]),
    ).toBeUndefined();
  });

  test('a scalar argument that is an error is named, in English for an English Office', () => {
    expect(scalarError([[t('学时', 'hours'), [[new CFError('#N/A')]]]])).toEqual({
      code: '#N/A',
      text: t('参数「学时」是错误值 #N/A', 'the argument "hours" is the error #N/A'),
    });
    const r = (() => {
      try {
        return f.credits(24, new CFError('#NAME?'), '集中培训', null, null, null);
      } catch (e) {
        return { error: (e as CFError).code, message: (e as CFError).message };
      }
    })();
    expect(r).toEqual({ error: '#VALUE!', message: 'the argument "level" is the error #NAME?' });
  });
});

describe('which formulas a settings change recalculates', () => {
  test.each([
    ['=CPD.CREDITS(24,"省级","集中培训")', 'CPD', true],
    ['=cpd.region()', 'CPD', true],
    ['=IF(A1>0,CPD.CYCLE_PASS(A2:H9),"")', 'CPD', true],
    ['=SUM(A1:A3)', 'CPD', false],
    ['=MYCPD.X(1)', 'CPD', false],
    ['="CPD.CREDITS is a function"', 'CPD', false],
    ['=CPDDEV.CREDITS(24,"省级","集中培训")', 'CPD', false],
    ['=CPDDEV.CREDITS(24,"省级","集中培训")', 'CPDDEV', true],
    ['CPD.CREDITS', 'CPD', false], // text, not a formula
    [42, 'CPD', false],
  ])('%p calls %s: %p', (formula, ns, expected) => {
    expect(callsNamespace(formula, ns)).toBe(expected);
  });
});
