// The canonical vocabularies of roster.md and every spelling an administrator may
// type for them. Matching is done on a folded key (see `fold`), so full-width
// letters, stray spaces and case never matter.
import { t, Text } from './text';

export const LEVELS = ['national', 'provincial', 'prefecture', 'county', 'school'] as const;
export type Level = (typeof LEVELS)[number];

export const MODES = [
  'centralized',
  'followAlong',
  'online',
  'schoolBased',
  'exam',
  'lecture',
  'mentorship',
  'degree',
  'studio',
  'research',
  'competition',
  'newTeacher',
  'classTeacher',
  'selfStudy',
  'support',
] as const;
export type Mode = (typeof MODES)[number];

export const GRADES = ['excellent', 'good', 'fair', 'pass', 'fail'] as const;
export type Grade = (typeof GRADES)[number];

export const AWARDS = ['first', 'second', 'third', 'none'] as const;
export type Award = (typeof AWARDS)[number];

export const ROLES = [
  'host',
  'member',
  'student',
  'participant',
  'mentor',
  'apprentice',
  'lecturer',
  'expert',
  'instructor',
] as const;
export type Role = (typeof ROLES)[number];

export const CATEGORIES = [
  'requiredPublic',
  'requiredProfessional',
  'elective',
  'schoolBased',
  'ethics',
  'knowledge',
  'ability',
  'classManagement',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Vocabulary<T extends string> {
  name: Text;
  /** canonical value → spellings; the first Chinese spelling is the display name */
  spellings: Record<T, readonly string[]>;
}

/**
 * Fold a cell's text for matching: NFKC turns full-width digits, letters and
 * brackets into ASCII; then case and every kind of white space are dropped.
 */
export function fold(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u3000\u00a0]+/g, '');
}

const folded = new Map<string, string>();

/**
 * fold, made once for each distinct text: the judges fold a project's name or a teacher's ID on every record,
 * and a roster repeats them on many rows. Bounded: a cache that fills up starts again.
 */
export function foldOnce(s: string): string {
  let f = folded.get(s);
  if (f === undefined) {
    if (folded.size >= 20_000) folded.clear();
    folded.set(s, (f = fold(s)));
  }
  return f;
}

export const LEVEL_VOCAB: Vocabulary<Level> = {
  name: t('培训层次', 'level'),
  spellings: {
    national: ['国家级', '国培', '国家', '国培计划', 'national'],
    provincial: ['省级', '自治区级', '省培', '区培', '省', '区培计划', 'provincial'],
    prefecture: [
      '市级',
      '州级',
      '地级',
      '地(州、市)级',
      '地州市级',
      '市州级',
      '地州级',
      '地区级',
      '市',
      'prefecture',
      'city',
    ],
    county: ['县级', '县(区)级', '县区级', '区县级', '县', 'county', 'district'],
    school: ['校级', '园级', '校本', '校(园)级', '校园级', '学校', 'school'],
  },
};

export const MODE_VOCAB: Vocabulary<Mode> = {
  name: t('培训方式', 'mode'),
  spellings: {
    centralized: [
      '集中培训',
      '集中研修',
      '面授',
      '基地培训',
      '集中',
      '短期集中培训',
      '脱产培训',
      'centralized',
      'face-to-face',
    ],
    followAlong: ['跟班培训', '外派跟班培训', '跟岗培训', '跟班', 'followalong', 'follow-along'],
    online: ['网络研修', '远程培训', '网络培训', '线上培训', '网络', '远程', '网络研修与校本研修', 'online'],
    schoolBased: ['校本研修', '校本培训', '校级研训', '校本', '校(园)本培训', 'schoolbased', 'school-based'],
    exam: ['专业考试', '教师专业考试', '考试', 'exam'],
    lecture: ['主讲', '授课', '讲座', '示范课', '公开课', '讲座报告', 'lecture'],
    mentorship: ['师徒', '师徒结对', '师徒式培训', '青蓝工程', 'mentorship'],
    degree: ['学历提升', '学历教育', '学历提高', '学历进修', '学历(学位)提升', 'degree'],
    studio: ['工作室', '工作坊', '名师工作室', '工作室(坊)', 'studio'],
    research: ['课题', '课题研究', '教研课题', 'research'],
    competition: ['教研活动', '教学比赛', '课堂教学比赛', '教学竞赛', '课堂教学竞赛', 'competition'],
    newTeacher: [
      '新教师培训',
      '试用期培训',
      '适岗培训',
      '新任教师培训',
      '上岗培训',
      '岗前培训',
      'newteacher',
      'new-teacher',
    ],
    classTeacher: ['班主任培训', '班主任工作专题培训', '班主任专题培训', 'classteacher', 'class-teacher'],
    selfStudy: ['自主研修', '自主研习', '自学', 'selfstudy', 'self-study'],
    support: ['支教', '送教', '支教送教', '送教下乡', 'support'],
  },
};

