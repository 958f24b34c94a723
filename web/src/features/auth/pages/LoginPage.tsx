import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { PublicLayout, usePageTitle } from '../../../shared/layout';
import { usePublicInfo } from '../api/usePublicInfo';
import { DemoAccountsNote } from '../components/DemoAccountsNote';
import { LoginForm } from '../components/LoginForm';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { data: info } = usePublicInfo();
  usePageTitle(t('login.title'));

  // Return to the page that sent the user here when their session ran out.
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  return (
    <PublicLayout>
      <Card style={{ width: '100%', maxWidth: 440 }}>
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
          {t('login.title')}
        </Typography.Title>
        <LoginForm onSignedIn={() => void navigate(from, { replace: true })} />
        {info?.demo && <DemoAccountsNote />}
        {info?.version && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
            {t('login.version', { version: info.version })}
          </Typography.Paragraph>
        )}
      </Card>
    </PublicLayout>
  );
}
