// Resident identity numbers, GB 11643-1999 (rules.md, "Checks common to every region").
// The expected check characters are computed here from the definition of ISO 7064
// MOD 11-2, independently of the engine's weight table: the weight of position i
// (1-based from the left, 18 positions, the check character at position 18) is
// 2^(18 - i) mod 11, and the check value is (12 - (Σ aᵢ·wᵢ mod 11)) mod 11, 10 written X.
import { checkDigit, checkId, maskId, maskIds } from '../../src/core/idcard';

const TODAY = new Date(Date.UTC(2026, 5, 1)); // 2026-06-01

function iso7064Mod11_2(first17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(first17[i]) * (2 ** (17 - i) % 11);
  const v = (12 - (s % 11)) % 11;
  return v === 10 ? 'X' : String(v);
}

/** Swap the check character for a different, wrong one. */
function wrongCheck(id: string): string {
  const good = id[17]!;
  const other = good === '0' ? '1' : '0';
  return id.slice(0, 17) + other;
}

describe('the ISO 7064 MOD 11-2 weights', () => {
  test('are 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 for the 17 digits', () => {
    const w = Array.from({ length: 17 }, (_, i) => 2 ** (17 - i) % 11);
    expect(w).toEqual([7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]);
  });

  test('worked by hand for the well-known 11010519491231002X', () => {
    // 1·7 + 1·9 + 0·10 + 1·5 + 0·8 + 5·4 + 1·2 + 9·1 + 4·6 + 9·3 + 1·7 + 2·9 + 3·10 + 1·5 + 0·8 + 0·4 + 2·2
    const products = [7, 9, 0, 5, 0, 20, 2, 9, 24, 27, 7, 18, 30, 5, 0, 0, 4];
    const s = products.reduce((a, b) => a + b, 0);
    expect(s).toBe(167);
    expect(s % 11).toBe(2);
    expect((12 - 2) % 11).toBe(10); // → X
    expect(iso7064Mod11_2('11010519491231002')).toBe('X');
    expect(checkDigit('11010519491231002')).toBe('X');
  });
});

