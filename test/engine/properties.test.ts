// Property tests of the engine's totality (fast-check): whatever a sheet holds, the
// engine answers — a figure or an issue — and its figures keep the texts' caps.
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { computeCredits, CreditsInput } from '../../src/engine/api';
import { checkTable, CheckResult, RecordResult, RosterError } from '../../src/engine/engine';
import { FIELDS, Field, HEADERS } from '../../src/core/fields';
import {
  Parsed,
  isBlank,
  parseBool,
  parseGrade,
  parseId,
  parseNumber,
  parseVocab,
  parseYear,
} from '../../src/engine/normalize';
import { toReport } from '../../src/engine/report';
import { ReportSchema } from '../../src/engine/report-schema';
import type { Overrides } from '../../src/rules/params';
import { rulesFor, RULES } from '../../src/rules';
import {
  AWARD_VOCAB,
  BOOL_SPELLINGS,
  CATEGORY_VOCAB,
  GRADE_VOCAB,
  LEVEL_VOCAB,
  MODE_VOCAB,
  ROLE_VOCAB,
  Vocabulary,
  fold,
} from '../../src/core/vocabulary';
import { REGIONS, RegionId } from '../../src/rules';
import { round2 } from '../../src/core/decimal';

const TODAY = new Date(Date.UTC(2026, 5, 1));
/** `CPD_FC_SCALE=20 npx jest test/engine/properties` for a deeper hunt; the default keeps the file fast. */
const SCALE = Number(process.env.CPD_FC_SCALE ?? 1) || 1;
const runs = (n: number) => Math.round(n * SCALE);
const RUNS = 30;

// ---------------------------------------------------------------- value generators

const toWide = (s: string): string =>
  [...s].map((c) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');
/** The ways administrators garble a correct value: full-width, stray spaces, case. */
const garbled = (arb: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc
    .tuple(
      arb,
      fc.constantFrom<(s: string) => string>(
        (s) => s,
        toWide,
        (s) => ` ${s} `,
        (s) => `${s}\u3000`,
        (s) => [...s].join(' '),
        (s) => s.toUpperCase(),
      ),
    )
    .map(([s, f]) => f(s));

const spellingsOf = (v: Vocabulary<string>): string[] =>
  Object.entries(v.spellings).flatMap(([k, ss]) => [k, ...(ss as string[])]);
const vocabArb = (v: Vocabulary<string>, extra: string[] = []) => garbled(fc.constantFrom(...spellingsOf(v), ...extra));

const cjk = fc.string({
  unit: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)),
  maxLength: 6,
});
const fullWidth = fc.string({
  unit: fc.integer({ min: 0xff01, max: 0xff5e }).map((c) => String.fromCharCode(c)),
  maxLength: 6,
});
const mixedText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  cjk,
  fullWidth,
);

/**
 * Keys of generated objects. fast-check deliberately produces "toString" as a key;
 * an object whose own toString is not a function, like a null-prototype object
 * (withNullPrototype, fc.record's default), makes the normalizer throw — a known
 * defect, pinned by the failing tests at the end — so such objects are left to them.
 */
const safeKey = fc.string().filter((k) => k !== 'toString');
const objectConstraints = {
  key: safeKey,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withObjectString: true,
  withBigInt: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
  maxDepth: 2,
} as const;

const errorCell = fc
  .constantFrom('#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NUM!', '#NAME?', '#NULL!', '#SPILL!', '#CALC!')
  .chain((e) => fc.constantFrom<unknown>(e, { error: e }, { formula: 'X1', result: { error: e } }));

/**
 * Anything a cell may hold. `bounded` keeps numbers within ±1e9: the engine turns a
 * number near Number.MAX_VALUE into Infinity credits (a known defect, pinned below),
 * so the properties about figures use bounded cells and the no-throw ones do not.
 */
const junkCache = new Map<boolean, fc.Arbitrary<unknown>>();
function junk(bounded: boolean): fc.Arbitrary<unknown> {
  let arb = junkCache.get(bounded);
  if (!arb) junkCache.set(bounded, (arb = makeJunk(bounded)));
  return arb;
}

