import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Descriptions, Empty, Flex, List, Row, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { oneOf, queryKeys } from '../../../shared/api';
import { isLanguage, languageEndonyms } from '../../../shared/i18n/languages';
import { PageHeading } from '../../../shared/layout';
import { useRealtimeEvent, type RealtimeEvent } from '../../../shared/realtime';
import { useBranchList } from '../../../shared/session';
import { QueryErrorAlert, SectionCard, useProblemReporter } from '../../../shared/ui';
import { isActiveTicket, priorityClasses, ticketStatuses, type QueueEntry, type Ticket } from '../api/queueTypes';
import { useBranchCounters, useBranchServices } from '../api/useBranchData';
import { useCounterDesk, type TicketAction } from '../api/useCounterDesk';
import { useCounterState, useQueueLists } from '../api/useCounterQueue';
import { useQueueBoard } from '../api/useQueueBoard';
import { CallOutOfOrderModal } from '../components/CallOutOfOrderModal';
import { CounterStateControl } from '../components/CounterStateControl';
import { formatDuration, secondsBetween } from '../components/formatDuration';
import { TransferModal } from '../components/TransferModal';
import { useThrottledCallback } from '../components/useThrottledCallback';
import { WalkUpModal } from '../components/WalkUpModal';
import { WaitingPanel, type WaitingTicket } from '../components/WaitingPanel';
import '../components/queue.css';

const pollMs = 15_000;

