// The custom functions (namespace CPD, so =CPD.CREDITS(...) in a cell). This file is
// read by custom-functions-metadata to generate functions.json from the JSDoc below,
// and its functions are associated by the webpack loader; the work is in logic.ts.
// Every function turns any failure into an Excel error with a message: it never
// lets another exception escape and never returns a silent 0.
//
// A function whose answer depends on the workbook's settings (region, cycle start,
// overrides) computes at once when they are loaded and otherwise returns a promise
// that waits for them (state.ts), so a workbook opening with CPD formulas never shows
// "no region" for a moment and then keeps it. Return types are inferred (value or
// promise); the JSDoc @returns gives the metadata its result type.
/* global CustomFunctions */
import * as logic from './logic';
import { rangeError, scalarError } from './cells';
import { diagnosticsRows } from '../runtime/diagnostics';
import { getLang, SettingsTimeout, settingsKnown, waitForSettings } from '../runtime/state';
import { t, Text } from '../core/text';

function excelError(e: unknown): CustomFunctions.Error {
  if (e instanceof CustomFunctions.Error) return e;
  const code = e instanceof logic.FunctionError ? e.code : '#VALUE!';
  const message = e instanceof Error ? e.message : String(e);
  const ErrorCode = CustomFunctions.ErrorCode;
  const map = {
    '#VALUE!': ErrorCode.invalidValue,
    '#N/A': ErrorCode.notAvailable,
    '#NUM!': ErrorCode.invalidNumber,
  } as const;
  return new CustomFunctions.Error(map[code], message);
}

function guard<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw excelError(e);
  }
}

function timeoutError(e: unknown): never {
  if (e instanceof SettingsTimeout) {
    const s = Math.round(e.ms / 1000);
    const m = t(
      `学分助手 ${s} 秒内未能读取本工作簿的设置（地区、周期、覆盖值）；请稍后按 Ctrl+Alt+F9 重新计算，或在函数中给出地区`,
      `CPD Credits could not read this workbook's settings (region, cycle, overrides) within ${s} s; recalculate later (Ctrl+Alt+F9) or give the region as an argument`,
    );
    throw excelError(new logic.FunctionError('#N/A', getLang() === 'en' ? m.en : m.zh));
  }
  throw excelError(e);
}

/** Compute now if the workbook's settings are known, else once they are (bounded wait). */
function withSettings<T>(f: () => T): T | Promise<T> {
  if (settingsKnown()) return guard(f);
  return waitForSettings().then(() => guard(f), timeoutError);
}

const ARG = {
  hours: t('学时', 'hours'),
  level: t('层次', 'level'),
  mode: t('方式', 'mode'),
  grade: t('成绩', 'grade'),
  region: t('地区', 'region'),
  rate: t('项目学分', 'rate'),
  cycleStart: t('周期起始年', 'cycleStart'),
  year: t('年度', 'year'),
  id: t('身份证号', 'id'),
  number: t('证书编号', 'number'),
};

/** Error values among the arguments (allowErrorForDataTypeAny lets them in): name the one found. */
function noErrors(args: ReadonlyArray<readonly [Text, unknown]>, range?: unknown): void {
  const found = (range !== undefined ? rangeError(range) : undefined) ?? scalarError(args);
  if (found) throw new logic.FunctionError(found.code, getLang() === 'en' ? found.text.en : found.text.zh);
}

type RecordFn<T> = (hours: any, level: any, mode: any, grade: any, region: any, rate: any) => T;
type CycleFn<T> = (range: any[][], region: any, cycleStart: any) => T;

/** The record functions' one path: settings known, no error among the six arguments, then logic.ts. */
function onRecord<T>(f: RecordFn<T>, hours: any, level: any, mode: any, grade: any, region: any, rate: any) {
  return withSettings(() => {
    noErrors([
      [ARG.hours, hours],
      [ARG.level, level],
      [ARG.mode, mode],
      [ARG.grade, grade],
      [ARG.region, region],
      [ARG.rate, rate],
    ]);
    return f(hours, level, mode, grade, region, rate);
  });
}

/** The cycle functions' one path: settings known, no error in the range or the arguments, then logic.ts. */
function onCycle<T>(f: CycleFn<T>, range: any[][], region: any, cycleStart: any) {
  return withSettings(() => {
    noErrors(
      [
        [ARG.region, region],
        [ARG.cycleStart, cycleStart],
      ],
      range,
    );
    return f(range, region, cycleStart);
  });
}

/**
 * Credits for one training record under the region's rules (zhengzhou: hours).
 * @customfunction CREDITS
 * @param {any} hours Hours (class hours for lecturing); text such as "24学时" is accepted.
 * @param {any} level Level: 国家级, 省级, 市级, 县级, 校级 (or national, provincial, prefecture, county, school).
 * @param {any} mode Mode: 集中培训, 网络研修, 校本研修, 主讲, 师徒, 学历提升, 工作室, 课题, 教研活动 …
 * @param {any} [grade] Grade (优, 良, 中, 合格, 不合格) or a 0–100 score.
 * @param {any} [region] Region (hainan, shandong, zhengzhou, puer, qitai); default: the workbook's region.
 * @param {any} [rate] Project rate per hour from the project notice (puer).
 * @returns {number} Credits, rounded to 2 decimals.
 */
export function credits(hours: any, level: any, mode: any, grade?: any, region?: any, rate?: any) {
  return onRecord(logic.creditsValue, hours, level, mode, grade, region, rate);
}