describe('checkDigit agrees with the definition', () => {
  const bodies = [
    '11010519491231002', // → X
    '44030419900101001',
    '31011519850615123',
    '51010720000229456', // a leap day
    '65232720010101000',
    '65232519781130283',
    '11010120100307031',
    '00000000000000000',
    '99999999999999999',
  ];
  test.each(bodies)('%s', (body) => {
    expect(checkDigit(body)).toBe(iso7064Mod11_2(body));
  });

  test('every residue 0–10 maps to its own check character', () => {
    // Vary the last digit (weight 2) and the one before (weight 4) to hit every residue.
    const seen = new Map<string, string>();
    for (let a = 0; a <= 9; a++) {
      for (let b = 0; b <= 9; b++) {
        const body = `110105194912310${a}${b}`;
        const c = checkDigit(body);
        expect(c).toBe(iso7064Mod11_2(body));
        seen.set(c, body);
      }
    }
    expect([...seen.keys()].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']);
  });
});

describe('checkId: 18-digit numbers', () => {
  const valid = ['11010519491231002X', '440304199001010010', '510107200002294560', '652327200101010008'].map(
    (id) => id.slice(0, 17) + iso7064Mod11_2(id.slice(0, 17)),
  );

  test.each(valid)('%s is valid', (id) => {
    const c = checkId(id, TODAY);
    expect(c.valid).toBe(true);
    expect(c.legacy).toBeUndefined();
  });

  test('11010519491231002X is valid, and so is its lower-case x and spaced / full-width forms', () => {
    expect(checkId('11010519491231002X', TODAY).valid).toBe(true);
    expect(checkId('11010519491231002x', TODAY).valid).toBe(true);
    expect(checkId('110105 19491231 002X', TODAY).valid).toBe(true);
    expect(checkId('１１０１０５１９４９１２３１００２Ｘ', TODAY).valid).toBe(true);
  });

  test.each(valid)('%s with a wrong check character is rejected and names the right one', (id) => {
    const bad = wrongCheck(id);
    const c = checkId(bad, TODAY);
    expect(c.valid).toBe(false);
    expect(c.message.zh).toContain(`校验位应为 ${id[17]}`);
    expect(c.message.en).toContain(`should be ${id[17]}`);
  });

  test('11010519491231002 followed by 0 instead of X', () => {
    const c = checkId('110105194912310020', TODAY);
    expect(c.valid).toBe(false);
    expect(c.message.en).toContain('should be X');
  });

  test('a single-digit typo is caught by the check character', () => {
    // change the 10th digit of a valid number, keep its check character
    const id = '11010519491231002X';
    const typo = id.slice(0, 9) + '8' + id.slice(10);
    expect(checkId(typo, TODAY).valid).toBe(false);
  });

  test.each([
    ['2023-02-30', '110105202302300010'],
    ['2023-13-01', '110105202313010010'],
    ['2023-00-10', '110105202300100010'],
    ['1999-02-29 (not a leap year)', '110105199902290010'],
    ['1900-02-29 (not a leap year)', '110105190002290010'],
    ['1985-06-31', '110105198506310010'],
    ['1985-06-00', '110105198506000010'],
    ['before 1900', '110105189912310010'],
  ])('impossible birth date %s is rejected even with a correct check character', (_label, raw) => {
    const id = raw.slice(0, 17) + iso7064Mod11_2(raw.slice(0, 17));
    const c = checkId(id, TODAY);
    expect(c.valid).toBe(false);
    expect(c.message.en).toMatch(/birth date/);
  });

  test('2000-02-29 (a leap year) is a possible birth date', () => {
    const body = '51010720000229456';
    expect(checkId(body + iso7064Mod11_2(body), TODAY).valid).toBe(true);
  });

  test('a future birth date is rejected', () => {
    const body = '11010520260602001'; // the day after TODAY
    const c = checkId(body + iso7064Mod11_2(body), TODAY);
    expect(c.valid).toBe(false);
    expect(c.message.en).toMatch(/future/);
    // …but the same number is fine once that day has come
    expect(checkId(body + iso7064Mod11_2(body), new Date(Date.UTC(2026, 5, 2))).valid).toBe(true);
  });

  test('a birth date of today is not in the future', () => {
    const body = '11010520260601001';
    expect(checkId(body + iso7064Mod11_2(body), TODAY).valid).toBe(true);
  });

  test.each([
    ['too short', '1101051949123100'],
    ['17 digits', '11010519491231002'],
    ['19 digits', '1101051949123100200'],
    ['letter inside', '1101051949A231002X'],
    ['X not last', 'X10105194912310020'],
    ['empty', ''],
    ['16 digits', '1101051949123100'],
    ['check character Y', '11010519491231002Y'],
  ])('malformed (%s) is rejected', (_label, raw) => {
    const c = checkId(raw, TODAY);
    expect(c.valid).toBe(false);
    expect(c.legacy).toBeUndefined();
  });
});

describe('checkId: 15-digit legacy numbers', () => {
  test('a 15-digit number with a possible birth date is accepted as legacy', () => {
    const c = checkId('110105491231002', TODAY); // born 1949-12-31
    expect(c.valid).toBe(true);
    expect(c.legacy).toBe(true);
    expect(c.message.zh).toContain('15位');
  });

  test('15-digit legacy with spaces or full-width digits', () => {
    expect(checkId('110105 491231 002', TODAY)).toMatchObject({ valid: true, legacy: true });
    expect(checkId('１１０１０５４９１２３１００２', TODAY)).toMatchObject({ valid: true, legacy: true });
  });

  test.each([
    ['month 13', '110105491331002'],
    ['Feb 30', '110105490230002'],
    ['day 00', '110105491200002'],
  ])('a 15-digit number with an impossible birth date (%s) is rejected', (_label, raw) => {
    const c = checkId(raw, TODAY);
    expect(c.valid).toBe(false);
  });

  test('1900 is not a leap year for 15-digit numbers either (yy = 00, Feb 29)', () => {
    expect(checkId('110105000229002', TODAY).valid).toBe(false);
  });
});

// the readable report masks IDs in its messages too: they quote the value they reject, an old 15-digit ID whole
test('maskIds masks 18-character IDs (X or x) and 15-digit old ones inside a text, nothing shorter or longer', () => {
  expect(maskIds('身份证号「460100199001011234」有误')).toBe('身份证号「4601**********1234」有误');
  expect(maskIds('「46010019900101123x」')).toBe('「4601**********123x」');
  expect(maskIds('身份证号「460100900101123」是15位旧号')).toBe('身份证号「4601*******1123」是15位旧号');
  expect(maskIds('460100900101123')).toBe(maskId('460100900101123'));
  // a certificate number (10 digits), a row number, a 16-digit figure: as they are
  expect(maskIds('证书 0107100001 第 12 行 1234567890123456')).toBe('证书 0107100001 第 12 行 1234567890123456');
});
