// The progress line: only on a terminal, only once a run is long, cleared at the end.
import { Progress } from '../../src/cli/progress';

test('nothing is written when stderr is not a terminal', () => {
  let out = '';
  const p = new Progress((s) => (out += s), false, 0);
  p.update('读取文件', 1, 3);
  p.phase('检查中…');
  p.clear();
  expect(out).toBe('');
});

test('on a terminal, after the delay: a bar with the count, redrawn in place, then cleared', () => {
  let out = '';
  const p = new Progress((s) => (out += s), true, 0);
  p.update('读取文件', 3, 3);
  expect(out).toBe('\r\u001b[2K读取文件 ████████████████████████ 3/3');
  p.clear();
  expect(out.endsWith('\r\u001b[2K')).toBe(true);
});

test('a short run shows nothing: the line waits for the delay', () => {
  let out = '';
  const p = new Progress((s) => (out += s), true, 60_000);
  p.update('读取文件', 1, 3);
  p.phase('检查中…');
  p.clear();
  expect(out).toBe('');
});
