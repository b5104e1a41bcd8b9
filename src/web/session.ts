// The page's work on files, wherever it runs (in the worker, or in the page itself where no worker can be
// started): read each file once (the file layer), check them as one roster exactly as `cpd-credits check`
// does (files/check.ts), and make the files the page offers for download — each workbook's annotated copy,
// the summary workbook, the JSON report — from the last check.
import { reportHeadOnly, reportString, toReport, type Report } from '../engine/report';
import { t, type Lang, type Text } from '../core/text';
import {
  checkBooksResult,
  FileProblem,
  issueLocator,
  marksByBook,
  mergeSettings,
  readWorkbook,
  sourceOut,
  summaryBook,
  workbookCopy,
  type CheckedBooks,
  type CheckedRoster,
  type Source,
  type WorkbookData,
} from '../files';
import { checkRowsLimit, copyRecordsLimit, count, rowsWithCells } from '../files/budgets';
import { RosterError } from '../engine/engine';
import type { WorkbookSettings } from '../present/settings';
import type { RegionId } from '../rules';
import { runChoices } from './choices';
import type { BookMeta, CheckHead, FileRef, Made, Phase } from './protocol';

export type OnProgress = (phase: Phase, done: number, total: number) => void;

/** A refusal in the reader's words (a file that cannot be read, a roster with no header …). */
export class WebProblem extends Error {
  constructor(readonly text: Text) {
    super(text.zh);
  }
}

/**
 * The heap a copy may use in a browser: Chromium says its own limit on a page (performance.memory); a worker,
 * or another browser, is taken to have 2 GiB — a tab that runs out of memory loses every result on it.
 */
export function browserHeapLimit(): number {
  const memory = (globalThis.performance as { memory?: { jsHeapSizeLimit?: number } } | undefined)?.memory;
  return memory?.jsHeapSizeLimit ?? 2 ** 31;
}

/** Refuse a copy the page cannot hold (copyRecords), with what to do instead. */
function copyFits(records: number, heapLimit: number): void {
  const max = copyRecordsLimit(heapLimit);
  if (records <= max) return;
  throw new WebProblem(
    t(
      `${count(records)} 条记录的批注副本超出网页可用的内存（上限约 ${count(max)} 条，copyRecords），未生成。` +
        '可下载 JSON 报告和汇总工作簿，或用命令行 cpd-credits check … --out 生成副本，或按学校、年度分开检查。',
      `An annotated copy of ${count(records)} records is more than this page's memory allows (about ${count(max)} ` +
        'records, copyRecords); it was not made. Download the JSON report and the summary workbook, make the copy ' +
        'with the command line (cpd-credits check … --out), or check the schools or years separately.',
    ),
  );
}

/**
 * Refuse a check of more rows than the page can hold (checkRows: every chosen file's together), before the
 * engine runs: a tab that runs out of memory loses every result on it.
 */
function rowsFit(books: ReadonlyArray<{ data: WorkbookData }>, heapLimit: number): void {
  const max = checkRowsLimit(heapLimit);
  const rows = books.reduce((n, b) => n + rowsWithCells(b.data), 0);
  if (rows <= max) return;
  throw new WebProblem(
    t(
      `所选文件共有 ${count(rows)} 行，超出网页可用的内存（上限约 ${count(max)} 行，checkRows），未作检查。` +
        '可少选几个文件分批检查，或用命令行 cpd-credits check 检查。',
      `The chosen files have ${count(rows)} rows, more than this page's memory allows (about ${count(max)} rows, ` +
        'checkRows); nothing was checked. Choose fewer files and check them in parts, or use the command line ' +
        '(cpd-credits check).',
    ),
  );
}

interface Book {
  name: string;
  bytes?: Uint8Array;
  data?: WorkbookData;
  problem?: Text;
}

interface LastCheck extends CheckedRoster {
  books: Array<{ name: string; data: WorkbookData; bytes: Uint8Array }>;
  many: boolean;
  region: RegionId;
  unreadable: Source[];
  reports: Partial<Record<Lang, Report>>;
}

