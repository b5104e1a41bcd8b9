// `cpd-credits rules [region]`: each region's parameters (value, unit, label, article, whether a workbook may
// override it) and adopted readings, as a listing or as the Markdown of docs/rules.md (--markdown).
import { say, type Lang } from '../core/text';
import { RULES, type RegionId } from '../rules';
import { rulesMarkdown } from '../present/rulesdoc';
import { UNIT_WORDS } from '../present/units';

export function rulesText(ids: readonly RegionId[], lang: Lang, markdown: boolean): string {
  if (markdown) return rulesMarkdown(ids.map((id) => RULES[id]));
  let out = '';
  for (const id of ids) {
    const r = RULES[id];
    out += `# ${id} — ${r.source.title}（${r.source.body}，${r.source.year}）\n`;
    for (const [key, p] of Object.entries(r.params)) {
      const v = p.value === null ? (lang === 'en' ? 'UNDEFINED' : '原文未规定') : String(p.value);
      const unit = say(UNIT_WORDS[p.unit], lang).padEnd(lang === 'en' ? 16 : 10);
      const overridable = p.overridable ? (lang === 'en' ? ' (overridable)' : '（可覆盖）') : '';
      out += `  ${key.padEnd(34)} ${v.padStart(6)} ${unit} ${say(p.label, lang)}  [${p.cite.article}]${overridable}`;
      out += `${p.reading ? ` ${p.reading}` : ''}\n`;
    }
    for (const x of r.readings) out += `  ${x.id}  ${say(x.summary, lang)}\n`;
    out += '\n';
  }
  return out;
}
