import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, oneOf, queryKeys } from '../../../shared/api';
import { LanguageSwitcher, usePageTitle } from '../../../shared/layout';
import { RealtimeProvider, useRealtimeEvent } from '../../../shared/realtime';
import { ticketStatuses, type Ticket } from '../api/queueTypes';
import { useTicket } from '../api/useTicket';
import { unlockSound } from '../components/sound';
import { initialAlertMemory, nextAlert, notificationState, raiseAlert, type NotificationState, type TicketAlert } from '../components/ticketAlerts';
import '../components/queue.css';
import { waitText } from '../components/waitText';

const pollMs = 5_000;
const thresholdStorageKey = 'touchpoint.ticketAlertThreshold';
const defaultThreshold = 3;

function readThreshold(): number {
  try {
    const stored = Number(localStorage.getItem(thresholdStorageKey));
    return Number.isInteger(stored) && stored >= 0 && stored <= 50 && localStorage.getItem(thresholdStorageKey) !== null ? stored : defaultThreshold;
  } catch {
    return defaultThreshold;
  }
}

/** The customer's phone follows its ticket: live over the hub where it can, and by polling every 5 s in any case. */
export function TicketStatusPage() {
  const { id = '' } = useParams();
  return (
    <RealtimeProvider onConnected={(connection) => connection.invoke('FollowTicket', id)}>
      <TicketStatus id={id} />
    </RealtimeProvider>
  );
}

