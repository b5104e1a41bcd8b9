// Which sheets of which files are the roster: every visible worksheet whose header row is a roster under the
// region's rules (one sheet per year becomes one roster), or exactly the sheets named with --sheet (hidden
// ones too). Every sheet looked at is listed with why it was read or skipped, and an error for "no roster"
// names them all.
import { rulesFor } from '../rules';
import { RosterError, RosterTable, requiredColumns } from '../engine/engine';
import { detectHeader, FIELD_LABELS } from '../core/fields';
import { t, Text } from '../core/text';
import type { RegionId } from '../rules';
import type { WorkbookData } from './read';
import { copyRecord } from './record';
import { FileProblem } from './problem';
import type { Report } from '../engine/report';

export type SourceCode = NonNullable<Report['sources']>[number]['code'];

/** One sheet (or CSV, or unreadable file) looked at, and what became of it. */
export interface Source {
  file?: string;
  /** absent for a CSV, which has no sheets */
  sheet?: string;
  code: SourceCode;
  read: boolean;
  reason?: Text;
  /** sheet row of the header, for sheets read */
  headerRow?: number;
}

export interface Selection {
  tables: RosterTable[];
  /** for each table: the book and sheet it came from */
  origin: Array<{ book: number; sheet: number }>;
  sources: Source[];
  notices: Text[];
}

const REASONS: Record<Exclude<SourceCode, 'read' | 'missingColumns' | 'unreadable'>, Text> = {
  hidden: t('隐藏的工作表，已跳过（可用 --sheet 指定读取）', 'hidden sheet, skipped (name it with --sheet to read it)'),
  veryHidden: t(
    '深度隐藏的工作表，已跳过（可用 --sheet 指定读取）',
    'very hidden sheet, skipped (name it with --sheet to read it)',
  ),
  chart: t('图表或宏工作表，没有数据', 'a chart or macro sheet, no data'),
  empty: t('空工作表', 'empty sheet'),
  noHeader: t(
    '前 30 行中没有花名册表头（身份证号、培训方式、学时等列名）',
    'no roster header in the first 30 rows (身份证号/ID, 培训方式/mode, 学时/hours …)',
  ),
  notNamed: t('未被 --sheet 指定', 'not named by --sheet'),
  toolSheet: t('本工具上次写入的结果表或标记表', 'a result or mark sheet this tool wrote earlier'),
};

export const sourceWhere = (s: Pick<Source, 'file' | 'sheet'>): string =>
  [s.file, s.sheet === undefined ? undefined : `「${s.sheet}」`].filter(Boolean).join(' ');

export interface SelectOptions {
  region: RegionId;
  /** --sheet: only these (hidden ones included) */
  sheets?: readonly string[];
}