function makeJunk(bounded: boolean): fc.Arbitrary<unknown> {
  const numbers = bounded
    ? fc.oneof(
        fc.double({ min: -1e9, max: 1e9 }),
        fc.integer(),
        fc.constantFrom(NaN, -1, -0, 0, 0.005, 1e-7, 999_999_999),
      )
    : fc.oneof(
        fc.double(),
        fc.integer(),
        fc.constantFrom(
          NaN,
          Infinity,
          -Infinity,
          Number.MAX_VALUE,
          -Number.MAX_VALUE,
          Number.MIN_VALUE,
          1e21,
          1e300,
          -1,
          -0,
        ),
      );
  const leaves = bounded
    ? [
        fc.boolean(),
        fc.integer({ min: -1e6, max: 1e6 }),
        fc.double({ min: -1e9, max: 1e9 }),
        fc.string(),
        fc.constant(null),
        fc.constant(undefined),
      ]
    : undefined;
  return fc.oneof(
    fc.anything(leaves ? { ...objectConstraints, values: leaves } : objectConstraints),
    mixedText,
    numbers,
    numbers.map((n) => String(n)),
    numbers.map((n) => toWide(String(n))),
    fc.date({ noInvalidDate: false }),
    fc.boolean(),
    errorCell,
    fc.record(
      { formula: fc.constant('A1'), result: fc.oneof(numbers, mixedText, fc.constant(null)) },
      { noNullPrototype: true },
    ),
    fc.record(
      { richText: fc.array(fc.record({ text: mixedText }, { noNullPrototype: true }), { maxLength: 3 }) },
      { noNullPrototype: true },
    ),
    fc.constantFrom<unknown>(null, undefined, '', ' ', '\u3000', NaN),
  );
}

// A few teachers, so that records group: valid IDs, the same IDs garbled, a 15-digit
// legacy number, a staff number and an ID with a wrong check digit.
const IDS = [
  '11010519491231002X',
  '440304199001010011',
  '652327200101010001',
  '110105491231002',
  'T001',
  '110105194912310021',
];
const YEARS = fc.integer({ min: 2016, max: 2030 });
const SERIAL = (y: number, m: number, d: number) =>
  Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
