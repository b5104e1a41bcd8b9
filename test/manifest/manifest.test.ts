// The add-in manifest and its offline validator (scripts/validate-manifest.js).
//
// The real manifest must pass every check; each check must reject a deliberately broken copy,
// written to a temporary directory. Nothing is skipped: without xmllint or the XSDs every test
// fails with the reason (`apt-get install -y libxml2-utils`, or where the schemas are looked for).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'validate-manifest.js');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const ORIGINAL = fs.readFileSync(MANIFEST, 'utf8');

interface Problem {
  check: string;
  line?: number;
  message: string;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  problems: Problem[];
}

function run(file: string, json = true): Run {
  const args = json ? [SCRIPT, file, '--json'] : [SCRIPT, file];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (r.error) throw r.error;
  if (r.status === 2) {
    // Cannot run: no xmllint (the message says `apt-get install -y libxml2-utils`) or no XSDs.
    throw new Error(`scripts/validate-manifest.js could not run:\n${r.stderr}`);
  }
  let problems: Problem[] = [];
  if (json) problems = (JSON.parse(r.stdout) as { problems: Problem[] }).problems;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, problems };
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cpd-manifest-'));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Replaces every occurrence of `from`, failing loudly if the manifest no longer contains it. */
function replace(text: string, from: string | RegExp, to: string): string {
  const out = typeof from === 'string' ? text.split(from).join(to) : text.replace(from, to);
  if (out === text) throw new Error(`the manifest no longer contains ${String(from)}: update this test`);
  return out;
}

let counter = 0;
function brokenCopy(edit: (text: string) => string): string {
  const file = path.join(tmp, `manifest-${++counter}.xml`);
  fs.writeFileSync(file, edit(ORIGINAL), 'utf8');
  return file;
}

function checksOf(r: Run): string[] {
  return [...new Set(r.problems.map((p) => p.check))].sort();
}

describe('tools', () => {
  test('xmllint is installed (the schema check needs it)', () => {
    const r = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
    if (r.error) {
      throw new Error(
        'xmllint is not installed: run `apt-get install -y libxml2-utils` (the manifest schema check needs it)',
      );
    }
    expect(r.status).toBe(0);
  });
});

describe('manifest.xml', () => {
  test('validates against the schemas and passes every check', () => {
    const r = run(MANIFEST);
    expect(r.problems).toEqual([]);
    expect(r.status).toBe(0);
  });

  test('human output says so and exits 0', () => {
    const r = run(MANIFEST, false);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/valid against .*OfficeAppManifestV1_1\.xsd/);
  });

  test('is Chinese-first with English overrides, and wires one shared runtime', () => {
    expect(ORIGINAL).toContain('<DefaultLocale>zh-CN</DefaultLocale>');
    expect(ORIGINAL).toContain('<DisplayName DefaultValue="教师培训学分助手">');
    expect(ORIGINAL).toContain('<Override Locale="en-US" Value="CPD Credits"/>');
    expect(ORIGINAL).toContain('<Runtime resid="Taskpane.Url" lifetime="long"/>');
    expect(ORIGINAL).toContain('<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"/>');
    expect(ORIGINAL).toContain(
      '<bt:Url id="Functions.Metadata.Url" DefaultValue="https://localhost:3000/functions.zh-CN.json">',
    );
    expect(ORIGINAL).toContain('<bt:Override Locale="en-US" Value="https://localhost:3000/functions.json"/>');
    expect(ORIGINAL).toContain('<FunctionName>validateSheet</FunctionName>');
    expect(ORIGINAL).toContain('<bt:String id="Functions.Namespace" DefaultValue="CPD"/>');
  });
});