/** Tables of these workbooks to check as one roster. Throws RosterError / FileProblem when there is none. */
export function selectTables(books: ReadonlyArray<{ file?: string; book: WorkbookData }>, o: SelectOptions): Selection {
  const rules = rulesFor(o.region);
  const named = o.sheets?.length ? new Set(o.sheets) : null;
  const out: Selection = { tables: [], origin: [], sources: [], notices: [] };
  books.forEach(({ file, book }, bi) => {
    const where = file !== undefined ? { file } : {};
    if (book.format === 'csv') {
      const sheet = book.sheets[0]!;
      if (named)
        out.notices.push(
          t(
            `${file ?? 'CSV'}：CSV 文件没有工作表，已忽略 --sheet`,
            `${file ?? 'CSV'}: a CSV file has no sheets; --sheet ignored`,
          ),
        );
      // one CSV alone goes to the engine as it is (its errors are the file's); among many, a CSV that is no
      // roster is skipped like a sheet that is none
      const why = books.length > 1 ? notRoster(sheet, rules) : null;
      if (why) {
        out.sources.push({ ...where, code: why.code, read: false, reason: why.reason });
        return;
      }
      out.tables.push({ rows: sheet.rows, firstRow: sheet.firstRow, ...where });
      out.origin.push({ book: bi, sheet: 0 });
      out.sources.push({ ...where, code: 'read', read: true });
      return;
    }
    const tool = new Set(copyRecord(book.properties)?.sheets ?? []);
    book.sheets.forEach((sheet, si) => {
      const src: Source = { ...where, sheet: sheet.name, code: 'read', read: false };
      const skip = (code: Exclude<SourceCode, 'read'>, reason?: Text) => {
        src.code = code;
        src.reason = reason ?? REASONS[code as keyof typeof REASONS];
        out.sources.push(src);
      };
      if (tool.has(sheet.name)) return skip('toolSheet');
      if (named) {
        if (!named.has(sheet.name)) return skip('notNamed');
      } else {
        if (sheet.kind !== 'worksheet') return skip('chart');
        if (sheet.visibility !== 'visible') return skip(sheet.visibility);
        const why = notRoster(sheet, rules);
        if (why) return skip(why.code, why.reason);
      }
      // a sheet named with --sheet goes to the engine as it is: its own errors name it
      src.read = true;
      out.sources.push(src);
      out.tables.push({ rows: sheet.rows, firstRow: sheet.firstRow, sheet: sheet.name, ...where });
      out.origin.push({ book: bi, sheet: si });
    });
  });
  if (named) {
    const present = new Set(books.flatMap(({ book }) => (book.format === 'csv' ? [] : book.sheets.map((s) => s.name))));
    const absent = [...named].filter((n) => !present.has(n));
    if (absent.length && books.some(({ book }) => book.format !== 'csv')) {
      const all = [...present].join('、');
      if (absent.length === named.size) {
        throw new FileProblem(
          t(
            `没有名为「${absent.join('」「')}」的工作表；可用：${all}`,
            `no sheet named "${absent.join('", "')}"; sheets: ${[...present].join(', ')}`,
          ),
        );
      }
      out.notices.push(
        t(`没有名为「${absent.join('」「')}」的工作表，已忽略`, `no sheet named "${absent.join('", "')}"; ignored`),
      );
    }
  }
  if (!out.tables.length) throw noRoster(out.sources);
  return out;
}

/** Why a table is not a roster under these rules (empty, no header, required columns missing), or null. */
type NotRoster = { code: 'empty' | 'noHeader' | 'missingColumns'; reason: Text };

function notRoster(sheet: WorkbookData['sheets'][number], rules: ReturnType<typeof rulesFor>): NotRoster | null {
  if (!sheet.rows.length) return { code: 'empty', reason: REASONS.empty };
  const map = detectHeader(sheet.rows);
  if (!map) return { code: 'noHeader', reason: REASONS.noHeader };
  const missing = requiredColumns(rules, map);
  if (!missing.length) return null;
  const row = sheet.firstRow + map.headerRow;
  return {
    code: 'missingColumns',
    reason: t(
      `表头在第 ${row} 行，但缺少必需的列：${missing.map((f) => FIELD_LABELS[f].zh).join('、')}`,
      `header on row ${row}, but required columns are missing: ${missing.map((f) => FIELD_LABELS[f].en).join(', ')}`,
    ),
  };
}

/** "找不到表头行：查看了 「说明」（…）、「2019年」（…）" — every sheet looked at, and why it was not read. */
export function noRoster(sources: readonly Source[]): RosterError {
  const listed = sources.slice(0, 20);
  const more = sources.length - listed.length;
  const zh =
    listed.map((s) => `${sourceWhere(s) || '（表格）'}（${s.reason?.zh ?? ''}）`).join('、') +
    (more > 0 ? ` 等 ${sources.length} 个` : '');
  const en =
    listed.map((s) => `${sourceWhere(s) || '(table)'} (${s.reason?.en ?? ''})`).join('; ') +
    (more > 0 ? ` and ${more} more` : '');
  const someHeader = sources.some((s) => s.code === 'missingColumns');
  return new RosterError(
    someHeader
      ? t(`没有可检查的花名册工作表：查看了 ${zh}`, `no roster sheet that can be checked; looked at ${en}`)
      : t(`找不到表头行：查看了 ${zh}`, `no header row found; looked at ${en}`),
  );
}
