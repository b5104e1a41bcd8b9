// Article references as lists show them (the document by its kind) and English text free of Chinese
// article numbers. The titles are the regions' own (src/rules/*); the short names are worked by hand.
import { docKind, docShort, englishArticles, shortCite } from '../../src/present/article';
import { REGIONS, RULES } from '../../src/rules';

test.each([
  ['海南省中小学教师培训学分管理实施办法（2017）', '办法'],
  ['普洱市中小学教师全员培训管理办法（试行）（2023）', '办法'],
  ['普洱市中小学幼儿园教师全员培训学分认定管理实施细则（试行）', '细则'],
  ['普洱市加强和改进中小学校本研修工作实施方案（试行）', '方案'],
  ['奇台县第七个五年管理周期中小学和幼儿园教师继续教育规划（2024-2028年）', '规划'],
  ['关于贯彻落实省中小学幼儿园教师继续教育学时登记管理暂行意见的通知（郑教明电〔2017〕139号）', '通知'],
])('%s is a %s', (title, kind) => {
  expect(docKind(title)).toBe(kind);
});

test('a document named by its number alone takes the kind of the region’s title', () => {
  const doc = '郑教明电〔2017〕139号（河南省 教师[2016]724号）';
  expect(docKind(doc)).toBeUndefined();
  expect(docShort(doc, '关于贯彻落实…暂行意见的通知（郑教明电〔2017〕139号）')).toBe('通知');
  expect(docShort(doc)).toBe('郑教明电');
});

test('every region’s documents get a short name of at most four characters', () => {
  for (const r of REGIONS) {
    const rules = RULES[r];
    const docs = new Set(Object.values(rules.params).map((p) => p.cite.doc));
    for (const d of docs) expect(docShort(d, rules.source.title).length).toBeLessThanOrEqual(4);
  }
});

test('a list’s reference: 「办法 第十四条第3项」, "Measures Art. 14(3)"', () => {
  const c = { doc: '海南省中小学教师培训学分管理实施办法（2017）', article: '第十四条第3项' };
  expect(shortCite(c, 'zh')).toBe('办法 第十四条第3项');
  expect(shortCite(c, 'en')).toBe('Measures Art. 14(3)');
  const r = { doc: '普洱市中小学幼儿园教师全员培训学分认定管理实施细则（试行）', article: '三、学分构成' };
  expect(shortCite(r, 'zh')).toBe('细则 三、学分构成');
  expect(shortCite(r, 'en')).toBe('Rules §3');
});

test.each([
  ['assessed from their 2nd year (第十条)', 'assessed from their 2nd year (Art. 10)'],
  ['fill the elective shortfall (五(一))', 'fill the elective shortfall (§5(1))'],
  ['is pending (六(四)3)', 'is pending (§6(4)3)'],
  ['hours "二十": not a number (Art. 9)', 'hours "二十": not a number (Art. 9)'],
  ['a note (in brackets)', 'a note (in brackets)'],
])('English text: %s', (text, want) => {
  expect(englishArticles(text)).toBe(want);
});
