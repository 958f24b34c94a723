import { GlobalOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { languageEndonyms, supportedLanguages, type Language } from '../i18n/languages';
import { useChangeLanguage } from '../session/useChangeLanguage';

const options = supportedLanguages.map((language) => ({
  value: language,
  label: <span lang={language}>{languageEndonyms[language]}</span>,
}));

export function LanguageSwitcher() {
  const { t } = useTranslation();
  const changeLanguage = useChangeLanguage();
  return (
    <Select<Language>
      aria-label={t('language.label')}
      data-testid="language-switcher"
      prefix={<GlobalOutlined aria-hidden />}
      value={currentLanguage()}
      onChange={(language) => void changeLanguage(language)}
      options={options}
      popupMatchSelectWidth={false}
      variant="borderless"
    />
  );
}
