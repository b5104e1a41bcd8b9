#!/usr/bin/env node
// The compiled CLI lives in lib/ (built by `npm ci` through the prepare script). Start-up is most of what a short
// command such as `credits` costs, and most of that was finding, reading and compiling lib/'s ~70 modules: so the
// build also bundles them into one file, lib/cli/cpd-credits.js, and keeps V8's compiled code of it beside it
// (lib/cli/cpd-credits.js.cache, made by scripts/bundle-cli.js on this machine's Node). The cache is only ever
// read here, never written; V8 checks it against the file and its own version and flags, and compiles afresh
// when it does not fit (another Node, a changed bundle). Without the bundle, the modules are loaded as before.
'use strict';
const path = require('path');
const fs = require('fs');
const Module = require('module');
const vm = require('vm');

const LIB = path.join(__dirname, '..', 'lib', 'cli');
const BUNDLE = path.join(LIB, 'cpd-credits.js');

/**
 * The bundle's exports, evaluated as Node would a CommonJS module of that path (its requires of
 * node_modules resolve from lib/cli/), compiled with `cachedData` when given. Also used by
 * scripts/bundle-cli.js to make the cache, so that both compile the same text the same way.
 */
function loadBundle(file = BUNDLE, cachedData = undefined) {
  const source = fs.readFileSync(file, 'utf8');
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  const req = (id) => mod.require(id);
  req.resolve = (id) => Module._resolveFilename(id, mod);
  req.main = require.main;
  req.cache = Module._cache;
  script.runInThisContext().call(mod.exports, mod.exports, req, mod, file, path.dirname(file));
  mod.loaded = true;
  return { exports: mod.exports, script, rejected: cachedData !== undefined && script.cachedDataRejected === true };
}

function readCache(file) {
  try {
    return fs.readFileSync(`${file}.cache`);
  } catch {
    return undefined;
  }
}

function cli() {
  if (fs.existsSync(BUNDLE)) return loadBundle(BUNDLE, readCache(BUNDLE)).exports;
  const main = path.join(LIB, 'main.js');
  if (!fs.existsSync(main)) {
    process.stderr.write('cpd-credits is not built yet: run `npm ci` (or `npm run build:cli`) first\n');
    process.exit(2);
  }
  return require(main);
}

if (require.main === module) cli().main();

module.exports = { loadBundle, BUNDLE };
