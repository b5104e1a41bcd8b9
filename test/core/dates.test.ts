import { parseCycleStart, parseDate, today, YEAR_RANGE } from '../../src/core/dates';

test.each<[unknown, number | undefined]>([
  ['2019', 2019],
  [2019, 2019],
  ['2019年', 2019],
  ['２０１９', 2019],
  ['2019-2023', 2019],
  ['2019—2023年', 2019],
  [' 2019 ', 2019],
  ['2019-2024', undefined],
  ['19', undefined],
  ['1989', undefined],
  ['2101', undefined],
  ['二〇一九', undefined],
  [2019.5, undefined],
  [null, undefined],
])('parseCycleStart(%p) = %p', (raw, want) => {
  expect(parseCycleStart(raw)).toBe(want);
});

test.each<[unknown, string | undefined]>([
  ['2026-12-01', '2026-12-01'],
  ['2026/12/1', '2026-12-01'],
  ['2026年12月1日', '2026-12-01'],
  ['２０２６．１２．０１', '2026-12-01'],
  ['2026-02-29', undefined],
  ['2028-02-29', '2028-02-29'],
  ['2026-13-01', undefined],
  [`${YEAR_RANGE.max + 1}-01-01`, undefined],
  [42, undefined],
])('parseDate(%p) = %p', (raw, want) => {
  expect(parseDate(raw)).toBe(want);
});

test('today is the local calendar date', () => {
  expect(today(new Date(2026, 11, 1, 7, 0))).toBe('2026-12-01');
});
