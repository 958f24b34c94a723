import { useTranslation } from 'react-i18next';
import { languageEndonyms, supportedLanguages, type Language } from '../../../shared/i18n/languages';

/** Four large buttons, each language named in itself, so that every customer finds theirs whatever is shown now. */
export function KioskLanguageBar({ value, onChange }: { value: Language; onChange: (language: Language) => void }) {
  const { t } = useTranslation();
  return (
    <nav className="tp-kiosk__languages" aria-label={t('kiosk.chooseLanguage')}>
      {supportedLanguages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="tp-kiosk__language"
          aria-pressed={language === value}
          onClick={() => onChange(language)}
        >
          {languageEndonyms[language]}
        </button>
      ))}
    </nav>
  );
}
