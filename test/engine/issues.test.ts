// The issue catalogue: every code the product reports has a title, a meaning and a fix in both
// languages, and every code the source raises is in the catalogue (the type checker enforces the
// second; this test reads the source too, so that a code built at run time cannot slip past).
import * as fs from 'fs';
import * as path from 'path';
import { ISSUES, ISSUE_CODES, RULE_GAPS } from '../../src/core/issues';

const CJK = /[\u4e00-\u9fff]/;

test.each(ISSUE_CODES)('%s renders in Chinese and English', (code) => {
  const k = ISSUES[code];
  for (const text of [k.title, k.explain, k.fix]) {
    expect(text.zh).toMatch(CJK);
    expect(text.en.length).toBeGreaterThan(2);
    // Chinese in the English text only as a quoted or bracketed example of what to type (“24学时”, 是/否)
    expect(text.en.replace(/\([^)]*\)|“[^”]*”|"[^"]*"/g, '')).not.toMatch(CJK);
  }
  expect(['error', 'warning', 'info']).toContain(k.severity);
});

test('every code written in the source is in the catalogue', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name)) files.push(p);
    }
  };
  walk(path.join(__dirname, '..', '..', 'src'));
  const used = new Set<string>();
  for (const f of files) {
    for (const m of fs.readFileSync(f, 'utf8').matchAll(/(?:code:\s*|\.issue\(\s*|issue\(\s*)'([A-Z][A-Z0-9_]+)'/g))
      used.add(m[1]!);
  }
  expect(used.size).toBeGreaterThan(30);
  // (errno codes such as EEXIST in the CLI's file handling are not issues)
  expect([...used].filter((c) => !(c in ISSUES) && !/^E[A-Z]{2,}$/.test(c))).toEqual([]);
});

test('the gaps of the rules are exactly the two codes that say the text is silent', () => {
  expect([...RULE_GAPS].sort()).toEqual(['MODE_NOT_COVERED', 'RULE_UNDEFINED']);
});
