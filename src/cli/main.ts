// cpd-credits: the command line of roster.md. `check FILE|FOLDER …` validates rosters, `credits` converts
// one record, `rules` lists a region's parameters and readings. Help and messages are Chinese first
// (English with --lang en or an English locale). Exit codes: 0 clean, 1 findings, 2 the input or the
// arguments could not be used.
import * as fs from 'fs';
import * as path from 'path';
import { Command, CommanderError, Option } from 'commander';
import { makeOverrides, parseOverrides, type Overrides } from '../rules/params';
import { computeCredits, explainCredits } from '../engine/api';
import { RosterError } from '../engine/engine';
import { parseDate } from '../present/settings';
import { fmt } from '../core/decimal';
import { Lang, say } from '../core/text';
import { parseCycleStart, YEAR_RANGE } from '../core/dates';
import { parseRegion, regionError, REGIONS, RULES, type RegionId } from '../rules';
// the light classes only: `credits` and `rules` answer without the file layer (SheetJS, JSZip, Papa Parse),
// which `check` loads when it runs
import { FileProblem } from '../files/problem';
import { FileError, removePendingSync, type WriteFs } from './files';
import { UsageError } from './errors';
import type { CheckArgs } from './check';
import { helpTexts } from './help';
import { visible } from './terminal';

interface Io {
  /** false: the text is queued (a full pipe), wait for `drain` before writing more */
  out: (s: string) => unknown;
  drain?: () => Promise<void>;
  /** the reader of stdout has gone (`| head`): nothing more is written */
  closed?: () => boolean;
  err: (s: string) => void;
  /** stdout is a terminal (colours) */
  isTTY: boolean;
  /** stderr is a terminal (progress bar) */
  errTTY?: boolean;
  /** the environment the language is taken from (LC_ALL, LC_MESSAGES, LANG); process.env when absent */
  env?: Record<string, string | undefined>;
  wfs?: WriteFs;
}

/** --lang wins; else an English locale gives English; else Chinese. */
export function langOf(argv: readonly string[], env: Record<string, string | undefined>): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v === 'en' || v === 'zh') return v;
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en/i.test(locale) ? 'en' : 'zh';
}

export function version(): string {
  try {
    return (
      JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }
    ).version;
  } catch {
    return 'unknown';
  }
}

function regionOption(raw: string | undefined): RegionId | undefined {
  if (raw === undefined) return undefined;
  const r = parseRegion(raw);
  if (!r) throw new UsageError(say(regionError(raw), 'zh') + '\n' + say(regionError(raw), 'en'));
  return r;
}

function parseYearOption(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const y = parseCycleStart(raw);
  if (y === undefined)
    throw new UsageError(
      `--cycle-start 应为 ${YEAR_RANGE.min}–${YEAR_RANGE.max} 之间的四位年份，如 2019，收到「${raw}」 / --cycle-start must be a 4-digit year within ${YEAR_RANGE.min}–${YEAR_RANGE.max}, e.g. 2019; got "${raw}"`,
    );
  return y;
}

async function overridesOption(sets: string[], file: string | undefined): Promise<Overrides> {
  let out = makeOverrides();
  if (file) {
    let json: unknown;
    try {
      json = JSON.parse(await fs.promises.readFile(file, 'utf8'));
    } catch (e) {
      throw new UsageError(
        `--overrides 文件无法读取或不是 JSON：${(e as Error).message} / cannot read --overrides as JSON`,
      );
    }
    const parsed = parseOverrides(json);
    if (!parsed)
      throw new UsageError('--overrides 文件应为 {"参数名": 数值} / --overrides must be {"parameter": number}');
    out = parsed;
  }
  for (const s of sets) {
    const eq = s.indexOf('=');
    const key = eq > 0 ? s.slice(0, eq) : '';
    const v = eq > 0 && eq < s.length - 1 ? Number(s.slice(eq + 1)) : NaN;
    if (!/^[\w.]+$/.test(key) || !Number.isFinite(v))
      throw new UsageError(
        `--set 应为 参数=数值，例如 --set dayCredits.school=0.5；收到「${s}」 / --set takes parameter=number`,
      );
    out[key] = v;
  }
  return out;
}

function asOfOption(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const d = parseDate(raw);
  if (!d)
    throw new UsageError(
      `--as-of 应为 YYYY-MM-DD 形式的日期，收到「${raw}」 / --as-of must be a date YYYY-MM-DD; got "${raw}"`,
    );
  return d;
}

const collect = (v: string, prev: string[]) => [...prev, v];

type Texts = ReturnType<typeof helpTexts>;

