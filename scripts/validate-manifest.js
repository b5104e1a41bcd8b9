#!/usr/bin/env node
// Offline validation of the add-in only (XML) manifest.
//
//   node scripts/validate-manifest.js [manifest.xml] [--json]
//
// 1. schema: `xmllint --noout --schema OfficeAppManifestV1_1.xsd manifest.xml` (the XSDs are
//    read from ../shared/xsd next to the repository, or from $CPD_MANIFEST_XSD_DIR; see
//    schemas/manifest/README.md for why they are not copied into the repository).
// 2. what the schemas do not check, each reported under its own name:
//    namespace     the CustomFunctions <Namespace> exists and its resid is the short string "CPD"
//    resid         every resid names a defined bt:Image / bt:Url / short / long bt:String of the
//                  kind its element needs; resource ids are unique
//    https         every URL (SourceLocation, IconUrl, SupportUrl, bt:Url, bt:Image, overrides…)
//                  is an absolute https URL; no http:// anywhere
//    resid-length  every resid and resource id has at most 32 characters
//    runtime       one Runtime, lifetime="long", whose resid is the one URL resource used by the
//                  CustomFunctions Script and Page, FunctionFile and every ShowTaskpane, and points
//                  at the DefaultSettings page; SharedRuntime 1.1 is required
//    commands      ExecuteFunction has a FunctionFile and an identifier; ShowTaskpane has a
//                  TaskpaneId (a shared runtime supports one task pane); control ids are unique
//    locale        DisplayName, Description and every ribbon / Get Started string have zh-CN and
//                  en-US text (the DefaultValue is the DefaultLocale's), no override repeats the
//                  DefaultLocale, zh-CN text contains Chinese and en-US text does not
//    icons         every Icon has sizes 16, 32 and 80; https://localhost:3000/assets/… images exist
//                  in assets/ as PNGs of the declared size (IconUrl 32, HighResolutionIconUrl 64)
//
// Exit status: 0 valid, 1 problems found (one line per problem), 2 cannot run (no xmllint,
// no schemas, unreadable file).
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const DEFAULT_MANIFEST = path.join(ROOT, 'manifest.xml');
const XSD_ENTRY = 'OfficeAppManifestV1_1.xsd';
const DEV_BASE = 'https://localhost:3000/';
const EXPECTED_NAMESPACE = 'CPD';
const REQUIRED_LOCALES = ['zh-CN', 'en-US'];
const CHINESE_LOCALE = 'zh-CN';
const MAX_RESID = 32;

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

const CHECKS = ['schema', 'namespace', 'resid', 'https', 'resid-length', 'runtime', 'commands', 'locale', 'icons'];

class EnvironmentError extends Error {}

// ---------------------------------------------------------------------------------------------
// A small non-validating XML parser (elements, attributes, text, comments, CDATA, PIs), with
// namespace resolution and line numbers. The manifest is plain XML without a DTD.

const ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s, lineOf, at) {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (m, name) => {
    if (name[0] === '#') {
      const cp = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return String.fromCodePoint(cp);
    }
    if (!(name in ENTITIES)) throw new Error(`line ${lineOf(at)}: unknown entity &${name};`);
    return ENTITIES[name];
  });
}

