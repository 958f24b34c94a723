import { useTranslation } from 'react-i18next';

/** File sizes in the UI language: the number through Intl (digit grouping, decimal sign), the unit from the locale file. */
export function useFormatSize() {
  const { t, i18n } = useTranslation();
  return (bytes: number) => {
    const number = (value: number, digits: number) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: digits }).format(value);
    if (bytes < 1024) return t('workspace.size.bytes', { value: number(bytes, 0) });
    if (bytes < 1024 * 1024) return t('workspace.size.kilobytes', { value: number(bytes / 1024, 0) });
    return t('workspace.size.megabytes', { value: number(bytes / 1024 / 1024, 1) });
  };
}
