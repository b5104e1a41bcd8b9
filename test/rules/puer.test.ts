// Table-driven tests of the puer rules: the tables are in cases/puer.ts.
import { RULES } from '../../src/rules';
import { runConversions, runJudgements } from './table';
import { conversions, judgements } from './cases/puer';
import { computeCredits } from '../../src/engine/api';
import { RosterError } from '../../src/engine/engine';

runConversions('puer', conversions);
runJudgements('puer', judgements);

describe('puer: the workbook’s school-based rate (R-PE7) stays within 附件3 六(四)’s 0.5–1', () => {
  // 第十一条第1项: 校本研修项目计0.5-1学分 — an override outside it is refused, not used
  test.each([
    [0.5, 10],
    [1, 20],
    [0.49, null],
    [1.01, null],
  ])('rate.schoolBased = %s: 20 h → %s (null: refused)', (value, credits) => {
    const run = () =>
      computeCredits({ rules: RULES.puer, hours: 20, mode: '校本研修', overrides: { 'rate.schoolBased': value } });
    if (credits !== null) expect(run().credits).toBe(credits);
    else expect(run).toThrow(RosterError);
  });
});
