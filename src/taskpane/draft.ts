// The settings as being edited: shared by the settings form and the action bar (whose 校验本表 saves
// them first), with every reason the form cannot be saved in words. Saving sets them for this page and
// writes them where the host keeps them (the pane: the workbook's properties; the web page: nowhere).
import * as React from 'react';
import { RULES, type RegionId } from '../rules';
import { checkOverrides, makeOverrides, type OverrideProblem, type ParamDef } from '../rules/params';
import type { RegionRules } from '../rules/region';
import { parseCycleStart } from '../core/dates';
import { parseDate, type WorkbookSettings } from '../present/settings';
import { t, type Text } from '../core/text';
import { getSettings, onSettings, setSettings } from '../runtime/state';
import { STRINGS } from './i18n';

export function useSettings(): WorkbookSettings {
  return React.useSyncExternalStore((l) => onSettings(l), getSettings, getSettings);
}

export interface Draft {
  region?: RegionId;
  cycle: string;
  asOf: string;
  over: Record<string, string>;
  setRegion(r: RegionId): void;
  setCycle(v: string): void;
  setAsOf(v: string): void;
  setOver(key: string, v: string): void;
  rules?: RegionRules;
  /** the parameters an override may set */
  open: Array<[string, ParamDef]>;
  cycleBad: boolean;
  asOfBad: boolean;
  overrideValues: Record<string, number>;
  overrideErrors: Record<string, Text>;
  /** what the workbook's CPD.overrides holds that no field shows ("constructor", a fixed parameter …): saving drops it */
  unusable: OverrideProblem[];
  /** why the settings cannot be saved (and so not validated), or null */
  problem: Text | null;
  /** differs from what the workbook holds */
  dirty: boolean;
  /** forget the edits: back to what the workbook holds */
  reset(): void;
  /** set the draft as the settings (and write them where the host keeps them); returns what was saved */
  save(): Promise<WorkbookSettings>;
}

const fromSettings = (s: WorkbookSettings) => ({
  region: s.region,
  cycle: s.cycleStart ? String(s.cycleStart) : '',
  asOf: s.asOf ?? '',
  over: Object.fromEntries(Object.entries(s.overrides ?? {}).map(([k, v]) => [k, String(v)])),
});

const same = (a: WorkbookSettings, b: WorkbookSettings): boolean =>
  a.region === b.region &&
  a.cycleStart === b.cycleStart &&
  (a.asOf ?? '') === (b.asOf ?? '') &&
  JSON.stringify(a.overrides ?? {}) === JSON.stringify(b.overrides ?? {});

const say2 = (k: keyof (typeof STRINGS)['zh']['whyDisabled']): Text =>
  t(STRINGS.zh.whyDisabled[k], STRINGS.en.whyDisabled[k]);

export function useDraft(write?: (s: WorkbookSettings) => Promise<void>): Draft {
  const settings = useSettings();
  const [d, setD] = React.useState(() => fromSettings(settings));
  // the workbook's settings changed elsewhere (loaded, or saved by this pane): follow them
  React.useEffect(() => setD(fromSettings(settings)), [settings]);

  const rules = d.region ? RULES[d.region] : undefined;
  const open = rules
    ? (Object.entries(rules.params) as Array<[string, ParamDef]>).filter(([, p]) => p.overridable)
    : [];
  const cycleBad = d.cycle !== '' && !rules?.fixedCycle && parseCycleStart(d.cycle) === undefined;
  const asOfBad = d.asOf !== '' && !parseDate(d.asOf);
  // keyed by what the workbook says: no prototype, so "constructor" or "__proto__" is only a name
  const overrideValues: Record<string, number> = makeOverrides();
  const overrideErrors: Record<string, Text> = Object.create(null) as Record<string, Text>;
  for (const [k, v] of Object.entries(d.over)) {
    if (v.trim() === '' || !rules || !Object.hasOwn(rules.params, k)) continue;
    const n = Number(v.normalize('NFKC').trim());
    if (!Number.isFinite(n)) overrideErrors[k] = t(STRINGS.zh.overrideNotNumber, STRINGS.en.overrideNotNumber);
    else overrideValues[k] = n;
  }
  if (rules) for (const p of checkOverrides(rules.params, overrideValues)) overrideErrors[p.key] = p.message;
  // said, never dropped in silence when the settings are saved
  const stored = settings.overrides;
  const unusable =
    rules && stored
      ? checkOverrides(
          rules.params,
          makeOverrides(
            Object.keys(stored)
              .filter((k) => !open.some(([key]) => key === k))
              .map((k) => [k, stored[k]!] as const),
          ),
        )
      : [];

  const next = (): WorkbookSettings => {
    const n: WorkbookSettings = { region: d.region! };
    const start = parseCycleStart(d.cycle);
    if (d.cycle !== '' && !rules?.fixedCycle && start !== undefined) n.cycleStart = start;
    if (Object.keys(overrideValues).length) n.overrides = overrideValues;
    if (d.asOf !== '') n.asOf = parseDate(d.asOf)!;
    return n;
  };
  const problem = !d.region
    ? say2('region')
    : cycleBad
      ? say2('cycle')
      : asOfBad
        ? say2('asOf')
        : Object.keys(overrideErrors).length
          ? say2('override')
          : null;

  return {
    ...d,
    setRegion: (region) => setD((x) => ({ ...x, region })),
    setCycle: (cycle) => setD((x) => ({ ...x, cycle })),
    setAsOf: (asOf) => setD((x) => ({ ...x, asOf })),
    setOver: (key, v) => setD((x) => ({ ...x, over: { ...x.over, [key]: v } })),
    ...(rules ? { rules } : {}),
    open,
    cycleBad,
    asOfBad,
    overrideValues,
    overrideErrors,
    unusable,
    problem,
    dirty: !problem && !same(next(), settings),
    reset: () => setD(fromSettings(settings)),
    async save() {
      const n = next();
      await write?.(n);
      setSettings(n);
      return n;
    },
  };
}
