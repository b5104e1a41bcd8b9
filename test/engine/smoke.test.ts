import { RULES } from '../../src/rules';
import { checkTable } from '../../src/engine/engine';
import { toReport } from '../../src/engine/report';
import { ReportSchema } from '../../src/engine/report-schema';

test('a two-row hainan table gives a report that matches the schema', () => {
  const rows = [
    ['身份证号', '姓名', '年度', '项目名称', '培训层次', '培训方式', '学时'],
    ['11010519491231002X', '张三', 2023, '国培A', '国家级', '集中培训', 24],
  ];
  const report = toReport(checkTable(rows, { rules: RULES.hainan, asOf: '2026-11-23' }));
  expect(ReportSchema.parse(report).records[0]!.credits).toBe(6);
});
