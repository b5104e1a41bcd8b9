// Workbooks read → one roster checked: the settings the files carry merged (one region, else a conflict
// named), their roster sheets selected, the engine run once over all of them, and the report told which
// sheets were read and why the others were not. The CLI's `check` and the web page both run exactly this,
// so that a file gives the same report wherever it is checked; each does its own I/O around it.
import { checkRoster, RosterError, type CheckResult } from '../engine/engine';
import { toReport, type Report } from '../engine/report';
import { checkOptions } from '../present/options';
import { parseSettings, type WorkbookSettings } from '../present/settings';
import { say, t, type Lang, type Text } from '../core/text';
import { mergeOverrides, type Overrides } from '../rules/params';
import type { RegionId } from '../rules';
import type { WorkbookData } from './read';
import { selectTables, type Selection, type Source } from './select';

export interface LabelledBook {
  /** the file as the user knows it (a path, a file name) */
  label: string;
  data: WorkbookData;
}

export interface MergedSettings {
  settings: WorkbookSettings;
  notices: Text[];
  /** the files name different regions (CPD.region): the region must then be chosen */
  regionConflict?: Text;
}

/** Settings of several workbooks: the same region (else a conflict); differing cycles or dates ignored. */
export function mergeSettings(
  books: ReadonlyArray<{ label: string; properties: Record<string, string> }>,
  many: boolean,
): MergedSettings {
  const notices: Text[] = [];
  const all = books.map((b) => {
    const { settings, problems } = parseSettings(b.properties);
    for (const p of problems) notices.push(many ? t(`${b.label}：${p.zh}`, `${b.label}: ${p.en}`) : p);
    return { b, settings };
  });
  const settings: WorkbookSettings = {};
  const regions = new Map<RegionId, string[]>();
  for (const { b, settings: s } of all) {
    if (s.region) (regions.get(s.region) ?? regions.set(s.region, []).get(s.region)!).push(b.label);
  }
  if (regions.size === 1) settings.region = [...regions.keys()][0]!;
  const one = <K extends 'cycleStart' | 'asOf'>(key: K, label: Text) => {
    const values = new Set(all.map((x) => x.settings[key]).filter((v) => v !== undefined));
    if (values.size === 1) settings[key] = [...values][0] as WorkbookSettings[K];
    else if (values.size > 1)
      notices.push(
        t(
          `各文件的 ${label.zh} 不同（${[...values].join('、')}），均未采用`,
          `the files' ${label.en} differ (${[...values].join(', ')}); none is used`,
        ),
      );
  };
  one('cycleStart', t('CPD.cycleStart 周期起始年', 'CPD.cycleStart'));
  one('asOf', t('CPD.asOf 截至日期', 'CPD.asOf'));
  for (const x of all)
    if (x.settings.overrides) settings.overrides = mergeOverrides(x.settings.overrides, settings.overrides);
  if (regions.size <= 1) return { settings, notices };
  const conflict = regionConflict(regions);
  return { settings, notices: [...notices, conflict], regionConflict: conflict };
}

function regionConflict(regions: Map<RegionId, string[]>): Text {
  const list = [...regions.entries()].map(
    ([r, files]) => `${r}: ${files.slice(0, 3).join(', ')}${files.length > 3 ? ' …' : ''}`,
  );
  return t(
    `各文件的工作簿地区（CPD.region）不同：${list.join('；')}`,
    `the files' workbook regions (CPD.region) differ: ${list.join('; ')}`,
  );
}

export const sourceOut = (s: Source, lang: Lang): NonNullable<Report['sources']>[number] => ({
  ...(s.file !== undefined ? { file: s.file } : {}),
  ...(s.sheet !== undefined ? { sheet: s.sheet } : {}),
  read: s.read,
  code: s.code,
  ...(s.reason ? { reason: say(s.reason, lang) } : {}),
  ...(s.headerRow !== undefined ? { headerRow: s.headerRow } : {}),
});

export interface BookChoices {
  region: RegionId;
  /** the workbooks' own settings (mergeSettings) */
  settings: WorkbookSettings;
  /** only these sheets (hidden ones too) */
  sheets?: readonly string[];
  /** given for this run: win over the workbooks' */
  cycleStart?: number;
  asOf?: string;
  overrides?: Overrides;
}

export interface CheckedRoster {
  sel: Selection;
  result: CheckResult;
  /** the files that could not be read first, then every sheet looked at (the report's `sources`) */
  sources: NonNullable<Report['sources']>;
  /** from selecting the sheets (a --sheet that names nothing …) */
  notices: Text[];
}

export interface CheckedBooks {
  sel: Selection;
  result: CheckResult;
  /** with `sources`: the files that could not be read first, then every sheet looked at */
  report: Report;
  /** from selecting the sheets (a --sheet that names nothing …) */
  notices: Text[];
}

/**
 * Check these books as one roster, without the report (a caller that writes it piece by piece, `check --json`
 * of a million rows, never holds it whole). `many`: several files (or a folder) — records then carry their
 * file's label. Throws RosterError / FileProblem when no sheet is a roster.
 */
export function checkBooksResult(
  books: readonly LabelledBook[],
  many: boolean,
  c: BookChoices,
  lang: Lang,
  unreadable: readonly Source[] = [],
): CheckedRoster {
  let sel: Selection;
  let result: CheckResult;
  try {
    sel = selectTables(
      books.map((b) => ({ ...(many ? { file: b.label } : {}), book: b.data })),
      { region: c.region, ...(c.sheets ? { sheets: c.sheets } : {}) },
    );
    const options = checkOptions({
      region: c.region,
      settings: c.settings,
      ...(c.overrides ? { overrides: c.overrides } : {}),
      ...(c.cycleStart !== undefined ? { cycleStart: c.cycleStart } : {}),
      ...(c.asOf !== undefined ? { asOf: c.asOf } : {}),
    });
    result = checkRoster(sel.tables, options);
  } catch (e) {
    // among many files the tables carry their file's name, and so do the errors; one file's are said to be its
    const label = books.length === 1 && !many ? books[0]!.label : undefined;
    if (label && e instanceof RosterError) throw new RosterError(t(`${label}：${e.text.zh}`, `${label}: ${e.text.en}`));
    throw e;
  }
  // the header row each table was read from, as the engine found it
  sel.sources
    .filter((s) => s.read)
    .forEach((s, i) => {
      const tb = result.tables[i];
      if (tb) s.headerRow = tb.firstRow + tb.columns.headerRow;
    });
  const sources = [...unreadable, ...sel.sources].map((s) => sourceOut(s, lang));
  return { sel, result, sources, notices: sel.notices };
}

/** Check these books as one roster (checkBooksResult), with its whole report. */
export function checkBooks(
  books: readonly LabelledBook[],
  many: boolean,
  c: BookChoices,
  lang: Lang,
  unreadable: readonly Source[] = [],
): CheckedBooks {
  const { sel, result, sources, notices } = checkBooksResult(books, many, c, lang, unreadable);
  const report = toReport(result, lang);
  report.sources = sources;
  return { sel, result, report, notices };
}
