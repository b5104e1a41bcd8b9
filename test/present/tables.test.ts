import { unusedName } from '../../src/present/tables';

// One rule for every sheet the pane or a copy adds: Excel refuses a name that differs from a taken one
// only by case, so the comparison ignores case.
test.each([
  [[], '学分汇总', '学分汇总'],
  [['学分汇总'], '学分汇总', '学分汇总 (2)'],
  [['学分汇总', '学分汇总 (2)'], '学分汇总', '学分汇总 (3)'],
  [['cpd summary'], 'CPD summary', 'CPD summary (2)'],
  [['CPD SUMMARY (2)', 'cpd summary'], 'CPD summary', 'CPD summary (3)'],
  [['Other'], 'CPD summary', 'CPD summary'],
])('taken %j, wanted %s → %s', (taken, base, name) => {
  expect(unusedName(taken, base)).toBe(name);
});
