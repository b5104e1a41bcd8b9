// Realistic sample rosters, one per region: a few dozen teachers over a full cycle,
// Chinese headers as administrators write them, and a handful of deliberate
// mistakes (listed in MISTAKES so tests can expect them). Deterministic: the same
// seed gives the same workbook. The benchmark uses the same generator at scale.
import { checkDigit } from '../core/idcard';
import { RULES, type RegionId } from '../rules';
import { computeCredits } from '../engine/api';

/** mulberry32: a tiny deterministic PRNG, so samples are reproducible byte for byte. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛阎段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘';

interface RegionProfile {
  area: string; // first 6 digits of resident IDs
  schools: string[];
  title: string;
  cycleStart: number;
  years: number;
  sheet: string;
}

export const PROFILES: Record<RegionId, RegionProfile> = {
  hainan: {
    area: '460100',
    schools: ['海口市第一中学', '海口市琼山中学', '海口市滨海第九小学', '海口市秀英区长流中心幼儿园'],
    title: '2019—2023年度教师培训学分登记表',
    cycleStart: 2019,
    years: 5,
    sheet: '培训登记',
  },
  shandong: {
    area: '370102',
    schools: ['济南市历下区实验小学', '济南市第十二中学', '济南外国语学校', '济南市历下区第二实验幼儿园'],
    title: '2019—2023年中小学教师继续教育学分登记表',
    cycleStart: 2019,
    years: 5,
    sheet: '学分登记',
  },
  zhengzhou: {
    area: '410102',
    schools: ['郑州市第八中学', '郑州市中原区外国语小学', '郑州市第五十七中学', '郑州市中原区伏牛路小学'],
    title: '郑州市中小学教师继续教育学时登记表（2019—2023）',
    cycleStart: 2019,
    years: 5,
    sheet: '学时登记',
  },
  puer: {
    area: '530802',
    schools: ['普洱市第一中学', '思茅区第一小学', '思茅区第四中学', '普洱市民族中学'],
    title: '普洱市中小学教师全员培训学时学分项目登记表（2019—2023年度）',
    cycleStart: 2019,
    years: 5,
    sheet: '项目登记',
  },
  qitai: {
    area: '652325',
    schools: ['奇台县第一中学', '奇台县第三小学', '奇台县第二中学', '奇台县第一幼儿园'],
    title: '奇台县第七个五年管理周期教师继续教育学分登记表（2024—2028）',
    cycleStart: 2024,
    years: 3,
    sheet: '学分登记',
  },
};

export interface Teacher {
  id: string;
  name: string;
  school: string;
  schoolIndex: number;
  classTeacher: boolean;
  hireYear?: number;
  /** how diligent: 1 meets every requirement comfortably, lower falls short */
  diligence: number;
}

export function makeTeacher(region: RegionId, index: number, rand: () => number): Teacher {
  const p = PROFILES[region];
  const y = 1965 + Math.floor(rand() * 33);
  const m = 1 + Math.floor(rand() * 12);
  const d = 1 + Math.floor(rand() * 28);
  const seq = String(100 + ((index * 7) % 899)).padStart(3, '0');
  const body = `${p.area}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${seq}`;
  const name =
    SURNAMES[Math.floor(rand() * SURNAMES.length)]! +
    GIVEN[Math.floor(rand() * GIVEN.length)]! +
    (rand() < 0.6 ? GIVEN[Math.floor(rand() * GIVEN.length)]! : '');
  const schoolIndex = index % p.schools.length;
  const r = rand();
  return {
    id: body + checkDigit(body),
    name,
    school: p.schools[schoolIndex]!,
    schoolIndex,
    classTeacher: rand() < 0.35,
    diligence: r < 0.78 ? 1 : r < 0.9 ? 0.8 : 0.55,
  };
}

type Row = Record<string, string | number | null>;

