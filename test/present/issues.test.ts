// What to fix first (present/issues.ts): the hainan sample's problems grouped by kind, one entry per
// value and teacher, the gaps of the rules as one line per parameter; and the overrides note.
import * as path from 'path';
import { run } from '../../src/cli/main';
import { type Report } from '../../src/engine/report';
import { ReportSchema } from '../../src/engine/report-schema';
import { groupIssues, issueItems } from '../../src/present/issues';
import { overridesNote } from '../../src/present/overrides';
import { aboutTable } from '../../src/present/results';

async function report(...args: string[]): Promise<Report> {
  let out = '';
  await run(['check', path.join(__dirname, '..', '..', 'assets', 'samples', 'hainan.xlsx'), '--json', ...args], {
    out: (s) => (out += s),
    err: () => undefined,
    isTTY: false,
  });
  return ReportSchema.parse(JSON.parse(out));
}

test('the mistyped ID is one entry naming its teacher; errors come first; gaps last, one line per parameter', async () => {
  const r = await report();
  const groups = groupIssues(issueItems(r));
  expect(groups[0]!.severity).toBe('error');
  const id = groups.find((g) => g.code === 'ID_INVALID')!;
  expect(id.title.zh).toBe('身份证号无效');
  expect(id.entries).toHaveLength(1);
  expect(id.entries[0]!.teacherName).toBeTruthy();
  expect(id.entries[0]!.items.length).toBe(id.count);
  expect(id.count).toBeGreaterThan(10);
  const gap = groups.find((g) => g.code === 'RULE_UNDEFINED')!;
  expect(gap.gap).toBe(true);
  // every data problem of the same severity is listed before the gaps of the rules
  const warnings = groups.filter((g) => g.severity === 'warning' && !g.gap);
  expect(warnings.length).toBeGreaterThan(0);
  for (const w of warnings) expect(groups.indexOf(w)).toBeLessThan(groups.indexOf(gap));
  expect(gap.entries.map((e) => e.param).sort()).toEqual(['dayCredits.school', 'mentorshipCredits']);
  expect(gap.entries.reduce((a, e) => a + e.items.length, 0)).toBe(gap.count);
  // every issue is in exactly one entry
  expect(groups.reduce((a, g) => a + g.count, 0)).toBe(issueItems(r).length);
});

test('the unknown level carries the value it clearly means', async () => {
  const r = await report();
  const level = groupIssues(issueItems(r)).find((g) => g.code === 'LEVEL_UNKNOWN')!;
  expect(level.entries[0]!.suggestion).toBe('省级');
});

test('an override is said in words, with the source’s value beside it', async () => {
  expect(overridesNote(await report())).toBeNull();
  const note = overridesNote(await report('--set', 'dayCredits.school=0.5'))!;
  expect(note.zh).toBe('本结果使用了本地数值（非原文）：校级培训每天学分 0.5（原文未规定）');
  expect(note.en).toBe(
    'These results use local values, not the source’s: school-level training, credits per day 0.5 (not defined by the source)',
  );
});

test('the copy’s first result sheet says what the results rest on, and a local value in words', async () => {
  const plain = aboutTable(await report(), 'zh');
  expect(plain.name).toBe('说明');
  expect(plain.rows.find((r) => r[0] === '本地数值')![1]).toBe('无：所有数值均为原文');
  const local = aboutTable(await report('--set', 'mentorshipCredits=2'), 'en');
  expect(String(local.rows.find((r) => r[0] === 'Local values')![1])).toMatch(/^These results use local values/);
  expect(local.rows.find((r) => r[0] === 'As of')![1]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
});
