import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../../shared/api';
import { applyLanguage, currentLanguage, i18n } from '../../../shared/i18n';
import type { Language } from '../../../shared/i18n/languages';
import { usePageTitle } from '../../../shared/layout';
import { useIssueTicket } from '../api/useIssueTicket';
import { useCheckIn } from '../api/useCheckIn';
import { AppointmentCheckIn } from '../components/AppointmentCheckIn';
import { kioskServices, localized, timeOfDay, useKioskInfo, type KioskService } from '../api/useKioskServices';
import { kioskPriorities, phonePattern, type Ticket } from '../api/queueTypes';
import { KioskLanguageBar } from '../components/KioskLanguageBar';
import { useLanguageParam } from '../components/useLanguageParam';
import { PhoneKeypad } from '../components/PhoneKeypad';
import { paperFromSearch, PrintedTicket, TicketPageStyle } from '../components/PrintedTicket';
import '../components/queue.css';

type Mode = 'kiosk' | 'phone';
type Priority = (typeof kioskPriorities)[number];

/** Seconds a printed ticket stays on the kiosk's screen before it greets the next customer. */
const kioskResetSeconds = 30;

/**
 * Taking a ticket. mode "kiosk": the branch's touch screen (/kiosk/:branch), very large, with a keypad, printing the
 * ticket. mode "phone": a customer's own phone after scanning the branch's QR code (/q/:branch), which then follows
 * the ticket on its status page instead of printing it.
 */
