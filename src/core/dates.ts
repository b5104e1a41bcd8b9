// Calendar dates and years as the product reads and writes them: YYYY-MM-DD for the as-of date of
// every verdict, and the range of years a roster may name.

/** The years a roster, a cycle or an as-of date may name: earlier or later ones are typing slips. */
export const YEAR_RANGE = { min: 1990, max: 2100 } as const;

export const inYearRange = (y: number): boolean => Number.isInteger(y) && y >= YEAR_RANGE.min && y <= YEAR_RANGE.max;

/**
 * A cycle's first year as a person types it: 2019, 2019年, ２０１９ (full width), or a five-year span
 * 2019-2023 / 2019—2023年; undefined for anything else.
 */
export function parseCycleStart(raw: unknown): number | undefined {
  if (typeof raw === 'number') return inYearRange(raw) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const m = raw
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .match(/^(\d{4})(?:年度?)?(?:[-–—~至到](\d{4})(?:年度?)?)?$/);
  if (!m) return undefined;
  const start = Number(m[1]);
  if (m[2] !== undefined && Number(m[2]) !== start + 4) return undefined;
  return inYearRange(start) ? start : undefined;
}

/**
 * A calendar date as YYYY-MM-DD, or undefined: "2026-12-01", "2026/12/1", "2026.12.1", "2026年12月1日",
 * full-width digits too. The day must exist.
 */
export function parseDate(raw: unknown): string | undefined {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? undefined : raw.toISOString().slice(0, 10);
  if (typeof raw !== 'string') return undefined;
  const m = raw
    .normalize('NFKC')
    .trim()
    .match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/);
  if (!m) return undefined;
  const [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
  if (!inYearRange(y) || mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return undefined;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Today on this machine's calendar (not UTC: an administrator in Beijing at 07:00 means today). */
export function today(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
