// Article references in English: the same place in the original, with nothing Chinese left.
import { articleEn, chineseNumber } from '../../src/core/cite';
import { RULES } from '../../src/rules';

test.each<[string, number]>([
  ['十', 10],
  ['十四', 14],
  ['二十一', 21],
  ['一百零二', 102],
  ['3', 3],
])('chineseNumber(%s) = %d', (s, n) => {
  expect(chineseNumber(s)).toBe(n);
});

test.each<[string, string]>([
  ['第十四条第3项', 'Art. 14(3)'],
  ['第九条', 'Art. 9'],
  ['第十四条（附表）', 'Art. 14 (annex table)'],
  ['第十条、第十一条', 'Art. 10, Art. 11'],
  ['五(一) 学分结构', '§5(1)'],
  ['六(四)2 学分登记', '§6(4)2'],
  ['六、(一) 学历培训', '§6(1)'],
  ['四、培训任务、周期、结业发证', '§4'],
  ['附件3 六(四)', 'Annex 3 §6(4)'],
  ['细则 四(三)', 'Rules §4(3)'],
])('%s → %s', (zh, en) => {
  expect(articleEn(zh)).toBe(en);
});

test('every article the rule sets cite has an English form without Chinese', () => {
  const articles = new Set<string>();
  for (const r of Object.values(RULES)) {
    for (const p of Object.values(r.params)) articles.add(p.cite.article);
    for (const x of r.readings) articles.add(x.article);
  }
  expect(articles.size).toBeGreaterThan(20);
  const left = [...articles].filter((a) => /[\u4e00-\u9fff]/.test(articleEn(a)));
  expect(left).toEqual([]);
});