describe('the validator rejects a broken copy', () => {
  // [what is broken, edit, the check that must report it, message pattern, schema also fails?]
  const cases: Array<[string, (t: string) => string, string, RegExp, boolean]> = [
    [
      'missing custom functions namespace',
      (t) => replace(t, /\s*<Namespace resid="Functions\.Namespace"\/>/, ''),
      'namespace',
      /no <Namespace/,
      false,
    ],
    [
      'namespace string other than CPD',
      (t) =>
        replace(
          t,
          '<bt:String id="Functions.Namespace" DefaultValue="CPD"/>',
          '<bt:String id="Functions.Namespace" DefaultValue="CONTOSO"/>',
        ),
      'namespace',
      /"CONTOSO"; the functions namespace must be "CPD"/,
      false,
    ],
    [
      'dangling resid',
      (t) => replace(t, '<LearnMoreUrl resid="Help.Url"/>', '<LearnMoreUrl resid="Help.Link"/>'),
      'resid',
      /"Help\.Link" .* does not name any resource; it needs a bt:Url/,
      false,
    ],
    [
      'resid of the wrong kind (a long string used as a label)',
      (t) => replace(t, '<Label resid="ValidateButton.Label"/>', '<Label resid="ValidateButton.Tooltip"/>'),
      'resid',
      /names a bt:String in bt:LongStrings .* but needs a bt:String in bt:ShortStrings/,
      false,
    ],
    [
      'http URL for the functions metadata',
      (t) => replace(t, 'https://localhost:3000/functions.json', 'http://localhost:3000/functions.json'),
      'https',
      /"http:\/\/localhost:3000\/functions\.json" must use https:\/\//,
      false,
    ],
    [
      'http URL for the add-in icon',
      (t) => replace(t, '<IconUrl DefaultValue="https://', '<IconUrl DefaultValue="http://'),
      'https',
      /<IconUrl> DefaultValue "http:\/\/localhost:3000\/assets\/icon-32\.png" must use https/,
      false,
    ],
    [
      // the XSDs limit resids to 32 characters: no check of the validator's own repeats it
      'resid longer than 32 characters (schema)',
      (t) => replace(t, '"Help.Url"', '"Help.Url.For.Teachers.Of.Five.Regions"'),
      'schema',
      /'Help\.Url\.For\.Teachers\.Of\.Five\.Regions' has a length of '37'; this exceeds the allowed maximum length of '32'/,
      true,
    ],
    [
      'page resid different from the runtime resid',
      (t) => replace(t, /(<Page>\s*<SourceLocation resid=)"Taskpane\.Url"/, '$1"Help.Url"'),
      'runtime',
      /CustomFunctions <Page> uses resid "Help\.Url" but the <Runtime> uses "Taskpane\.Url"/,
      false,
    ],
    [
      'short runtime lifetime',
      (t) => replace(t, 'lifetime="long"', 'lifetime="short"'),
      'runtime',
      /must be "long"/,
      false,
    ],
    [
      'no SharedRuntime requirement',
      (t) => replace(t, '<Set Name="SharedRuntime" MinVersion="1.1"/>', '<Set Name="ExcelApi" MinVersion="1.1"/>'),
      'runtime',
      /SharedRuntime/,
      false,
    ],
    [
      'ShowTaskpane without TaskpaneId',
      (t) => replace(t, /\s*<TaskpaneId>[^<]*<\/TaskpaneId>/, ''),
      'commands',
      /no <TaskpaneId>/,
      false,
    ],
    [
      'button label without its en-US text',
      (t) => replace(t, /\s*<bt:Override Locale="en-US" Value="Validate sheet"\/>/, ''),
      'locale',
      /"ValidateButton\.Label" .*has no en-US text/,
      false,
    ],
    [
      'button tooltip whose zh-CN text is English',
      (t) => replace(t, /(<bt:String id="PaneButton\.Tooltip" DefaultValue=)"[^"]*"/, '$1"Open the task pane."'),
      'locale',
      /"PaneButton\.Tooltip" .*zh-CN text "Open the task pane\." contains no Chinese/,
      false,
    ],
    [
      'an override for the default locale',
      (t) =>
        replace(
          t,
          '<bt:Override Locale="en-US" Value="Training credits"/>',
          '<bt:Override Locale="zh-CN" Value="培训"/>',
        ),
      'locale',
      /Override for the DefaultLocale zh-CN is not allowed/,
      false,
    ],
    [
      'icon of the wrong size',
      (t) =>
        replace(
          t,
          '<bt:Image id="Icon.32x32" DefaultValue="https://localhost:3000/assets/icon-32.png"/>',
          '<bt:Image id="Icon.32x32" DefaultValue="https://localhost:3000/assets/icon-80.png"/>',
        ),
      'icons',
      /assets\/icon-80\.png is 80x80, expected 32x32/,
      false,
    ],
    [
      'elements out of order (schema)',
      (t) => replace(t, /( {2}<Version>[\d.]+<\/Version>\n)( {2}<ProviderName>CPD Credits<\/ProviderName>\n)/, '$2$1'),
      'schema',
      /ProviderName': This element is not expected/,
      true,
    ],
    [
      'unknown lifetime value (schema)',
      (t) => replace(t, 'lifetime="long"', 'lifetime="forever"'),
      'schema',
      /lifetime/,
      true,
    ],
    ['not well-formed XML (schema)', (t) => replace(t, '</OfficeApp>', ''), 'schema', /./, true],
  ];

  test.each(cases)('%s', (_name, edit, check, pattern, schemaFails) => {
    const r = run(brokenCopy(edit));
    expect(r.status).toBe(1);
    const messages = r.problems.filter((p) => p.check === check).map((p) => p.message);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.some((m) => pattern.test(m))).toBe(true);
    // The schema misses everything except what the schema cases break.
    expect(checksOf(r).includes('schema')).toBe(schemaFails);
  });

  test('human output: one line per problem naming the check and line, exit 1', () => {
    const file = brokenCopy((t) =>
      replace(
        replace(t, /\s*<Namespace resid="Functions\.Namespace"\/>/, ''),
        'https://localhost:3000/help.html',
        'http://localhost:3000/help.html',
      ),
    );
    const r = run(file, false);
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('✗ [namespace] ')).length).toBe(1);
    expect(lines.filter((l) => l.startsWith('✗ [https] ')).length).toBe(2); // SupportUrl and Help.Url
    expect(lines.every((l) => /^✗ \[[a-z-]+\] .*manifest-\d+\.xml:\d+: /.test(l) || /problem\(s\)$/.test(l))).toBe(
      true,
    );
    expect(lines[lines.length - 1]).toMatch(/3 problem\(s\)$/);
  });
});
