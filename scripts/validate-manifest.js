#!/usr/bin/env node
// Offline validation of the add-in only (XML) manifest: the template manifest.xml and
// the manifests the build writes (dist/manifest.xml).
//
//   node scripts/validate-manifest.js [--json] [FILE] [--built FILE]…
//
// (no FILE: manifest.xml). `--built` marks the next file as written by the build.
//
// 1. schema: `xmllint --noout --schema OfficeAppManifestV1_1.xsd FILE`, Microsoft's XSDs
//    (element order, types, enumerations, the 32-character limit on resids …). They are
//    read from $CPD_MANIFEST_XSD_DIR, else from shared/xsd in the nearest parent directory
//    that has one, of the repository (../shared/xsd in the workplace layout) and then of
//    the checkout it was made from (a worktree's main checkout, a clone's local origin);
//    see schemas/manifest/README.md for why they are not copied here.
// 2. what the schemas cannot check, each under its own name (the file is read with
//    @xmldom/xmldom, which keeps line numbers):
//    namespace  the CustomFunctions <Namespace> exists and its short string is the
//               namespace of the manifest's variant (CPD; CPDDEV for the development Id)
//    resid      every resid names a defined bt:Image / bt:Url / short / long bt:String of
//               the kind its element needs; resource ids are unique
//    https      every URL (SourceLocation, IconUrl, SupportUrl, bt:Url, bt:Image, overrides…)
//               is an absolute https URL; no http:// anywhere
//    runtime    one Runtime, lifetime="long", whose resid is the one URL resource used by
//               the CustomFunctions Script and Page, FunctionFile and every ShowTaskpane, and
//               points at the DefaultSettings page; SharedRuntime 1.1 is required
//    commands   ExecuteFunction has a FunctionFile and an identifier; ShowTaskpane has a
//               TaskpaneId (a shared runtime supports one task pane); control ids are unique
//    locale     DisplayName, Description and every ribbon / Get Started string have zh-CN
//               and en-US text (the DefaultValue is the DefaultLocale's), no override repeats
//               the DefaultLocale, zh-CN text contains Chinese and en-US text does not
//    icons      every Icon has sizes 16, 32 and 80; images under the add-in's address exist
//               as PNGs of the declared size (IconUrl 32, HighResolutionIconUrl 64) — in the
//               repository for the template, beside the manifest for a built one
//    build      (built manifests) the Id is the production or development one, with its
//               display name; Version is package.json's; every URL is under the add-in's
//               address and names a file beside the manifest; a production manifest names
//               no localhost
//
// Exit status: 0 valid, 1 problems found (one line per problem), 2 cannot run (no xmllint,
// no schemas, unreadable file).
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { DOMParser } = require('@xmldom/xmldom');
const { VARIANTS, manifestVersion, variantOf } = require('./manifest');

const ROOT = path.resolve(__dirname, '..');
const DEFAULT_MANIFEST = path.join(ROOT, 'manifest.xml');
const XSD_ENTRY = 'OfficeAppManifestV1_1.xsd';
const REQUIRED_LOCALES = ['zh-CN', 'en-US'];
const CHINESE_LOCALE = 'zh-CN';

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

const CHECKS = ['schema', 'namespace', 'resid', 'https', 'runtime', 'commands', 'locale', 'icons', 'build'];

class EnvironmentError extends Error {}

// ---------------------------------------------------------------------------------------------
// DOM helpers

const elements = (el) => (el ? Array.from(el.childNodes).filter((n) => n.nodeType === 1) : []);
function* walk(el) {
  yield el;
  for (const c of elements(el)) yield* walk(c);
}
const is = (el, ns, local) => !!el && el.namespaceURI === ns && el.localName === local;
const kids = (el, ns, local) => elements(el).filter((c) => is(c, ns, local));
const kid = (el, ns, local) => kids(el, ns, local)[0];
const attr = (el, name) => (el && el.hasAttribute(name) ? el.getAttribute(name) : undefined);
const xsiType = (el) => {
  const v = el.getAttributeNS(NS.xsi, 'type');
  return v ? v.replace(/^.*:/, '') : undefined;
};
const parentOf = (el) => (el.parentNode && el.parentNode.nodeType === 1 ? el.parentNode : null);
const text = (el) => (el ? el.textContent.trim() : '');
const hasHan = (s) => /\p{Script=Han}/u.test(s);

