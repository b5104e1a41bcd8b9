// The human-readable report printed by `cpd-credits check` without --json, in the words of the issue
// catalogue and the report's language. Resident IDs are masked on screen (a report is often shown or
// pasted); the JSON report keeps them whole.
import { RULES, type RegionId } from '../rules';
import type { Report } from '../engine/report';
import type { Lang } from '../core/text';
import { maskId, maskIds } from '../core/idcard';
import { STATUS_WORDS } from '../engine/verdict';
import { say } from '../core/text';
import { fileRows, schoolRows } from '../present/summary';
import { visible, visibleDeep } from './terminal';
import { groupIssues, issueItems, type IssueEntry, type IssueItem } from '../present/issues';
import { overridesNote } from '../present/overrides';
import { severityWord } from '../present/severity';

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd)
        ? 2
        : 1;
  }
  return w;
}

/** A teacher as the report names them: name and masked ID, or name and school when the ID is unusable. */
function who(tj: Report['teachers'][number]): string {
  return tj.idProblem ? `${tj.name ?? ''}（${tj.school ?? ''}）` : `${tj.name ?? ''} ${maskId(tj.id)}`.trim();
}

const MARK: Record<Report['teachers'][number]['cycle']['status'], string> = {
  pass: '✓',
  fail: '✗',
  inProgress: '~',
  pending: '?',
  notAssessed: '·',
};

