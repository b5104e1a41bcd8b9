// Resident IDs are masked on screen (a report is often shown or pasted); JSON keeps them whole.
// The human-readable report printed by `cpd-credits check` without --json: counts
// first, the worst problems next, then one line per teacher with each year's verdict.
import { rulesFor } from '../rules';
import type { Report } from '../engine/report';
import type { Lang } from '../engine/text';
import { maskId, maskIds } from '../engine/idcard';

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd) ? 2 : 1;
  }
  return w;
}

function pad(s: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}


export interface HumanOptions {
  lang: Lang;
  file: string;
  sheet: string;
  headerRow: number;
  notices: string[];
  color: boolean;
  /** how many rows to list under each kind of issue */
  perKind?: number;
}

export function humanReport(r: Report, o: HumanOptions): string {
  const zh = o.lang === 'zh';
  const L = (a: string, b: string) => (zh ? a : b);
  const paint = (code: string, s: string) => (o.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const red = (s: string) => paint('31', s);
  const green = (s: string) => paint('32', s);
  const yellow = (s: string) => paint('33', s);
  const bold = (s: string) => paint('1', s);
  const rules = rulesFor(r.region);
  const out: string[] = [];
  const s = r.summary;

  out.push(bold(`${L('教师培训学分校验', 'CPD credits check')} — ${zh ? rules.name.zh : rules.name.en}`));
  out.push(`${L('依据', 'Rules')}: ${r.source}`);
  out.push(`${L('文件', 'File')}: ${o.file}  ${L('工作表', 'sheet')}: ${o.sheet}  ${L('表头', 'header')}: ${L(`第 ${o.headerRow} 行`, `row ${o.headerRow}`)}`);
  out.push(`${L('周期', 'Cycle')}: ${r.cycle.note}${r.cycle.start ? ` (${r.cycle.start}–${r.cycle.start + 4})` : ''}`);
  if (Object.keys(r.overrides).length) out.push(`${L('覆盖参数（非原文数值）', 'Overrides (not the source’s numbers)')}: ${Object.entries(r.overrides).map(([k, v]) => `${k}=${v}`).join(', ')}`);
  for (const n of o.notices) out.push(yellow(n));
  out.push('');
  out.push(bold(L(
    `记录 ${s.records} 条 · 教师 ${s.teachers} 位 · 错误 ${s.errors} · 警告 ${s.warnings} · 周期合格 ${s.cyclePass} · 周期不合格 ${s.cycleFail} · 不合格年度 ${s.yearsFailed}`,
    `${s.records} records · ${s.teachers} teachers · ${s.errors} errors · ${s.warnings} warnings · cycle pass ${s.cyclePass} · cycle fail ${s.cycleFail} · failed years ${s.yearsFailed}`,
  )));

  // Problems, worst first: errors before warnings, the most frequent kind first.
  type Item = { row?: number; who?: string; severity: string; code: string; message: string };
  const items: Item[] = [
    ...r.records.flatMap((rec) => rec.issues.map((i) => ({ row: rec.row, severity: i.severity, code: i.code, message: i.message }))),
    ...r.teachers.flatMap((tj) => tj.issues.map((i) => ({ who: `${tj.name ?? ''} ${maskId(tj.id)}`.trim(), severity: i.severity, code: i.code, message: i.message }))),
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
    const sorted = [...kinds.entries()].sort(([a, x], [b, y]) => rank(a.split('\u0000')[0]!) - rank(b.split('\u0000')[0]!) || y.length - x.length);
    const per = o.perKind ?? 5;
    for (const [k, list] of sorted) {
      const [sev, code] = k.split('\u0000') as [string, string];
      const label = sev === 'error' ? red(L('错误', 'error')) : sev === 'warning' ? yellow(L('警告', 'warning')) : L('提示', 'info');
      out.push(`  ${label} ${code} ×${list.length}`);
      // the same message on many rows (a cohort quota, a teacher's wrong ID) is printed once
      const byMessage = new Map<string, Item[]>();
      for (const it of list) (byMessage.get(it.message) ?? byMessage.set(it.message, []).get(it.message)!).push(it);
      let shown = 0;
      for (const [message, same] of byMessage) {
        if (shown >= per) break;
        const rowsOf = same.filter((x) => x.row !== undefined).map((x) => x.row!);
        const where = rowsOf.length
          ? L(`第 ${rowsOf.slice(0, 4).join('、')}${rowsOf.length > 4 ? ` 等 ${rowsOf.length} ` : ' '}行`, `row${rowsOf.length > 1 ? 's' : ''} ${rowsOf.slice(0, 4).join(', ')}${rowsOf.length > 4 ? ` (+${rowsOf.length - 4})` : ''}`)
          : same[0]!.who ?? '';
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
    head.push(pad(`${L('周期', 'cycle')}${unit}`, 10, true), pad(L('学时', 'hours'), 8, true), `  ${L('结论', 'verdict')}`);
    out.push('  ' + head.join(' '));
    for (const tj of r.teachers) {
      const cells = [pad(maskId(tj.id), 20), pad((tj.name ?? '').slice(0, 6), 8)];
      const figure = (y: Report['teachers'][number]['years'][number]) => (hoursOnly ? y.hours : y.credits);
      if (sameYears) {
        for (const y of tj.years) {
          const mark = y.pass === true ? '✓' : y.pass === false ? '✗' : '·';
          const text = pad(`${mark}${figure(y)}`, 8, true);
          cells.push(y.pass === true ? green(text) : y.pass === false ? red(text) : text);
        }
      } else {
        cells.push(pad(`${tj.cycle.start}–${tj.cycle.end}`, 10));
      }
      cells.push(pad(String(hoursOnly ? tj.cycle.hours : tj.cycle.credits), 10, true), pad(String(tj.cycle.hours), 8, true));
      cells.push(`  ${tj.cycle.pass ? green(L('合格', 'pass')) : red(L('不合格', 'fail'))}`);
      out.push('  ' + cells.join(' '));
    }
    out.push(`  ${L('✓ 年度合格  ✗ 年度不合格  · 不考核或未到', '✓ year passed  ✗ year failed  · not assessed or not due')}`);

    const failing = r.teachers.filter((tj) => !tj.cycle.pass);
    if (failing.length) {
      out.push('');
      out.push(bold(L('周期不合格的教师：还差什么', 'Teachers failing the cycle: what is missing')));
      for (const tj of failing) {
        const missing = tj.cycle.shortfall.filter((x) => !x.advisory).map((x) => L(`${x.label}还差 ${x.missing} ${x.unit === 'hours' ? '学时' : '学分'}`, `${x.label} ${x.missing} ${x.unit === 'hours' ? 'h' : 'credits'} short`));
        const why = missing.length ? missing.join(L('；', '; ')) : tj.cycle.reasons.slice(0, 2).join(L('；', '; '));
        out.push(`  ${pad(`${tj.name ?? ''} ${maskId(tj.id)}`.trim(), 28)} ${why}`);
      }
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
  // IDs inside messages (a wrong check digit, a name mismatch) are masked as well.
  return maskIds(out.join('\n')) + '\n';
}