export function KioskPage({ mode }: { mode: Mode }) {
  const { t } = useTranslation();
  const { branch = '' } = useParams();
  const branchCode = branch.toUpperCase();
  const { search } = useLocation();
  const paper = paperFromSearch(search);
  const autoPrint = mode === 'kiosk' && new URLSearchParams(search).get('print') !== 'off';

  // The kiosk greets every customer in its own language again (?lang=, or the browser's); a phone keeps its owner's choice.
  const languageParam = useLanguageParam(mode === 'kiosk' ? search : '');
  const startLanguage = useRef(languageParam ?? currentLanguage());
  const [language, setLanguage] = useState<Language>(startLanguage.current);
  const chooseLanguage = (next: Language) => {
    setLanguage(next);
    void (mode === 'kiosk' ? i18n.changeLanguage(next) : applyLanguage(next));
  };

  const info = useKioskInfo(branchCode);
  const branchName = info.data ? localized(info.data.branchName, language, branchCode) : branchCode;
  const issue = useIssueTicket(branchCode);
  const checkIn = useCheckIn(branchCode);
  const [checkingIn, setCheckingIn] = useState(false);
  const [service, setService] = useState<KioskService>();
  const [priority, setPriority] = useState<Priority>('normal');
  const [phone, setPhone] = useState('');
  const [phoneError, setPhoneError] = useState(false);
  const ticket = issue.data ?? checkIn.data;

  usePageTitle(mode === 'kiosk' ? t('kiosk.title') : t('kiosk.phoneTitle'));

  const restart = () => {
    issue.reset();
    checkIn.reset();
    setCheckingIn(false);
    setService(undefined);
    setPriority('normal');
    setPhone('');
    setPhoneError(false);
    if (mode === 'kiosk' && language !== startLanguage.current) chooseLanguage(startLanguage.current);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!service) return;
    const trimmed = phone.trim();
    if (trimmed && !phonePattern.test(trimmed)) {
      setPhoneError(true);
      return;
    }
    issue.mutate({ service: service.code, language, priority: mode === 'kiosk' ? priority : null, phone: trimmed || null });
  };

  let content;
  if (ticket) {
    content = <IssuedTicket ticket={ticket} mode={mode} paper={paper} autoPrint={autoPrint} branchName={branchName} language={language} onDone={restart} />;
  } else if (checkingIn) {
    content = (
      <AppointmentCheckIn
        keypad={mode === 'kiosk'}
        pending={checkIn.isPending}
        problem={<IssueProblem error={checkIn.error} />}
        onCheckIn={(code) => checkIn.mutate(code)}
        onBack={restart}
      />
    );
  } else if (service) {
    content = (
      <form className="tp-kiosk__details" onSubmit={submit} noValidate>
        <h2 className="tp-kiosk__step">{kioskServices(info.data, language).find((s) => s.code === service.code)?.name ?? service.name}</h2>
        <IssueProblem error={issue.error} />
        {mode === 'kiosk' && (
          <fieldset className="tp-kiosk__fieldset">
            <legend>{t('kiosk.priorityLabel')}</legend>
            <div className="tp-kiosk__choices">
              {kioskPriorities.map((value) => (
                <button
                  key={value}
                  type="button"
                  className="tp-kiosk__choice"
                  aria-pressed={priority === value}
                  onClick={() => setPriority(value)}
                >
                  {t(`queue.priority.${value}`)}
                </button>
              ))}
            </div>
          </fieldset>
        )}
        <div className="tp-kiosk__phone">
          <label htmlFor="kiosk-phone">{t('kiosk.phoneLabel')}</label>
          <input
            id="kiosk-phone"
            className="tp-kiosk__input"
            type="tel"
            inputMode="tel"
            autoComplete={mode === 'phone' ? 'tel' : 'off'}
            value={phone}
            maxLength={20}
            aria-invalid={phoneError}
            aria-describedby={phoneError ? 'kiosk-phone-error' : 'kiosk-phone-hint'}
            onChange={(event) => {
              setPhone(event.target.value);
              setPhoneError(false);
            }}
          />
          <p id="kiosk-phone-hint" className="tp-kiosk__hint">
            {t('kiosk.phoneHint')}
          </p>
          {phoneError && (
            <p id="kiosk-phone-error" className="tp-kiosk__error" role="alert">
              {t('kiosk.phoneInvalid')}
            </p>
          )}
          {mode === 'kiosk' && (
            <PhoneKeypad
              value={phone}
              onChange={(value) => {
                setPhone(value);
                setPhoneError(false);
              }}
            />
          )}
        </div>
        <div className="tp-kiosk__actions">
          <button type="button" className="tp-kiosk__secondary" onClick={restart}>
            {t('kiosk.back')}
          </button>
          <button type="submit" className="tp-kiosk__primary" disabled={issue.isPending} aria-busy={issue.isPending}>
            {issue.isPending ? t('kiosk.issuing') : t('kiosk.takeTicket')}
          </button>
        </div>
      </form>
    );
  } else {
    content = (
      <section aria-labelledby="kiosk-services-heading">
        <h2 id="kiosk-services-heading" className="tp-kiosk__step">
          {t('kiosk.chooseService')}
        </h2>
        <ServiceButtons state={info} language={language} onChoose={setService} onRetry={() => void info.refetch()} />
        <button type="button" className="tp-kiosk__secondary tp-kiosk__appointment" onClick={() => setCheckingIn(true)}>
          {t('kiosk.haveAppointment')}
        </button>
      </section>
    );
  }

  return (
    <div className={`tp-kiosk tp-kiosk--${mode}`} lang={language}>
      {ticket && <TicketPageStyle paper={paper} />}
      <header className="tp-kiosk__header">
        <div>
          <p className="tp-kiosk__branch" data-testid="kiosk-branch">
            {branchName}
          </p>
          <h1 className="tp-kiosk__title">{mode === 'kiosk' ? t('kiosk.welcome') : t('kiosk.phoneTitle')}</h1>
        </div>
        <KioskLanguageBar value={language} onChange={chooseLanguage} />
      </header>
      <main className="tp-kiosk__main">{content}</main>
    </div>
  );
}

