import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import enUS from './locales/en-US.json';
import koKR from './locales/ko-KR.json';
import zhCN from './locales/zh-CN.json';
import zhTW from './locales/zh-TW.json';
import { detectLanguage } from './detectLanguage';
import { defaultLanguage, isLanguage, type Language } from './languages';

const languageStorageKey = 'touchpoint.language';

function readStoredLanguage(): string | null {
  try {
    return localStorage.getItem(languageStorageKey);
  } catch {
    return null; // storage can be disabled by browser policy; fall back to the browser's languages
  }
}

function browserLanguages(): readonly string[] {
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: zhCN },
    'zh-TW': { translation: zhTW },
    'ko-KR': { translation: koKR },
    'en-US': { translation: enUS },
  },
  lng: detectLanguage(readStoredLanguage(), browserLanguages()),
  fallbackLng: defaultLanguage,
  supportedLngs: ['zh-CN', 'zh-TW', 'ko-KR', 'en-US'],
  interpolation: { escapeValue: false }, // React already escapes
  initAsync: false,
});

// Screen readers and font selection (CJK glyph variants) follow <html lang>.
function syncDocumentLanguage(language: string) {
  document.documentElement.lang = language;
}
syncDocumentLanguage(i18n.language);
i18n.on('languageChanged', syncDocumentLanguage);

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : defaultLanguage;
}

/** Switches the UI language and remembers it on this browser. */
export async function applyLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(languageStorageKey, language);
  } catch {
    // not persisted, but the switch itself still works
  }
  await i18n.changeLanguage(language);
}

export { i18n };
