import { useEffect } from 'react';
import { i18n } from '../../../shared/i18n';
import { isLanguage } from '../../../shared/i18n/languages';

/**
 * A device's address may name its language (/display/SH?lang=zh-CN), so that a screen nobody touches starts in the
 * branch's language whatever the browser says. Not remembered: the address says it every time.
 */
export function useLanguageParam(search: string) {
  const language = new URLSearchParams(search).get('lang');
  useEffect(() => {
    if (isLanguage(language) && i18n.language !== language) void i18n.changeLanguage(language);
  }, [language]);
  return isLanguage(language) ? language : undefined;
}