const yearCell = fc.oneof(
  YEARS,
  YEARS.map((y) => `${y}年`),
  YEARS.map((y) => `${y}年度`),
  fc
    .tuple(YEARS, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
    .chain(([y, m, d]) =>
      fc.constantFrom<unknown>(
        `${y}-${m}-${d}`,
        `${y}/${m}/${d}`,
        `${y}年${m}月${d}日`,
        `${y}.${m}`,
        SERIAL(y, m, d),
        String(SERIAL(y, m, d)),
        new Date(Date.UTC(y, m - 1, d)),
        `${y - 1}.12-${y}.${m}`,
      ),
    ),
);
const hoursCell = fc.oneof(
  fc.integer({ min: 0, max: 120 }),
  fc.integer({ min: 0, max: 60000 }).map((n) => n / 100),
  fc.integer({ min: 0, max: 200 }).map((n) => `${n}学时`),
  fc.integer({ min: 0, max: 200 }).map((n) => toWide(String(n))),
  fc.constantFrom<unknown>(8, 24, 48, 72, 90, 120, 600, 0.5, 7.99),
);
const boolCell = garbled(fc.constantFrom(...BOOL_SPELLINGS.yes, ...BOOL_SPELLINGS.no));

const PLAUSIBLE: Record<Field, fc.Arbitrary<unknown>> = {
  teacherId: garbled(fc.constantFrom(...IDS)).map((s) => s.toLowerCase()),
  name: fc.constantFrom('张三', '李四', '王五', 'Ｌｉ Ｍｉｎｇ'),
  school: fc.constantFrom('第一中学', '实验小学', '奇台县第二中学'),
  year: yearCell,
  date: yearCell,
  project: fc.constantFrom('国培计划A', '省培B', '校本研修1', '课题X'),
  level: vocabArb(LEVEL_VOCAB, ['区级', '市县级', '自治区', '地州级']),
  mode: vocabArb(MODE_VOCAB),
  hours: hoursCell,
  days: fc.integer({ min: 0, max: 10 }),
  months: fc.integer({ min: 0, max: 12 }),
  grade: fc.oneof(fc.integer({ min: 0, max: 100 }), vocabArb(GRADE_VOCAB)),
  award: vocabArb(AWARD_VOCAB),
  role: vocabArb(ROLE_VOCAB),
  rate: fc.constantFrom(0.5, 0.8, 1, 1.5, 2, 2.5, 3, 4),
  category: vocabArb(CATEGORY_VOCAB),
  selfSelected: boolCell,
  credits: fc.oneof(
    fc.integer({ min: 0, max: 100 }),
    fc.integer({ min: 0, max: 10000 }).map((n) => n / 100),
  ),
  certificate: fc.constantFrom('0707200001', '0707200000', '1599900001', '123'),
  classTeacher: boolCell,
  assessment: boolCell,
  hireYear: YEARS,
  exempt: boolCell,
};

const BLANK = fc.constantFrom<unknown>(null, undefined, '', '  ', NaN);

const cellCache = new Map<string, fc.Arbitrary<unknown>>();
function cellArb(field: Field | null, bounded: boolean, junkWeight: number): fc.Arbitrary<unknown> {
  const key = `${field}|${bounded}|${junkWeight}`;
  let arb = cellCache.get(key);
  if (!arb) cellCache.set(key, (arb = makeCell(field, bounded, junkWeight)));
  return arb;
}

function makeCell(field: Field | null, bounded: boolean, junkWeight: number): fc.Arbitrary<unknown> {
  if (field === null) return fc.oneof(BLANK, junk(bounded)); // an unmapped column (备注)
  return fc.oneof(
    { arbitrary: PLAUSIBLE[field], weight: 18 },
    { arbitrary: BLANK, weight: 3 },
    { arbitrary: junk(bounded), weight: junkWeight },
  );
}

// ---------------------------------------------------------------- tables

const HEADER_TEXT: Record<Field, string> = Object.fromEntries(FIELDS.map((f) => [f, HEADERS[f][0]!])) as Record<
  Field,
  string
>;
const REQUIRED: Field[] = ['teacherId', 'year', 'mode', 'hours', 'level'];
const OPTIONAL: Field[] = FIELDS.filter((f) => !REQUIRED.includes(f));

interface Table {
  columns: Array<Field | null>;
  rows: unknown[][];
}

/** Shape a generated row: full, cut short (ragged), extended, or empty. */
const shapeRow = (cells: unknown[], shape: number, extra: unknown[]): unknown[] =>
  shape === 0 ? [] : shape === 1 ? cells.slice(0, extra.length) : shape === 2 ? [...cells, ...extra] : cells;

function tableArb(
  bounded: boolean,
  opts: { junkWeight?: number; maxRows?: number; ragged?: boolean; titles?: boolean; maxOptional?: number } = {},
): fc.Arbitrary<Table> {
  const junkWeight = opts.junkWeight ?? 6;
  return fc
    .tuple(fc.subarray(OPTIONAL, { maxLength: opts.maxOptional ?? OPTIONAL.length }), fc.boolean())
    .chain(([optional, remark]) => {
      const fields: Array<Field | null> = [...REQUIRED, ...optional, ...(remark ? [null] : [])];
      return fc.shuffledSubarray(fields, { minLength: fields.length, maxLength: fields.length });
    })
    .chain((columns) => {
      const row = fc
        .tuple(
          fc.tuple(...columns.map((f) => cellArb(f, bounded, junkWeight))),
          opts.ragged === false ? fc.constant(3) : fc.constantFrom(0, 1, 2, 3, 3, 3, 3, 3),
          fc.array(junk(bounded), { maxLength: 3 }),
        )
        .map(([cells, shape, extra]) => shapeRow(cells, shape, extra));
      const titles =
        opts.titles === false
          ? fc.constant([])
          : fc.array(fc.array(fc.oneof(cjk, fc.constant('教师培训学时登记表')), { maxLength: 2 }), { maxLength: 2 });
      return fc.tuple(fc.constant(columns), titles, fc.array(row, { maxLength: opts.maxRows ?? 8 }));
    })
    .map(([columns, titles, rows]) => ({
      columns,
      rows: [...titles, columns.map((f) => (f === null ? '备注' : HEADER_TEXT[f])), ...rows],
    }));
}

// hainan and puer have overridable UNDEFINED numbers; exercise them too.
const overridesArb = (region: RegionId): fc.Arbitrary<Overrides> => {
  const table = rulesFor(region).params;
  const keys = Object.keys(table).filter((k) => table[k]!.overridable);
  if (!keys.length) return fc.constant({});
  return fc
    .subarray(keys)
    .chain((ks) =>
      fc.tuple(
        ...ks.map((k) =>
          fc
            .integer({ min: Math.ceil(table[k]!.min * 100), max: Math.floor(table[k]!.max * 100) })
            .map((n) => [k, n / 100] as const),
        ),
      ),
    )
    .map((entries) => Object.fromEntries(entries));
};

function run(region: RegionId, rows: unknown[][], overrides: Overrides = {}): CheckResult {
  return checkTable(rows, { rules: RULES[region], asOf: TODAY, overrides });
}

// ---------------------------------------------------------------- checks

const twoDecimals = (x: number): boolean => Number.isFinite(x) && new Decimal(x).decimalPlaces() <= 2;

function expectFigure(x: number | null, what: string): void {
  if (x === null) return;
  if (!(Number.isFinite(x) && x >= 0 && twoDecimals(x)))
    throw new Error(`${what} = ${x}: not a non-negative finite figure with at most 2 decimals`);
}

function expectSoundFigures(r: CheckResult): void {
  for (const rec of r.records) {
    expectFigure(rec.conversion.hours, `row ${rec.row} hours`);
    expectFigure(rec.conversion.credits, `row ${rec.row} credits`);
  }
  for (const t of r.teachers) {
    for (const y of t.years) {
      expectFigure(y.hours, `${t.id} ${y.year} hours`);
      expectFigure(y.credits, `${t.id} ${y.year} credits`);
    }
    expectFigure(t.cycle.hours, `${t.id} cycle hours`);
    expectFigure(t.cycle.credits, `${t.id} cycle credits`);
    for (const c of [...t.cycle.conditions, ...t.years.flatMap((y) => y.conditions)]) {
      if (!Number.isFinite(c.actual) || !Number.isFinite(c.required))
        throw new Error(`${t.id} condition ${c.id}: ${c.actual}/${c.required}`);
    }
  }
}

function expectValidReport(r: CheckResult, langs: ReadonlyArray<'zh' | 'en'> = ['zh', 'en']): void {
  for (const lang of langs) {
    const parsed = ReportSchema.safeParse(toReport(r, lang));
    if (!parsed.success)
      throw new Error(
        `report (${lang}) does not match ReportSchema: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`,
      );
  }
}

const NUMERIC: ReadonlySet<Field> = new Set(['hours', 'days', 'months', 'rate', 'credits']);

/** The parser normalizeRow applies to each typed field (text fields are not typed). */
function parserFor(region: RegionId, f: Field): ((v: unknown) => Parsed<unknown>) | undefined {
  switch (f) {
    case 'teacherId':
      return parseId;
    case 'year':
    case 'date':
    case 'hireYear':
      return parseYear;
    case 'level':
      return (v) => parseVocab(LEVEL_VOCAB, v, rulesFor(region).levelAliases);
    case 'mode':
      return (v) => parseVocab(MODE_VOCAB, v, rulesFor(region).modeAliases);
    case 'award':
      return (v) => parseVocab(AWARD_VOCAB, v);
    case 'role':
      return (v) => parseVocab(ROLE_VOCAB, v);
    case 'category':
      return (v) => parseVocab(CATEGORY_VOCAB, v);
    case 'grade':
      return parseGrade;
    case 'hours':
      return (v) => parseNumber(v, 'hours');
    case 'days':
      return (v) => parseNumber(v, 'days');
    case 'months':
      return (v) => parseNumber(v, 'months');
    case 'rate':
    case 'credits':
      return (v) => parseNumber(v, 'credits');
    case 'selfSelected':
    case 'classTeacher':
    case 'assessment':
    case 'exempt':
      return parseBool;
    default:
      return undefined; // name, school, project, certificate: free text
  }
}

/** Whether the record holds a value for a typed field. */
function holds(rec: RecordResult['record'], f: Field): boolean {
  switch (f) {
    case 'teacherId':
      return rec.teacherId !== null;
    case 'year':
    case 'date':
      return rec.year !== null;
    case 'credits':
      return rec.enteredCredits !== undefined;
    case 'grade':
      return rec.grade !== undefined;
    default:
      return (rec as unknown as Record<string, unknown>)[f] !== undefined;
  }
}

/**
 * Every record either has numbers or an issue: a non-blank cell that was not accepted
 * has an issue on its field, and a record without credits says why.
 */
function expectAccountedFor(region: RegionId, rows: unknown[][], r: CheckResult): void {
  for (const rec of r.records) {
    const cells = rows[rec.row - 1]!;
    const fields = new Set(rec.issues.map((i) => i.field));
    for (const [f, idx] of Object.entries(r.columns.columns) as Array<[Field, number]>) {
      const raw = cells[idx];
      const parse = parserFor(region, f);
      if (!parse || isBlank(raw)) continue;
      const p = parse(raw);
      const refused = p !== null && (!p.ok || (NUMERIC.has(f) && (p.value as number) < 0));
      if (refused && !fields.has(f))
        throw new Error(`row ${rec.row}: ${f} ${String(raw)} was rejected without an issue on ${f}`);
      // independently of the parser: a non-blank typed cell either gave a value or has an issue
      const own = f === 'year' || f === 'date' ? p !== null && p.ok : holds(rec.record, f);
      if (!own && !fields.has(f)) throw new Error(`row ${rec.row}: ${f} ${String(raw)} vanished without an issue`);
    }
    if (rec.conversion.credits === null) {
      const why = rec.issues.some(
        (i) => i.severity === 'error' || i.code === 'RULE_UNDEFINED' || i.code === 'MODE_NOT_COVERED',
      );
      if (!why)
        throw new Error(
          `row ${rec.row}: credits null without an error or RULE_UNDEFINED/MODE_NOT_COVERED: ${JSON.stringify(rec.issues.map((i) => i.code))}`,
        );
    }
    if (rec.issues.some((i) => i.code === 'INTERNAL_ERROR'))
      throw new Error(`row ${rec.row}: ${JSON.stringify(rec.issues)}`);
    if (
      rec.issues.some(
        (i) =>
          i.severity === 'error' &&
          ['year', 'date', 'level', 'mode', 'hours', 'days', 'months', 'grade', 'rate'].includes(i.field),
      )
    ) {
      if (rec.conversion.credits !== null || rec.conversion.counted)
        throw new Error(
          `row ${rec.row}: an error on a computing field, yet credits ${rec.conversion.credits} counted ${rec.conversion.counted}`,
        );
    }
  }
}

const teacherKey = (id: string) => fold(id).toUpperCase();

/** The records a teacher's cycle counts: same teacher, counted, year inside the cycle. */
function cycleRecords(r: CheckResult, t: CheckResult['teachers'][number]): RecordResult[] {
  return r.records.filter(
    (x) =>
      x.record.teacherId !== null &&
      teacherKey(x.record.teacherId) === teacherKey(t.id) &&
      x.conversion.counted &&
      x.record.year !== null &&
      x.record.year >= t.cycle.start &&
      x.record.year <= t.cycle.end,
  );
}

// ================================================================= properties

describe.each(REGIONS)('%s', (region) => {
  test('checkTable never throws on a valid header and arbitrary data rows (unbounded values)', () => {
    fc.assert(
      fc.property(tableArb(false, { junkWeight: 12 }), overridesArb(region), (t, overrides) => {
        run(region, t.rows, overrides);
      }),
      { numRuns: runs(RUNS) },
    );
  });

  test('records are accounted for, figures are sound, the report validates', () => {
    fc.assert(
      fc.property(
        tableArb(true),
        overridesArb(region),
        fc.constantFrom('zh' as const, 'en' as const),
        (t, overrides, lang) => {
          const r = run(region, t.rows, overrides);
          expectAccountedFor(region, t.rows, r);
          expectSoundFigures(r);
          expectValidReport(r, [lang]);
        },
      ),
      { numRuns: runs(RUNS) },
    );
  });

  test('a missing header, or a missing required column, is a RosterError and nothing else', () => {
    const noHeader = fc.array(fc.array(junk(false), { maxLength: 6 }), { maxLength: 6 });
    const lacking = fc
      .constantFrom<Field[]>(
        ['teacherId'],
        ['mode'],
        ['year', 'date'],
        ['hours', 'days'],
        ...(region === 'zhengzhou' ? [] : [['level'] as Field[]]),
      )
      .chain((drop) =>
        tableArb(true, { maxRows: 3, titles: false }).map((t) => {
          const header = t.rows[0]!.map((h, i) => (t.columns[i] !== null && drop.includes(t.columns[i]!) ? '备注' : h));
          return [header, ...t.rows.slice(1)];
        }),
      );
    fc.assert(
      fc.property(noHeader, (rows) => {
        try {
          run(region, rows);
        } catch (e) {
          if (!(e instanceof RosterError)) throw e;
        }
      }),
      { numRuns: runs(RUNS) },
    );
    fc.assert(
      fc.property(lacking, (rows) => {
        expect(() => run(region, rows)).toThrow(RosterError);
      }),
      { numRuns: runs(20) },
    );
    expect(() => run(region, [])).toThrow(RosterError);
    expect(() =>
      run(region, [
        ['姓名', '学校'],
        ['张三', '一中'],
      ]),
    ).toThrow(RosterError);
  });

  test('computeCredits never throws; null credits come with a reason; figures are sound', () => {
    const input = (bounded: boolean) =>
      fc.record(
        {
          hours: cellArb('hours', bounded, 6),
          level: cellArb('level', bounded, 6),
          mode: cellArb('mode', bounded, 6),
          grade: cellArb('grade', bounded, 6),
          rate: cellArb('rate', bounded, 6),
          days: cellArb('days', bounded, 6),
          months: cellArb('months', bounded, 6),
          role: cellArb('role', bounded, 6),
          award: cellArb('award', bounded, 6),
          category: cellArb('category', bounded, 6),
        },
        { requiredKeys: [], noNullPrototype: true },
      );
    fc.assert(
      fc.property(input(false), overridesArb(region), (i, overrides) => {
        computeCredits({ ...i, rules: RULES[region], overrides } as CreditsInput);
      }),
      { numRuns: runs(RUNS) },
    );
    fc.assert(
      fc.property(input(true), overridesArb(region), (i, overrides) => {
        const r = computeCredits({ ...i, rules: RULES[region], overrides } as CreditsInput);
        expectFigure(r.hours, 'hours');
        expectFigure(r.credits, 'credits');
        if (r.errors.length) expect(r.credits).toBeNull();
        if (r.credits === null) {
          expect(
            r.errors.length > 0 || r.issues.some((x) => x.code === 'RULE_UNDEFINED' || x.code === 'MODE_NOT_COVERED'),
          ).toBe(true);
        }
        expect(r.issues.some((x) => x.code === 'INTERNAL_ERROR')).toBe(false);
      }),
      { numRuns: runs(RUNS) },
    );
  });
});

// ----------------------------------------------------------------- caps

/** Mostly plausible tables: the caps need records that convert. */
const cleanTable = (maxRows = 12) =>
  tableArb(true, { junkWeight: 1, maxRows, titles: false, ragged: false, maxOptional: 6 });

describe('caps', () => {
  const BASE_MODES = new Set([
    'centralized',
    'followAlong',
    'exam',
    'competition',
    'newTeacher',
    'classTeacher',
    'support',
    'schoolBased',
  ]);

  test('hainan: one base-training record never earns more than 10 credits, nor one project in a year; school-level credits count at most 6 a year', () => {
    fc.assert(
      fc.property(cleanTable(), overridesArb('hainan'), (t, overrides) => {
        const r = run('hainan', t.rows, overrides);
        for (const rec of r.records) {
          if (
            rec.record.mode &&
            BASE_MODES.has(rec.record.mode) &&
            rec.record.role !== 'lecturer' &&
            rec.conversion.credits !== null
          ) {
            // a 主讲 is lecturing (第十四条5)
            expect(rec.conversion.credits).toBeLessThanOrEqual(10);
          }
        }
        for (const tj of r.teachers) {
          for (const y of tj.years) {
            const recs = cycleRecords(r, tj).filter((x) => x.record.year === y.year);
            // 第十四条第3项: a project's capped rows count together, in row order, up to 10
            const counted = new Map<RecordResult, Decimal>(
              recs.map((x) => [x, new Decimal(x.conversion.credits ?? 0)]),
            );
            const projects = new Map<string, RecordResult[]>();
            for (const x of recs) {
              if (
                !x.record.project ||
                (x.conversion.facts as { projectCap?: boolean }).projectCap !== true ||
                x.conversion.credits === null
              )
                continue;
              const k = fold(x.record.project);
              projects.set(k, [...(projects.get(k) ?? []), x]);
            }
            for (const list of projects.values()) {
              let left = new Decimal(10);
              for (const x of list) {
                const v = Decimal.min(counted.get(x)!, left);
                counted.set(x, v);
                left = left.minus(v);
              }
            }
            const school = recs.filter((x) => x.record.level === 'school' || x.record.mode === 'schoolBased');
            const other = recs.filter((x) => !(x.record.level === 'school' || x.record.mode === 'schoolBased'));
            const c = (xs: RecordResult[]) => xs.reduce((a, x) => a.plus(counted.get(x)!), new Decimal(0));
            expect(y.credits).toBe(round2(c(other).plus(Decimal.min(c(school), 6))));
          }
        }
      }),
      { numRuns: runs(40) },
    );
  });

  test('hainan: the cap is reached, not just respected (a 10-day national course is 10 credits)', () => {
    const r = run('hainan', [
      ['身份证号', '年度', '培训层次', '培训方式', '学时'],
      ['11010519491231002X', 2023, '国家级', '集中培训', 80],
    ]);
    expect(r.records[0]!.conversion.credits).toBe(10);
  });

  test("puer: school-based hours counted in a year never exceed 48, and a year's hours are the three modes' counted hours", () => {
    fc.assert(
      fc.property(cleanTable(16), overridesArb('puer'), (t, overrides) => {
        const r = run('puer', t.rows, overrides);
        for (const tj of r.teachers) {
          for (const y of tj.years) {
            const cond = (id: string) => y.conditions.find((c) => c.id === id)!.actual;
            expect(cond('schoolBasedHours')).toBeLessThanOrEqual(48);
            expect(y.hours).toBe(
              round2(new Decimal(cond('onlineHours')).plus(cond('centralizedHours')).plus(cond('schoolBasedHours'))),
            );
            // and, from the records themselves: at most the uncapped non-school-based hours + 48
            const recs = cycleRecords(r, tj).filter((x) => x.record.year === y.year);
            const h = (cls: string) =>
              recs
                .filter((x) => (x.conversion.facts as { modeClass?: string }).modeClass === cls)
                .reduce((a, x) => a.plus(x.conversion.hours ?? 0), new Decimal(0));
            expect(y.hours).toBeLessThanOrEqual(
              round2(
                h('online')
                  .plus(h('centralized'))
                  .plus(Decimal.min(h('schoolBased'), 48)),
              ),
            );
          }
          const sbCycle = tj.cycle.conditions.find((c) => c.id === 'schoolBasedCycleHours')!.actual;
          expect(sbCycle).toBeLessThanOrEqual(48 * tj.years.length);
        }
      }),
      { numRuns: runs(40) },
    );
  });

  test('puer: a year with 60 school-based hours counts 48 of them', () => {
    // each school-based project's rate is the county institute's (R-PE7): here 1
    const rows = [
      ['身份证号', '年度', '培训层次', '培训方式', '学时', '项目学分'],
      ['11010519491231002X', 2023, '校级', '校本研修', 30, 1],
      ['11010519491231002X', 2023, '校级', '校本研修', 30, 1],
    ];
    const y = run('puer', rows).teachers[0]!.years.find((x) => x.year === 2023)!;
    expect(y.conditions.find((c) => c.id === 'schoolBasedHours')!.actual).toBe(48);
    expect(y.hours).toBe(48);
    expect(y.credits).toBe(60); // credits all count (R-PE5)
  });

  test('shandong: a cycle never counts more than 120 school-based credits', () => {
    const schoolBased = (x: RecordResult) =>
      x.record.mode === 'schoolBased' ||
      x.record.mode === 'selfStudy' ||
      (x.record.mode === 'lecture' && x.record.level === 'school');
    fc.assert(
      fc.property(cleanTable(16), (t) => {
        const r = run('shandong', t.rows);
        for (const tj of r.teachers) {
          const recs = cycleRecords(r, tj);
          const c = (xs: RecordResult[]) => xs.reduce((a, x) => a.plus(x.conversion.credits ?? 0), new Decimal(0));
          const sb = c(recs.filter(schoolBased));
          const other = c(recs.filter((x) => !schoolBased(x)));
          expect(tj.cycle.credits).toBeLessThanOrEqual(round2(other.plus(120)));
          expect(tj.cycle.credits).toBe(round2(other.plus(Decimal.min(sb, 120))));
        }
      }),
      { numRuns: runs(40) },
    );
  });

  test('shandong: 200 school-based hours count 120 in the cycle', () => {
    const rows = [
      ['身份证号', '年度', '培训层次', '培训方式', '学时'],
      ['11010519491231002X', 2023, '校级', '校本培训', 100],
      ['11010519491231002X', 2024, '校级', '自主研习', 100],
      ['11010519491231002X', 2024, '省级', '集中培训', 50],
    ];
    expect(run('shandong', rows, {}).teachers[0]!.cycle.credits).toBe(170);
  });
});

// ----------------------------------------------------------------- monotonicity

describe.each(['shandong', 'zhengzhou'] as const)('%s: monotonicity', (region) => {
  test("adding hours to a record never lowers the teacher's cycle (or year) credits", () => {
    const arb = cleanTable(10).chain((t) =>
      fc.tuple(
        fc.constant(t),
        fc.nat({ max: Math.max(0, t.rows.length - 2) }),
        fc.oneof(
          fc.integer({ min: 1, max: 200 }),
          fc.integer({ min: 1, max: 20000 }).map((n) => n / 100),
        ),
      ),
    );
    fc.assert(
      fc.property(arb, ([t, k, delta]) => {
        const hoursCol = t.columns.indexOf('hours');
        const rowIdx = k + 1;
        if (rowIdx >= t.rows.length) return;
        const raw = t.rows[rowIdx]![hoursCol];
        const p = parseNumber(raw, 'hours');
        const base = p === null ? 0 : p.ok && p.value >= 0 ? p.value : null;
        if (base === null) return; // a rejected cell has no hours to add to
        const more = t.rows.map((row, i) =>
          i === rowIdx ? row.map((c, j) => (j === hoursCol ? round2(new Decimal(base).plus(delta)) : c)) : row,
        );
        const before = run(region, t.rows);
        const after = run(region, more);
        for (const tb of before.teachers) {
          const ta = after.teachers.find((x) => teacherKey(x.id) === teacherKey(tb.id))!;
          expect(ta.cycle.start).toBe(tb.cycle.start);
          expect(ta.cycle.credits).toBeGreaterThanOrEqual(tb.cycle.credits);
          for (const yb of tb.years)
            expect(ta.years.find((y) => y.year === yb.year)!.credits).toBeGreaterThanOrEqual(yb.credits);
        }
      }),
      { numRuns: runs(40) },
    );
  });
});

// ----------------------------------------------------------------- known defects

describe('defects found by these properties, now fixed', () => {
  const header = ['身份证号', '年度', '培训层次', '培训方式', '学时'];

  // BUG: normalize.ts reject() builds the issue's value with String(raw) when the cell
  // has no text; String() throws for an object whose toString is not callable, or with
  // a null prototype, so checkTable (and computeCredits) throw a TypeError instead of
  // reporting HOURS_NOT_NUMBER. errorValue() has the same String(o.error) call.
  test('checkTable reports, and does not throw on, a cell { toString: 1 }', () => {
    expect(() =>
      run('hainan', [header, ['11010519491231002X', 2023, '国家级', '集中培训', { toString: 1 }]]),
    ).not.toThrow();
  });

  test('checkTable does not throw on a null-prototype object cell', () => {
    expect(() =>
      run('shandong', [header, ['11010519491231002X', 2023, '国家级', '集中培训', Object.create(null)]]),
    ).not.toThrow();
  });

  test('checkTable does not throw on { error: <null-prototype object> }', () => {
    expect(() =>
      run('zhengzhou', [header, ['11010519491231002X', 2023, '国家级', '集中培训', { error: Object.create(null) }]]),
    ).not.toThrow();
  });

  test('computeCredits does not throw on hours { toString: 1 }', () => {
    expect(() =>
      computeCredits({ rules: RULES.puer, hours: { toString: 1 }, level: '县级', mode: '网络研修' }),
    ).not.toThrow();
  });

  // BUG: hours near Number.MAX_VALUE pass parseNumber (finite) and only get the
  // HOURS_IMPLAUSIBLE warning; lecturing at 2× (shandong) or any sum over two such
  // records overflows to Infinity, and the report no longer matches ReportSchema
  // (z.number() refuses Infinity; JSON.stringify would print null).
  test('huge hours never give Infinity credits, and the report still validates', () => {
    const r = run('shandong', [
      header,
      ['11010519491231002X', 2023, '国家级', '主讲', 1e308],
      ['11010519491231002X', 2024, '国家级', '集中培训', 1e308],
    ]);
    expectSoundFigures(r);
    expectValidReport(r);
  });
});
