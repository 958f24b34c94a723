import { defaultLanguage, isLanguage, type Language } from './languages';

/** Maps a BCP 47 tag from the browser (zh, zh-Hant-HK, ko, en-GB, ...) onto one of the four UI languages. */
export function matchLanguage(tag: string): Language | undefined {
  const [primary, ...subtags] = tag.toLowerCase().split(/[-_]/);
  switch (primary) {
    case 'zh':
      // Traditional script is used in Taiwan, Hong Kong and Macau; everything else reads Simplified.
      return subtags.some((s) => ['hant', 'tw', 'hk', 'mo'].includes(s)) ? 'zh-TW' : 'zh-CN';
    case 'ko':
      return 'ko-KR';
    case 'en':
      return 'en-US';
    default:
      return undefined;
  }
}

/** The stored choice wins; otherwise the first browser language we support; otherwise English. */
export function detectLanguage(stored: string | null, browserLanguages: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of browserLanguages) {
    const match = matchLanguage(tag);
    if (match) return match;
  }
  return defaultLanguage;
}
