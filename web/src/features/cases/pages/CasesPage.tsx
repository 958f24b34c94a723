import { Button, Col, Flex, Form, Input, Row, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../../shared/i18n/format';
import { PageHeading } from '../../../shared/layout';
import { hasPermission, useCurrentBranch, useMe } from '../../../shared/session';
import { TeamFilterSelect } from '../../../shared/teams';
import { QueryErrorAlert } from '../../../shared/ui';
import { CaseViewsSider } from '../../caseWorkspace/CaseViewsSider';
import { CaseViewTable } from '../../caseWorkspace/CaseViewTable';
import { useCaseList, type CaseListItem, type CaseQuery } from '../api/useCases';
import { casePriorities, caseStatuses, priorityColour, statusColour } from '../components/caseLabels';
import { NewCaseModal } from '../components/NewCaseModal';
import { SlaDueTag } from '../components/SlaDueTag';

/** The case list: filters, newest first, one more page at a time (keyset paging keeps every page as fast as the first). */
export function CasesPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const [branch] = useCurrentBranch();
  const [filters, setFilters] = useState<CaseQuery>({});
  const [cursors, setCursors] = useState<string[]>([]);
  const [creating, setCreating] = useState(false);
  const [view, setView] = useState<string>();
  const list = useCaseList({ ...filters, after: cursors.at(-1), limit: 50 }, { enabled: !view });

  const canWrite = hasPermission(me.data, 'cases.write');
  return (
    <>
      <PageHeading
        title={t('cases.title')}
        extra={
          <Space>
            <Link to="/cases/macros">{t('macros.pageTitle')}</Link>
            {hasPermission(me.data, 'cases.supervise') && <Link to="/cases/unparsed-mail">{t('workspace.unparsed.nav')}</Link>}
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('cases.new')}
              </Button>
            )}
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={6} xxl={5}>
          <CaseViewsSider selected={view} onSelect={setView} />
        </Col>
        <Col xs={24} xl={18} xxl={19}>
          {view ? (
            <CaseViewTable key={view} viewKey={view} />
          ) : (
            <>
              <Form
                layout="inline"
                style={{ marginBottom: 16, rowGap: 12 }}
                onFinish={(v: CaseQuery) => {
                  setFilters({ status: v.status, priority: v.priority, assignee: v.assignee, team: v.team, q: v.q?.trim() || undefined });
                  setCursors([]);
                }}
              >
                <Form.Item name="q" label={t('cases.subject')}>
                  <Input allowClear />
                </Form.Item>
                <Form.Item name="status" label={t('cases.status')}>
                  <Select allowClear style={{ width: 160 }} options={caseStatuses.map((s) => ({ value: s, label: t(`cases.statuses.${s}`) }))} />
                </Form.Item>
                <Form.Item name="priority" label={t('cases.priority')}>
                  <Select allowClear style={{ width: 130 }} options={casePriorities.map((p) => ({ value: p, label: t(`cases.priorities.${p}`) }))} />
                </Form.Item>
                <Form.Item name="assignee" label={t('cases.assignee')}>
                  <Select
                    allowClear
                    style={{ width: 150 }}
                    options={[
                      { value: 'me', label: t('cases.assignedToMe') },
                      { value: 'none', label: t('cases.unassigned') },
                    ]}
                  />
                </Form.Item>
                <Form.Item name="team" label={t('cases.team')}>
                  <TeamFilterSelect branchCode={branch} style={{ width: 170 }} />
                </Form.Item>
                <Button type="primary" htmlType="submit">
                  {t('common.search')}
                </Button>
              </Form>
              <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />
              <Table<CaseListItem>
                rowKey="id"
                size="middle"
                loading={list.isFetching}
                dataSource={list.data?.items}
                pagination={false}
                scroll={{ x: 1440 }}
                onRow={(record) => ({ onClick: () => void navigate(`/cases/${record.id}`), style: { cursor: 'pointer' } })}
                columns={[
                  { key: 'reference', title: t('cases.reference'), width: 120, render: (_, c) => <Link to={`/cases/${c.id}`}>{c.reference}</Link> },
                  { key: 'subject', title: t('cases.subject'), dataIndex: 'subject', width: 260, ellipsis: true },
                  { key: 'customer', title: t('cases.customer'), dataIndex: 'customerName', width: 110 },
                  {
                    key: 'status',
                    title: t('cases.status'),
                    width: 130,
                    render: (_, c) => <Tag color={statusColour[c.status]}>{t(`cases.statuses.${c.status as (typeof caseStatuses)[number]}`)}</Tag>,
                  },
                  {
                    key: 'priority',
                    title: t('cases.priority'),
                    width: 100,
                    render: (_, c) => <Tag color={priorityColour[c.priority]}>{t(`cases.priorities.${c.priority as (typeof casePriorities)[number]}`)}</Tag>,
                  },
                  {
                    key: 'sla',
                    title: t('cases.sla.due'),
                    width: 250,
                    render: (_, c) => <SlaDueTag dueAt={c.slaDueAt} target={c.slaTarget} breached={c.slaBreached} />,
                  },
                  { key: 'assignee', title: t('cases.assignee'), dataIndex: 'assigneeName', width: 130 },
                  { key: 'team', title: t('cases.team'), dataIndex: 'team', width: 140, ellipsis: true },
                  { key: 'created', title: t('cases.created'), width: 170, render: (_, c) => formatDateTime(c.createdAt, i18n.language) },
                ]}
              />
              <Flex justify="center" gap={8} style={{ marginTop: 16 }}>
                <Button disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
                  {t('cases.previousPage')}
                </Button>
                <Button disabled={!list.data?.next} onClick={() => list.data?.next && setCursors([...cursors, list.data.next])}>
                  {t('cases.nextPage')}
                </Button>
              </Flex>
            </>
          )}
        </Col>
      </Row>
      <NewCaseModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          void navigate(`/cases/${id}`);
        }}
      />
    </>
  );
}
