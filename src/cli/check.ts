// `cpd-credits check FILE|FOLDER …`: the files and folders named are read (in parallel), every roster sheet
// of every file is checked as one roster, the report printed, and --out copies written without harming any
// file. The file layer does the reading and the copies' bytes; this module does the file system and order.
// --json is written piece by piece (json.ts): the whole report is made as one object only for the copies and
// the readable report, and without --out the sheets' cells are let go once the engine has run.
import { promises as fsp } from 'fs';
import * as path from 'path';
import { summaryOf, toReport, type Report } from '../engine/report';
import { say, t, type Lang, type Text } from '../core/text';
import { REGIONS, type RegionId } from '../rules';
import type { WorkbookSettings } from '../present/settings';
import type { Overrides } from '../rules/params';
import { checkBooksResult, mergeSettings, type CheckedRoster } from '../files/check';
import { COPY_PROPERTY, SUMMARY_PROPERTY } from '../files/record';
import { rowsWithCells } from '../files/budgets';
import type { Source } from '../files/select';
import type { WorkbookData } from '../files/read';
import type * as Copies from '../files/copies';
import type * as ZipWrite from '../files/zipwrite';
import {
  checkCopyFits,
  checkRowsMax,
  checkTarget,
  collectInputs,
  ensureFolder,
  FileError,
  identity,
  nativeCompressor,
  tooManyRows,
  writeTemp,
  writeTempStream,
  type Input,
  type Target,
  type WriteFs,
} from './files';
import { humanReport } from './human';
import { UsageError } from './errors';
import { visible } from './terminal';
import { reportJson, writeJson, type JsonSink } from './json';
import { parseAll, type ParseResult } from './pool';
import { mark } from './marks';
import { Progress } from './progress';

export { UsageError };

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

