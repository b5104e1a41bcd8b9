// Linear time over cell text and XML: the worst inputs for each scanner, timed at two sizes eight times
// apart; the time may grow about eightfold, never with the square (64-fold). The bound is generous (24×) for
// a loaded CI machine — the patterns these scanners replaced grew 64-fold and more (the number pattern took
// 2.9 s on 40 000 digits).
import { performance } from 'perf_hooks';
import { parseNumber, parseYear, cellText } from '../../src/engine/normalize';
import { detectHeader, matchHeader } from '../../src/core/fields';
import { fold } from '../../src/core/vocabulary';
import { parseCustomXml, patchCustomXml, BUDGETS } from '../../src/files';
import { xmlUnescape, attr, allTags } from '../../src/files/xml';
import { scanSheetXml } from '../../src/files/sheetscan';
import { dateStyles, sharedStrings, sheetCells } from '../../src/files/sheetcells';
import { visible } from '../../src/cli/terminal';

/** The least time of several runs of f(input), ms. */
function time(f: () => unknown, runs = 7): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** Time at size n and 8n; the ratio must stay near 8. A floor keeps sub-millisecond noise out. */
function expectLinear(make: (n: number) => unknown, f: (input: never) => unknown, n: number): void {
  const small = make(n);
  const large = make(8 * n);
  f(small as never); // warm up
  const a = Math.max(
    time(() => f(small as never)),
    0.05,
  );
  const b = time(() => f(large as never));
  if (b > 2) expect(b / a).toBeLessThan(24);
  expect(b).toBeLessThan(2000);
}

const enc = new TextEncoder();

describe.each([
  // the number pattern backtracked on a run of digits followed by two words
  [
    'parseNumber: digits, then "x y"',
    (n: number) => `${'1'.repeat(n)} x y`,
    (s: string) => parseNumber(s, 'hours'),
    4000,
  ],
  [
    'parseNumber: groups of three',
    (n: number) => `1${',000'.repeat(n / 4)}.5 x y`,
    (s: string) => parseNumber(s),
    4000,
  ],
  ['parseNumber: signs and dots', (n: number) => `+${'.'.repeat(n)}`, (s: string) => parseNumber(s), 4000],
  ['parseYear: repeated dates', (n: number) => '2023.1'.repeat(n / 6), (s: string) => parseYear(s), 4000],
  [
    'cellText and fold: runs of space',
    (n: number) => `a${' \u3000'.repeat(n / 2)}b`,
    (s: string) => fold(cellText(s)!),
    4000,
  ],
  [
    'a header cell of stars and brackets',
    (n: number) => `${'*'.repeat(n)}a${'('.repeat(n)}`,
    (s: string) => matchHeader(s),
    4000,
  ],
  [
    'custom.xml: unclosed properties',
    (n: number) => `<Properties>${'<property name="a">'.repeat(n / 19)}`,
    (s: string) => parseCustomXml(s),
    20_000,
  ],
  [
    'custom.xml: patched, unclosed properties',
    (n: number) => `<Properties>${'<property name="a" pid="2">'.repeat(n / 26)}</Properties>`,
    (s: string) => patchCustomXml(s, { 'CPD.region': 'hainan' }),
    20_000,
  ],
  ['XML entities without end', (n: number) => '&#'.repeat(n / 2), (s: string) => xmlUnescape(s), 20_000],
  [
    'an attribute name repeated',
    (n: number) => `<a ${'name'.repeat(n / 4)}="x">`,
    (s: string) => attr(s, 'name'),
    20_000,
  ],
  ['tags without end', (n: number) => '<c r="A1" '.repeat(n / 10), (s: string) => allTags(s, 'c'), 20_000],
  ['terminal text of escapes', (n: number) => '\x1b[2J\u202e'.repeat(n / 5), (s: string) => visible(s), 20_000],
] as const)('%s', (_, make, f, n) => {
  test('grows linearly', () => expectLinear(make, f as (s: never) => unknown, n));
});

