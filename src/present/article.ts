// Article references as a list shows them: the source documents' titles run to 50 characters, so a
// list names the document by its kind (「办法 第十四条第3项」, 「规划 五(一)」, 「细则 三、学分构成」) and
// leaves the full title to the "why" view. The kind is the last kind word of the title outside its
// brackets — 海南省中小学教师培训学分管理实施办法（2017） is a 办法 — so a new region needs nothing here.
import { articleEn } from '../core/cite';
import type { Lang } from '../core/text';
import type { Cite } from '../core/types';

/** The kinds of document the regions' rules come in, with an English word for each. */
const KINDS: Record<string, string> = {
  办法: 'Measures',
  规划: 'Plan',
  细则: 'Rules',
  方案: 'Scheme',
  通知: 'Notice',
  意见: 'Opinions',
  规定: 'Provisions',
  条例: 'Regulations',
  标准: 'Standard',
  纲要: 'Outline',
  决定: 'Decision',
};

/** The title without its bracketed parts: （2017）, （试行）, 〔2017〕, （郑教明电〔2017〕139号）. */
const bare = (title: string): string => {
  let s = title;
  for (let prev = ''; prev !== s;) {
    prev = s;
    s = s.replace(/（[^（）]*）|\([^()]*\)|〔[^〔〕]*〕|\[[^[\]]*\]/g, '');
  }
  return s;
};

/** 海南省…实施办法（2017） → 办法; undefined when the title names no kind (a bare document number). */
export function docKind(title: string): string | undefined {
  const s = bare(title);
  let best: { end: number; kind: string } | undefined;
  for (const kind of Object.keys(KINDS)) {
    const i = s.lastIndexOf(kind);
    if (i >= 0 && (!best || i + kind.length > best.end)) best = { end: i + kind.length, kind };
  }
  return best?.kind;
}

/**
 * A document's short name: its kind; else the kind of `fallback` (the region's own title, for a cite that
 * names the document by its number only); else the title up to its first bracket.
 */
export function docShort(doc: string, fallback?: string): string {
  return docKind(doc) ?? (fallback ? docKind(fallback) : undefined) ?? (doc.split(/[（(〔[]/)[0] || doc);
}

/** 「办法 第十四条第3项」 in Chinese; "Measures Art. 14(3)" in English. */
export function shortCite(c: Pick<Cite, 'doc' | 'article'>, lang: Lang, fallback?: string): string {
  const kind = docShort(c.doc, fallback);
  if (lang === 'zh') return `${kind} ${c.article}`;
  const en = articleEn(c.article);
  const word = KINDS[kind];
  return word && !en.startsWith(word) ? `${word} ${en}` : en;
}

/**
 * English text with any Chinese article reference left in it — "(第十条)", "(五(一))" — given in the
 * English form, so that an English page shows no Chinese outside quoted values.
 */
export function englishArticles(text: string): string {
  const CN = '[零〇一二两三四五六七八九十百]';
  // an opening bracket not itself inside a reference (the 四 of 六(四)3 is part of the outer one)
  return text.replace(
    new RegExp(`(?<!${CN})[(（]((?:第${CN}+条[^()（）]*|${CN}+(?:[(（]${CN}+[)）])?\\d*[、]?[^()（）\\w]*))[)）]`, 'g'),
    (whole, inner: string) => {
      const en = articleEn(inner.replace(/[（]/g, '(').replace(/[）]/g, ')'));
      return en === inner ? whole : `(${en})`;
    },
  );
}
