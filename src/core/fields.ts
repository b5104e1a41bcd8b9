// Roster columns (roster.md) and the headers administrators write for them.
// Headers are matched on a folded key (full/half width, case and spaces ignored);
// a trailing bracketed unit such as "学时（小时）" is also tried without the bracket.
import { fold } from './vocabulary';
import { t, Text } from './text';

export const FIELDS = [
  'teacherId',
  'name',
  'school',
  'year',
  'date',
  'project',
  'level',
  'mode',
  'hours',
  'days',
  'months',
  'grade',
  'award',
  'role',
  'rate',
  'category',
  'selfSelected',
  'credits',
  'certificate',
  'classTeacher',
  'assessment',
  'hireYear',
  'exempt',
] as const;
export type Field = (typeof FIELDS)[number];

export const HEADERS: Record<Field, readonly string[]> = {
  teacherId: [
    '身份证号',
    '身份证号码',
    '身份证',
    '公民身份号码',
    '教师编号',
    '证件号码',
    '工号',
    'id',
    'teacherid',
    'idnumber',
    'teacher id',
  ],
  name: ['姓名', '教师姓名', '名字', 'name', 'teacher', 'teachername'],
  school: ['学校', '单位', '工作单位', '任职学校', '学校名称', 'school'],
  year: ['年度', '登记年度', '学年度', '认定年度', 'year'],
  date: ['培训时间', '结业日期', '日期', '培训日期', '完成时间', '结业时间', 'date'],
  project: ['项目名称', '培训项目', '培训项目名称', '项目', '培训内容', '课程名称', 'project'],
  level: ['培训层次', '项目级别', '级别', '层次', '培训级别', 'level'],
  mode: ['培训方式', '培训形式', '研修方式', '类型', '培训类型', '研修模式', 'mode'],
  hours: ['学时', '培训学时', '学时数', '课时', '登记学时', 'hours'],
  days: ['天数', '培训天数', 'days'],
  months: ['月数', '时长(月)', '结对月数', 'months'],
  grade: ['成绩', '培训成绩', '考核等次', '等次', '考核成绩', '等级', 'grade', 'score'],
  award: ['获奖', '奖项', '获奖等级', 'award'],
  role: ['角色', '身份', '担任角色', 'role'],
  rate: ['项目学分', '学分标准', '每学时学分', 'rate'],
  category: ['课程类别', '类别', '模块', '课程模块', '培训模块', 'category', 'module'],
  selfSelected: ['自主选学', '是否自主选学', 'self-selected', 'selfselected'],
  credits: ['学分', '登记学分', '培训学分', '获得学分', 'credits'],
  certificate: ['证书编号', '继续教育证书编号', '证书号', 'certificate'],
  classTeacher: ['班主任', '是否班主任', 'class teacher', 'classteacher'],
  assessment: ['考核结果', '考核合格', '专业理论考核', 'assessment'],
  hireYear: ['入职年度', '招聘年度', '入职年份', '引进年度', '参加工作年度', 'hire year', 'hireyear'],
  exempt: ['免考核', '缓考', '免于考核', '补修', 'exempt'],
};

export const FIELD_LABELS: Record<Field, Text> = {
  teacherId: t('身份证号', 'teacher ID'),
  name: t('姓名', 'name'),
  school: t('学校', 'school'),
  year: t('年度', 'year'),
  date: t('培训时间', 'date'),
  project: t('项目名称', 'project'),
  level: t('培训层次', 'level'),
  mode: t('培训方式', 'mode'),
  hours: t('学时', 'hours'),
  days: t('天数', 'days'),
  months: t('月数', 'months'),
  grade: t('成绩', 'grade'),
  award: t('获奖', 'award'),
  role: t('角色', 'role'),
  rate: t('项目学分', 'rate'),
  category: t('课程类别', 'category'),
  selfSelected: t('自主选学', 'self-selected'),
  credits: t('登记学分', 'credits'),
  certificate: t('证书编号', 'certificate'),
  classTeacher: t('班主任', 'class teacher'),
  assessment: t('考核结果', 'assessment'),
  hireYear: t('入职年度', 'hire year'),
  exempt: t('免考核', 'exempt'),
};

/** Headers that name a resident ID number (checked with GB 11643), as opposed to a staff number. */
const ID_NUMBER_HEADERS = new Set(
  ['身份证号', '身份证号码', '身份证', '公民身份号码', '证件号码', 'idnumber'].map(fold),
);

