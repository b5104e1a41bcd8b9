// `cpd-credits check FILE|FOLDER …`: the files and folders named are read (in parallel), every roster sheet
// of every file is checked as one roster, the report printed, and --out copies written without harming any
// file. The file layer does the reading and the copies' bytes; this module does the file system and order.
import { promises as fsp } from 'fs';
import * as path from 'path';
import type { Report } from '../engine/report';
import { say, t, type Lang, type Text } from '../core/text';
import { REGIONS, type RegionId } from '../rules';
import type { Overrides } from '../rules/params';
import {
  checkBooks,
  COPY_PROPERTY,
  csvCopy,
  issueLocator,
  marksByBook,
  mergeSettings,
  noteText,
  summaryBook,
  SUMMARY_PROPERTY,
  workbookCopy,
  type Source,
  type WorkbookData,
} from '../files';
import {
  checkTarget,
  collectInputs,
  ensureFolder,
  FileError,
  identity,
  writeTemp,
  type Input,
  type Target,
  type WriteFs,
} from './files';
import { humanReport } from './human';
import { jsonForTerminal, visible } from './terminal';
import { parseAll } from './pool';
import { Progress } from './progress';

export class UsageError extends Error {}

export interface CheckArgs {
  inputs: string[];
  region?: RegionId;
  sheets: string[];
  cycleStart?: number;
  asOf?: string;
  json: boolean;
  /** list every teacher in the readable report, however many */
  teachers?: boolean;
  out?: string;
  force: boolean;
  lang: Lang;
  overrides: Overrides;
  /** parsing threads (default: every core) */
  jobs?: number;
}

export interface CheckIo {
  out: (s: string) => void;
  err: (s: string) => void;
  isTTY: boolean;
  errTTY?: boolean;
  /** the file-system calls writes go through (tests simulate a full disk) */
  wfs?: WriteFs;
}

interface Book {
  input: Input;
  data: WorkbookData;
  bytes?: Uint8Array;
}

export const SUMMARY_NAME = '汇总.xlsx';

/** The name of an input's copy in an --out folder: the same name, .xlsx for what cannot stay as it was. */
function copyName(rel: string): string {
  const ext = path.extname(rel).toLowerCase();
  return ext === '.xlsx' || ext === '.xlsm' ? rel : `${rel.slice(0, rel.length - ext.length)}.xlsx`;
}

type Planned = { input: Input; target: Target };

type Ids = Array<NonNullable<Awaited<ReturnType<typeof identity>>>>;

type Plan = { mode: 'file' | 'csv' | 'dir'; planned: Planned[]; summary?: Target };

async function planTargets(
  a: CheckArgs,
  inputs: Input[],
  many: boolean,
  ids: Ids,
  wfs: WriteFs | undefined,
  made: string[],
): Promise<Plan> {
  const out = a.out!;
  const abs = path.resolve(out);
  const st = await fsp.stat(abs).catch(() => null);
  if (many || st?.isDirectory() || /[\\/]$/.test(out)) {
    await ensureFolderTracked(abs, out, made);
    const planned: Planned[] = [];
    const names = new Set<string>();
    for (const input of inputs) {
      let rel = copyName(input.rel);
      if (names.has(rel.toLowerCase())) rel = `${input.rel}.xlsx`;
      for (let n = 2; names.has(rel.toLowerCase()); n++)
        rel = `${copyName(input.rel).replace(/\.(xlsx|xlsm)$/i, '')} (${n}).xlsx`;
      names.add(rel.toLowerCase());
      const file = path.join(abs, ...rel.split('/'));
      await ensureFolderTracked(path.dirname(file), path.join(out, path.dirname(rel)), made);
      planned.push({ input, target: { file, label: path.join(out, rel), force: a.force } });
    }
    for (const p of planned) await checkTarget(p.target, ids, wfs);
    let summary: Target | undefined;
    if (many) {
      summary = { file: path.join(abs, SUMMARY_NAME), label: path.join(out, SUMMARY_NAME), force: a.force };
      await checkTarget(summary, ids, wfs);
    }
    return { mode: 'dir', planned, ...(summary ? { summary } : {}) };
  }
  const ext = path.extname(out).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.xlsm' && ext !== '.csv') {
    throw new UsageError(
      '--out 须以 .xlsx、.xlsm 或 .csv 结尾（多个输入时为文件夹） / --out must end in .xlsx, .xlsm or .csv (a folder for several inputs)',
    );
  }
  const target: Target = { file: abs, label: out, force: a.force };
  await checkTarget(target, ids, wfs);
  return { mode: ext === '.csv' ? 'csv' : 'file', planned: [{ input: inputs[0]!, target }] };
}

