// Resident IDs are masked on screen (a report is often shown or pasted); JSON keeps them whole.
// The human-readable report printed by `cpd-credits check` without --json: counts
// first, the worst problems next, then one line per teacher with each year's verdict.
import { RULES, type RegionId } from '../rules';
import type { Report } from '../engine/report';
import type { Lang } from '../core/text';
import { maskId, maskIds } from '../core/idcard';
import { STATUS_WORDS } from '../engine/verdict';
import { say } from '../core/text';
import { fileRows, schoolRows } from '../present/summary';
import { visible, visibleDeep } from './terminal';

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
  /** how many rows to list under each kind of issue */
  perKind?: number;
}

export function humanReport(report: Report, options: HumanOptions): string {
  // cell values, sheet and file names reach the terminal only as visible text (terminal.ts); the colours
  // below are the only escape sequences written
  const r = visibleDeep(report);
  const o = { ...options, inputs: options.inputs.map(visible), notices: options.notices.map(visible) };
  const zh = o.lang === 'zh';
  const L = (a: string, b: string) => (zh ? a : b);
  const paint = (code: string, s: string) => (o.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const red = (s: string) => paint('31', s);
  const green = (s: string) => paint('32', s);
  const yellow = (s: string) => paint('33', s);
  const bold = (s: string) => paint('1', s);
  const rules = RULES[r.region as RegionId];
  const out: string[] = [];
  const s = r.summary;

  out.push(bold(`${L('教师培训学分校验', 'CPD credits check')} — ${zh ? rules.name.zh : rules.name.en}`));
  out.push(`${L('依据', 'Rules')}: ${r.source}`);
  out.push(...sourceLines(r, o, L));
  out.push(`${L('周期', 'Cycle')}: ${r.cycle.note}`);
  out.push(
    `${L('截至', 'As of')}: ${r.asOf}${L('（未结束的年度和周期显示为“进行中”）', ' (years and cycles not yet ended show as “in progress”)')}`,
  );
  if (Object.keys(r.overrides).length)
    out.push(
      `${L('覆盖参数（非原文数值）', 'Overrides (not the source’s numbers)')}: ${Object.entries(r.overrides)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}`,
    );
  for (const n of o.notices) out.push(yellow(n));
  out.push('');
  const opt = (n: number, zhText: string, enText: string) => (n ? [L(zhText, enText)] : []);
  out.push(
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
  );

  // one line per school or file: appended in a loop (a spread of 200 000 schools overflows the stack)
  for (const line of fileTable(r, L)) out.push(line);
  for (const line of schoolTable(r, o.lang, L)) out.push(line);

  // Problems, worst first: errors before warnings, the most frequent kind first.
  type Item = { row?: number; place?: string; who?: string; severity: string; code: string; message: string };
  // with several sheets or files a row number alone is ambiguous: say where
  const places = new Set(r.records.map((rec) => `${rec.file ?? ''}\u0000${rec.sheet ?? ''}`));
  const placeOf = (rec: Report['records'][number]) =>
    places.size > 1
      ? [rec.file, rec.sheet === undefined ? undefined : `「${rec.sheet}」`].filter(Boolean).join(' ')
      : undefined;
  const items: Item[] = [
    ...r.records.flatMap((rec) =>
      rec.issues.map((i) => ({
        row: rec.row,
        ...(placeOf(rec) ? { place: placeOf(rec)! } : {}),
        severity: i.severity,
        code: i.code,
        message: i.message,
      })),
    ),
    ...r.teachers.flatMap((tj) =>
      tj.issues.map((i) => ({ who: who(tj), severity: i.severity, code: i.code, message: i.message })),
    ),
    ...r.issues.map((i) => ({ who: L('全表', 'roster'), severity: i.severity, code: i.code, message: i.message })),
  ];
  if (items.length) {
    out.push('');
    out.push(bold(L('问题（最严重的在前）', 'Problems (worst first)')));
    const kinds = new Map<string, Item[]>();
    for (const it of items) {
      const k = `${it.severity}\u0000${it.code}`;
      (kinds.get(k) ?? kinds.set(k, []).get(k)!).push(it);
    }
    const rank = (sev: string) => (sev === 'error' ? 0 : sev === 'warning' ? 1 : 2);
    const sorted = [...kinds.entries()].sort(
      ([a, x], [b, y]) => rank(a.split('\u0000')[0]!) - rank(b.split('\u0000')[0]!) || y.length - x.length,
    );
    const per = o.perKind ?? 5;
    for (const [k, list] of sorted) {
      const [sev, code] = k.split('\u0000') as [string, string];
      const label =
        sev === 'error'
          ? red(L('错误', 'error'))
          : sev === 'warning'
            ? yellow(L('警告', 'warning'))
            : L('提示', 'info');
      out.push(`  ${label} ${code} ×${list.length}`);
      // the same message on many rows (a cohort quota, a teacher's wrong ID) is printed once
      const byMessage = new Map<string, Item[]>();
      for (const it of list) (byMessage.get(it.message) ?? byMessage.set(it.message, []).get(it.message)!).push(it);
      let shown = 0;
      for (const [message, same] of byMessage) {
        if (shown >= per) break;
        const rowsOf = same.filter((x) => x.row !== undefined).map((x) => x.row!);
        const rowWords = (rows: number[]) =>
          L(
            `第 ${rows.slice(0, 4).join('、')}${rows.length > 4 ? ` 等 ${rows.length} ` : ' '}行`,
            `row${rows.length > 1 ? 's' : ''} ${rows.slice(0, 4).join(', ')}${rows.length > 4 ? ` (+${rows.length - 4})` : ''}`,
          );
        // several sheets or files: the rows of each place, the first two places named
        const byPlace = new Map<string, number[]>();
        for (const x of same)
          if (x.place !== undefined) (byPlace.get(x.place) ?? byPlace.set(x.place, []).get(x.place)!).push(x.row!);
        const placed = [...byPlace.entries()];
        const where = placed.length
          ? placed
              .slice(0, 2)
              .map(([place, rows]) => `${place} ${rowWords(rows)}`)
              .join(L('；', '; ')) +
            (placed.length > 2 ? L(` 等 ${placed.length} 处`, ` (+${placed.length - 2} places)`) : '')
          : rowsOf.length
            ? rowWords(rowsOf)
            : (same[0]!.who ?? '');
        out.push(`    ${pad(where, 10)} ${message}`);
        shown += same.length;
      }
      if (list.length > shown) out.push(`    … ${L(`另有 ${list.length - shown} 处`, `${list.length - shown} more`)}`);
    }
  }

  // Teachers: one line each, the cycle's years as columns.
  if (r.teachers.length) {
    out.push('');
    out.push(bold(L('教师', 'Teachers')));
    const years = r.teachers[0]!.years.map((y) => y.year);
    const sameYears = r.teachers.every((tj) => tj.years.map((y) => y.year).join() === years.join());
    const hoursOnly = rules.unit === 'hours';
    const unit = hoursOnly ? L('学时', 'hours') : L('学分', 'credits');
    const head = [pad(L('编号', 'ID'), 20), pad(L('姓名', 'Name'), 8)];
    if (sameYears) for (const y of years) head.push(pad(String(y), 8, true));
    else head.push(pad(L('周期', 'Cycle'), 10));
    head.push(
      pad(`${L('周期', 'cycle')}${unit}`, 10, true),
      pad(L('学时', 'hours'), 8, true),
      `  ${L('结论', 'verdict')}`,
    );
    out.push('  ' + head.join(' '));
    for (const tj of r.teachers) {
      const cells = [
        pad(tj.idProblem ? L('（编号无效）', '(ID unusable)') : maskId(tj.id), 20),
        pad((tj.name ?? '').slice(0, 6), 8),
      ];
      const figure = (y: Report['teachers'][number]['years'][number]) => (hoursOnly ? y.hours : y.credits);
      if (sameYears) {
        for (const y of tj.years) {
          const text = pad(`${MARK[y.status]}${figure(y)}`, 8, true);
          cells.push(
            y.status === 'pass'
              ? green(text)
              : y.status === 'fail'
                ? red(text)
                : y.status === 'pending'
                  ? yellow(text)
                  : text,
          );
        }
      } else {
        cells.push(pad(`${tj.cycle.start}–${tj.cycle.end}`, 10));
      }
      cells.push(
        pad(String(hoursOnly ? tj.cycle.hours : tj.cycle.credits), 10, true),
        pad(String(tj.cycle.hours), 8, true),
      );
      const word = say(STATUS_WORDS[tj.cycle.status], o.lang);
      cells.push(
        `  ${tj.cycle.status === 'pass' ? green(word) : tj.cycle.status === 'fail' ? red(word) : tj.cycle.status === 'pending' ? yellow(word) : word}`,
      );
      out.push('  ' + cells.join(' '));
    }
    out.push(
      `  ${L('✓ 合格  ✗ 不合格  ~ 进行中  ? 待定（学分原文未规定）  · 不考核', '✓ pass  ✗ fail  ~ in progress  ? pending (credits undefined by the text)  · not assessed')}`,
    );

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
    for (const [zhTitle, enTitle, list] of sections) {
      if (!list.length) continue;
      out.push('');
      out.push(bold(L(zhTitle, enTitle)));
      for (const tj of list) out.push(`  ${pad(who(tj), 28)} ${tj.cycle.verdict}`);
    }
  }
  const flagged = r.schools.filter((x) => x.flagged);
  if (flagged.length) {
    out.push('');
    out.push(bold(L('学校提示（20%及以上教师年度未完成）', 'Schools with ≥ 20 % of teachers failing a year')));
    for (const f of flagged) out.push(`  ${f.school} ${f.year}: ${f.failed}/${f.assessed}  (${f.article})`);
  }
  if (r.readings.length) {
    out.push('');
    out.push(bold(L('本次用到的解读（原文未明确之处）', 'Adopted readings used (where the text is silent)')));
    for (const x of r.readings) out.push(`  ${x.id}  ${x.summary}`);
  }
  for (const w of r.outputs ?? []) {
    out.push('');
    out.push(
      w.kind === 'summary'
        ? `${L('已写出汇总表', 'Summary written to')}: ${w.path}`
        : `${L('已写出带标注的副本', 'Annotated copy written to')}: ${w.path}${w.input && (r.outputs?.length ?? 0) > 1 ? L(`（${w.input}）`, ` (${w.input})`) : ''}`,
    );
    if (w.note) out.push(`  ${yellow(w.note)}`);
  }
  // IDs inside messages (a wrong check digit, a name mismatch) are masked as well.
  return maskIds(out.join('\n')) + '\n';
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
