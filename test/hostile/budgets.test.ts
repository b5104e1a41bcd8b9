// Hostile and huge inputs end in bounded time and memory: a plain error naming the file, the sheet and the
// limit (exit 2), or the check itself when the input is within the budgets — never a hang, a crash or an
// exhausted heap. Each input is built here, small: the zip bombs are a few hundred kB.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { BUDGETS, FileProblem, readWorkbook, zipEntries } from '../../src/files';
import { checkRowsLimit } from '../../src/files/budgets';
import { readBytes } from '../../src/cli/files';
import { bombBody, sheetData, sheetXml, xlsx, zip, colName } from './build';
import { cli, csv, expectBounded, expectPlain, rosterRows, tmpdir } from './run';

let dir: string;
beforeAll(() => {
  dir = tmpdir();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const put = (name: string, bytes: Uint8Array | string): string => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, bytes);
  return f;
};
const roster = () => sheetXml(sheetData(rosterRows(20)));
const check = (file: string, ...more: string[]) => cli(['check', file, '--region', 'hainan', ...more]);

describe('zip bombs are refused before they inflate', () => {
  test('a part whose directory says it inflates past the part budget (300 kB → 300 MiB)', () => {
    const bomb = bombBody(300);
    expect(bomb.body.length).toBeLessThan(400_000);
    const f = put('bomb.xlsx', xlsx([{ name: '名册', part: { raw: bomb } }]));
    const r = check(f);
    expectPlain(r, 'bomb.xlsx', 'xl/worksheets/sheet1.xml', 'partBytes', '256 MiB');
    expectBounded(r, { ms: 8000, rssMb: 200 });
  });

  test('one compressed body behind twenty names (overlapping entries: 200 kB → 4 GiB)', () => {
    const bomb = bombBody(200);
    const sheets = Array.from({ length: 20 }, (_, i) => ({ name: `S${i + 1}`, xml: '' }));
    const base = xlsx(sheets.map((s, i) => (i === 0 ? { name: s.name, part: { raw: bomb } } : s)));
    // the other sheets' names point at the first sheet's body
    const aliased = reZip(base, (name) =>
      /sheet([2-9]|1\d|20)\.xml$/.test(name) ? 'xl/worksheets/sheet1.xml' : undefined,
    );
    const f = put('overlap.xlsx', aliased);
    expect(aliased.length).toBeLessThan(300_000);
    const r = check(f);
    expectPlain(r, 'overlap.xlsx', 'packageBytes', '512 MiB');
    expectBounded(r, { ms: 8000, rssMb: 200 });
  });

  test('a directory that lies (10 kB declared, 300 MiB inside) is stopped at the first byte too many', () => {
    const f = put('liar.xlsx', xlsx([{ name: '名册', part: { raw: { ...bombBody(300), size: 10_000 } } }]));
    const r = check(f);
    expectPlain(r, 'liar.xlsx', 'xl/worksheets/sheet1.xml', '目录', 'directory');
    expectBounded(r, { ms: 8000, rssMb: 200 });
  });

  test('a lying directory is refused by --out too (the copy never inflates with another inflater)', () => {
    const f = put('liar2.xlsx', xlsx([{ name: '名册', part: { raw: { ...bombBody(50), size: 10_000 } } }]));
    const r = check(f, '--out', path.join(dir, 'liar-copy.xlsx'));
    expectPlain(r, 'liar2.xlsx');
    expect(fs.existsSync(path.join(dir, 'liar-copy.xlsx'))).toBe(false);
    expectBounded(r, { ms: 8000, rssMb: 250 });
  });

  test('a small roster plus huge hidden sheets costs only the roster, with and without --sheet', () => {
    const bomb = bombBody(200); // each hidden sheet: 200 MiB, under the part budget, never inflated
    const base = xlsx([
      { name: '名册', xml: roster() },
      { name: '旧表1', xml: '', state: 'hidden' },
      { name: '旧表2', xml: '', state: 'veryHidden' },
    ]);
    const big = reZip(base, () => undefined, {
      'xl/worksheets/sheet2.xml': bomb,
      'xl/worksheets/sheet3.xml': bomb,
    });
    const f = put('hidden-huge.xlsx', big);
    for (const extra of [[], ['--sheet', '名册']]) {
      const r = check(f, ...extra);
      expect(r.code).toBe(1); // the roster's own findings
      expect(r.out).toContain('名册');
      expectBounded(r, { ms: 8000, rssMb: 250 });
    }
  });
});

