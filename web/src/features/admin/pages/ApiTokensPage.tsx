import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/i18n/format';
import { PageHeading } from '../../../shared/layout';
import { QueryErrorAlert, RowActions, StatusDot, useProblemReporter } from '../../../shared/ui';
import { useApiTokens, useRevokeApiToken, type ApiToken, type CreatedApiToken } from '../api/useApiTokens';
import { ApiTokenRevealModal } from '../components/ApiTokenRevealModal';
import { CreateApiTokenModal } from '../components/CreateApiTokenModal';

export function ApiTokensPage() {
  const { t, i18n } = useTranslation();
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const reportProblem = useProblemReporter();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken>();
  const when = (value?: string | null) => formatDateTime(value, i18n.language);

  return (
    <>
      <PageHeading
        title={t('apiTokens.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('apiTokens.create')}
          </Button>
        }
      />
      <QueryErrorAlert error={tokens.error} onRetry={() => void tokens.refetch()} />
      <Table<ApiToken>
        rowKey="id"
        loading={tokens.isLoading}
        dataSource={tokens.data}
        pagination={false}
        scroll={{ x: 1000 }}
        columns={[
          { key: 'name', title: t('apiTokens.name'), dataIndex: 'name' },
          {
            key: 'scopes',
            title: t('apiTokens.scopes'),
            render: (_, token) => (
              <Space wrap size={[4, 4]}>
                {token.scopes.map((scope) => (
                  <Typography.Text code key={scope}>
                    {scope}
                  </Typography.Text>
                ))}
              </Space>
            ),
          },
          { key: 'createdBy', title: t('apiTokens.createdBy'), dataIndex: 'createdBy' },
          { key: 'createdAt', title: t('apiTokens.createdAt'), render: (_, token) => when(token.createdAt) },
          { key: 'lastUsedAt', title: t('apiTokens.lastUsedAt'), render: (_, token) => when(token.lastUsedAt) || t('apiTokens.neverUsed') },
          {
            key: 'status',
            title: t('apiTokens.status'),
            render: (_, token) =>
              token.revokedAt ? (
                <StatusDot tone="default" label={t('apiTokens.revokedAt', { time: when(token.revokedAt) })} />
              ) : (
                <StatusDot tone="success" label={t('apiTokens.active')} />
              ),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, token) =>
              !token.revokedAt && (
                <RowActions
                  name={token.name}
                  onRemove={() => revoke.mutateAsync(token.id).catch(reportProblem)}
                  removeConfirm={t('apiTokens.revokeConfirm', { name: token.name })}
                  removeText={t('apiTokens.revoke')}
                />
              ),
          },
        ]}
      />
      <CreateApiTokenModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(token) => {
          setCreating(false);
          setCreated(token);
        }}
      />
      <ApiTokenRevealModal token={created} onClose={() => setCreated(undefined)} />
    </>
  );
}
