// Golden outputs, for proving that a change to the engine, the report or the CLI changed no result:
//   node scripts/golden.js <lib> <dir>     writes every output of the compiled CLI and engine in <lib> to <dir>
//   diff -r <before> <after>               then compares two runs byte for byte
// Keep a copy of lib/ (with package.json and a node_modules link beside it) from before the change; run this on
// both. The inputs: the bundled samples through the CLI (zh and en, --json and the human report, --out .csv,
// `credits`, `rules`), and in-process generated rosters of every region — clean, with the samples' mistakes,
// and seeded junk in every column — with overrides, other cycles and as-of dates, several tables and header-less
// ranges: each one's JSON report (zh, en) and a dump of the engine's whole result, Text fields read out.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const [libArg, outArg] = process.argv.slice(2);
if (!libArg || !outArg) {
  process.stderr.write('usage: node scripts/golden.js <lib> <out-dir>\n');
  process.exit(2);
}
const lib = path.resolve(libArg);
const out = path.resolve(outArg);
fs.mkdirSync(out, { recursive: true });
const need = (m) => require(path.join(lib, m));
const { checkRoster, checkTable, RosterError } = need('engine/engine');
const { toReport } = need('engine/report');
const { computeCredits, explainCredits } = need('engine/api');
const { REGIONS, RULES } = need('rules');
const { generate, rng } = need('samples/generate');
const { HEADERS, FIELDS } = need('core/fields');
const V = need('core/vocabulary');

const write = (name, text) => fs.writeFileSync(path.join(out, name), text);

/** Every own field of the engine's result, Text values read out (a lazy Text has zh/en as getters). */
function dump(v, seen = new Set()) {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Date) return v.toISOString();
  if (seen.has(v)) return '[cycle]';
  seen.add(v);
  let r;
  if (Array.isArray(v)) r = v.map((x) => dump(x, seen));
  else if (v instanceof Set) r = { set: [...v].map((x) => dump(x, seen)).sort() };
  else if (v instanceof Map) r = { map: [...v].map(([k, x]) => [k, dump(x, seen)]) };
  else {
    r = {};
    // own data fields and the getters of its classes (a step's lazy detail); functions are code, not results
    const keys = new Set(Object.keys(v).filter((k) => typeof v[k] !== 'function'));
    let lazy = false;
    for (let p = Object.getPrototypeOf(v); p && p !== Object.prototype; p = Object.getPrototypeOf(p))
      for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(p)))
        if (d.get) {
          keys.add(k);
          lazy = true;
        }
    // how a lazy text is made (its template's values: `_values`) is not what it says
    if (lazy) for (const k of keys) if (k.startsWith('_')) keys.delete(k);
    for (const k of [...keys].sort()) if (k !== 'rules' && v[k] !== undefined) r[k] = dump(v[k], seen);
  }
  seen.delete(v);
  return r;
}

const spell = (vocab) => Object.values(vocab.spellings).flat();

