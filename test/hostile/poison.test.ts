// Names that are members of Object.prototype — "constructor", "toString", "hasOwnProperty", "__proto__" —
// typed into --set, a --overrides file, the workbook's CPD.overrides, or a cell, are names like any other:
// a plain error listing the parameters that can be overridden, or ordinary text; never a crash, never a
// value silently ignored, never "Cannot read properties of undefined" from a custom function.
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import * as logic from '../../src/functions/logic';
import { parseSettings } from '../../src/present/settings';
import { setLangFromLocale, setSettings } from '../../src/runtime/state';
import { checkOverrides, parseOverrides } from '../../src/rules/params';
import { RULES } from '../../src/rules';
import { sheetData, sheetXml, xlsx } from './build';
import { csv, rosterRows } from './run';

const MEMBERS = ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf', 'isPrototypeOf'];

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (s) => (out += s), err: (s) => (err += s), isTTY: false, env: {} });
  return { code, out, err };
}

const plain = (r: { code: number; err: string }, key: string) => {
  expect(r.code).toBe(2);
  expect(r.err).not.toContain('内部错误');
  expect(r.err).not.toContain('Cannot read');
  expect(r.err).toContain(`没有名为「${key}」的参数`);
  // the parameters the region accepts, named
  expect(r.err).toContain('dayCredits.school');
};

let dir: string;
let roster: string;
beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'cpd-poison-'));
  roster = path.join(dir, 'roster.csv');
  await fsp.writeFile(roster, csv(rosterRows(10)));
});
afterAll(() => fsp.rm(dir, { recursive: true, force: true }));

describe.each(MEMBERS)('%s', (key) => {
  test('as --set: a plain error naming the accepted parameters', async () => {
    plain(await cli(['check', roster, '--region', 'hainan', '--set', `${key}=1`]), key);
    plain(
      await cli(['credits', '--region', 'hainan', '--hours', '24', '--mode', '集中培训', '--set', `${key}=1`]),
      key,
    );
  });

  test('in an --overrides file', async () => {
    const f = path.join(dir, `${key}.json`);
    await fsp.writeFile(f, `{"${key}": 1}`);
    plain(await cli(['check', roster, '--region', 'hainan', '--overrides', f]), key);
  });

  test("in the workbook's CPD.overrides", async () => {
    const f = path.join(dir, `${key}.xlsx`);
    await fsp.writeFile(
      f,
      xlsx([{ name: '名册', xml: sheetXml(sheetData(rosterRows(10))) }], {
        props: { 'CPD.region': 'hainan', 'CPD.overrides': `{"${key}": 1}` },
      }),
    );
    plain(await cli(['check', f]), key);
  });

  test('as a cell value: ordinary text (an unknown mode or level, a name, a school)', async () => {
    const rows = rosterRows(4);
    const h = rows[0]!;
    rows[1]![h.indexOf('培训方式')] = key;
    rows[2]![h.indexOf('培训层次')] = key;
    rows[3]![h.indexOf('姓名')] = key;
    rows[3]![h.indexOf('学校')] = key;
    rows[4]![h.indexOf('成绩')] = key;
    const f = path.join(dir, `cells-${key}.csv`);
    await fsp.writeFile(f, csv(rows));
    const r = await cli(['check', f, '--region', 'hainan', '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as {
      records: Array<{ row: number; name: string | null; school: string | null; issues: Array<{ code: string }> }>;
    };
    const at = (row: number) => report.records.find((x) => x.row === row)!;
    expect(at(2).issues.map((i) => i.code)).toContain('MODE_UNKNOWN');
    expect(at(3).issues.map((i) => i.code)).toContain('LEVEL_UNKNOWN');
    expect(at(5).issues.map((i) => i.code)).toContain('GRADE_UNKNOWN');
    expect(r.out).toContain(`"${key}"`);
  });

  test('in the settings and the checker: kept as a key, and refused by name', () => {
    const o = parseOverrides(JSON.parse(`{"${key}": 1, "dayCredits.school": 0.5}`))!;
    expect(Object.keys(o).sort()).toEqual([key, 'dayCredits.school'].sort());
    const { settings } = parseSettings({ 'CPD.overrides': `{"${key}": 1}` });
    expect(Object.keys(settings.overrides!)).toEqual([key]);
    expect(checkOverrides(RULES.hainan.params, o).map((p) => p.key)).toEqual([key]);
  });

  test('custom functions answer with a message, not "Cannot read properties of undefined"', () => {
    setLangFromLocale('zh-CN');
    logic.clearCache();
    setSettings({ region: 'hainan', overrides: parseOverrides(JSON.parse(`{"${key}": 1}`))! });
    let message = '';
    try {
      logic.creditsValue(24, '省级', '集中培训', null, null, null);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain(key);
    expect(message).not.toContain('Cannot read');
    // and a poisoned word as an argument is an unknown value, said as such
    setSettings({ region: 'hainan' });
    logic.clearCache();
    try {
      logic.creditsValue(24, key, '集中培训', null, null, null);
      message = '';
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('不是可识别的培训层次');
    setSettings({});
  });
});