/** What one teacher's year draws on: the teacher, the year, and the generator's dice shaped for the rows. */
interface YearDraw {
  t: Teacher;
  year: number;
  rand: () => number;
  pick: <T>(xs: T[]) => T;
  /** hours as the course gives them, fewer for a less diligent teacher (never under 2) */
  scale: (h: number) => number;
  grade: () => string | number;
  /** a day in `month` of the year */
  date: (month: number) => string;
}

function yearDraw(t: Teacher, year: number, rand: () => number): YearDraw {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  return {
    t,
    year,
    rand,
    pick,
    scale: (h) => Math.max(2, Math.round(h * t.diligence)),
    grade: () => pick(['优秀', '良好', '良好', '合格', '合格', '合格', 92, 85, 78, 66]),
    date: (month) =>
      `${year}-${String(month).padStart(2, '0')}-${String(5 + Math.floor(rand() * 20)).padStart(2, '0')}`,
  };
}

/**
 * Hainan: a national or provincial course, online study and school-based training; now and then a
 * demonstration lesson, or a mentoring pair counted in months.
 */
function hainanYear({ year, rand, pick, scale, date }: YearDraw): Row[] {
  const rows: Row[] = [];
  rows.push({
    项目名称: pick(['国培计划—乡村教师访名校', '省级骨干教师培训', '海南省中小学教师信息技术应用能力提升']),
    培训层次: pick(['国家级', '省级', '省级']),
    培训方式: pick(['集中培训', '集中培训', '跟班培训']),
    学时: scale(pick([32, 40, 48])),
    成绩: '合格',
    培训时间: date(7),
  });
  rows.push({
    项目名称: '海南省教师网络研修',
    培训层次: '省级',
    培训方式: '网络研修',
    学时: scale(pick([40, 50, 60])),
    成绩: '合格',
    培训时间: date(11),
  });
  rows.push({
    项目名称: `${year}年度校本研修`,
    培训层次: '校级',
    培训方式: '校级研训',
    学时: scale(24),
    成绩: '合格',
    培训时间: date(12),
  });
  if (rand() < 0.2)
    rows.push({
      项目名称: '市县教学开放周示范课',
      培训层次: '市县级',
      培训方式: '示范课',
      学时: 2,
      成绩: '合格',
      培训时间: date(4),
    });
  if (rand() < 0.1)
    rows.push({
      项目名称: '青蓝工程师徒结对',
      培训层次: '校级',
      培训方式: '师徒结对',
      月数: pick([1, 3, 6]),
      学时: null,
      成绩: '合格',
      培训时间: date(6),
    });
  return rows;
}

/**
 * Shandong: provincial distance study, a city or county course and school training; a class teacher's
 * course every other year.
 */
function shandongYear({ t, year, pick, scale, date }: YearDraw): Row[] {
  const rows: Row[] = [];
  rows.push({
    项目名称: pick(['山东省中小学教师远程研修', '齐鲁名师建设工程']),
    培训层次: '省级',
    培训方式: '远程培训',
    学时: scale(pick([30, 36])),
    成绩: '合格',
    培训时间: date(7),
  });
  rows.push({
    项目名称: pick(['济南市骨干教师培训', '历下区新课标专题培训']),
    培训层次: pick(['市级', '县级']),
    培训方式: '集中培训',
    学时: scale(pick([16, 24])),
    成绩: '合格',
    培训时间: date(8),
    课程类别: pick(['专业课', '专业课', '公需科目']),
  });
  rows.push({
    项目名称: `${year}年校本培训`,
    培训层次: '校级',
    培训方式: '校本培训',
    学时: scale(20),
    成绩: '合格',
    培训时间: date(12),
  });
  if (t.classTeacher && year % 2 === 0)
    rows.push({
      项目名称: '班主任工作专题培训',
      培训层次: '县级',
      培训方式: '班主任培训',
      学时: 16,
      成绩: '合格',
      培训时间: date(10),
    });
  return rows;
}

