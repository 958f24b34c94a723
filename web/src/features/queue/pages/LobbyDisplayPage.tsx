import { SoundOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError, currentDeviceToken, oneOf, queryKeys } from '../../../shared/api';
import { isLanguage, type Language } from '../../../shared/i18n/languages';
import { usePageTitle } from '../../../shared/layout';
import { RealtimeProvider, useRealtimeEvent, useRealtimeState, type RealtimeEvent } from '../../../shared/realtime';
import { counterStates, type QueueBoard } from '../api/queueTypes';
import { useQueueBoard } from '../api/useQueueBoard';
import { modeFromSearch } from '../components/announcementQueue';
import { callAnnouncements, type CalledTicket } from '../components/callAnnouncements';
import { mergeCalls, type DisplayCall } from '../components/displayCalls';
import { QrCode } from '../components/QrCode';
import { soundBlocked, unlockSound } from '../components/sound';
import { useAnnouncer } from '../components/useAnnouncer';
import { useLanguageParam } from '../components/useLanguageParam';
import { useThrottledCallback } from '../components/useThrottledCallback';
import '../components/queue.css';

const pollMs = 10_000;
const shownCalls = 9;

interface CalledEventData extends Omit<CalledTicket, 'counter'> {
  id: string;
  status: string;
  counter: number | null;
  recall: number;
}

/** The lobby screen: paired as a display device, it receives the branch's events with its token. */
export function LobbyDisplayPage() {
  return (
    <RealtimeProvider accessToken={currentDeviceToken}>
      <LobbyDisplay />
    </RealtimeProvider>
  );
}

function displayOptions(search: string) {
  const params = new URLSearchParams(search);
  const also = (params.get('also') ?? '')
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag): tag is Language => isLanguage(tag));
  return {
    mode: modeFromSearch(search),
    /** Other languages to repeat every call in, after the ticket's own: ?also=en-US,zh-CN */
    also,
    /** One column per counter: ?counters=on */
    counterColumns: params.get('counters') === 'on',
    /** A line of text for the notice area: ?notice=... */
    notice: params.get('notice') ?? '',
    /** The QR code for taking a ticket by phone, shown unless ?qr=off */
    showQr: params.get('qr') !== 'off',
  };
}