const encoder = new TextEncoder();

export class Session {
  private readonly books = new Map<string, Book>();
  private last: LastCheck | null = null;

  /**
   * `pause`: in the page itself, a chance for it to draw the progress before the next long step;
   * `heapLimit`: the memory a check and a copy may use (checkRows, copyRecords)
   */
  constructor(
    private readonly pause: () => Promise<void> = async () => undefined,
    private readonly heapLimit = browserHeapLimit(),
  ) {}

  /** Read the files not read yet; what is known of each. */
  async read(files: readonly FileRef[], onProgress?: OnProgress): Promise<BookMeta[]> {
    const out: BookMeta[] = [];
    for (const [i, f] of files.entries()) {
      onProgress?.('read', i, files.length);
      if (!this.books.has(f.key)) await this.pause();
      out.push(meta(f, await this.book(f)));
    }
    onProgress?.('read', files.length, files.length);
    // files no longer chosen are forgotten (and their memory with them)
    const keep = new Set(files.map((f) => f.key));
    for (const k of [...this.books.keys()]) if (!keep.has(k)) this.books.delete(k);
    return out;
  }

  private async book(f: FileRef): Promise<Book> {
    const known = this.books.get(f.key);
    if (known) return known;
    const b: Book = { name: f.name };
    try {
      const bytes = new Uint8Array(await f.blob.arrayBuffer());
      b.data = readWorkbook(bytes);
      b.bytes = bytes;
    } catch (e) {
      if (e instanceof FileProblem) b.problem = e.text;
      else if (e instanceof DOMException || (e instanceof Error && e.name === 'NotReadableError'))
        b.problem = t(
          '浏览器无法读取这个文件（可能已被移动或删除）',
          'the browser cannot read this file (moved or deleted?)',
        );
      else {
        const m = e instanceof Error ? e.message : String(e);
        b.problem = t(`内部错误：${m}`, `internal error: ${m}`);
      }
    }
    this.books.set(f.key, b);
    return b;
  }

  /** Check the files as one roster, as the CLI checks the same files named on its command line. */
  async check(
    files: readonly FileRef[],
    form: WorkbookSettings & { region: RegionId },
    lang: Lang,
    onProgress?: OnProgress,
  ): Promise<{ checked: CheckedBooks; head: CheckHead; reportHead: () => Report }> {
    await this.read(files, onProgress);
    this.last = null;
    const many = files.length > 1;
    const unreadable: Source[] = [];
    const books: LastCheck['books'] = [];
    for (const f of files) {
      const b = this.books.get(f.key)!;
      if (b.problem) {
        if (!many)
          throw new WebProblem(t(`无法读取 ${b.name}：${b.problem.zh}`, `cannot read ${b.name}: ${b.problem.en}`));
        unreadable.push({ file: b.name, code: 'unreadable', read: false, reason: b.problem });
      } else books.push({ name: b.name, data: b.data!, bytes: b.bytes! });
    }
    if (!books.length) {
      throw new WebProblem(
        t(
          `没有可读的文件：${unreadable.map((u) => `${u.file}：${u.reason?.zh ?? ''}`).join('；')}`,
          `no file could be read: ${unreadable.map((u) => `${u.file}: ${u.reason?.en ?? ''}`).join('; ')}`,
        ),
      );
    }
    const merged = mergeSettings(
      books.map((b) => ({ label: b.name, properties: b.data.properties })),
      many,
    );
    rowsFit(books, this.heapLimit);
    onProgress?.('engine', 0, 1);
    await this.pause();
    let checked: CheckedRoster;
    try {
      checked = checkBooksResult(
        books.map((b) => ({ label: b.name, data: b.data })),
        many,
        runChoices(form, merged.settings),
        lang,
        unreadable,
      );
    } catch (e) {
      if (e instanceof RosterError || e instanceof FileProblem) throw new WebProblem(e.text);
      throw e;
    }
    onProgress?.('engine', 1, 1);
    const notices: Text[] = [];
    for (const b of books)
      for (const n of b.data.notices) notices.push(many ? t(`${b.name}：${n.zh}`, `${b.name}: ${n.en}`) : n);
    notices.push(...merged.notices, ...checked.notices);
    const last: LastCheck = { ...checked, books, many, region: form.region, unreadable, reports: {} };
    this.last = last;
    const places = checked.sel.tables.map((tb, i) => {
      const o = checked.sel.origin[i]!;
      return { sheet: tb.sheet ?? '', file: books[o.book]!.name, firstCol: 1 };
    });
    // the whole report is made when asked for: the worker sends the page its head only (protocol.ts)
    const report = () => this.report(lang, last);
    return {
      checked: {
        sel: checked.sel,
        result: checked.result,
        notices: checked.notices,
        get report() {
          return report();
        },
      },
      head: { places, notices, books: books.map((b) => ({ name: b.name, format: b.data.format })) },
      reportHead: () => this.reportHead(lang, last),
    };
  }