/** Zhengzhou: online study, school-based study and a city or county course. */
function zhengzhouYear({ year, pick, scale, date }: YearDraw): Row[] {
  const rows: Row[] = [];
  rows.push({
    项目名称: pick(['河南省中小学教师远程培训', '国培计划（网络研修）']),
    培训层次: pick(['省级', '国家级']),
    培训方式: '网络研修',
    学时: scale(40),
    成绩: '合格',
    培训时间: date(7),
  });
  rows.push({
    项目名称: `${year}年校本研修`,
    培训层次: '校级',
    培训方式: '校本研修',
    学时: scale(16),
    成绩: '合格',
    培训时间: date(12),
  });
  rows.push({
    项目名称: pick(['郑州市学科骨干教师培训', '中原区新教材培训']),
    培训层次: pick(['市级', '县级']),
    培训方式: '集中培训',
    学时: scale(pick([16, 24])),
    成绩: '合格',
    培训时间: date(8),
  });
  return rows;
}

/** Pu'er: modules with project credits and elective flags; now and then a county teaching contest. */
function puerYear({ t, year, rand, pick, scale, grade, date }: YearDraw): Row[] {
  const rows: Row[] = [];
  const sel = () => (rand() < 0.8 ? '是' : '否');
  // Modules spread over the cycle as a county plans them (三、学分构成 minimums).
  const k = year - PROFILES.puer.cycleStart;
  rows.push({
    项目名称: '云南省中小学教师网络研修',
    培训层次: '省级',
    培训方式: '网络研修',
    学时: scale(30),
    成绩: grade(),
    项目学分: 1,
    课程类别: k % 2 === 1 ? '专业知识' : '专业能力',
    自主选学: sel(),
    培训时间: date(7),
  });
  rows.push({
    项目名称: pick(['普洱市学科骨干教师集中研修', '思茅区新课标集中研修']),
    培训层次: pick(['市级', '县级']),
    培训方式: '集中研修',
    学时: scale(30),
    成绩: grade(),
    项目学分: pick([1, 1.2, 1.5]),
    课程类别: k === 0 ? '专业理念与师德' : k === 1 ? '班级管理' : '专业能力',
    自主选学: sel(),
    培训时间: date(8),
  });
  if (t.classTeacher && k === 2)
    rows.push({
      项目名称: '思茅区班主任专题培训',
      培训层次: '县级',
      培训方式: '班主任培训',
      学时: 30,
      成绩: '合格',
      项目学分: 1,
      课程类别: '班级管理',
      自主选学: '否',
      培训时间: date(10),
    });
  rows.push({
    项目名称: `${year}年度校本研修`,
    培训层次: '校级',
    培训方式: '校本研修',
    学时: scale(30),
    成绩: grade(),
    项目学分: 1,
    课程类别: '校本研修',
    自主选学: '是',
    培训时间: date(12),
  });
  if (rand() < 0.15)
    rows.push({
      项目名称: '县级教学比赛',
      培训层次: '县级',
      培训方式: '教学比赛',
      学时: 6,
      获奖: pick(['一等奖', '二等奖', '三等奖', '']),
      课程类别: '专业能力',
      自主选学: '是',
      培训时间: date(5),
    });
  return rows;
}

/** Qitai: a cohort course, the national platform, school-based study; half the time a county teaching activity. */
function qitaiYear({ t, year, rand, scale, date }: YearDraw): Row[] {
  const rows: Row[] = [];
  // 五(二)2 caps good-or-better at 30 % of a cohort: trainers rate most teachers 合格.
  const no = Number(t.id.slice(14, 17));
  const g = no % 20 === 0 ? '优秀' : no % 20 === 10 ? '良好' : '合格';
  const cohort = (no + year) % 2 === 0 ? '区培计划—骨干教师能力提升' : '昌吉州初中教师全员培训';
  rows.push({
    项目名称: cohort,
    培训层次: cohort.startsWith('区培') ? '自治区级' : '州级',
    培训方式: '集中培训',
    学时: scale(40),
    成绩: g,
    课程类别: '专业课',
    培训时间: date(7),
  });
  rows.push({
    项目名称: '国家中小学智慧教育平台研修',
    培训层次: '国家级',
    培训方式: '网络培训',
    学时: scale(50),
    成绩: '合格',
    课程类别: year % 2 === 0 ? '公共课' : '专业课',
    培训时间: date(2),
  });
  rows.push({
    项目名称: `${year}年校本研修`,
    培训层次: '校级',
    培训方式: '校本研修',
    学时: scale(25),
    成绩: '合格',
    课程类别: '校本',
    培训时间: date(9),
  });
  if (rand() < 0.5)
    rows.push({
      项目名称: '县级学科教研活动',
      培训层次: '县级',
      培训方式: '教研活动',
      学时: scale(12),
      成绩: '合格',
      课程类别: '选修',
      培训时间: date(11),
    });
  return rows;
}