function TicketStatus({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const ticket = useTicket(id, pollMs);
  const data = ticket.data;
  usePageTitle(data ? t('ticketStatus.title', { number: data.number }) : t('ticketStatus.heading'));

  useRealtimeEvent(
    (event) => (event.type === 'ticket.changed' || event.type === 'ticket.called') && (event.data as { id?: string } | null)?.id === id,
    () => void queryClient.invalidateQueries({ queryKey: queryKeys.ticket(id) }),
  );

  const [threshold, setThreshold] = useState(readThreshold);
  const [alertsOn, setAlertsOn] = useState(false);
  const [permission, setPermission] = useState<NotificationState>(notificationState);
  const [latestAlert, setLatestAlert] = useState<TicketAlert>();
  const memory = useRef(initialAlertMemory);

  useEffect(() => {
    if (!data) return;
    const { alert, memory: next } = nextAlert(data, threshold, memory.current);
    memory.current = next;
    if (!alert) return;
    setLatestAlert(alert);
    const [title, body] =
      alert.kind === 'called'
        ? [t('ticketStatus.calledTitle'), t('ticketStatus.calledBody', { number: data.number, counter: alert.counter ?? '' })]
        : [t('ticketStatus.nearTitle'), nearText(t, data.number, alert.peopleAhead)];
    raiseAlert(title, body, data.id);
  }, [data, threshold, t]);

  const enableAlerts = async () => {
    await unlockSound();
    if (notificationState() === 'default') await Notification.requestPermission().catch(() => undefined);
    setPermission(notificationState());
    setAlertsOn(true);
  };

  const changeThreshold = (value: number) => {
    const clamped = Math.max(0, Math.min(50, Math.round(value)));
    setThreshold(clamped);
    memory.current = { ...memory.current, nearAlerted: false };
    try {
      localStorage.setItem(thresholdStorageKey, String(clamped));
    } catch {
      // only for this visit
    }
  };

  return (
    <div className="tp-mobile">
      <header className="tp-mobile__header">
        <span className="tp-mobile__brand">Touchpoint</span>
        <LanguageSwitcher />
      </header>
      <main className="tp-mobile__main">
        {ticket.isLoading && <p role="status">{t('common.loading')}</p>}
        {ticket.error && !data && (
          <div className="tp-mobile__card" role="alert">
            <h1 className="tp-mobile__heading">{t('ticketStatus.heading')}</h1>
            <p>{ticket.error instanceof ApiError && ticket.error.status === 404 ? t('ticketStatus.notFound') : t('errors.network')}</p>
          </div>
        )}
        {data && (
          <>
            <TicketCard ticket={data} />
            {latestAlert && data.status !== 'completed' && data.status !== 'noShow' && (
              <p className="tp-mobile__alert" role="alert">
                {latestAlert.kind === 'called'
                  ? t('ticketStatus.calledBody', { number: data.number, counter: latestAlert.counter ?? '' })
                  : nearText(t, data.number, latestAlert.peopleAhead)}
              </p>
            )}
            <section className="tp-mobile__card" aria-labelledby="alerts-heading">
              <h2 id="alerts-heading" className="tp-mobile__subheading">
                {t('ticketStatus.alerts')}
              </h2>
              <label className="tp-mobile__field" htmlFor="alert-threshold">
                {t('ticketStatus.alertThreshold')}
              </label>
              <div className="tp-mobile__stepper">
                <button type="button" aria-label={t('ticketStatus.fewer')} onClick={() => changeThreshold(threshold - 1)}>
                  −
                </button>
                <input
                  id="alert-threshold"
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={50}
                  value={threshold}
                  onChange={(event) => changeThreshold(Number(event.target.value) || 0)}
                />
                <button type="button" aria-label={t('ticketStatus.more')} onClick={() => changeThreshold(threshold + 1)}>
                  +
                </button>
              </div>
              {alertsOn ? (
                <p className="tp-mobile__note" role="status">
                  {permission === 'granted' ? t('ticketStatus.alertsOn') : t('ticketStatus.alertsOnWithoutNotifications')}
                </p>
              ) : (
                <button type="button" className="tp-mobile__button" onClick={() => void enableAlerts()}>
                  {t('ticketStatus.enableAlerts')}
                </button>
              )}
              <p className="tp-mobile__note">{t('ticketStatus.keepOpen')}</p>
            </section>
            <p className="tp-mobile__updated">
              {t('ticketStatus.updated', { time: new Date(ticket.dataUpdatedAt).toLocaleTimeString(i18n.language, { timeStyle: 'medium' }) })}
            </p>
          </>
        )}
      </main>
    </div>
  );
}

function nearText(t: TFunction, number: string, peopleAhead: number) {
  return peopleAhead === 0 ? t('ticketStatus.nextBody', { number }) : t('ticketStatus.nearBody', { number, count: peopleAhead });
}

function TicketCard({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const status = oneOf(ticket.status, ticketStatuses);
  const called = ticket.status === 'called' || ticket.status === 'serving';
  return (
    <section className={`tp-mobile__card tp-mobile__ticket${ticket.status === 'called' ? ' tp-mobile__ticket--called' : ''}`} aria-labelledby="ticket-heading">
      <h1 id="ticket-heading" className="tp-mobile__heading">
        <span className="tp-mobile__caption">{t('ticketStatus.yourNumber')}</span>
        <span className="tp-mobile__number" data-testid="ticket-number">
          {ticket.number}
        </span>
      </h1>
      <p className="tp-mobile__service">{ticket.serviceName}</p>
      <p className="tp-mobile__status" data-testid="ticket-status">
        {status ? t(`queue.ticketStatus.${status}`) : ticket.status}
      </p>
      {called && ticket.counter != null && (
        <p className="tp-mobile__counter" data-testid="ticket-counter">
          {t('ticketStatus.goToCounter', { counter: ticket.counter })}
        </p>
      )}
      {ticket.status === 'waiting' && (
        <dl className="tp-mobile__facts">
          <div>
            <dt>{t('ticketStatus.position')}</dt>
            <dd data-testid="ticket-position">{ticket.position ?? '–'}</dd>
          </div>
          <div>
            <dt>{t('ticketStatus.peopleAhead')}</dt>
            <dd>{ticket.peopleAhead ?? '–'}</dd>
          </div>
          <div>
            <dt>{t('ticketStatus.estimatedWait')}</dt>
            <dd>{waitText(t, ticket.estimatedWaitMinutes)}</dd>
          </div>
        </dl>
      )}
      {ticket.status === 'parked' && <p>{t('ticketStatus.parkedHint')}</p>}
      {ticket.status === 'completed' && <p>{t('ticketStatus.completedHint')}</p>}
      {ticket.status === 'completed' && ticket.surveyUrl && (
        <Link className="tp-mobile__button tp-mobile__survey" to={ticket.surveyUrl} data-testid="survey-link">
          {t('ticketStatus.survey')}
        </Link>
      )}
      {ticket.status === 'noShow' && (
        <p>
          {t('ticketStatus.noShowHint')} <Link to={`/q/${ticket.branchCode}`}>{t('ticketStatus.newTicket')}</Link>
        </p>
      )}
    </section>
  );
}
