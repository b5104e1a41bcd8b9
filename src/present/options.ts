// From what a person set — the workbook's CPD.* settings, and whatever the shell's own controls say
// (the CLI's --region/--cycle-start/--as-of/--set, a function's arguments, the pane's choices) — to the
// engine's options. One place, so that the CLI, the pane and the functions read settings alike.
import { mergeOverrides, type Overrides } from '../rules/params';
import { REGION_LIST, RULES, type RegionId } from '../rules';
import type { CheckOptions } from '../engine/engine';
import type { WorkbookSettings } from './settings';

export interface Choices {
  /** the region to check under (the shell's choice, else the workbook's) */
  region: RegionId;
  /** the workbook's own settings, as read from its custom properties */
  settings?: WorkbookSettings;
  /** a cycle start given for this run (wins over the workbook's) */
  cycleStart?: number;
  /** an as-of date given for this run (wins over the workbook's) */
  asOf?: string;
  /** overrides given for this run, on top of the workbook's */
  overrides?: Overrides;
}

export type EngineOptions = Omit<CheckOptions, 'firstRow' | 'columns' | 'headerless'>;

export function checkOptions(c: Choices): EngineOptions {
  const s = c.settings ?? {};
  const o: EngineOptions = {
    rules: RULES[c.region],
    candidates: REGION_LIST,
    overrides: mergeOverrides(s.overrides, c.overrides),
  };
  if (c.cycleStart !== undefined) o.cycleStart = c.cycleStart;
  if (s.cycleStart !== undefined) o.workbookCycleStart = s.cycleStart;
  if (s.region !== undefined) o.workbookRegion = RULES[s.region];
  const asOf = c.asOf ?? s.asOf;
  if (asOf !== undefined) o.asOf = asOf;
  return o;
}
