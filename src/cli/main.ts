// cpd-credits: the command line of roster.md. `check FILE` validates a roster,
// `credits` converts one record, `rules` lists a region's parameters and readings.
// Exit codes: 0 clean, 1 findings, 2 the input or the arguments could not be used.
import { promises as fs } from 'fs';
import { Command, CommanderError, Option } from 'commander';
import { parseRegion, REGION_LIST, regionError, REGIONS, RegionId, RULES } from '../rules';
import { Overrides, OverridesSchema } from '../rules/params';
import { rulesMarkdown } from '../present/rulesdoc';
import { computeCredits, explainCredits } from '../engine/api';
import { checkTable, CheckOptions, RosterError } from '../engine/engine';
import { toReport } from '../engine/report';
import { parseDate, parseSettings } from '../present/settings';
import { parseCycleStart, YEAR_RANGE } from '../core/dates';
import { fmt } from '../core/decimal';
import { Lang, say } from '../core/text';
import { readRoster, FileError } from './files';
import { humanReport } from './human';
import { writeAnnotated } from './annotate';

class UsageError extends Error {}

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  isTTY: boolean;
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
  if (y === undefined) throw new UsageError(`--cycle-start 应为 ${YEAR_RANGE.min}–${YEAR_RANGE.max} 之间的四位年份，如 2019，收到「${raw}」 / --cycle-start must be a 4-digit year within ${YEAR_RANGE.min}–${YEAR_RANGE.max}, e.g. 2019; got "${raw}"`);
  return y;
}

async function overridesOption(sets: string[], file: string | undefined): Promise<Overrides> {
  let out: Overrides = {};
  if (file) {
    let json: unknown;
    try {
      json = JSON.parse(await fs.readFile(file, 'utf8'));
    } catch (e) {
      throw new UsageError(`--overrides 文件无法读取或不是 JSON：${(e as Error).message} / cannot read --overrides as JSON`);
    }
    const parsed = OverridesSchema.safeParse(json);
    if (!parsed.success) throw new UsageError('--overrides 文件应为 {"参数名": 数值} / --overrides must be {"parameter": number}');
    out = { ...parsed.data };
  }
  for (const s of sets) {
    const m = s.match(/^([\w.]+)=(.+)$/);
    const v = m ? Number(m[2]) : NaN;
    if (!m || !Number.isFinite(v)) throw new UsageError(`--set 应为 参数=数值，例如 --set dayCredits.school=0.5；收到「${s}」 / --set takes parameter=number`);
    out[m[1]!] = v;
  }
  return out;
}

function asOfOption(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const d = parseDate(raw);
  if (!d) throw new UsageError(`--as-of 应为 YYYY-MM-DD 形式的日期，收到「${raw}」 / --as-of must be a date YYYY-MM-DD; got "${raw}"`);
  return d;
}

const collect = (v: string, prev: string[]) => [...prev, v];