// ---------------------------------------------------------------------------------------------
// Environment

function findXmllint() {
  const r = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  return r.error && r.error.code === 'ENOENT' ? null : 'xmllint';
}

/** Where this repository came from: its git common directory (a worktree's main checkout) and a local origin. */
function relatedCheckouts() {
  const git = (...args) => {
    const r = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : '';
  };
  const out = [];
  const common = git('rev-parse', '--path-format=absolute', '--git-common-dir');
  if (common) out.push(path.dirname(common));
  const origin = git('config', '--get', 'remote.origin.url');
  // a clone made from a folder on this machine (e.g. CI cloning the workplace's repository into /tmp)
  if (origin && (origin.startsWith('/') || origin.startsWith('file://'))) out.push(origin.replace(/^file:\/\//, ''));
  return out;
}

/**
 * $CPD_MANIFEST_XSD_DIR, else shared/xsd in the nearest parent directory that has it, of
 * the repository and then of the checkout it was made from (no fixed absolute path).
 */
function xsdDir() {
  if (process.env.CPD_MANIFEST_XSD_DIR) return { dir: path.resolve(process.env.CPD_MANIFEST_XSD_DIR), tried: [] };
  const tried = [];
  for (const start of [ROOT, ...relatedCheckouts()]) {
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'shared', 'xsd');
      if (!tried.includes(candidate)) tried.push(candidate);
      if (fs.existsSync(path.join(candidate, XSD_ENTRY))) return { dir: candidate, tried };
      if (path.dirname(dir) === dir) break;
    }
  }
  return { dir: null, tried };
}

function schemaCheck(file, report) {
  if (!findXmllint()) {
    throw new EnvironmentError(
      'xmllint not found: the schema check needs it. Install it with `apt-get install -y libxml2-utils`.',
    );
  }
  const { dir, tried } = xsdDir();
  const xsd = dir && path.join(dir, XSD_ENTRY);
  if (!xsd || !fs.existsSync(xsd)) {
    throw new EnvironmentError(
      `manifest schemas not found: no ${XSD_ENTRY} in ${dir || tried.join(', ')}. Set $CPD_MANIFEST_XSD_DIR to the ` +
        'folder that holds them; see schemas/manifest/README.md.',
    );
  }
  const r = spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' });
  if (r.error) throw new EnvironmentError(`xmllint could not run: ${r.error.message}`);
  if (r.status !== 0) {
    const lines = `${r.stderr}${r.stdout}`
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !/ fails to validate$/.test(l) && !/ validates$/.test(l));
    if (!lines.length) lines.push(`xmllint exited with status ${r.status}`);
    for (const l of lines) {
      const m = /^[^:]*:(\d+):\s*(.*)$/.exec(l);
      report('schema', m ? Number(m[1]) : undefined, m ? m[2] : l);
    }
  }
  return xsd;
}

function parse(textOfFile) {
  let fatal = null;
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') {
        fatal = fatal || message;
        throw new Error(message);
      }
    },
  }).parseFromString(textOfFile, 'text/xml');
  if (fatal) throw new Error(fatal);
  return doc.documentElement;
}

// ---------------------------------------------------------------------------------------------
// Checks

const KIND_NAMES = {
  image: 'a bt:Image',
  url: 'a bt:Url',
  short: 'a bt:String in bt:ShortStrings',
  long: 'a bt:String in bt:LongStrings',
};

function collectResources(root, report) {
  const resources = kid(kid(root, NS.ov, 'VersionOverrides'), NS.ov, 'Resources');
  const byId = new Map();
  const groups = [
    ['Images', 'Image', 'image'],
    ['Urls', 'Url', 'url'],
    ['ShortStrings', 'String', 'short'],
    ['LongStrings', 'String', 'long'],
  ];
  for (const [coll, item, kind] of groups) {
    for (const c of kids(resources, NS.bt, coll)) {
      for (const r of kids(c, NS.bt, item)) {
        const id = attr(r, 'id');
        if (id === undefined) continue; // the schema reports it
        if (byId.has(id)) {
          const prev = byId.get(id);
          report(
            'resid',
            r.lineNumber,
            `resource id "${id}" is defined twice (also as ${KIND_NAMES[prev.kind]} on line ${prev.el.lineNumber})`,
          );
          continue;
        }
        byId.set(id, { kind, el: r });
      }
    }
  }
  return byId;
}

