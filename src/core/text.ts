// Every message the engine produces is bilingual: Chinese for administrators first,
// English for auditors and the English UI. Callers pick one with `say`.
export interface Text {
  zh: string;
  en: string;
}

export type Lang = 'zh' | 'en';

export const t = (zh: string, en: string): Text => ({ zh, en });

export const say = (text: Text, lang: Lang): string => (lang === 'en' ? text.en : text.zh);

/** Join bilingual fragments with per-language separators. */
export function joinText(parts: Text[], sepZh = '；', sepEn = '; '): Text {
  return { zh: parts.map((p) => p.zh).join(sepZh), en: parts.map((p) => p.en).join(sepEn) };
}
