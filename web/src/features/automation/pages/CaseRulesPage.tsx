import { PlusOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../../shared/layout';
import { QueryErrorAlert, useProblemReporter } from '../../../shared/ui';
import { useCaseRules, useDeleteCaseRule, useSaveCaseRule, type CaseRule } from '../api/useAutomation';
import { AssignmentPanel } from '../components/AssignmentPanel';
import { CaseRuleFormModal } from '../components/CaseRuleFormModal';
import { timedEvents } from '../components/ruleVocabulary';

/** Triggers and time-based automations, in the order they run, each switched on or off here. */
export function CaseRulesPage() {
  const { t } = useTranslation();
  const rules = useCaseRules();
  const remove = useDeleteCaseRule();
  const report = useProblemReporter();
  const [editing, setEditing] = useState<CaseRule | null | undefined>(undefined);

  const when = (r: CaseRule) =>
    timedEvents.includes(r.event)
      ? t(`automation.rules.eventsWithHours.${r.event as 'hoursSinceCreated'}`, { hours: r.hours ?? 0 })
      : t(`automation.rules.events.${r.event as 'caseCreated'}`);

  const rulesTable = (
    <>
      <Typography.Paragraph type="secondary">{t('automation.rules.intro')}</Typography.Paragraph>
      <QueryErrorAlert error={rules.error} onRetry={() => void rules.refetch()} />
      <Table<CaseRule>
        rowKey="id"
        size="middle"
        loading={rules.isLoading}
        dataSource={rules.data}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { key: 'position', title: '#', width: 60, render: (_, r) => r.position },
          { key: 'name', title: t('automation.rules.name'), render: (_, r) => <b>{r.name}</b> },
          { key: 'when', title: t('automation.rules.when'), width: 200, render: (_, r) => when(r) },
          {
            key: 'if', title: t('automation.rules.if'), render: (_, r) =>
              r.conditions.length === 0 ? t('automation.rules.always') : (
                <Space size={4} wrap>
                  {r.conditions.map((c, i) => (
                    <Tag key={i}>{t(`automation.rules.fields.${c.field as 'status'}`)} {t(`automation.rules.operators.${c.operator as 'is'}`)} {c.value}</Tag>
                  ))}
                  {r.conditions.length > 1 && <Typography.Text type="secondary">({r.matchAll ? t('automation.rules.matchAll') : t('automation.rules.matchAny')})</Typography.Text>}
                </Space>
              ),
          },
          {
            key: 'then', title: t('automation.rules.then'), render: (_, r) => (
              <Space size={4} wrap>{r.actions.map((a, i) => <Tag color="blue" key={i}>{t(`automation.rules.actions.${a.type as 'addTag'}`)}</Tag>)}</Space>
            ),
          },
          { key: 'branch', title: t('cases.branch'), width: 100, render: (_, r) => r.branch ?? t('macros.allBranches') },
          { key: 'enabled', title: t('automation.rules.enabled'), width: 90, render: (_, r) => <RuleSwitch rule={r} /> },
          {
            key: 'edit', title: t('common.actions'), width: 150, render: (_, r) => (
              <Space>
                <Button size="small" onClick={() => setEditing(r)}>{t('common.edit')}</Button>
                <Popconfirm title={t('automation.rules.deleteConfirm')} okText={t('common.delete')} cancelText={t('common.cancel')}
                  onConfirm={() => remove.mutate(r.id, { onError: (e) => report(e) })}>
                  <Button size="small" danger>{t('common.delete')}</Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </>
  );

  return (
    <>
      <PageHeading
        title={t('automation.rules.pageTitle')}
        extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>{t('automation.rules.create')}</Button>}
      />
      <Tabs
        items={[
          { key: 'rules', label: t('automation.rules.tab'), children: rulesTable },
          { key: 'assignment', label: t('automation.assignment.tab'), children: <AssignmentPanel /> },
        ]}
      />
      <CaseRuleFormModal rule={editing ?? null} open={editing !== undefined} onClose={() => setEditing(undefined)} />
    </>
  );
}

/** On or off at once: the rule is saved as it is with the switch changed. */
function RuleSwitch({ rule }: { rule: CaseRule }) {
  const { t } = useTranslation();
  const save = useSaveCaseRule(rule.id);
  const report = useProblemReporter();
  return (
    <Switch
      aria-label={t('automation.rules.enabled')}
      checked={rule.isEnabled}
      loading={save.isPending}
      onChange={(isEnabled) =>
        save.mutate(
          { name: rule.name, branch: rule.branch, event: rule.event, hours: rule.hours, position: rule.position, isEnabled, matchAll: rule.matchAll, conditions: rule.conditions, actions: rule.actions },
          { onError: (e) => report(e) },
        )
      }
    />
  );
}