function expectedKind(el) {
  const p = parentOf(el);
  if (is(el, NS.bt, 'Image')) return 'image';
  switch (el.localName) {
    case 'SourceLocation':
    case 'FunctionFile':
    case 'LearnMoreUrl':
    case 'Runtime':
      return 'url';
    case 'Override':
      return p && p.localName === 'Runtime' ? 'url' : undefined;
    case 'Label':
    case 'Title':
    case 'Namespace':
      return 'short';
    case 'Description':
    case 'Tooltip':
      return 'long';
    default:
      return undefined;
  }
}

function residCheck(root, resources, report) {
  const refs = [];
  for (const el of walk(root)) {
    const id = attr(el, 'resid');
    if (id === undefined) continue;
    const p = parentOf(el);
    const where = `<${el.nodeName}>${p ? ` in <${p.nodeName}>` : ''}`;
    const kind = expectedKind(el);
    if (!kind) {
      report(
        'resid',
        el.lineNumber,
        `resid "${id}" on ${where}: unknown element, cannot tell which resource kind it needs`,
      );
      continue;
    }
    const res = resources.get(id);
    if (!res) {
      report(
        'resid',
        el.lineNumber,
        `resid "${id}" of ${where} does not name any resource; it needs ${KIND_NAMES[kind]}`,
      );
    } else if (res.kind !== kind) {
      report(
        'resid',
        el.lineNumber,
        `resid "${id}" of ${where} names ${KIND_NAMES[res.kind]} (line ${res.el.lineNumber}) but needs ${KIND_NAMES[kind]}`,
      );
    }
    refs.push({ el, id, kind });
  }
  return refs;
}

/** DefaultValue plus every Override Value of a locale-aware setting. */
function settingValues(el, what) {
  const out = [];
  if (el.hasAttribute('DefaultValue'))
    out.push({ line: el.lineNumber, what: `${what} DefaultValue`, value: el.getAttribute('DefaultValue') });
  for (const o of elements(el)) {
    if (o.localName === 'Override' && o.hasAttribute('Value')) {
      out.push({
        line: o.lineNumber,
        what: `${what} override ${attr(o, 'Locale') || '?'}`,
        value: o.getAttribute('Value'),
      });
    }
  }
  return out;
}

/** Every URL the manifest names, with where it is. */
function urlValues(root) {
  const out = [];
  for (const name of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) {
    for (const el of kids(root, NS.app, name)) out.push(...settingValues(el, `<${name}>`));
  }
  for (const ds of kids(root, NS.app, 'DefaultSettings')) {
    for (const el of kids(ds, NS.app, 'SourceLocation'))
      out.push(...settingValues(el, '<DefaultSettings><SourceLocation>'));
  }
  for (const ad of kids(root, NS.app, 'AppDomains')) {
    for (const el of kids(ad, NS.app, 'AppDomain'))
      out.push({ line: el.lineNumber, what: '<AppDomain>', value: text(el), domain: true });
  }
  for (const el of walk(root)) {
    if ((is(el, NS.bt, 'Image') || is(el, NS.bt, 'Url')) && el.hasAttribute('DefaultValue')) {
      out.push(...settingValues(el, `<${el.nodeName} id="${attr(el, 'id')}">`));
    }
  }
  return out;
}