describe('the sheet scan', () => {
  const bud = { ...BUDGETS };
  test.each([
    ['cells', (n: number) => `<sheetData><row r="1">${'<c r="A1"><v>1</v></c>'.repeat(n / 22)}</row></sheetData>`],
    ['unclosed tags', (n: number) => '<c r="A1" '.repeat(n / 10)],
    ['comments and CDATA without end', (n: number) => `<!--${'<c>'.repeat(n / 3)}`],
    ['rows numbered twice (renumbered)', (n: number) => '<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(n / 40)],
  ])('%s grows linearly', (_, make) => {
    expectLinear(
      (n) => enc.encode(make(n)),
      (b: Uint8Array) => scanSheetXml(b, 'S', bud),
      40_000,
    );
  });
});

describe("the worksheet reader's values (sheetcells.ts)", () => {
  const book = { strings: ['a'], dateStyles: [false, true], date1904: false };
  test.each([
    [
      'cells',
      (n: number) => `<sheetData><row r="1">${'<c r="A1" t="s"><v>0</v></c>'.repeat(n / 28)}</row></sheetData>`,
    ],
    // a search for '&' in a number ran on to the part's end from every cell (the bench caught it, hung)
    [
      'number cells',
      (n: number) => `<sheetData><row r="1">${'<c r="A1" s="1"><v>12.5</v></c>'.repeat(n / 31)}</row></sheetData>`,
    ],
    [
      'cells with formulas and inline text',
      (n: number) =>
        `<sheetData><row r="1">${'<c t="inlineStr"><f>1</f><is><t>x</t></is></c>'.repeat(n / 44)}</row></sheetData>`,
    ],
    [
      'end tags that never close',
      (n: number) => `<sheetData><row r="1"><c r="A1"><v>1${'</v "'.repeat(n / 5)}</sheetData>`,
    ],
    [
      'many <sheetData> start tags',
      (n: number) => `<sheetData>${'<sheetData>'.repeat(n / 22)}</sheetData>${' '.repeat(n / 2)}`,
    ],
    ['an unclosed sheetData, end tags everywhere', (n: number) => `<sheetData>${'</x "'.repeat(n / 5)}`],
    ['unclosed cells', (n: number) => `<sheetData><row r="1">${'<c r="A1"><f>'.repeat(n / 13)}</sheetData>`],
  ])('%s grow linearly', (_, make) => {
    expectLinear(
      (n) => enc.encode(make(n)),
      (b: Uint8Array) => sheetCells(b, book),
      40_000,
    );
  });
  test.each([
    ['unclosed shared strings', (n: number) => '<si><t>'.repeat(n / 7), sharedStrings],
    [
      'phonetic runs that never close',
      (n: number) => `<si>${'<rPh sb="0"><t>x</t>'.repeat(n / 20)}</si>`,
      sharedStrings,
    ],
    ['start tags without their ">"', (n: number) => `<si${' a="1"'.repeat(n / 6)}`, sharedStrings],
    ['number formats without their ">"', (n: number) => '<numFmt numFmtId="1" '.repeat(n / 21), dateStyles],
    ['cell styles', (n: number) => `<cellXfs>${'<xf numFmtId="14"/>'.repeat(n / 19)}</cellXfs>`, dateStyles],
  ] as const)('%s grow linearly', (_, make, f) => {
    expectLinear(make, f as (s: never) => unknown, 40_000);
  });
});

test('cells longer than Excel allows are refused at once, whatever their size', () => {
  for (const s of ['9'.repeat(300_000), '网'.repeat(1_000_000)]) {
    const t0 = performance.now();
    const p = parseNumber(s, 'hours');
    expect(p && !p.ok && p.reason.en).toContain('characters');
    expect(performance.now() - t0).toBeLessThan(50);
  }
  const t0 = performance.now();
  expect(detectHeader([['*'.repeat(1_000_000) + 'a', '学时', '身份证号']])?.columns.hours).toBe(1);
  expect(performance.now() - t0).toBeLessThan(200);
});

test('the number scanner reads what the number pattern read', () => {
  // the former pattern, for comparison on short inputs (where it is fast)
  const old = (s: string) => {
    const m = s
      .normalize('NFKC')
      .trim()
      .match(/^([+-]?)\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d*)?|\.\d+)\s*(\S*)$/);
    return m ? { n: Number(m[1]! + m[2]!.replace(/,/g, '')), unit: m[3]! } : null;
  };
  const alphabet = ['1', '0', '5', ',', '.', ' ', '+', '-', '学时', 'h', 'x', '２', '\t'];
  let seed = 7;
  const rand = (k: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % k;
  };
  for (let i = 0; i < 20_000; i++) {
    let s = '';
    for (let j = rand(10); j > 0; j--) s += alphabet[rand(alphabet.length)];
    const want = old(s);
    const got = parseNumber(s, 'hours');
    const value = got && got.ok ? got.value : null;
    const accepted = want !== null && (want.unit === '' || /^(学时|小时|课时|h|hrs?|hours?)$/i.test(want.unit));
    if (accepted && Number.isFinite(want.n) && Math.abs(want.n) <= 100_000) expect([s, value]).toEqual([s, want.n]);
    else if (s.trim() !== '') expect([s, value]).toEqual([s, null]);
  }
});