export function program(io: Io): Command {
  const cmd = new Command('cpd-credits')
    .description('教师培训学分助手 — check teacher-training rosters against regional credit rules (hainan, shandong, zhengzhou, puer, qitai)')
    .showHelpAfterError()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();

  cmd.command('check')
    .description('validate a roster (.xlsx or .csv): every row checked, every teacher’s years and cycle judged')
    .argument('<file>', 'roster file, .xlsx or .csv (UTF-8, with or without BOM)')
    .option('--region <id>', `region: ${REGIONS.join(', ')} (or 海南, 山东, …); default: the workbook's CPD.region property`)
    .option('--sheet <name>', 'worksheet to read (default: the first)')
    .option('--cycle-start <yyyy>', 'first year of the five-year cycle (default: the region’s fixed cycle, the workbook’s CPD.cycleStart, or each teacher’s earliest year)')
    .option('--as-of <yyyy-mm-dd>', 'judge years and cycles as of this date (default: the workbook’s CPD.asOf, else today); periods not ended then are “in progress”')
    .option('--json', 'print the JSON report of roster.md instead of the readable report')
    .option('--out <file>', 'write an annotated copy (.xlsx or .csv); the input is never modified')
    .addOption(new Option('--lang <lang>', 'language of messages').choices(['zh', 'en']).default('zh'))
    .option('--set <param=value>', 'override a parameter the text leaves open (repeatable), e.g. dayCredits.school=0.5', collect, [])
    .option('--overrides <file.json>', 'overrides from a JSON file {"parameter": number}')
    .action(async (file: string, o: { region?: string; sheet?: string; cycleStart?: string; asOf?: string; json?: boolean; out?: string; lang: Lang; set: string[]; overrides?: string }) => {
      const cycleStart = parseYearOption(o.cycleStart);
      const asOf = asOfOption(o.asOf);
      const argRegion = regionOption(o.region);
      const roster = await readRoster(file, o.sheet);
      const { settings, problems } = parseSettings(roster.properties);
      for (const p of problems) roster.notices.push(`${p.zh} / ${p.en}`);
      const region = argRegion ?? settings.region;
      if (!region) {
        throw new UsageError(`未指定地区：请用 --region（${REGIONS.join('、')}），或在工作簿属性 CPD.region 中设置 / no region: pass --region or set the workbook property CPD.region`);
      }
      const overrides = { ...(settings.overrides ?? {}), ...(await overridesOption(o.set, o.overrides)) };
      const options: CheckOptions = {
        rules: RULES[region],
        candidates: REGION_LIST,
        overrides,
        ...(cycleStart !== undefined ? { cycleStart } : {}),
        ...(settings.cycleStart !== undefined ? { workbookCycleStart: settings.cycleStart } : {}),
        ...(settings.region !== undefined ? { workbookRegion: RULES[settings.region] } : {}),
        ...(asOf ?? settings.asOf ? { asOf: (asOf ?? settings.asOf)! } : {}),
      };
      const result = checkTable(roster.rows, options);
      const report = toReport(result, o.lang);
      if (o.out) await writeAnnotated(file, roster, result.columns, report, o.out, o.lang);
      if (o.json) {
        // the report's shape is fixed by ReportSchema, which the tests hold real output to
        io.out(JSON.stringify(report, null, 2) + '\n');
      } else {
        io.out(humanReport(report, {
          lang: o.lang, file, sheet: roster.sheetName, headerRow: result.columns.headerRow + 1, notices: roster.notices,
          color: io.isTTY && !process.env.NO_COLOR,
        }));
        if (o.out) io.out(`${o.lang === 'en' ? 'Annotated copy written to' : '已写出带标注的副本'}: ${o.out}\n`);
      }
      if (o.json && roster.notices.length) for (const n of roster.notices) io.err(n + '\n');
      // only errors and real failures are findings: a cycle in progress or pending is not (roster.md)
      const clean = report.summary.errors === 0 && report.summary.cycleFail === 0 && report.summary.yearsFailed === 0;
      cmd.setOptionValue('exitCode', clean ? 0 : 1);
    });

  cmd.command('credits')
    .description('convert one record and print its credits as a bare number (zhengzhou: hours)')
    .requiredOption('--region <id>', `region: ${REGIONS.join(', ')}`)
    .option('--hours <h>', 'hours (class hours for lecturing)')
    .option('--level <level>', 'level: 国家级 省级 市级 县级 校级 / national provincial prefecture county school')
    .requiredOption('--mode <mode>', 'mode: 集中培训 网络研修 校本研修 主讲 师徒 学历提升 工作室 课题 教研活动 …')
    .option('--grade <grade>', 'grade word (优 良 中 合格 不合格) or a 0–100 score')
    .option('--rate <rate>', 'project rate per hour from the project notice (puer)')
    .option('--days <days>', 'days, converted by the region’s day length')
    .option('--months <months>', 'months (mentorship)')
    .option('--role <role>', 'role: 主持人 成员 学员 参与人 师傅 徒弟 主讲教师')
    .option('--award <award>', 'award: 一等奖 二等奖 三等奖')
    .option('--category <category>', 'course category (qitai) or module (puer)')
    .option('--explain', 'print how the figure was computed, with the articles, on stderr')
    .addOption(new Option('--lang <lang>', 'language of messages').choices(['zh', 'en']).default('zh'))
    .option('--set <param=value>', 'override a parameter the text leaves open (repeatable)', collect, [])
    .action(async (o: Record<string, string | string[] | boolean | undefined> & { set: string[]; lang: Lang }) => {
      const region = regionOption(o.region as string)!;
      const overrides = await overridesOption(o.set, undefined);
      const r = computeCredits({
        rules: RULES[region], overrides,
        hours: o.hours, level: o.level, mode: o.mode, grade: o.grade, rate: o.rate, days: o.days, months: o.months,
        role: o.role, award: o.award, category: o.category,
      });
      if (r.errors.length || r.credits === null) throw new UsageError(explainCredits(r, o.lang));
      io.out(`${fmt(r.credits)}\n`);
      if (o.explain) io.err(explainCredits(r, o.lang) + '\n');
      for (const w of r.issues.filter((i) => i.severity === 'warning')) io.err(`${say(w.message, o.lang)}\n`);
      cmd.setOptionValue('exitCode', 0);
    });

  cmd.command('rules')
    .description('list a region’s parameters (with their articles) and adopted readings')
    .argument('[region]', `one of ${REGIONS.join(', ')}; all when omitted`)
    .addOption(new Option('--lang <lang>', 'language').choices(['zh', 'en']).default('zh'))
    .option('--markdown', 'print the generated parts of docs/rules.md (issue codes, parameters) as Markdown')
    .action((raw: string | undefined, o: { lang: Lang; markdown?: boolean }) => {
      const ids = raw ? [regionOption(raw)!] : [...REGIONS];
      if (o.markdown) {
        io.out(rulesMarkdown(ids.map((id) => RULES[id])));
        cmd.setOptionValue('exitCode', 0);
        return;
      }
      for (const id of ids) {
        const r = RULES[id];
        io.out(`# ${id} — ${r.source.title}（${r.source.body}，${r.source.year}）\n`);
        for (const [key, p] of Object.entries(r.params)) {
          const v = p.value === null ? (o.lang === 'en' ? 'UNDEFINED' : '原文未规定') : String(p.value);
          io.out(`  ${key.padEnd(34)} ${v.padStart(6)} ${p.unit.padEnd(16)} ${say(p.label, o.lang)}  [${p.cite.article}]${p.overridable ? (o.lang === 'en' ? ' (overridable)' : '（可覆盖）') : ''}${p.reading ? ` ${p.reading}` : ''}\n`);
        }
        for (const x of r.readings) io.out(`  ${x.id}  ${say(x.summary, o.lang)}\n`);
        io.out('\n');
      }
      cmd.setOptionValue('exitCode', 0);
    });
  return cmd;
}

/** Run the CLI; resolves to the exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  const cmd = program(io);
  try {
    await cmd.parseAsync(argv, { from: 'user' });
    return (cmd.getOptionValue('exitCode') as number | undefined) ?? 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof RosterError) {
      io.err(`${e.text.zh}\n${e.text.en}\n`);
      return 2;
    }
    if (e instanceof UsageError || e instanceof FileError) {
      io.err(e.message + '\n');
      return 2;
    }
    io.err(`内部错误 / internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 2;
  }
}

/** The process entry point: real stdout/stderr, exit code set when the run ends. */
export function main(): void {
  run(process.argv.slice(2), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    isTTY: process.stdout.isTTY === true,
  }).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) main();