function httpsCheck(root, report) {
  const seen = new Set();
  const flag = (line, what, value, why) => {
    const key = `${line}|${value}`;
    if (seen.has(key)) return;
    seen.add(key);
    report('https', line, `${what} "${value}" ${why}`);
  };
  for (const { line, what, value } of urlValues(root)) {
    let u = null;
    try {
      u = new URL(value);
    } catch {
      flag(line, what, value, 'is not an absolute URL');
      continue;
    }
    if (u.protocol !== 'https:') flag(line, what, value, 'must use https://');
  }
  // Anything else that looks like a plain-http URL (unknown elements, FunctionName, text…).
  for (const el of walk(root)) {
    for (const a of Array.from(el.attributes)) {
      if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) continue;
      if (/^\s*http:\/\//i.test(a.value))
        flag(el.lineNumber, `${a.name} of <${el.nodeName}>`, a.value, 'must use https://');
    }
    const own = Array.from(el.childNodes)
      .filter((n) => n.nodeType === 3 || n.nodeType === 4)
      .map((n) => n.data)
      .join('');
    if (/^\s*http:\/\//i.test(own)) flag(el.lineNumber, `text of <${el.nodeName}>`, own.trim(), 'must use https://');
  }
}

function workbookHost(root) {
  return kids(kid(kid(root, NS.ov, 'VersionOverrides'), NS.ov, 'Hosts'), NS.ov, 'Host').find(
    (h) => xsiType(h) === 'Workbook',
  );
}

function customFunctionsPoint(host) {
  return kids(kid(host, NS.ov, 'AllFormFactors'), NS.ov, 'ExtensionPoint').find(
    (e) => xsiType(e) === 'CustomFunctions',
  );
}

function urlPath(value) {
  try {
    return new URL(value).pathname;
  } catch {
    return String(value);
  }
}

/** The namespace the manifest's variant (by its Id) must use: CPDDEV for the development Id, else CPD. */
function expectedNamespace(root) {
  const v = variantOf(`<Id>${text(kid(root, NS.app, 'Id'))}</Id>`);
  return v ? VARIANTS[v].namespace : VARIANTS.production.namespace;
}

function namespaceCheck(root, resources, report) {
  const host = workbookHost(root);
  if (!host) {
    report(
      'namespace',
      root.lineNumber,
      'no <VersionOverrides><Hosts><Host xsi:type="Workbook">: no custom functions can be declared',
    );
    return;
  }
  const cf = customFunctionsPoint(host);
  if (!cf) {
    report(
      'namespace',
      host.lineNumber,
      'no <AllFormFactors><ExtensionPoint xsi:type="CustomFunctions">: the CPD.* functions are not declared',
    );
    return;
  }
  for (const part of ['Script', 'Page', 'Metadata']) {
    if (!kid(kid(cf, NS.ov, part), NS.ov, 'SourceLocation')) {
      report('namespace', cf.lineNumber, `CustomFunctions has no <${part}><SourceLocation resid="…"/></${part}>`);
    }
  }
  const meta = kid(kid(cf, NS.ov, 'Metadata'), NS.ov, 'SourceLocation');
  const metaRes = meta && resources.get(attr(meta, 'resid'));
  if (metaRes && metaRes.kind === 'url') {
    for (const { line, value } of settingValues(metaRes.el, 'metadata')) {
      if (!/\.json$/i.test(urlPath(value)))
        report('namespace', line, `custom functions metadata URL "${value}" should name a JSON file (functions.json)`);
    }
  }
  const expected = expectedNamespace(root);
  const nsEl = kid(cf, NS.ov, 'Namespace');
  if (!nsEl) {
    report(
      'namespace',
      cf.lineNumber,
      `CustomFunctions has no <Namespace resid="…"/>: the functions would not be prefixed "${expected}."`,
    );
    return;
  }
  const res = resources.get(attr(nsEl, 'resid'));
  if (!res || res.kind !== 'short') {
    report(
      'namespace',
      nsEl.lineNumber,
      `<Namespace resid="${attr(nsEl, 'resid')}"> must name a short string whose value is "${expected}"`,
    );
    return;
  }
  for (const { line, value, what } of settingValues(res.el, `namespace string "${attr(nsEl, 'resid')}"`)) {
    if (value !== expected)
      report('namespace', line, `${what} is "${value}"; the functions namespace must be "${expected}"`);
  }
}

function runtimeCheck(root, resources, report) {
  const host = workbookHost(root);
  if (!host) return; // reported by the namespace check
  const runtimes = kids(kid(host, NS.ov, 'Runtimes'), NS.ov, 'Runtime');
  if (!runtimes.length) {
    report(
      'runtime',
      host.lineNumber,
      'no <Runtimes><Runtime resid="…" lifetime="long"/>: the add-in would not use a shared runtime',
    );
    return;
  }
  if (runtimes.length > 1)
    report(
      'runtime',
      runtimes[1].lineNumber,
      `${runtimes.length} <Runtime> elements; the shared runtime needs exactly one`,
    );
  const rt = runtimes[0];
  const rid = attr(rt, 'resid');
  if (attr(rt, 'lifetime') !== 'long') {
    report(
      'runtime',
      rt.lineNumber,
      `<Runtime lifetime="${attr(rt, 'lifetime') || 'short (default)'}">: must be "long" so the custom functions keep running after the task pane closes`,
    );
  }
  const users = [];
  const cf = customFunctionsPoint(host);
  for (const part of ['Script', 'Page']) {
    const sl = kid(kid(cf, NS.ov, part), NS.ov, 'SourceLocation');
    if (sl) users.push([sl, `CustomFunctions <${part}>`]);
  }
  for (const ff of kids(host, NS.ov, 'DesktopFormFactor')) {
    const fn = kid(ff, NS.ov, 'FunctionFile');
    if (fn) users.push([fn, '<DesktopFormFactor><FunctionFile>']);
  }
  for (const el of walk(host)) {
    if (el.localName === 'Action' && xsiType(el) === 'ShowTaskpane') {
      const sl = kid(el, NS.ov, 'SourceLocation');
      if (sl) users.push([sl, `ShowTaskpane action (line ${el.lineNumber})`]);
    }
  }
  for (const [el, what] of users) {
    if (attr(el, 'resid') !== rid) {
      report(
        'runtime',
        el.lineNumber,
        `${what} uses resid "${attr(el, 'resid')}" but the <Runtime> uses "${rid}"; a shared runtime only loads when they are the same`,
      );
    }
  }
  const res = resources.get(rid);
  const ds = kid(kid(root, NS.app, 'DefaultSettings'), NS.app, 'SourceLocation');
  if (res && res.kind === 'url' && ds && attr(res.el, 'DefaultValue') !== attr(ds, 'DefaultValue')) {
    report(
      'runtime',
      res.el.lineNumber,
      `the runtime page "${attr(res.el, 'DefaultValue')}" (resid "${rid}") is not the task pane page of <DefaultSettings> ("${attr(ds, 'DefaultValue')}")`,
    );
  }
  // Requirements: SharedRuntime 1.1; the docs say to drop CustomFunctionsRuntime with a shared runtime.
  const sets = kid(kid(root, NS.app, 'Requirements'), NS.app, 'Sets');
  const setList = kids(sets, NS.app, 'Set');
  const shared = setList.find((s) => attr(s, 'Name') === 'SharedRuntime');
  if (!shared) {
    report(
      'runtime',
      (sets || root).lineNumber,
      'the <Requirements> do not include <Set Name="SharedRuntime" MinVersion="1.1"/>',
    );
  } else {
    const v = attr(shared, 'MinVersion') || attr(sets, 'DefaultMinVersion') || '1.1';
    const [maj, min] = v.split('.').map(Number);
    if (maj < 1 || (maj === 1 && min < 1))
      report('runtime', shared.lineNumber, `SharedRuntime MinVersion ${v}: must be 1.1 or later`);
  }
  const cfr = setList.find((s) => attr(s, 'Name') === 'CustomFunctionsRuntime');
  if (cfr) {
    report(
      'runtime',
      cfr.lineNumber,
      'remove <Set Name="CustomFunctionsRuntime">: with a shared runtime Microsoft\'s docs say to require SharedRuntime instead',
    );
  }
}

function commandsCheck(root, report) {
  const host = workbookHost(root);
  if (!host) return;
  const ids = new Map();
  for (const el of walk(host)) {
    const id = attr(el, 'id');
    if ((el.localName === 'Control' || el.localName === 'Group' || el.localName === 'CustomTab') && id) {
      const key = `${el.localName}:${id}`;
      if (ids.has(key))
        report('commands', el.lineNumber, `${el.localName} id "${id}" is used twice (also on line ${ids.get(key)})`);
      else ids.set(key, el.lineNumber);
    }
  }
  const paneIds = new Set();
  for (const ff of kids(host, NS.ov, 'DesktopFormFactor')) {
    const functionFile = kid(ff, NS.ov, 'FunctionFile');
    for (const el of walk(ff)) {
      if (el.localName !== 'Action') continue;
      const type = xsiType(el);
      if (type === 'ExecuteFunction') {
        const name = text(kid(el, NS.ov, 'FunctionName'));
        if (!/^[A-Za-z_$][\w$]*$/.test(name))
          report('commands', el.lineNumber, `ExecuteFunction FunctionName "${name}" is not a JavaScript function name`);
        if (!functionFile)
          report('commands', el.lineNumber, `ExecuteFunction "${name}" needs a <FunctionFile> in <${ff.nodeName}>`);
      } else if (type === 'ShowTaskpane') {
        const tid = text(kid(el, NS.ov, 'TaskpaneId'));
        if (!tid) {
          report(
            'commands',
            el.lineNumber,
            'ShowTaskpane has no <TaskpaneId>: a shared runtime supports one task pane, and a task pane without an id counts as another one',
          );
        } else paneIds.add(tid);
      }
    }
  }
  if (paneIds.size > 1)
    report(
      'commands',
      host.lineNumber,
      `ShowTaskpane actions use ${paneIds.size} different TaskpaneIds (${[...paneIds].join(', ')}); a shared runtime supports one task pane`,
    );
}

/** Text of a locale-aware setting per locale (the DefaultValue belongs to the DefaultLocale). */
function localeTexts(el, defaultLocale, what, report) {
  const texts = new Map();
  if (el.hasAttribute('DefaultValue')) texts.set(defaultLocale.toLowerCase(), el.getAttribute('DefaultValue'));
  for (const o of elements(el)) {
    if (o.localName !== 'Override') continue;
    const loc = (attr(o, 'Locale') || '').toLowerCase();
    if (loc === defaultLocale.toLowerCase()) {
      report(
        'locale',
        o.lineNumber,
        `${what}: an Override for the DefaultLocale ${defaultLocale} is not allowed; change the DefaultValue instead`,
      );
      continue;
    }
    if (texts.has(loc)) {
      report('locale', o.lineNumber, `${what}: two overrides for ${attr(o, 'Locale')}`);
      continue;
    }
    texts.set(loc, attr(o, 'Value'));
  }
  return texts;
}

function requireLocales(el, defaultLocale, what, report) {
  const texts = localeTexts(el, defaultLocale, what, report);
  for (const loc of REQUIRED_LOCALES) {
    const t = texts.get(loc.toLowerCase());
    if (t === undefined) {
      report(
        'locale',
        el.lineNumber,
        `${what} has no ${loc} text (add <${el.namespaceURI === NS.bt ? 'bt:' : ''}Override Locale="${loc}" Value="…"/>)`,
      );
    } else if (loc === CHINESE_LOCALE && !hasHan(t)) {
      report('locale', el.lineNumber, `${what}: the ${loc} text "${t}" contains no Chinese`);
    } else if (loc !== CHINESE_LOCALE && hasHan(t)) {
      report('locale', el.lineNumber, `${what}: the ${loc} text "${t}" contains Chinese`);
    }
  }
}

function localeCheck(root, resources, refs, report) {
  const dl = kid(root, NS.app, 'DefaultLocale');
  const defaultLocale = text(dl);
  if (!REQUIRED_LOCALES.some((l) => l.toLowerCase() === defaultLocale.toLowerCase())) {
    report(
      'locale',
      dl ? dl.lineNumber : root.lineNumber,
      `DefaultLocale "${defaultLocale}" should be one of ${REQUIRED_LOCALES.join(', ')}`,
    );
  }
  for (const name of ['DisplayName', 'Description']) {
    const el = kid(root, NS.app, name);
    if (el) requireLocales(el, defaultLocale, `<${name}>`, report);
  }
  // Every string shown in the ribbon, its tooltips and the Get Started callout.
  const done = new Set();
  for (const { el, id, kind } of refs) {
    if (kind !== 'short' && kind !== 'long') continue;
    if (el.localName === 'Namespace') continue;
    const res = resources.get(id);
    if (!res || res.kind !== kind || done.has(id)) continue;
    done.add(id);
    const p = parentOf(el);
    requireLocales(
      res.el,
      defaultLocale,
      `string "${id}" (used by <${el.nodeName}> in <${p ? p.nodeName : '?'}> on line ${el.lineNumber})`,
      report,
    );
  }
}

/** The add-in's own address: the directory of the DefaultSettings page. */
function baseUrlOf(root) {
  const ds = attr(kid(kid(root, NS.app, 'DefaultSettings'), NS.app, 'SourceLocation'), 'DefaultValue');
  try {
    return new URL('.', ds).href;
  } catch {
    return null;
  }
}

function pngSize(file) {
  const b = fs.readFileSync(file);
  const sig = '89504e470d0a1a0a';
  if (b.length < 24 || b.subarray(0, 8).toString('hex') !== sig || b.subarray(12, 16).toString('latin1') !== 'IHDR')
    return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function iconsCheck(root, resources, ctx, report) {
  const images = [];
  for (const [name, size] of [
    ['IconUrl', 32],
    ['HighResolutionIconUrl', 64],
  ]) {
    const el = kid(root, NS.app, name);
    if (el) for (const v of settingValues(el, `<${name}>`)) images.push({ ...v, size });
  }
  for (const el of walk(root)) {
    if (el.localName !== 'Icon') continue;
    const sizes = new Set(kids(el, NS.bt, 'Image').map((i) => Number(attr(i, 'size'))));
    const missing = [16, 32, 80].filter((s) => !sizes.has(s));
    if (missing.length)
      report(
        'icons',
        el.lineNumber,
        `<Icon> in <${parentOf(el).nodeName}> lacks the mandatory size(s) ${missing.join(', ')}`,
      );
    for (const img of kids(el, NS.bt, 'Image')) {
      const res = resources.get(attr(img, 'resid'));
      if (!res || res.kind !== 'image') continue; // reported by the resid check
      for (const v of settingValues(res.el, `image "${attr(img, 'resid')}"`))
        images.push({ ...v, size: Number(attr(img, 'size')) });
    }
  }
  const seen = new Set();
  for (const { line, what, value, size } of images) {
    if (!ctx.base || !value.startsWith(ctx.base)) continue;
    const rel = decodeURIComponent(value.slice(ctx.base.length).replace(/[?#].*$/, ''));
    const key = `${rel}@${size}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const file = path.join(ctx.filesDir, rel);
    if (!fs.existsSync(file)) {
      report(
        'icons',
        line,
        `${what} "${value}": no file ${rel} ${ctx.built ? 'beside the manifest' : 'in the repository (run `node scripts/icons.js`)'}`,
      );
      continue;
    }
    const dim = pngSize(file);
    if (!dim) report('icons', line, `${what}: ${rel} is not a PNG`);
    else if (dim.width !== size || dim.height !== size)
      report('icons', line, `${what}: ${rel} is ${dim.width}x${dim.height}, expected ${size}x${size}`);
  }
}

/** What only a manifest written by the build must satisfy. */
function buildCheck(root, ctx, report) {
  const idEl = kid(root, NS.app, 'Id');
  const variant = variantOf(`<Id>${text(idEl)}</Id>`);
  if (!variant) {
    report(
      'build',
      idEl ? idEl.lineNumber : root.lineNumber,
      `<Id> "${text(idEl)}" is neither the production (${VARIANTS.production.id}) nor the development (${VARIANTS.development.id}) Id`,
    );
  } else {
    const dn = kid(root, NS.app, 'DisplayName');
    const want = VARIANTS[variant].displayName;
    const texts = dn ? localeTexts(dn, 'zh-CN', '<DisplayName>', () => undefined) : new Map();
    if (texts.get('zh-cn') !== want.zh || texts.get('en-us') !== want.en) {
      report(
        'build',
        dn ? dn.lineNumber : root.lineNumber,
        `<DisplayName> of the ${variant} manifest must be "${want.zh}" / "${want.en}"`,
      );
    }
  }
  const versionEl = kid(root, NS.app, 'Version');
  const pkgVersion = manifestVersion(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  if (text(versionEl) !== pkgVersion) {
    report(
      'build',
      versionEl ? versionEl.lineNumber : root.lineNumber,
      `<Version> ${text(versionEl)} is not package.json's version (${pkgVersion})`,
    );
  }
  const seen = new Set();
  for (const { line, what, value, domain } of urlValues(root)) {
    if (domain || seen.has(value)) continue;
    seen.add(value);
    let u;
    try {
      u = new URL(value);
    } catch {
      continue; // the https check reports it
    }
    if (variant === 'production' && /^(localhost|127\.|\[::1\])/.test(u.hostname)) {
      report(
        'build',
        line,
        `${what} "${value}": a production manifest must not point at localhost (build it with ADDIN_BASE_URL)`,
      );
      continue;
    }
    if (!ctx.base || !value.startsWith(ctx.base)) {
      report('build', line, `${what} "${value}" is not under the add-in's address ${ctx.base}`);
      continue;
    }
    const rel = decodeURIComponent(value.slice(ctx.base.length).replace(/[?#].*$/, ''));
    if (!fs.existsSync(path.join(ctx.filesDir, rel)))
      report('build', line, `${what} "${value}": no file ${rel} beside the manifest`);
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * Validates a manifest. `built`: written by the build (files beside it, build checks).
 * Returns { file, xsd, problems: [{ check, line, message }] }.
 * Throws EnvironmentError when the check cannot run (no xmllint, no schemas, unreadable file).
 */
function validateManifest(file = DEFAULT_MANIFEST, { built = false } = {}) {
  const problems = [];
  const report = (check, line, message) => problems.push({ check, line, message });
  let source;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new EnvironmentError(
      `cannot read ${file}: ${err.message}${built ? ' (run `npm run build` or `npm run build:dev` first)' : ''}`,
    );
  }
  const xsd = schemaCheck(file, report);
  let root;
  try {
    root = parse(source);
  } catch (err) {
    report('schema', undefined, `not well-formed XML: ${err.message}`);
    return { file, xsd, problems };
  }
  if (!is(root, NS.app, 'OfficeApp')) {
    report('schema', root.lineNumber, `the root element is <${root.nodeName}>, not an OfficeApp in ${NS.app}`);
    return { file, xsd, problems };
  }
  const ctx = { built, base: baseUrlOf(root), filesDir: built ? path.dirname(path.resolve(file)) : ROOT };
  const resources = collectResources(root, report);
  const refs = residCheck(root, resources, report);
  namespaceCheck(root, resources, report);
  httpsCheck(root, report);
  runtimeCheck(root, resources, report);
  commandsCheck(root, report);
  localeCheck(root, resources, refs, report);
  iconsCheck(root, resources, ctx, report);
  if (built) buildCheck(root, ctx, report);
  problems.sort((a, b) => CHECKS.indexOf(a.check) - CHECKS.indexOf(b.check) || (a.line || 0) - (b.line || 0));
  return { file, xsd, problems };
}

function main(argv) {
  const json = argv.includes('--json');
  const targets = [];
  let built = false;
  for (const a of argv) {
    if (a === '--json') continue;
    if (a === '--built') {
      built = true;
      continue;
    }
    if (a.startsWith('-')) {
      console.error('usage: node scripts/validate-manifest.js [--json] [FILE] [--built FILE]…');
      return 2;
    }
    targets.push({ file: path.resolve(a), built });
    built = false;
  }
  if (!targets.length) targets.push({ file: DEFAULT_MANIFEST, built: false });
  const results = [];
  let status = 0;
  for (const t of targets) {
    const shown = path.relative(process.cwd(), t.file) || t.file;
    let result;
    try {
      result = validateManifest(t.file, { built: t.built });
    } catch (err) {
      if (!(err instanceof EnvironmentError)) throw err;
      results.push({ file: t.file, error: err.message });
      console.error(`validate-manifest: ${err.message}`);
      status = 2;
      continue;
    }
    results.push(result);
    if (result.problems.length) {
      for (const p of result.problems)
        console.error(`✗ [${p.check}] ${shown}${p.line ? `:${p.line}` : ''}: ${p.message}`);
      console.error(`validate-manifest: ${shown}: ${result.problems.length} problem(s)`);
      status = Math.max(status, 1);
    } else if (!json) {
      const checks = CHECKS.filter((c) => c !== 'schema' && (c !== 'build' || t.built));
      console.log(`✓ ${shown} is valid against ${path.relative(process.cwd(), result.xsd)} (xmllint)`);
      console.log(`✓ ${shown} passes the checks: ${checks.join(', ')}`);
    }
  }
  if (json) console.log(JSON.stringify(results.length === 1 ? results[0] : results, null, 2));
  return status;
}

module.exports = { validateManifest, EnvironmentError, CHECKS };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