/** The workstation of one counter: its state, calling, serving and handing on customers. */
export function CounterPage() {
  const { t } = useTranslation();
  const { branch = '', number: numberParam = '' } = useParams();
  const branchCode = branch.toUpperCase();
  const number = Number(numberParam);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const reportProblem = useProblemReporter();
  // 409 conflicts (counter busy, wrong state, recall limit) show the server's own explanation.
  const onError = (error: unknown) => reportProblem(error);

  const board = useQueueBoard(branchCode, pollMs);
  const desk = useCounterState(branchCode, number, pollMs);
  const lists = useQueueLists(branchCode, pollMs);
  const services = useBranchServices(branchCode);
  const counters = useBranchCounters(branchCode);
  const branches = useBranchList();
  const actions = useCounterDesk(branchCode, number);

  const [transferring, setTransferring] = useState(false);
  const [walkingUp, setWalkingUp] = useState(false);
  const [callingOutOfOrder, setCallingOutOfOrder] = useState<WaitingTicket>();

  const refresh = useThrottledCallback(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.queueBranch(branchCode) });
  });
  useRealtimeEvent(
    (event: RealtimeEvent) =>
      (event.type === 'ticket.changed' || event.type === 'counter.changed') && (!event.branchCode || event.branchCode.toUpperCase() === branchCode),
    refresh,
  );

  const boardCounter = board.data?.counters.find((counter) => counter.number === number);
  const counterInfo = counters.data?.find((counter) => counter.number === number);
  const current = desk.data?.current;
  const ticket = current && isActiveTicket(current) ? current : undefined;
  // This counter's part of the branch's lists: its services' tickets, and those sent or parked here.
  const serves = (entry: QueueEntry) => !counterInfo || counterInfo.services.includes(entry.service);
  const waiting = (lists.data?.waiting ?? []).filter(
    (entry) => entry.targetCounter === number || (entry.targetCounter == null && serves(entry)),
  );
  const parked = (lists.data?.parked ?? []).filter((entry) => entry.counter === number || (entry.counter == null && serves(entry)));

  // The ticket carries its service's name in the customer's language; staff read it in their own.
  const serviceName = (code: string, fallback = code) => services.data?.find((service) => service.code === code)?.displayName ?? fallback;
  const serviceOptions = useMemo(
    () => (services.data ?? []).map((service) => ({ value: service.code, label: `${service.prefix} · ${service.displayName}` })),
    [services.data],
  );
  const walkUpOptions = useMemo(
    () => serviceOptions.filter((option) => !counterInfo || counterInfo.services.includes(option.value)),
    [serviceOptions, counterInfo],
  );
  const counterOptions = useMemo(
    () =>
      (counters.data ?? [])
        .filter((counter) => counter.number !== number)
        .map((counter) => ({ value: counter.number, label: `${counter.number} · ${counter.displayName}` })),
    [counters.data, number],
  );

  const branchName = branches.data?.find((b) => b.code === branchCode)?.displayName ?? branchCode;
  const title = t('queueCounter.title', { name: boardCounter?.name ?? counterInfo?.displayName ?? t('counters.label', { number }), branch: branchName });
  const open = desk.data?.state === 'open';
  const busy = actions.act.isPending || actions.transfer.isPending;

  const act = (action: TicketAction, target: { id: string }) => actions.act.mutate({ id: target.id, action }, { onError });
  const callNext = () =>
    actions.callNext.mutate(undefined, {
      onSuccess: (called) => {
        if (!called) void message.info(t('queueCounter.nobodyWaiting'));
      },
      onError,
    });

  return (
    <>
      <PageHeading
        title={title}
        extra={
          <CounterStateControl
            counter={desk.data}
            busy={actions.setState.isPending}
            onOpen={() => actions.setState.mutate({ state: 'open' }, { onError })}
            onPause={(reason) => actions.setState.mutate({ state: 'pause', reason }, { onError })}
            onClose={() => actions.setState.mutate({ state: 'close' }, { onError })}
          />
        }
      />
      <QueryErrorAlert error={desk.error} onRetry={() => void desk.refetch()} />
      <QueryErrorAlert error={lists.error} onRetry={() => void lists.refetch()} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <SectionCard title={t('queueCounter.current')}>
            {ticket ? (
              <CurrentTicket
                ticket={ticket}
                serviceName={serviceName(ticket.service, ticket.serviceName)}
                busy={busy}
                onAction={(action) => act(action, ticket)}
                onTransfer={() => setTransferring(true)}
              />
            ) : (
              <Flex vertical align="center" gap={16} style={{ padding: '16px 0' }}>
                <Typography.Paragraph type="secondary">{open ? t('queueCounter.noCustomer') : t('queueCounter.openFirst')}</Typography.Paragraph>
                <Button
                  type="primary"
                  size="large"
                  className="tp-call-next"
                  onClick={callNext}
                  loading={actions.callNext.isPending}
                  disabled={!open}
                  data-testid="call-next"
                >
                  {t('queueCounter.callNext')}
                </Button>
                <Button onClick={() => setWalkingUp(true)} disabled={!open}>
                  {t('queueCounter.walkUp')}
                </Button>
              </Flex>
            )}
          </SectionCard>
        </Col>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16}>
            <SectionCard title={t('queueCounter.parked')}>
              {parked.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('queueCounter.noParked')} />
              ) : (
                <List
                  dataSource={parked}
                  renderItem={(p) => (
                    <List.Item
                      actions={[
                        <Button
                          key="resume"
                          size="small"
                          disabled={!open || !!ticket || busy}
                          onClick={() => act('resume', p)}
                          aria-label={t('common.actionNamed', { action: t('queueCounter.resume'), name: p.number })}
                        >
                          {t('queueCounter.resume')}
                        </Button>,
                      ]}
                    >
                      <span>
                        <Typography.Text strong>{p.number}</Typography.Text> · {serviceName(p.service)}
                      </span>
                    </List.Item>
                  )}
                />
              )}
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                {t('queueCounter.parkedHint')}
              </Typography.Paragraph>
            </SectionCard>
            <WaitingPanel
              services={board.data?.services.filter((service) => !counterInfo || counterInfo.services.includes(service.code)) ?? []}
              tickets={waiting}
              readAt={lists.dataUpdatedAt}
              serviceName={serviceName}
              canCall={open && !ticket}
              onCall={setCallingOutOfOrder}
            />
          </Flex>
        </Col>
      </Row>
      <TransferModal
        open={transferring && !!ticket}
        ticketNumber={ticket?.number ?? ''}
        services={serviceOptions}
        counters={counterOptions}
        saving={actions.transfer.isPending}
        onCancel={() => setTransferring(false)}
        onTransfer={(target) =>
          ticket && actions.transfer.mutate({ id: ticket.id, target }, { onSuccess: () => setTransferring(false), onError })
        }
      />
      <WalkUpModal
        open={walkingUp}
        services={walkUpOptions}
        saving={actions.walkUp.isPending}
        onCancel={() => setWalkingUp(false)}
        onSubmit={(values) => actions.walkUp.mutate(values, { onSuccess: () => setWalkingUp(false), onError })}
      />
      <CallOutOfOrderModal
        ticketNumber={callingOutOfOrder?.number}
        saving={actions.callSpecific.isPending}
        onCancel={() => setCallingOutOfOrder(undefined)}
        onCall={(reason) =>
          callingOutOfOrder &&
          actions.callSpecific.mutate({ ticketId: callingOutOfOrder.id, reason }, { onSuccess: () => setCallingOutOfOrder(undefined), onError })
        }
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        <Link to="/counter">{t('queueCounter.otherCounter')}</Link>
      </Typography.Paragraph>
    </>
  );
}

