// Every message the engine produces is bilingual: Chinese for administrators first,
// English for auditors and the English UI. Callers pick one with `say`.
export interface Text {
  zh: string;
  en: string;
}

export type Lang = 'zh' | 'en';

export const t = (zh: string, en: string): Text => ({ zh, en });

/** Words as a module-level template: the language first, then the values it reads; it makes only that language. */
export type Words<A extends unknown[]> = (lang: Lang, ...args: A) => string;

/**
 * A Text made from a template and the values it reads each time it is read: words nobody reads are never built,
 * and the one language read is the only one made (`words` takes the language first).
 */
class Deferred<A extends unknown[]> implements Text {
  constructor(
    private readonly _words: Words<A>,
    private readonly _values: A,
  ) {}
  get zh(): string {
    return this._words('zh', ...this._values);
  }
  get en(): string {
    return this._words('en', ...this._values);
  }
}

/** `words` must be a module-level template (no closure over a computation's variables). */
export const deferred = <A extends unknown[]>(words: Words<A>, values: A): Text => new Deferred(words, values);

export const say = (text: Text, lang: Lang): string => (lang === 'en' ? text.en : text.zh);

/** Join bilingual fragments with per-language separators. */
export function joinText(parts: Text[], sepZh = '；', sepEn = '; '): Text {
  return { zh: parts.map((p) => p.zh).join(sepZh), en: parts.map((p) => p.en).join(sepEn) };
}
