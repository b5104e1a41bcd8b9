// What each custom function does, apart from Excel: argument coercion, defaults from
// the workbook's settings, and Excel errors with a message. The functions file only
// declares the functions (for the metadata generator) and calls these.
import {
  computeCredits,
  cycleText,
  explainCredits,
  judgeRange,
  shortfallText,
  CreditsResult,
  RangeJudgement,
} from '../engine/api';
import { parseRegion, regionError, REGION_LIST, RULES, type RegionId } from '../rules';
import { checkOptions } from '../present/options';
import { RosterError } from '../engine/engine';
import { RULE_GAPS } from '../core/types';
import { checkId } from '../core/idcard';
import { parseYear, cellText } from '../engine/normalize';
import { say, t, Text } from '../core/text';
import { STATUS_WORDS } from '../engine/verdict';
import { getLang, getSettings } from '../runtime/state';

/** Excel error codes a custom function may return (CustomFunctions.ErrorCode values). */
export type ErrorCode = '#VALUE!' | '#N/A' | '#NUM!';

/** Raised inside the logic; the functions file turns it into CustomFunctions.Error. */
export class FunctionError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const MAX_MESSAGE = 250;

function fail(code: ErrorCode, text: Text): never {
  const m = say(text, getLang());
  throw new FunctionError(code, m.length > MAX_MESSAGE ? m.slice(0, MAX_MESSAGE - 1) + '…' : m);
}

/** Omitted optional arguments arrive as null; an empty cell as "" — both mean "not given". */
export function given(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'string' && v.trim() === '') return false;
  if (Array.isArray(v)) return v.length > 0 && given(v[0]);
  return true;
}

/** A single cell passed where a value is expected: a 1×1 range is unwrapped. */
function scalar(v: unknown): unknown {
  if (Array.isArray(v)) {
    if (v.length === 1 && Array.isArray(v[0]) && v[0].length === 1) return v[0][0];
    return v;
  }
  return v;
}

export function regionArg(raw: unknown): RegionId {
  const v = scalar(raw);
  if (given(v)) {
    const r = parseRegion(String(v));
    if (!r) fail('#VALUE!', regionError(v));
    return r;
  }
  const fromWorkbook = getSettings().region;
  if (fromWorkbook) return fromWorkbook;
  return fail(
    '#N/A',
    t(
      '未指定地区：请在函数中给出地区（如 "海南"），或在“学分助手”任务窗格中为本工作簿选择地区',
      'no region: give one as an argument (e.g. "海南") or choose the workbook’s region in the CPD Credits task pane',
    ),
  );
}

function cycleArg(raw: unknown): number | undefined {
  const v = scalar(raw);
  if (!given(v)) return undefined;
  const y = parseYear(v);
  if (!y || !y.ok)
    fail(
      '#VALUE!',
      t(`周期起始年「${cellText(v) ?? String(v)}」不是年份`, `cycle start "${cellText(v) ?? String(v)}" is not a year`),
    );
  return y.value;
}

/** A record's arguments, as CREDITS and CREDITS.EXPLAIN take them (omitted ones arrive as null). */
type CreditArgs = [hours: unknown, level: unknown, mode: unknown, grade: unknown, region: unknown, rate: unknown];

/** Many identical CREDITS calls (same hours, level, mode …) are common: remember recent results. */
const cache = new Map<string, CreditsResult>();
const CACHE_MAX = 5000;

function credits(...[hours, level, mode, grade, region, rate]: CreditArgs): CreditsResult {
  const r = regionArg(region);
  const overrides = getSettings().overrides ?? {};
  const args = [hours, level, mode, grade, rate].map(scalar);
  const key = JSON.stringify([r, overrides, ...args]);
  let result = cache.get(key);
  if (!result) {
    const [h, l, m, g, rt] = args;
    result = computeCredits({
      rules: RULES[r],
      overrides,
      hours: given(h) ? h : undefined,
      level: given(l) ? l : undefined,
      mode: given(m) ? m : undefined,
      grade: given(g) ? g : undefined,
      rate: given(rt) ? rt : undefined,
    });
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(key, result);
  }
  return result;
}

/** Credits resting on input errors would mislead: the errors, all of them, as the cell's #VALUE!. */
function noCreditErrors(r: CreditsResult): void {
  if (r.errors.length)
    fail('#VALUE!', t(r.errors.map((i) => i.message.zh).join('；'), r.errors.map((i) => i.message.en).join('; ')));
}

/** The settings changed (region, overrides): cached results no longer hold. */
export function clearCache(): void {
  cache.clear();
}

export function creditsValue(...args: CreditArgs): number {
  const r = credits(...args);
  noCreditErrors(r);
  if (r.credits === null) {
    const undef = r.issues.find((i) => RULE_GAPS.has(i.code));
    fail('#N/A', undef ? undef.message : t('无法计算学分', 'credits cannot be computed'));
  }
  return r.credits;
}

export function creditsExplain(...args: CreditArgs): string {
  const r = credits(...args);
  noCreditErrors(r);
  return explainCredits(r, getLang());
}

function rangeRows(raw: unknown): unknown[][] {
  if (!Array.isArray(raw) || !raw.every((r) => Array.isArray(r))) {
    fail(
      '#VALUE!',
      t(
        '第一个参数应为单元格区域（一位教师的培训记录）',
        'the first argument must be a range (one teacher’s training records)',
      ),
    );
  }
  return raw as unknown[][];
}