function CurrentTicket({
  ticket,
  serviceName,
  busy,
  onAction,
  onTransfer,
}: {
  ticket: Ticket;
  serviceName: string;
  busy: boolean;
  onAction: (action: TicketAction) => void;
  onTransfer: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  const status = oneOf(ticket.status, ticketStatuses);
  const priority = oneOf(ticket.priority, priorityClasses);
  const limit = ticket.recallLimit;
  const called = ticket.status === 'called';
  const time = (value: string | null | undefined) => (value ? new Date(value).toLocaleTimeString(i18n.language, { timeStyle: 'short' }) : '');

  return (
    <div data-testid="current-ticket">
      <Flex align="baseline" gap={16} wrap>
        <span className="tp-counter-number" data-testid="current-number">
          {ticket.number}
        </span>
        <Typography.Text strong style={{ fontSize: 18 }}>
          {serviceName}
        </Typography.Text>
      </Flex>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ margin: '12px 0 16px' }}>
        <Descriptions.Item label={t('queueCounter.status')}>{status ? t(`queue.ticketStatus.${status}`) : ticket.status}</Descriptions.Item>
        <Descriptions.Item label={t('queueCounter.priority')}>{priority ? t(`queue.priority.${priority}`) : ticket.priority}</Descriptions.Item>
        <Descriptions.Item label={t('queueCounter.customerLanguage')}>
          {isLanguage(ticket.language) ? <span lang={ticket.language}>{languageEndonyms[ticket.language]}</span> : ticket.language}
        </Descriptions.Item>
        <Descriptions.Item label={t('queueCounter.waited')}>{formatDuration(t, secondsBetween(ticket.issuedAt, ticket.calledAt ?? now))}</Descriptions.Item>
        <Descriptions.Item label={t('queueCounter.calledAt')}>{time(ticket.calledAt)}</Descriptions.Item>
        {ticket.startedAt && (
          <Descriptions.Item label={t('queueCounter.inService')}>{formatDuration(t, secondsBetween(ticket.startedAt, now))}</Descriptions.Item>
        )}
      </Descriptions>
      {ticket.care.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="ticket-care"
          message={t('queueCounter.care.title')}
          description={ticket.care.map((care) => t(`queueCounter.care.${care}`, { defaultValue: care })).join(' ')}
        />
      )}
      <Space wrap size="middle">
        {called && (
          <Button type="primary" size="large" disabled={busy} onClick={() => onAction('start')}>
            {t('queueCounter.start')}
          </Button>
        )}
        <Button type={called ? 'default' : 'primary'} size="large" disabled={busy} onClick={() => onAction('complete')}>
          {t('queueCounter.complete')}
        </Button>
        {called && (
          <Button size="large" disabled={busy || ticket.recallCount >= limit} onClick={() => onAction('recall')}>
            {t('queueCounter.recallOf', { count: Math.min(ticket.recallCount + 1, limit), limit })}
          </Button>
        )}
        {called && (
          <Button size="large" danger disabled={busy} onClick={() => onAction('no-show')}>
            {t('queueCounter.noShow')}
          </Button>
        )}
        <Button size="large" disabled={busy} onClick={onTransfer}>
          {t('queueCounter.transfer')}
        </Button>
        <Button size="large" disabled={busy} onClick={() => onAction('park')}>
          {t('queueCounter.park')}
        </Button>
      </Space>
    </div>
  );
}