  /**
   * The last check's (or check `c`'s) report in `lang` without its records and teachers: what the worker sends
   * the page, which makes those from the result's (protocol.ts).
   */
  reportHead(lang: Lang, c: LastCheck = this.lastCheck()): Report {
    return { ...reportHeadOnly(c.result, lang), sources: this.sources(c, lang) };
  }

  private lastCheck(): LastCheck {
    if (!this.last) throw new WebProblem(t('请先检查文件。', 'Check the files first.'));
    return this.last;
  }

  /** The last check's report in `lang`, with its sources in that language too. */
  report(lang: Lang, c: LastCheck = this.lastCheck()): Report {
    let r = c.reports[lang];
    if (!r) {
      r = toReport(c.result, lang);
      r.sources = this.sources(c, lang);
      c.reports[lang] = r;
    }
    return r;
  }

  /** The report's `sources`: the files that could not be read first, then every sheet looked at. */
  private sources(c: LastCheck, lang: Lang): NonNullable<Report['sources']> {
    return [...c.unreadable, ...c.sel.sources].map((s) => sourceOut(s, lang));
  }

  /** The annotated copy of book `i` of the last check: the original package with marks and result sheets added. */
  async copy(i: number, lang: Lang): Promise<Made> {
    const c = this.lastCheck();
    const b = c.books[i];
    if (!b) throw new WebProblem(t('没有这个文件。', 'No such file.'));
    copyFits(c.result.records.length, this.heapLimit);
    const marks = marksByBook(
      c.result,
      c.sel,
      c.books.map((x) => x.data),
      lang,
    );
    const locate = issueLocator(
      c.result,
      c.sel,
      c.books.map((x) => x.data),
      lang,
    );
    const input = { book: i, data: b.data, bytes: b.bytes, ...(c.many ? { file: b.name } : {}) };
    const copy = await workbookCopy(input, marks.get(i), this.report(lang), lang, c.region, locate);
    return {
      bytes: copy.bytes,
      kind: copy.kind,
      ...(copy.note ? { note: copy.note } : {}),
      macros: b.data.format === 'xlsm' && copy.kind === 'annotated',
    };
  }

  /** 汇总.xlsx of the last check: per school, per teacher, per year, per file. */
  summary(lang: Lang): Made {
    return { bytes: summaryBook(this.report(lang), lang) };
  }

  /** The report as `cpd-credits check --json` prints it (its one layout: a record or a teacher a line). */
  json(lang: Lang): Made {
    return { bytes: encoder.encode(reportString(this.report(lang))) };
  }
}

function meta(f: FileRef, b: Book): BookMeta {
  const m: BookMeta = {
    key: f.key,
    name: f.name,
    properties: b.data?.properties ?? {},
    notices: b.data?.notices ?? [],
  };
  if (b.data) {
    m.format = b.data.format;
    if (b.data.format !== 'csv') m.sheets = b.data.sheets.map((s) => s.name);
  }
  if (b.problem) m.problem = b.problem;
  return m;
}
