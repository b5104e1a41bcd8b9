// docs/rules.md's issue-code table and parameter appendix are generated from the code: the committed
// document must be exactly what the code generates now (run `npm run docs` after changing a parameter,
// a label or an issue), and the generated parts must hold every code and every parameter.
import * as fs from 'fs';
import * as path from 'path';
import { ISSUE_CODES } from '../../src/core/issues';
import { REGION_LIST, RULES } from '../../src/rules';
import { GENERATED, issueTable, parameterAppendix, rulesMarkdown, spliceRulesDoc } from '../../src/present/rulesdoc';
import { run } from '../../src/cli/main';

const DOC = path.join(__dirname, '..', '..', 'docs', 'rules.md');
const doc = fs.readFileSync(DOC, 'utf8');

test('the committed docs/rules.md is what the code generates (run `npm run docs` to update it)', () => {
  // compared line by line, so that a failure names the lines that differ
  expect(spliceRulesDoc(doc, REGION_LIST).split('\n')).toEqual(doc.split('\n'));
});

test('the hand-written prose around the generated parts is kept as it is', () => {
  const emptied = GENERATED.reduce(
    (d, name) =>
      d.replace(new RegExp(`(<!-- generated:${name}[^\\n]*-->)[\\s\\S]*?(<!-- /generated:${name} -->)`), '$1$2'),
    doc,
  );
  const regenerated = spliceRulesDoc(emptied, REGION_LIST);
  expect(regenerated).toBe(spliceRulesDoc(doc, REGION_LIST));
  expect(doc).toContain('## 7. 已知缺口');
});

test('the issue table has one row for every code of the catalogue', () => {
  const table = issueTable(REGION_LIST);
  for (const code of ISSUE_CODES) expect(table).toContain(`| \`${code}\` |`);
  expect(table.split('\n')).toHaveLength(ISSUE_CODES.length + 2);
});

test('the appendix has every parameter of every region, with its value or 原文未规定', () => {
  const appendix = parameterAppendix(REGION_LIST);
  for (const r of REGION_LIST) {
    for (const [key, p] of Object.entries(r.params)) {
      const line = appendix.split('\n').find((l) => l.startsWith(`| \`${key}\` |`) && l.includes(p.cite.article));
      expect({ region: r.id, key, found: line !== undefined }).toEqual({ region: r.id, key, found: true });
      if (p.value === null) expect(line).toContain('原文未规定');
    }
  }
  expect(appendix).toContain('| `publicShareMax` | 1/3 |');
  expect(appendix).toContain('| `dayCredits.school` | **原文未规定** *not defined* |');
});

test('a document whose markers are missing or repeated is refused, not silently left stale', () => {
  expect(() => spliceRulesDoc('# no markers', REGION_LIST)).toThrow(/issue-codes/);
  const twice = doc.replace(
    '<!-- /generated:parameters -->',
    '<!-- /generated:parameters -->\n<!-- /generated:parameters -->',
  );
  expect(() => spliceRulesDoc(twice, REGION_LIST)).toThrow(/parameters/);
});

test('`cpd-credits rules --markdown` prints the generated parts; with a region, only that region’s', async () => {
  let out = '';
  const io = { out: (s: string) => (out += s), err: () => undefined, isTTY: false };
  expect(await run(['rules', '--markdown'], io)).toBe(0);
  expect(out).toBe(rulesMarkdown(REGION_LIST));
  out = '';
  expect(await run(['rules', 'qitai', '--markdown'], io)).toBe(0);
  expect(out).toBe(rulesMarkdown([RULES.qitai]));
  expect(out).toContain('### 奇台 qitai');
  expect(out).not.toContain('### 海南 hainan');
});