function parseXml(text) {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (pos) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  const doc = { children: [], nsMap: { xml: 'http://www.w3.org/XML/1998/namespace' } };
  const stack = [doc];
  let i = 0;
  const fail = (msg, at = i) => {
    throw new Error(`line ${lineOf(at)}: ${msg}`);
  };

  while (i < text.length) {
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i);
      if (end < 0) fail('unterminated processing instruction');
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i);
      if (end < 0) fail('unterminated comment');
      i = end + 3;
    } else if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i);
      if (end < 0) fail('unterminated CDATA section');
      const top = stack[stack.length - 1];
      if (top === doc) fail('text outside the root element');
      top.text += text.slice(i + 9, end);
      i = end + 3;
    } else if (text.startsWith('<!', i)) {
      fail('DOCTYPE and other declarations are not expected in a manifest');
    } else if (text.startsWith('</', i)) {
      const m = /^<\/([^\s>]+)\s*>/.exec(text.slice(i));
      if (!m) fail('malformed end tag');
      const top = stack.pop();
      if (top === doc || top.name !== m[1]) fail(`end tag </${m[1]}> does not match <${top && top.name}>`);
      i += m[0].length;
    } else if (text[i] === '<') {
      const start = i;
      const nameMatch = /^<([A-Za-z_][\w.\-:]*)/.exec(text.slice(i));
      if (!nameMatch) fail('malformed start tag');
      i += nameMatch[0].length;
      const rawAttrs = [];
      let selfClosing = false;
      for (;;) {
        const ws = /^\s*/.exec(text.slice(i))[0];
        i += ws.length;
        if (text.startsWith('/>', i)) {
          selfClosing = true;
          i += 2;
          break;
        }
        if (text[i] === '>') {
          i += 1;
          break;
        }
        if (!ws) fail(`expected whitespace, ">" or "/>" in <${nameMatch[1]}>`);
        const am = /^([A-Za-z_][\w.\-:]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(text.slice(i));
        if (!am) fail(`malformed attribute in <${nameMatch[1]}>`);
        const raw = am[3] !== undefined ? am[3] : am[4];
        if (raw.includes('<')) fail(`"<" in attribute value of <${nameMatch[1]}>`);
        rawAttrs.push([am[1], decodeEntities(raw, lineOf, i)]);
        i += am[0].length;
      }
      const parent = stack[stack.length - 1];
      if (parent === doc && doc.children.length) fail('more than one root element', start);
      const nsMap = Object.create(parent.nsMap);
      const attrs = {};
      for (const [qname, value] of rawAttrs) {
        if (qname in attrs) fail(`duplicate attribute ${qname}`, start);
        attrs[qname] = value;
        if (qname === 'xmlns') nsMap[''] = value;
        else if (qname.startsWith('xmlns:')) nsMap[qname.slice(6)] = value;
      }
      const colon = nameMatch[1].indexOf(':');
      const prefix = colon < 0 ? '' : nameMatch[1].slice(0, colon);
      const local = colon < 0 ? nameMatch[1] : nameMatch[1].slice(colon + 1);
      const ns = nsMap[prefix];
      if (prefix && ns === undefined) fail(`undeclared namespace prefix "${prefix}"`, start);
      const el = {
        name: nameMatch[1],
        local,
        ns: ns || '',
        attrs,
        nsMap,
        children: [],
        text: '',
        parent: parent === doc ? null : parent,
        line: lineOf(start),
      };
      parent.children.push(el);
      if (!selfClosing) stack.push(el);
    } else {
      const next = text.indexOf('<', i);
      const end = next < 0 ? text.length : next;
      const chunk = text.slice(i, end);
      const top = stack[stack.length - 1];
      if (top === doc) {
        if (chunk.trim()) fail('text outside the root element');
      } else {
        top.text += decodeEntities(chunk, lineOf, i);
      }
      i = end;
    }
  }
  if (stack.length > 1) fail(`<${stack[stack.length - 1].name}> is not closed`, text.length - 1);
  if (!doc.children.length) throw new Error('no root element');
  return doc.children[0];
}

// ---------------------------------------------------------------------------------------------
// Tree helpers

function* walk(el) {
  yield el;
  for (const c of el.children) yield* walk(c);
}
const is = (el, ns, local) => el && el.ns === ns && el.local === local;
const kids = (el, ns, local) => (el ? el.children.filter((c) => is(c, ns, local)) : []);
const kid = (el, ns, local) => kids(el, ns, local)[0];
function xsiType(el) {
  const v = el.attrs['xsi:type'];
  if (v === undefined) {
    for (const [q, val] of Object.entries(el.attrs)) {
      const c = q.indexOf(':');
      if (c > 0 && q.slice(c + 1) === 'type' && el.nsMap[q.slice(0, c)] === NS.xsi) return val.replace(/^.*:/, '');
    }
    return undefined;
  }
  return v.replace(/^.*:/, '');
}
const chars = (s) => [...s].length;
const hasHan = (s) => /\p{Script=Han}/u.test(s);

// ---------------------------------------------------------------------------------------------
// Checks

function findXmllint() {
  const r = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (r.error && r.error.code === 'ENOENT') return null;
  return 'xmllint';
}