export interface CheckIo extends JsonSink {
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
    // the summary's name is taken first: an input called 汇总.xlsx gets a copy named 汇总 (2).xlsx beside it
    const summaryName = SUMMARY_NAME.toLowerCase();
    const names = new Set<string>(many ? [summaryName] : []);
    for (const input of inputs) {
      let rel = copyName(input.rel);
      if (names.has(rel.toLowerCase()) && rel.toLowerCase() !== summaryName) rel = `${input.rel}.xlsx`;
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

/** What reading the inputs gave: the books to check, the files that could not be read, what to tell. */
interface ReadInputs {
  books: Book[];
  unreadable: Source[];
  notices: Text[];
}

/** Read every input (in parallel); with one input, a file that cannot be read ends the run. */
async function readInputs(a: CheckArgs, inputs: Input[], many: boolean, progress: Progress): Promise<ReadInputs> {
  const L = (zh: string, en: string) => (a.lang === 'en' ? en : zh);
  // checkRows: the rows of every file read so far; past the budget no other file is begun, and the run is
  // refused before the engine runs (one file's budgets do not bound many files together)
  const max = checkRowsMax();
  let rows = 0;
  let over: string | undefined;
  const parsed = await parseAll(
    inputs.map((i) => ({ file: i.abs, label: i.label, keepBytes: a.out !== undefined, sheets: a.sheets })),
    {
      ...(a.jobs ? { jobs: a.jobs } : {}),
      onDone: (done, total, r) => {
        progress.update(L('读取文件', 'reading files'), done, total);
        if (r.book) rows += rowsWithCells(r.book);
        if (rows > max) over ??= inputs[r.id]!.label;
      },
      more: () => over === undefined,
    },
  );
  if (over !== undefined)
    throw tooManyRows({ rows, file: over, read: parsed.filter(Boolean).length, total: inputs.length });
  const read: ReadInputs = { books: [], unreadable: [], notices: [] };
  parsed.forEach((r, i) => takeParsed(r!, inputs[i]!, many, read));
  if (!read.books.length) throw nothingReadable(read.unreadable);
  return read;
}

/** One parsed input into the books, the unreadable files or (a copy this tool wrote) a notice. */
function takeParsed(r: ParseResult, input: Input, many: boolean, read: ReadInputs): void {
  if (r.crash !== undefined) {
    if (!many) throw new Error(r.crash);
    const reason = t(`内部错误：${r.crash}`, `internal error: ${r.crash}`);
    read.unreadable.push({ file: input.label, code: 'unreadable', read: false, reason });
  } else if (r.problem) {
    if (!many)
      throw new FileError(t(`无法读取 ${input.label}：${r.problem.zh}`, `cannot read ${input.label}: ${r.problem.en}`));
    read.unreadable.push({ file: input.label, code: 'unreadable', read: false, reason: r.problem });
  } else {
    const data = r.book!;
    // a copy or summary this tool wrote, met while walking a folder, would count every record twice
    if (
      input.walked &&
      (data.properties[COPY_PROPERTY] !== undefined || data.properties[SUMMARY_PROPERTY] !== undefined)
    ) {
      read.notices.push(
        t(
          `已跳过 ${input.label}：这是本工具写出的副本或汇总`,
          `skipped ${input.label}: a copy or summary this tool wrote`,
        ),
      );
      return;
    }
    for (const n of data.notices) read.notices.push(many ? t(`${input.label}：${n.zh}`, `${input.label}: ${n.en}`) : n);
    read.books.push({ input, data, ...(r.bytes ? { bytes: r.bytes } : {}) });
  }
}

function nothingReadable(unreadable: readonly Source[]): FileError {
  const list = unreadable.map((u) => `${u.file}：${u.reason?.zh ?? ''}`).join('；');
  const listEn = unreadable.map((u) => `${u.file}: ${u.reason?.en ?? ''}`).join('; ');
  return new FileError(
    t(
      `没有可读的文件：${list || '（全部是本工具写出的副本）'}`,
      `no file could be read: ${listEn || '(all are copies this tool wrote)'}`,
    ),
  );
}

/** --region, else the workbooks' own (CPD.region); files that disagree, or none that says, need --region. */
function regionOf(a: CheckArgs, settings: WorkbookSettings, conflict: Text | undefined): RegionId {
  const region = a.region ?? settings.region;
  if (!region && conflict) throw new UsageError(`${conflict.zh}：请用 --region 指定 / ${conflict.en}: pass --region`);
  if (!region) {
    throw new UsageError(
      `未指定地区：请用 --region（${REGIONS.join('、')}），或在工作簿属性 CPD.region 中设置 / no region: pass --region or set the workbook property CPD.region`,
    );
  }
  return region;
}

/** The roster checked, and what the copies need of the books (only when copies are written). */
interface Checked extends CheckedRoster {
  region: RegionId;
  books: Book[];
  unreadable: Source[];
  notices: Text[];
}

/**
 * Read the inputs and check them as one roster. Without --out nothing needs the sheets' cells once the engine
 * has run: they are not kept (a million-row roster is then held as records only while its report is written).
 */
async function readAndCheck(a: CheckArgs, inputs: Input[], many: boolean, progress: Progress): Promise<Checked> {
  const { books, unreadable, notices } = await readInputs(a, inputs, many, progress);
  mark('read');
  const merged = mergeSettings(
    books.map((b) => ({ label: b.input.label, properties: b.data.properties })),
    many,
  );
  notices.push(...merged.notices);
  const region = regionOf(a, merged.settings, merged.regionConflict);
  progress.phase(a.lang === 'en' ? 'checking…' : '检查中…');
  const checked = checkBooksResult(
    books.map((b) => ({ label: b.input.label, data: b.data })),
    many,
    {
      region,
      settings: merged.settings,
      sheets: a.sheets,
      overrides: a.overrides,
      ...(a.cycleStart !== undefined ? { cycleStart: a.cycleStart } : {}),
      ...(a.asOf !== undefined ? { asOf: a.asOf } : {}),
    },
    a.lang,
    unreadable,
  );
  mark('checked');
  for (const n of checked.notices) notices.push(n);
  const keep = a.out !== undefined;
  return {
    ...checked,
    sel: keep ? checked.sel : { ...checked.sel, tables: [] },
    region,
    books: keep ? books : [],
    unreadable,
    notices,
  };
}

/**
 * The copies' module (and with it the writers, the zip writer and the results' tables), loaded by the runs that
 * write copies, which deflate with Node's zlib: a check without --out does not pay its ~15 ms of start-up.
 */
const copies = (): typeof Copies => {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const m = require('../files/copies') as typeof Copies;
  const z = require('../files/zipwrite') as typeof ZipWrite;
  /* eslint-enable @typescript-eslint/no-require-imports */
  z.useCompressor(nativeCompressor(z.crc32));
  return m;
};

/** Everything a run writes copies with. */
interface CopyRun {
  a: CheckArgs;
  io: CheckIo;
  plan: Plan;
  ids: Ids;
  many: boolean;
  checked: Checked;
  /** the whole report, made when something needs it all (the summary, the readable report) */
  report: () => Report;
  pending: Array<{ abort: () => Promise<void> }>;
}

/**
 * Write every copy (and the summary) to temporary files, then put them all in place; the report's outputs. A
 * copy is written to its file as it is made, its results made from the check result a record at a time
 * (checkSource, recordOut): neither the copy nor the whole report is ever held.
 */
async function writeCopies(c: CopyRun): Promise<NonNullable<Report['outputs']>> {
  const { a, plan, checked } = c;
  const { csvCopy, issueLocator, marksByBook, summaryBook } = copies();
  const datas = checked.books.map((b) => b.data);
  const byBook = plan.mode === 'csv' ? new Map() : marksByBook(checked.result, checked.sel, datas, a.lang);
  const locate = issueLocator(checked.result, checked.sel, datas, a.lang);
  const outputs: NonNullable<Report['outputs']> = [];
  const commits: Array<() => Promise<void>> = [];
  const stage = async (target: Target, bytes: Uint8Array | string) => {
    const w = await writeTemp(target, bytes, c.io.wfs);
    c.pending.push(w);
    commits.push(w.commit);
  };
  for (const [bi, b] of checked.books.entries()) {
    const p = plan.planned.find((x) => x.input === b.input);
    if (!p) continue;
    let copy: { kind: 'annotated' | 'rebuilt' | 'csv'; note?: string };
    if (plan.mode === 'csv') {
      // written as its rows are made, like an .xlsx copy
      const w = await writeTempStream(
        p.target,
        async (sink) => {
          for (const piece of csvCopy(checked.result, checked.sel, datas, a.lang)) await sink(Buffer.from(piece));
        },
        c.io.wfs,
      );
      c.pending.push(w);
      commits.push(() => w.commit());
      copy = { kind: 'csv' };
    } else copy = await bookCopy(c, bi, b, p, byBook.get(bi), locate, commits);
    outputs.push({
      input: b.input.label,
      path: p.target.label,
      kind: copy.kind,
      ...(copy.note ? { note: copy.note } : {}),
    });
  }
  if (plan.summary) {
    await stage(plan.summary, summaryBook(c.report(), a.lang));
    outputs.push({ path: plan.summary.label, kind: 'summary' });
  }
  // every copy is complete before the first is put in place
  for (const commit of commits) await commit();
  c.pending.length = 0;
  return outputs;
}

/** One workbook's copy, written to a temporary file as it is made: the original package annotated, or rebuilt. */
async function bookCopy(
  c: CopyRun,
  bi: number,
  b: Book,
  p: Planned,
  marks: Parameters<typeof Copies.workbookCopyTo>[2],
  locate: Parameters<typeof Copies.workbookCopyTo>[6],
  commits: Array<() => Promise<void>>,
): Promise<{ kind: 'annotated' | 'rebuilt'; note?: string }> {
  const { a } = c;
  if (c.plan.mode === 'file') checkMacroName(b.data, p.target.label);
  const input = { book: bi, data: b.data, bytes: b.bytes!, ...(c.many ? { file: b.input.label } : {}) };
  const { checkSource, workbookCopyTo, noteText } = copies();
  // what the copy holds decides its name (macros stay .xlsm, anything rebuilt is .xlsx), and it is known only
  // once the copy is made: the temporary file is named after the target as planned, put in place under the
  // name the copy then has (checked like any target)
  const temp = { ...p.target };
  let made: Awaited<ReturnType<typeof workbookCopyTo>> | undefined;
  const w = await writeTempStream(
    temp,
    async (sink) => {
      made = await workbookCopyTo(
        sink,
        input,
        marks,
        checkSource(c.checked.result, a.lang),
        a.lang,
        c.checked.region,
        locate,
      );
    },
    c.io.wfs,
  );
  c.pending.push(w);
  const copy = made!;
  const note = noteText(copy.note, a.lang);
  const ext = b.data.format === 'xlsm' ? '.xlsm' : '.xlsx';
  if (c.plan.mode === 'dir' && path.extname(p.target.file).toLowerCase() !== ext) {
    p.target.file = p.target.file.slice(0, -path.extname(p.target.file).length) + ext;
    p.target.label = p.target.label.slice(0, -path.extname(p.target.label).length) + ext;
    await checkTarget(p.target, c.ids, c.io.wfs);
  }
  commits.push(() => w.commit(p.target));
  return { kind: copy.kind, ...(note ? { note } : {}) };
}

/** The report on stdout: JSON written piece by piece, or the readable report; notices on stderr with JSON. */
async function printReport(
  a: CheckArgs,
  io: CheckIo,
  inputs: Input[],
  checked: Checked,
  report: Report | undefined,
  outputs: Report['outputs'],
): Promise<void> {
  if (a.json) {
    const extra = { sources: checked.sources, ...(outputs ? { outputs } : {}) };
    await writeJson(reportJson(checked.result, a.lang, extra), io);
    for (const n of checked.notices) io.err(`${visible(say(n, a.lang))}\n`);
    return;
  }
  io.out(
    humanReport(report!, {
      lang: a.lang,
      inputs: inputs.map((i) => i.label),
      notices: checked.notices.map((n) => say(n, a.lang)),
      color: io.isTTY && !process.env.NO_COLOR,
      ...(a.teachers ? { teachers: true } : {}),
    }),
  );
}

/** Every target is refused or cleared before a file is parsed. */
async function planRun(
  a: CheckArgs,
  io: CheckIo,
  inputs: Input[],
  many: boolean,
  made: string[],
): Promise<{ ids: Ids; plan?: Plan }> {
  if (!a.out) return { ids: [] };
  const ids = (await Promise.all(inputs.map((i) => identity(i.abs)))).filter((x): x is Ids[number] => x !== null);
  return { ids, plan: await planTargets(a, inputs, many, ids, io.wfs, made) };
}

export async function runCheck(a: CheckArgs, io: CheckIo): Promise<number> {
  mark('start');
  const outAbs = a.out ? path.resolve(a.out) : undefined;
  const { inputs, folders } = await collectInputs(a.inputs, outAbs ? new Set([outAbs]) : new Set());
  const many = inputs.length > 1 || folders > 0;
  const made: string[] = [];
  const pending: Array<{ abort: () => Promise<void> }> = [];
  try {
    const { ids, plan } = await planRun(a, io, inputs, many, made);
    const progress = new Progress(io.err, io.errTTY === true && inputs.length > 1);
    const checked = await readAndCheck(a, inputs, many, progress);
    if (plan && plan.mode !== 'csv') checkCopyFits(checked.result.records.length);
    // the whole report as one object only for what reads it all: the summary, the readable report — made after
    // the copies (which make their rows from the check result), so never held beside them
    let whole: Report | undefined;
    const report = () => (whole ??= { ...toReport(checked.result, a.lang), sources: checked.sources });
    let outputs: Report['outputs'];
    if (plan) {
      progress.phase(a.lang === 'en' ? 'writing copies…' : '写出副本…');
      outputs = await writeCopies({ a, io, plan, ids, many, checked, report, pending });
      mark('copies');
    }
    if (!a.json) {
      const r = report();
      if (outputs) r.outputs = outputs;
    }
    progress.clear();
    await printReport(a, io, inputs, checked, whole, outputs);
    mark('report');
    // only errors and real failures are findings: a cycle in progress or pending is not (roster.md)
    const s = whole?.summary ?? summaryOf(checked.result);
    return s.errors === 0 && s.cycleFail === 0 && s.yearsFailed === 0 && !checked.unreadable.length ? 0 : 1;
  } catch (e) {
    for (const p of pending) await p.abort();
    for (const d of made.reverse()) await fsp.rmdir(d).catch(() => undefined);
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
