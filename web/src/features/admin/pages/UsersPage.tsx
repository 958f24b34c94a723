import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../../shared/layout';
import { isRole } from '../../../shared/session';
import { QueryErrorAlert, StatusDot, useProblemReporter } from '../../../shared/ui';
import { useUnlockUser, useUsers, type User } from '../api/useUsers';
import { ResetPasswordModal } from '../components/ResetPasswordModal';
import { UserFormDrawer } from '../components/UserFormDrawer';

export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const users = useUsers();
  const unlock = useUnlockUser();
  const reportProblem = useProblemReporter();
  const [editing, setEditing] = useState<User | null>();
  const [resetting, setResetting] = useState<User>();

  const unlockUser = (user: User) =>
    unlock.mutate(user.id, { onSuccess: () => void message.success(t('users.unlocked')), onError: (error) => reportProblem(error) });

  const status = (user: User) => {
    if (user.isLockedOut) return <StatusDot tone="error" label={t('users.statusLocked')} />;
    return user.isActive ? <StatusDot tone="success" label={t('users.statusActive')} /> : <StatusDot tone="default" label={t('users.statusInactive')} />;
  };

  return (
    <>
      <PageHeading
        title={t('users.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('users.create')}
          </Button>
        }
      />
      <QueryErrorAlert error={users.error} onRetry={() => void users.refetch()} />
      <Table<User>
        rowKey="id"
        loading={users.isLoading}
        dataSource={users.data}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 1000 }}
        columns={[
          { key: 'userName', title: t('users.userName'), dataIndex: 'userName' },
          { key: 'displayName', title: t('users.displayName'), dataIndex: 'displayName' },
          {
            key: 'roles',
            title: t('users.roles'),
            render: (_, user) => (
              <Space wrap size={[4, 4]}>
                {user.roles.map((role) => (
                  <Tag key={role}>{isRole(role) ? t(`roles.${role}`) : role}</Tag>
                ))}
              </Space>
            ),
          },
          { key: 'branches', title: t('users.branches'), render: (_, user) => user.branches.join(', ') },
          { key: 'status', title: t('users.status'), render: (_, user) => status(user) },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, user) => (
              <Space wrap>
                <Button size="small" onClick={() => setEditing(user)} aria-label={t('common.actionNamed', { action: t('common.edit'), name: user.userName })}>
                  {t('common.edit')}
                </Button>
                <Button size="small" onClick={() => setResetting(user)} aria-label={t('common.actionNamed', { action: t('users.resetPassword'), name: user.userName })}>
                  {t('users.resetPassword')}
                </Button>
                {user.isLockedOut && (
                  <Button size="small" onClick={() => unlockUser(user)} aria-label={t('common.actionNamed', { action: t('users.unlock'), name: user.userName })}>
                    {t('users.unlock')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <UserFormDrawer open={editing !== undefined} user={editing ?? undefined} onClose={() => setEditing(undefined)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(undefined)} />
    </>
  );
}
