// The gaps of the rules as one line per parameter (present/gaps.ts) and the exported issue list
// (present/issue-table.ts), on the generated hainan sample: its school-level records lack the 校级每天学分
// the text never gives (第十四条 附表), and its rows hold a mistyped ID, 省集 and 二十.
import { checkTable } from '../../src/engine/engine';
import { toReport, type Report } from '../../src/engine/report';
import { generate } from '../../src/samples/generate';
import { RULES } from '../../src/rules';
import { groupIssues, issueItems } from '../../src/present/issues';
import { gapLine, recordsOf } from '../../src/present/gaps';
import { issueTable } from '../../src/present/issue-table';
import type { Table } from '../../src/present/tables';
import { ISSUES } from '../../src/core/issues';

const rows = generate('hainan').rows.map((r) => r.map((v) => (v === null ? '' : v)));
const report = (lang: 'zh' | 'en' = 'zh', overrides?: Record<string, number>): Report =>
  toReport(checkTable(rows, { rules: RULES.hainan, asOf: '2026-12-01', ...(overrides ? { overrides } : {}) }), lang);

test('a gap is one line naming the parameter, its records and where to set it', () => {
  const r = report();
  const gap = groupIssues(issueItems(r)).find((g) => g.code === 'RULE_UNDEFINED')!;
  const school = gap.entries.find((e) => e.param === 'dayCredits.school')!;
  const n = r.records.filter((x) => x.issues.some((i) => i.param === 'dayCredits.school')).length;
  expect(n).toBeGreaterThan(10);
  expect(recordsOf(school)).toBe(n);
  const line = gapLine(r.region, gap, school);
  expect(line.text.zh).toBe(
    `${n} 条记录未计学分：原文未给出 校级培训每天学分（dayCredits.school）。在“设置”中填写后重新校验`,
  );
  expect(line.text.en).toBe(
    `${n} records without credits: the text does not give school-level training, credits per day (dayCredits.school). Enter it in Settings and validate again`,
  );
  expect(line.param).toBe('dayCredits.school');
  expect(line.records).toBe(n);
  // once the value is set, no line for it
  const set = report('zh', { 'dayCredits.school': 0.5 });
  const after = groupIssues(issueItems(set)).find((g) => g.code === 'RULE_UNDEFINED');
  expect(after?.entries.some((e) => e.param === 'dayCredits.school') ?? false).toBe(false);
});

test('the issue list as a table: worst first, the catalogue’s words, where each issue is', () => {
  const r = report();
  const t = issueTable(r, 'zh', (i) => (i.row ? { sheet: '培训登记', cell: `C${i.row}` } : undefined));
  expect(t.name).toBe('问题清单');
  expect(t.headers).toEqual([
    '级别',
    '教师',
    '身份证号',
    '工作表',
    '行',
    '单元格',
    '问题',
    '原因',
    '值',
    '依据',
    '怎么改',
    '代码',
  ]);
  const col = (name: string) => t.headers.indexOf(name);
  expect(t.rows).toHaveLength(issueItems(r).length);
  // errors first, then warnings; a kind's rows together
  const sev = t.rows.map((x) => x[col('级别')]);
  expect(sev.lastIndexOf('错误')).toBeLessThan(sev.indexOf('警告'));
  const isId = (x: Table['rows'][number]) => x[col('问题')] === ISSUES.ID_INVALID.title.zh;
  const id = t.rows.filter(isId);
  expect(id.length).toBeGreaterThan(1);
  const first = t.rows.findIndex(isId);
  expect(t.rows.slice(first, first + id.length).every(isId)).toBe(true);
  const row = id[0]!;
  expect(row[col('教师')]).toBeTruthy(); // the teacher's name
  expect(row[col('工作表')]).toBe('培训登记');
  expect(row[col('单元格')]).toBe(`C${row[col('行')]}`);
  expect(row[col('原因')]).toMatch(/校验位/);
  expect(row[col('值')]).toBeTruthy();
  expect(row[col('怎么改')]).toBe(ISSUES.ID_INVALID.fix.zh);
  expect(row[col('代码')]).toBe('ID_INVALID');
  const en = issueTable(report('en'), 'en');
  expect(en.headers).toEqual([
    'Severity',
    'Teacher',
    'ID',
    'Sheet',
    'Row',
    'Cell',
    'Problem',
    'Reason',
    'Value',
    'Article',
    'Fix',
    'Code',
  ]);
  const enRow = en.rows.find((x) => x[en.headers.indexOf('Problem')] === ISSUES.ID_INVALID.title.en)!;
  expect(enRow[en.headers.indexOf('Cell')]).toBeNull();
  expect(typeof enRow[en.headers.indexOf('Row')]).toBe('number');
});

test('records from several files add a file column', () => {
  const r = report();
  const withFile: Report = { ...r, records: r.records.map((x) => ({ ...x, file: 'a.xlsx' })) };
  const t = issueTable(withFile, 'zh');
  expect(t.headers[3]).toBe('文件');
  expect(t.rows.find((x) => x[t.headers.indexOf('问题')] === ISSUES.ID_INVALID.title.zh)![3]).toBe('a.xlsx');
});