/** Seeded junk and near-valid values for every column: the engine's branches, not its happy path. */
function fuzzRows(region, seed, count) {
  const rand = rng(seed);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const maybe = (p, f) => (rand() < p ? f() : null);
  const sample = generate(region, { teachers: 12, seed: seed + 1000, mistakes: false });
  const ids = [...new Set(sample.rows.slice(2).map((r) => r[sample.rows[1].findIndex((h) => /身份证/.test(h))]))];
  // an 18-digit ID typed into a number cell: Excel keeps 15 significant digits
  ids.push('4.60102E+17', Number('460102198001011234'), '12345', 'T-001', 't 001', '#N/A', '', null);
  const years = [2017, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, '2021年', '2022年度', '２０２３'];
  const dates = ['2021-07-15', '2021/7/15', '2022年7月15日', 44500, '2021.12-2022.1', '20230230', 'abc', '2025-10-18'];
  const wide = (s) => [...s].map((c) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c));
  const garble = (s) => (rand() < 0.1 ? ` ${s} ` : rand() < 0.05 ? wide(String(s)).join('') : s);
  const levels = [...spell(V.LEVEL_VOCAB), '市县级', '区级', '市县', '省集', '县市级'];
  const modes = [...spell(V.MODE_VOCAB), '网上学习', '示范课'];
  const hours = [0, 0.5, 1, 2.5, 3, 6, 7.99, 8, 12, 16, 24, 30, 40, 48, 60, 72, 90, 120, 640];
  const hoursOdd = ['24学时', '二十', -12, '3天', '1,000', '８', '#VALUE!', true, '12.5 h'];
  const names = ['王伟', '李娜', '张敏', '刘洋', '陈静', null];
  const schools = ['第一中学', '第三小学', '实验幼儿园', null];
  const projects = ['国培计划', '暑期研修', '名师工作坊研修', '网络研修A', '校本研修', '教学比武', null];
  const cell = {
    teacherId: () => pick(ids),
    name: () => pick(names),
    school: () => pick(schools),
    year: () => maybe(0.95, () => pick(years)),
    date: () => maybe(0.3, () => pick(dates)),
    project: () => pick(projects),
    level: () => maybe(0.92, () => garble(pick(levels))),
    mode: () => maybe(0.95, () => garble(pick(modes))),
    hours: () => maybe(0.9, () => (rand() < 0.06 ? pick(hoursOdd) : pick(hours))),
    days: () => maybe(0.1, () => pick([0.5, 1, 2, 3, 5, '2天', -1])),
    months: () => maybe(0.15, () => pick([1, 2, 3, 6, 12, '3个月'])),
    grade: () =>
      maybe(0.6, () => (rand() < 0.3 ? pick([55, 65, 75, 85, 95, 101, '88分']) : garble(pick(spell(V.GRADE_VOCAB))))),
    award: () => maybe(0.1, () => pick([...spell(V.AWARD_VOCAB), '特等奖'])),
    role: () => maybe(0.15, () => pick([...spell(V.ROLE_VOCAB), '校长'])),
    rate: () => maybe(0.2, () => pick([0.5, 1, 1.5, 2, 3.5, 'x'])),
    category: () => maybe(0.3, () => pick([...spell(V.CATEGORY_VOCAB), '其他'])),
    selfSelected: () => maybe(0.1, () => pick([...V.BOOL_SPELLINGS.yes, ...V.BOOL_SPELLINGS.no, '也许'])),
    credits: () => maybe(0.3, () => pick([0, 0.5, 1, 1.6, 2, 3, 10, 24, '2学分'])),
    certificate: () => maybe(0.2, () => pick(['0707210001', '0799200015', '07072 40012', 'ABC'])),
    classTeacher: () => maybe(0.1, () => pick(['是', '否', 'Y'])),
    assessment: () => maybe(0.1, () => pick(['合格', '是', '否', '不合格'])),
    hireYear: () => maybe(0.05, () => pick([2015, 2019, 2020, 2022, 2024, '2021年'])),
    exempt: () => maybe(0.03, () => pick(['是', '否'])),
  };
  const header = FIELDS.map((f) => HEADERS[f][0]);
  const rows = [header];
  for (let i = 0; i < count; i++) rows.push(FIELDS.map((f) => cell[f]()));
  return rows;
}

/** Every overridable parameter of a region set to a value within its bounds. */
function overridesOf(region) {
  const o = {};
  for (const [k, p] of Object.entries(RULES[region].params))
    if (p.overridable) o[k] = Math.min(p.max, Math.max(p.min, p.value ?? 0.5) + 0.25);
  return o;
}

let cases = 0;
function engineCase(name, run) {
  for (const lang of ['zh', 'en']) {
    let text;
    try {
      const result = run();
      text = JSON.stringify(toReport(result, lang), null, 2) + '\n';
      if (lang === 'zh') write(`${name}.result.json`, JSON.stringify(dump(result)) + '\n');
    } catch (e) {
      text = e instanceof RosterError ? `RosterError ${e.text.zh} / ${e.text.en}\n` : `throw ${e && e.stack}\n`;
    }
    write(`${name}.${lang}.json`, text);
    cases++;
  }
}