function pad(s: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

export interface HumanOptions {
  lang: Lang;
  /** the files checked, as named */
  inputs: string[];
  notices: string[];
  color: boolean;
  /** how many entries to list under each kind of problem */
  perKind?: number;
  /** list every teacher, however many (otherwise a large roster's table is left out, with a hint) */
  teachers?: boolean;
}

/** A roster of up to this many teachers gets its full teacher table without --teachers. */
export const TEACHER_TABLE_MAX = 100;

interface Ctx {
  r: Report;
  o: HumanOptions;
  L: Say;
  red: (s: string) => string;
  green: (s: string) => string;
  yellow: (s: string) => string;
  bold: (s: string) => string;
}

/**
 * The readable report, in the order an administrator works: what the roster is and which numbers it rests
 * on; the counts; who is short and what they lack; the problems by kind, in the catalogue's plain words;
 * the files and schools; every teacher's years (last); the readings the verdicts rely on.
 */
export function humanReport(report: Report, options: HumanOptions): string {
  // cell values, sheet and file names reach the terminal only as visible text (terminal.ts); the colours
  // below are the only escape sequences written
  const r = visibleDeep(report);
  const o = { ...options, inputs: options.inputs.map(visible), notices: options.notices.map(visible) };
  const paint = (code: string, x: string) => (o.color ? `\u001b[${code}m${x}\u001b[0m` : x);
  const c: Ctx = {
    r,
    o,
    L: (a, b) => (o.lang === 'zh' ? a : b),
    red: (x) => paint('31', x),
    green: (x) => paint('32', x),
    yellow: (x) => paint('33', x),
    bold: (x) => paint('1', x),
  };
  const out = [
    ...header(c),
    ...counts(c),
    ...shortfalls(c),
    ...problems(c),
    ...fileTable(r, c.L),
    ...schoolTable(r, o.lang, c.L),
    ...schoolFlags(c),
    ...teacherTable(c),
    ...readings(c),
    ...outputs(c),
  ];
  // IDs inside messages (a wrong check digit, a name mismatch) are masked as well.
  return maskIds(out.join('\n')) + '\n';
}

function header({ r, o, L, bold, yellow }: Ctx): string[] {
  const rules = RULES[r.region as RegionId];
  const out = [bold(`${L('教师培训学分校验', 'CPD credits check')} — ${say(rules.name, o.lang)}`)];
  out.push(`${L('依据', 'Rules')}: ${r.source}`);
  for (const line of sourceLines(r, o, L)) out.push(line);
  out.push(`${L('周期', 'Cycle')}: ${r.cycle.note}`);
  out.push(
    `${L('截至', 'As of')}: ${r.asOf}${L('（未结束的年度和周期显示为“进行中”）', ' (years and cycles not yet ended show as “in progress”)')}`,
  );
  const local = overridesNote(r);
  if (local) out.push(yellow(say(local, o.lang)));
  for (const n of o.notices) out.push(yellow(n));
  return out;
}

function counts({ r, L, bold }: Ctx): string[] {
  const s = r.summary;
  const opt = (n: number, zhText: string, enText: string) => (n ? [L(zhText, enText)] : []);
  return [
    '',
    bold(
      [
        L(`记录 ${s.records} 条`, `${s.records} records`),
        L(`教师 ${s.teachers} 位`, `${s.teachers} teachers`),
        L(`错误 ${s.errors}`, `${s.errors} errors`),
        L(`警告 ${s.warnings}`, `${s.warnings} warnings`),
        L(`周期合格 ${s.cyclePass}`, `cycle pass ${s.cyclePass}`),
        L(`周期不合格 ${s.cycleFail}`, `cycle fail ${s.cycleFail}`),
        ...opt(s.cycleInProgress, `周期进行中 ${s.cycleInProgress}`, `cycle in progress ${s.cycleInProgress}`),
        ...opt(s.cyclePending, `周期待定 ${s.cyclePending}`, `cycle pending ${s.cyclePending}`),
        ...opt(s.cycleNotAssessed, `周期不考核 ${s.cycleNotAssessed}`, `cycle not assessed ${s.cycleNotAssessed}`),
        L(`不合格年度 ${s.yearsFailed}`, `failed years ${s.yearsFailed}`),
        ...opt(s.yearsPending, `待定年度 ${s.yearsPending}`, `pending years ${s.yearsPending}`),
      ].join(' · '),
    ),
  ];
}

/** Who is short, and what they lack: failed cycles, then cycles not yet met, then pending ones. */
function shortfalls({ r, L, bold }: Ctx): string[] {
  const sections: Array<[string, string, Report['teachers']]> = [
    [
      '周期不合格的教师：还差什么',
      'Teachers failing the cycle: what is missing',
      r.teachers.filter((tj) => tj.cycle.status === 'fail'),
    ],
    [
      `周期进行中、尚未达标的教师：截至 ${r.asOf} 还差什么`,
      `Cycles in progress, not yet met: what is missing as of ${r.asOf}`,
      r.teachers.filter((tj) => tj.cycle.status === 'inProgress'),
    ],
    [
      '周期待定的教师：学分原文未规定',
      'Pending cycles: credits the text leaves undefined',
      r.teachers.filter((tj) => tj.cycle.status === 'pending'),
    ],
  ];
  const out: string[] = [];
  for (const [zhTitle, enTitle, list] of sections) {
    if (!list.length) continue;
    out.push('', bold(`${L(zhTitle, enTitle)}${L(`（${list.length}）`, ` (${list.length})`)}`));
    const width = Math.min(28, widest(list.map((tj) => displayWidth(who(tj)))));
    for (const tj of list) out.push(`  ${pad(who(tj), width)}  ${tj.cycle.verdict}`);
  }
  return out;
}

/** Problems by kind, in the catalogue's words: one line per value and teacher; the gaps of the rules last. */
function problems({ r, o, L, red, yellow, bold }: Ctx): string[] {
  const groups = groupIssues(issueItems(r));
  if (!groups.length) return [];
  const per = o.perKind ?? 10;
  const places = new Set(r.records.map((rec) => `${rec.file ?? ''}\u0000${rec.sheet ?? ''}`));
  const params = RULES[r.region as RegionId].params as Record<string, { label: { zh: string; en: string } }>;
  const out = ['', bold(L('问题：先改错误', 'Problems: errors first'))];
  for (const g of groups) {
    const word = severityWord(g.severity, o.lang);
    const sev = g.severity === 'error' ? red(word) : g.severity === 'warning' ? yellow(word) : word;
    out.push(`  ${sev} · ${say(g.title, o.lang)} · ${L(`${g.count} 处`, `${g.count}`)}`);
    for (const e of g.entries.slice(0, per)) out.push(`    ${entryLine(e, g.gap, places.size > 1, params, o.lang, L)}`);
    if (g.entries.length > per)
      out.push(`    … ${L(`另有 ${g.entries.length - per} 项`, `${g.entries.length - per} more`)}`);
    if (!g.gap) out.push(`    ${L('怎么改', 'Fix')}: ${say(g.fix, o.lang)}`);
  }
  return out;
}

function entryLine(
  e: IssueEntry,
  gap: boolean,
  manyPlaces: boolean,
  params: Record<string, { label: { zh: string; en: string } }>,
  lang: Lang,
  L: Say,
): string {
  const n = e.items.length;
  if (gap) {
    const label = e.param && params[e.param] ? say(params[e.param]!.label, lang) : undefined;
    return e.param
      ? L(
          `${n} 条记录未计学分：原文未规定${label ?? ''}（${e.param}）；如本地有规定，用 --set ${e.param}=数值 填写后重新检查`,
          `${n} record(s) without credits: the text does not define ${label ?? e.param} (${e.param}); if your authority has, rerun with --set ${e.param}=<value>`,
        )
      : L(`${n} 条记录未计学分：${e.message}`, `${n} record(s) without credits: ${e.message}`);
  }
  const rows = e.items.filter((i) => i.row !== undefined);
  const where = rows.length ? rowWords(rows, manyPlaces, L) : '';
  const teacher = e.teacherId !== undefined ? `${e.teacherName ?? ''} ${maskId(e.teacherId)}`.trim() : '';
  const scope = e.items[0]!.scope === 'roster' ? L('全表', 'roster') : '';
  const head = [teacher, where, scope].filter(Boolean).join(' · ');
  const fix = e.suggestion ? L(`（可改为「${e.suggestion}」）`, ` (did you mean “${e.suggestion}”?)`) : '';
  return `${head}${head ? '  ' : ''}${e.message}${fix}`;
}

/** "第 3、4、5 等 17 行" — or, across sheets and files, each place with its rows. */
function rowWords(items: IssueItem[], manyPlaces: boolean, L: Say): string {
  const words = (rows: number[]) =>
    L(
      `第 ${rows.slice(0, 4).join('、')}${rows.length > 4 ? ` 等 ${rows.length} ` : ' '}行`,
      `row${rows.length > 1 ? 's' : ''} ${rows.slice(0, 4).join(', ')}${rows.length > 4 ? ` (+${rows.length - 4})` : ''}`,
    );
  if (!manyPlaces) return words(items.map((i) => i.row!));
  const by = new Map<string, number[]>();
  for (const i of items) {
    const place = [i.file, i.sheet === undefined ? undefined : `「${i.sheet}」`].filter(Boolean).join(' ');
    (by.get(place) ?? by.set(place, []).get(place)!).push(i.row!);
  }
  const placed = [...by.entries()];
  return (
    placed
      .slice(0, 2)
      .map(([place, rows]) => `${place} ${words(rows)}`)
      .join(L('；', '; ')) + (placed.length > 2 ? L(` 等 ${placed.length} 处`, ` (+${placed.length - 2} places)`) : '')
  );
}

function schoolFlags({ r, L, bold }: Ctx): string[] {
  const flagged = r.schools.filter((x) => x.flagged);
  if (!flagged.length) return [];
  const out = ['', bold(L('学校提示（未完成的教师达到规定比例）', 'Schools with too many teachers failing a year'))];
  for (const f of flagged) out.push(`  ${f.school} ${f.year}: ${f.failed}/${f.assessed}  (${f.article})`);
  return out;
}

/** Every teacher, the cycle's years as columns — last, and for a large roster only with --teachers. */
function teacherTable({ r, o, L, bold, red, green, yellow }: Ctx): string[] {
  if (!r.teachers.length) return [];
  if (r.teachers.length > TEACHER_TABLE_MAX && !o.teachers) {
    return [
      '',
      L(
        `（共 ${r.teachers.length} 位教师；用 --teachers 列出每位教师的各年度，或用 --out 写出汇总表）`,
        `(${r.teachers.length} teachers; --teachers lists every teacher's years, --out writes the summary sheets)`,
      ),
    ];
  }
  const hoursOnly = r.unit === 'hours';
  const years = r.teachers[0]!.years.map((y) => y.year);
  const sameYears = r.teachers.every((tj) => tj.years.map((y) => y.year).join() === years.join());
  const unit = hoursOnly ? L('学时', 'hours') : L('学分', 'credits');
  const nameWidth = Math.max(displayWidth(L('姓名', 'Name')), ...r.teachers.map((tj) => displayWidth(tj.name ?? '')));
  const head = [pad(L('编号', 'ID'), 20), pad(L('姓名', 'Name'), nameWidth)];
  if (sameYears) for (const y of years) head.push(pad(String(y), 8, true));
  else head.push(pad(L('周期', 'Cycle'), 10));
  head.push(
    pad(`${L('周期', 'cycle ')}${unit}`, 10, true),
    pad(L('学时', 'hours'), 8, true),
    `  ${L('结论', 'verdict')}`,
  );
  const out = ['', bold(L('教师', 'Teachers')), '  ' + head.join(' ')];
  const colour = (status: string, text: string) =>
    status === 'pass' ? green(text) : status === 'fail' ? red(text) : status === 'pending' ? yellow(text) : text;
  for (const tj of r.teachers) {
    const cells = [
      pad(tj.idProblem ? L('（编号无效）', '(ID unusable)') : maskId(tj.id), 20),
      pad(tj.name ?? '', nameWidth),
    ];
    if (sameYears)
      for (const y of tj.years)
        cells.push(colour(y.status, pad(`${MARK[y.status]}${hoursOnly ? y.hours : y.credits}`, 8, true)));
    else cells.push(pad(`${tj.cycle.start}–${tj.cycle.end}`, 10));
    cells.push(
      pad(String(hoursOnly ? tj.cycle.hours : tj.cycle.credits), 10, true),
      pad(String(tj.cycle.hours), 8, true),
    );
    cells.push(`  ${colour(tj.cycle.status, say(STATUS_WORDS[tj.cycle.status], o.lang))}`);
    out.push('  ' + cells.join(' '));
  }
  out.push(
    `  ${L('✓ 合格  ✗ 不合格  ~ 进行中  ? 待定（学分原文未规定）  · 不考核', '✓ pass  ✗ fail  ~ in progress  ? pending (credits undefined by the text)  · not assessed')}`,
  );
  return out;
}

function readings({ r, L, bold }: Ctx): string[] {
  if (!r.readings.length) return [];
  return [
    '',
    bold(L('本次用到的解读（原文未明确之处）', 'Adopted readings used (where the text is silent)')),
    ...r.readings.map((x) => `  ${x.id}  ${x.summary}`),
  ];
}

function outputs({ r, L, yellow }: Ctx): string[] {
  const out: string[] = [];
  for (const w of r.outputs ?? []) {
    out.push('');
    out.push(
      w.kind === 'summary'
        ? `${L('已写出汇总表', 'Summary written to')}: ${w.path}`
        : `${L('已写出带标注的副本', 'Annotated copy written to')}: ${w.path}${w.input && (r.outputs?.length ?? 0) > 1 ? L(`（${w.input}）`, ` (${w.input})`) : ''}`,
    );
    if (w.note) out.push(`  ${yellow(w.note)}`);
  }
  return out;
}

type Say = (zh: string, en: string) => string;

/** The largest of many numbers: a loop, never Math.max(...list), which overflows the stack on long lists. */
function widest(list: readonly number[]): number {
  let w = 0;
  for (const x of list) if (x > w) w = x;
  return w;
}

/** "文件: a.xlsx  工作表: 2019年（表头第 2 行）、2020年 …" and the sheets skipped, with why. */
function sourceLines(r: Report, o: HumanOptions, L: Say): string[] {
  const sources = r.sources ?? [];
  const out: string[] = [];
  const read = sources.filter((s) => s.read);
  const sheetWord = (s: NonNullable<Report['sources']>[number]) =>
    `${s.sheet ?? ''}${s.headerRow ? L(`（表头第 ${s.headerRow} 行）`, ` (header row ${s.headerRow})`) : ''}`;
  if (o.inputs.length === 1) {
    const sheets = read.filter((s) => s.sheet !== undefined).map(sheetWord);
    out.push(
      `${L('文件', 'File')}: ${o.inputs[0]}${sheets.length ? `  ${L('工作表', 'sheets')}: ${sheets.join(L('、', ', '))}` : ''}`,
    );
  } else {
    const files = new Set(read.map((s) => s.file));
    out.push(
      `${L('文件', 'Files')}: ${L(`${o.inputs.length} 个，读取 ${files.size} 个，共 ${read.length} 个工作表或表格`, `${o.inputs.length}, ${files.size} read, ${read.length} sheets or tables in all`)}`,
    );
  }
  const skipped = sources.filter((s) => !s.read && s.code !== 'notNamed' && s.code !== 'toolSheet');
  if (skipped.length) {
    out.push(`${L('跳过', 'Skipped')}:`);
    for (const s of skipped.slice(0, 12))
      out.push(
        `  ${[s.file, s.sheet === undefined ? undefined : `「${s.sheet}」`].filter(Boolean).join(' ')}：${s.reason ?? ''}`,
      );
    if (skipped.length > 12) out.push(`  … ${L(`另有 ${skipped.length - 12} 个`, `${skipped.length - 12} more`)}`);
  }
  return out;
}

/** Per file, when several files were checked as one roster. */
function fileTable(r: Report, L: Say): string[] {
  const rows = fileRows(r);
  if (rows.length < 2) return [];
  const out = ['', L('按文件', 'By file')];
  const width = Math.min(40, widest(rows.map((f) => displayWidth(f.path))));
  out.push(
    `  ${pad(L('文件', 'file'), width)} ${pad(L('记录', 'records'), 8, true)} ${pad(L('教师', 'teachers'), 8, true)} ${pad(L('错误', 'errors'), 7, true)} ${pad(L('警告', 'warnings'), 8, true)}  ${L('工作表', 'sheets')}`,
  );
  for (const f of rows) {
    out.push(
      `  ${pad(f.path, width)} ${pad(String(f.records), 8, true)} ${pad(String(f.teachers), 8, true)} ${pad(String(f.errors), 7, true)} ${pad(String(f.warnings), 8, true)}  ${f.sheets.join(L('、', ', ')) || (f.skipped.length ? L('（未读取）', '(none read)') : '')}`,
    );
  }
  return out;
}

/** Per school: teachers and their cycle verdicts, with the pass rate of the decided cycles. */
function schoolTable(r: Report, lang: Lang, L: Say): string[] {
  const rows = schoolRows(r, lang);
  if (rows.length < 2) return [];
  const width = Math.min(30, widest(rows.map((x) => displayWidth(x.school))));
  const out = ['', L('按学校（周期结论）', 'By school (cycle verdicts)')];
  out.push(
    `  ${pad(L('学校', 'school'), width)} ${pad(L('教师', 'teachers'), 8, true)} ${pad(L('合格', 'pass'), 6, true)} ${pad(L('不合格', 'fail'), 6, true)} ${pad(L('进行中', 'running'), 7, true)} ${pad(L('待定', 'pending'), 7, true)} ${pad(L('合格率', 'rate'), 8, true)}`,
  );
  for (const x of rows) {
    out.push(
      `  ${pad(x.school, width)} ${pad(String(x.teachers), 8, true)} ${pad(String(x.cycle.pass), 6, true)} ${pad(String(x.cycle.fail), 6, true)} ${pad(String(x.cycle.inProgress), 7, true)} ${pad(String(x.cycle.pending), 7, true)} ${pad(x.cycleRate === null ? '—' : `${x.cycleRate}%`, 8, true)}`,
    );
  }
  return out;
}
