// The five regional rule sets, by id.
import type { RegionRules } from './region';
import { hainan } from './hainan';
import { shandong } from './shandong';
import { zhengzhou } from './zhengzhou';
import { puer } from './puer';
import { qitai } from './qitai';
import { REGIONS, RegionId } from '../engine/vocabulary';

export const RULES: Record<RegionId, RegionRules> = { hainan, shandong, zhengzhou, puer, qitai };

export function rulesFor(id: RegionId): RegionRules {
  return RULES[id];
}

export { REGIONS };
export type { RegionRules };
