import { Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../shared/i18n';
import { languageEndonyms, supportedLanguages, type Language } from '../../../shared/i18n/languages';
import { useChangeLanguage } from '../../../shared/session';

/** Same effect as the header switcher; here because people look for it under their account. */
export function LanguagePreference() {
  const { t } = useTranslation();
  const changeLanguage = useChangeLanguage();
  return (
    <Radio.Group
      aria-label={t('language.label')}
      value={currentLanguage()}
      onChange={(event) => void changeLanguage(event.target.value as Language)}
      optionType="button"
      options={supportedLanguages.map((language) => ({
        value: language,
        label: <span lang={language}>{languageEndonyms[language]}</span>,
      }))}
    />
  );
}
