import { Alert, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const demoRoles = ['manager', 'supervisor', 'frontline', 'backoffice', 'quality', 'trainer'];
const demoBranchPrefixes = ['sh', 'tpe', 'sel', 'lon'];
const demoPassword = 'Demo!2345';

/** Shown only when the server has demo data, so that an evaluator can sign in as each kind of staff. */
export function DemoAccountsNote() {
  const { t } = useTranslation();
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginTop: 24 }}
      message={t('login.demo.title')}
      description={
        <>
          <Typography.Paragraph>{t('login.demo.admin')}</Typography.Paragraph>
          <Typography.Paragraph>{t('login.demo.staff', { password: demoPassword })}</Typography.Paragraph>
          <Space wrap size={[4, 4]} style={{ marginBottom: 12 }}>
            {demoRoles.map((role) => (
              <Typography.Text code key={role}>
                {demoBranchPrefixes[0]}.{role}
              </Typography.Text>
            ))}
          </Space>
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            {t('login.demo.otherBranches', { prefixes: demoBranchPrefixes.slice(1).map((prefix) => `${prefix}.`).join(' ') })}
          </Typography.Paragraph>
        </>
      }
    />
  );
}
