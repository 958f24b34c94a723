import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { PageLoading } from '../ui/PageLoading';
import { useMe } from './useMe';

/** Renders its children only once we know who is signed in. A 401 is handled by the client (redirect to sign-in). */
export function SessionGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { data: me, error, refetch } = useMe();
  if (me) return children;
  if (error && !(error instanceof ApiError && error.status === 401)) {
    return (
      <Result
        status="error"
        title={t('errors.sessionUnavailable')}
        subTitle={error.message}
        extra={<Button onClick={() => void refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  return <PageLoading />;
}
