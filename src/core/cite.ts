// Article references in each language. The source texts are Chinese and number their parts the
// Chinese way (第十四条第3项, 五(一), 附件3 六(四)); an English page shows the same reference as
// "Art. 14(3)", "§5(1)", "Annex 3 §6(4)", so that nothing Chinese is left in English text while the
// reference still leads to the same place in the original.
import { t, type Text } from './text';
import type { Cite } from './types';

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 十四 → 14, 二十一 → 21, 一百零二 → 102; Arabic digits pass through. */
export function chineseNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^[零〇一二两三四五六七八九十百]+$/.test(s)) return undefined;
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (ch === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else digit = DIGITS[ch]!;
  }
  return total + digit;
}

const N = '([零〇一二两三四五六七八九十百\\d]+)';
/** Chinese numerals only: a section number (五、 五(一)); Arabic digits there are already converted. */
const CN = '([零〇一二两三四五六七八九十百]+)';

/** An article reference in English: 第十四条第3项 → Art. 14(3); 五(一) 学分结构 → §5(1). */
/**
 * An article's English reference, made once per article: a report says the same few articles (the rule
 * tables') on every teacher's notes and conditions, and each is a dozen regular expressions. Bounded, in case
 * articles come from elsewhere.
 */
const EN_ARTICLES = new Map<string, string>();
export function articleEn(article: string): string {
  let en = EN_ARTICLES.get(article);
  if (en === undefined) {
    en = englishArticle(article);
    if (EN_ARTICLES.size >= 1000) EN_ARTICLES.clear();
    EN_ARTICLES.set(article, en);
  }
  return en;
}

function englishArticle(article: string): string {
  const num = (s: string) => String(chineseNumber(s) ?? s);
  let s = article.normalize('NFKC');
  s = s.replace(new RegExp(`第${N}条`, 'g'), (_, n: string) => `Art. ${num(n)}`);
  s = s.replace(new RegExp(`第${N}项`, 'g'), (_, n: string) => `(${num(n)})`);
  s = s.replace(new RegExp(`第${N}款`, 'g'), (_, n: string) => ` para. ${num(n)}`);
  s = s.replace(new RegExp(`附件${N}`, 'g'), (_, n: string) => `Annex ${num(n)} `);
  s = s.replace(/\(?附表\)?/g, ' (annex table)');
  s = s.replace(/细则/g, 'Rules ');
  // a section number at the start of a part: 五(一), 五、(三), 四、 → §5(1), §5(3), §4
  s = s.replace(
    new RegExp(`(^|[\\s,、，(（])${CN}[、]?(?=\\s*\\(|、|\\s|$|[\\d])`, 'g'),
    (_, pre: string, n: string) => `${pre}§${num(n)}`,
  );
  s = s.replace(new RegExp(`\\(${N}\\)`, 'g'), (_, n: string) => `(${num(n)})`);
  s = s.replace(/[、，]/g, ', ').replace(/§(\d+)\s*,\s*\(/g, '§$1(');
  // what is left in Chinese is a part's title (学分结构, 其他 …): the number already says where
  s = s.replace(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+/g, ' ');
  return (
    s
      .replace(/\s*,\s*(,\s*)+/g, ', ')
      .replace(/\(\s*\)/g, '')
      .replace(/\s+/g, ' ')
      .replace(/^[\s,]+|[\s,]+$/g, '') || article
  );
}

/** A cite's article in both languages. */
export const articleText = (c: Pick<Cite, 'article'>): Text => t(c.article, articleEn(c.article));
