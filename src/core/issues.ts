// The issue catalogue: every kind of problem the product can report, once, in plain Chinese and English —
// its title (what a list shows as a heading), what it means, and how to fix it. Every shell renders these
// same words; an issue found on a row carries only its code, the offending value and a sentence with the
// specifics (which value, which rule). A code that is not here does not compile.
import { t, Text } from './text';
import { YEAR_RANGE } from './dates';

export type Severity = 'error' | 'warning' | 'info';

export interface IssueKind {
  /** the usual severity (a few codes vary by field, e.g. CELL_ERROR_VALUE) */
  severity: Severity;
  /** a heading for a list of such issues: 「身份证号校验位错误」 */
  title: Text;
  /** what it means for the figures */
  explain: Text;
  /** what the administrator can do */
  fix: Text;
  /** a gap of the rules rather than of the data: listed, never marked on a cell */
  gap?: true;
}

const k = (severity: Severity, title: Text, explain: Text, fix: Text, gap?: true): IssueKind =>
  gap ? { severity, title, explain, fix, gap } : { severity, title, explain, fix };

const VOID = t('该行作废：学时、学分不计入任何合计。', 'The row is void: its hours and credits count nowhere.');
const KEPT = t('只提醒，不影响计算。', 'A reminder only; the figures are unchanged.');
const FIX_VALUE = t('改成消息中列出的可用值之一。', 'Change it to one of the accepted values listed in the message.');
const FIX_NUMBER = t(
  '填写阿拉伯数字（可带单位，如“24学时”）。',
  'Enter a number in digits (a unit such as “24学时” is fine).',
);
const FIX_ID = t(
  '把身份证号列设为“文本”格式，重新录入或粘贴原始号码。',
  'Set the ID column to Text and re-enter or paste the original numbers.',
);

const missing = (zh: string, en: string): IssueKind =>
  k(
    'error',
    t(`缺少${zh}`, `${en} missing`),
    t(`这条记录的计算离不开${zh}。${VOID.zh}`, `This record's figures depend on its ${en}. ${VOID.en}`),
    t(`填写${zh}。`, `Enter the ${en}.`),
  );
const notNumber = (zh: string, en: string): IssueKind =>
  k(
    'error',
    t(`${zh}不是数字`, `${en} not a number`),
    t(
      `${zh}无法读成数字（如汉字“二十”、逻辑值、日期或错误值）。${VOID.zh}`,
      `The ${en} cannot be read as a number (Chinese numerals, TRUE/FALSE, a date, an error value). ${VOID.en}`,
    ),
    FIX_NUMBER,
  );
const unknown = (zh: string, en: string): IssueKind =>
  k(
    'error',
    t(`${zh}无法识别`, `unknown ${en}`),
    t(`不是可识别的${zh}。${VOID.zh}`, `Not a known ${en}. ${VOID.en}`),
    FIX_VALUE,
  );

