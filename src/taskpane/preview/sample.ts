// The standalone preview's workbook: the bundled sample rosters, one sheet each, in
// an in-memory Excel. Nothing is saved; nothing leaves the page.
import { computeCredits } from '../../engine/api';
import { REGIONS, RULES } from '../../rules';
import { generate } from '../../samples/generate';
import { memoryWorkbook, MemoryWorkbook, newSheet } from './memory-excel';

export function sampleWorkbook(): MemoryWorkbook {
  const sheets = REGIONS.map((region) => {
    const s = generate(region, {
      computeCredits: (r) =>
        computeCredits({
          rules: RULES[region],
          hours: r['学时'] ?? r['培训学时'],
          level: r['培训层次'],
          mode: r['培训方式'],
          grade: r['成绩'],
          rate: r['项目学分'],
          months: r['月数'],
          award: r['获奖'],
          category: r['课程类别'],
        }).credits,
    });
    const sheet = newSheet(
      `${RULES[region].spellings[0]}样例`,
      s.rows.map((r) => r.map((v) => (v === null ? '' : v))),
    );
    sheet.merges.push({ r: 0, c: 0, nr: 1, nc: (s.rows[1] ?? []).length });
    return sheet;
  });
  return memoryWorkbook(sheets);
}
