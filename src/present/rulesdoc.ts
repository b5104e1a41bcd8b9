// The generated parts of docs/rules.md: the issue-code table (§6) from the issue catalogue, and the
// parameter appendix (§8) from each region's table. `cpd-credits rules --markdown` prints them, `npm run
// docs` splices them into the document between their marker comments, and a test fails when the committed
// document differs from what the code generates — so the document cannot fall behind the code.
import { SEVERITY_WORDS } from './severity';
import { UNIT_WORDS } from './units';
import { fmtRatio } from '../core/decimal';
import { ISSUES, ISSUE_CODES, type IssueKind, type Severity } from '../core/issues';
import type { Text } from '../core/text';
import type { ParamDef, Unit } from '../rules/params';
import type { RegionRules } from '../rules/region';

/** The generated parts, by the name their marker comments carry. */
export const GENERATED = ['issue-codes', 'parameters'] as const;
export type Generated = (typeof GENERATED)[number];

const begin = (name: Generated) =>
  `<!-- generated:${name} — written by \`npm run docs\` from the code; edit the code, not this part -->`;
const end = (name: Generated) => `<!-- /generated:${name} -->`;

const SEVERITY = (s: Severity): string => `${SEVERITY_WORDS[s].zh} ${SEVERITY_WORDS[s].en}`;

const UNIT = (u: Unit): string => `${UNIT_WORDS[u].zh} ${UNIT_WORDS[u].en}`;

/** A table cell: no line breaks, and a `|` of the text does not end the cell. */
const cell = (s: string): string => s.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
const both = (x: Text): string => cell(`${x.zh} *${x.en}*`);
const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;

/** The region's own display name (its first spelling) and id, as the document's headings write it. */
const regionName = (r: RegionRules): string => `${r.spellings[0] ?? r.name.zh} ${r.id}`;

/** What a code means, and where a region says more about it (its notes, its undefined numbers). */
function meaning(code: (typeof ISSUE_CODES)[number], kind: IssueKind, regions: readonly RegionRules[]): string {
  const parts = [both(kind.explain)];
  for (const r of regions) {
    const note = r.issueNotes?.[code];
    if (note) parts.push(`**${cell(r.spellings[0] ?? r.name.zh)}**：${both(note)}`);
  }
  if (code === 'RULE_UNDEFINED') {
    for (const r of regions) {
      const open = Object.entries<ParamDef>(r.params)
        .filter(([, p]) => p.value === null)
        .map(([k]) => `\`${k}\``);
      if (open.length) parts.push(`**${cell(r.spellings[0] ?? r.name.zh)}**：${open.join('、')}`);
    }
  }
  return parts.join('<br>');
}

/** §6: every code of the issue catalogue, with its severity, title, meaning and fix in both languages. */
export function issueTable(regions: readonly RegionRules[]): string {
  const lines = [
    row(['代码 code', '级别 severity', '标题 title', '含义 meaning', '怎么办 fix']),
    row(['---', '---', '---', '---', '---']),
  ];
  for (const code of ISSUE_CODES) {
    const kind: IssueKind = ISSUES[code];
    const severity = kind.gap ? `${SEVERITY(kind.severity)}（规则缺口 rule gap）` : SEVERITY(kind.severity);
    lines.push(row([`\`${code}\``, severity, both(kind.title), meaning(code, kind, regions), both(kind.fix)]));
  }
  return lines.join('\n');
}

function value(p: ParamDef): string {
  return p.value === null ? '**原文未规定** *not defined*' : fmtRatio(p.value);
}

/** The article, and the document when it is not the region's main one (普洱's 细则 and 方案). */
function article(p: ParamDef, main: string): string {
  return cell(p.cite.doc === main ? p.cite.article : `${p.cite.article}（${p.cite.doc}）`);
}

/** The document most of a region's parameters cite: its main text. */
function mainDoc(r: RegionRules): string {
  const count = new Map<string, number>();
  for (const p of Object.values<ParamDef>(r.params)) count.set(p.cite.doc, (count.get(p.cite.doc) ?? 0) + 1);
  return [...count.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

/** §8: every parameter of every region — key, value (or 原文未规定), unit, meaning, article, override, reading. */
export function parameterAppendix(regions: readonly RegionRules[]): string {
  const out: string[] = [];
  for (const r of regions) {
    const main = mainDoc(r);
    out.push(`### ${regionName(r)}`, '');
    out.push(`原文 source：${cell(r.source.title)}（${cell(r.source.body)}，${r.source.year}）`, '');
    out.push(
      row(['参数 key', '值 value', '单位 unit', '含义 meaning', '条款 article', '可覆盖 overridable', '解读 reading']),
    );
    out.push(row(['---', '---', '---', '---', '---', '---', '---']));
    for (const [key, p] of Object.entries<ParamDef>(r.params)) {
      const over = p.overridable ? `是 yes（${fmtRatio(p.min)}–${fmtRatio(p.max)}）` : '否 no';
      out.push(row([`\`${key}\``, value(p), UNIT(p.unit), both(p.label), article(p, main), over, p.reading ?? '']));
    }
    out.push('');
  }
  return out.join('\n').trimEnd();
}

/** One generated part between its markers, as it stands in the document. */
function block(name: Generated, regions: readonly RegionRules[]): string {
  const body = name === 'issue-codes' ? issueTable(regions) : parameterAppendix(regions);
  return `${begin(name)}\n\n${body}\n\n${end(name)}`;
}

/** What `cpd-credits rules --markdown` prints: both generated parts, markers included. */
export function rulesMarkdown(regions: readonly RegionRules[]): string {
  return GENERATED.map((name) => block(name, regions)).join('\n\n') + '\n';
}

/**
 * The document with its generated parts replaced by what the code generates now; the prose around them is
 * kept as it is. A marker missing, repeated or out of order is an error: the document would be wrong silently.
 */
export function spliceRulesDoc(doc: string, regions: readonly RegionRules[]): string {
  let out = doc;
  for (const name of GENERATED) {
    const open = out.indexOf(begin(name).slice(0, begin(name).indexOf(' — ')));
    const closeTag = end(name);
    const close = out.indexOf(closeTag);
    if (open < 0 || close < open || out.indexOf(closeTag, close + 1) >= 0)
      throw new Error(`docs/rules.md: the markers of the generated part "${name}" are missing or repeated`);
    out = out.slice(0, open) + block(name, regions) + out.slice(close + closeTag.length);
  }
  return out;
}
