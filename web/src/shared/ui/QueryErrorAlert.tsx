import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';

/** Inline error for data that failed to load, with a way to try again. */
export function QueryErrorAlert({ error, onRetry }: { error: Error | null; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  const description = error instanceof ApiError ? error.message : t('errors.network');
  return (
    <Alert
      type="error"
      showIcon
      message={t('errors.loadFailed')}
      description={description}
      action={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
      style={{ marginBottom: 16 }}
    />
  );
}
