// The words of `cpd-credits --help`, Chinese first: an administrator reads the help before anything else.
import type { Lang } from '../core/text';
import { say } from '../core/text';
import { REGIONS, RULES } from '../rules';

// the regions as the rule sets name them, so that a new region appears in the help by itself
const regionsIn = (lang: Lang, sep: string) => REGIONS.map((id) => `${say(RULES[id].name, lang)} ${id}`).join(sep);

const ZH = {
  program: `教师培训学分助手：按地区规定检查教师培训学分登记表（${regionsIn('zh', '、')}）`,
  version: '显示版本号',
  help: '显示帮助',
  helpCommand: '显示某个命令的帮助',
  afterError: '（加 --help 查看用法）',
  errorPrefix: '参数有误：',
  titles: {
    'Usage:': '用法：',
    'Options:': '选项：',
    'Commands:': '命令：',
    'Arguments:': '参数：',
    'Global Options:': '全局选项：',
  } as Record<string, string>,
  check: '检查登记表：逐行校验，判定每位教师的年度与周期。可一次给出多个文件和文件夹（含子文件夹），作为同一份名册检查',
  files: '登记表文件或文件夹：.xlsx .xlsm .xlsb .xls .et .ods .csv（CSV 可为 UTF-8 或 GBK）',
  region: `地区：${REGIONS.join('、')}（或 海南、山东 …）；默认取工作簿属性 CPD.region`,
  regionShort: '地区',
  sheet: '只读这个工作表（可重复；隐藏的工作表也可指定）；默认读取每个有花名册表头的可见工作表',
  cycleStart: '五年周期的起始年（默认：地区规定的周期、工作簿的 CPD.cycleStart，或按记录推定）',
  asOf: '按此日期判定（默认：工作簿的 CPD.asOf，否则今天）；尚未结束的年度和周期为“进行中”',
  json: '输出 JSON 报告（roster.md 规定的格式），不输出可读报告',
  teachers: '在可读报告中列出每位教师的各年度（超过 100 位教师时默认不列）',
  out: '写出带标注的副本（.xlsx、.xlsm 或 .csv；多个输入时为文件夹，另加 汇总.xlsx）；输入文件永远不会被修改',
  force: '允许替换已存在的 --out 文件',
  jobs: '读取文件的线程数（默认：全部 CPU 核）',
  lang: '报告和提示的语言',
  set: '覆盖原文未规定的参数（可重复），例如 dayCredits.school=0.5',
  overrides: '从 JSON 文件读取覆盖参数 {"参数名": 数值}',
  credits: '换算一条记录，输出学分（郑州为学时）这一个数字',
  hours: '学时（主讲为课时）',
  level: '培训层次：国家级 省级 市级 县级 校级',
  mode: '培训方式：集中培训 网络研修 校本研修 主讲 师徒 学历提升 工作室 课题 教研活动 …',
  grade: '成绩：优 良 中 合格 不合格，或 0–100 分',
  rate: '项目学分标准（普洱，见项目通知）',
  days: '天数，按地区规定折算学时',
  months: '月数（师徒结对）',
  role: '角色：主持人 成员 学员 参与人 师傅 徒弟 主讲教师',
  award: '获奖：一等奖 二等奖 三等奖',
  category: '课程类别（奇台）或模块（普洱）',
  explain: '在 stderr 上说明计算过程和依据条款',
  rules: '列出某地区的参数（附条款）和采用的解读',
  markdown: '以 Markdown 输出 docs/rules.md 中由代码生成的部分（问题代码表、参数总表）',
};

type Texts = typeof ZH;

const EN: Texts = {
  program: `CPD Credits: check teacher-training rosters against regional credit rules (${REGIONS.join(', ')})`,
  version: 'print the version',
  help: 'show help',
  helpCommand: 'show help for a command',
  afterError: '(add --help for usage)',
  errorPrefix: '',
  titles: {},
  check:
    'check rosters: every row validated, every teacher’s years and cycle judged. Any number of files and folders (recursively) are checked as one roster',
  files: 'roster files or folders: .xlsx .xlsm .xlsb .xls .et .ods .csv (CSV in UTF-8 or GBK)',
  region: `region: ${REGIONS.join(', ')} (or 海南, 山东, …); default: the workbook's CPD.region property`,
  regionShort: 'region',
  sheet: 'read only this sheet (repeatable; hidden sheets too); default: every visible sheet with a roster header',
  cycleStart:
    'first year of the five-year cycle (default: the region’s fixed cycle, the workbook’s CPD.cycleStart, or inferred from the records)',
  asOf: 'judge as of this date (default: the workbook’s CPD.asOf, else today); periods not ended then are “in progress”',
  json: 'print the JSON report of roster.md instead of the readable report',
  teachers: 'list every teacher’s years in the readable report (left out by default above 100 teachers)',
  out: 'write an annotated copy (.xlsx, .xlsm or .csv; a folder for several inputs, plus 汇总.xlsx); the input is never modified',
  force: 'allow replacing an existing --out file',
  jobs: 'threads reading files (default: every core)',
  lang: 'language of the report and messages',
  set: 'override a parameter the text leaves open (repeatable), e.g. dayCredits.school=0.5',
  overrides: 'overrides from a JSON file {"parameter": number}',
  credits: 'convert one record and print its credits as a bare number (zhengzhou: hours)',
  hours: 'hours (class hours for lecturing)',
  level: 'level: 国家级 省级 市级 县级 校级 / national provincial prefecture county school',
  mode: 'mode: 集中培训 网络研修 校本研修 主讲 师徒 学历提升 工作室 课题 教研活动 …',
  grade: 'grade word (优 良 中 合格 不合格) or a 0–100 score',
  rate: 'project rate per hour from the project notice (puer)',
  days: 'days, converted by the region’s day length',
  months: 'months (mentorship)',
  role: 'role: 主持人 成员 学员 参与人 师傅 徒弟 主讲教师',
  award: 'award: 一等奖 二等奖 三等奖',
  category: 'course category (qitai) or module (puer)',
  explain: 'print how the figure was computed, with the articles, on stderr',
  rules: 'list a region’s parameters (with their articles) and adopted readings',
  markdown: 'print the generated parts of docs/rules.md (issue codes, parameters) as Markdown',
};

export const helpTexts = (lang: Lang): Texts => (lang === 'en' ? EN : ZH);
