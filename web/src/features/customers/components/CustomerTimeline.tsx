import { Empty, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/i18n/format';
import type { TimelineItem } from '../api/useCustomers';

const colours: Record<string, string> = {
  'queue.ticket': 'blue',
  'queue.rating': 'green',
  encounter: 'blue',
  case: 'cyan',
  'customer.merged': 'orange',
  'segment.joined': 'purple',
  'segment.left': 'gray',
};

/** One line per event, newest first, worded in the UI language from the facts the server sends. */
export function CustomerTimeline({ items }: { items: TimelineItem[] }) {
  const { t, i18n } = useTranslation();
  // Keys are built from the server's event types, so the typed overloads of t() cannot help here.
  const text: Translate = (key, options) => String(t(key, { defaultValue: key, ...options }));
  if (items.length === 0) return <Empty description={t('customers.timeline.empty')} />;
  return (
    <Timeline
      data-testid="customer-timeline"
      items={items.map((item, index) => ({
        key: `${item.type}-${item.at}-${index}`,
        color: colours[item.type] ?? 'gray',
        children: (
          <div data-testid={`timeline-${item.type}`}>
            <Typography.Text type="secondary">
              {formatDateTime(item.at, i18n.language)}
              {item.branchCode ? ` · ${item.branchCode}` : ''}
            </Typography.Text>
            <div>{describe(item, text)}</div>
          </div>
        ),
      }))}
    />
  );
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

function describe(item: TimelineItem, t: Translate) {
  const d = item.details as Record<string, string | undefined>;
  switch (item.type) {
    case 'queue.ticket':
      return (
        <>
          {t('customers.timeline.ticket', { number: item.reference, service: d.service ?? '' })}{' '}
          <Tag>{t(`queue.ticketStatus.${d.status}`, { defaultValue: d.status })}</Tag>
          {d.counter && t('customers.timeline.atCounter', { counter: d.counter, staff: d.staff ?? '' })}
          {d.waitedMinutes && ` · ${t('customers.timeline.waited', { minutes: d.waitedMinutes })}`}
        </>
      );
    case 'queue.rating':
      return t('customers.timeline.rating', { number: item.reference, rating: t(`pad.rating.${d.rating}`, { defaultValue: d.rating }) });
    case 'case':
      return (
        <>
          <Link to={`/cases/${d.id}`}>{t('customers.timeline.case', { reference: item.reference, subject: d.subject ?? '' })}</Link>{' '}
          <Tag>{t(`cases.statuses.${d.status}`, { defaultValue: d.status })}</Tag>
          {d.slaBreached && <Tag color="red">{t('cases.sla.missed')}</Tag>}
        </>
      );
    case 'encounter':
      return t('customers.timeline.encounter', { channel: d.channel, outcome: d.outcome ?? '' });
    case 'segment.joined':
    case 'segment.left':
      return t(item.type === 'segment.joined' ? 'customers.timeline.segmentJoined' : 'customers.timeline.segmentLeft', { name: d.name ?? item.reference });
    case 'customer.merged':
      return t('customers.timeline.merged', { merged: d.merged?.slice(-6) ?? '', reason: d.reason ?? '—', actor: d.actor ?? '' });
    case 'customer.created':
    case 'customer.updated':
    case 'customer.vip_changed':
    case 'customer.erased':
    case 'customer.anonymised':
      return t(`customers.timeline.${item.type.split('.')[1]}`, { actor: d.actor ?? '' });
    default:
      return item.type;
  }
}
