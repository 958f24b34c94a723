import { Button, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/i18n/format';
import { PageHeading } from '../../shared/layout';
import { QueryErrorAlert, useProblemReporter } from '../../shared/ui';
import { api, unwrap } from '../../shared/api';
import { unparsedRawUrl, useUnparsedMail, useUnparsedMailActions, type UnparsedMailDto } from './api';
import { useFormatSize } from './fileSize';

/** Supervisors' list of inbound mail that could not be read: download the original, attach it to a case, or dismiss it. */
export function UnparsedMailPage() {
  const { t, i18n } = useTranslation();
  const list = useUnparsedMail();
  const { attach, dismiss } = useUnparsedMailActions();
  const report = useProblemReporter();
  const formatSize = useFormatSize();
  const [attaching, setAttaching] = useState<UnparsedMailDto>();
  const [form] = Form.useForm<{ reference: string }>();

  return (
    <>
      <PageHeading title={t('workspace.unparsed.title')} />
      <Typography.Paragraph type="secondary">{t('workspace.unparsed.intro')}</Typography.Paragraph>
      <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table<UnparsedMailDto>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data}
        pagination={false}
        locale={{ emptyText: t('workspace.unparsed.empty') }}
        columns={[
          { key: 'received', title: t('workspace.unparsed.received'), width: 170, render: (_, m) => formatDateTime(m.receivedAt, i18n.language) },
          { key: 'branch', title: t('cases.branch'), dataIndex: 'branchCode', width: 80 },
          { key: 'from', title: t('workspace.unparsed.from'), dataIndex: 'fromAddress', width: 200, render: (v: string | null) => v ?? '—' },
          { key: 'subject', title: t('cases.subject'), dataIndex: 'subject', ellipsis: true, render: (v: string | null) => v ?? '—' },
          { key: 'size', title: t('workspace.unparsed.size'), width: 90, render: (_, m) => formatSize(m.size) },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 300,
            render: (_, m) => (
              <Space>
                <a href={unparsedRawUrl(m.id)} download>
                  {t('workspace.unparsed.download')}
                </a>
                <Button size="small" onClick={() => setAttaching(m)}>
                  {t('workspace.unparsed.attach')}
                </Button>
                <Button size="small" danger onClick={() => dismiss.mutate(m.id, { onError: (e) => report(e) })}>
                  {t('workspace.unparsed.dismiss')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!attaching}
        title={t('workspace.unparsed.attach')}
        onCancel={() => setAttaching(undefined)}
        onOk={() => form.submit()}
        confirmLoading={attach.isPending}
        okText={t('workspace.unparsed.attach')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          clearOnDestroy
          onFinish={async ({ reference }) => {
            // The supervisor types the reference people say aloud (TP-000123); it is looked up like the case list does.
            const page = await unwrap(api.GET('/api/cases', { params: { query: { q: reference.trim(), limit: 1 } } })).catch(() => undefined);
            const found = page?.items.find((c) => c.reference === reference.trim().toUpperCase());
            if (!found) {
              form.setFields([{ name: 'reference', errors: [t('workspace.unparsed.noSuchCase')] }]);
              return;
            }
            attach.mutate({ id: attaching!.id, caseId: found.id }, { onSuccess: () => setAttaching(undefined), onError: (e) => report(e, form) });
          }}
        >
          <Form.Item name="reference" label={t('cases.reference')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input placeholder="TP-000123" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