/** What every subcommand is built with: the run's I/O, the help texts and a fresh --lang option. */
interface Builder {
  io: Io;
  h: Texts;
  langOption: () => Option;
  /** the program: subcommands set its exit code */
  cmd: Command;
}

export function program(io: Io, lang: Lang): Command {
  const h = helpTexts(lang);
  const langOption = () => new Option('--lang <lang>', h.lang).choices(['zh', 'en']).default(lang);
  const cmd = new Command('cpd-credits')
    .description(h.program)
    .version(version(), '-V, --version', h.version)
    .helpOption('-h, --help', h.help)
    .helpCommand('help [command]', h.helpCommand)
    .showHelpAfterError(h.afterError)
    .configureHelp({ styleTitle: (s: string) => h.titles[s] ?? s })
    .configureOutput({
      writeOut: io.out,
      writeErr: io.err,
      outputError: (s, write) => write(`${h.errorPrefix}${visible(s)}`),
    })
    .exitOverride();
  const b: Builder = { io, h, langOption, cmd };
  checkCommand(b);
  creditsCommand(b);
  rulesCommand(b);
  return cmd;
}

interface CheckOptions {
  region?: string;
  sheet: string[];
  cycleStart?: string;
  asOf?: string;
  json?: boolean;
  teachers?: boolean;
  out?: string;
  force?: boolean;
  jobs?: string;
  lang: Lang;
  set: string[];
  overrides?: string;
}

function checkCommand(b: Builder): void {
  const { h } = b;
  b.cmd
    .command('check')
    .description(h.check)
    .argument('<files...>', h.files)
    .helpOption('-h, --help', h.help)
    .option('--region <id>', h.region)
    .option('--sheet <name>', h.sheet, collect, [])
    .option('--cycle-start <yyyy>', h.cycleStart)
    .option('--as-of <yyyy-mm-dd>', h.asOf)
    .option('--json', h.json)
    .option('--teachers', h.teachers)
    .option('--out <file|dir>', h.out)
    .option('--force', h.force)
    .option('--jobs <n>', h.jobs)
    .addOption(b.langOption())
    .option('--set <param=value>', h.set, collect, [])
    .option('--overrides <file.json>', h.overrides)
    .action(async (files: string[], o: CheckOptions) => {
      b.cmd.setOptionValue('exitCode', await check(files, o, b.io));
    });
}

/** `check`: the options checked, then the check itself (loaded only now, with the file layer behind it). */
async function check(files: string[], o: CheckOptions, io: Io): Promise<number> {
  const jobs = o.jobs === undefined ? undefined : Number(o.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1 && jobs <= 256))
    throw new UsageError(`--jobs 应为 1–256 的整数，收到「${o.jobs}」 / --jobs must be an integer 1–256`);
  const region = regionOption(o.region);
  const args: CheckArgs = {
    inputs: files,
    ...(region ? { region } : {}),
    sheets: o.sheet,
    ...(o.cycleStart !== undefined ? { cycleStart: parseYearOption(o.cycleStart)! } : {}),
    ...(o.asOf !== undefined ? { asOf: asOfOption(o.asOf)! } : {}),
    json: o.json === true,
    teachers: o.teachers === true,
    ...(o.out !== undefined ? { out: o.out } : {}),
    force: o.force === true,
    lang: o.lang,
    overrides: await overridesOption(o.set, o.overrides),
    ...(jobs !== undefined ? { jobs } : {}),
  };
  const { runCheck } = await import('./check');
  return runCheck(args, {
    out: io.out,
    err: io.err,
    isTTY: io.isTTY,
    errTTY: io.errTTY === true,
    ...(io.drain ? { drain: io.drain } : {}),
    ...(io.closed ? { closed: io.closed } : {}),
    ...(io.wfs ? { wfs: io.wfs } : {}),
  });
}

type CreditsOptions = Record<string, string | string[] | boolean | undefined> & { set: string[]; lang: Lang };

function creditsCommand(b: Builder): void {
  const { h } = b;
  b.cmd
    .command('credits')
    .description(h.credits)
    .helpOption('-h, --help', h.help)
    .requiredOption('--region <id>', `${h.regionShort}: ${REGIONS.join(', ')}`)
    .option('--hours <h>', h.hours)
    .option('--level <level>', h.level)
    .requiredOption('--mode <mode>', h.mode)
    .option('--grade <grade>', h.grade)
    .option('--rate <rate>', h.rate)
    .option('--days <days>', h.days)
    .option('--months <months>', h.months)
    .option('--role <role>', h.role)
    .option('--award <award>', h.award)
    .option('--category <category>', h.category)
    .option('--explain', h.explain)
    .addOption(b.langOption())
    .option('--set <param=value>', h.set, collect, [])
    .action(async (o: CreditsOptions) => {
      await credits(o, b.io);
      b.cmd.setOptionValue('exitCode', 0);
    });
}