async function ensureFolderTracked(dir: string, label: string, made: string[]): Promise<void> {
  const missing: string[] = [];
  for (
    let d = dir;
    !(await fsp.stat(d).then(
      () => true,
      () => false,
    ));
    d = path.dirname(d)
  ) {
    missing.unshift(d);
    if (path.dirname(d) === d) break;
  }
  await ensureFolder(dir, label);
  made.push(...missing);
}

export async function runCheck(a: CheckArgs, io: CheckIo): Promise<number> {
  const L = (zh: string, en: string) => (a.lang === 'en' ? en : zh);
  const outAbs = a.out ? path.resolve(a.out) : undefined;
  const { inputs, folders } = await collectInputs(a.inputs, outAbs ? new Set([outAbs]) : new Set());
  const many = inputs.length > 1 || folders > 0;
  const made: string[] = [];
  const pending: Array<{ abort: () => Promise<void> }> = [];
  const cleanup = async () => {
    for (const p of pending) await p.abort();
    for (const d of made.reverse()) await fsp.rmdir(d).catch(() => undefined);
  };
  try {
    // every target is refused or cleared before a file is parsed
    const ids: Ids = a.out
      ? (await Promise.all(inputs.map((i) => identity(i.abs)))).filter((x): x is Ids[number] => x !== null)
      : [];
    const plan = a.out ? await planTargets(a, inputs, many, ids, io.wfs, made) : undefined;

    const progress = new Progress(io.err, io.errTTY === true && inputs.length > 1);
    const parsed = await parseAll(
      inputs.map((i) => ({ file: i.abs, label: i.label, keepBytes: a.out !== undefined, sheets: a.sheets })),
      {
        ...(a.jobs ? { jobs: a.jobs } : {}),
        onDone: (done, total) => progress.update(L('读取文件', 'reading files'), done, total),
      },
    );
    const notices: Text[] = [];
    const unreadable: Source[] = [];
    const books: Book[] = [];
    parsed.forEach((r, i) => {
      const input = inputs[i]!;
      if (r.crash !== undefined) {
        if (!many) throw new Error(r.crash);
        unreadable.push({
          file: input.label,
          code: 'unreadable',
          read: false,
          reason: t(`内部错误：${r.crash}`, `internal error: ${r.crash}`),
        });
      } else if (r.problem) {
        if (!many)
          throw new FileError(
            t(`无法读取 ${input.label}：${r.problem.zh}`, `cannot read ${input.label}: ${r.problem.en}`),
          );
        unreadable.push({ file: input.label, code: 'unreadable', read: false, reason: r.problem });
      } else {
        const data = r.book!;
        // a copy or summary this tool wrote, met while walking a folder, would count every record twice
        if (
          input.walked &&
          (data.properties[COPY_PROPERTY] !== undefined || data.properties[SUMMARY_PROPERTY] !== undefined)
        ) {
          notices.push(
            t(
              `已跳过 ${input.label}：这是本工具写出的副本或汇总`,
              `skipped ${input.label}: a copy or summary this tool wrote`,
            ),
          );
          return;
        }
        for (const n of data.notices) notices.push(many ? t(`${input.label}：${n.zh}`, `${input.label}: ${n.en}`) : n);
        books.push({ input, data, ...(r.bytes ? { bytes: r.bytes } : {}) });
      }
    });
    if (!books.length) {
      const list = unreadable.map((u) => `${u.file}：${u.reason?.zh ?? ''}`).join('；');
      const listEn = unreadable.map((u) => `${u.file}: ${u.reason?.en ?? ''}`).join('; ');
      throw new FileError(
        t(
          `没有可读的文件：${list || '（全部是本工具写出的副本）'}`,
          `no file could be read: ${listEn || '(all are copies this tool wrote)'}`,
        ),
      );
    }

    const {
      settings,
      notices: settingNotices,
      regionConflict: conflict,
    } = mergeSettings(
      books.map((b) => ({ label: b.input.label, properties: b.data.properties })),
      many,
    );
    notices.push(...settingNotices);
    const region = a.region ?? settings.region;
    if (!region && conflict) throw new UsageError(`${conflict.zh}：请用 --region 指定 / ${conflict.en}: pass --region`);
    if (!region) {
      throw new UsageError(
        `未指定地区：请用 --region（${REGIONS.join('、')}），或在工作簿属性 CPD.region 中设置 / no region: pass --region or set the workbook property CPD.region`,
      );
    }
    progress.phase(L('检查中…', 'checking…'));
    const {
      sel,
      result,
      report,
      notices: selNotices,
    } = checkBooks(
      books.map((b) => ({ label: b.input.label, data: b.data })),
      many,
      {
        region,
        settings,
        sheets: a.sheets,
        overrides: a.overrides,
        ...(a.cycleStart !== undefined ? { cycleStart: a.cycleStart } : {}),
        ...(a.asOf !== undefined ? { asOf: a.asOf } : {}),
      },
      a.lang,
      unreadable,
    );
    notices.push(...selNotices);

    const written: string[] = [];
    if (plan) {
      progress.phase(L('写出副本…', 'writing copies…'));
      const byBook =
        plan.mode === 'csv'
          ? new Map()
          : marksByBook(
              result,
              sel,
              books.map((b) => b.data),
              a.lang,
            );
      const locate = issueLocator(
        result,
        sel,
        books.map((b) => b.data),
        a.lang,
      );
      const outputs: NonNullable<Report['outputs']> = [];
      const commits: Array<() => Promise<void>> = [];
      for (const [bi, b] of books.entries()) {
        const p = plan.planned.find((x) => x.input === b.input);
        if (!p) continue;
        let bytes: Uint8Array | string;
        let kind: 'annotated' | 'rebuilt' | 'csv';
        let note: string | undefined;
        if (plan.mode === 'csv') {
          bytes = csvCopy(
            result,
            sel,
            books.map((x) => x.data),
            report,
            a.lang,
          );
          kind = 'csv';
        } else {
          if (plan.mode === 'file') checkMacroName(b.data, p.target.label);
          const input = { book: bi, data: b.data, bytes: b.bytes!, ...(many ? { file: b.input.label } : {}) };
          const copy = await workbookCopy(input, byBook.get(bi), report, a.lang, region, locate);
          bytes = copy.bytes;
          kind = copy.kind;
          note = noteText(copy.note, a.lang);
          // the content decides: macros stay .xlsm, anything rebuilt is .xlsx (then the new name is checked too)
          const ext = b.data.format === 'xlsm' ? '.xlsm' : '.xlsx';
          if (plan.mode === 'dir' && path.extname(p.target.file).toLowerCase() !== ext) {
            p.target.file = p.target.file.slice(0, -path.extname(p.target.file).length) + ext;
            p.target.label = p.target.label.slice(0, -path.extname(p.target.label).length) + ext;
            await checkTarget(p.target, ids, io.wfs);
          }
        }
        const w = await writeTemp(p.target, bytes, io.wfs);
        pending.push(w);
        commits.push(w.commit);
        outputs.push({ input: b.input.label, path: p.target.label, kind, ...(note ? { note } : {}) });
        written.push(p.target.label);
      }
      if (plan.summary) {
        const w = await writeTemp(plan.summary, summaryBook(report, a.lang), io.wfs);
        pending.push(w);
        commits.push(w.commit);
        outputs.push({ path: plan.summary.label, kind: 'summary' });
      }
      // every copy is complete before the first is put in place
      for (const c of commits) await c();
      pending.length = 0;
      report.outputs = outputs;
    }
    progress.clear();

    if (a.json) {
      io.out(jsonForTerminal(JSON.stringify(report, null, 2)) + '\n');
      for (const n of notices) io.err(`${visible(say(n, a.lang))}\n`);
    } else {
      io.out(
        humanReport(report, {
          lang: a.lang,
          inputs: inputs.map((i) => i.label),
          notices: notices.map((n) => say(n, a.lang)),
          color: io.isTTY && !process.env.NO_COLOR,
          ...(a.teachers ? { teachers: true } : {}),
        }),
      );
    }
    // only errors and real failures are findings: a cycle in progress or pending is not (roster.md)
    const clean =
      report.summary.errors === 0 &&
      report.summary.cycleFail === 0 &&
      report.summary.yearsFailed === 0 &&
      !unreadable.length;
    return clean ? 0 : 1;
  } catch (e) {
    await cleanup();
    throw e;
  }
}

/** A workbook with macros must stay .xlsm (Excel refuses macros in an .xlsx), and only it may be .xlsm. */
function checkMacroName(book: WorkbookData, out: string): void {
  const wantsXlsm = /\.xlsm$/i.test(out);
  if (book.format === 'xlsm' && !wantsXlsm)
    throw new UsageError(
      `输入工作簿含宏，--out 应以 .xlsm 结尾（${out}） / the input has macros: --out must end in .xlsm`,
    );
  if (book.format !== 'xlsm' && wantsXlsm)
    throw new UsageError(
      `输入工作簿不含宏，--out 应以 .xlsx 结尾（${out}） / the input has no macros: --out must end in .xlsx`,
    );
}
