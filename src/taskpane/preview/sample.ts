// The standalone preview's workbook: the bundled sample rosters, one sheet each, in
// an in-memory Excel. Nothing is saved; nothing leaves the page.
import { REGIONS, RULES } from '../../rules';
import { generate, sampleCredits } from '../../samples/generate';
import { memoryWorkbook, MemoryWorkbook, newSheet } from './memory-excel';

export function sampleWorkbook(): MemoryWorkbook {
  const sheets = REGIONS.map((region) => {
    const s = generate(region, {
      computeCredits: sampleCredits(region),
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
