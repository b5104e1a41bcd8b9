// The roster template a region's administrators start from: standard headers and
// the lists that the sheet's data validation offers, so mistakes are prevented at
// entry. The common columns are here; each region adds its own (src/rules/<region>.ts,
// `template`), so that adding a region touches src/rules only.
import type { RegionRules, TemplateColumnSpec } from '../rules/region';
import { GRADE_VOCAB, MODE_VOCAB, type Vocabulary } from '../core/vocabulary';

export type TemplateColumn = TemplateColumnSpec;

const display = <T extends string>(v: Vocabulary<T>, values: readonly T[]): string[] =>
  values.map((x) => v.spellings[x][0]!);

export function templateColumns(rules: RegionRules): TemplateColumn[] {
  return [
    { header: '序号', width: 6 },
    { header: '姓名', width: 10 },
    { header: '身份证号', numberFormat: '@', width: 22 },
    { header: '学校', width: 24 },
    { header: '年度', width: 8 },
    { header: '培训时间', width: 12 },
    { header: '项目名称', width: 30 },
    { header: '培训层次', list: rules.template.levels, width: 10 },
    { header: '培训方式', list: display(MODE_VOCAB, rules.modes), width: 12 },
    { header: '学时', width: 8 },
    { header: '成绩', list: display(GRADE_VOCAB, ['excellent', 'good', 'fair', 'pass', 'fail']), width: 8 },
    ...rules.template.columns,
    { header: '登记学分', width: 8 },
    { header: '班主任', list: ['是', '否'], width: 8 },
    { header: '入职年度', width: 8 },
    ...(rules.template.last ?? []),
  ];
}
