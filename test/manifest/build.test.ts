// The manifests the build writes (scripts/manifest.js, used by webpack.config.js) and
// the validator's checks of built manifests (--built). The manifests are written into a
// temporary folder beside the files they name, as dist/ holds them.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'validate-manifest.js');
const TEMPLATE = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildManifest, manifestVersion, VARIANTS } = require('../../scripts/manifest.js') as {
  buildManifest: (t: string, o: { env: string; baseUrl: string; version: string }) => string;
  manifestVersion: (v: string) => string;
  VARIANTS: Record<'production' | 'development', { id: string; namespace: string }>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require('../../webpack.config.js') as (
  env: Record<string, string>,
  argv: { mode: string },
) => {
  plugins: Array<{ constructor: { name: string }; userOptions?: { templateParameters?: Record<string, string> } }>;
};
const VERSION = manifestVersion(
  (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version,
);
const BASE = 'https://example.test/cpd/';

interface Problem {
  check: string;
  message: string;
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cpd-built-'));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

let counter = 0;
/** A folder like dist/: the manifest and every file it names. */
function distWith(manifest: string, omit: string[] = []): string {
  const dir = path.join(tmp, `dist-${++counter}`);
  fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
  for (const f of ['taskpane.html', 'functions.json', 'functions.zh-CN.json', 'help.html'])
    if (!omit.includes(f)) fs.writeFileSync(path.join(dir, f), '');
  for (const f of fs.readdirSync(path.join(ROOT, 'assets')).filter((x) => /^icon-\d+\.png$/.test(x))) {
    fs.copyFileSync(path.join(ROOT, 'assets', f), path.join(dir, 'assets', f));
  }
  const file = path.join(dir, 'manifest.xml');
  fs.writeFileSync(file, manifest, 'utf8');
  return file;
}

function validateBuilt(file: string): { status: number | null; problems: Problem[] } {
  const r = spawnSync(process.execPath, [SCRIPT, '--json', '--built', file], { cwd: ROOT, encoding: 'utf8' });
  if (r.status === 2) throw new Error(`validate-manifest could not run:\n${r.stderr}`);
  return { status: r.status, problems: (JSON.parse(r.stdout) as { problems: Problem[] }).problems };
}

describe('buildManifest', () => {
  test('production: URLs at the add-in address, Version from package.json, the production identity', () => {
    const xml = buildManifest(TEMPLATE, { env: 'production', baseUrl: BASE, version: VERSION });
    expect(xml).not.toMatch(/localhost/);
    expect(xml).toContain(`<bt:Url id="Taskpane.Url" DefaultValue="${BASE}taskpane.html"/>`);
    expect(xml).toContain(`<Version>${VERSION}</Version>`);
    expect(xml).toContain(`<Id>${VARIANTS.production.id}</Id>`);
    expect(xml).toContain('<bt:String id="Functions.Namespace" DefaultValue="CPD"/>');
    expect(xml).toContain('<DisplayName DefaultValue="教师培训学分助手">');
    const r = validateBuilt(distWith(xml));
    expect(r.problems).toEqual([]);
    expect(r.status).toBe(0);
  });

  test('development: its own Id, names and namespace, so it never collides with the deployed add-in', () => {
    const xml = buildManifest(TEMPLATE, { env: 'development', baseUrl: 'https://localhost:3000/', version: VERSION });
    expect(xml).toContain(`<Id>${VARIANTS.development.id}</Id>`);
    expect(VARIANTS.development.id).not.toBe(VARIANTS.production.id);
    expect(xml).toContain('<bt:String id="Functions.Namespace" DefaultValue="CPDDEV"/>');
    expect(xml).toContain('<DisplayName DefaultValue="教师培训学分助手（开发）">');
    expect(xml).toContain('<Override Locale="en-US" Value="CPD Credits (dev)"/>');
    expect(validateBuilt(distWith(xml)).problems).toEqual([]);
  });

  test.each([
    ['no <Version>', (t: string) => t.replace(/<Version>[^<]*<\/Version>/, ''), /<Version>/],
    [
      'another Id',
      (t: string) => t.replace(VARIANTS.production.id, '00000000-0000-0000-0000-000000000000'),
      /production <Id>/,
    ],
    [
      'URLs moved off localhost:3000',
      (t: string) => t.split('https://localhost:3000/').join('https://localhost:8443/'),
      /localhost:3000/,
    ],
    [
      'the tab label lost its English text',
      (t: string) =>
        t.replace('<bt:Override Locale="en-US" Value="CPD Credits"/>\n        </bt:String>', '</bt:String>'),
      /Tab\.Label/,
    ],
  ])('a template the build cannot follow fails it, saying what is missing: %s', (_name, edit, pattern) => {
    const broken = edit(TEMPLATE);
    expect(broken).not.toBe(TEMPLATE);
    expect(() => buildManifest(broken, { env: 'production', baseUrl: BASE, version: VERSION })).toThrow(pattern);
  });
});

describe('validate-manifest --built', () => {
  const prod = () => buildManifest(TEMPLATE, { env: 'production', baseUrl: BASE, version: VERSION });

  test.each([
    [
      'a Version other than package.json’s',
      (x: string) => x.replace(`<Version>${VERSION}</Version>`, '<Version>9.9.9.9</Version>'),
      'build',
      /<Version> 9\.9\.9\.9 is not package\.json's version/,
    ],
    [
      'a production manifest pointing at localhost',
      (x: string) => x.split(BASE).join('https://localhost:3000/'),
      'build',
      /must not point at localhost/,
    ],
    [
      'a URL outside the add-in address',
      (x: string) => x.replace(`${BASE}help.html"/>`, 'https://elsewhere.test/help.html"/>'),
      'build',
      /"https:\/\/elsewhere\.test\/help\.html" is not under the add-in's address/,
    ],
    [
      'the development Id with the production namespace',
      (x: string) => x.replace(VARIANTS.production.id, VARIANTS.development.id),
      'namespace',
      /must be "CPDDEV"/,
    ],
  ])('rejects %s', (_name, edit, check, pattern) => {
    const r = validateBuilt(distWith(edit(prod())));
    expect(r.status).toBe(1);
    expect(
      r.problems
        .filter((p) => p.check === check)
        .map((p) => p.message)
        .some((m) => pattern.test(m)),
    ).toBe(true);
  });

  test('rejects a manifest naming a file the folder lacks', () => {
    const r = validateBuilt(distWith(prod(), ['functions.zh-CN.json']));
    expect(r.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/no file functions\.zh-CN\.json beside the manifest/),
    ]);
  });
});

describe('webpack.config.js', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  test('a production build without ADDIN_BASE_URL stops and says what is missing', () => {
    delete process.env.ADDIN_BASE_URL;
    expect(() => webpackConfig({}, { mode: 'production' })).toThrow(
      /needs ADDIN_BASE_URL: the https:\/\/ address where dist\/ will be served/,
    );
  });

  test.each([
    ['http://cpd.example.test/', /must use https/],
    ['https://localhost:3000/', /npm run build:dev/],
    ['cpd.example.test', /not an absolute URL/],
  ])('ADDIN_BASE_URL=%s is refused', (url, pattern) => {
    expect(() => webpackConfig({ addinBaseUrl: url }, { mode: 'production' })).toThrow(pattern);
  });

  test('OFFICE_JS_URL switches the Office.js CDN, and the page’s CSP follows it', () => {
    const cn = 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js';
    process.env.OFFICE_JS_URL = cn;
    const config = webpackConfig({ addinBaseUrl: BASE }, { mode: 'production' });
    const html = config.plugins.find((p) => p.constructor.name === 'HtmlWebpackPlugin')!;
    expect(html.userOptions!.templateParameters!.officeJsUrl).toBe(cn);
    expect(html.userOptions!.templateParameters!.csp).toContain(
      "script-src 'self' https://appsforoffice.cdn.partner.office365.cn;",
    );
    expect(html.userOptions!.templateParameters!.csp).not.toContain('appsforoffice.microsoft.com');
  });
});
