// Typed registries (issue 8): a region's parameter keys are typed from its table and its record facts
// from its own interface, so a typo does not compile. `npm run lint` type-checks this file with tsc:
// every `@ts-expect-error` line below must fail to compile, or tsc reports the directive as unused and
// the check fails. The run-time half shows the same mistakes are refused when they get past the types.
import { Params } from '../../src/rules/params';
import { RULES } from '../../src/rules';
import { params as hainan } from '../../src/rules/hainan';
import { params as puer } from '../../src/rules/puer';
import { params as qitai } from '../../src/rules/qitai';
import type { Level } from '../../src/core/vocabulary';

const hn = new Params(hainan);
const pe = new Params(puer);
const qt = new Params(qitai);

describe('parameter keys are typed from the region’s table', () => {
  test('a key of the table compiles, and so does a template key the table has for every level', () => {
    expect(hn.use('dayCredits.school').key).toBe('dayCredits.school');
    const level = 'national' as Level;
    expect(hn.use(`dayCredits.${level}`).value).toBe(2);
    expect(pe.num(`lecture.${level}`)).toBe(10);
  });

  test('a mistyped key does not compile (and is refused at run time)', () => {
    // @ts-expect-error: dayCredit (singular) names no parameter of hainan's table
    expect(() => hn.use('dayCredit.school')).toThrow(/unknown parameter/);
    // @ts-expect-error: projectcap — keys are case-sensitive
    expect(() => hn.num('projectcap')).toThrow(/unknown parameter/);
    // @ts-expect-error: a key of shandong's table, not hainan's
    expect(() => hn.def('schoolBasedCycleCap')).toThrow(/unknown parameter/);
  });

  test('a template key for a level the table lacks does not compile', () => {
    const level = 'school' as Level;
    // @ts-expect-error: 第十三条第3项 rates events from county level up: puer has no eventRate.school
    expect(() => pe.use(`eventRate.${level}`)).toThrow(/unknown parameter/);
    // @ts-expect-error: 第十一条第1项 gives school-level centralized training no range
    expect(() => pe.num(`rate.centralized.${level}.min`)).toThrow(/unknown parameter/);
    const grade = 'fail' as 'fail' | 'good';
    // @ts-expect-error: 第十一条第3项 gives a failed training no coefficient
    expect(() => pe.use(`perf.${grade}`)).toThrow(/unknown parameter/);
  });

  test('a key built from run-time values is checked with has() before use', () => {
    const built: string = ['bonus', 'low', 'pass'].join('.');
    // @ts-expect-error: a string is not a key until has() says so
    expect(() => qt.use(built)).toThrow(/unknown parameter/);
    expect(qt.has(built)).toBe(false); // 五(二)2 rewards no pass below the autonomous region
    const other = 'bonus.high.pass';
    expect(qt.has(other) && qt.use(other).value).toBe(0.05);
  });
});

describe('record facts are typed per region', () => {
  test('a region reads its own facts; another region’s do not compile', () => {
    expect(RULES.hainan.blankFacts.schoolLevel).toBe(false);
    expect(RULES.qitai.blankFacts.bucket).toBeUndefined();
    // @ts-expect-error: bucket is qitai's fact, not hainan's
    expect(RULES.hainan.blankFacts.bucket).toBeUndefined();
    // @ts-expect-error: schoolLevl is no fact of hainan's
    expect(RULES.hainan.blankFacts.schoolLevl).toBeUndefined();
  });

  test('a region’s day-hours key is one of its own parameters', () => {
    const key = RULES.puer.dayHoursKey('centralized');
    expect(key).toBe('dayHours');
    if (key) expect(new Params(puer).num(key)).toBe(6);
  });
});
