// The roster template a region's administrators start from: standard headers and
// the lists that the sheet's data validation offers, so mistakes are prevented at
// entry. Derived from the vocabularies, so the lists accept exactly what the engine
// accepts.
import { rulesFor } from '../rules';
import { CATEGORY_VOCAB, GRADE_VOCAB, LEVEL_VOCAB, MODE_VOCAB, ROLE_VOCAB, AWARD_VOCAB, Category, RegionId, Role, Vocabulary } from './vocabulary';

export interface TemplateColumn {
  header: string;
  /** the in-cell dropdown's choices, when the column has a vocabulary */
  list?: string[];
  /** Excel number format: '@' keeps IDs as text */
  numberFormat?: string;
  width: number;
}

const display = <T extends string>(v: Vocabulary<T>, values: readonly T[]): string[] => values.map((x) => v.spellings[x][0]!);

export function templateColumns(region: RegionId): TemplateColumn[] {
  const levels = display(LEVEL_VOCAB, ['national', 'provincial', 'prefecture', 'county', 'school']);
  if (region === 'qitai') levels[1] = '自治区级';
  if (region === 'hainan') levels.splice(2, 2, '市县级');
  const cols: TemplateColumn[] = [
    { header: '序号', width: 6 },
    { header: '姓名', width: 10 },
    { header: '身份证号', numberFormat: '@', width: 22 },
    { header: '学校', width: 24 },
    { header: '年度', width: 8 },
    { header: '培训时间', width: 12 },
    { header: '项目名称', width: 30 },
    { header: '培训层次', list: levels, width: 10 },
    { header: '培训方式', list: display(MODE_VOCAB, rulesFor(region).modes), width: 12 },
    { header: '学时', width: 8 },
    { header: '成绩', list: display(GRADE_VOCAB, ['excellent', 'good', 'fair', 'pass', 'fail']), width: 8 },
  ];
  if (region === 'hainan') cols.push({ header: '月数', width: 6 });
  if (region === 'puer') {
    cols.push({ header: '项目学分', width: 8 });
    cols.push({ header: '角色', list: display(ROLE_VOCAB, ['host', 'member', 'student', 'participant'] as Role[]), width: 8 });
    cols.push({ header: '获奖', list: display(AWARD_VOCAB, ['first', 'second', 'third', 'none']), width: 8 });
    cols.push({ header: '模块', list: display(CATEGORY_VOCAB, ['ethics', 'knowledge', 'ability', 'classManagement', 'schoolBased'] as Category[]), width: 14 });
    cols.push({ header: '自主选学', list: ['是', '否'], width: 8 });
  }
  if (region === 'qitai') {
    cols.push({ header: '课程类别', list: ['公共课', '专业课', '选修', '校本'], width: 10 });
    cols.push({ header: '证书编号', numberFormat: '@', width: 14 });
    cols.push({ header: '考核结果', list: ['合格', '不合格'], width: 8 });
  }
  if (region === 'shandong') cols.push({ header: '课程类别', list: ['公需科目', '专业课', '选修'], width: 10 });
  cols.push({ header: '登记学分', width: 8 });
  cols.push({ header: '班主任', list: ['是', '否'], width: 8 });
  cols.push({ header: '入职年度', width: 8 });
  if (region === 'shandong') cols.push({ header: '免考核', list: ['是', '否'], width: 8 });
  return cols;
}
