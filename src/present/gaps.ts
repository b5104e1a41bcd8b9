// The gaps of the rules, one line each, with the setting that resolves them: "193 条记录未计学分：原文未给出
// 校级培训每天学分（dayCredits.school）。在“设置”中填写后重新校验". A gap is not a data problem — nothing on
// the cells is wrong — so it is said once per parameter (or per mode the text never names), never per row.
import { t, type Text } from '../core/text';
import { RULES, type RegionId } from '../rules';
import type { IssueEntry, IssueGroup } from './issues';

export interface GapLine {
  text: Text;
  /** the overridable parameter whose value would decide these records */
  param?: string;
  /** its label, for a button that opens the setting */
  label?: Text;
  /** the records concerned */
  records: number;
}

/** Where a parameter is set, in each shell's words; the pane's by default. */
export const IN_SETTINGS: Text = t('在“设置”中填写后重新校验', 'Enter it in Settings and validate again');

/** The records an entry is about (one record may carry the same gap once per step). */
export function recordsOf(e: IssueEntry): number {
  const rows = new Set(e.items.map((i) => (i.scope === 'record' ? i.key.split('.')[0] : i.key)));
  return rows.size;
}

export function gapLine(region: string, g: IssueGroup, e: IssueEntry, where: Text = IN_SETTINGS): GapLine {
  const n = recordsOf(e);
  const params = (RULES[region as RegionId]?.params ?? {}) as Record<
    string,
    { label: Text; overridable: boolean } | undefined
  >;
  const p = e.param ? params[e.param] : undefined;
  const head = t(`${n} 条记录未计学分`, `${n} record${n === 1 ? '' : 's'} without credits`);
  if (e.param && p?.overridable) {
    return {
      text: t(
        `${head.zh}：原文未给出 ${p.label.zh}（${e.param}）。${where.zh}`,
        `${head.en}: the text does not give ${p.label.en} (${e.param}). ${where.en}`,
      ),
      param: e.param,
      label: p.label,
      records: n,
    };
  }
  if (g.code === 'MODE_NOT_COVERED' && e.value !== undefined) {
    return {
      text: t(
        `${head.zh}：原文未规定培训方式「${e.value}」。${g.fix.zh}`,
        `${head.en}: the text has no rule for the mode "${e.value}". ${g.fix.en}`,
      ),
      records: n,
    };
  }
  return {
    text: t(
      `${head.zh}：${g.title.zh}${e.value !== undefined ? `「${e.value}」` : ''}。${g.fix.zh}`,
      `${head.en}: ${g.title.en}${e.value !== undefined ? ` "${e.value}"` : ''}. ${g.fix.en}`,
    ),
    records: n,
  };
}
