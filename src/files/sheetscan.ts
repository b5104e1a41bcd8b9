// One pass over a worksheet's XML bytes before the reader builds a single cell: the cells with content
// counted against the budget, every row and column number checked against Excel's grid, the merged ranges
// counted — so that a hostile sheet costs a linear scan and a plain error, never the memory its declared
// size would take. The same pass notices what the reader would lose without a word: rows numbered twice
// or 0 (the later cells would overwrite the earlier ones), cells whose address is not in their row, and
// error values the reader has no name for (#SPILL!, #CALC! …). Rows that would be lost are renumbered after
// the sheet's last row, and said so; nothing else in the bytes changes. Byte-level, no regular expressions.
import { t, type Text } from '../core/text';
import { columnLetters } from '../core/fields';
import { count, type Budgets } from './budgets';
import { FileProblem } from './problem';

export interface SheetScan {
  /** the XML to parse: the bytes given, or a copy with the lost rows renumbered */
  bytes: Uint8Array;
  /** what the user should know about this sheet */
  notices: Text[];
  /** error values the reader cannot name, by 0-based row × 16384 + column: "#SPILL!" … */
  errorTexts: Map<number, string>;
}

/** The error values the reader turns into codes itself (SheetJS's RBErr); others are kept as text here. */
export const KNOWN_ERRORS: ReadonlySet<string> = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
]);

export const LT = 0x3c;
export const GT = 0x3e;
export const SLASH = 0x2f;
const QUOT = 0x22;
const APOS = 0x27;
const EQ = 0x3d;
const COLON = 0x3a;

export const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isNameEnd = (c: number | undefined) => c === undefined || isSpace(c) || c === GT || c === SLASH;

/** A start tag: its local name's bounds, where its attributes start, and the index just past its '>'. */
export interface Tag {
  local: number;
  localEnd: number;
  attrs: number;
  end: number;
  selfClosing: boolean;
}

export function readTag(b: Uint8Array, lt: number): Tag {
  let k = lt + 1;
  let local = k;
  while (k < b.length && !isNameEnd(b[k])) {
    if (b[k] === COLON) local = k + 1;
    k++;
  }
  const attrs = k;
  let quote = 0;
  for (; k < b.length; k++) {
    const x = b[k]!;
    if (quote) {
      if (x === quote) quote = 0;
    } else if (x === QUOT || x === APOS) quote = x;
    else if (x === GT) break;
  }
  return { local, localEnd: attrs, attrs, end: k + 1, selfClosing: b[k - 1] === SLASH };
}

const CDATA = [0x21, 0x5b, 0x43, 0x44, 0x41, 0x54, 0x41, 0x5b]; // ![CDATA[
const startsWith = (b: Uint8Array, at: number, seq: readonly number[]) => seq.every((c, k) => b[at + k] === c);

/** Where the end of `seq` is at or after `from`, or the end of the bytes. */
function past(b: Uint8Array, from: number, seq: readonly number[]): number {
  for (let i = b.indexOf(seq[0]!, from); i >= 0; i = b.indexOf(seq[0]!, i + 1))
    if (startsWith(b, i, seq)) return i + seq.length;
  return b.length;
}

/**
 * The next start tag at or after `from` — end tags and declarations passed over, comments and CDATA sections
 * skipped whole (a "<row>" written inside a text is text) — and whether an end tag of a cell came first.
 */
export function nextStart(b: Uint8Array, from: number): Tag | null {
  for (let i = b.indexOf(LT, from); i >= 0; i = b.indexOf(LT, i + 1)) {
    const c = b[i + 1];
    if (c === SLASH || c === 0x3f) continue;
    if (c === 0x21) {
      if (b[i + 2] === 0x2d && b[i + 3] === 0x2d) i = past(b, i + 4, [0x2d, 0x2d, GT]) - 1;
      else if (startsWith(b, i + 1, CDATA)) i = past(b, i + 9, [0x5d, 0x5d, GT]) - 1;
      continue;
    }
    return readTag(b, i);
  }
  return null;
}