export const ISSUES = {
  // ---- the teacher --------------------------------------------------------------------------------
  ID_INVALID: k(
    'error',
    t('身份证号无效', 'invalid ID number'),
    t(
      '格式、出生日期或校验位（GB 11643）不对。学时学分照常计算，但编号可能录错。',
      'Its format, birth date or check digit (GB 11643) is wrong. The figures still count, but the ID is probably mistyped.',
    ),
    t('对照身份证核对号码。', 'Check the number against the ID card.'),
  ),
  ID_LEGACY: k(
    'warning',
    t('15 位旧身份证号', '15-digit legacy ID'),
    t('旧号没有校验位，无法核对。', 'The old form has no check digit, so it cannot be verified.'),
    t('换成 18 位号码。', 'Use the 18-digit number.'),
  ),
  TEACHER_ID_UNUSABLE: k(
    'error',
    t('身份证号无法区分教师', 'IDs cannot tell teachers apart'),
    t(
      '号码被存成科学计数法、存成数字丢了末位，或长度不对；这些行已按姓名和学校归并，年度和周期照常判定。',
      'The IDs were saved in scientific notation, stored as numbers that lost digits, or have the wrong length; the rows were grouped by name and school and are still judged.',
    ),
    FIX_ID,
  ),
  TEACHER_ID_MISSING: k(
    'error',
    t('缺少身份证号', 'teacher ID missing'),
    t('这一行无法归到任何教师名下，不参加任何教师的判定。', 'The row belongs to no teacher and counts for no one.'),
    t('填写身份证号（或教师编号）。', 'Enter the ID number (or staff number).'),
  ),
  NAME_MISMATCH: k(
    'warning',
    t('同一编号对应多个姓名', 'one ID, several names'),
    t('可能是编号或姓名录错。', 'Either an ID or a name is probably mistyped.'),
    t('核对这些行的身份证号和姓名。', 'Check the IDs and names on these rows.'),
  ),
  // ---- values that cannot be read -----------------------------------------------------------------------
  LEVEL_UNKNOWN: unknown('培训层次', 'level'),
  MODE_UNKNOWN: unknown('培训方式', 'mode'),
  GRADE_UNKNOWN: unknown('成绩', 'grade'),
  AWARD_UNKNOWN: unknown('获奖等级', 'award'),
  ROLE_UNKNOWN: unknown('角色', 'role'),
  CATEGORY_UNKNOWN: unknown('课程类别（模块）', 'category'),
  BOOL_INVALID: k(
    'error',
    t('应填“是”或“否”', 'expected yes or no'),
    t(`该列只接受 是/否。${VOID.zh}`, `The column takes yes or no (是/否) only. ${VOID.en}`),
    t('改成“是”或“否”。', 'Change it to yes or no (是/否).'),
  ),
  HOURS_NOT_NUMBER: notNumber('学时', 'hours'),
  DAYS_NOT_NUMBER: notNumber('天数', 'days'),
  MONTHS_NOT_NUMBER: notNumber('月数', 'months'),
  RATE_NOT_NUMBER: notNumber('项目学分', 'rate'),
  CREDITS_NOT_NUMBER: k(
    'error',
    t('登记学分不是数字', 'entered credits not a number'),
    t(
      '手填的学分无法读成数字，无法与计算结果核对。',
      'The entered credits cannot be read as a number, so they cannot be compared with the computed ones.',
    ),
    FIX_NUMBER,
  ),
  HOURS_NEGATIVE: k('error', t('学时为负数', 'negative hours'), VOID, FIX_NUMBER),
  VALUE_NEGATIVE: k('error', t('数值为负数', 'negative value'), VOID, FIX_NUMBER),
  VALUE_INVALID: k('error', t('取值无效', 'invalid value'), VOID, FIX_VALUE),
  CELL_TOO_LONG: k(
    'error',
    t('单元格文字过长', 'cell text too long'),
    t(
      '单元格的文字超过 Excel 单个单元格的上限（32767 个字符），不会被读取，按空单元格处理；计算离不开它时该行作废。',
      'The cell holds more text than one Excel cell can (32767 characters): it is not read but taken as empty, and the row is void when its figures need it.',
    ),
    t('删去多余的文字；一个单元格只填一项内容。', 'Remove the surplus text; one cell holds one value.'),
  ),
  CELL_ERROR_VALUE: k(
    'warning',
    t('单元格是错误值', 'cell holds an error value'),
    t(
      '单元格显示 #N/A、#REF! 等错误值，其内容无法读取。',
      'The cell shows an error such as #N/A or #REF!; its content cannot be read.',
    ),
    t('修正产生错误值的公式，或直接填写内容。', 'Fix the formula that gives the error, or type the value.'),
  ),
  YEAR_INVALID: k(
    'error',
    t('年度无效', 'invalid year'),
    t(
      `年度无法读取、日期不存在，或不在 ${YEAR_RANGE.min}–${YEAR_RANGE.max} 之间。${VOID.zh}`,
      `The year cannot be read, names no real date, or lies outside ${YEAR_RANGE.min}–${YEAR_RANGE.max}. ${VOID.en}`,
    ),
    t('填写四位年份，如 2023。', 'Enter a four-digit year such as 2023.'),
  ),
  DATE_INVALID: k(
    'error',
    t('培训时间无效', 'invalid date'),
    t(
      `培训时间读不出年份，或日期不存在。${VOID.zh}`,
      `No year can be read from the date, or the date does not exist. ${VOID.en}`,
    ),
    t('填写日期，如 2023-07-15。', 'Enter a date such as 2023-07-15.'),
  ),
  HIRE_YEAR_INVALID: k(
    'error',
    t('入职年度无效', 'invalid hire year'),
    t(
      '入职年度无法读取；新教师规则按未填处理。',
      'The hire year cannot be read; the new-teacher rules treat it as absent.',
    ),
    t('填写四位年份。', 'Enter a four-digit year.'),
  ),
  // ---- required values --------------------------------------------------------------------------------
  MODE_MISSING: missing('培训方式', 'mode'),
  LEVEL_MISSING: missing('培训层次', 'level'),
  HOURS_MISSING: missing('学时', 'hours'),
  MONTHS_MISSING: missing('月数', 'months'),
  ROLE_MISSING: missing('角色', 'role'),
  YEAR_MISSING: k(
    'error',
    t('缺少年度', 'year missing'),
    t(
      `没有年度，也没有培训时间，无法归入年度。${VOID.zh}`,
      `Neither a year nor a date: the record belongs to no year. ${VOID.en}`,
    ),
    t('填写年度或培训时间。', 'Enter the year or the date.'),
  ),
  // ---- figures worth a second look -----------------------------------------------------------------------
  HOURS_IMPLAUSIBLE: k(
    'warning',
    t('学时过多', 'implausibly many hours'),
    t(`一条记录超过 500 学时，不太可能。${KEPT.zh}`, `More than 500 hours in one record is unlikely. ${KEPT.en}`),
    t('核对学时。', 'Check the hours.'),
  ),
  HOURS_DAYS_MISMATCH: k(
    'warning',
    t('学时与天数不一致', 'hours and days disagree'),
    t('按学时计算。', 'The hours are used.'),
    t('核对学时或天数。', 'Check the hours or the days.'),
  ),
  DAYS_NOT_CONVERTIBLE: k(
    'error',
    t('天数无法折算学时', 'days cannot be converted'),
    t(
      `该地区（或该方式）原文没有规定每天折算多少学时。${VOID.zh}`,
      `The region's text (for this mode) gives no hours per day. ${VOID.en}`,
    ),
    t('填写学时。', 'Enter the hours.'),
  ),
  HOURS_FIXED_BY_RULE: k(
    'warning',
    t('学时由规定固定', 'hours fixed by the rules'),
    t(
      '规定固定了这类项目的学时，按规定登记，表中所填不用。',
      'The rules fix the hours of such activities; the roster’s figure is not used.',
    ),
    t('把学时改成规定的数值。', 'Change the hours to the rules’ figure.'),
  ),
  CREDITS_MISMATCH: k(
    'warning',
    t('登记学分与计算不符', 'entered credits differ'),
    t(
      '手填学分与按规定计算的学分相差超过 0.01；计算结果用的是规定，不是手填值。',
      'The entered credits differ from the credits the rules give by more than 0.01; the figures use the rules.',
    ),
    t(
      '核对手填学分，或核对项目级别、方式、成绩。',
      'Check the entered credits, or the record’s level, mode and grade.',
    ),
  ),
  YEAR_DATE_MISMATCH: k(
    'warning',
    t('年度与培训时间不一致', 'year and date disagree'),
    t('按“年度”登记。', 'The year column is used.'),
    t('核对年度或培训时间。', 'Check the year or the date.'),
  ),
  YEAR_IN_FUTURE: k(
    'warning',
    t('年度晚于截至日期', 'year after the as-of date'),
    KEPT,
    t('核对年度，或调整截至日期。', 'Check the year, or the as-of date.'),
  ),
  YEAR_OUTSIDE_CYCLE: k(
    'warning',
    t('年度不在本周期内', 'year outside the cycle'),
    t('不计入本周期。', 'Not counted in this cycle.'),
    t('核对年度，或指定周期起始年。', 'Check the year, or set the cycle start.'),
  ),
  DUPLICATE_RECORD: k(
    'warning',
    t('可能重复登记', 'possibly registered twice'),
    t(
      '同一教师、同一项目、同一年度出现两次；两行都计入。',
      'The same teacher, project and year appear twice; both rows count.',
    ),
    t(
      '删除重复的一行；同一项目分次登记的可忽略。',
      'Delete the duplicate row; ignore this if one project was registered in parts.',
    ),
  ),
  DUPLICATE_ACROSS_FILES: k(
    'warning',
    t('两份文件重复登记', 'registered in two files'),
    t(
      '同一教师、同一项目、同一年度登记在两份文件中；两行都计入。',
      'The same teacher, project and year are registered in two files; both rows count.',
    ),
    t('与另一所学校核对，删除重复的一行。', 'Check with the other school and delete one of the rows.'),
  ),
  NEW_TEACHER_HOURS_SHORT: k(
    'warning',
    t('新教师培训学时不足', 'new-teacher training short'),
    KEPT,
    t('安排补足新教师培训。', 'Arrange the missing new-teacher training.'),
  ),
  // ---- gaps of the rules ----------------------------------------------------------------------------------
  RULE_UNDEFINED: k(
    'warning',
    t('学分原文未规定', 'credits not defined by the text'),
    t(
      '要用到的数字原文没有给出，这些记录的学分留空；相关年度和周期可能为“待定”。',
      'The text does not give the number needed, so these records have no credits; the years and cycles concerned may be pending.',
    ),
    t(
      '如本地有规定，在设置中填写该数值（覆盖参数），结果会注明使用了本地数值。',
      'If your authority has fixed it, enter the value in the settings (an override); results will say they use a local value.',
    ),
    true,
  ),
  MODE_NOT_COVERED: k(
    'warning',
    t('原文未规定这种培训方式', 'mode not covered by the text'),
    t(
      '该地区原文没有这种培训方式的折算规定，学分留空。',
      'The region’s text gives no conversion for this mode; no credits are computed.',
    ),
    t(
      '确认培训方式是否填对；原文确无规定的，由主管部门认定。',
      'Check the mode; where the text really has no rule, the department decides.',
    ),
    true,
  ),
  // ---- region-specific checks ------------------------------------------------------------------------------
  LEVEL_NOT_COVERED: k(
    'error',
    t('该层次不能登记', 'level not registrable'),
    t(
      `原文要求这类项目为县（区）级及以上。${VOID.zh}`,
      `The text requires such activities to be county level or above. ${VOID.en}`,
    ),
    t('核对项目层次。', 'Check the level.'),
  ),
  ROLE_NOT_APPLICABLE: k('error', t('角色不适用于此类项目', 'role does not apply'), VOID, FIX_VALUE),
  ROLE_CONTRADICTS_MODE: k(
    'warning',
    t('角色与培训方式矛盾', 'role contradicts the mode'),
    t('按培训方式本身的规定计算，不按主讲计。', 'The mode’s own rule is applied, not the lecturing one.'),
    t('核对角色或培训方式。', 'Check the role or the mode.'),
  ),
  RATE_OUT_OF_RANGE: k(
    'error',
    t('项目学分超出范围', 'rate out of range'),
    VOID,
    t('改成规定范围内的项目学分。', 'Change the rate to one within the range.'),
  ),
  IMPLIED_RATE_OUT_OF_RANGE: k(
    'error',
    t('登记学分推算的项目学分超出范围', 'entered credits imply a rate out of range'),
    VOID,
    t('填写项目学分列，或核对登记学分。', 'Fill in the rate column, or check the entered credits.'),
  ),
  GRADE_MISSING: k(
    'warning',
    t('未填成绩', 'no grade'),
    t('按合格计，没有绩效（奖励）学分。', 'Taken as a pass, with no performance bonus.'),
    t('填写培训成绩。', 'Enter the grade.'),
  ),
  DEGREE_YEARS_EXCEEDED: k(
    'warning',
    t('学历提高超过三年', 'degree study over three years'),
    t('多出的年度不计。', 'The extra years are not counted.'),
    t('核对学历提高的登记年度。', 'Check the years the degree study is registered in.'),
  ),
  CATEGORY_NOT_IN_REGION: k(
    'warning',
    t('课程类别不是本地区的', 'category from another region'),
    t('改按培训方式归类。', 'The record is classified by its mode instead.'),
    t('改成本地区的课程类别。', 'Use this region’s categories.'),
  ),
  CERTIFICATE_INVALID: k(
    'error',
    t('证书编号不符合编号规则', 'certificate number malformed'),
    t(
      '证书编号的地区、县市、学校类型或流水号不对。',
      'The certificate number’s prefecture, county, school-type code or sequence is wrong.',
    ),
    t('对照继续教育证书核对编号。', 'Check the number against the certificate.'),
  ),
  CERTIFICATE_SHARED: k(
    'error',
    t('一个证书编号登记在多位教师名下', 'one certificate number, several teachers'),
    t('一人一证，一人一号：编号不能重复。', 'One person, one certificate, one number: numbers cannot repeat.'),
    t('核对这些教师的证书编号。', 'Check these teachers’ certificate numbers.'),
  ),
  CERTIFICATE_MULTIPLE: k(
    'warning',
    t('一位教师有多个证书编号', 'one teacher, several certificate numbers'),
    t('一人一号：同一教师只应有一个编号。', 'One person, one number.'),
    t('统一为同一个编号。', 'Use one number throughout.'),
  ),
  COHORT_QUOTA_EXCEEDED: k(
    'warning',
    t('等次比例超出', 'grade quota exceeded'),
    t('同一项目良好以上或优秀的比例超出规定。', 'Too many good or excellent grades in one project.'),
    t('与培训机构核对等次。', 'Check the grades with the training provider.'),
  ),
  // ---- the roster as a whole ------------------------------------------------------------------------------
  COLUMN_NOT_READ: k(
    'warning',
    t('两列同名，只读了前一列', 'two columns for one field, the first read'),
    t(
      '表头中有两列都是同一项（如“ID”和“身份证号”都表示教师）：只读了左边那一列，另一列未检查。',
      'Two header cells name the same field (say “ID” and “身份证号”, both the teacher): only the left one is read, the other is not checked.',
    ),
    t('删去或改名不需要的那一列。', 'Delete or rename the column that is not meant.'),
  ),
  NO_RECORDS: k(
    'error',
    t('表头下没有培训记录', 'no training records under the header'),
    t(
      '找到了表头，但其下没有一行记录：没有可以检查或判定的内容，不能当作“没有问题”。',
      'The header was found but no row under it holds a record: there is nothing to check or judge, which is not the same as nothing wrong.',
    ),
    t(
      '确认选对了文件或工作表，或先录入记录。',
      'Check that this is the right file or sheet, or enter the records first.',
    ),
  ),
  REGION_MISMATCH: k(
    'warning',
    t('像是另一个地区的登记表', 'looks like another region’s roster'),
    t(
      '身份证号的省区代码或表中写法指向另一个地区；选错地区会带来大量错误。',
      'The IDs’ province codes or the roster’s spellings point to another region; the wrong region gives many errors.',
    ),
    t('确认所选地区。', 'Check the region chosen.'),
  ),
  REGION_DIFFERS_FROM_WORKBOOK: k(
    'warning',
    t('地区与工作簿设置不同', 'region differs from the workbook’s'),
    KEPT,
    t('确认所选地区，或更新工作簿的地区设置。', 'Check the region, or update the workbook’s setting.'),
  ),
  INTERNAL_ERROR: k(
    'error',
    t('程序内部错误', 'internal error'),
    t('这是程序自身的问题，不是您的数据问题。', 'A fault of the program, not of your data.'),
    t('请把这份文件和消息报告给我们。', 'Please report the file and the message to us.'),
  ),
} satisfies Record<string, IssueKind>;

export type IssueCode = keyof typeof ISSUES;

export const ISSUE_CODES = Object.keys(ISSUES) as IssueCode[];

/** Issues about the rules rather than the data: a number the text leaves open, a mode it never names. */
export const RULE_GAPS: ReadonlySet<IssueCode> = new Set(ISSUE_CODES.filter((c) => (ISSUES[c] as IssueKind).gap));

export const issueKind = (code: IssueCode): IssueKind => ISSUES[code];
