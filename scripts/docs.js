// npm run docs: write the generated parts of docs/rules.md — the issue-code table and the parameter
// appendix — from the code (src/present/rulesdoc.ts, built into lib/ by build:cli). The prose around
// the marker comments is left as it is; test/present/rulesdoc.test.ts fails when the two disagree.
'use strict';

const fs = require('fs');
const path = require('path');
const { spliceRulesDoc } = require('../lib/present/rulesdoc');
const { REGION_LIST } = require('../lib/rules');

const file = path.join(__dirname, '..', 'docs', 'rules.md');
const doc = fs.readFileSync(file, 'utf8');
const next = spliceRulesDoc(doc, REGION_LIST);
if (next === doc) {
  console.log('docs/rules.md: the generated parts are up to date');
} else {
  fs.writeFileSync(file, next);
  console.log('docs/rules.md: the generated parts were rewritten from the code');
}