const AS_OF = '2026-11-23';
for (const region of REGIONS) {
  const rules = RULES[region];
  const opts = { rules, asOf: AS_OF, candidates: REGIONS.map((r) => RULES[r]) };
  engineCase(`${region}-sample`, () => checkTable(generate(region).rows, opts));
  for (const seed of [1, 2]) {
    const rows = generate(region, { teachers: 80, seed, mistakes: false }).rows;
    engineCase(`${region}-clean-${seed}`, () => checkTable(rows, opts));
    engineCase(`${region}-clean-${seed}-midcycle`, () =>
      checkTable(rows, { ...opts, cycleStart: 2021, asOf: '2023-06-30' }),
    );
  }
  for (const seed of [1, 2, 3, 4]) {
    const rows = fuzzRows(region, seed, 500);
    engineCase(`${region}-fuzz-${seed}`, () => checkTable(rows, opts));
    engineCase(`${region}-fuzz-${seed}-overrides`, () =>
      checkTable(rows, { ...opts, overrides: overridesOf(region), asOf: '2025-03-01' }),
    );
    engineCase(`${region}-fuzz-${seed}-cycle2018`, () => checkTable(rows, { ...opts, cycleStart: 2018 }));
    const third = Math.ceil((rows.length - 1) / 3);
    const part = (k) => [rows[0], ...rows.slice(1 + k * third, 1 + (k + 1) * third)];
    engineCase(`${region}-fuzz-${seed}-tables`, () =>
      checkRoster(
        [
          { rows: part(0), file: 'a.xlsx', sheet: '2021' },
          { rows: part(1), file: 'a.xlsx', sheet: '2022' },
          { rows: part(2), file: 'b.csv', firstRow: 3 },
        ],
        opts,
      ),
    );
    // header-less ranges (CYCLE_PASS): year, level, mode, hours, grade of one teacher
    const one = rows.slice(1, 16).map((r) => [r[3], r[6], r[7], r[8], r[11]]);
    engineCase(`${region}-fuzz-${seed}-headerless`, () => checkTable(one, { ...opts, headerless: true }));
    // single conversions (CREDITS and `credits`)
    const lines = [];
    for (const r of rows.slice(1, 200)) {
      const input = { rules, hours: r[8], level: r[6], mode: r[7], grade: r[11], rate: r[14], days: r[9] };
      Object.assign(input, { months: r[10], role: r[13], award: r[12], category: r[15] });
      if (seed === 2) input.overrides = overridesOf(region);
      const c = computeCredits(input);
      lines.push(`${c.hours} ${c.credits} | ${explainCredits(c, 'zh')} | ${explainCredits(c, 'en')}`);
    }
    write(`${region}-fuzz-${seed}.credits.txt`, lines.join('\n') + '\n');
  }
}

// the CLI on the bundled samples
const cli = path.join(lib, 'cli', 'main.js');
const samples = path.join(__dirname, '..', 'assets', 'samples');
// one fixed folder, so that the paths the CLI prints are the same from run to run
const tmp = path.join(require('os').tmpdir(), 'cpd-golden-work');
fs.rmSync(tmp, { recursive: true, force: true });
fs.mkdirSync(tmp);
const copies = [];
function runCli(name, args) {
  let stdout;
  let code = 0;
  try {
    stdout = execFileSync(process.execPath, [cli, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 1 << 30,
      env: { ...process.env, NO_COLOR: '1', LANG: 'C' },
    });
  } catch (e) {
    stdout = `${e.stdout}\n--- stderr\n${e.stderr}`;
    code = e.status;
  }
  write(`cli-${name}.txt`, `exit ${code}\n${stdout}`);
  cases++;
}
for (const region of REGIONS) {
  for (const ext of ['csv', 'xlsx']) {
    const file = path.join(samples, `${region}.${ext}`);
    for (const lang of ['zh', 'en']) {
      const base = ['check', file, '--as-of', AS_OF, '--lang', lang];
      if (ext === 'csv') base.push('--region', region);
      runCli(`${region}-${ext}-${lang}-json`, [...base, '--json']);
      runCli(`${region}-${ext}-${lang}-human`, base);
      for (const kind of ['csv', 'xlsx']) {
        const copy = path.join(tmp, `${region}-${ext}-${lang}.${kind}`);
        runCli(`${region}-${ext}-${lang}-out-${kind}`, [...base, '--out', copy, '--force']);
        copies.push([copy, `cli-${region}-${ext}-${lang}-copy.${kind}`]);
      }
    }
  }
  runCli(`${region}-rules`, ['rules', region]);
  runCli(`${region}-credits`, [
    'credits',
    '--region',
    region,
    '--hours',
    '24',
    '--level',
    '省级',
    '--mode',
    '集中培训',
  ]);
  runCli(`${region}-credits-explain`, [
    'credits',
    '--region',
    region,
    '--hours',
    '6',
    '--level',
    '校级',
    '--mode',
    '校本研修',
    '--explain',
    '--lang',
    'en',
  ]);
}
const all = ['check', ...REGIONS.map((r) => path.join(samples, `${r}.xlsx`)), '--region', 'hainan', '--as-of', AS_OF];
runCli('all-samples-json', [...all, '--json']);
runCli('all-samples-human', [...all, '--lang', 'en']);
runCli('rules-markdown', ['rules', '--markdown']);

/** A copy's content: a .csv as it is, an .xlsx as its parts (the zip's own timestamps differ from run to run). */
async function contents() {
  const JSZip = require(require.resolve('jszip', { paths: [lib] }));
  for (const [file, name] of copies) {
    if (!name.endsWith('.xlsx')) {
      fs.copyFileSync(file, path.join(out, name));
      continue;
    }
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const parts = [];
    for (const entry of Object.keys(zip.files).sort())
      if (!zip.files[entry].dir) parts.push(`== ${entry}\n${await zip.files[entry].async('string')}`);
    write(`${name}.txt`, parts.join('\n') + '\n');
  }
}
contents().then(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  process.stdout.write(`${cases} outputs in ${out}\n`);
});
