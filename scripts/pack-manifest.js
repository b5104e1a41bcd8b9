#!/usr/bin/env node
// `npm pack` / `npm publish` hooks: the packed package.json carries no scripts. An installed CLI needs none
// (lib/ is built before packing), and npm ≥ 11 warns a person installing the tarball about a `prepare`
// script it would never run. `strip` (prepack) keeps the full manifest aside; `restore` (postpack) puts it
// back. A strip left over from an interrupted pack is restored first.
const fs = require('fs');
const path = require('path');

const file = path.join(__dirname, '..', 'package.json');
const kept = path.join(__dirname, '..', '.package.json.pack');

function restore() {
  if (fs.existsSync(kept)) fs.renameSync(kept, file);
}

const mode = process.argv[2];
if (mode === 'strip') {
  restore();
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(kept, text);
  const manifest = JSON.parse(text);
  delete manifest.scripts;
  fs.writeFileSync(file, JSON.stringify(manifest, null, 2) + '\n');
} else if (mode === 'restore') {
  restore();
} else {
  process.stderr.write('usage: pack-manifest.js strip|restore\n');
  process.exitCode = 2;
}
