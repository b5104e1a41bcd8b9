// Every message the engine produces is bilingual: Chinese for administrators first,
// English for auditors and the English UI. Callers pick one with `say`.
export interface Text {
  zh: string;
  en: string;
}

export type Lang = 'zh' | 'en';

export const t = (zh: string, en: string): Text => ({ zh, en });

/** A Text made from `make` each time it is read: words nobody reads are never built. */
class LazyText implements Text {
  constructor(private readonly make: () => Text) {}
  get zh(): string {
    return this.make().zh;
  }
  get en(): string {
    return this.make().en;
  }
}

/** `make` must read only values that stay as they are: it runs again on every read. */
export const lazyText = (make: () => Text): Text => new LazyText(make);

export const say = (text: Text, lang: Lang): string => (lang === 'en' ? text.en : text.zh);

/** Join bilingual fragments with per-language separators. */
export function joinText(parts: Text[], sepZh = '；', sepEn = '; '): Text {
  return { zh: parts.map((p) => p.zh).join(sepZh), en: parts.map((p) => p.en).join(sepEn) };
}
