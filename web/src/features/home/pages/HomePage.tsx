import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../../shared/layout';
import { isRole, useBranchList, useMe } from '../../../shared/session';
import { QuickLinks } from '../components/QuickLinks';

export function HomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { data: branches } = useBranchList();
  if (!me) return null; // SessionGate renders pages only once the user is known

  return (
    <>
      <PageHeading title={t('home.welcome', { name: me.displayName || me.userName })} />
      <Card style={{ marginBottom: 24 }}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('home.roles')}>
            <Space wrap size={[4, 4]}>
              {me.roles.map((role) => (
                <Tag key={role}>{isRole(role) ? t(`roles.${role}`) : role}</Tag>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('home.branches')}>
            {me.branches.length > 0
              ? me.branches.map((code) => branches?.find((branch) => branch.code === code)?.displayName ?? code).join(', ')
              : t('branchContext.all')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('home.quickLinks')}
      </Typography.Title>
      <QuickLinks me={me} />
    </>
  );
}