function LobbyDisplay() {
  const { t, i18n } = useTranslation();
  const { branch = '' } = useParams();
  const branchCode = branch.toUpperCase();
  const { search } = useLocation();
  const options = useMemo(() => displayOptions(search), [search]);
  useLanguageParam(search);
  const queryClient = useQueryClient();
  const board = useQueueBoard(branchCode, pollMs);
  const connection = useRealtimeState();
  const { queue, state: announcements } = useAnnouncer(options.mode);
  const [liveCalls, setLiveCalls] = useState<DisplayCall[]>([]);
  const [flashKey, setFlashKey] = useState<string>();
  usePageTitle(t('display.title', { branch: board.data?.branchName ?? branchCode }));

  const refresh = useThrottledCallback(() => void queryClient.invalidateQueries({ queryKey: queryKeys.queueBoard(branchCode) }));
  const forThisBranch = (event: RealtimeEvent) => !event.branchCode || event.branchCode.toUpperCase() === branchCode;

  useRealtimeEvent(
    (event) => event.type === 'ticket.called' && forThisBranch(event),
    (event) => {
      const data = event.data as CalledEventData;
      if (!data?.number || data.counter == null) return;
      const also = options.mode === 'voice' ? options.also : [];
      callAnnouncements({ ...data, counter: data.counter }, also, board.data?.announcements).forEach((a) => queue.enqueue(a));
      const call: DisplayCall = {
        key: `${data.id}:${data.recall}`, number: data.number, counter: data.counter, receivedAt: Date.now(), visual: data.care?.includes('visual'),
      };
      setLiveCalls((calls) => [call, ...calls.filter((c) => c.number !== call.number)].slice(0, shownCalls + 1));
      setFlashKey(call.key);
      refresh();
    },
  );
  useRealtimeEvent((event) => (event.type === 'ticket.changed' || event.type === 'counter.changed') && forThisBranch(event), refresh);

  const calls = useMemo(() => mergeCalls(liveCalls, board.data?.latestCalls, board.dataUpdatedAt), [liveCalls, board.data, board.dataUpdatedAt]);
  const [latest, ...previous] = calls;

  const [blocked, setBlocked] = useState(soundBlocked);
  useEffect(() => {
    const timer = setInterval(() => setBlocked(soundBlocked()), 2_000);
    return () => clearInterval(timer);
  }, []);

  if (board.error instanceof ApiError && (board.error.status === 401 || board.error.status === 403) && !board.data) {
    return (
      <div className="tp-display tp-display--message">
        <main>
          <h1>{t('display.notPaired')}</h1>
          <p>{t('display.notPairedHint')}</p>
          <p>
            <Link to="/pair">{t('pair.title')}</Link>
          </p>
        </main>
      </div>
    );
  }

  return (
    <div className={`tp-display${options.counterColumns ? ' tp-display--counters' : ''}`} data-announcements={announcements.queued.length}>
      <header className="tp-display__header">
        <h1 className="tp-display__title">
          Touchpoint · {board.data?.branchName ?? branchCode} <span className="tp-visually-hidden">{t('display.heading')}</span>
        </h1>
        <div className="tp-display__status">
          {blocked && (
            <button
              type="button"
              className="tp-display__sound"
              onClick={() => void unlockSound().then(() => setBlocked(soundBlocked()))}
            >
              <SoundOutlined aria-hidden /> {t('display.enableSound')}
            </button>
          )}
          {options.mode === 'chime' && <span>{t('display.chimeOnly')}</span>}
          {connection !== 'connected' && <span role="status">{t(`realtime.state.${connection}`)}</span>}
          <Clock language={i18n.language} />
        </div>
      </header>
      <main className="tp-display__main">
        <section className="tp-display__now" aria-labelledby="now-heading" aria-live="polite">
          <h2 id="now-heading" className="tp-display__label">
            {t('display.nowCalling')}
          </h2>
          {latest ? (
            <div key={latest.key === flashKey ? flashKey : latest.key} className={`tp-display__latest${latest.key === flashKey ? ` tp-display__latest--new${latest.visual ? ' tp-display__latest--visual' : ''}` : ''}`} data-testid="latest-call">
              <span className="tp-display__number">{latest.number}</span>
              <span className="tp-display__to">
                <span className="tp-display__arrow" aria-hidden>
                  →
                </span>{' '}
                <span className="tp-display__counter">{t('display.counter', { counter: latest.counter })}</span>
              </span>
            </div>
          ) : (
            <p className="tp-display__empty">{t('display.noCalls')}</p>
          )}
        </section>
        <section className="tp-display__previous" aria-labelledby="previous-heading">
          <h2 id="previous-heading" className="tp-display__label">
            {t('display.previousCalls')}
          </h2>
          <ol className="tp-display__calls">
            {previous.slice(0, options.counterColumns ? 2 : 6).map((call) => (
              <li key={call.key}>
                <span className="tp-display__call-number">{call.number}</span>
                <span className="tp-display__call-counter">{t('display.counter', { counter: call.counter })}</span>
              </li>
            ))}
          </ol>
        </section>
        <section className="tp-display__waiting" aria-labelledby="waiting-heading">
          <h2 id="waiting-heading" className="tp-display__label">
            {t('display.waiting')}
          </h2>
          <ul className="tp-display__services">
            {board.data?.services.map((service) => (
              <li key={service.code}>
                <span className="tp-display__service-prefix" aria-hidden>
                  {service.prefix}
                </span>
                <span className="tp-display__service-name">{service.name}</span>
                <span className="tp-display__service-count">{t('display.waitingCount', { count: service.waiting })}</span>
              </li>
            ))}
          </ul>
        </section>
        {options.counterColumns && board.data && <CounterColumns board={board.data} />}
      </main>
      <footer className="tp-display__footer">
        <div className="tp-display__notice" role="note" aria-label={t('display.notice')}>
          {options.notice || t('display.defaultNotice')}
        </div>
        {options.showQr && (
          <div className="tp-display__qr">
            <QrCode value={phoneTicketUrl(branchCode)} label={t('display.qrLabel')} size={120} />
            <span>{t('display.takeTicketByPhone')}</span>
          </div>
        )}
      </footer>
    </div>
  );
}

/** The address customers scan to take a ticket on their phone; the phone reads the branch's services itself. */
function phoneTicketUrl(branchCode: string) {
  return new URL(`/q/${branchCode}`, window.location.origin).href;
}

function CounterColumns({ board }: { board: QueueBoard }) {
  const { t } = useTranslation();
  return (
    <section className="tp-display__columns" aria-labelledby="counters-heading">
      <h2 id="counters-heading" className="tp-visually-hidden">
        {t('display.counters')}
      </h2>
      <ul>
        {board.counters.map((counter) => {
          const state = oneOf(counter.state, counterStates);
          return (
            <li key={counter.number} className={`tp-display__column tp-display__column--${state ?? 'closed'}`}>
              <span className="tp-display__column-name">{counter.name}</span>
              {counter.currentTicket ? (
                <span className="tp-display__column-ticket">{counter.currentTicket}</span>
              ) : (
                <span className="tp-display__column-state">{state === 'open' ? '—' : state ? t(`counters.states.${state}`) : counter.state}</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Clock({ language }: { language: string }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 10_000);
    return () => clearInterval(timer);
  }, []);
  return <time dateTime={now.toISOString()}>{now.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' })}</time>;
}
