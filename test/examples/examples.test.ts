// Every formula example of the README and of the help page (src/help.html) runs on the
// bundled sample it names, through the real functions module, and gives the result the
// documentation shows. A formula written anywhere in either document that is not in one
// of their example tables fails the test: no example goes untried. Also: the words the
// help page lists as accepted are accepted.
import * as fs from 'fs';
import * as path from 'path';
import { evaluate, XlError } from './formula';
import { cpdFunctions, loadSamples, Sample } from './workbooks';
import { clearCache } from '../../src/functions/logic';
import { setLangFromLocale, setSettings } from '../../src/runtime/state';
import { lookup, LEVEL_VOCAB, MODE_VOCAB, GRADE_VOCAB, CATEGORY_VOCAB, Vocabulary } from '../../src/core/vocabulary';
import { REGIONS, REGION_VOCAB, type RegionId } from '../../src/rules';
import type { CpdFunctions } from './formula';

const ROOT = path.join(__dirname, '..', '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const HELP = fs.readFileSync(path.join(ROOT, 'src', 'help.html'), 'utf8');

interface Example {
  doc: string;
  formula: string;
  sample: RegionId;
  result: string;
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** README: table rows `| … | `=formula` … | sample | `result` |`. */
function readmeExamples(): Example[] {
  const out: Example[] = [];
  for (const line of README.split('\n')) {
    if (!line.startsWith('|')) continue;
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    if (cells.length !== 4) continue;
    const formula = /`(=[^`]+)`/.exec(cells[1]!)?.[1];
    const result = /`([^`]+)`/.exec(cells[3]!)?.[1];
    if (!formula || !result) continue;
    out.push({ doc: 'README.md', formula, sample: cells[2] as RegionId, result });
  }
  return out;
}

/** help.html: the rows of <table class="examples">. */
function helpExamples(): Example[] {
  const table = /<table class="examples">([\s\S]*?)<\/table>/.exec(HELP)?.[1] ?? '';
  const out: Example[] = [];
  for (const m of table.matchAll(
    /<tr><td><code>(=[^<]+)<\/code>[^<]*<\/td><td>(\w+)<\/td><td><code>([^<]+)<\/code><\/td><\/tr>/g,
  )) {
    out.push({ doc: 'src/help.html', formula: decode(m[1]!), sample: m[2] as RegionId, result: decode(m[3]!) });
  }
  return out;
}

/** Every formula either document writes anywhere: code spans starting with "=" that call a function. */
function formulasIn(text: string, html: boolean): string[] {
  const spans = html
    ? [...text.matchAll(/<code>(=[^<]+)<\/code>/g)].map((m) => decode(m[1]!))
    : [...text.matchAll(/`(=[^`]+)`/g)].map((m) => m[1]!);
  return spans.filter((s) => s.includes('('));
}

const EXAMPLES = [...readmeExamples(), ...helpExamples()];

let samples: Record<RegionId, Sample>;
let cpd: CpdFunctions;
beforeAll(async () => {
  samples = await loadSamples();
  cpd = await cpdFunctions();
  setLangFromLocale('zh-CN');
}, 60_000);

test('both documents have examples, and every formula they write is one of them', () => {
  expect(readmeExamples().length).toBeGreaterThanOrEqual(15);
  expect(helpExamples().length).toBeGreaterThanOrEqual(12);
  for (const [doc, text, html] of [
    ['README.md', README, false],
    ['src/help.html', HELP, true],
  ] as const) {
    const tested = new Set(EXAMPLES.filter((e) => e.doc === doc).map((e) => e.formula));
    const untested = formulasIn(text, html).filter((f) => !tested.has(f));
    expect({ doc, untested }).toEqual({ doc, untested: [] });
  }
  for (const e of EXAMPLES) expect(REGIONS).toContain(e.sample);
});

/** The documented result as a value: TRUE/FALSE, a number, an error code, text (… = a prefix). */
function matches(value: unknown, result: string): boolean {
  if (value instanceof XlError) return value.code === result;
  if (Array.isArray(value)) return matches((value as unknown[][])[0]?.[0], result);
  if (result === 'TRUE' || result === 'FALSE') return value === (result === 'TRUE');
  if (/^-?\d+(\.\d+)?$/.test(result)) return value === Number(result);
  if (result.endsWith('…')) return typeof value === 'string' && value.startsWith(result.slice(0, -1));
  return value === result;
}

test.each(EXAMPLES.map((e) => [e.doc, e.formula, e.sample, e.result, e] as const))(
  '%s: %s on the %s sample gives %s',
  async (_doc, formula, sample, result, e) => {
    setSettings(samples[e.sample].settings);
    clearCache();
    const value = await evaluate(formula, samples[sample].sheet, cpd);
    const shown = value instanceof XlError ? `${value.code} ${value.message}` : JSON.stringify(value);
    expect({ formula, value: shown, matches: matches(value, result) }).toEqual({
      formula,
      value: shown,
      matches: true,
    });
  },
);

test('whole-column ranges are not shown anywhere', () => {
  for (const f of EXAMPLES.map((e) => e.formula))
    expect(f).not.toMatch(/(^|[^A-Z$\d])\$?[A-Z]{1,3}:\$?[A-Z]{1,3}([^\d]|$)/);
});

test('the words the help page lists as accepted are accepted', () => {
  const vocabs: Record<string, Vocabulary<string>> = {
    level: LEVEL_VOCAB,
    mode: MODE_VOCAB,
    grade: GRADE_VOCAB,
    category: CATEGORY_VOCAB,
    region: REGION_VOCAB,
  };
  const lists = [...HELP.matchAll(/<dd data-vocab="(\w+)">([^<]+)<\/dd>/g)];
  expect(lists.map((m) => m[1])).toEqual(['level', 'mode', 'grade', 'category', 'region']);
  for (const [, field, words] of lists) {
    const unknown = words!.split('、').filter((w) => lookup(vocabs[field!]!, w.trim()) === undefined);
    expect({ field, unknown }).toEqual({ field, unknown: [] });
  }
});
