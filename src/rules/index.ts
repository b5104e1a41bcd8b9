// The five regional rule sets, by id: the one module that knows which regions exist. Everything else
// receives a region's rule set (RegionRules) and never names a region.
import type { RegionRules } from './region';
import { hainan } from './hainan';
import { shandong } from './shandong';
import { zhengzhou } from './zhengzhou';
import { puer } from './puer';
import { qitai } from './qitai';
import { acceptedList, lookup, type Vocabulary } from '../core/vocabulary';
import { t, type Text } from '../core/text';

export const RULES = { hainan, shandong, zhengzhou, puer, qitai } as const satisfies Record<string, RegionRules>;

export type RegionId = keyof typeof RULES;

export const REGIONS = Object.keys(RULES) as RegionId[];

/** Every rule set, for checks that compare regions (a roster that looks like another region's). */
export const REGION_LIST: readonly RegionRules[] = REGIONS.map((id) => RULES[id]);

export function rulesFor(id: RegionId): RegionRules {
  return RULES[id];
}

/** The regions' names as administrators write them: 海南 / 海南省 / hainan … */
export const REGION_VOCAB: Vocabulary<RegionId> = {
  name: t('地区', 'region'),
  spellings: Object.fromEntries(REGIONS.map((id) => [id, RULES[id].spellings])) as Record<RegionId, readonly string[]>,
};

/** Resolve a region given as text in either language. */
export function parseRegion(raw: unknown): RegionId | undefined {
  if (typeof raw !== 'string') return undefined;
  return lookup(REGION_VOCAB, raw);
}

export function regionError(raw: unknown): Text {
  return t(
    `地区「${String(raw)}」无法识别；可用：${acceptedList(REGION_VOCAB).zh}`,
    `unknown region "${String(raw)}"; accepted: ${acceptedList(REGION_VOCAB).en}`,
  );
}

export type { RegionRules };
