import { PlusOutlined } from '@ant-design/icons';
import { Button, Drawer, List, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../../shared/layout';
import { hasPermission, useMe } from '../../../shared/session';
import { QueryErrorAlert } from '../../../shared/ui';
import { useSegmentMembers, useSegments, type Segment } from '../api/useCustomers';
import { SegmentFormModal } from '../components/SegmentFormModal';
import { VipTag } from '../components/VipTag';

/** Segments (客户分层): who is in each by its rules, and the service policies members get. */
export function SegmentsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const segments = useSegments();
  const canEdit = hasPermission(me.data, 'customers.segments');
  const [editing, setEditing] = useState<Segment | null | undefined>(undefined);
  const [membersOf, setMembersOf] = useState<Segment | null>(null);
  const members = useSegmentMembers(membersOf?.code ?? null);

  return (
    <>
      <PageHeading
        title={t('segments.title')}
        extra={
          <Space>
            <Link to="/customers">{t('customers.backToSearch')}</Link>
            {canEdit && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
                {t('segments.create')}
              </Button>
            )}
          </Space>
        }
      />
      <QueryErrorAlert error={segments.error} onRetry={() => void segments.refetch()} />
      <Table<Segment>
        rowKey="code"
        size="middle"
        loading={segments.isLoading}
        dataSource={segments.data}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { key: 'name', title: t('segments.name'), render: (_, s) => <Space direction="vertical" size={0}><b>{s.displayName}</b><Typography.Text type="secondary">{s.code}</Typography.Text></Space> },
          { key: 'rules', title: t('segments.rules'), render: (_, s) => <RuleTags segment={s} /> },
          {
            key: 'policy',
            title: t('segments.policy'),
            render: (_, s) => (
              <Space size={4} wrap>
                {s.policy.queuePriority && <VipTag>{t(`queue.priority.${s.policy.queuePriority}`, { defaultValue: s.policy.queuePriority })}</VipTag>}
                {s.policy.slaPolicy && <Tag color="blue">{t('segments.slaTag', { name: s.policy.slaPolicy })}</Tag>}
                {s.policy.surveyEligible === false && <Tag>{t('segments.noSurveys')}</Tag>}
              </Space>
            ),
          },
          { key: 'rank', title: t('segments.rank'), dataIndex: 'rank', width: 80 },
          {
            key: 'members',
            title: t('segments.members'),
            width: 110,
            render: (_, s) => <Button type="link" onClick={() => setMembersOf(s)}>{s.members}</Button>,
          },
          { key: 'active', title: t('segments.active'), width: 100, render: (_, s) => (s.isActive ? <Tag color="green">{t('segments.choice.yes')}</Tag> : <Tag>{t('segments.choice.no')}</Tag>) },
          ...(canEdit ? [{ key: 'edit', title: t('common.actions'), width: 100, render: (_: unknown, s: Segment) => <Button size="small" onClick={() => setEditing(s)}>{t('common.edit')}</Button> }] : []),
        ]}
      />
      <SegmentFormModal segment={editing ?? null} open={editing !== undefined} onClose={() => setEditing(undefined)} />
      <Drawer open={membersOf !== null} onClose={() => setMembersOf(null)} title={membersOf && t('segments.membersOf', { name: membersOf.displayName })} width={420}>
        <List
          loading={members.isLoading}
          dataSource={members.data ?? []}
          renderItem={(c) => (
            <List.Item>
              <Link to={`/customers/${c.id}`}>{c.name || t('customers.noName')}</Link>
              <Typography.Text type="secondary">{[c.phone, c.homeBranch].filter(Boolean).join(' · ')}</Typography.Text>
            </List.Item>
          )}
        />
      </Drawer>
    </>
  );
}

/** The rules as short tags, in the UI language. */
function RuleTags({ segment }: { segment: Segment }) {
  const { t } = useTranslation();
  const r = segment.rules;
  const tags: string[] = [];
  if (r.minValue != null) tags.push(t('segments.ruleTag.minValue', { value: r.minValue.toLocaleString() }));
  if (r.minVisitsLastYear != null) tags.push(t('segments.ruleTag.minVisitsLastYear', { count: r.minVisitsLastYear }));
  if (r.seenWithinDays != null) tags.push(t('segments.ruleTag.seenWithinDays', { count: r.seenWithinDays }));
  if (r.notSeenForDays != null) tags.push(t('segments.ruleTag.notSeenForDays', { count: r.notSeenForDays }));
  if (r.vip != null) tags.push(r.vip ? t('segments.ruleTag.vip') : t('segments.ruleTag.notVip'));
  r.anyTiers?.forEach((tier) => tags.push(t(`customers.tiers.${tier}`, { defaultValue: tier })));
  r.anyNeeds?.forEach((need) => tags.push(t(`customers.need.${need}`, { defaultValue: need })));
  r.anyTags?.forEach((tag) => tags.push(`#${tag}`));
  return <Space size={4} wrap>{tags.length === 0 ? '—' : tags.map((tag) => <Tag key={tag}>{tag}</Tag>)}</Space>;
}
