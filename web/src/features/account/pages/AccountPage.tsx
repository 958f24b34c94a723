import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../../shared/layout';
import { SectionCard } from '../../../shared/ui';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { LanguagePreference } from '../components/LanguagePreference';

export function AccountPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('account.title')} />
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <SectionCard title={t('account.changePassword')}>
          <ChangePasswordForm />
        </SectionCard>
        <SectionCard title={t('account.language')}>
          <Typography.Paragraph type="secondary">{t('account.languageHint')}</Typography.Paragraph>
          <LanguagePreference />
        </SectionCard>
      </Space>
    </>
  );
}