/** A region's typical offer of training activities in one year. */
const YEAR_OFFERS: Record<RegionId, (d: YearDraw) => Row[]> = {
  hainan: hainanYear,
  shandong: shandongYear,
  zhengzhou: zhengzhouYear,
  puer: puerYear,
  qitai: qitaiYear,
};

/** Training activities of one teacher in one year, under a region's typical offer. */
function yearRecords(region: RegionId, t: Teacher, year: number, rand: () => number): Row[] {
  return YEAR_OFFERS[region](yearDraw(t, year, rand));
}

export const HEADERS: Record<RegionId, string[]> = {
  hainan: [
    '序号',
    '姓名',
    '身份证号',
    '学校',
    '培训时间',
    '项目名称',
    '培训层次',
    '培训方式',
    '学时',
    '月数',
    '成绩',
    '登记学分',
    '入职年度',
  ],
  shandong: [
    '序号',
    '姓名',
    '身份证号码',
    '工作单位',
    '年度',
    '项目名称',
    '培训层次',
    '培训形式',
    '学时',
    '成绩',
    '课程类别',
    '登记学分',
    '班主任',
    '免考核',
  ],
  zhengzhou: [
    '序号',
    '姓名',
    '身份证号',
    '单位',
    '年度',
    '培训项目',
    '项目级别',
    '培训方式',
    '培训学时',
    '考核结果',
    '入职年度',
  ],
  puer: [
    '序号',
    '姓名',
    '身份证号',
    '学校',
    '培训时间',
    '项目名称',
    '培训层次',
    '培训方式',
    '培训学时',
    '培训成绩',
    '项目学分',
    '获奖',
    '模块',
    '自主选学',
    '培训学分',
    '班主任',
  ],
  qitai: [
    '序号',
    '姓名',
    '身份证号',
    '学校',
    '培训时间',
    '项目名称',
    '培训层次',
    '培训方式',
    '学时',
    '考核等次',
    '课程类别',
    '证书编号',
  ],
};

/** The deliberate mistakes each sample carries, as issue codes a check must report. */
export const MISTAKES: Record<RegionId, string[]> = {
  hainan: [
    'ID_INVALID',
    'LEVEL_UNKNOWN',
    'HOURS_NOT_NUMBER',
    'DUPLICATE_RECORD',
    'CREDITS_MISMATCH',
    'YEAR_OUTSIDE_CYCLE',
  ],
  shandong: ['ID_INVALID', 'MODE_UNKNOWN', 'HOURS_NEGATIVE', 'DUPLICATE_RECORD', 'CREDITS_MISMATCH', 'GRADE_UNKNOWN'],
  zhengzhou: [
    'ID_INVALID',
    'LEVEL_UNKNOWN',
    'HOURS_NOT_NUMBER',
    'DUPLICATE_RECORD',
    'YEAR_INVALID',
    'HOURS_IMPLAUSIBLE',
  ],
  puer: ['ID_INVALID', 'RATE_OUT_OF_RANGE', 'GRADE_UNKNOWN', 'DUPLICATE_RECORD', 'CREDITS_MISMATCH', 'LEVEL_UNKNOWN'],
  qitai: [
    'ID_INVALID',
    'CERTIFICATE_INVALID',
    'HOURS_NOT_NUMBER',
    'DUPLICATE_RECORD',
    'MODE_UNKNOWN',
    'YEAR_OUTSIDE_CYCLE',
    'COHORT_QUOTA_EXCEEDED',
  ],
};