const HEADER_INDEX: Map<string, Field> = (() => {
  const m = new Map<string, Field>();
  for (const f of FIELDS) for (const h of HEADERS[f]) m.set(fold(h), f);
  return m;
})();

/** No header is longer: a longer cell is data, and is never folded or scanned as a header. */
const HEADER_MAX = 100;

/**
 * The keys a header cell is looked up by: folded, without a required-field star or a trailing colon, and
 * without a trailing "(…)" ("学时(小时)" → "学时"). Scanned by hand: the patterns this replaces
 * (/[*:：]+$/g, /\([^)]*\)$/) took time growing with the square of a run of stars or brackets.
 */
function headerKeys(raw: string): string[] {
  const f = fold(raw);
  let end = f.length;
  while (end > 0 && (f[end - 1] === '*' || f[end - 1] === ':' || f[end - 1] === '：')) end--;
  let start = 0;
  while (start < end && f[start] === '*') start++;
  const k = f.slice(start, end);
  const keys = [k];
  if (k.endsWith(')')) {
    // the first "(" after the last ")" before the final one: what /\([^)]*\)$/ matched
    const open = k.indexOf('(', k.lastIndexOf(')', k.length - 2) + 1);
    const bare = open >= 0 && open < k.length - 1 ? k.slice(0, open) : k;
    if (bare !== k && bare) keys.push(bare);
  }
  return keys;
}

export function matchHeader(raw: unknown): Field | undefined {
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  if (typeof raw === 'string' && raw.length > HEADER_MAX) return undefined;
  for (const k of headerKeys(String(raw))) {
    const f = HEADER_INDEX.get(k);
    if (f) return f;
  }
  return undefined;
}

/** "A1"-style column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export interface ColumnMap {
  /** 0-based index of the header row within the rows given */
  headerRow: number;
  columns: Partial<Record<Field, number>>;
  /** the header text of each mapped column, as written */
  headers: Partial<Record<Field, string>>;
  /** whether the teacher column holds resident ID numbers (checked) or staff numbers */
  teacherIdIsIdNumber: boolean;
  /** header cells naming a field an earlier column of the row already names: not read (the first one is) */
  unread?: Array<{ field: Field; column: number; header: string }>;
}

/**
 * Find the header row among the first rows of a sheet: the row naming the most
 * roster fields, provided it names at least two and one of them is hours, mode or
 * the teacher. Titles and blank lines above the table are thus skipped.
 */
export function detectHeader(rows: ReadonlyArray<ReadonlyArray<unknown>>, scan = 30): ColumnMap | null {
  let best: ColumnMap | null = null;
  let bestCount = 0;
  for (let r = 0; r < Math.min(rows.length, scan); r++) {
    const row = rows[r] ?? [];
    const columns: Partial<Record<Field, number>> = {};
    const headers: Partial<Record<Field, string>> = {};
    let count = 0;
    let unread: ColumnMap['unread'];
    for (let c = 0; c < row.length; c++) {
      const f = matchHeader(row[c]);
      if (f && columns[f] === undefined) {
        columns[f] = c;
        headers[f] = String(row[c]);
        count++;
      } else if (f) (unread ??= []).push({ field: f, column: c, header: String(row[c]) });
    }
    const anchored = columns.hours !== undefined || columns.mode !== undefined || columns.teacherId !== undefined;
    if (count >= 2 && anchored && count > bestCount) {
      bestCount = count;
      best = {
        headerRow: r,
        columns,
        headers,
        teacherIdIsIdNumber:
          headers.teacherId !== undefined && headerKeys(headers.teacherId).some((k) => ID_NUMBER_HEADERS.has(k)),
        ...(unread ? { unread } : {}),
      };
    }
  }
  return best;
}

/** The column order of a header-less range (roster.md, CYCLE_PASS). */
export const HEADERLESS_ORDER: readonly Field[] = ['year', 'level', 'mode', 'hours', 'grade', 'category'];

export function headerlessMap(): ColumnMap {
  const columns: Partial<Record<Field, number>> = {};
  HEADERLESS_ORDER.forEach((f, i) => (columns[f] = i));
  return { headerRow: -1, columns, headers: {}, teacherIdIsIdNumber: false };
}
