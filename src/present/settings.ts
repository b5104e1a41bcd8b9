// The workbook's own settings: region, cycle start and overrides, stored as custom
// document properties (File ▸ Properties ▸ Custom) so that they travel with the file
// and are read alike by the add-in (Excel's workbook.properties.custom) and by the
// command line (docProps/custom.xml).
import { parseOverrides, Overrides } from '../rules/params';
import { parseRegion, type RegionId } from '../rules';
import { t, Text } from '../core/text';
import { parseCycleStart, parseDate, YEAR_RANGE } from '../core/dates';

export { parseDate, today } from '../core/dates';

export const SETTING_KEYS = {
  region: 'CPD.region',
  cycleStart: 'CPD.cycleStart',
  overrides: 'CPD.overrides',
  asOf: 'CPD.asOf',
} as const;

export interface WorkbookSettings {
  region?: RegionId;
  cycleStart?: number;
  overrides?: Overrides;
  /** the date verdicts are judged on (YYYY-MM-DD); today when absent */
  asOf?: string;
}

/** Read settings from raw property values; problems are returned, never thrown. */
export function parseSettings(raw: Record<string, unknown>): { settings: WorkbookSettings; problems: Text[] } {
  const settings: WorkbookSettings = {};
  const problems: Text[] = [];
  const region = raw[SETTING_KEYS.region];
  if (region !== undefined && region !== null && String(region).trim() !== '') {
    const r = parseRegion(String(region));
    if (r) settings.region = r;
    else
      problems.push(
        t(
          `工作簿属性 ${SETTING_KEYS.region}=「${String(region)}」不是可识别的地区`,
          `workbook property ${SETTING_KEYS.region}="${String(region)}" is not a known region`,
        ),
      );
  }
  const cycle = raw[SETTING_KEYS.cycleStart];
  if (cycle !== undefined && cycle !== null && String(cycle).trim() !== '') {
    const c = parseCycleStart(typeof cycle === 'number' ? cycle : String(cycle));
    if (c !== undefined) settings.cycleStart = c;
    else
      problems.push(
        t(
          `工作簿属性 ${SETTING_KEYS.cycleStart}=「${String(cycle)}」不是 ${YEAR_RANGE.min}–${YEAR_RANGE.max} 之间的年份`,
          `workbook property ${SETTING_KEYS.cycleStart}="${String(cycle)}" is not a year within ${YEAR_RANGE.min}–${YEAR_RANGE.max}`,
        ),
      );
  }
  const over = raw[SETTING_KEYS.overrides];
  if (over !== undefined && over !== null && String(over).trim() !== '') {
    try {
      const o = parseOverrides(JSON.parse(String(over)));
      if (o) settings.overrides = o;
      else
        problems.push(
          t(
            `工作簿属性 ${SETTING_KEYS.overrides} 应为 {"参数": 数值} 形式`,
            `workbook property ${SETTING_KEYS.overrides} must be {"parameter": number}`,
          ),
        );
    } catch {
      problems.push(
        t(
          `工作簿属性 ${SETTING_KEYS.overrides} 不是有效的 JSON`,
          `workbook property ${SETTING_KEYS.overrides} is not valid JSON`,
        ),
      );
    }
  }
  const asOf = raw[SETTING_KEYS.asOf];
  if (asOf !== undefined && asOf !== null && String(asOf).trim() !== '') {
    const d = parseDate(asOf instanceof Date ? asOf : String(asOf));
    if (d) settings.asOf = d;
    else
      problems.push(
        t(
          `工作簿属性 ${SETTING_KEYS.asOf}=「${String(asOf)}」不是 YYYY-MM-DD 形式的日期`,
          `workbook property ${SETTING_KEYS.asOf}="${String(asOf)}" is not a date (YYYY-MM-DD)`,
        ),
      );
  }
  return { settings, problems };
}

export function settingsToProps(s: WorkbookSettings): Record<string, string> {
  const out: Record<string, string> = {};
  if (s.region) out[SETTING_KEYS.region] = s.region;
  if (s.cycleStart !== undefined) out[SETTING_KEYS.cycleStart] = String(s.cycleStart);
  if (s.overrides && Object.keys(s.overrides).length) out[SETTING_KEYS.overrides] = JSON.stringify(s.overrides);
  if (s.asOf) out[SETTING_KEYS.asOf] = s.asOf;
  return out;
}
