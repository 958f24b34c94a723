import { useTranslation } from 'react-i18next';
import type { Ticket } from '../api/queueTypes';
import { QrCode } from './QrCode';
import { waitText } from './waitText';

export type PaperWidth = 58 | 80;

interface Props {
  ticket: Ticket;
  /** Absolute address of the ticket's mobile status page, which the QR code holds. */
  statusUrl: string;
  /** Printed at the top: the branch's name, or its code when the kiosk cannot read the name. */
  branchLabel: string;
  paper: PaperWidth;
  language: string;
}

/**
 * The ticket as printed on 58 or 80 mm thermal paper, and shown on screen in the same shape. Black on white only,
 * no backgrounds: thermal printers have no grey, and the print stylesheet hides everything else on the page.
 */
export function PrintedTicket({ ticket, statusUrl, branchLabel, paper, language }: Props) {
  const { t } = useTranslation();
  const issued = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(ticket.issuedAt));
  return (
    <article className={`tp-ticket tp-ticket--${paper}`} aria-label={t('kiosk.ticket.label', { number: ticket.number })} data-testid="printed-ticket">
      <p className="tp-ticket__branch">Touchpoint · {branchLabel}</p>
      <p className="tp-ticket__caption">{t('kiosk.ticket.yourNumber')}</p>
      <p className="tp-ticket__number" data-testid="ticket-number">
        {ticket.number}
      </p>
      <p className="tp-ticket__service">{ticket.serviceName}</p>
      <dl className="tp-ticket__facts">
        <div>
          <dt>{t('kiosk.ticket.peopleAhead')}</dt>
          <dd data-testid="ticket-people-ahead">{ticket.peopleAhead ?? 0}</dd>
        </div>
        <div>
          <dt>{t('kiosk.ticket.estimatedWait')}</dt>
          <dd>{waitText(t, ticket.estimatedWaitMinutes)}</dd>
        </div>
      </dl>
      <QrCode className="tp-ticket__qr" value={statusUrl} label={t('kiosk.ticket.qrLabel', { number: ticket.number })} size="100%" />
      <p className="tp-ticket__scan">{t('kiosk.ticket.scan')}</p>
      <p className="tp-ticket__footer">{t('kiosk.ticket.pleaseWait')}</p>
      <p className="tp-ticket__issued">{t('kiosk.ticket.issuedAt', { time: issued })}</p>
    </article>
  );
}

/** Page size for the browser's print dialog (and for kiosk printing without a dialog). */
export function TicketPageStyle({ paper }: { paper: PaperWidth }) {
  return <style>{`@page { size: ${paper}mm ${paper === 58 ? 150 : 170}mm; margin: 0; }`}</style>;
}

export function paperFromSearch(search: string): PaperWidth {
  return new URLSearchParams(search).get('paper') === '58' ? 58 : 80;
}
