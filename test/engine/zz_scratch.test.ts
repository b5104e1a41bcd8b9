import { parseNumber, parseYear, parseGrade, parseId, normalizeRow, parseText } from '../../src/engine/normalize';
import { checkTable } from '../../src/engine/engine';
import { computeCredits } from '../../src/engine/api';
import { toReport, ReportSchema } from '../../src/engine/report';
const today = new Date('2026-06-01');
const H = ['身份证号', '姓名', '年度', '项目名称', '培训层次', '培训方式', '学时', '证书编号'];
const show = (x: unknown) => { try { return JSON.stringify(x); } catch (e) { return String(e); } };
test('probe', () => {
  const out: string[] = [];
  for (const v of ['1,5', '3天', '2个月', '3学分', '85分', '1.', '.5', '+3', '-0', '0x10', ' 2 4 ', '２４．５']) out.push(`num ${v} → ${show(parseNumber(v))}`);
  for (const v of [45123, '45123', 2023.5, '2023-2024', '2023.7-12', new Date(2024, 0, 1), '2023年度', '２０２３年', 1989, '2101']) out.push(`year ${String(v)} → ${show(parseYear(v))}`);
  for (const v of ['#N/A', { error: '#N/A' }, '85分', 59.999]) out.push(`grade ${show(v)} → ${show(parseGrade(v))}`);
  for (const v of [110105194912310020, 1.5, -3, Infinity]) out.push(`id ${v} → ${show(parseId(v))}`);
  out.push('text #N/A → ' + show(parseText('#N/A')));
  for (const bad of [{ toString: 1 }, Object.create(null), { error: Object.create(null) }]) {
    try { checkTable([H, ['110105194912310020'.slice(0,17)+'X', 'a', 2024, 'p', '国家级', '集中培训', bad]], { region: 'hainan', today }); out.push('ok'); } catch (e) { out.push('THROW ' + String(e)); }
  }
  // huge
  const r = checkTable([H, ['11010519491231002X', 'a', 2024, 'p', '国家级', '主讲', 1e308], ['11010519491231002X', 'a', 2024, 'p2', '国家级', '主讲', 1e308]], { region: 'shandong', today });
  out.push('huge credits ' + r.records.map((x) => x.conversion.credits).join(',') + ' cycle ' + r.teachers[0]!.cycle.credits);
  out.push('schema ' + ReportSchema.safeParse(toReport(r)).success);
  const q = checkTable([H, ['11010519491231002X', 'a', 2024, 'p', '区级', '集中培训', 40, '#N/A']], { region: 'qitai', today });
  out.push('qitai cert #N/A issues ' + show(q.records[0]!.issues.map((i) => i.code)));
  const h3 = checkTable([H, ['11010519491231002X', 'a', 2024, 'p', '国家级', '集中培训', '3天']], { region: 'hainan', today });
  out.push('hainan 3天 in hours: ' + h3.records[0]!.conversion.hours + ' / ' + h3.records[0]!.conversion.credits + ' ' + show(h3.records[0]!.issues.map((i) => i.code)));
  out.push(show(computeCredits({ region: 'hainan', hours: 24, level: '国家级', mode: '集中培训' }).credits));
  console.log(out.join('\n'));
});
