// Results that rest on a local value say so, in every output: "本结果使用了本地数值：校级培训每天学分 0.5
// （原文未规定）". The report carries the overrides; the rule set knows each parameter's label and the
// source's own value.
import { fmt } from '../core/decimal';
import { t, type Text } from '../core/text';
import { RULES, type RegionId } from '../rules';
import type { Report } from '../engine/report';

export function overridesNote(report: Pick<Report, 'region' | 'overrides'>): Text | null {
  const entries = Object.entries(report.overrides);
  if (!entries.length) return null;
  const params = RULES[report.region as RegionId]?.params ?? {};
  const parts = entries.map(([key, value]) => {
    const def = Object.prototype.hasOwnProperty.call(params, key)
      ? (params as Record<string, { label: Text; value: number | null }>)[key]
      : undefined;
    const label = def?.label ?? t(key, key);
    const source = def?.value ?? null;
    return t(
      `${label.zh} ${fmt(value)}（${source === null ? '原文未规定' : `原文为 ${fmt(source)}`}）`,
      `${label.en} ${fmt(value)} (${source === null ? 'not defined by the source' : `the source says ${fmt(source)}`})`,
    );
  });
  return t(
    `本结果使用了本地数值（非原文）：${parts.map((p) => p.zh).join('；')}`,
    `These results use local values, not the source’s: ${parts.map((p) => p.en).join('; ')}`,
  );
}
