import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { oneOf } from '../../../shared/api';
import { QueryErrorAlert, RowActions, StatusDot, useProblemReporter } from '../../../shared/ui';
import { useCounters, useDeleteCounter, type Counter } from '../api/useCounters';
import { CounterFormModal } from './CounterFormModal';

const counterStates = ['open', 'paused', 'closed'] as const;
const stateTone = { open: 'success', paused: 'warning', closed: 'default' } as const;

/** The service windows of a branch and which services each one handles. */
export function CountersPanel({ branchCode }: { branchCode: string }) {
  const { t } = useTranslation();
  const counters = useCounters(branchCode);
  const deleteCounter = useDeleteCounter(branchCode);
  const reportProblem = useProblemReporter();
  const [editing, setEditing] = useState<Counter | null>();

  return (
    <>
      <Flex justify="end" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
          {t('counters.create')}
        </Button>
      </Flex>
      <QueryErrorAlert error={counters.error} onRetry={() => void counters.refetch()} />
      <Table<Counter>
        rowKey="number"
        size="middle"
        loading={counters.isLoading}
        dataSource={counters.data}
        pagination={false}
        scroll={{ x: 700 }}
        columns={[
          { key: 'number', title: t('counters.number'), dataIndex: 'number', width: 100 },
          { key: 'name', title: t('counters.name'), dataIndex: 'displayName' },
          {
            key: 'services',
            title: t('counters.services'),
            render: (_, counter) => (
              <Space wrap size={[4, 4]}>
                {counter.services.map((code) => (
                  <Tag key={code}>{code}</Tag>
                ))}
              </Space>
            ),
          },
          {
            key: 'state',
            title: t('counters.state'),
            // Read-only here: staff open, pause and close their own window from the counter screen.
            render: (_, counter) => {
              const state = oneOf(counter.state, counterStates);
              return state ? <StatusDot tone={stateTone[state]} label={t(`counters.states.${state}`)} /> : counter.state;
            },
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, counter) => {
              const name = t('counters.label', { number: counter.number });
              return (
                <RowActions
                  name={name}
                  onEdit={() => setEditing(counter)}
                  onRemove={() => deleteCounter.mutateAsync(counter.number).catch(reportProblem)}
                  removeConfirm={t('counters.deleteConfirm', { name })}
                />
              );
            },
          },
        ]}
      />
      <CounterFormModal branchCode={branchCode} open={editing !== undefined} counter={editing ?? undefined} onClose={() => setEditing(undefined)} />
    </>
  );
}
