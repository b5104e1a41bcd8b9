// The two manifests the build writes from manifest.xml, and how.
//
// manifest.xml in the repository is the template: the production add-in's identity
// (Id, display name, namespace CPD) with every URL at https://localhost:3000/. The
// build writes dist/manifest.xml for one environment:
//   production   Id, names and namespace as in the template; URLs at ADDIN_BASE_URL
//   development  another Id, "（开发）/(dev)" in the names and the namespace CPDDEV, so
//                that a sideloaded development copy never collides with the deployed
//                add-in (Microsoft's advice: one Id per environment); URLs at localhost
// Both take <Version> from package.json. Every edit must find exactly what it
// replaces, or the build fails: a template edited out of step never ships silently.
'use strict';

const DEV_BASE = 'https://localhost:3000/';

const VARIANTS = {
  production: {
    id: '78db4b52-ab1b-439d-b78d-38432a50e4d1',
    namespace: 'CPD',
    displayName: { zh: '教师培训学分助手', en: 'CPD Credits' },
    tab: { zh: '学分助手', en: 'CPD Credits' },
  },
  development: {
    id: '96f9bb81-7989-48f3-ba98-f96db3383719',
    namespace: 'CPDDEV',
    displayName: { zh: '教师培训学分助手（开发）', en: 'CPD Credits (dev)' },
    tab: { zh: '学分助手（开发）', en: 'CPD Credits (dev)' },
  },
};

/** "1.1.0" → "1.1.0.0": the manifest's Version has four numeric parts. */
function manifestVersion(pkgVersion) {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(String(pkgVersion));
  if (!m) throw new Error(`package.json version "${pkgVersion}" is not major.minor.patch`);
  return `${m[1]}.${m[2]}.${m[3]}.0`;
}

/** The variant whose Id the manifest text carries, or undefined. */
function variantOf(text) {
  const id = (/<Id>\s*([^<\s]+)\s*<\/Id>/.exec(text) || [])[1];
  return Object.keys(VARIANTS).find((k) => VARIANTS[k].id === id);
}

/** Replace `from` (a string or a global regexp) exactly `count` times, or throw saying what is missing. */
function replaceExactly(text, from, to, count, what) {
  const re = typeof from === 'string' ? new RegExp(from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g') : from;
  const found = (text.match(re) || []).length;
  if (found !== count) {
    throw new Error(
      `manifest.xml: expected ${count === Infinity ? 'some' : count} × ${what} (${String(from)}), found ${found}`,
    );
  }
  return text.replace(re, to);
}

/**
 * dist/manifest.xml for `env` ("production" | "development") from the template text.
 * `baseUrl` is where dist/ is served (ends with "/").
 */
function buildManifest(template, { env, baseUrl, version }) {
  const prod = VARIANTS.production;
  const v = VARIANTS[env];
  if (!v) throw new Error(`unknown manifest environment ${env}`);
  let text = template;
  const urls = (text.match(/https:\/\/localhost:3000\//g) || []).length;
  if (urls < 5) throw new Error(`manifest.xml: expected the add-in's URLs at ${DEV_BASE}, found ${urls}`);
  text = replaceExactly(text, DEV_BASE, baseUrl, urls, `${DEV_BASE} URL`);
  text = replaceExactly(text, /<Version>[^<]*<\/Version>/g, `<Version>${version}</Version>`, 1, '<Version>');
  text = replaceExactly(text, `<Id>${prod.id}</Id>`, `<Id>${v.id}</Id>`, 1, 'the production <Id>');
  text = replaceExactly(
    text,
    /<DisplayName DefaultValue="[^"]*">\s*<Override Locale="en-US" Value="[^"]*"\/>/g,
    `<DisplayName DefaultValue="${v.displayName.zh}">\n    <Override Locale="en-US" Value="${v.displayName.en}"/>`,
    1,
    '<DisplayName> with its en-US override',
  );
  text = replaceExactly(
    text,
    `<bt:String id="Functions.Namespace" DefaultValue="${prod.namespace}"/>`,
    `<bt:String id="Functions.Namespace" DefaultValue="${v.namespace}"/>`,
    1,
    'the Functions.Namespace string',
  );
  text = replaceExactly(
    text,
    /<bt:String id="Tab\.Label" DefaultValue="[^"]*">\s*<bt:Override Locale="en-US" Value="[^"]*"\/>/g,
    `<bt:String id="Tab.Label" DefaultValue="${v.tab.zh}">\n          <bt:Override Locale="en-US" Value="${v.tab.en}"/>`,
    1,
    'the Tab.Label string with its en-US override',
  );
  const note = `<!-- Written by the build (${env}, served from ${baseUrl}) from manifest.xml: edit that file, not this one. -->\n`;
  text = replaceExactly(text, /^(<\?xml[^>]*\?>\n)/g, `$1${note}`, 1, 'the XML declaration');
  return text;
}

module.exports = { DEV_BASE, VARIANTS, manifestVersion, variantOf, buildManifest };
