export const supportedLanguages = ['zh-CN', 'zh-TW', 'ko-KR', 'en-US'] as const;

export type Language = (typeof supportedLanguages)[number];

export const defaultLanguage: Language = 'en-US';

// Each language is named in itself so that a reader can find their own language whatever the UI shows now.
export const languageEndonyms: Record<Language, string> = {
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
  'ko-KR': '한국어',
  'en-US': 'English',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (supportedLanguages as readonly string[]).includes(value);
}