describe('sparse and merged sheets are read by their cells, never by their declared extent', () => {
  const header = rosterRows(3);

  test.each([
    [
      'one cell at XFD1048576',
      sheetXml(sheetData(header) + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'),
      1,
    ],
    [
      'a merge J1:XFD1048576',
      sheetXml(sheetData(header), '<mergeCells count="1"><mergeCell ref="J1:XFD1048576"/></mergeCells>'),
      1,
    ],
    ['a declared dimension of the whole grid', sheetXml(sheetData(header), '', 'A1:XFD1048576'), 1],
  ])('%s: checked, and copied with --out', (name, xml, code) => {
    const f = put(`sparse-${name.length}.xlsx`, xlsx([{ name: '名册', xml }]));
    for (const extra of [[], ['--out', path.join(dir, `sparse-${name.length}-copy.xlsx`)]]) {
      const r = check(f, ...extra);
      expect(r.code).toBe(code);
      expectBounded(r);
    }
    expect(fs.existsSync(path.join(dir, `sparse-${name.length}-copy.xlsx`))).toBe(true);
  });

  test('a row numbered 50 000 000 is a damaged sheet, said at once', () => {
    const xml = sheetXml(sheetData([...header, ['x']], 1, [1, 2, 3, 4, 50_000_000]));
    const r = check(put('row50m.xlsx', xlsx([{ name: '名册', xml }])));
    expectPlain(r, 'row50m.xlsx', '「名册」', '50000000', '1 048 576');
    expectBounded(r, { ms: 5000, rssMb: 200 });
  });

  test('a merge over the grid with a cell at its far corner is refused by the cell budget, not expanded', () => {
    const xml = sheetXml(
      sheetData([...header.slice(0, 2), [...header[1]!, 'x']]) +
        '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
      '<mergeCells count="1"><mergeCell ref="N3:XFD1048576"/></mergeCells>',
    );
    const r = check(put('mergebig.xlsx', xlsx([{ name: '名册', xml }])));
    expectPlain(r, 'mergebig.xlsx', '「名册」', 'sheetCells', '5 000 000');
    expectBounded(r, { ms: 5000, rssMb: 250 });
  });

  test(`${BUDGETS.merges} merge ranges are read, and marked with --out, in bounded time; one more is refused`, () => {
    const merges = (n: number) =>
      `<mergeCells count="${n}">` +
      // a few over the roster's own cells (one cell each), the rest beyond its columns
      Array.from({ length: n }, (_, i) =>
        i < 1000 ? `<mergeCell ref="A${(i % 20) + 2}"/>` : `<mergeCell ref="P${i + 2}:Q${i + 2}"/>`,
      ).join('') +
      '</mergeCells>';
    const ok = put(
      'merges-ok.xlsx',
      xlsx([{ name: '名册', xml: sheetXml(sheetData(rosterRows(20)), merges(BUDGETS.merges)) }]),
    );
    const r = check(ok, '--out', path.join(dir, 'merges-copy.xlsx'));
    expect(r.code).toBe(1);
    expectBounded(r);
    const over = put(
      'merges-over.xlsx',
      xlsx([{ name: '名册', xml: sheetXml(sheetData(rosterRows(3)), merges(BUDGETS.merges + 1)) }]),
    );
    const r2 = check(over);
    expectPlain(r2, 'merges-over.xlsx', '「名册」', 'merges', '300 000');
    expectBounded(r2);
  });

  test('16 384 columns with --out: the copy is written (.xlsx and .csv inputs); column 16 385 is refused', () => {
    const rows = rosterRows(5).map((r, i) =>
      Array.from({ length: 16_384 }, (_, c) => (c < r.length ? r[c]! : c === 16_383 ? (i === 0 ? '备注' : 'x') : '')),
    );
    const x = put('wide.xlsx', xlsx([{ name: '名册', xml: sheetXml(sheetData(rows)) }]));
    const c = put('wide.csv', csv(rows));
    for (const [f, out] of [
      [x, 'wide-copy.xlsx'],
      [c, 'wide-csv-copy.xlsx'],
      [c, 'wide-copy.csv'],
    ] as const) {
      const r = check(f, '--out', path.join(dir, out));
      expect(r.code).toBe(1);
      expectBounded(r);
      expect(fs.existsSync(path.join(dir, out))).toBe(true);
    }
    const wider = rows.map((r) => [...r, 'y']);
    const r = check(put('wider.csv', csv(wider)));
    expectPlain(r, 'wider.csv', 'columns', '16 384');
    const xr = check(
      put(
        'wider.xlsx',
        xlsx([
          {
            name: '名册',
            xml: sheetXml(sheetData(rosterRows(3)) + `<row r="9"><c r="${colName(16_385)}9"><v>1</v></c></row>`),
          },
        ]),
      ),
    );
    expectPlain(xr, 'wider.xlsx', '「名册」', '16 384');
  });
});

describe('huge cells are an error on the cell, never a scan', () => {
  test.each([
    ['a number cell of 300 000 digits', '学时', '1'.repeat(300_000)],
    ['a 1 MB unknown mode', '培训方式', '网'.repeat(1_000_000)],
    ['a 1 MB name', '姓名', '张'.repeat(1_000_000)],
  ])('%s', (_, column, value) => {
    const rows = rosterRows(5);
    rows[2]![rows[0]!.indexOf(column)] = value;
    const r = check(put(`cell-${value.length}-${column}.csv`, csv(rows)), '--json');
    expect(r.code).toBe(1);
    expectBounded(r, { ms: 8000 });
    const report = JSON.parse(r.out) as { records: Array<{ row: number; issues: Array<{ code: string }> }> };
    expect(report.records.find((x) => x.row === 3)!.issues.map((i) => i.code)).toContain('CELL_TOO_LONG');
  });

  test('32 000 digits (under the limit) are scanned once: a plain "too large" error, fast', () => {
    const rows = rosterRows(5);
    rows[2]![rows[0]!.indexOf('学时')] = '9'.repeat(32_000);
    const r = check(put('digits.csv', csv(rows)), '--json');
    expect(r.code).toBe(1);
    expectBounded(r, { ms: 8000 });
    expect(r.out).toContain('HOURS_NOT_NUMBER');
  });
});

describe('what is not a regular file, or is too big, is refused before it is read', () => {
  test('a FIFO, /dev/zero behind a symbolic link, a folder named .csv', () => {
    const fifo = path.join(dir, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    const zero = path.join(dir, 'zero.csv');
    fs.symlinkSync('/dev/zero', zero);
    fs.mkdirSync(path.join(dir, 'folder.csv'));
    for (const [f, word] of [
      [fifo, '不是普通文件'],
      [zero, '不是普通文件'],
      [path.join(dir, 'folder.csv'), 'folder.csv'],
    ] as const) {
      const r = check(f);
      expectPlain(r, word);
      expectBounded(r, { ms: 5000, rssMb: 200 });
    }
  });

  test('the reader itself checks the open file (a path that became a FIFO or a device after the walk)', async () => {
    const fifo = path.join(dir, 'late-pipe.csv');
    execFileSync('mkfifo', [fifo]);
    const zero = path.join(dir, 'late-zero.csv');
    fs.symlinkSync('/dev/zero', zero);
    await expect(readBytes(fifo)).rejects.toMatchObject({ text: { zh: '不是普通文件（是管道）' } });
    await expect(readBytes(zero)).rejects.toMatchObject({ text: { zh: '不是普通文件（是设备或其他特殊文件）' } });
    await expect(readBytes(dir)).rejects.toMatchObject({ text: { zh: '不是普通文件（是文件夹）' } });
  });

  test('a file larger than the file budget (a sparse 300 MiB file) is refused by its size', () => {
    const f = path.join(dir, 'huge.csv');
    fs.writeFileSync(f, '');
    fs.truncateSync(f, 300 * 1024 * 1024);
    const r = check(f);
    expectPlain(r, 'huge.csv', 'fileBytes', '256 MiB');
    expectBounded(r, { ms: 5000, rssMb: 200 });
  });
});

describe('many files, each within its budgets, are bounded together (checkRows)', () => {
  test('the limit follows the heap: 85 % of it at 3.25 KiB a row', () => {
    expect(checkRowsLimit(4e9)).toBe(Math.floor((4e9 * 0.85) / 3328));
    expect(checkRowsLimit(4.3e9)).toBeGreaterThan(1_000_000);
  });

  // a 128 MB old space (a heap limit of about 184 MB) checks about 47 100 rows; six files of 12 000 rows pass
  // it at the fourth, read one after another (--jobs 1)
  const folder = () => {
    const f = path.join(dir, 'county');
    if (fs.existsSync(f)) return f;
    fs.mkdirSync(f);
    const [header, ...rows] = rosterRows(20);
    for (let k = 1; k <= 6; k++) {
      const many = Array.from({ length: 12_000 }, (_, i) => rows[i % rows.length]!);
      fs.writeFileSync(path.join(f, `school${k}.csv`), csv([header!, ...many]));
    }
    return f;
  };

  test('past it, no other file is read and the run is refused before the engine runs, in one plain message', () => {
    const r = cli(['check', folder(), '--region', 'hainan', '--jobs', '1'], { heapMb: 128 });
    expectPlain(r, 'checkRows', '未作检查', '--max-old-space-size=', 'nothing was checked');
    expect(r.err).toMatch(
      /读到 \S*county[\\/]school4\.csv 时，已读的 4 个文件共有 48 004 行.*约 [\d ]+ 行，checkRows.*其余 2 个文件未读取/,
    );
    expect(r.out).toBe('');
    expectBounded(r, { ms: 20_000, rssMb: 350 });
  });

  test('within it, the same files are checked', () => {
    const two = path.join(dir, 'two');
    fs.mkdirSync(two);
    for (const k of [1, 2]) fs.copyFileSync(path.join(folder(), `school${k}.csv`), path.join(two, `school${k}.csv`));
    const r = cli(['check', two, '--region', 'hainan', '--json', '--jobs', '1'], { heapMb: 128 });
    expect(r.code).toBeLessThan(2);
    expect((JSON.parse(r.out) as { summary: { records: number } }).summary.records).toBe(24_000);
  });
});

describe('docProps/custom.xml of 35 kB shaped to make a pattern backtrack', () => {
  const head =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">';
  const n = 35_000;
  test.each([
    ['unclosed properties', '<property name="a">'.repeat(n / 19)],
    [
      'one tag of spaces',
      `<property fmtid="x" pid="2" name="CPD.region"${' '.repeat(n)}><vt:lpwstr>hainan</vt:lpwstr></property>`,
    ],
    ['attributes without end', `<property${' a=b'.repeat(n / 4)}><vt:lpwstr>x</vt:lpwstr></property>`],
    ['entities without end', `<property name="CPD.region"><vt:lpwstr>${'&#'.repeat(n / 2)}</vt:lpwstr></property>`],
    ['a run of brackets', `<property name="CPD.region"><vt:lpwstr>${'<'.repeat(n)}</vt:lpwstr></property>`],
  ])('%s: read and copied in bounded time', (_, body) => {
    const f = put(
      `custom-${body.length}.xlsx`,
      xlsx([{ name: '名册', xml: roster() }], { custom: head + body + '</Properties>' }),
    );
    const r = check(f, '--out', path.join(dir, `custom-${body.length}-copy.xlsx`));
    expect([1, 2]).toContain(r.code);
    expect(r.err).not.toContain('internal error');
    expectBounded(r, { ms: 8000 });
  });
});

/**
 * The same package with some central-directory entries pointing at another entry's body (`alias`), or with
 * some parts' bodies replaced by raw deflate bodies (`raw`).
 */
function reZip(
  bytes: Uint8Array,
  alias: (name: string) => string | undefined,
  raw: Record<string, { body: Uint8Array; size: number }> = {},
): Uint8Array {
  const entries = zipEntries(bytes);
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // the CRC as the central directory gives it (ZipEntry does not keep it)
  const central = new Map<number, number>();
  for (let p = 0; p + 46 <= bytes.length; p++)
    if (v.getUint32(p, true) === 0x02014b50) central.set(v.getUint32(p + 42, true), v.getUint32(p + 16, true));
  const crcOf = (e: { offset: number }) => central.get(e.offset) ?? 0;
  // bodies copied as they are (compressed), never inflated here: a bomb stays a few hundred kB
  const parts = entries
    .filter((e) => alias(e.name) === undefined)
    .map((e) => {
      const at = e.offset + 30 + v.getUint16(e.offset + 26, true) + v.getUint16(e.offset + 28, true);
      const body = bytes.subarray(at, at + e.compressedSize);
      const given = raw[e.name];
      if (given) return { name: e.name, data: '', raw: given };
      return e.method === 0
        ? { name: e.name, data: body, method: 0 as const }
        : { name: e.name, data: '', raw: { body, size: e.uncompressedSize, crc: crcOf(e) } };
    });
  return zip(
    parts,
    entries.filter((e) => alias(e.name) !== undefined).map((e) => ({ name: e.name, of: alias(e.name)! })),
  );
}

describe('every budget, lowered, refuses with a message naming the sheet and the limit', () => {
  const refused = (bytes: Uint8Array, budgets: Partial<typeof BUDGETS>): string => {
    try {
      readWorkbook(bytes, { budgets });
    } catch (e) {
      if (e instanceof FileProblem) return `${e.text.zh} / ${e.text.en}`;
      throw e;
    }
    throw new Error('not refused');
  };
  const book = () =>
    xlsx([
      { name: '名册', xml: roster() },
      { name: '另表', xml: roster() },
    ]);

  test.each([
    [{ fileBytes: 1000 }, 'fileBytes'],
    [{ partBytes: 1000 }, 'partBytes'],
    [{ packageBytes: 5000 }, 'packageBytes'],
    [{ parts: 3 }, 'parts'],
    [{ sheets: 1 }, 'sheets'],
    [{ sheetCells: 50 }, 'sheetCells'],
    [{ rows: 10 }, '10 行'],
    [{ columns: 5 }, '5 列'],
  ] as const)('%p', (budgets, word) => {
    const text = refused(book(), budgets);
    expect(text).toContain(word);
    if (!['fileBytes', 'partBytes', 'packageBytes', 'parts', 'sheets'].includes(word)) expect(text).toContain('名册');
  });

  test('merges and CSV cells', () => {
    const merged = xlsx([
      {
        name: '名册',
        xml: sheetXml(
          sheetData(rosterRows(3)),
          '<mergeCells count="2"><mergeCell ref="A2:A3"/><mergeCell ref="B2:B3"/></mergeCells>',
        ),
      },
    ]);
    expect(refused(merged, { merges: 1 })).toContain('merges');
    expect(refused(new TextEncoder().encode(csv(rosterRows(10))), { csvCells: 30 })).toContain('csvCells');
    expect(refused(new TextEncoder().encode(csv(rosterRows(10))), { rows: 5 })).toContain('rows');
  });
});
