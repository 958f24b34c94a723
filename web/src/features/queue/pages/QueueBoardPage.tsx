import { WarningFilled } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Col, List, Row, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { oneOf, queryKeys } from '../../../shared/api';
import { PageHeading } from '../../../shared/layout';
import { useRealtimeEvent } from '../../../shared/realtime';
import { hasPermission, useBranchList, useMe } from '../../../shared/session';
import { QueryErrorAlert, SectionCard, StatusDot } from '../../../shared/ui';
import { counterStates, pauseReasons, type BoardCounter, type BoardService } from '../api/queueTypes';
import { useQueueBoard } from '../api/useQueueBoard';
import { ErlangCCalculator } from '../components/ErlangCCalculator';
import { formatDuration } from '../components/formatDuration';
import { useThrottledCallback } from '../components/useThrottledCallback';
import '../components/queue.css';

const pollMs = 15_000;
const stateTone = { open: 'success', paused: 'warning', closed: 'default' } as const;

/** The supervisors' live view of one branch: queues against their targets, counters, latest calls. */
export function QueueBoardPage() {
  const { t, i18n } = useTranslation();
  const { branch = '' } = useParams();
  const branchCode = branch.toUpperCase();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const board = useQueueBoard(branchCode, pollMs);
  const { data: me } = useMe();
  const branches = useBranchList();
  const reachable = (branches.data ?? []).filter((b) => hasPermission(me, 'branches.all') || me?.branches.includes(b.code));
  const branchName = reachable.find((b) => b.code === branchCode)?.displayName ?? branchCode;

  const refresh = useThrottledCallback(() => void queryClient.invalidateQueries({ queryKey: queryKeys.queueBoard(branchCode) }));
  useRealtimeEvent(
    (event) =>
      ['ticket.changed', 'ticket.called', 'counter.changed'].includes(event.type) &&
      (!event.branchCode || event.branchCode.toUpperCase() === branchCode),
    refresh,
  );

  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const time = (value: string) => new Date(value).toLocaleTimeString(i18n.language, { timeStyle: 'short' });

  return (
    <>
      <PageHeading
        title={t('queueBoard.title', { branch: branchName })}
        extra={
          reachable.length > 1 && (
            <Select
              aria-label={t('queueChooser.branch')}
              value={branchCode}
              onChange={(code: string) => void navigate(`/board/${code}`)}
              options={reachable.map((b) => ({ value: b.code, label: `${b.displayName} (${b.code})` }))}
              style={{ minWidth: 200 }}
            />
          )
        }
      />
      <QueryErrorAlert error={board.error} onRetry={() => void board.refetch()} />
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <SectionCard title={t('queueBoard.services')}>
            <Table<BoardService>
              rowKey="code"
              size="middle"
              loading={board.isLoading}
              dataSource={board.data?.services}
              pagination={false}
              scroll={{ x: 900 }}
              columns={[
                { key: 'name', title: t('queueBoard.service'), render: (_, s) => `${s.prefix} · ${s.name}` },
                { key: 'waiting', title: t('queueBoard.waiting'), dataIndex: 'waiting', align: 'right' },
                {
                  key: 'longest',
                  title: t('queueBoard.longestWait'),
                  render: (_, s) => <LongestWait service={s} />,
                },
                { key: 'served', title: t('queueBoard.servedToday'), dataIndex: 'servedToday', align: 'right' },
                {
                  key: 'level',
                  title: t('queueBoard.serviceLevel'),
                  align: 'right',
                  render: (_, s) => (s.serviceLevelToday == null ? '–' : percent.format(s.serviceLevelToday)),
                },
                { key: 'needed', title: t('queueBoard.countersNeeded'), dataIndex: 'countersNeededNextHour', align: 'right' },
              ]}
            />
          </SectionCard>
        </Col>
        <Col xs={24} xl={16}>
          <SectionCard title={t('queueBoard.counters')}>
            <Table<BoardCounter>
              rowKey="number"
              size="middle"
              loading={board.isLoading}
              dataSource={board.data?.counters}
              pagination={false}
              scroll={{ x: 700 }}
              columns={[
                { key: 'name', title: t('queueBoard.counter'), dataIndex: 'name' },
                {
                  key: 'state',
                  title: t('queueBoard.state'),
                  render: (_, c) => {
                    const state = oneOf(c.state, counterStates);
                    const reason = oneOf(c.pauseReason, pauseReasons);
                    const label = state ? t(`counters.states.${state}`) : c.state;
                    return <StatusDot tone={state ? stateTone[state] : 'default'} label={reason ? `${label} · ${t(`queue.pauseReason.${reason}`)}` : label} />;
                  },
                },
                { key: 'staff', title: t('queueBoard.staff'), render: (_, c) => c.staffName ?? '–' },
                { key: 'ticket', title: t('queueBoard.currentTicket'), render: (_, c) => c.currentTicket ?? '–' },
              ]}
            />
          </SectionCard>
        </Col>
        <Col xs={24} xl={8}>
          <SectionCard title={t('queueBoard.latestCalls')}>
            <List
              size="small"
              dataSource={board.data?.latestCalls ?? []}
              locale={{ emptyText: t('queueBoard.noCalls') }}
              renderItem={(call) => (
                <List.Item>
                  <Typography.Text strong>{call.number}</Typography.Text>
                  <span>{t('display.counter', { counter: call.counter })}</span>
                  <Typography.Text type="secondary">{time(call.calledAt)}</Typography.Text>
                </List.Item>
              )}
            />
          </SectionCard>
        </Col>
        <Col span={24}>
          <ErlangCCalculator />
        </Col>
      </Row>
      {board.data && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('queueBoard.updated', { time: new Date(board.dataUpdatedAt).toLocaleTimeString(i18n.language) })}
        </Typography.Paragraph>
      )}
    </>
  );
}

function LongestWait({ service }: { service: BoardService }) {
  const { t } = useTranslation();
  const over = service.waiting > 0 && service.longestWaitSeconds > service.targetWaitSeconds;
  const text = t('queueBoard.waitOfTarget', {
    wait: service.waiting > 0 ? formatDuration(t, service.longestWaitSeconds) : '–',
    target: formatDuration(t, service.targetWaitSeconds),
  });
  if (!over) return <span>{text}</span>;
  return (
    <Typography.Text type="danger" strong data-testid={`over-target-${service.code}`}>
      <WarningFilled aria-hidden /> {text} · {t('queueBoard.overTarget')}
    </Typography.Text>
  );
}
