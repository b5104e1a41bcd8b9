#!/usr/bin/env node
// The compiled CLI lives in lib/ (built by `npm ci` through the prepare script).
const path = require('path');
const fs = require('fs');
const main = path.join(__dirname, '..', 'lib', 'cli', 'main.js');
if (!fs.existsSync(main)) {
  process.stderr.write('cpd-credits is not built yet: run `npm ci` (or `npm run build:cli`) first\n');
  process.exit(2);
}
require(main).main();
