// What the engine remembers between checks (its memos of cell readings, the row before's cells) never keeps
// a parser's whole text alive: a cell handed over as a slice of a large text — as parsers do — is copied
// before it is kept. Measured on the heap after the check and everything it made are dropped.
import * as v8 from 'v8';
import * as vm from 'vm';
import { checkTable } from '../../src/engine/engine';
import { RULES } from '../../src/rules';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const heapAfterGc = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

/** A 40 M-character text, and a cell of it (a slice: V8 keeps the whole text while the slice lives). */
function sliced(cell: string): string {
  const text = `${'填'.repeat(20_000_000)}${cell}${'充'.repeat(20_000_000)}`;
  return text.slice(20_000_000, 20_000_000 + cell.length);
}

const HEADER = ['身份证号', '姓名', '学校', '年度', '项目名称', '培训层次', '培训方式', '学时', '证书编号'];

test.each([
  ['an error value in the name column', 1],
  ['an error value in the school column', 2],
  ['an error value in the project column', 4],
  ['an error value in the ID column', 0],
  ['an error value in the certificate column', 8],
])('%s is not a window on the whole text', (_what, col) => {
  const before = heapAfterGc();
  let row: unknown[] | undefined = [
    '652325196501281001',
    '张三',
    '奇台县第一中学',
    2024,
    '区培计划',
    '自治区级',
    '集中培训',
    40,
    '0707220001',
  ];
  // a text of its own per case: the memos know a text already read, and would hand back that one's reading
  row[col] = sliced(`${' '.repeat(col + 1)}#GETTING_DATA `);
  checkTable([HEADER, row], { rules: RULES.qitai, asOf: '2025-01-01' });
  row = undefined;
  // 40 M two-byte characters are 80 MB: anything near that still held means the text was kept
  expect((heapAfterGc() - before) / 1e6).toBeLessThan(20);
});