/** The text of the <v> of the cell whose start tag ends at `from` (at most a few tags on), or null. */
function cellValueText(b: Uint8Array, from: number): string | null {
  let i = from;
  for (let n = 0; n < 6; n++) {
    const lt = b.indexOf(LT, i);
    if (lt < 0 || b[lt + 1] === SLASH) return null; // </c> (or another end tag) first: no value
    const tag = readTag(b, lt);
    if (nameIs(b, tag, 'v') && !tag.selfClosing) {
      const close = b.indexOf(LT, tag.end);
      if (close < 0 || close - tag.end > 32) return null;
      let text = '';
      for (let k = tag.end; k < close; k++) text += String.fromCharCode(b[k]!);
      return text;
    }
    // an <f> before the <v>: past its end
    const end = tag.selfClosing ? tag.end : b.indexOf(LT, tag.end);
    if (end < 0) return null;
    i = tag.selfClosing ? end : b.indexOf(GT, end) + 1 || b.length;
  }
  return null;
}

export const nameIs = (b: Uint8Array, tag: Tag, name: string) => {
  if (tag.localEnd - tag.local !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (b[tag.local + i] !== name.charCodeAt(i)) return false;
  return true;
};

/** One attribute of a start tag: the bounds of its name and of its quoted value. */
export interface Attr {
  n0: number;
  n1: number;
  v0: number;
  v1: number;
}

/**
 * The next attribute with a value at or after `k` and before `end` (a tag's closing '>'), into `a`: the index
 * just past it, or -1 when there is none — or a value without quotes, after which nothing of the tag is read.
 */
export function nextAttr(b: Uint8Array, k: number, end: number, a: Attr): number {
  while (k < end) {
    while (k < end && isSpace(b[k]!)) k++;
    const nameStart = k;
    while (k < end && b[k] !== EQ && !isSpace(b[k]!) && b[k] !== SLASH) k++;
    const nameEnd = k;
    while (k < end && isSpace(b[k]!)) k++;
    if (b[k] !== EQ) {
      k++;
      continue;
    }
    k++;
    while (k < end && isSpace(b[k]!)) k++;
    const q = b[k];
    if (q !== QUOT && q !== APOS) return -1;
    let vEnd = k + 1;
    while (vEnd < end && b[vEnd] !== q) vEnd++;
    a.n0 = nameStart;
    a.n1 = nameEnd;
    a.v0 = k + 1;
    a.v1 = vEnd;
    return vEnd + 1;
  }
  return -1;
}

const SCRATCH: Attr = { n0: 0, n1: 0, v0: 0, v1: 0 };

/** The value of attribute `name` (ASCII, as written: "r", "table:name") in a tag: [start, end) or null. */
export function attrValue(b: Uint8Array, tag: Tag, name: string): [number, number] | null {
  const end = tag.end - 1;
  const a = SCRATCH;
  for (let k = nextAttr(b, tag.attrs, end, a); k >= 0; k = nextAttr(b, k, end, a)) {
    if (a.n1 - a.n0 !== name.length) continue;
    let same = true;
    for (let i = 0; i < name.length && same; i++) same = b[a.n0 + i] === name.charCodeAt(i);
    if (same) return [a.v0, a.v1];
  }
  return null;
}

/** Where a <c>'s r, s and t attributes' values are ([start, end), -1 when absent): read in one pass. */
export interface CellAttrs {
  r0: number;
  r1: number;
  s0: number;
  s1: number;
  t0: number;
  t1: number;
}

/** The r, s and t attributes of a cell's start tag, in one pass over its attributes (the first of each name). */
export function cellAttrs(b: Uint8Array, tag: Tag, a: CellAttrs): CellAttrs {
  a.r0 = a.r1 = a.s0 = a.s1 = a.t0 = a.t1 = -1;
  const end = tag.end - 1;
  const x = SCRATCH;
  for (let k = nextAttr(b, tag.attrs, end, x); k >= 0; k = nextAttr(b, k, end, x)) {
    if (x.n1 - x.n0 !== 1) continue;
    const n = b[x.n0];
    if (n === 0x72 && a.r0 < 0) {
      a.r0 = x.v0;
      a.r1 = x.v1;
    } else if (n === 0x73 && a.s0 < 0) {
      a.s0 = x.v0;
      a.s1 = x.v1;
    } else if (n === 0x74 && a.t0 < 0) {
      a.t0 = x.v0;
      a.t1 = x.v1;
    }
  }
  return a;
}

/** Digits as a number (NaN when there are none or something else); capped so that a run of digits stays cheap. */
export function digits(b: Uint8Array, from: number, to: number): number {
  if (from >= to || to - from > 12) return NaN;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = b[i]! - 0x30;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
}

/** A cell address "BC12": 1-based column and row (row NaN when absent or not digits). */
export function cellRef(
  b: Uint8Array,
  from: number,
  to: number,
): { col: number; row: number; digitsAt: number } | null {
  let col = 0;
  let i = from;
  while (i < to && b[i]! >= 0x41 && b[i]! <= 0x5a && i - from < 8) col = col * 26 + (b[i++]! - 0x40);
  if (col === 0) return null;
  return { col, row: digits(b, i, to), digitsAt: i };
}

const list = (rows: readonly number[]) => rows.slice(0, 5).join('、') + (rows.length > 5 ? ' …' : '');
const listEn = (rows: readonly number[]) => rows.slice(0, 5).join(', ') + (rows.length > 5 ? ' …' : '');

/** The sheet's name in a sentence, and the problems that stop the scan. */
class SheetWords {
  constructor(
    private readonly sheet: string,
    private readonly bud: Budgets,
  ) {}

  where(zh: string, en: string): Text {
    return t(`工作表「${this.sheet}」${zh}`, `sheet "${this.sheet}" ${en}`);
  }

  tooMany(what: Text, limit: number, name: string, fix: Text): FileProblem {
    return new FileProblem(
      this.where(
        `的${what.zh}超过上限 ${count(limit)}（${name}）；${fix.zh}`,
        `has more ${what.en} than the limit of ${count(limit)} (${name}); ${fix.en}`,
      ),
    );
  }

  offGrid(ref: string): FileProblem {
    const { rows, columns } = this.bud;
    return new FileProblem(
      this.where(
        `的单元格 ${ref} 超出了 Excel 的范围（${count(rows)} 行 × ${count(columns)} 列）：文件已损坏`,
        `has a cell ${ref} outside Excel's grid (${count(rows)} rows × ${count(columns)} columns): the file is damaged`,
      ),
    );
  }
}

/** What the pass has seen so far of one sheet: counts against the budgets, and the rows and cells it would lose. */
class SheetTally {
  private readonly seen: Uint8Array;
  /** the row number of each <row> element, in document order (0: none usable) */
  readonly rowOf: number[] = [];
  readonly duplicate: number[] = [];
  readonly outOfOrder: number[] = [];
  unnumbered = 0;
  misplaced = 0;
  readonly doubledCells: string[] = [];
  readonly errorTexts = new Map<number, string>();
  /** the first few cells holding a formula with no saved result, and how many there are */
  readonly uncalculated: string[] = [];
  uncalculatedCount = 0;
  private cells = 0;
  private merges = 0;
  maxRow = 0;
  private last = 0;
  private row = 0;
  private prevCol = 0;
  private inRow = false;
  /** a cell's attributes, filled for each <c> in turn */
  private readonly attrs: CellAttrs = { r0: -1, r1: -1, s0: -1, s1: -1, t0: -1, t1: -1 };

  constructor(
    private readonly b: Uint8Array,
    private readonly bud: Budgets,
    private readonly words: SheetWords,
  ) {
    this.seen = new Uint8Array(bud.rows + 2);
  }

  /** A <c>: on the grid, in its row, counted when it has content, its error text kept when unnamed. */
  cell(tag: Tag): void {
    const { b, bud } = this;
    // r and t in one pass over the attributes (t, after r and s, was a second one)
    const attrs = cellAttrs(b, tag, this.attrs);
    const at = attrs.r0 >= 0 ? cellRef(b, attrs.r0, attrs.r1) : null;
    const col = at ? at.col : this.prevCol + 1;
    const r = at && !Number.isNaN(at.row) ? at.row : this.row;
    if (col > bud.columns || r > bud.rows) throw this.words.offGrid(`${columnLetters(Math.min(col, 1e6))}${r}`);
    if (this.inRow && r !== this.row) this.misplaced++;
    else if (this.inRow && col <= this.prevCol && this.doubledCells.length < 5)
      this.doubledCells.push(`${columnLetters(col)}${r}`);
    // a cell outside any row element is placed by its own address
    if (!this.inRow && r > this.maxRow) this.maxRow = r;
    this.prevCol = col;
    if (tag.selfClosing) return;
    if (++this.cells > bud.sheetCells)
      throw this.words.tooMany(
        t('有内容的单元格数', 'cells with content'),
        bud.sheetCells,
        'sheetCells',
        t('请删去多余的数据或把花名册拆成几个文件', 'remove unused data or split the roster into several files'),
      );
    if (b[tag.end] === LT && b[tag.end + 1] === 0x66 && formulaUnsaved(b, tag.end, attrs)) {
      if (this.uncalculated.length < 5) this.uncalculated.push(`${columnLetters(col)}${r}`);
      this.uncalculatedCount++;
    }
    if (attrs.t1 - attrs.t0 === 1 && attrs.t0 >= 0 && b[attrs.t0] === 0x65) {
      // an error cell: its <v> text, when the reader has no code for it
      const text = cellValueText(b, tag.end);
      if (text !== null && !KNOWN_ERRORS.has(text) && r >= 1) this.errorTexts.set((r - 1) * 16384 + (col - 1), text);
    }
  }

  /** A <row>: on the grid, and noted when its number is missing, repeated or out of order. */
  rowStart(tag: Tag): void {
    const ref = attrValue(this.b, tag, 'r');
    const r = ref ? digits(this.b, ref[0], ref[1]) : this.row + 1;
    this.inRow = !tag.selfClosing;
    this.prevCol = 0;
    if (r > this.bud.rows) throw this.words.offGrid(`A${r}`);
    if (!(r >= 1)) {
      this.unnumbered++;
      this.rowOf.push(0);
      this.row = 0;
      return;
    }
    if (this.seen[r]) {
      this.duplicate.push(r);
      this.rowOf.push(0);
    } else {
      this.seen[r] = 1;
      if (r < this.last && this.outOfOrder.length < 5) this.outOfOrder.push(r);
      this.rowOf.push(r);
    }
    this.row = r;
    if (r > this.last) this.last = r;
    if (r > this.maxRow) this.maxRow = r;
  }

  /** A <mergeCell>, counted against the budget. */
  merge(): void {
    if (++this.merges > this.bud.merges)
      throw this.words.tooMany(
        t('合并单元格区域数', 'merged ranges'),
        this.bud.merges,
        'merges',
        t('请取消不需要的合并单元格', 'unmerge the cells that need not be merged'),
      );
  }

  /** An empty <sheetData/>: no row is open after it. */
  noRows(): void {
    this.inRow = false;
  }
}

/**
 * Where the usual `<v>text</v></c>` of a cell whose start tag ends at `at` (a number, a shared string's index) has
 * its `</v>`: its text holds no '<', so no tag, comment or CDATA is passed over. -1 for any other content (a
 * formula, inline text, a prefix), which is read tag by tag. (The value reader, sheetcells.ts, reads it so too.)
 */
export function plainValueEnd(b: Uint8Array, at: number): number {
  if (b[at] !== LT || b[at + 1] !== 0x76 || b[at + 2] !== GT) return -1;
  const lt = b.indexOf(LT, at + 3);
  // </v></c>
  return lt >= 0 &&
    b[lt + 1] === SLASH &&
    b[lt + 2] === 0x76 &&
    b[lt + 3] === GT &&
    b[lt + 4] === LT &&
    b[lt + 5] === SLASH &&
    b[lt + 6] === 0x63 &&
    b[lt + 7] === GT
    ? lt
    : -1;
}

/**
 * Whether the cell whose content begins at `from` with `<f` holds a formula but no saved result: a number,
 * boolean or error cell with no <v>, or an empty one. Excel and WPS always save a formula's result; a program
 * that writes formulas without calculating them (openpyxl, many exporters) leaves it out, and every reader
 * then sees an empty cell. A text result (t="str") may be empty in its own right: not looked at.
 */
function formulaUnsaved(b: Uint8Array, from: number, a: CellAttrs): boolean {
  if (!isNameEnd(b[from + 2])) return false;
  const n = a.t1 - a.t0;
  if (a.t0 >= 0 && !(n === 1 && (b[a.t0] === 0x6e || b[a.t0] === 0x62 || b[a.t0] === 0x65))) return false;
  const v = cellValueText(b, from);
  return v === null ? !hasValueTag(b, from) : v.trim() === '';
}

/** Whether a <v> element comes before the cell's end tag (a value too long for cellValueText's look). */
function hasValueTag(b: Uint8Array, from: number): boolean {
  for (let i = b.indexOf(LT, from); i >= 0; i = b.indexOf(LT, i + 1)) {
    if (b[i + 1] === SLASH && b[i + 2] === 0x63 && b[i + 3] === GT) return false;
    if (b[i + 1] === 0x76 && (b[i + 2] === GT || isSpace(b[i + 2]!))) return true;
  }
  return false;
}

/** Past the rest of such a cell — three tags a cell not read one by one — or `at` when it is not one. */
function pastPlainValue(b: Uint8Array, at: number): number {
  const lt = plainValueEnd(b, at);
  return lt < 0 ? at : lt + 8;
}

/**
 * Check a worksheet part against the budgets and keep what the reader would lose. Throws FileProblem naming
 * the sheet and the limit when one is exceeded.
 */
export function scanSheetXml(b: Uint8Array, sheet: string, bud: Budgets): SheetScan {
  const words = new SheetWords(sheet, bud);
  const tally = new SheetTally(b, bud, words);
  let at = 0;
  for (let tag = nextStart(b, 0); tag; tag = nextStart(b, at)) {
    at = tag.end;
    if (nameIs(b, tag, 'c')) {
      tally.cell(tag);
      if (!tag.selfClosing) at = pastPlainValue(b, at);
    } else if (nameIs(b, tag, 'row')) tally.rowStart(tag);
    else if (nameIs(b, tag, 'mergeCell')) tally.merge();
    else if (nameIs(b, tag, 'sheetData') && tag.selfClosing) tally.noRows();
  }
  const notices: Text[] = [];
  let out = b;
  if (tally.duplicate.length + tally.unnumbered || tally.misplaced) {
    const moved = renumber(b, tally.rowOf, tally.maxRow, bud);
    out = moved.bytes;
    notices.push(...movedNotices(tally, moved, words));
  }
  notices.push(...orderNotices(tally, words));
  if (tally.uncalculatedCount) notices.push(unsavedNotice(tally, words));
  return { bytes: out, notices, errorTexts: tally.errorTexts };
}

/** What the user should know of the rows renumbered and the cells read in the row that holds them. */
function movedNotices(tally: SheetTally, moved: { from: number; to: number }, words: SheetWords): Text[] {
  const { duplicate, unnumbered, misplaced } = tally;
  const notices: Text[] = [];
  if (duplicate.length)
    notices.push(
      words.where(
        `的 XML 中第 ${list(duplicate)} 行出现了不止一次：重复的行没有丢弃，已移到表末（第 ${moved.from}–${moved.to} 行）`,
        `lists rows ${listEn(duplicate)} more than once in its XML: the repeated rows are kept, moved to the end (rows ${moved.from}–${moved.to})`,
      ),
    );
  if (unnumbered)
    notices.push(
      words.where(
        `的 XML 中有 ${unnumbered} 行的行号无效（如 0）：这些行没有丢弃，已移到表末（第 ${moved.from}–${moved.to} 行）`,
        `has ${unnumbered} row(s) with an invalid number (such as 0) in its XML: they are kept, moved to the end (rows ${moved.from}–${moved.to})`,
      ),
    );
  if (misplaced)
    notices.push(
      words.where(
        `有 ${misplaced} 个单元格的地址不在它所在的行：已按所在的行读取`,
        `has ${misplaced} cell(s) whose address is not in their row: they are read in the row that holds them`,
      ),
    );
  return notices;
}

/** What the user should know of rows out of order and cells listed twice (read, nothing moved). */
function orderNotices(tally: SheetTally, words: SheetWords): Text[] {
  const { outOfOrder, doubledCells } = tally;
  const notices: Text[] = [];
  if (outOfOrder.length)
    notices.push(
      words.where(
        `的 XML 中行号不是递增的（如第 ${list(outOfOrder)} 行排在后面）：已按行号读取，没有丢弃`,
        `lists its rows out of order in its XML (rows ${listEn(outOfOrder)} come late): read by their numbers, none lost`,
      ),
    );
  if (doubledCells.length)
    notices.push(
      words.where(
        `的 XML 中单元格 ${doubledCells.join('、')} 出现了不止一次：只能读取最后一个`,
        `lists cells ${doubledCells.join(', ')} more than once in its XML: only the last one can be read`,
      ),
    );
  return notices;
}

/** What the user should know of formulas saved without their results: they are read as empty cells. */
function unsavedNotice(tally: SheetTally, words: SheetWords): Text {
  const n = tally.uncalculatedCount;
  const more = n > tally.uncalculated.length;
  return words.where(
    `有 ${count(n)} 个公式单元格没有保存计算结果（${tally.uncalculated.join('、')}${more ? ' 等' : ''}），按空白读取：` +
      '写出这个文件的程序没有计算公式。请在 Excel 或 WPS 中打开并保存后再检查',
    `has ${count(n)} formula cell${n > 1 ? 's' : ''} saved without ${n > 1 ? 'their results' : 'its result'} ` +
      `(${tally.uncalculated.join(', ')}${more ? ', …' : ''}), read as empty: the program that wrote the file did not ` +
      'calculate its formulas. Open and save it in Excel or WPS, then check it again',
  );
}

/**
 * The XML with the rows that would be lost (numbered twice, or not at all) given new numbers after the
 * sheet's last row, in document order, and every cell of a renumbered or misnumbered row put in its row.
 */
function renumber(
  b: Uint8Array,
  rowOf: readonly number[],
  maxRow: number,
  bud: Budgets,
): { bytes: Uint8Array; from: number; to: number } {
  const chunks: Uint8Array[] = [];
  const enc = new TextEncoder();
  let copied = 0;
  const replace = (from: number, to: number, text: string) => {
    chunks.push(b.subarray(copied, from), enc.encode(text));
    copied = to;
  };
  let next = maxRow;
  let index = 0;
  let row = 0;
  let prevCol = 0;
  for (let tag = nextStart(b, 0); tag; tag = nextStart(b, tag.end)) {
    if (nameIs(b, tag, 'row')) {
      const own = rowOf[index++] ?? 0;
      row = own || ++next;
      if (row > bud.rows)
        throw new FileProblem(
          t(
            `工作表的行号重复或无效，重新编号后超出了 Excel 的 ${count(bud.rows)} 行`,
            `the sheet's repeated or invalid row numbers run past Excel's ${count(bud.rows)} rows when renumbered`,
          ),
        );
      prevCol = 0;
      const ref = attrValue(b, tag, 'r');
      if (ref) replace(ref[0], ref[1], String(row));
      else replace(tag.attrs, tag.attrs, ` r="${row}"`);
    } else if (nameIs(b, tag, 'c')) {
      const ref = attrValue(b, tag, 'r');
      const at = ref ? cellRef(b, ref[0], ref[1]) : null;
      const col = at ? at.col : prevCol + 1;
      prevCol = col;
      if (ref && at) {
        if (at.row !== row) replace(at.digitsAt, ref[1], String(row));
      } else if (ref) replace(ref[0], ref[1], `${columnLetters(col)}${row}`);
      else replace(tag.attrs, tag.attrs, ` r="${columnLetters(col)}${row}"`);
    }
  }
  chunks.push(b.subarray(copied));
  let size = 0;
  for (const c of chunks) size += c.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return { bytes: out, from: maxRow + 1, to: next };
}

/** The number in a `…-repeated="N"` attribute of a tag (1 when absent or not a number). */
function repeated(b: Uint8Array, tag: Tag, name: string): number {
  const v = attrValue(b, tag, name);
  const n = v ? digits(b, v[0], v[1]) : 1;
  return Number.isNaN(n) ? 1 : n;
}

/**
 * An OpenDocument spreadsheet's content.xml, checked before the reader expands it: a row or cell that says
 * it is repeated (table:number-rows-repeated="1000000") is as many rows or cells as it says — counted with
 * its content against the budgets, so that a small file cannot expand into millions of cells.
 */
export function scanOdsContent(b: Uint8Array, bud: Budgets): void {
  let table = '';
  let row = 0;
  let cells = 0;
  let rowRepeat = 1;
  let rowCells = 0;
  let col = 0;
  const endRow = () => {
    if (rowCells > 0) {
      if (row + rowRepeat > bud.rows)
        throw new FileProblem(
          t(
            `工作表「${table}」的重复行超出了 Excel 的 ${count(bud.rows)} 行（rows）`,
            `sheet "${table}" repeats rows past Excel's ${count(bud.rows)} rows (rows)`,
          ),
        );
      cells += rowRepeat * rowCells;
      if (cells > bud.sheetCells)
        throw new FileProblem(
          t(
            `工作表「${table}」的重复行和单元格展开后超过上限 ${count(bud.sheetCells)} 个单元格（sheetCells）`,
            `sheet "${table}" expands its repeated rows and cells past the limit of ${count(bud.sheetCells)} cells (sheetCells)`,
          ),
        );
    }
    row += rowRepeat;
    rowRepeat = 1;
    rowCells = 0;
    col = 0;
  };
  for (let tag = nextStart(b, 0); tag; tag = nextStart(b, tag.end)) {
    if (nameIs(b, tag, 'table')) {
      endRow();
      const name = attrValue(b, tag, 'table:name');
      table = name ? new TextDecoder().decode(b.subarray(name[0], Math.min(name[1], name[0] + 200))) : '';
      row = 0;
      cells = 0;
    } else if (nameIs(b, tag, 'table-row')) {
      endRow();
      rowRepeat = repeated(b, tag, 'table:number-rows-repeated');
    } else if (nameIs(b, tag, 'table-cell') || nameIs(b, tag, 'covered-table-cell')) {
      const n = repeated(b, tag, 'table:number-columns-repeated');
      const content = !tag.selfClosing || attrValue(b, tag, 'office:value-type') !== null;
      col += n;
      if (content) {
        if (col > bud.columns)
          throw new FileProblem(
            t(
              `工作表「${table}」的重复单元格超出了 Excel 的 ${count(bud.columns)} 列（columns）`,
              `sheet "${table}" repeats cells past Excel's ${count(bud.columns)} columns (columns)`,
            ),
          );
        rowCells += n;
      }
    }
  }
  endRow();
}
