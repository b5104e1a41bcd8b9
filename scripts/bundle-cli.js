// `npm run build:cli`'s last step: lib/'s CLI modules bundled into one file, lib/cli/cpd-credits.js, and V8's
// code cache of it, lib/cli/cpd-credits.js.cache — what bin/cpd-credits.js runs (see there for why). The
// packages in node_modules stay outside the bundle (required as usual, with their own licences) but for the few
// JOINED below. The cache is made after running `credits` and a check of a bundled sample in this process, so that
// it holds the functions those compiled, not only the top level. Any warning of webpack's (a require it could
// not follow, say) fails the build: a bundle missing a module would fail only when that module is needed.
'use strict';
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');

const ROOT = path.join(__dirname, '..');
const LIB = path.join(ROOT, 'lib', 'cli');
const BUNDLE = path.join(LIB, 'cpd-credits.js');

/**
 * The small pure-JS packages every run loads (argument parsing, decimal arithmetic, the zip codec): joined into
 * the bundle, so that they come from its code cache instead of being found, read and compiled one file at a time
 * (~25 ms of a CSV check's start-up). The bundle is a build product of this machine, never published (npm pack
 * leaves it out): the packages' own files and licences stay in node_modules, which the fallback loads.
 */
const JOINED = new Set(['commander', 'decimal.js', 'pako']);

const config = {
  mode: 'production',
  target: 'node20',
  context: ROOT,
  entry: path.join(LIB, 'bundle.js'),
  output: { path: LIB, filename: 'cpd-credits.js', library: { type: 'commonjs2' } },
  // readable: a stack trace from the bundle names the functions (minifying gained nothing once cached)
  optimization: { minimize: false },
  // the real paths: lib/cli/ is where worker.js and ../../package.json are found, as from main.js
  node: { __dirname: false, __filename: false },
  externals: [
    ({ request }, callback) =>
      /^[^./]/.test(request) && !JOINED.has(request.split('/')[0]) ? callback(null, `commonjs ${request}`) : callback(),
  ],
  devtool: false,
  performance: { hints: false },
};

function bundle() {
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      const info = stats.toJson({ all: false, errors: true, warnings: true });
      const problems = [...info.errors, ...info.warnings].map((e) => e.message ?? String(e));
      if (problems.length) return reject(new Error(`bundling the CLI:\n${problems.join('\n')}`));
      resolve();
    });
  });
}

async function cache() {
  const { loadBundle } = require(path.join(ROOT, 'bin', 'cpd-credits.js'));
  const { exports, script } = loadBundle(BUNDLE);
  const io = { out: () => true, err: () => undefined, isTTY: false, env: {} };
  const sample = path.join(ROOT, 'assets', 'samples', 'hainan.csv');
  await exports.run(['credits', '--region', 'hainan', '--hours', '24', '--level', '省级', '--mode', '集中培训'], io);
  await exports.run(['check', sample, '--region', 'hainan', '--json'], io);
  fs.writeFileSync(`${BUNDLE}.cache`, script.createCachedData());
}

bundle()
  .then(cache)
  .catch((e) => {
    process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
    process.exitCode = 1;
  });
