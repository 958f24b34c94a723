import { Flex, Button, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../shared/i18n/format';
import { QueryErrorAlert } from '../../shared/ui';
import type { CaseListItem } from '../cases/api/useCases';
import { priorityColour, statusColour, type casePriorities, type caseStatuses } from '../cases/components/caseLabels';
import { SlaDueTag } from '../cases/components/SlaDueTag';
import { useCaseViewCases } from './api';

const pageSize = 50;

/** The cases of one saved view, in the view's order. */
export function CaseViewTable({ viewKey }: { viewKey: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [offset, setOffset] = useState(0);
  const page = useCaseViewCases(viewKey, offset);
  return (
    <>
      <QueryErrorAlert error={page.error} onRetry={() => void page.refetch()} />
      <Typography.Text type="secondary">{t('workspace.views.total', { count: page.data?.total ?? 0 })}</Typography.Text>
      <Table<CaseListItem>
        rowKey="id"
        size="middle"
        loading={page.isFetching}
        dataSource={page.data?.items}
        pagination={false}
        scroll={{ x: 1030 }}
        onRow={(record) => ({ onClick: () => void navigate(`/cases/${record.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { key: 'reference', title: t('cases.reference'), width: 120, render: (_, c) => <Link to={`/cases/${c.id}`}>{c.reference}</Link> },
          { key: 'subject', title: t('cases.subject'), dataIndex: 'subject', width: 240, ellipsis: true },
          { key: 'customer', title: t('cases.customer'), dataIndex: 'customerName', width: 100 },
          {
            key: 'status',
            title: t('cases.status'),
            width: 120,
            render: (_, c) => <Tag color={statusColour[c.status]}>{t(`cases.statuses.${c.status as (typeof caseStatuses)[number]}`)}</Tag>,
          },
          {
            key: 'priority',
            title: t('cases.priority'),
            width: 90,
            render: (_, c) => <Tag color={priorityColour[c.priority]}>{t(`cases.priorities.${c.priority as (typeof casePriorities)[number]}`)}</Tag>,
          },
          { key: 'sla', title: t('cases.sla.due'), width: 220, render: (_, c) => <SlaDueTag dueAt={c.slaDueAt} target={c.slaTarget} breached={c.slaBreached} /> },
          { key: 'assignee', title: t('cases.assignee'), dataIndex: 'assigneeName', width: 120 },
          { key: 'team', title: t('cases.team'), dataIndex: 'team', width: 130, ellipsis: true },
          { key: 'created', title: t('cases.created'), width: 160, render: (_, c) => formatDateTime(c.createdAt, i18n.language) },
        ]}
      />
      <Flex justify="center" gap={8} style={{ marginTop: 16 }}>
        <Button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - pageSize))}>
          {t('cases.previousPage')}
        </Button>
        <Button disabled={(page.data?.total ?? 0) <= offset + pageSize} onClick={() => setOffset(offset + pageSize)}>
          {t('cases.nextPage')}
        </Button>
      </Flex>
    </>
  );
}
