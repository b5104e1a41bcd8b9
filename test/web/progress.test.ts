// The web page's progress bar: a step held back within a phase (at most one every 200 ms is drawn) is drawn
// when its time comes; a new phase and a phase's last step at once; nothing after the work has ended.
import { progress, store } from '../../src/web/state';

beforeEach(() => {
  jest.useFakeTimers();
  store.set({ busy: null });
});
afterEach(() => jest.useRealTimers());

const shown = () => store.get().busy;

test('within a phase one step a 200 ms is drawn; the one held back follows; a new phase and the last step at once', () => {
  const p = progress(0);
  p('receive', 1, 80);
  expect(shown()).toEqual({ phase: 'receive', done: 1, total: 80 });
  p('receive', 2, 80);
  p('receive', 3, 80);
  expect(shown()).toEqual({ phase: 'receive', done: 1, total: 80 });
  jest.advanceTimersByTime(200);
  expect(shown()).toEqual({ phase: 'receive', done: 3, total: 80 });
  p('receive', 4, 80);
  p('receive', 80, 80);
  expect(shown()).toEqual({ phase: 'receive', done: 80, total: 80 });
  // the step held back before the last one does not come back over it
  jest.advanceTimersByTime(500);
  expect(shown()).toEqual({ phase: 'receive', done: 80, total: 80 });
  p('write', 0, 1);
  expect(shown()).toEqual({ phase: 'write', done: 0, total: 1 });
});

test('a step held back is not drawn once the work has ended (its bar gone)', () => {
  const p = progress(0);
  p('read', 0, 3);
  p('read', 1, 3);
  store.set({ busy: null });
  jest.advanceTimersByTime(1000);
  expect(shown()).toBeNull();
});
