import { Button, Card, Col, Form, Input, Radio, Row, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/i18n/format';
import { AnalysisBadge, useEncounterAnalyses } from '../../../shared/assist';
import { PageHeading } from '../../../shared/layout';
import { hasPermission, useMe } from '../../../shared/session';
import { QueryErrorAlert, useProblemReporter } from '../../../shared/ui';
import { useEncounters, useLogEncounter } from '../api/useCases';
import { encounterChannels, encounterNatures, encounterStages, outcomeColour } from '../components/caseLabels';

interface Values {
  channel: string;
  stage?: string;
  nature?: string;
  outcome: string;
  customerName?: string;
  summary?: string;
}

/** Log an encounter in seconds (a call, a visit, a chat), classified as the seeds classify them; and the latest ones. */
export function EncountersPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const log = useLogEncounter();
  const list = useEncounters({});
  const analyses = useEncounterAnalyses((list.data?.items ?? []).filter((e) => e.summary).map((e) => e.id));
  const analysisOf = (id: string) => analyses.data?.find((a) => a.ownerId === id);
  const report = useProblemReporter();
  const blank = (value?: string) => value?.trim() || null;

  return (
    <>
      <PageHeading title={t('encounters.title')} />
      <Row gutter={[16, 16]}>
        {hasPermission(me.data, 'cases.write') && (
          <Col span={24}>
            <Card title={t('encounters.log')}>
              <Form<Values>
                form={form}
                layout="vertical"
                initialValues={{ channel: 'phone', outcome: 'resolved' }}
                onFinish={(v) =>
                  log.mutate(
                    {
                      channel: v.channel,
                      stage: v.stage ?? null,
                      nature: v.nature ?? null,
                      outcome: v.outcome,
                      summary: blank(v.summary),
                      customerName: blank(v.customerName),
                      startedAt: null,
                      endedAt: null,
                      customerId: null,
                      caseId: null,
                      ticketId: null,
                      branch: null,
                    },
                    { onSuccess: () => form.resetFields(), onError: (e) => report(e, form) },
                  )
                }
              >
                <Row gutter={16}>
                  <Col xs={24} md={6}>
                    <Form.Item name="channel" label={t('cases.channel')}>
                      <Select options={encounterChannels.map((c) => ({ value: c, label: t(`cases.channels.${c}`) }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={6}>
                    <Form.Item name="stage" label={t('encounters.stage')}>
                      <Radio.Group optionType="button" options={encounterStages.map((s) => ({ value: s, label: t(`encounters.stages.${s}`) }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={6}>
                    <Form.Item name="nature" label={t('encounters.nature')}>
                      <Radio.Group optionType="button" options={encounterNatures.map((n) => ({ value: n, label: t(`encounters.natures.${n}`) }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={6}>
                    <Form.Item name="outcome" label={t('encounters.outcome')}>
                      <Radio.Group
                        options={[
                          { value: 'resolved', label: t('encounters.outcomes.resolved') },
                          { value: 'followUp', label: t('encounters.outcomes.followUp') },
                        ]}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={6}>
                    <Form.Item name="customerName" label={t('cases.customerName')}>
                      <Input maxLength={128} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={18}>
                    <Form.Item name="summary" label={t('encounters.summary')}>
                      <Input.TextArea rows={2} maxLength={2000} />
                    </Form.Item>
                  </Col>
                </Row>
                <Button type="primary" htmlType="submit" loading={log.isPending}>
                  {t('encounters.save')}
                </Button>
              </Form>
            </Card>
          </Col>
        )}
        <Col span={24}>
          <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />
          <Table
            rowKey="id"
            size="small"
            loading={list.isFetching}
            dataSource={list.data?.items}
            pagination={false}
            scroll={{ x: 1320 }}
            columns={[
              { key: 'at', title: t('encounters.at'), width: 160, render: (_, e) => formatDateTime(e.startedAt, i18n.language) },
              { key: 'channel', title: t('cases.channel'), width: 100, render: (_, e) => t(`cases.channels.${e.channel as 'phone'}`) },
              { key: 'mode', title: t('encounters.mode'), width: 100, render: (_, e) => t(`encounters.modes.${e.mode as 'phone'}`) },
              { key: 'stage', title: t('encounters.stage'), width: 90, render: (_, e) => (e.stage ? t(`encounters.stages.${e.stage as 'preSale'}`) : '—') },
              {
                key: 'nature',
                title: t('encounters.nature'),
                width: 90,
                render: (_, e) => (e.nature ? t(`encounters.natures.${e.nature as 'emotional'}`) : '—'),
              },
              {
                key: 'outcome',
                title: t('encounters.outcome'),
                width: 110,
                render: (_, e) => (
                  <Tag color={e.outcome === 'resolved' ? outcomeColour.resolved : outcomeColour.followUp}>{t(`encounters.outcomes.${e.outcome as 'resolved'}`)}</Tag>
                ),
              },
              { key: 'customer', title: t('cases.customer'), dataIndex: 'customerName', width: 90 },
              { key: 'staff', title: t('encounters.staff'), dataIndex: 'staffName', width: 110 },
              { key: 'summary', title: t('encounters.summary'), dataIndex: 'summary', width: 260, ellipsis: true },
              {
                key: 'assist',
                title: t('assist.title'),
                width: 170,
                render: (_, e) => {
                  const analysis = analysisOf(e.id);
                  return analysis ? <AnalysisBadge analysis={analysis} canCorrect={hasPermission(me.data, 'cases.write')} /> : null;
                },
              },
            ]}
          />
        </Col>
      </Row>
    </>
  );
}
