import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** Centred spinner while a page's code or the session is loading. */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="tp-centered" role="status">
      <Spin size="large" aria-label={t('common.loading')} />
    </div>
  );
}