function xsdDir() {
  if (process.env.CPD_MANIFEST_XSD_DIR) return path.resolve(process.env.CPD_MANIFEST_XSD_DIR);
  // next to the repository (the workplace layout); a clone elsewhere (e.g. /tmp) finds the
  // workplace's copy at its fixed place
  const candidates = [path.resolve(ROOT, '..', 'shared', 'xsd'), '/work/shared/xsd'];
  return candidates.find((d) => fs.existsSync(path.join(d, 'OfficeAppManifestV1_1.xsd'))) || candidates[0];
}

function schemaCheck(file, report) {
  if (!findXmllint()) {
    throw new EnvironmentError(
      'xmllint not found: the schema check needs it. Install it with `apt-get install -y libxml2-utils`.',
    );
  }
  const dir = xsdDir();
  const xsd = path.join(dir, XSD_ENTRY);
  if (!fs.existsSync(xsd)) {
    throw new EnvironmentError(
      `manifest schemas not found: ${xsd} does not exist. They are read from ../shared/xsd next to the ` +
        'repository (or from $CPD_MANIFEST_XSD_DIR); see schemas/manifest/README.md.',
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

function collectResources(root, report) {
  const vo = kid(root, NS.ov, 'VersionOverrides');
  const resources = kid(vo, NS.ov, 'Resources');
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
        const id = r.attrs.id;
        if (id === undefined) continue; // the schema reports it
        if (chars(id) > MAX_RESID) {
          report('resid-length', r.line, `resource id "${id}" has ${chars(id)} characters; at most ${MAX_RESID} are allowed`);
        }
        if (byId.has(id)) {
          const prev = byId.get(id);
          report('resid', r.line, `resource id "${id}" is defined twice (also as ${KIND_NAMES[prev.kind]} on line ${prev.el.line})`);
          continue;
        }
        byId.set(id, { kind, el: r });
      }
    }
  }
  return byId;
}

const KIND_NAMES = {
  image: 'a bt:Image',
  url: 'a bt:Url',
  short: 'a bt:String in bt:ShortStrings',
  long: 'a bt:String in bt:LongStrings',
};

function expectedKind(el) {
  const p = el.parent ? el.parent.local : '';
  if (el.ns === NS.bt && el.local === 'Image') return 'image';
  switch (el.local) {
    case 'SourceLocation':
    case 'FunctionFile':
    case 'LearnMoreUrl':
    case 'Runtime':
      return 'url';
    case 'Override':
      return p === 'Runtime' ? 'url' : undefined;
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
    if (!('resid' in el.attrs)) continue;
    const id = el.attrs.resid;
    const where = `<${el.name}>${el.parent ? ` in <${el.parent.name}>` : ''}`;
    if (chars(id) > MAX_RESID) {
      report('resid-length', el.line, `resid "${id}" of ${where} has ${chars(id)} characters; at most ${MAX_RESID} are allowed`);
    }
    const kind = expectedKind(el);
    if (!kind) {
      report('resid', el.line, `resid "${id}" on ${where}: unknown element, cannot tell which resource kind it needs`);
      continue;
    }
    const res = resources.get(id);
    if (!res) {
      report('resid', el.line, `resid "${id}" of ${where} does not name any resource; it needs ${KIND_NAMES[kind]}`);
    } else if (res.kind !== kind) {
      report('resid', el.line, `resid "${id}" of ${where} names ${KIND_NAMES[res.kind]} (line ${res.el.line}) but needs ${KIND_NAMES[kind]}`);
    }
    refs.push({ el, id, kind });
  }
  return refs;
}

