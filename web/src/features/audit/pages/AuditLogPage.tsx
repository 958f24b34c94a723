import { Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/i18n/format';
import { PageHeading } from '../../../shared/layout';
import { QueryErrorAlert } from '../../../shared/ui';
import { useAuditLog, type AuditQuery } from '../api/useAuditLog';
import { AuditFilters } from '../components/AuditFilters';

const defaultPageSize = 50;

export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState<AuditQuery>({ page: 1, pageSize: defaultPageSize });
  const auditLog = useAuditLog(query);

  return (
    <>
      <PageHeading title={t('audit.title')} />
      <AuditFilters onChange={(filters) => setQuery({ ...filters, page: 1, pageSize: query.pageSize })} />
      <QueryErrorAlert error={auditLog.error} onRetry={() => void auditLog.refetch()} />
      <Table
        rowKey="id"
        size="middle"
        loading={auditLog.isFetching}
        dataSource={auditLog.data?.items}
        // Fixed layout keeps long details on one truncated line instead of squeezing the time column.
        tableLayout="fixed"
        scroll={{ x: 1100 }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: auditLog.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page) => setQuery({ ...query, page }),
        }}
        columns={[
          { key: 'at', title: t('audit.at'), dataIndex: 'at', width: 190, render: (at: string) => formatDateTime(at, i18n.language) },
          { key: 'actor', title: t('audit.actor'), dataIndex: 'actor', width: 150, ellipsis: true },
          { key: 'action', title: t('audit.action'), dataIndex: 'action', width: 170, ellipsis: true },
          { key: 'target', title: t('audit.target'), dataIndex: 'target', width: 220, ellipsis: true },
          {
            key: 'details',
            title: t('audit.details'),
            dataIndex: 'details',
            render: (details: string | null) => <Typography.Text ellipsis={{ tooltip: details }}>{details}</Typography.Text>,
          },
          { key: 'ipAddress', title: t('audit.ipAddress'), dataIndex: 'ipAddress', width: 140 },
        ]}
      />
    </>
  );
}
