import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Select, Space, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../../shared/layout';
import { useBranchList } from '../../../shared/session';
import { FormModal, QueryErrorAlert, RowActions, StatusDot, useProblemReporter } from '../../../shared/ui';
import {
  useCreateMessagingChannel,
  useDeleteMessagingChannel,
  useMessagingChannels,
  useRotateMessagingSecret,
  useUpdateMessagingChannel,
  type MessagingChannel,
  type MessagingChannelRequest,
} from '../api/useChats';

const apps = ['wechat', 'line', 'kakao', 'whatsapp', 'other'] as const;

/** Administrators connect messaging gateways: key, name, app, branch, callback; the secret is shown once. */
export function MessagingChannelsPage() {
  const { t } = useTranslation();
  const channels = useMessagingChannels();
  const branches = useBranchList();
  const create = useCreateMessagingChannel();
  const update = useUpdateMessagingChannel();
  const rotate = useRotateMessagingSecret();
  const remove = useDeleteMessagingChannel();
  const report = useProblemReporter();
  const [form] = Form.useForm<MessagingChannelRequest>();
  const [editing, setEditing] = useState<MessagingChannel | 'new'>();
  const [secret, setSecret] = useState<{ key: string; secret: string }>();

  const save = (values: MessagingChannelRequest) => {
    const done = { onSuccess: () => setEditing(undefined), onError: (e: unknown) => report(e, form) };
    if (editing === 'new')
      create.mutate(values, { ...done, onSuccess: (r) => { setEditing(undefined); setSecret({ key: r.channel.key, secret: r.secret }); } });
    else if (editing) update.mutate({ id: editing.id, body: { ...values, key: null } }, done);
  };

  return (
    <>
      <PageHeading
        title={t('messaging.title')}
        extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('messaging.create')}</Button>}
      />
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('messaging.signingHelp')} />
      <QueryErrorAlert error={channels.error} onRetry={() => void channels.refetch()} />
      <Table<MessagingChannel>
        rowKey="id"
        loading={channels.isLoading}
        dataSource={channels.data}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { key: 'name', title: t('messaging.name'), dataIndex: 'name' },
          { key: 'app', title: t('messaging.app'), render: (_, c) => t(`messaging.apps.${c.app as 'line'}`) },
          { key: 'branch', title: t('messaging.branch'), dataIndex: 'branch' },
          { key: 'inbound', title: t('messaging.inbound'), render: (_, c) => <Typography.Text code copyable>{c.inboundPath}</Typography.Text> },
          { key: 'callback', title: t('messaging.callbackUrl'), render: (_, c) => <Typography.Text code>{c.callbackUrl}</Typography.Text> },
          { key: 'active', title: t('messaging.active'), render: (_, c) => <StatusDot tone={c.active ? 'success' : 'default'} label={c.active ? t('messaging.on') : t('messaging.off')} /> },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, c) => (
              <Space>
                <Button size="small" onClick={() => rotate.mutate(c.id, { onSuccess: (r) => setSecret({ key: r.channel.key, secret: r.secret }), onError: (e) => report(e) })}>
                  {t('messaging.rotate')}
                </Button>
                <RowActions
                  name={c.name}
                  onEdit={() => setEditing(c)}
                  onRemove={() => remove.mutateAsync(c.id).catch((e) => report(e))}
                  removeConfirm={t('messaging.deleteConfirm', { name: c.name })}
                />
              </Space>
            ),
          },
        ]}
      />
      <FormModal<MessagingChannelRequest>
        open={!!editing}
        title={editing === 'new' ? t('messaging.create') : t('messaging.edit')}
        form={form}
        initialValues={editing === 'new' || !editing ? { app: 'line', active: true } : { ...editing }}
        saving={create.isPending || update.isPending}
        onCancel={() => setEditing(undefined)}
        onSubmit={save}
      >
        <Form.Item name="key" label={t('messaging.key')} extra={t('messaging.keyHelp')} rules={[{ required: editing === 'new', message: t('validation.required') }]}>
          <Input disabled={editing !== 'new'} />
        </Form.Item>
        <Form.Item name="name" label={t('messaging.name')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="app" label={t('messaging.app')}>
          <Select options={apps.map((a) => ({ value: a, label: t(`messaging.apps.${a}`) }))} />
        </Form.Item>
        <Form.Item name="branch" label={t('messaging.branch')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select options={(branches.data ?? []).map((b) => ({ value: b.code, label: b.code }))} />
        </Form.Item>
        <Form.Item name="callbackUrl" label={t('messaging.callbackUrl')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input placeholder="https://gateway.example/touchpoint" />
        </Form.Item>
        <Form.Item name="active" label={t('messaging.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </FormModal>
      <Modal
        open={!!secret}
        title={t('messaging.secretTitle', { key: secret?.key })}
        onCancel={() => setSecret(undefined)}
        maskClosable={false}
        destroyOnHidden
        footer={<Button type="primary" onClick={() => setSecret(undefined)}>{t('common.done')}</Button>}
      >
        <Alert type="warning" showIcon message={t('messaging.secretWarning')} style={{ marginBottom: 16 }} />
        <Typography.Paragraph code copyable={{ text: secret?.secret }} data-testid="messaging-secret" style={{ wordBreak: 'break-all' }}>
          {secret?.secret}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