/**
 * How the credits of one record are computed, step by step, with the articles.
 * @customfunction CREDITS_EXPLAIN
 * @param {any} hours Hours (class hours for lecturing).
 * @param {any} level Level: 国家级, 省级, 市级, 县级, 校级.
 * @param {any} mode Mode: 集中培训, 网络研修, 校本研修, 主讲 …
 * @param {any} [grade] Grade or a 0–100 score.
 * @param {any} [region] Region; default: the workbook's region.
 * @param {any} [rate] Project rate per hour (puer).
 * @returns {string} The computation and the article it rests on.
 */
export function creditsExplain(hours: any, level: any, mode: any, grade?: any, region?: any, rate?: any) {
  return onRecord(logic.creditsExplain, hours, level, mode, grade, region, rate);
}

/**
 * TRUE if one teacher's records meet the five-year cycle's conditions as of the as-of date (a cycle still running may not yet).
 * @customfunction CYCLE_PASS
 * @param {any[][]} range The teacher's records: with a header row, or without one in the order year, level, mode, hours, grade, category.
 * @param {any} [region] Region; default: the workbook's region.
 * @param {any} [cycleStart] First year of the cycle; default: the workbook's setting or the earliest record.
 * @returns {boolean} Whether the cycle passes.
 */
export function cyclePass(range: any[][], region?: any, cycleStart?: any) {
  return onCycle(logic.cyclePass, range, region, cycleStart);
}

/**
 * The cycle's verdict in words: 合格, 不合格 or 进行中/待定/不考核, with what is missing and why.
 * @customfunction CYCLE_REPORT
 * @param {any[][]} range The teacher's records, with or without a header row.
 * @param {any} [region] Region; default: the workbook's region.
 * @param {any} [cycleStart] First year of the cycle.
 * @returns {string} The verdict and its reasons.
 */
export function cycleReport(range: any[][], region?: any, cycleStart?: any) {
  return onCycle(logic.cycleReport, range, region, cycleStart);
}

/**
 * The cycle's state in one word: 合格, 不合格, 进行中 (not ended and not yet met), 待定 (short only in credits the text leaves undefined) or 不考核.
 * @customfunction CYCLE_STATUS
 * @param {any[][]} range The teacher's records, with or without a header row.
 * @param {any} [region] Region; default: the workbook's region.
 * @param {any} [cycleStart] First year of the cycle.
 * @returns {string} 合格, 不合格, 进行中, 待定 or 不考核 (pass, fail, in progress, pending, not assessed).
 */
export function cycleStatus(range: any[][], region?: any, cycleStart?: any) {
  return onCycle(logic.cycleStatus, range, region, cycleStart);
}

/**
 * What the teacher still lacks in the cycle, condition by condition.
 * @customfunction CYCLE_SHORTFALL
 * @param {any[][]} range The teacher's records, with or without a header row.
 * @param {any} [region] Region; default: the workbook's region.
 * @param {any} [cycleStart] First year of the cycle.
 * @returns {string} For example: 校本研修学时 60/80，还差 20 学时.
 */
export function cycleShortfall(range: any[][], region?: any, cycleStart?: any) {
  return onCycle(logic.cycleShortfall, range, region, cycleStart);
}

/**
 * The credits counted for the cycle, after every cap (zhengzhou: hours).
 * @customfunction CYCLE_CREDITS
 * @param {any[][]} range The teacher's records, with or without a header row.
 * @param {any} [region] Region; default: the workbook's region.
 * @param {any} [cycleStart] First year of the cycle.
 * @returns {number} Credits counted in the cycle.
 */
export function cycleCredits(range: any[][], region?: any, cycleStart?: any) {
  return onCycle(logic.cycleCredits, range, region, cycleStart);
}

/**
 * TRUE if the teacher's given year meets the year's conditions; #N/A for a year that is not assessed.
 * @customfunction YEAR_PASS
 * @param {any[][]} range The teacher's records, with or without a header row.
 * @param {any} year The year to judge.
 * @param {any} [region] Region; default: the workbook's region.
 * @param {any} [cycleStart] First year of the cycle.
 * @returns {boolean} Whether the year passes.
 */
export function yearPass(range: any[][], year: any, region?: any, cycleStart?: any) {
  return withSettings(() => {
    noErrors(
      [
        [ARG.year, year],
        [ARG.region, region],
        [ARG.cycleStart, cycleStart],
      ],
      range,
    );
    return logic.yearPass(range, year, region, cycleStart);
  });
}

/**
 * TRUE if an 18-digit resident ID number has a valid check digit and birth date (GB 11643).
 * @customfunction ID_VALID
 * @param {any} id The ID number (as text).
 * @returns {boolean} Whether the number is valid.
 */
export function idValid(id: any): boolean {
  return guard(() => {
    noErrors([[ARG.id, id]]);
    return logic.idValid(id);
  });
}

/**
 * TRUE if a Xinjiang continuing-education certificate number follows the numbering rules (qitai).
 * @customfunction CERT_VALID
 * @param {any} number The 10-digit certificate number.
 * @returns {boolean} Whether the number is well formed.
 */
export function certValid(number: any): boolean {
  return guard(() => {
    noErrors([[ARG.number, number]]);
    return logic.certValid(number);
  });
}

/**
 * The region set for this workbook.
 * @customfunction REGION
 * @returns {string} hainan, shandong, zhengzhou, puer or qitai.
 */
export function region() {
  return withSettings(() => logic.regionName());
}

/**
 * The add-in's version, its rule sets, the Office host and build, the requirement sets Office supports, whether the functions registered and this workbook's CPD settings: what IT support asks for.
 * @customfunction VERSION
 * @returns {string[][]} Two columns, item and value (spills).
 */
export function version() {
  const rows = () => diagnosticsRows(getLang());
  // diagnostics must answer even when the settings never arrive: it then says so
  if (settingsKnown()) return guard(rows);
  return waitForSettings().then(rows, rows);
}
