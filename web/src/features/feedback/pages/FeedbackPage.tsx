import { Card, Col, Form, Progress, Row, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../../shared/layout';
import { useBranchList, useCurrentBranch } from '../../../shared/session';
import { QueryErrorAlert } from '../../../shared/ui';
import { feedbackChannels, feedbackGroups, useFeedbackSummary, type FeedbackChannel, type FeedbackMeasures, type FeedbackQuery } from '../api/useFeedback';
import { CommentsCard } from '../components/CommentsCard';
import { MeasureCards, percent } from '../components/MeasureCards';

/** Satisfaction and loyalty for supervisors and managers: the period's measures, a breakdown, the reasons ranked (Pareto) and what the comments say. */
export function FeedbackPage() {
  const { t } = useTranslation();
  const branches = useBranchList();
  const [current] = useCurrentBranch();
  const [query, setQuery] = useState<FeedbackQuery>({ days: 30, branch: current, groupBy: current ? 'counter' : 'branch' });
  const summary = useFeedbackSummary(query);
  const data = summary.data;
  return (
    <>
      <PageHeading title={t('feedback.title')} />
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 12 }} initialValues={query} onValuesChange={(_, all: FeedbackQuery) => setQuery(all)}>
        <Form.Item name="branch" label={t('feedback.branch')}>
          <Select allowClear style={{ width: 200 }} placeholder={t('feedback.allBranches')}
            options={(branches.data ?? []).map((b) => ({ value: b.code, label: `${b.code} · ${b.displayName}` }))} />
        </Form.Item>
        <Form.Item name="channel" label={t('feedback.channel')}>
          <Select allowClear style={{ width: 160 }} placeholder={t('feedback.allChannels')}
            options={feedbackChannels.map((c) => ({ value: c, label: t(`feedback.channels.${c}`) }))} />
        </Form.Item>
        <Form.Item name="days" label={t('feedback.period')}>
          <Select style={{ width: 140 }} options={[7, 30, 90].map((d) => ({ value: d, label: t('feedback.lastDays', { count: d }) }))} />
        </Form.Item>
        <Form.Item name="groupBy" label={t('feedback.groupBy')}>
          <Select allowClear style={{ width: 150 }} options={feedbackGroups.map((g) => ({ value: g, label: t(`feedback.groups.${g}`) }))} />
        </Form.Item>
      </Form>
      <QueryErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />
      {data && <MeasureCards total={data.total} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card size="small" title={t('feedback.breakdown')}>
            <Table<FeedbackMeasures>
              rowKey={(r) => r.key ?? ''}
              size="small"
              loading={summary.isFetching}
              dataSource={data?.groups}
              pagination={false}
              scroll={{ x: 640 }}
              columns={[
                { key: 'label', title: query.groupBy ? t(`feedback.groups.${query.groupBy}`) : '', render: (_, r) =>
                    query.groupBy === 'channel' && r.label ? t(`feedback.channels.${r.label as FeedbackChannel}`, { defaultValue: r.label }) : r.label || '–' },
                { key: 'csat', title: t('feedback.csat'), render: (_, r) => percent(r.csat.satisfiedShare), sorter: (a, b) => (a.csat.satisfiedShare ?? 0) - (b.csat.satisfiedShare ?? 0) },
                { key: 'nps', title: t('feedback.nps'), render: (_, r) => r.nps.score?.toFixed(1) ?? '–', sorter: (a, b) => (a.nps.score ?? 0) - (b.nps.score ?? 0) },
                { key: 'effort', title: t('feedback.effort'), render: (_, r) => r.effort.average?.toFixed(2) ?? '–' },
                { key: 'response', title: t('feedback.responseRate'), render: (_, r) => percent(r.responseRate) },
                { key: 'unrated', title: t('feedback.unratedShare'), render: (_, r) => percent(r.unratedShare) },
                { key: 'n', title: t('feedback.invitations'), dataIndex: 'invitations', align: 'right' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('feedback.reasons')}>
            <Table
              rowKey="code"
              size="small"
              dataSource={data?.reasons}
              pagination={false}
              columns={[
                { key: 'label', title: t('feedback.reason'), dataIndex: 'label' },
                { key: 'count', title: t('feedback.count'), dataIndex: 'count', align: 'right', width: 70 },
                { key: 'cumulative', title: t('feedback.cumulative'), width: 150,
                  render: (_, r) => (
                    // The first reasons up to 80% are the vital few (red): fixing them removes most dissatisfaction.
                    <Progress percent={Math.round(r.cumulativeShare * 100)} size="small" status={r.cumulativeShare <= 0.8 ? 'exception' : 'normal'}
                      aria-label={`${r.label}: ${t('feedback.cumulative')} ${Math.round(r.cumulativeShare * 100)}%`} format={(p) => `${p}%`} />
                  ) },
              ]}
            />
          </Card>
          {data && <div style={{ marginTop: 16 }}><CommentsCard comments={data.comments} /></div>}
        </Col>
      </Row>
    </>
  );
}