function ServiceButtons({
  state,
  language,
  onChoose,
  onRetry,
}: {
  state: ReturnType<typeof useKioskInfo>;
  language: Language;
  onChoose: (service: KioskService) => void;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  if (state.isLoading) return <p role="status">{t('common.loading')}</p>;
  if (state.error) {
    return (
      <div className="tp-kiosk__problem" role="alert">
        <p>{state.error instanceof ApiError ? state.error.message : t('errors.network')}</p>
        <button type="button" className="tp-kiosk__secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  const services = kioskServices(state.data, language);
  if (services.length === 0) {
    return (
      <div className="tp-kiosk__problem" role="status">
        <p>{t('kiosk.noServices')}</p>
      </div>
    );
  }
  return (
    <ul className="tp-kiosk__services">
      {services.map((service) => {
        const unavailable = unavailableText(t, service);
        return (
          <li key={service.code}>
            <button
              type="button"
              className="tp-kiosk__service"
              onClick={() => onChoose(service)}
              disabled={!!unavailable}
              aria-describedby={unavailable ? `service-${service.code}-why` : undefined}
              data-service={service.code}
            >
              {service.prefix && (
                <span className="tp-kiosk__prefix" aria-hidden>
                  {service.prefix}
                </span>
              )}
              <span>{service.name}</span>
              {unavailable && (
                <span id={`service-${service.code}-why`} className="tp-kiosk__service-note">
                  {unavailable}
                </span>
              )}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** Why a service takes no tickets now, or undefined when it does. */
function unavailableText(t: TFunction, service: KioskService): string | undefined {
  if (service.full) return t('kiosk.serviceFull');
  if (service.issuing) return undefined;
  return service.issuingStart && service.issuingEnd
    ? t('kiosk.serviceClosedHours', { start: timeOfDay(service.issuingStart), end: timeOfDay(service.issuingEnd) })
    : t('kiosk.serviceClosed');
}

/** 409: the service is closed now or has reached its daily cap; the server's words say which and until when. */
function IssueProblem({ error }: { error: Error | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : undefined;
  return (
    <div className="tp-kiosk__problem tp-kiosk__problem--error" role="alert" data-testid="issue-problem">
      <p className="tp-kiosk__problem-title">{problem?.title ?? t('kiosk.issueFailed')}</p>
      <p>{problem ? (problem.detail ?? error.message) : t('errors.network')}</p>
    </div>
  );
}

function IssuedTicket({
  ticket,
  mode,
  paper,
  autoPrint,
  branchName,
  language,
  onDone,
}: {
  ticket: Ticket;
  mode: Mode;
  paper: 58 | 80;
  autoPrint: boolean;
  branchName: string;
  language: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const statusUrl = new URL(ticket.statusUrl || `/t/${ticket.id}`, window.location.origin).href;
  const [secondsLeft, setSecondsLeft] = useState(kioskResetSeconds);
  const done = useRef(onDone);
  useEffect(() => {
    done.current = onDone;
  });

  useEffect(() => {
    if (!autoPrint) return;
    // Let the QR code paint first. A kiosk browser started with --kiosk-printing prints without a dialog.
    const timer = setTimeout(() => window.print(), 300);
    return () => clearTimeout(timer);
  }, [autoPrint, ticket.id]);

  useEffect(() => {
    if (mode !== 'kiosk') return;
    const timer = setInterval(() => setSecondsLeft((left) => left - 1), 1000);
    return () => clearInterval(timer);
  }, [mode]);
  useEffect(() => {
    if (secondsLeft <= 0) done.current();
  }, [secondsLeft]);

  return (
    <section className="tp-kiosk__issued" aria-labelledby="issued-heading">
      <div role="status">
        <h2 id="issued-heading" className="tp-kiosk__issued-heading">
          <span>{t('kiosk.ticket.yourNumber')}</span>{' '}
          <span className="tp-kiosk__big-number" data-testid="issued-number">
            {ticket.number}
          </span>
        </h2>
      </div>
      <PrintedTicket ticket={ticket} statusUrl={statusUrl} branchLabel={branchName} paper={paper} language={language} />
      <div className="tp-kiosk__actions tp-no-print">
        {mode === 'kiosk' ? (
          <>
            <button type="button" className="tp-kiosk__secondary" onClick={() => window.print()}>
              {t('kiosk.ticket.print')}
            </button>
            <button type="button" className="tp-kiosk__primary" onClick={onDone}>
              {t('kiosk.ticket.done')}
            </button>
          </>
        ) : (
          <Link className="tp-kiosk__primary" to={`/t/${ticket.id}`}>
            {t('kiosk.ticket.follow')}
          </Link>
        )}
      </div>
      {mode === 'kiosk' && <p className="tp-kiosk__hint tp-no-print">{t('kiosk.ticket.resetIn', { seconds: Math.max(0, secondsLeft) })}</p>}
    </section>
  );
}