export interface Sample {
  region: RegionId;
  sheet: string;
  title: string;
  /** title row, header row, data rows */
  rows: Array<Array<string | number | null>>;
  properties: Record<string, string>;
}

/** A roster for one region. `mistakes: false` gives a clean roster (the benchmark scales it). */
export function generate(
  region: RegionId,
  opts: { teachers?: number; seed?: number; mistakes?: boolean; computeCredits?: (row: Row) => number | null } = {},
): Sample {
  const p = PROFILES[region];
  const rand = rng(opts.seed ?? 20261123);
  const n = opts.teachers ?? 36;
  const headers = HEADERS[region];
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const t = makeTeacher(region, i, rand);
    if (i % 11 === 5) t.hireYear = p.cycleStart;
    for (let k = 0; k < p.years; k++) {
      const year = p.cycleStart + k;
      for (const r of yearRecords(region, t, year, rand)) {
        const row: Row = {
          ...r,
          姓名: t.name,
          身份证号: t.id,
          身份证号码: t.id,
          学校: t.school,
          工作单位: t.school,
          单位: t.school,
          年度: year,
          培训项目: r['项目名称'] ?? null,
          项目级别: r['培训层次'] ?? null,
          培训形式: r['培训方式'] ?? null,
          培训学时: r['学时'] ?? null,
          培训成绩: r['成绩'] ?? null,
          考核等次: r['成绩'] ?? null,
          考核结果: r['成绩'] ?? null,
          模块: r['课程类别'] ?? null,
        };
        if (t.classTeacher) row['班主任'] = '是';
        if (t.hireYear) row['入职年度'] = t.hireYear;
        if (region === 'qitai')
          row['证书编号'] = `07072${String(1 + i).padStart(5, '0')}`.replace(
            /^070720/,
            `07072${t.schoolIndex === 3 ? 4 : t.schoolIndex === 1 ? 1 : 2}`,
          );
        rows.push(row);
      }
    }
  }
  // Entered credits as an administrator would have typed them, before the mistakes.
  if (opts.computeCredits) {
    const col = headers.includes('登记学分') ? '登记学分' : headers.includes('培训学分') ? '培训学分' : null;
    if (col) for (const r of rows) r[col] = opts.computeCredits(r);
  }
  if (opts.mistakes !== false) injectMistakes(region, rows, headers);
  const data = rows.map((r, i) => headers.map((h) => (h === '序号' ? i + 1 : (r[h] ?? null))));
  const properties: Record<string, string> = { 'CPD.region': region };
  if (region !== 'qitai') properties['CPD.cycleStart'] = String(p.cycleStart);
  return { region, sheet: p.sheet, title: p.title, rows: [[p.title], headers, ...data], properties };
}

/** The columns a region's headers give the fields a mistake goes into. */
interface MistakeColumns {
  id: string;
  hours: string;
  level: string;
  mode: string;
  grade: string;
  credit: string;
}

function mistakeColumns(headers: string[]): MistakeColumns {
  return {
    id: headers.includes('身份证号码') ? '身份证号码' : '身份证号',
    hours: headers.includes('培训学时') ? '培训学时' : '学时',
    level: headers.includes('项目级别') ? '项目级别' : '培训层次',
    mode: headers.includes('培训形式') ? '培训形式' : '培训方式',
    grade: headers.includes('培训成绩') ? '培训成绩' : headers.includes('考核等次') ? '考核等次' : '成绩',
    credit: headers.includes('登记学分') ? '登记学分' : '培训学分',
  };
}

const set = (rows: Row[], i: number, col: string, v: string | number | null) => (rows[i]![col] = v);