function judge(range: unknown, region: unknown, cycleStart: unknown): RangeJudgement {
  const r = regionArg(region);
  const rows = rangeRows(range);
  const cycle = cycleArg(cycleStart);
  const s = getSettings();
  try {
    return judgeRange(
      rows,
      checkOptions({ region: r, settings: s, ...(cycle !== undefined ? { cycleStart: cycle } : {}) }),
    );
  } catch (e) {
    if (e instanceof RosterError) fail('#VALUE!', e.text);
    throw e;
  }
}

/** A verdict resting on rows with errors would pass silently: report the first error instead. */
function noRowErrors(j: RangeJudgement): void {
  if (!j.errors.length) return;
  const first = j.errors[0]!;
  const more =
    j.errors.length > 1 ? t(`（另有 ${j.errors.length - 1} 处错误）`, ` (and ${j.errors.length - 1} more)`) : t('', '');
  const where = t(`区域第 ${first.row} 行`, `row ${first.row} of the range`);
  fail('#VALUE!', t(`${where.zh}：${first.message.zh}${more.zh}`, `${where.en}: ${first.message.en}${more.en}`));
}

/** The range judged, where no row has an error. */
function judgeClean(range: unknown, region: unknown, cycleStart: unknown): RangeJudgement {
  const j = judge(range, region, cycleStart);
  noRowErrors(j);
  return j;
}

export function cyclePass(range: unknown, region: unknown, cycleStart: unknown): boolean {
  const j = judgeClean(range, region, cycleStart);
  return j.teacher.cycle.pass;
}

export function cycleReport(range: unknown, region: unknown, cycleStart: unknown): string {
  const j = judgeClean(range, region, cycleStart);
  return cycleText(j, getLang());
}

/** The cycle's state in one word: 合格 / 不合格 / 进行中 / 待定 / 不考核 (pass / fail / in progress / pending / not assessed). */
export function cycleStatus(range: unknown, region: unknown, cycleStart: unknown): string {
  const j = judgeClean(range, region, cycleStart);
  return say(STATUS_WORDS[j.teacher.cycle.status], getLang());
}

export function cycleShortfall(range: unknown, region: unknown, cycleStart: unknown): string {
  const j = judgeClean(range, region, cycleStart);
  return shortfallText(j.teacher, getLang());
}

export function cycleCredits(range: unknown, region: unknown, cycleStart: unknown): number {
  const j = judgeClean(range, region, cycleStart);
  return j.teacher.cycle.credits;
}

export function yearPass(range: unknown, year: unknown, region: unknown, cycleStart: unknown): boolean {
  const y = parseYear(scalar(year));
  if (!y || !y.ok)
    fail(
      '#VALUE!',
      t(`「${cellText(scalar(year)) ?? ''}」不是年份`, `"${cellText(scalar(year)) ?? ''}" is not a year`),
    );
  const j = judgeClean(range, region, cycleStart);
  const found = j.teacher.years.find((x) => x.year === y.value);
  if (!found)
    fail(
      '#N/A',
      t(
        `${y.value} 年不在周期 ${j.teacher.cycle.start}–${j.teacher.cycle.end} 内`,
        `${y.value} is outside the cycle ${j.teacher.cycle.start}–${j.teacher.cycle.end}`,
      ),
    );
  if (found.pass === null) {
    const why = found.why ?? t('该年度不单独考核', 'this year is not assessed on its own');
    fail('#N/A', t(`${y.value} 年不考核：${why.zh}`, `${y.value} is not assessed: ${why.en}`));
  }
  return found.pass;
}

export function idValid(id: unknown): boolean {
  const v = scalar(id);
  if (!given(v)) fail('#VALUE!', t('请给出身份证号', 'give an ID number'));
  if (typeof v === 'number' && !Number.isSafeInteger(v)) {
    fail(
      '#VALUE!',
      t(
        '身份证号以数字保存，已丢失末位；请把单元格设为文本后重新录入',
        'the ID is stored as a number and has lost digits; format the cell as text and re-enter it',
      ),
    );
  }
  return checkId(String(cellText(v))).valid;
}

export function certValid(n: unknown): boolean {
  const v = scalar(n);
  if (!given(v)) fail('#VALUE!', t('请给出证书编号', 'give a certificate number'));
  // a 10-digit number typed without a text format loses its leading zero
  const s =
    typeof v === 'number' && Number.isInteger(v) && v < 1e10 ? String(v).padStart(10, '0') : String(cellText(v));
  return certificateRules()(s).valid;
}

/**
 * The certificate-number rules of the workbook's region; with no region set, those of the one text that has
 * such rules (only one does today), so that CERT_VALID keeps working in a workbook not yet set up.
 */
function certificateRules(): (n: string) => { valid: boolean } {
  const region = getSettings().region;
  if (region) {
    const own = RULES[region].certificate;
    if (!own)
      fail(
        '#N/A',
        t(
          `${say(RULES[region].name, 'zh')}的规定没有证书编号格式`,
          `${say(RULES[region].name, 'en')}: the text sets no certificate-number format`,
        ),
      );
    return own;
  }
  const withRules = REGION_LIST.filter((r) => r.certificate);
  const only = withRules.length === 1 ? withRules[0]?.certificate : undefined;
  if (!only) fail('#N/A', t('本工作簿尚未设置地区', 'this workbook has no region set'));
  return only;
}

export function regionName(): string {
  const r = getSettings().region;
  if (!r) fail('#N/A', t('本工作簿尚未设置地区', 'this workbook has no region set'));
  return r;
}
