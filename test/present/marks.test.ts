// Which cell each issue marks (src/present/marks.ts), on small rosters whose issues are known by hand.
import { checkRoster, type RosterTable } from '../../src/engine/engine';
import { RULES } from '../../src/rules';
import { anchorMarks, marksOf } from '../../src/present/marks';

const HEADER = ['身份证号', '姓名', '学校', '年度', '培训方式', '培训层次', '学时'];
const ID = '11010519491231002X';

function check(tables: RosterTable[]) {
  return checkRoster(tables, { rules: RULES.hainan, cycleStart: 2019, asOf: '2024-06-01' });
}

const at = (marks: ReturnType<typeof marksOf>) => marks.map((m) => `${m.table}:${m.row}:${m.col}:${m.severity}`).sort();

test('a record’s issue marks its field’s cell; a row-level issue the table’s first cell', () => {
  const r = check([
    {
      rows: [
        HEADER,
        [ID, '张三', '一中', 2023, '集中培训', '国家级', '二十'],
        [ID, '张三', '一中', 2023, '飞行', '国家级', 8],
      ],
    },
  ]);
  const marks = marksOf(r, { lang: 'zh' });
  // row 2: hours not a number (G2); row 3: mode unknown (E3)
  expect(at(marks)).toEqual(['0:2:7:error', '0:3:5:error']);
  expect(marks.find((m) => m.row === 2)!.message).toContain('不是数字');
  // the pane's table may start at C: columns shift with it
  expect(at(marksOf(r, { lang: 'zh', firstCol: 3 }))).toEqual(['0:2:9:error', '0:3:7:error']);
});

test('the year’s issue marks the date cell when the year is read from the date', () => {
  const header = ['身份证号', '培训时间', '培训方式', '培训层次', '学时'];
  const r = check([{ rows: [header, [ID, '2030-05-01', '集中培训', '国家级', 8]] }]);
  const future = marksOf(r, { lang: 'zh' }).filter((m) => m.message.includes('晚于'));
  expect(future.map((m) => [m.row, m.col])).toEqual([[2, 2]]);
});

test('gaps of the rules and infos mark no cell', () => {
  // hainan's school-level day credits are undefined by the text: RULE_UNDEFINED, not a data problem
  const r = check([{ rows: [HEADER, [ID, '张三', '一中', 2023, '集中培训', '校级', 8]] }]);
  expect(r.records[0]!.issues.map((i) => i.code)).toContain('RULE_UNDEFINED');
  expect(marksOf(r, { lang: 'zh' })).toEqual([]);
});

test('one mark per cell: the worst severity, the messages joined', () => {
  // a year after the as-of date is both in the future and outside the cycle 2019–2023: two warnings, one cell
  const r = check([{ rows: [HEADER, [ID, '张三', '一中', 2025, '集中培训', '国家级', 8]] }]);
  const marks = marksOf(r, { lang: 'en' });
  expect(at(marks)).toEqual(['0:2:4:warning']);
  expect(marks[0]!.message).toMatch(
    /after the as-of date.*; .*outside the cycle|outside the cycle.*; .*after the as-of date/,
  );
  // a cell inside a merged area is drawn by the area's top-left cell: marks move there, the worst wins
  const merged = anchorMarks(
    [
      { table: 0, row: 5, col: 2, severity: 'warning', message: 'a' },
      { table: 0, row: 6, col: 2, severity: 'error', message: 'b' },
      { table: 0, row: 6, col: 2, severity: 'error', message: 'a' },
    ],
    () => ({ row: 5, col: 2 }),
    'en',
  );
  expect(merged).toEqual([{ table: 0, row: 5, col: 2, severity: 'error', message: 'a; b' }]);
});

test('TEACHER_ID_UNUSABLE marks that teacher’s unusable ID cells; NAME_MISMATCH the teacher’s name cells', () => {
  const rows = [
    HEADER,
    [4.60102e17, '李四', '二中', 2023, '集中培训', '国家级', 8],
    [4.60102e17, '李四', '二中', 2022, '集中培训', '国家级', 8],
    [ID, '张三', '一中', 2023, '集中培训', '国家级', 8],
    [ID, '张叁', '一中', 2022, '集中培训', '国家级', 8],
  ];
  const r = check([{ rows, sheet: 'S' }]);
  const codes = r.teachers.flatMap((t) => t.issues.map((i) => i.code)).sort();
  expect(codes).toEqual(['NAME_MISMATCH', 'TEACHER_ID_UNUSABLE']);
  const marks = marksOf(r, { lang: 'zh' });
  // the ID cells of 李四's rows (not 张三's, whose ID is fine), and the name cells of 张三's rows
  expect(at(marks)).toEqual(['0:2:1:error', '0:3:1:error', '0:4:2:warning', '0:5:2:warning']);
  expect(marks.find((m) => m.row === 2)!.message).toContain('设为“文本”格式');
  expect(marks.find((m) => m.row === 4)!.message).toContain('多个姓名');
});

test('records of several tables are marked in their own table', () => {
  const r = check([
    { rows: [HEADER, [ID, '张三', '一中', 2022, '集中培训', '国家级', 8]], sheet: '2022年' },
    { rows: [['标题'], HEADER, [ID, '张三', '一中', 2023, '集中培训', '省级', 'x']], sheet: '2023年' },
  ]);
  expect(at(marksOf(r, { lang: 'zh' }))).toEqual(['1:3:7:error']);
});