/** How each mistake a region may carry is made (ID_INVALID and DUPLICATE_RECORD: every sample, first). */
const MISTAKE_MAKERS: Partial<Record<string, (rows: Row[], col: MistakeColumns, region: RegionId) => void>> = {
  LEVEL_UNKNOWN: (rows, col) => set(rows, 40, col.level, '省集'),
  MODE_UNKNOWN: (rows, col) => set(rows, 40, col.mode, '网上学习'),
  HOURS_NOT_NUMBER: (rows, col) => set(rows, 55, col.hours, '二十'),
  HOURS_NEGATIVE: (rows, col) => set(rows, 55, col.hours, -12),
  HOURS_IMPLAUSIBLE: (rows, col) => set(rows, 70, col.hours, 640),
  GRADE_UNKNOWN: (rows, col) => set(rows, 62, col.grade, '优良'),
  CREDITS_MISMATCH: (rows, col) => set(rows, 80, col.credit, Number(rows[80]![col.credit] ?? 0) + 2),
  RATE_OUT_OF_RANGE: (rows) => {
    const i = rows.findIndex((r, k) => k > 30 && r['培训方式'] === '集中研修');
    set(rows, i, '项目学分', 3.5);
  },
  YEAR_OUTSIDE_CYCLE: (rows, _col, region) => {
    const copy = {
      ...rows[90]!,
      年度: PROFILES[region].cycleStart - 2,
      培训时间: `${PROFILES[region].cycleStart - 2}-10-12`,
    };
    rows.splice(91, 0, copy);
  },
  YEAR_INVALID: (rows) => set(rows, 95, '年度', '2021年13月'),
  COHORT_QUOTA_EXCEEDED: addQuotaWorkshop,
  CERTIFICATE_INVALID: (rows) => {
    const id = rows[100]!['身份证号'];
    for (const r of rows) if (r['身份证号'] === id) r['证书编号'] = '0799200015';
  },
};

/** A small workshop whose trainer rated three of five teachers 优秀. */
function addQuotaWorkshop(rows: Row[]): void {
  const bases = rows
    .slice(110)
    .filter((r, k, all) => all.findIndex((x) => x['身份证号'] === r['身份证号']) === k)
    .slice(0, 5);
  ['优秀', '优秀', '优秀', '合格', '合格'].forEach((g, k) => {
    const base = bases[k]!;
    rows.push({
      ...base,
      项目名称: '奇台县名师工作坊研修',
      培训层次: '县级',
      培训方式: '集中培训',
      学时: 24,
      成绩: g,
      考核等次: g,
      课程类别: '选修',
      年度: 2025,
      培训时间: '2025-10-18',
    });
  });
}

function injectMistakes(region: RegionId, rows: Row[], headers: string[]): void {
  const col = mistakeColumns(headers);
  // a mistyped ID: last digit changed, so the check digit fails
  const bad = rows[3]![col.id] as string;
  const wrong = bad.slice(0, 17) + (bad[17] === '1' ? '2' : '1');
  for (const r of rows) if (r[col.id] === bad) r[col.id] = wrong;
  // an exact duplicate registration of a row
  rows.splice(21, 0, { ...rows[20]! });
  for (const code of MISTAKES[region]) MISTAKE_MAKERS[code]?.(rows, col, region);
}

/**
 * The credits an administrator would have typed beside a sample row: the engine's own figure for the row,
 * whatever the region's headers call its columns. Filled in before the deliberate mistakes are made.
 */
export function sampleCredits(region: RegionId): (row: Record<string, string | number | null>) => number | null {
  return (r) =>
    computeCredits({
      rules: RULES[region],
      hours: r['学时'] ?? r['培训学时'],
      level: r['培训层次'],
      mode: r['培训方式'],
      grade: r['成绩'],
      rate: r['项目学分'],
      months: r['月数'],
      award: r['获奖'],
      category: r['课程类别'],
    }).credits;
}
