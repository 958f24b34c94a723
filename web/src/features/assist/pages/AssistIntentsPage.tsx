import { Button, Card, Descriptions, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { intentName, useAssistIntents, useAssistModels, useDeleteIntent, useRetrain, type AssistIntent } from '../../../shared/assist';
import { formatDateTime } from '../../../shared/i18n/format';
import { PageHeading } from '../../../shared/layout';
import { QueryErrorAlert, RowActions, useProblemReporter } from '../../../shared/ui';
import { IntentFormModal } from '../components/IntentFormModal';

/** The organisation's intent taxonomy and the state of its models. */
export function AssistIntentsPage() {
  const { t, i18n } = useTranslation();
  const intents = useAssistIntents();
  const models = useAssistModels();
  const remove = useDeleteIntent();
  const retrain = useRetrain();
  const report = useProblemReporter();
  const [editing, setEditing] = useState<{ intent?: AssistIntent } | null>(null);
  const m = models.data;

  return (
    <>
      <PageHeading
        title={t('assist.intents.title')}
        extra={
          <Button type="primary" onClick={() => setEditing({})}>
            {t('assist.intents.create')}
          </Button>
        }
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card
          title={t('assist.models.title')}
          extra={
            <Button loading={retrain.isPending} onClick={() => retrain.mutate(undefined, { onError: (e) => report(e) })}>
              {t('assist.models.retrain')}
            </Button>
          }
        >
          <QueryErrorAlert error={models.error} onRetry={() => void models.refetch()} />
          {m && (
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label={t('assist.models.state')}>
                <Tag color={m.ready ? '#237804' : '#ad6800'}>{m.ready ? t('assist.models.ready') : t('assist.models.training')}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('assist.models.version')}>{m.version ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('assist.models.trainedAt')}>{m.trainedAt ? formatDateTime(m.trainedAt, i18n.language) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('assist.models.examples')}>
                {t('assist.models.examplesValue', { sentiment: m.sentimentExamples, intent: m.intentExamples })}
              </Descriptions.Item>
              <Descriptions.Item label={t('assist.models.trainSeconds')}>{m.lastTrainSeconds ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('assist.models.pending')}>{m.pending}</Descriptions.Item>
            </Descriptions>
          )}
        </Card>
        <QueryErrorAlert error={intents.error} onRetry={() => void intents.refetch()} />
        <Table<AssistIntent>
          rowKey="key"
          size="small"
          loading={intents.isFetching}
          dataSource={intents.data}
          pagination={false}
          scroll={{ x: 900 }}
          columns={[
            { key: 'key', title: t('assist.intents.key'), dataIndex: 'key', width: 160 },
            { key: 'name', title: t('assist.intents.name'), width: 160, render: (_, i) => intentName(i) },
            {
              key: 'route',
              title: t('assist.intents.route'),
              render: (_, i) => (
                <Space size={4} wrap>
                  {i.routeTeam && <Tag>{t('assist.intents.routeTeam')}: {i.routeTeam}</Tag>}
                  {i.routeCategory && <Tag>{t('assist.intents.routeCategory')}: {i.routeCategory}</Tag>}
                  {i.routeService && <Tag>{t('assist.intents.routeService')}: {i.routeService}</Tag>}
                  {!i.routeTeam && !i.routeCategory && !i.routeService && '—'}
                </Space>
              ),
            },
            {
              key: 'examples',
              title: t('assist.intents.examples'),
              width: 220,
              render: (_, i) => t('assist.intents.examplesCount', { own: i.examples.length, builtIn: i.builtInExamples, corrections: i.corrections }),
            },
            {
              key: 'actions',
              width: 160,
              render: (_, i) => (
                <RowActions
                  name={intentName(i)}
                  onEdit={() => setEditing({ intent: i })}
                  onRemove={() => remove.mutateAsync(i.key).catch((e: unknown) => report(e))}
                  removeConfirm={t('assist.intents.removeConfirm', { name: intentName(i) })}
                />
              ),
            },
          ]}
        />
      </Space>
      <IntentFormModal open={editing !== null} intent={editing?.intent} onClose={() => setEditing(null)} />
    </>
  );
}
