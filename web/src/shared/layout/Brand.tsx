import { CustomerServiceOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** Product name (never translated) with the localised subtitle. */
export function Brand({ tone = 'light', compact = false }: { tone?: 'light' | 'dark'; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={`tp-brand tp-brand--${tone}`}>
      <CustomerServiceOutlined className="tp-brand__logo" aria-hidden />
      {!compact && (
        <div>
          <div className="tp-brand__name">Touchpoint</div>
          <div className="tp-brand__subtitle">{t('app.subtitle')}</div>
        </div>
      )}
    </div>
  );
}
