import { Button, List, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../../shared/ui';
import type { BoardService, QueueEntry } from '../api/queueTypes';
import { formatDuration } from './formatDuration';

/** A waiting ticket as staff may see it: number, service and time waited; never who the customer is. */
export type WaitingTicket = QueueEntry;

interface Props {
  /** The services this counter serves, with their waiting counts from the board. */
  services: BoardService[];
  /** The waiting tickets in calling order. */
  tickets: WaitingTicket[];
  /** When the list was read (ms): waitedSeconds grows from then on. */
  readAt: number;
  serviceName: (code: string) => string;
  canCall: boolean;
  onCall: (ticket: WaitingTicket) => void;
}

/**
 * Who is waiting for this counter. Staff see numbers and waiting times only, so that nobody picks the easy cases;
 * calling one out of turn asks for a reason and is audited.
 */
export function WaitingPanel({ services, tickets, readAt, serviceName, canCall, onCall }: Props) {
  const { t } = useTranslation();
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);

  return (
    <SectionCard title={t('queueCounter.waiting')}>
      <List
        size="small"
        dataSource={services}
        locale={{ emptyText: t('queueCounter.noServices') }}
        renderItem={(service) => (
          <List.Item>
            <span>
              <Typography.Text strong>{service.prefix}</Typography.Text> {service.name}
            </span>
            <span data-testid={`waiting-${service.code}`}>
              {t('queueCounter.waitingCount', { count: service.waiting })}
              {service.waiting > 0 && ` · ${t('queueCounter.longest', { time: formatDuration(t, service.longestWaitSeconds) })}`}
            </span>
          </List.Item>
        )}
      />
      <Table<WaitingTicket>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={tickets}
          style={{ marginTop: 12 }}
          columns={[
            { key: 'number', title: t('queueCounter.number'), dataIndex: 'number' },
            { key: 'service', title: t('queueCounter.service'), render: (_, ticket) => serviceName(ticket.service) },
            {
              key: 'waited',
              title: t('queueCounter.waited'),
              render: (_, ticket) => formatDuration(t, ticket.waitedSeconds + Math.max(0, now - readAt) / 1000),
            },
            {
              key: 'call',
              title: t('common.actions'),
              render: (_, ticket) => (
                <Button
                  size="small"
                  disabled={!canCall}
                  onClick={() => onCall(ticket)}
                  aria-label={t('common.actionNamed', { action: t('queueCounter.callThis'), name: ticket.number })}
                >
                  {t('queueCounter.callThis')}
                </Button>
              ),
            },
          ]}
          locale={{ emptyText: t('queueCounter.nobodyWaiting') }}
        />
    </SectionCard>
  );
}
