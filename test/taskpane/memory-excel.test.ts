// The in-memory Excel itself: it must fail where Excel fails, or the adapter tests
// on it prove nothing. Reading before load + sync, isNullObject before a sync, a
// proxy used after its run, wrong dimensions, bad sheet names, the 5 MB cap — and
// written text interpreted as Excel interprets it.
import {
  createExcel,
  largestPayload,
  memoryWorkbook,
  newSheet,
  type MemoryOptions,
  type MemoryWorkbook,
  type RequestContext,
} from '../../src/taskpane/preview/memory-excel';

function excel(options: Partial<MemoryOptions> = {}): {
  wb: MemoryWorkbook;
  run: <T>(f: (ctx: RequestContext) => Promise<T>) => Promise<T>;
} {
  const wb = memoryWorkbook(
    [
      newSheet('表', [
        ['a', 1],
        ['b', 2],
      ]),
    ],
    {},
    options,
  );
  const Excel = createExcel(wb);
  return { wb, run: (f) => Excel.run(f) };
}

test('a property is readable only after load and sync; a set one at once; a null object’s after the sync', async () => {
  const { run } = excel();
  await run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getActiveWorksheet();
    const r = ws.getRange('A1:B2');
    expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    r.load('values');
    expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    await ctx.sync();
    expect(r.values).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    // only what was loaded
    expect(() => r.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    expect(() => ws.name).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    const sheets = ctx.workbook.worksheets;
    expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    sheets.load('items/name');
    await ctx.sync();
    expect(sheets.items.map((s) => s.name)).toEqual(['表']);
    expect(() => sheets.items[0]!.visibility).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    const missing = sheets.getItemOrNullObject('无');
    expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    await ctx.sync();
    expect(missing.isNullObject).toBe(true);
    r.values = [
      ['x', 'y'],
      [3, 4],
    ];
    expect(r.values).toEqual([
      ['x', 'y'],
      [3, 4],
    ]);
  });
});

test('writes land at the sync, in order; a failing action rejects the sync and stops the batch', async () => {
  const { wb, run } = excel();
  await run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('表');
    ws.getRange('C1').values = [['c']];
    expect(wb.sheets[0]!.rows[0]).toEqual(['a', 1]);
    const r = ws.getRange('C1');
    r.load('values');
    await ctx.sync();
    expect(r.values).toEqual([['c']]);
    ws.getRange('D1').values = [['d']];
    ctx.workbook.worksheets.getItem('无').getRange('A1').values = [['x']];
    ws.getRange('E1').values = [['e']];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(wb.sheets[0]!.rows[0]).toEqual(['a', 1, 'c', 'd']);
  });
});

test('Excel.run sends what is still queued, and its proxies are invalid afterwards', async () => {
  const { wb, run } = excel();
  const kept = await run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem('表').getRange('A3');
    r.values = [['queued']];
    return r;
  });
  expect(wb.sheets[0]!.rows[2]).toEqual(['queued']);
  expect(wb.syncs).toBe(0);
  expect(wb.batches).toHaveLength(1);
  expect(() => kept.load('values')).toThrow(expect.objectContaining({ code: 'InvalidObjectPath' }));
});

test('an input that does not match the range is refused; a single value fills it', async () => {
  const { wb, run } = excel();
  await run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('表');
    ws.getRange('A1:B2').values = [['only one']];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    ws.getRange('A1:B2').numberFormat = [['@', '@']];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    ws.getRange('A5:B5').values = 0 as unknown as [];
    await ctx.sync();
  });
  expect(wb.sheets[0]!.rows[4]).toEqual([0, 0]);
});

test('written text is read as Excel reads typed input, except in a text-formatted cell', async () => {
  const { wb, run } = excel();
  const inputs = [
    '460100198001011234',
    '0012',
    '3.50',
    '1,234',
    '50%',
    'TRUE',
    '2024-03-01',
    '=1+1',
    '-x',
    '-',
    '张三',
    '',
  ];
  await run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('表');
    ws.getRange('A10:L10').values = [inputs];
    ws.getRange('A11:L11').numberFormat = [inputs.map(() => '@')];
    ws.getRange('A11:L11').values = [inputs];
    await ctx.sync();
  });
  const s = wb.sheets[0]!;
  expect(s.rows[9]).toEqual([460100198001011000, 12, 3.5, 1234, 0.5, true, 45352, '', '', '-', '张三', '']);
  expect([...s.formulas.values()]).toEqual(['=1+1', '=-x']);
  expect(s.formats.get('9,4')?.numberFormat).toBe('0%');
  expect(s.formats.get('9,6')?.numberFormat).toBe('yyyy-mm-dd');
  expect(s.rows[10]).toEqual(inputs);
});

test('sheet names follow Excel: unique whatever the case, 31 characters, no : \\ / ? * [ ]', async () => {
  const { wb, run } = excel();
  for (const bad of ['表', 'A:B', 'x'.repeat(32), "'q", 'History']) {
    await run(async (ctx) => {
      ctx.workbook.worksheets.add(bad);
      await expect(ctx.sync()).rejects.toMatchObject({ code: bad === '表' ? 'ItemAlreadyExists' : 'InvalidArgument' });
    });
  }
  await run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('表');
    ws.visibility = 'Hidden';
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    ws.delete();
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
  });
  expect(wb.sheets.map((s) => s.name)).toEqual(['表']);
});

test('a batch over 5 MB is refused before anything of it is done; payloads are recorded per sync', async () => {
  const { wb, run } = excel();
  const big = Array.from({ length: 80_000 }, () => ['教师培训学分助手教师培训学分助手教师培训学分助手']);
  await run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('表');
    ws.getRangeByIndexes(100, 0, big.length, 1).values = big;
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(wb.sheets[0]!.rows.length).toBe(2);
    ws.getRangeByIndexes(100, 0, 10_000, 1).values = big.slice(0, 10_000);
    await ctx.sync();
    const r = ws.getRangeByIndexes(100, 0, 10_000, 1);
    r.load('values');
    await ctx.sync();
  });
  const [refused, write, read] = wb.batches;
  expect(refused!.requestBytes).toBeGreaterThan(5 * 1024 * 1024);
  const bytes = Buffer.byteLength(JSON.stringify(big.slice(0, 10_000)));
  expect(write!.requestBytes).toBeGreaterThan(bytes);
  expect(write!.requestBytes).toBeLessThan(bytes + 200);
  expect(read!.responseBytes).toBe(bytes);
  expect(largestPayload(wb).response).toBe(bytes);
});

test('outside Excel on the web a custom property keeps 255 characters', async () => {
  for (const platform of ['web', 'desktop'] as const) {
    const { wb, run } = excel({ platform });
    await run(async (ctx) => {
      ctx.workbook.properties.custom.add('CPD.long', 'x'.repeat(300));
      await ctx.sync();
    });
    expect(String(wb.properties.get('CPD.long')).length).toBe(platform === 'web' ? 300 : 255);
  }
});

test('deleting a sheet turns references to it in conditional formats into #REF!', async () => {
  const { wb, run } = excel();
  await run(async (ctx) => {
    ctx.workbook.worksheets.add('标记');
    const cf = ctx.workbook.worksheets.getItem('表').getRange('A1:B2').conditionalFormats.add('Custom');
    cf.custom.rule.formula = '=LEFT(\'标记\'!A1,1)="E"';
    await ctx.sync();
    ctx.workbook.worksheets.getItem('标记').delete();
    await ctx.sync();
  });
  expect(wb.sheets[0]!.cfs.map((c) => c.formula)).toEqual(['=LEFT(#REF!,1)="E"']);
});
