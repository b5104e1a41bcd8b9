// Input normalization (src/engine/normalize.ts, fields.ts, vocabulary.ts): every raw
// cell is either understood or rejected with a reason; headers are found by name.
import {
  Parsed,
  cellText,
  gradeOfScore,
  isBlank,
  isBlankRow,
  normalizeRow,
  parseBool,
  parseGrade,
  parseId,
  parseNumber,
  parseText,
  parseVocab,
  parseYear,
} from '../../src/engine/normalize';
import {
  AWARD_VOCAB,
  CATEGORY_VOCAB,
  GRADE_VOCAB,
  LEVEL_VOCAB,
  MODE_VOCAB,
  ROLE_VOCAB,
  Level,
  fold,
  lookup,
  nearestValues,
  suggestion,
} from '../../src/core/vocabulary';
import { REGIONS, RULES } from '../../src/rules';
import { ColumnMap, FIELDS, HEADERS, Field, detectHeader, headerlessMap, matchHeader } from '../../src/core/fields';
import { rulesFor } from '../../src/rules';
import { checkTable } from '../../src/engine/engine';

const TODAY = new Date(Date.UTC(2026, 5, 1));

/** The value of an accepted parse; fails the test when the value was rejected or blank. */
function value<T>(p: Parsed<T>): T {
  if (p === null) throw new Error('expected a value, got blank (null)');
  if (!p.ok) throw new Error(`expected a value, got a rejection: ${p.reason.en}`);
  return p.value;
}

function rejected<T>(p: Parsed<T>): { zh: string; en: string } {
  if (p === null) throw new Error('expected a rejection, got blank (null)');
  if (p.ok) throw new Error(`expected a rejection, got ${JSON.stringify(p.value)}`);
  expect(p.reason.zh.length).toBeGreaterThan(0);
  expect(p.reason.en.length).toBeGreaterThan(0);
  return p.reason;
}

/** Excel's day 0 is 1899-12-30 (1900 date system, with its fictitious 1900-02-29). */
const serialOf = (y: number, m: number, d: number) =>
  Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);

