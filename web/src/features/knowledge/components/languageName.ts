import { isLanguage, languageEndonyms } from '../../../shared/i18n/languages';

/** A language's own name (简体中文, 한국어 ...), as the language switch shows it. */
export function languageName(code: string): string {
  return isLanguage(code) ? languageEndonyms[code] : code;
}