function httpsCheck(root, report) {
  const seen = new Set();
  const flag = (line, what, value, why) => {
    const key = `${line}|${value}`;
    if (seen.has(key)) return;
    seen.add(key);
    report('https', line, `${what} "${value}" ${why}`);
  };
  const urlValues = [];
  const topUrls = ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl'];
  for (const name of topUrls) {
    for (const el of kids(root, NS.app, name)) urlValues.push(...settingValues(el, `<${name}>`));
  }
  for (const ds of kids(root, NS.app, 'DefaultSettings')) {
    for (const el of kids(ds, NS.app, 'SourceLocation')) urlValues.push(...settingValues(el, '<DefaultSettings><SourceLocation>'));
  }
  for (const ad of kids(root, NS.app, 'AppDomains')) {
    for (const el of kids(ad, NS.app, 'AppDomain')) urlValues.push({ line: el.line, what: '<AppDomain>', value: el.text.trim() });
  }
  for (const el of walk(root)) {
    if (el.ns === NS.bt && (el.local === 'Image' || el.local === 'Url') && 'DefaultValue' in el.attrs) {
      urlValues.push(...settingValues(el, `<${el.name} id="${el.attrs.id}">`));
    }
  }
  for (const { line, what, value } of urlValues) {
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
    for (const [q, v] of Object.entries(el.attrs)) {
      if (q === 'xmlns' || q.startsWith('xmlns:')) continue;
      if (/^\s*http:\/\//i.test(v)) flag(el.line, `${q} of <${el.name}>`, v, 'must use https://');
    }
    if (/^\s*http:\/\//i.test(el.text)) flag(el.line, `text of <${el.name}>`, el.text.trim(), 'must use https://');
  }
}

// DefaultValue plus every Override Value of a locale-aware setting.
function settingValues(el, what) {
  const out = [];
  if ('DefaultValue' in el.attrs) out.push({ line: el.line, what: `${what} DefaultValue`, value: el.attrs.DefaultValue });
  for (const o of el.children) {
    if (o.local === 'Override' && 'Value' in o.attrs) {
      out.push({ line: o.line, what: `${what} override ${o.attrs.Locale || '?'}`, value: o.attrs.Value });
    }
  }
  return out;
}

function workbookHost(root) {
  const vo = kid(root, NS.ov, 'VersionOverrides');
  return kids(kid(vo, NS.ov, 'Hosts'), NS.ov, 'Host').find((h) => xsiType(h) === 'Workbook');
}

function customFunctionsPoint(host) {
  const aff = kid(host, NS.ov, 'AllFormFactors');
  return kids(aff, NS.ov, 'ExtensionPoint').find((e) => xsiType(e) === 'CustomFunctions');
}

function namespaceCheck(root, resources, report) {
  const host = workbookHost(root);
  if (!host) {
    report('namespace', root.line, 'no <VersionOverrides><Hosts><Host xsi:type="Workbook">: no custom functions can be declared');
    return;
  }
  const cf = customFunctionsPoint(host);
  if (!cf) {
    report('namespace', host.line, 'no <AllFormFactors><ExtensionPoint xsi:type="CustomFunctions">: the CPD.* functions are not declared');
    return;
  }
  for (const part of ['Script', 'Page', 'Metadata']) {
    if (!kid(kid(cf, NS.ov, part), NS.ov, 'SourceLocation')) {
      report('namespace', cf.line, `CustomFunctions has no <${part}><SourceLocation resid="…"/></${part}>`);
    }
  }
  const meta = kid(kid(cf, NS.ov, 'Metadata'), NS.ov, 'SourceLocation');
  const metaRes = meta && resources.get(meta.attrs.resid);
  if (metaRes && metaRes.kind === 'url') {
    for (const { line, value } of settingValues(metaRes.el, 'metadata')) {
      if (!/\.json$/i.test(urlPath(value))) report('namespace', line, `custom functions metadata URL "${value}" should name a JSON file (functions.json)`);
    }
  }
  const nsEl = kid(cf, NS.ov, 'Namespace');
  if (!nsEl) {
    report('namespace', cf.line, `CustomFunctions has no <Namespace resid="…"/>: the functions would not be prefixed "${EXPECTED_NAMESPACE}."`);
    return;
  }
  const res = resources.get(nsEl.attrs.resid);
  if (!res || res.kind !== 'short') {
    report('namespace', nsEl.line, `<Namespace resid="${nsEl.attrs.resid}"> must name a short string whose value is "${EXPECTED_NAMESPACE}"`);
    return;
  }
  for (const { line, value, what } of settingValues(res.el, `namespace string "${nsEl.attrs.resid}"`)) {
    if (value !== EXPECTED_NAMESPACE) report('namespace', line, `${what} is "${value}"; the functions namespace must be "${EXPECTED_NAMESPACE}"`);
  }
}

function urlPath(value) {
  try {
    return new URL(value).pathname;
  } catch {
    return String(value);
  }
}

function runtimeCheck(root, resources, report) {
  const host = workbookHost(root);
  if (!host) return; // reported by the namespace check
  const runtimes = kids(kid(host, NS.ov, 'Runtimes'), NS.ov, 'Runtime');
  if (!runtimes.length) {
    report('runtime', host.line, 'no <Runtimes><Runtime resid="…" lifetime="long"/>: the add-in would not use a shared runtime');
    return;
  }
  if (runtimes.length > 1) report('runtime', runtimes[1].line, `${runtimes.length} <Runtime> elements; the shared runtime needs exactly one`);
  const rt = runtimes[0];
  const rid = rt.attrs.resid;
  if (rt.attrs.lifetime !== 'long') {
    report('runtime', rt.line, `<Runtime lifetime="${rt.attrs.lifetime || 'short (default)'}">: must be "long" so the custom functions keep running after the task pane closes`);
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
    if (el.local === 'Action' && xsiType(el) === 'ShowTaskpane') {
      const sl = kid(el, NS.ov, 'SourceLocation');
      if (sl) users.push([sl, `ShowTaskpane action (line ${el.line})`]);
    }
  }
  for (const [el, what] of users) {
    if (el.attrs.resid !== rid) {
      report('runtime', el.line, `${what} uses resid "${el.attrs.resid}" but the <Runtime> uses "${rid}"; a shared runtime only loads when they are the same`);
    }
  }
  const res = resources.get(rid);
  const ds = kid(kid(root, NS.app, 'DefaultSettings'), NS.app, 'SourceLocation');
  if (res && res.kind === 'url' && ds && res.el.attrs.DefaultValue !== ds.attrs.DefaultValue) {
    report('runtime', res.el.line, `the runtime page "${res.el.attrs.DefaultValue}" (resid "${rid}") is not the task pane page of <DefaultSettings> ("${ds.attrs.DefaultValue}")`);
  }
  // Requirements: SharedRuntime 1.1; the docs say to drop CustomFunctionsRuntime with a shared runtime.
  const sets = kid(kid(root, NS.app, 'Requirements'), NS.app, 'Sets');
  const setList = kids(sets, NS.app, 'Set');
  const shared = setList.find((s) => s.attrs.Name === 'SharedRuntime');
  if (!shared) {
    report('runtime', (sets || root).line, 'the <Requirements> do not include <Set Name="SharedRuntime" MinVersion="1.1"/>');
  } else {
    const v = shared.attrs.MinVersion || (sets && sets.attrs.DefaultMinVersion) || '1.1';
    const [maj, min] = v.split('.').map(Number);
    if (maj < 1 || (maj === 1 && min < 1)) report('runtime', shared.line, `SharedRuntime MinVersion ${v}: must be 1.1 or later`);
  }
  const cfr = setList.find((s) => s.attrs.Name === 'CustomFunctionsRuntime');
  if (cfr) {
    report('runtime', cfr.line, 'remove <Set Name="CustomFunctionsRuntime">: with a shared runtime Microsoft\'s docs say to require SharedRuntime instead');
  }
}

function commandsCheck(root, report) {
  const host = workbookHost(root);
  if (!host) return;
  const ids = new Map();
  for (const el of walk(host)) {
    if ((el.local === 'Control' || el.local === 'Group' || el.local === 'CustomTab') && el.attrs.id) {
      const key = `${el.local === 'Control' ? 'control' : el.local}:${el.attrs.id}`;
      if (ids.has(key)) report('commands', el.line, `${el.local} id "${el.attrs.id}" is used twice (also on line ${ids.get(key)})`);
      else ids.set(key, el.line);
    }
  }
  const paneIds = new Set();
  for (const ff of kids(host, NS.ov, 'DesktopFormFactor')) {
    const functionFile = kid(ff, NS.ov, 'FunctionFile');
    for (const el of walk(ff)) {
      if (el.local !== 'Action') continue;
      const type = xsiType(el);
      if (type === 'ExecuteFunction') {
        const fn = kid(el, NS.ov, 'FunctionName');
        const name = fn ? fn.text.trim() : '';
        if (!/^[A-Za-z_$][\w$]*$/.test(name)) {
          report('commands', el.line, `ExecuteFunction FunctionName "${name}" is not a JavaScript function name`);
        }
        if (!functionFile) report('commands', el.line, `ExecuteFunction "${name}" needs a <FunctionFile> in <${ff.name}>`);
      } else if (type === 'ShowTaskpane') {
        const tid = kid(el, NS.ov, 'TaskpaneId');
        if (!tid || !tid.text.trim()) {
          report('commands', el.line, 'ShowTaskpane has no <TaskpaneId>: a shared runtime supports one task pane, and a task pane without an id counts as another one');
        } else paneIds.add(tid.text.trim());
      }
    }
  }
  if (paneIds.size > 1) report('commands', host.line, `ShowTaskpane actions use ${paneIds.size} different TaskpaneIds (${[...paneIds].join(', ')}); a shared runtime supports one task pane`);
}

// Text of a locale-aware setting per locale (the DefaultValue belongs to the DefaultLocale).
function localeTexts(el, defaultLocale, what, report) {
  const texts = new Map();
  if ('DefaultValue' in el.attrs) texts.set(defaultLocale.toLowerCase(), el.attrs.DefaultValue);
  for (const o of el.children) {
    if (o.local !== 'Override') continue;
    const loc = (o.attrs.Locale || '').toLowerCase();
    if (loc === defaultLocale.toLowerCase()) {
      report('locale', o.line, `${what}: an Override for the DefaultLocale ${defaultLocale} is not allowed; change the DefaultValue instead`);
      continue;
    }
    if (texts.has(loc)) {
      report('locale', o.line, `${what}: two overrides for ${o.attrs.Locale}`);
      continue;
    }
    texts.set(loc, o.attrs.Value);
  }
  return texts;
}

function requireLocales(el, defaultLocale, what, report) {
  const texts = localeTexts(el, defaultLocale, what, report);
  for (const loc of REQUIRED_LOCALES) {
    const t = texts.get(loc.toLowerCase());
    if (t === undefined) {
      report('locale', el.line, `${what} has no ${loc} text (add <${el.ns === NS.bt ? 'bt:' : ''}Override Locale="${loc}" Value="…"/>)`);
    } else if (loc === CHINESE_LOCALE && !hasHan(t)) {
      report('locale', el.line, `${what}: the ${loc} text "${t}" contains no Chinese`);
    } else if (loc !== CHINESE_LOCALE && hasHan(t)) {
      report('locale', el.line, `${what}: the ${loc} text "${t}" contains Chinese`);
    }
  }
}

function localeCheck(root, resources, refs, report) {
  const dl = kid(root, NS.app, 'DefaultLocale');
  const defaultLocale = dl ? dl.text.trim() : '';
  if (!REQUIRED_LOCALES.some((l) => l.toLowerCase() === defaultLocale.toLowerCase())) {
    report('locale', dl ? dl.line : root.line, `DefaultLocale "${defaultLocale}" should be one of ${REQUIRED_LOCALES.join(', ')}`);
  }
  for (const name of ['DisplayName', 'Description']) {
    const el = kid(root, NS.app, name);
    if (el) requireLocales(el, defaultLocale, `<${name}>`, report);
  }
  // Every string shown in the ribbon, its tooltips and the Get Started callout.
  const done = new Set();
  for (const { el, id, kind } of refs) {
    if (kind !== 'short' && kind !== 'long') continue;
    if (el.local === 'Namespace') continue;
    const res = resources.get(id);
    if (!res || res.kind !== kind || done.has(id)) continue;
    done.add(id);
    requireLocales(res.el, defaultLocale, `string "${id}" (used by <${el.name}> in <${el.parent.name}> on line ${el.line})`, report);
  }
}

function pngSize(file) {
  const b = fs.readFileSync(file);
  const sig = '89504e470d0a1a0a';
  if (b.length < 24 || b.subarray(0, 8).toString('hex') !== sig || b.subarray(12, 16).toString('latin1') !== 'IHDR') return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function iconsCheck(root, resources, report) {
  const images = [];
  for (const [name, size] of [['IconUrl', 32], ['HighResolutionIconUrl', 64]]) {
    const el = kid(root, NS.app, name);
    if (el) for (const v of settingValues(el, `<${name}>`)) images.push({ ...v, size });
  }
  for (const el of walk(root)) {
    if (el.local !== 'Icon') continue;
    const sizes = new Set(kids(el, NS.bt, 'Image').map((i) => Number(i.attrs.size)));
    const missing = [16, 32, 80].filter((s) => !sizes.has(s));
    if (missing.length) report('icons', el.line, `<Icon> in <${el.parent.name}> lacks the mandatory size(s) ${missing.join(', ')}`);
    for (const img of kids(el, NS.bt, 'Image')) {
      const res = resources.get(img.attrs.resid);
      if (!res || res.kind !== 'image') continue; // reported by the resid check
      for (const v of settingValues(res.el, `image "${img.attrs.resid}"`)) images.push({ ...v, size: Number(img.attrs.size) });
    }
  }
  const seen = new Set();
  for (const { line, what, value, size } of images) {
    if (!value.startsWith(DEV_BASE)) continue;
    const rel = decodeURIComponent(urlPath(value)).replace(/^\/+/, '');
    const key = `${rel}@${size}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const file = path.join(ROOT, rel);
    if (!rel.startsWith('assets/') || !fs.existsSync(file)) {
      report('icons', line, `${what} "${value}": no file ${rel} in the repository (run \`node scripts/icons.js\`)`);
      continue;
    }
    const dim = pngSize(file);
    if (!dim) report('icons', line, `${what}: ${rel} is not a PNG`);
    else if (dim.width !== size || dim.height !== size) {
      report('icons', line, `${what}: ${rel} is ${dim.width}x${dim.height}, expected ${size}x${size}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * Validates a manifest. Returns { file, xsd, problems: [{ check, line, message }] }.
 * Throws EnvironmentError when the check cannot run (no xmllint, no schemas, unreadable file).
 */
function validateManifest(file = DEFAULT_MANIFEST) {
  const problems = [];
  const report = (check, line, message) => problems.push({ check, line, message });
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new EnvironmentError(`cannot read ${file}: ${err.message}`);
  }
  const xsd = schemaCheck(file, report);
  let root;
  try {
    root = parseXml(text);
  } catch (err) {
    report('schema', undefined, `not well-formed XML: ${err.message}`);
    return { file, xsd, problems };
  }
  if (!is(root, NS.app, 'OfficeApp')) {
    report('schema', root.line, `the root element is <${root.name}>, not an OfficeApp in ${NS.app}`);
    return { file, xsd, problems };
  }
  const resources = collectResources(root, report);
  const refs = residCheck(root, resources, report);
  namespaceCheck(root, resources, report);
  httpsCheck(root, report);
  runtimeCheck(root, resources, report);
  commandsCheck(root, report);
  localeCheck(root, resources, refs, report);
  iconsCheck(root, resources, report);
  problems.sort((a, b) => CHECKS.indexOf(a.check) - CHECKS.indexOf(b.check) || (a.line || 0) - (b.line || 0));
  return { file, xsd, problems };
}

function main(argv) {
  const json = argv.includes('--json');
  const files = argv.filter((a) => a !== '--json');
  if (files.some((f) => f.startsWith('-'))) {
    console.error('usage: node scripts/validate-manifest.js [manifest.xml] [--json]');
    return 2;
  }
  const file = path.resolve(files[0] || DEFAULT_MANIFEST);
  const shown = path.relative(process.cwd(), file) || file;
  let result;
  try {
    result = validateManifest(file);
  } catch (err) {
    if (!(err instanceof EnvironmentError)) throw err;
    if (json) console.log(JSON.stringify({ file, error: err.message }, null, 2));
    console.error(`validate-manifest: ${err.message}`);
    return 2;
  }
  if (json) console.log(JSON.stringify(result, null, 2));
  if (result.problems.length) {
    for (const p of result.problems) {
      console.error(`✗ [${p.check}] ${shown}${p.line ? `:${p.line}` : ''}: ${p.message}`);
    }
    console.error(`validate-manifest: ${shown}: ${result.problems.length} problem(s)`);
    return 1;
  }
  if (!json) {
    console.log(`✓ ${shown} is valid against ${path.relative(process.cwd(), result.xsd)} (xmllint)`);
    console.log(`✓ ${shown} passes the checks: ${CHECKS.filter((c) => c !== 'schema').join(', ')}`);
  }
  return 0;
}

module.exports = { validateManifest, parseXml, EnvironmentError, CHECKS };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