/** `credits`: one record converted; the figure on stdout, its explanation and warnings on stderr. */
async function credits(o: CreditsOptions, io: Io): Promise<void> {
  const region = regionOption(o.region as string)!;
  const overrides = await overridesOption(o.set, undefined);
  const r = computeCredits({
    rules: RULES[region],
    overrides,
    hours: o.hours,
    level: o.level,
    mode: o.mode,
    grade: o.grade,
    rate: o.rate,
    days: o.days,
    months: o.months,
    role: o.role,
    award: o.award,
    category: o.category,
  });
  if (r.errors.length || r.credits === null) throw new UsageError(explainCredits(r, o.lang));
  io.out(`${fmt(r.credits)}\n`);
  if (o.explain) io.err(visible(explainCredits(r, o.lang)) + '\n');
  for (const w of r.issues.filter((i) => i.severity === 'warning')) io.err(`${visible(say(w.message, o.lang))}\n`);
}

function rulesCommand(b: Builder): void {
  const { h } = b;
  b.cmd
    .command('rules')
    .description(h.rules)
    .helpOption('-h, --help', h.help)
    .argument('[region]', `${REGIONS.join(', ')}`)
    .addOption(b.langOption())
    .option('--markdown', h.markdown)
    .action(async (raw: string | undefined, o: { lang: Lang; markdown?: boolean }) => {
      const ids = raw ? [regionOption(raw)!] : [...REGIONS];
      // the listing's words (units, the document's layout) are loaded by this command only
      const { rulesText } = await import('./rules');
      b.io.out(rulesText(ids, o.lang, o.markdown === true));
      b.cmd.setOptionValue('exitCode', 0);
    });
}

/** Run the CLI; resolves to the exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  const lang = langOf(argv, io.env ?? process.env);
  const cmd = program(io, lang);
  try {
    await cmd.parseAsync(argv, { from: 'user' });
    return (cmd.getOptionValue('exitCode') as number | undefined) ?? 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    // messages name files, sheets and cell values: shown as visible text, never as escape sequences
    if (e instanceof RosterError || e instanceof FileError || e instanceof FileProblem) {
      io.err(`${visible(e.text.zh)}\n${visible(e.text.en)}\n`);
      return 2;
    }
    if (e instanceof UsageError) {
      io.err(visible(e.message) + '\n');
      return 2;
    }
    // a bug of ours: one line, the details only when asked for
    const env = io.env ?? process.env;
    io.err(
      `内部错误（请报告给我们） / internal error (please report it): ${visible((e as Error)?.message ?? String(e))}\n`,
    );
    if (env.CPD_DEBUG) io.err(`${visible((e as Error)?.stack ?? '')}\n`);
    return 2;
  }
}

/**
 * stdout as the report's sink: a full pipe is waited for ('drain'), and a reader that closes it (`| head`)
 * ends the writing quietly — EPIPE is the reader's choice, not an error of the check. Any other failure to
 * write (a full disk behind `>`) ends the writing too, said in one line; `failed` then makes the exit code 2.
 */
export function stdoutSink(
  stdout: NodeJS.WriteStream,
  err: (s: string) => void,
): Pick<Io, 'out' | 'drain' | 'closed'> & { failed: () => boolean } {
  let closed = false;
  let failed = false;
  stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (!closed && e.code !== 'EPIPE') {
      failed = true;
      err(`无法写出到标准输出 / cannot write to stdout: ${visible(e.message)}\n`);
    }
    closed = true;
  });
  return {
    out: (s) => (closed ? true : stdout.write(s)),
    drain: () =>
      new Promise<void>((resolve) => {
        if (closed) return resolve();
        const done = () => {
          stdout.off('drain', done).off('close', done).off('error', done);
          resolve();
        };
        stdout.on('drain', done).on('close', done).on('error', done);
      }),
    closed: () => closed,
    failed: () => failed,
  };
}

/** The process entry point: real stdout/stderr, exit code set when the run ends. */
export function main(): void {
  // an interrupted run leaves no half-written copy behind
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      removePendingSync();
      process.exit(sig === 'SIGINT' ? 130 : 143);
    });
  }
  const err = (s: string) => void process.stderr.write(s);
  const { failed, ...sink } = stdoutSink(process.stdout, err);
  run(process.argv.slice(2), {
    ...sink,
    err,
    isTTY: process.stdout.isTTY === true,
    errTTY: process.stderr.isTTY === true,
  }).then((code) => {
    process.exitCode = failed() ? 2 : code;
  });
}

if (require.main === module) main();
