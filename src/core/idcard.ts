// Resident identity numbers (GB 11643-1999): 17 digits + an ISO 7064 MOD 11-2 check
// character, with the birth date in digits 7–14. 15-digit numbers are the pre-1999
// format (no check digit, 2-digit year) and are accepted with a warning.
import { t, Text } from './text';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export interface IdCheck {
  valid: boolean;
  legacy?: boolean;
  message: Text;
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function checkDigit(first17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[s % 11]!;
}

export function checkId(raw: string, today: Date = new Date()): IdCheck {
  const id = raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  const bad = (zh: string, en: string): IdCheck => ({
    valid: false,
    message: t(`身份证号「${raw}」${zh}`, `ID number "${raw}": ${en}`),
  });
  if (/^\d{15}$/.test(id)) {
    const y = 1900 + Number(id.slice(6, 8));
    if (!validDate(y, Number(id.slice(8, 10)), Number(id.slice(10, 12))))
      return bad('（15位旧号）出生日期不存在', '(15-digit legacy) has an impossible birth date');
    return {
      valid: true,
      legacy: true,
      message: t(
        `身份证号「${raw}」是15位旧号，无校验位，建议换成18位`,
        `ID number "${raw}" is a 15-digit legacy number without a check digit; prefer the 18-digit form`,
      ),
    };
  }
  if (!/^\d{17}[\dX]$/.test(id))
    return bad('应为18位（前17位数字，末位数字或X）', 'must be 18 characters: 17 digits and a digit or X');
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (!validDate(y, m, d) || y < 1900)
    return bad(`出生日期 ${id.slice(6, 14)} 不存在`, `birth date ${id.slice(6, 14)} does not exist`);
  if (Date.UTC(y, m - 1, d) > today.getTime())
    return bad(`出生日期 ${id.slice(6, 14)} 在未来`, `birth date ${id.slice(6, 14)} is in the future`);
  const expected = checkDigit(id.slice(0, 17));
  if (id[17] !== expected)
    return bad(`校验位应为 ${expected}，实为 ${id[17]}`, `check character should be ${expected}, not ${id[17]}`);
  return { valid: true, message: t('身份证号有效', 'valid ID number') };
}

/** An ID for screens and printouts: 4601**********1001. Anything not shaped like an ID is shown as is. */
export function maskId(id: string): string {
  return /^\d{17}[\dX]$|^\d{15}$/.test(id) ? `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}` : id;
}

/**
 * Every ID inside a text (messages quote the value they reject) masked the same way: 18 characters, and the
 * 15 digits of the old form — a message about an old ID quotes it whole.
 */
export function maskIds(text: string): string {
  return text
    .replace(/\b(\d{4})\d{10}(\d{3}[\dXx])\b/g, '$1**********$2')
    .replace(/\b(\d{4})\d{7}(\d{4})\b/g, '$1*******$2');
}