export const GRADE_VOCAB: Vocabulary<Grade> = {
  name: t('成绩', 'grade'),
  spellings: {
    excellent: ['优', '优秀', 'a', 'excellent'],
    good: ['良', '良好', 'b', 'good'],
    fair: ['中', '中等', 'c', 'fair'],
    pass: ['合格', '及格', '通过', 'd', 'pass'],
    fail: ['不合格', '不及格', '未通过', 'e', 'fail'],
  },
};

export const AWARD_VOCAB: Vocabulary<Award> = {
  name: t('获奖', 'award'),
  spellings: {
    first: ['一等奖', '一等', 'first', '1st'],
    second: ['二等奖', '二等', 'second', '2nd'],
    third: ['三等奖', '三等', 'third', '3rd'],
    none: ['无', '未获奖', '没有', 'none', '-'],
  },
};

export const ROLE_VOCAB: Vocabulary<Role> = {
  name: t('角色', 'role'),
  spellings: {
    host: ['主持人', '坊主', '课题主持人', '主持', 'host'],
    member: ['成员', '坊员', 'member'],
    student: ['学员', 'student'],
    participant: ['参与人', '参与者', '参与人员', '课题组成员', 'participant'],
    mentor: ['师傅', '导师', 'mentor'],
    apprentice: ['徒弟', 'apprentice'],
    lecturer: ['主讲教师', '主讲老师', '主讲人', '主讲', '培训者', 'lecturer'],
    // 山东 第十七条 names 主讲老师、课程专家和指导老师 (the text's 老师 is a rewrite of 教师) as three
    // roles: separate values, so that regions whose texts credit the 主讲教师 alone do not treat
    // a course expert or an instructor as a lecturer. 指导老师 guides trainees in a training
    // course; it is not the 导师/师傅 of 师徒结对 (mentor).
    expert: ['课程专家', '专家', 'expert'],
    instructor: ['指导老师', '指导教师', 'instructor'],
  },
};

export const CATEGORY_VOCAB: Vocabulary<Category> = {
  name: t('课程类别', 'category'),
  spellings: {
    requiredPublic: ['公共课', '公需科目', '公需课', '必修公共课', 'requiredpublic', 'public'],
    requiredProfessional: [
      '专业课',
      '必修',
      '必修专业课',
      '必修课',
      'requiredprofessional',
      'professional',
      'required',
    ],
    elective: ['选修', '选修课', '选修课程', 'elective'],
    schoolBased: ['校本', '校本课程', '校本研修', 'schoolbased', 'school-based'],
    ethics: ['专业理念与师德', '师德', '专业理念与师德修养', 'ethics'],
    knowledge: ['专业知识', 'knowledge'],
    ability: ['专业能力', 'ability'],
    classManagement: ['班级管理', 'classmanagement', 'class-management'],
  },
};

export const BOOL_SPELLINGS: Record<'yes' | 'no', readonly string[]> = {
  yes: ['是', '√', '✓', 'y', 'yes', 'true', '1', '有', '合格', '通过'],
  no: ['否', '×', '✗', 'n', 'no', 'false', '0', '无', '不合格', '未通过'],
};

/** Display name of a canonical value: its first spelling (Chinese) and the canonical id. */
export function displayName<T extends string>(vocab: Vocabulary<T>, value: T): string {
  return vocab.spellings[value][0]!;
}