// ---------------------------------------------------------------------------------
describe('parseNumber', () => {
  test.each<[string, unknown, number]>([
    ['a number', 24, 24],
    ['zero', 0, 0],
    ['a decimal', 1.5, 1.5],
    ['full-width digits', '２４', 24],
    ['full-width digits and point', '２４．５', 24.5],
    ['a unit 学时', '24学时', 24],
    ['a unit 小时', '24小时', 24],
    ['a unit 课时', '6课时', 6],
    ['full-width digits with a unit', '２４学时', 24],
    ['a unit with a space before it', '24 学时', 24],
    ['an English unit', '24 hours', 24],
    ['an English unit, upper case', '24H', 24],
    ['surrounding spaces', ' 24 ', 24],
    ['ideographic spaces', '\u300024\u3000', 24],
    ['a no-break space', '\u00a024', 24],
    ['a thousands separator', '1,000', 1000],
    ['a full-width thousands separator', '１，０００', 1000],
    ['a thousands separator and decimals', '1,234.5', 1234.5],
    ['a negative number (negativity is judged by normalizeRow)', '-3', -3],
    ['a negative JS number', -3, -3],
    ['a plus sign', '+3', 3],
    ['a leading point', '.5', 0.5],
    ['a trailing point', '3.', 3],
    ['a formula result', { formula: 'SUM(A1:A3)', result: 24 }, 24],
    ['a formula result as text', { formula: 'A1&"学时"', result: '24学时' }, 24],
    ['a nested formula result', { formula: 'A1', result: { formula: 'B1', result: 12 } }, 12],
    ['a shared-formula result', { sharedFormula: 'A1', result: 8 }, 8],
    ['rich text', { richText: [{ text: '2' }, { text: '4' }] }, 24],
    ['a hyperlink cell', { text: '36', hyperlink: 'http://x' }, 36],
  ])('%s: %p → %p', (_label, input, expected) => {
    // the hours column's units (学时, 小时, 课时, h, hours) are accepted
    expect(value(parseNumber(input, 'hours'))).toBe(expected);
  });

  test.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['empty text', ''],
    ['spaces', '   '],
    ['ideographic spaces', '\u3000\u3000'],
    ['NaN (what some parsers give for an empty cell)', NaN],
    ['a formula whose result is empty', { formula: 'A1', result: '' }],
    ['a formula whose result is null', { formula: 'A1', result: null }],
  ])('%s is blank (null)', (_label, input) => {
    expect(parseNumber(input)).toBeNull();
  });

  test.each<[string, unknown, RegExp | null]>([
    ['text', 'abc', null],
    ['CJK text', '二十四', null],
    ['Infinity', Infinity, /finite/],
    ['-Infinity', -Infinity, /finite/],
    ['TRUE', true, /TRUE\/FALSE/],
    ['FALSE', false, /TRUE\/FALSE/],
    ['a Date', new Date(Date.UTC(2023, 6, 15)), /date/],
    ['#N/A as text', '#N/A', /#N\/A/],
    ['#VALUE! as text', '#VALUE!', /#VALUE!/],
    ['#DIV/0! with spaces', ' #DIV/0! ', /#DIV\/0!/],
    ['an error object', { error: '#N/A' }, /#N\/A/],
    ['a formula whose result is an error', { formula: '1/0', result: { error: '#DIV/0!' } }, /#DIV\/0!/],
    ['a formula without a cached result', { formula: 'A1' }, null],
    ['a range', '20-30', null],
    ['an exponent', '1e3', null],
    ['hexadecimal', '0x10', null],
    ['only a unit', '学时', null],
    ['a unit in front', '学时24', null],
    ['a string beyond the double range', '9'.repeat(400), /finite/],
    ['an array', [24], null],
    ['a plain object', { a: 1 }, null],
  ])('%s is rejected', (_label, input, reason) => {
    const r = rejected(parseNumber(input));
    if (reason) expect(r.en).toMatch(reason);
  });
});

// ---------------------------------------------------------------------------------
describe('parseYear', () => {
  test.each<[string, unknown, number]>([
    ['a year number', 2023, 2023],
    ['a year as text', '2023', 2023],
    ['年', '2023年', 2023],
    ['年度', '2023年度', 2023],
    ['full-width', '２０２３年度', 2023],
    ['spaces', ' 2023 年 ', 2023],
    ['a Date', new Date(Date.UTC(2023, 6, 15)), 2023],
    ['a Date on 31 December', new Date(Date.UTC(2023, 11, 31)), 2023],
    ['an Excel serial (2023-07-16)', 45123, 2023],
    ['an Excel serial with a time part', 45123.75, 2023],
    ['the serial of 2023-12-31', 45291, 2023],
    ['the serial of 2024-01-01', 45292, 2024],
    ['the first serial accepted, 1990-01-01', serialOf(1990, 1, 1), 1990],
    ['the last serial accepted, 2100-12-31', serialOf(2100, 12, 31), 2100],
    ['an Excel serial typed as text', '45123', 2023],
    ['an Excel serial with a long time part as text', '45123.125', 2023],
    ['ISO date', '2023-07-15', 2023],
    ['ISO date with a time', '2023-07-15 10:30:00', 2023],
    ['ISO timestamp', '2023-07-15T00:00:00.000Z', 2023],
    ['slashes', '2023/7/15', 2023],
    ['Chinese date', '2023年7月15日', 2023],
    ['Chinese year and month', '2023年7月', 2023],
    ['Chinese date, full-width digits', '２０２３年７月１５日', 2023],
    ['year.month', '2023.7', 2023],
    ['year.month.day', '2023.07.15', 2023],
    ['compact yyyymmdd', '20230715', 2023],
    ['a formula result', { formula: 'TODAY()', result: 45123 }, 2023],
    ['a span across the new year: the year it ends in', '2023.12-2024.1', 2024],
    ['a span of full dates', '2023.12.25-2024.1.5', 2024],
    ['a span in Chinese', '2023年12月—2024年1月', 2024],
    ['a span with 至', '2023年12月25日至2024年1月5日', 2024],
    ['a span with slashes', '2023/12/25~2024/1/5', 2024],
    ['a span within one year', '2023.3-2023.6', 2023],
    ['a leap day', '2024-02-29', 2024],
    ['1990, the first year accepted', 1990, 1990],
    ['2100, the last year accepted', '2100年', 2100],
  ])('%s: %p → %p', (_label, input, expected) => {
    expect(value(parseYear(input))).toBe(expected);
  });

  test('a serial is read as the Excel date it stands for', () => {
    expect(value(parseYear(serialOf(2019, 1, 1)))).toBe(2019);
    expect(value(parseYear(serialOf(2018, 12, 31)))).toBe(2018);
  });

  test.each<[string, unknown]>([
    ['null', null],
    ['empty text', ''],
    ['spaces', '  '],
    ['NaN', NaN],
  ])('%s is blank', (_label, input) => {
    expect(parseYear(input)).toBeNull();
  });

  test.each<[string, unknown, RegExp | null]>([
    ['Feb 30', '2023-02-30', /no such date/],
    ['Feb 29 in a common year', '2023-02-29', /no such date/],
    ['month 13', '2023-13-01', /no such date/],
    ['month 0', '2023-00-10', /no such date/],
    ['day 32 (Chinese)', '2023年1月32日', /no such date/],
    ['April 31', '2023/4/31', /no such date/],
    ['compact Feb 30', '20230230', /no such date/],
    ['compact month 13', '20231301', /no such date/],
    ['an impossible end of a span', '2023.12-2024.13', /no such date/],
    ['a year before 1990', 1989, /1990/],
    ['a year after 2100', '2101年', /2100/],
    ['year 1000', 1000, /outside/],
    ['year 9999', '9999', /outside/],
    ['a date in 1985', '1985-06-01', /outside/],
    ['a Date in 1985', new Date(Date.UTC(1985, 5, 1)), /outside/],
    ['a Date in 2200', new Date(Date.UTC(2200, 0, 1)), /outside/],
    ['an invalid Date', new Date(NaN), /valid date/],
    ['a serial before 1990', serialOf(1989, 12, 31), /neither/],
    ['a serial after 2100', serialOf(2101, 1, 1), /neither/],
    ['a small number', 500, /neither/],
    ['a fractional year', 2023.5, /neither/],
    ['a negative number', -2023, /neither/],
    ['Infinity', Infinity, null],
    ['text', '去年', null],
    ['a two-digit year', '23', null],
    ['an academic year without months', '2023-2024', null],
    ['day/month/year order', '15/7/2023', null],
    ['#N/A', '#N/A', /#N\/A/],
    ['an error object', { error: '#REF!' }, /#REF!/],
    ['a boolean', true, null],
    ['an object', { a: 1 }, null],
  ])('%s is rejected', (_label, input, reason) => {
    const r = rejected(parseYear(input));
    if (reason) expect(r.en).toMatch(reason);
  });
});

// ---------------------------------------------------------------------------------
describe('parseGrade', () => {
  test.each<[unknown, string, number]>([
    [0, 'fail', 0],
    [59.5, 'fail', 59.5],
    [59.99, 'fail', 59.99],
    [60, 'pass', 60],
    [69, 'pass', 69],
    [69.9, 'pass', 69.9],
    [70, 'fair', 70],
    [79.5, 'fair', 79.5],
    [80, 'good', 80],
    [89, 'good', 89],
    [90, 'excellent', 90],
    [100, 'excellent', 100],
    ['85', 'good', 85],
    ['85分', 'good', 85],
    ['９２', 'excellent', 92],
    [{ formula: 'AVERAGE(A1:A2)', result: 75 }, 'fair', 75],
  ])('score %p → %s', (input, grade, score) => {
    expect(value(parseGrade(input))).toEqual({ grade, score });
  });

  test.each<[unknown, string]>([
    ['优秀', 'excellent'],
    ['优', 'excellent'],
    ['良好', 'good'],
    ['良', 'good'],
    ['良 ', 'good'],
    [' 良', 'good'],
    ['中等', 'fair'],
    ['中', 'fair'],
    ['合格', 'pass'],
    ['及格', 'pass'],
    ['不合格', 'fail'],
    ['不及格', 'fail'],
    ['Ｇｏｏｄ', 'good'],
    ['GOOD', 'good'],
    ['Excellent', 'excellent'],
    ['A', 'excellent'],
    ['ｅ', 'fail'],
    ['优\u3000秀', 'excellent'],
  ])('word %p → %s', (input, grade) => {
    expect(value(parseGrade(input))).toEqual({ grade });
  });

  test('score bands of gradeOfScore', () => {
    expect([0, 59.99, 60, 69.99, 70, 79.99, 80, 89.99, 90, 100].map(gradeOfScore)).toEqual([
      'fail',
      'fail',
      'pass',
      'pass',
      'fair',
      'fair',
      'good',
      'good',
      'excellent',
      'excellent',
    ]);
  });

  test.each<[string, unknown, RegExp | null]>([
    ['101', 101, /0–100/],
    ['100.5', 100.5, /0–100/],
    ['-1', -1, /0–100/],
    ['-1 as text', '-1', /0–100/],
    ['an unknown word', '很好', /not a known grade/],
    ['a typo', '优良秀', /not a known grade/],
    ['a boolean', true, null],
    ['Infinity', Infinity, null],
    ['#N/A', '#N/A', null],
    ['an error object', { error: '#N/A' }, null],
  ])('%s is rejected', (_label, input, reason) => {
    const r = rejected(parseGrade(input));
    if (reason) expect(r.en).toMatch(reason);
  });

  test('an unknown grade word lists the accepted values', () => {
    const r = rejected(parseGrade('很好'));
    expect(r.zh).toContain('可用值：优、良、中、合格、不合格');
    expect(r.en).toContain('accepted: excellent, good, fair, pass, fail');
  });

  test.each([null, '', ' ', NaN])('%p is blank', (input) => {
    expect(parseGrade(input)).toBeNull();
  });
});

// ---------------------------------------------------------------------------------
describe('parseVocab: levels and modes', () => {
  test.each<[unknown, Level]>([
    ['国家级', 'national'],
    ['国培', 'national'],
    ['省级', 'provincial'],
    ['自治区级', 'provincial'],
    ['省培', 'provincial'],
    ['区培', 'provincial'],
    ['市级', 'prefecture'],
    ['州级', 'prefecture'],
    ['地级', 'prefecture'],
    ['地(州、市)级', 'prefecture'],
    ['地（州、市）级', 'prefecture'], // full-width brackets
    ['市州级', 'prefecture'],
    ['县级', 'county'],
    ['县(区)级', 'county'],
    ['县（区）级', 'county'],
    ['校级', 'school'],
    ['园级', 'school'],
    ['校本', 'school'],
    [' 国家级 ', 'national'],
    ['国 家 级', 'national'],
    ['省\u3000级', 'provincial'],
    ['National', 'national'],
    ['ＮＡＴＩＯＮＡＬ', 'national'],
    ['ｐｒｏｖｉｎｃｉａｌ', 'provincial'],
    [{ formula: 'A1', result: '县级' }, 'county'],
  ])('level %p → %s', (input, expected) => {
    expect(value(parseVocab(LEVEL_VOCAB, input))).toBe(expected);
  });

  test.each<[unknown, string]>([
    ['集中培训', 'centralized'],
    ['集中研修', 'centralized'],
    ['面授', 'centralized'],
    ['基地培训', 'centralized'],
    ['跟班培训', 'followAlong'],
    ['网络研修', 'online'],
    ['远程培训', 'online'],
    ['网络培训', 'online'],
    ['校本研修', 'schoolBased'],
    ['校本培训', 'schoolBased'],
    ['校级研训', 'schoolBased'],
    ['专业考试', 'exam'],
    ['主讲', 'lecture'],
    ['授课', 'lecture'],
    ['讲座', 'lecture'],
    ['示范课', 'lecture'],
    ['公开课', 'lecture'],
    ['师徒', 'mentorship'],
    ['师徒结对', 'mentorship'],
    ['学历提升', 'degree'],
    ['学历教育', 'degree'],
    ['工作室', 'studio'],
    ['课题', 'research'],
    ['课题研究', 'research'],
    ['教研活动', 'competition'],
    ['教学比赛', 'competition'],
    ['新教师培训', 'newTeacher'],
    ['试用期培训', 'newTeacher'],
    ['适岗培训', 'newTeacher'],
    ['班主任培训', 'classTeacher'],
    ['自主研修', 'selfStudy'],
    ['自主研习', 'selfStudy'],
    ['支教', 'support'],
    ['送教', 'support'],
    ['  集中 培训  ', 'centralized'],
    ['集中\u3000培训', 'centralized'],
    ['ｏｎｌｉｎｅ', 'online'],
    ['School-Based', 'schoolBased'],
    ['学历(学位)提升', 'degree'],
    ['学历（学位）提升', 'degree'],
  ])('mode %p → %s', (input, expected) => {
    expect(value(parseVocab(MODE_VOCAB, input))).toBe(expected);
  });

  test('every spelling of every vocabulary resolves to its own value, also full-width and spaced', () => {
    for (const vocab of [LEVEL_VOCAB, MODE_VOCAB, GRADE_VOCAB, AWARD_VOCAB, ROLE_VOCAB, CATEGORY_VOCAB] as const) {
      for (const [canonical, spellings] of Object.entries(vocab.spellings) as Array<[string, readonly string[]]>) {
        for (const s of [canonical, ...spellings]) {
          const wide = [...s]
            .map((c) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c))
            .join('');
          const spaced = ` ${[...s].join(' ')} `;
          for (const form of [s, wide, spaced, s.toUpperCase()]) {
            expect([form, lookup(vocab as never, form)]).toEqual([form, canonical]);
          }
        }
      }
    }
  });

  describe('region aliases (levelAliases of src/rules/*.ts)', () => {
    const parseLevel = (region: (typeof REGIONS)[number], raw: string) =>
      parseVocab(LEVEL_VOCAB, raw, rulesFor(region).levelAliases);

    test('区级 is the autonomous region (provincial) in qitai', () => {
      expect(value(parseLevel('qitai', '区级'))).toBe('provincial');
      expect(value(parseLevel('qitai', ' 区 级 '))).toBe('provincial');
      expect(value(parseLevel('qitai', '自治区'))).toBe('provincial');
      expect(value(parseLevel('qitai', '地州级'))).toBe('prefecture');
    });

    test.each(['hainan', 'shandong', 'zhengzhou', 'puer'] as const)('区级 is a district (county) in %s', (region) => {
      expect(value(parseLevel(region, '区级'))).toBe('county');
    });

    test('市县级 is prefecture in hainan', () => {
      expect(value(parseLevel('hainan', '市县级'))).toBe('prefecture');
      expect(value(parseLevel('hainan', '市 县 级'))).toBe('prefecture');
      expect(value(parseLevel('hainan', '市县'))).toBe('prefecture');
    });

    test.each(['shandong', 'zhengzhou', 'puer', 'qitai'] as const)('市县级 is not a level in %s', (region) => {
      const r = rejected(parseLevel(region, '市县级'));
      expect(r.en).toMatch(/not a known level/);
    });

    test('the common spellings still work next to the aliases', () => {
      for (const region of REGIONS) {
        expect(value(parseLevel(region, '国家级'))).toBe('national');
        expect(value(parseLevel(region, '县级'))).toBe('county');
      }
    });

    test('区级 without a region is not guessed', () => {
      rejected(parseVocab(LEVEL_VOCAB, '区级'));
    });
  });

  describe('region aliases (modeAliases of src/rules/*.ts)', () => {
    const parseMode = (region: (typeof REGIONS)[number], raw: string) =>
      parseVocab(MODE_VOCAB, raw, rulesFor(region).modeAliases);

    // 郑州 五: 校本培训、听评课和示范课、课题研究、校本课程开发、区域研修、网络教研 are 校本研修
    test.each([
      '听评课',
      '听评课和示范课',
      '示范课',
      '课题研究',
      '课题',
      '校本课程开发',
      '区域研修',
      '网络教研',
      ' 网络 教研 ',
    ])('%s is school-based in zhengzhou', (raw) => {
      expect(value(parseMode('zhengzhou', raw))).toBe('schoolBased');
    });

    test.each(['hainan', 'shandong', 'puer', 'qitai'] as const)(
      '示范课 stays lecturing and 课题研究 research in %s',
      (region) => {
        expect(value(parseMode(region, '示范课'))).toBe('lecture');
        expect(value(parseMode(region, '课题研究'))).toBe('research');
      },
    );

    test.each(['hainan', 'shandong', 'puer', 'qitai'] as const)('听评课 is not a mode in %s', (region) => {
      expect(rejected(parseMode(region, '听评课')).en).toMatch(/not a known mode/);
    });

    test('the common spellings still work next to the aliases', () => {
      expect(value(parseMode('zhengzhou', '集中培训'))).toBe('centralized');
      expect(value(parseMode('zhengzhou', '主讲'))).toBe('lecture');
    });
  });

  describe('unknown values name the nearest accepted values', () => {
    test.each<[string, unknown, string, string]>([
      ['a level typo', '省机', '省级', 'provincial'],
      ['a level typo', '国家机', '国家级', 'national'],
      ['a county typo', '县机', '县级', 'county'],
      ['a mode typo', '集中培顺', '集中培训', 'centralized'],
      ['a truncated mode', '网络研', '网络研修', 'online'],
      ['a mode typo', '校本研究', '校本研修', 'schoolBased'],
    ])('%s %p suggests %s (%s)', (_label, raw, spelling, value) => {
      const vocab = /级|国|省|县/.test(String(raw)) ? LEVEL_VOCAB : MODE_VOCAB;
      const r = rejected(parseVocab(vocab as never, raw));
      const near = r.zh.split('最接近的是：')[1]!.split('；')[0]!.split('、');
      expect(near).toContain(spelling);
      expect(near.length).toBeLessThanOrEqual(3);
      // the English message names the values in English (the engine accepts them too), no Chinese words
      expect(r.en).toContain(value);
      expect(r.en).not.toMatch(/[\u4e00-\u9fff]/);
    });

    test('the message also lists the accepted values, in its own language', () => {
      const r = rejected(parseVocab(MODE_VOCAB, '集中培顺'));
      expect(r.zh).toContain('可用值：集中培训、跟班培训');
      expect(r.en).toContain('accepted: centralized, followAlong');
    });

    test('nearestValues() puts the closest first, one per value; a clear best is the suggestion', () => {
      expect(nearestValues(LEVEL_VOCAB, '省机')[0]).toMatchObject({ value: 'provincial', spelling: '省级' });
      expect(nearestValues(MODE_VOCAB, '集中培顺')[0]!.value).toBe('centralized');
      expect(suggestion(nearestValues(LEVEL_VOCAB, '省集'))?.spelling).toBe('省级');
      expect(suggestion(nearestValues(LEVEL_VOCAB, '不知道'))).toBeUndefined();
      const p = parseVocab(LEVEL_VOCAB, '省集');
      expect(p && !p.ok && p.suggestion).toBe('省级');
    });

    test('a long value gets no edit-distance search (it is not a typo, and it would be slow)', () => {
      const r = rejected(parseVocab(LEVEL_VOCAB, '省'.repeat(5000)));
      expect(r.zh).not.toContain('最接近的是');
      expect(nearestValues(LEVEL_VOCAB, 'x'.repeat(21))).toEqual([]);
    });
  });

  test.each<[string, unknown, RegExp | null]>([
    ['#N/A', '#N/A', /#N\/A/],
    ['an error object', { error: '#N/A' }, /#N\/A/],
    ['a number', 3, null],
    ['a boolean', true, null],
    ['an object', { a: 1 }, null],
  ])('level %s is rejected', (_label, input, reason) => {
    const r = rejected(parseVocab(LEVEL_VOCAB, input));
    if (reason) expect(r.en).toMatch(reason);
  });

  test.each([null, undefined, '', '   ', NaN])('level %p is blank', (input) => {
    expect(parseVocab(LEVEL_VOCAB, input)).toBeNull();
  });

  test('the other vocabularies', () => {
    expect(value(parseVocab(AWARD_VOCAB, '一等奖'))).toBe('first');
    expect(value(parseVocab(AWARD_VOCAB, '无'))).toBe('none');
    expect(value(parseVocab(ROLE_VOCAB, '主持人'))).toBe('host');
    expect(value(parseVocab(ROLE_VOCAB, '徒弟'))).toBe('apprentice');
    expect(value(parseVocab(CATEGORY_VOCAB, '公共课'))).toBe('requiredPublic');
    expect(value(parseVocab(CATEGORY_VOCAB, '专业理念与师德'))).toBe('ethics');
    expect(value(parseVocab(CATEGORY_VOCAB, '必修'))).toBe('requiredProfessional');
  });
});

// ---------------------------------------------------------------------------------
describe('parseBool', () => {
  test.each<[unknown, boolean]>([
    ['是', true],
    ['否', false],
    [true, true],
    [false, false],
    ['TRUE', true],
    ['false', false],
    ['Yes', true],
    ['ｙｅｓ', true],
    ['NO', false],
    ['y', true],
    ['n', false],
    ['√', true],
    ['×', false],
    ['✓', true],
    [1, true],
    [0, false],
    ['1', true],
    ['0', false],
    ['有', true],
    ['无', false],
    ['合格', true],
    ['不合格', false],
    [' 是 ', true],
    [{ formula: 'A1>0', result: true }, true],
  ])('%p → %p', (input, expected) => {
    expect(value(parseBool(input))).toBe(expected);
  });

  test.each<unknown>(['maybe', '是的吧', 2, -1, 'x', '#N/A', { error: '#N/A' }, new Date(0)])(
    '%p is rejected',
    (input) => {
      rejected(parseBool(input));
    },
  );

  test.each([null, undefined, '', ' ', NaN])('%p is blank', (input) => {
    expect(parseBool(input)).toBeNull();
  });
});

// ---------------------------------------------------------------------------------
describe('parseId', () => {
  test('an 18-digit ID stored as a number has lost precision: unusable, never a key', () => {
    // 110105194912310021 cannot be held by a double: it reads back as …310020 or so
    const n = 110105194912310021;
    expect(Number.isSafeInteger(n)).toBe(false);
    const p = parseId(n);
    expect(p).toMatchObject({ ok: false, problem: 'lostDigits' });
    const r = rejected(p);
    expect(r.zh).toContain('文本');
    expect(r.en).toMatch(/lost its last digits/);
  });

  test.each<[string, unknown, boolean, string | null]>([
    ['scientific notation', '4.60102E+17', false, 'scientific'],
    ['scientific notation in a staff-number column too', '4.6E17', false, 'scientific'],
    ['a 17-digit value in a resident-ID column', '46010219900101100', true, 'length'],
    ['a 16-digit number in a resident-ID column', 4601021990010110, true, 'length'],
    ['the same 17 digits as a staff number are fine', '46010219900101100', false, null],
    ['a 15-digit legacy ID in a resident-ID column is fine', '460102900101100', true, null],
  ])('%s', (_label, input, residentId, problem) => {
    const p = parseId(input, residentId);
    if (problem === null) expect(p).toMatchObject({ ok: true });
    else expect(p).toMatchObject({ ok: false, problem });
  });

  test.each<[string, unknown, string]>([
    ['a text ID', '11010519491231002X', '11010519491231002X'],
    ['a lower-case x is upper-cased', '11010519491231002x', '11010519491231002X'],
    ['spaces are dropped', ' 110105 19491231 002x ', '11010519491231002X'],
    ['full-width digits and x', '１１０１０５１９４９１２３１００２ｘ', '11010519491231002X'],
    ['a staff number is upper-cased', 't001', 'T001'],
    ['a small staff number stored as a number', 1024, '1024'],
    ['a 15-digit legacy ID stored as a number (still exact)', 110105491231002, '110105491231002'],
    ['a formula result', { formula: 'A1', result: '11010519491231002x' }, '11010519491231002X'],
  ])('%s: %p → %p', (_label, input, expected) => {
    expect(value(parseId(input))).toBe(expected);
  });

  test.each<[string, unknown]>([
    ['#N/A', '#N/A'],
    ['an error object', { error: '#N/A' }],
    ['an object', { a: 1 }],
    ['Infinity', Infinity],
  ])('%s is rejected', (_label, input) => {
    rejected(parseId(input));
  });

  test.each([null, '', '  ', NaN])('%p is blank', (input) => {
    expect(parseId(input)).toBeNull();
  });
});

// ---------------------------------------------------------------------------------
describe('cell helpers', () => {
  test('cellText', () => {
    expect(cellText('  a\u3000 b  ')).toBe('a b');
    expect(cellText('ＡＢＣ')).toBe('ABC');
    expect(cellText(24)).toBe('24');
    expect(cellText(NaN)).toBeNull();
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(new Date(Date.UTC(2023, 6, 15)))).toBe('2023-07-15');
    expect(cellText(new Date(NaN))).toBeNull();
    expect(cellText({ richText: [{ text: '张' }, { text: '三' }] })).toBe('张三');
    expect(cellText({ formula: 'A1', result: '李四' })).toBe('李四');
    expect(cellText('')).toBeNull();
  });

  test('isBlank', () => {
    for (const v of [null, undefined, '', ' ', '\u3000', NaN, { formula: 'A1', result: '' }])
      expect(isBlank(v)).toBe(true);
    for (const v of [0, false, 'x', '#N/A', { error: '#N/A' }, new Date(NaN)]) expect(isBlank(v)).toBe(false);
  });

  test('parseText drops error values and unwraps formulas', () => {
    expect(parseText(' 张三 ')).toBe('张三');
    expect(parseText({ formula: 'A1', result: '张三' })).toBe('张三');
    expect(parseText('#N/A')).toBeNull();
    expect(parseText({ error: '#N/A' })).toBeNull();
  });
});

// ---------------------------------------------------------------------------------
describe('normalizeRow', () => {
  const FULL: Field[] = ['teacherId', 'name', 'year', 'date', 'level', 'mode', 'hours', 'grade', 'credits', 'days'];
  const map: ColumnMap = {
    headerRow: 0,
    columns: Object.fromEntries(FULL.map((f, i) => [f, i])),
    headers: {},
    teacherIdIsIdNumber: true,
  };
  const row = (o: Partial<Record<Field, unknown>>) => FULL.map((f) => o[f]);

  test('a clean row', () => {
    const n = normalizeRow(
      row({
        teacherId: '11010519491231002x',
        name: ' 张三 ',
        year: '2023年度',
        level: '国家级',
        mode: '集中培训',
        hours: '２４学时',
        grade: 85,
        credits: '6',
      }),
      map,
      2,
    );
    expect(n.issues).toEqual([]);
    expect(n.rejected.size).toBe(0);
    expect(n.record).toMatchObject({
      row: 2,
      teacherId: '11010519491231002X',
      name: '张三',
      year: 2023,
      level: 'national',
      mode: 'centralized',
      hours: 24,
      grade: 'good',
      score: 85,
      enteredCredits: 6,
    });
  });

  test('the year is taken from the date when there is no year', () => {
    const n = normalizeRow(row({ date: '2023.12-2024.1' }), map, 2);
    expect(n.record.year).toBe(2024);
  });

  test('year and date disagreeing: the year wins, with a warning', () => {
    const n = normalizeRow(row({ year: 2023, date: '2024-03-01' }), map, 2);
    expect(n.record.year).toBe(2023);
    expect(n.issues).toEqual([
      expect.objectContaining({ code: 'YEAR_DATE_MISMATCH', severity: 'warning', field: 'year' }),
    ]);
  });

  test.each<[Field, string, unknown]>([
    ['hours', 'HOURS_NEGATIVE', '-3'],
    ['hours', 'HOURS_NEGATIVE', -0.5],
    ['days', 'VALUE_NEGATIVE', -1],
    ['credits', 'VALUE_NEGATIVE', '-2'],
  ])('a negative %s is rejected (%s)', (field, code, raw) => {
    const n = normalizeRow(row({ [field]: raw }), map, 2);
    expect(n.issues).toEqual([expect.objectContaining({ code, severity: 'error', field })]);
    expect(n.rejected.has(field)).toBe(true);
    expect(n.record.hours).toBeUndefined();
    expect(n.record.days).toBeUndefined();
    expect(n.record.enteredCredits).toBeUndefined();
  });

  test.each<[Field, unknown, string]>([
    ['hours', 'abc', 'HOURS_NOT_NUMBER'],
    ['hours', '#N/A', 'HOURS_NOT_NUMBER'],
    ['year', '2023-02-30', 'YEAR_INVALID'],
    ['date', '去年', 'DATE_INVALID'],
    ['level', '省机', 'LEVEL_UNKNOWN'],
    ['mode', '集中培顺', 'MODE_UNKNOWN'],
    ['grade', 101, 'GRADE_UNKNOWN'],
    ['teacherId', { error: '#REF!' }, 'ID_INVALID'],
    ['credits', 'x', 'CREDITS_NOT_NUMBER'],
  ])('a bad %s %p gives %s naming the value', (field, raw, code) => {
    const n = normalizeRow(row({ [field]: raw }), map, 2);
    const issue = n.issues.find((i) => i.field === field);
    expect(issue).toMatchObject({ code, severity: 'error', field });
    expect(issue!.value).toBeDefined();
    expect(issue!.message.zh).toContain(issue!.value!);
    expect(n.rejected.has(field)).toBe(true);
  });

  test.each<[string, unknown, string]>([
    ['an 18-digit ID stored as a number (digits lost)', 110105194912310021, 'lostDigits'],
    ['an ID in scientific notation (a CSV of a number column)', '1.10105E+17', 'scientific'],
    ['lower-case e and a comma decimal', '1,10105e+17', 'scientific'],
  ])('%s: no row error, the record says why its ID cannot identify anyone', (_label, raw, kind) => {
    const n = normalizeRow(row({ teacherId: raw }), map, 2);
    expect(n.record.teacherId).toBeNull();
    expect(n.record.idProblem).toMatchObject({ kind });
    expect(n.issues.filter((i) => i.field === 'teacherId')).toEqual([]);
  });

  test('an error value is named in the issue', () => {
    const n = normalizeRow(row({ hours: { error: '#DIV/0!' } }), map, 2);
    expect(n.issues[0]).toMatchObject({ code: 'HOURS_NOT_NUMBER', value: '#DIV/0!' });
    expect(n.issues[0]!.message.en).toContain('#DIV/0!');
  });

  test('blank cells are simply absent', () => {
    const n = normalizeRow(row({}), map, 2);
    expect(n.issues).toEqual([]);
    expect(n.record).toEqual({ row: 2, teacherId: null, name: null, school: null, project: null, year: null });
  });

  test('isBlankRow looks at mapped columns only', () => {
    expect(isBlankRow(['', null, NaN, undefined], map)).toBe(true);
    expect(isBlankRow([], map)).toBe(true);
    const narrow: ColumnMap = { ...map, columns: { hours: 1 } };
    expect(isBlankRow(['x', ' '], narrow)).toBe(true);
    expect(isBlankRow(['', 0], narrow)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------
describe('detectHeader', () => {
  const header = ['序号', '身份证号', '姓名', '年度', '项目名称', '培训层次', '培训方式', '学时', '成绩'];

  test('a header in the first row', () => {
    const m = detectHeader([header, ['1', '11010519491231002X']])!;
    expect(m.headerRow).toBe(0);
    expect(m.columns).toEqual({ teacherId: 1, name: 2, year: 3, project: 4, level: 5, mode: 6, hours: 7, grade: 8 });
    expect(m.headers.hours).toBe('学时');
    expect(m.teacherIdIsIdNumber).toBe(true);
  });

  test('title rows and blank rows above the header are skipped', () => {
    const rows = [
      ['2023年度教师全员培训学时学分项目登记表'],
      [],
      ['填报单位：', '某某中学', null, '填报日期：', '2023-12-01'],
      [null, null, '（单位：学时、学分）'],
      header,
      ['1', '11010519491231002X', '张三', 2023, '国培', '国家级', '集中培训', 24, '优秀'],
    ];
    const m = detectHeader(rows)!;
    expect(m.headerRow).toBe(4);
    expect(m.columns.hours).toBe(7);
  });

  test('a metadata row naming two fields but no anchor (hours, mode, teacher) is not a header', () => {
    expect(detectHeader([['单位：', 'X中学', '日期：', '2023-12-01']])).toBeNull();
  });

  test('a row with a single known column is not a header', () => {
    expect(detectHeader([['学时'], [24]])).toBeNull();
  });

  test('no header at all', () => {
    expect(detectHeader([])).toBeNull();
    expect(
      detectHeader([
        [1, 2, 3],
        ['a', 'b'],
      ]),
    ).toBeNull();
  });

  test('a header below the first 30 rows is not found', () => {
    const rows: unknown[][] = Array.from({ length: 30 }, () => ['说明']);
    expect(detectHeader([...rows, header])).toBeNull();
    expect(detectHeader([...rows.slice(1), header])!.headerRow).toBe(29);
  });

  test('headers with full-width brackets, units and asterisks', () => {
    const m = detectHeader([
      ['*身份证号', '学时（小时）', '培训方式：', '时长（月）', '考核等次（优/良/中/合格）', 'Ｈｏｕｒｓ'],
    ])!;
    expect(m.columns).toMatchObject({ teacherId: 0, hours: 1, mode: 2, months: 3, grade: 4 });
    expect(m.headers.hours).toBe('学时（小时）');
    expect(m.teacherIdIsIdNumber).toBe(true);
  });

  test('matchHeader ignores width, case and spaces', () => {
    expect(matchHeader(' 学 时 ')).toBe('hours');
    expect(matchHeader('学时(小时)')).toBe('hours');
    expect(matchHeader('学时（小时）')).toBe('hours');
    expect(matchHeader('培训学时（学时）')).toBe('hours');
    expect(matchHeader('ＹＥＡＲ')).toBe('year');
    expect(matchHeader('Class Teacher')).toBe('classTeacher');
    expect(matchHeader('Hire Year')).toBe('hireYear');
    expect(matchHeader(2023)).toBeUndefined();
    expect(matchHeader(null)).toBeUndefined();
    expect(matchHeader('备注')).toBeUndefined();
  });

  test('every listed header maps to its field', () => {
    for (const f of FIELDS) for (const h of HEADERS[f]) expect([h, matchHeader(h)]).toEqual([h, f]);
  });

  test('the headers of roster.md', () => {
    const table: Array<[Field, string[]]> = [
      ['teacherId', ['身份证号', '身份证号码', '教师编号', '证件号码', 'ID']],
      ['name', ['姓名', '教师姓名', 'name']],
      ['school', ['学校', '单位', '工作单位', 'school']],
      ['year', ['年度', '登记年度', 'year']],
      ['date', ['培训时间', '结业日期', '日期', 'date']],
      ['project', ['项目名称', '培训项目', 'project']],
      ['level', ['培训层次', '项目级别', '级别', 'level']],
      ['mode', ['培训方式', '培训形式', '研修方式', '类型', 'mode']],
      ['hours', ['学时', '培训学时', 'hours']],
      ['days', ['天数', '培训天数', 'days']],
      ['months', ['月数', '时长(月)', 'months']],
      ['grade', ['成绩', '培训成绩', '考核等次', '等次', 'grade', 'score']],
      ['award', ['获奖', '奖项', 'award']],
      ['role', ['角色', '身份', 'role']],
      ['rate', ['项目学分', '学分标准', 'rate']],
      ['category', ['课程类别', '类别', '模块', 'category']],
      ['selfSelected', ['自主选学', 'self-selected']],
      ['credits', ['学分', '登记学分', '培训学分', 'credits']],
      ['certificate', ['证书编号', 'certificate']],
      ['classTeacher', ['班主任', 'class teacher']],
      ['assessment', ['考核结果', '考核合格', 'assessment']],
      ['hireYear', ['入职年度', '招聘年度', 'hire year']],
    ];
    for (const [f, hs] of table) for (const h of hs) expect([h, matchHeader(h)]).toEqual([h, f]);
  });

  test('English headers', () => {
    const m = detectHeader([
      ['Teacher ID', 'Name', 'School', 'Year', 'Project', 'Level', 'Mode', 'Hours', 'Grade', 'Credits'],
    ])!;
    expect(m.columns).toEqual({
      teacherId: 0,
      name: 1,
      school: 2,
      year: 3,
      project: 4,
      level: 5,
      mode: 6,
      hours: 7,
      grade: 8,
      credits: 9,
    });
    expect(m.teacherIdIsIdNumber).toBe(false);
  });

  test.each<[string, boolean]>([
    ['身份证号', true],
    ['身份证号码', true],
    ['身份证', true],
    ['公民身份号码', true],
    ['证件号码', true],
    ['ID Number', true],
    ['身份证号（18位）', true],
    ['教师编号', false],
    ['工号', false],
    ['ID', false],
    ['Teacher ID', false],
  ])('a teacher column headed %p holds ID numbers: %p', (h, isId) => {
    const m = detectHeader([[h, '学时', '培训方式']])!;
    expect(m.columns.teacherId).toBe(0);
    expect(m.teacherIdIsIdNumber).toBe(isId);
  });

  test('the first of two columns with the same field wins', () => {
    const m = detectHeader([['学时', '培训学时', '培训方式']])!;
    expect(m.columns.hours).toBe(0);
  });

  test('the row naming the most fields wins', () => {
    const m = detectHeader([['学时', '培训方式'], header])!;
    expect(m.headerRow).toBe(1);
  });

  test('headerlessMap follows roster.md: year, level, mode, hours, grade, category', () => {
    expect(headerlessMap().columns).toEqual({ year: 0, level: 1, mode: 2, hours: 3, grade: 4, category: 5 });
  });

  test('staff numbers are not checked as ID numbers; ID numbers are', () => {
    const rows = (h: string) => [
      [h, '年度', '培训层次', '培训方式', '学时'],
      ['T001', 2023, '国家级', '集中培训', 24],
      ['110105194912310020', 2023, '国家级', '集中培训', 24],
    ];
    const staff = checkTable(rows('教师编号'), { rules: RULES.hainan, asOf: TODAY });
    expect(staff.records[0]!.issues.filter((i) => i.code === 'ID_INVALID')).toEqual([]);
    // an 18-digit value is checked whatever the header says
    expect(staff.records[1]!.issues.some((i) => i.code === 'ID_INVALID')).toBe(true);
    const ids = checkTable(rows('身份证号'), { rules: RULES.hainan, asOf: TODAY });
    expect(ids.records[0]!.issues.some((i) => i.code === 'ID_INVALID')).toBe(true);
    expect(ids.records[1]!.issues.some((i) => i.code === 'ID_INVALID')).toBe(true);
  });

  test('a 15-digit ID under an ID-number header is accepted with a warning', () => {
    const r = checkTable(
      [
        ['身份证号', '年度', '培训层次', '培训方式', '学时'],
        ['110105491231002', 2023, '国家级', '集中培训', 24],
      ],
      { rules: RULES.hainan, asOf: TODAY },
    );
    expect(r.records[0]!.issues).toEqual([expect.objectContaining({ code: 'ID_LEGACY', severity: 'warning' })]);
    expect(r.records[0]!.conversion.credits).toBe(6);
  });
});

test('fold: NFKC, lower case, no white space', () => {
  expect(fold(' ＡＢ\u3000c\u00a0（１） ')).toBe('abc(1)');
});

// ---------------------------------------------------------------------------------
// Findings: behaviours that contradict the module's own contract ("every value is
// either understood or rejected with an issue…; nothing is silently dropped or
// guessed"). Kept as failing tests; see the report.
describe('defects found by these tests, now fixed', () => {
  // BUG: parseNumber strips every comma, so "1,5" (a decimal comma, or a mistyped
  // "1.5") silently becomes 15. Only well-formed thousands groups ("1,000") should be
  // accepted; anything else should be rejected.
  test('parseNumber("1,5") is not silently read as 15', () => {
    const p = parseNumber('1,5');
    expect(p !== null && p.ok && p.value === 15).toBe(false);
  });

  // BUG: fold() drops every space before the number is read, so a cell holding two
  // numbers, "24 36", is silently read as 2436 hours.
  test('parseNumber("24 36") is not silently read as 2436', () => {
    const p = parseNumber('24 36');
    expect(p !== null && p.ok && p.value === 2436).toBe(false);
  });

  // BUG: the date pattern of parseYear has no left boundary, so in "45123.5" (an Excel
  // serial with a time part, typed as text) it finds "5123.5" = year 5123, month 5, and
  // rejects the cell ("year 5123 is outside 1990–2100"). The serial branch written for
  // exactly this case (/^\d{5}(\.\d+)?$/) is only reached when the fraction has 3+ digits.
  test('parseYear("45123.5") is the Excel date 2023-07-16', () => {
    expect(parseYear('45123.5')).toEqual({ ok: true, value: 2023 });
  });

  // BUG: UNIT_SUFFIX strips any unit whatever the column, so "3天" (3 days) or "3学分"
  // in the 学时 column registers 3 hours without a word. In hainan a national 3-day
  // course becomes 3 h → 0.6 credits instead of 24 h → 6 credits.
  test('a day count in the hours column is not silently taken as hours', () => {
    const map: ColumnMap = { headerRow: 0, columns: { hours: 0 }, headers: {}, teacherIdIsIdNumber: false };
    for (const raw of ['3天', '3学分', '2个月']) {
      const n = normalizeRow([raw], map, 2);
      expect(n.record.hours === 3 || n.record.hours === 2 ? n.issues.some((i) => i.field === 'hours') : true).toBe(
        true,
      );
    }
  });

  // BUG: text fields go through parseText, which turns an error value into null with
  // no issue: a qitai certificate cell holding #N/A is neither checked nor reported.
  test('an error value in the certificate column is reported (qitai)', () => {
    const r = checkTable(
      [
        ['身份证号', '年度', '培训层次', '培训方式', '学时', '证书编号'],
        ['11010519491231002X', 2024, '区级', '集中培训', 40, '#N/A'],
      ],
      { rules: RULES.qitai, asOf: TODAY },
    );
    expect(r.records[0]!.issues.some((i) => i.field === 'certificate')).toBe(true);
  });
});