const indexCache = new WeakMap<object, Map<string, string>>();

function indexOf<T extends string>(vocab: Vocabulary<T>, extra?: Record<string, T>): Map<string, T> {
  if (!extra) {
    const cached = indexCache.get(vocab);
    if (cached) return cached as Map<string, T>;
  }
  const index = new Map<string, T>();
  for (const [value, spellings] of Object.entries(vocab.spellings) as Array<[T, readonly string[]]>) {
    index.set(fold(value), value);
    for (const s of spellings) index.set(fold(s), value);
  }
  if (extra) for (const [s, v] of Object.entries(extra)) index.set(fold(s), v);
  else indexCache.set(vocab, index);
  return index;
}

const aliasCache = new WeakMap<object, Map<string, string>>();
/** Recent look-ups by raw text: a roster repeats the same few spellings thousands of times. */
const recent = new WeakMap<object, Map<string, string | null>>();
const RECENT_MAX = 2000;

/** Look a value up; `aliases` are a region's own spellings that win over the common ones. */
export function lookup<T extends string>(
  vocab: Vocabulary<T>,
  raw: string,
  aliases?: Record<string, T>,
): T | undefined {
  const cacheKey = aliases ?? vocab;
  let memo = recent.get(cacheKey);
  if (!memo) recent.set(cacheKey, (memo = new Map()));
  const hit = memo.get(raw);
  if (hit !== undefined) return (hit ?? undefined) as T | undefined;
  const key = fold(raw);
  let found: T | undefined;
  if (aliases) {
    let folded = aliasCache.get(aliases) as Map<string, T> | undefined;
    if (!folded) aliasCache.set(aliases, (folded = new Map(Object.entries(aliases).map(([s, v]) => [fold(s), v]))));
    found = folded.get(key);
  }
  found ??= indexOf(vocab).get(key);
  if (memo.size >= RECENT_MAX) memo.clear();
  memo.set(raw, found ?? null);
  return found;
}

function levenshtein(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[n]!;
}

/** Values longer than this are not a mistyped word: no edit distance is computed for them. */
export const SUGGEST_MAX_LENGTH = 20;

export interface Candidate<T extends string> {
  value: T;
  /** the value's display spelling (its first) — what a fix would write */
  spelling: string;
  score: number;
}

/**
 * The accepted values closest to an unknown one, best first, at most one per value, so that an error
 * can say "did you mean 省级?". Characters shared count as much as edit distance, since Chinese
 * spellings are short and one wrong character is already a large edit. Long text gets no suggestion.
 */
export function nearestValues<T extends string>(vocab: Vocabulary<T>, raw: string, count = 3): Candidate<T>[] {
  const key = fold(raw);
  if (key.length === 0 || key.length > SUGGEST_MAX_LENGTH) return [];
  const best = new Map<T, Candidate<T>>();
  for (const [value, spellings] of Object.entries(vocab.spellings) as Array<[T, readonly string[]]>) {
    for (const s of spellings) {
      const f = fold(s);
      if (/^[a-z0-9-]{1,3}$/.test(f) && f !== key) continue; // skip terse codes such as "a"
      const shared = [...new Set(f)].filter((c) => key.includes(c)).length;
      const score = levenshtein(key, f) - shared * 0.5;
      const prev = best.get(value);
      if (!prev || score < prev.score) best.set(value, { value, spelling: spellings[0]!, score });
    }
  }
  return [...best.values()].sort((x, y) => x.score - y.score).slice(0, count);
}

/** The one value a fix may offer: clearly closer than any other, and close at all. */
export function suggestion<T extends string>(candidates: readonly Candidate<T>[]): Candidate<T> | undefined {
  const [a, b] = candidates;
  if (!a || a.score > 1.5) return undefined;
  return !b || a.score < b.score ? a : undefined;
}

/** The accepted values of a list, in each language: 国家级、省级 … / national, provincial … */
export function acceptedList<T extends string>(vocab: Vocabulary<T>, only?: readonly T[]): Text {
  const values = only ?? (Object.keys(vocab.spellings) as T[]);
  return t(values.map((v) => vocab.spellings[v][0]).join('、'), values.join(', '));
}
