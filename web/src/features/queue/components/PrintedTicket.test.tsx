// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../../shared/i18n';
import type { Ticket } from '../api/queueTypes';
import { paperFromSearch, PrintedTicket, TicketPageStyle } from './PrintedTicket';

const ticket: Ticket = {
  id: '01a20337-de95-7a99-9619-00b7f779f29a',
  number: 'A023',
  branchCode: 'SH',
  service: 'PERSONAL',
  care: [],
  serviceName: '个人业务',
  priority: 'normal',
  language: 'zh-CN',
  status: 'waiting',
  position: 5,
  peopleAhead: 4,
  estimatedWaitMinutes: 12,
  issuedAt: '2026-11-22T01:30:00Z',
  calledAt: null,
  startedAt: null,
  completedAt: null,
  counter: null,
  staffName: null,
  recallCount: 0,
  recallLimit: 2,
  statusUrl: '/t/01a20337-de95-7a99-9619-00b7f779f29a',
};
const statusUrl = `https://bank.example/t/${ticket.id}`;

beforeAll(() => i18n.changeLanguage('zh-CN'));

describe('PrintedTicket', () => {
  it('prints the number, service, people ahead, estimated wait and a QR code to the status page', () => {
    render(<PrintedTicket ticket={ticket} statusUrl={statusUrl} branchLabel="SH" paper={80} language="zh-CN" />);
    const printed = screen.getByTestId('printed-ticket');
    expect(printed.className).toContain('tp-ticket--80');
    expect(within(printed).getByTestId('ticket-number').textContent).toBe('A023');
    expect(printed.textContent).toContain('个人业务');
    expect(within(printed).getByTestId('ticket-people-ahead').textContent).toBe('4');
    expect(printed.textContent).toContain('约 12 分钟');
    const qr = within(printed).getByRole('img');
    expect(qr.getAttribute('data-qr-value')).toBe(statusUrl);
    expect(qr.getAttribute('aria-label')).toContain('A023');
    expect(qr.querySelector('path')?.getAttribute('d')).toMatch(/^M\d+ \d+h\d+v1h-\d+z/);
  });

  it('fits 58 mm paper and says "under 1 min" rather than "about 0 min"', () => {
    render(<PrintedTicket ticket={{ ...ticket, peopleAhead: 0, estimatedWaitMinutes: 0 }} statusUrl={statusUrl} branchLabel="SH" paper={58} language="zh-CN" />);
    const printed = screen.getByTestId('printed-ticket');
    expect(printed.className).toContain('tp-ticket--58');
    expect(printed.textContent).toContain('不到 1 分钟');
  });

  it('sets the printed page to the paper width', () => {
    const { container } = render(<TicketPageStyle paper={58} />);
    expect(container.querySelector('style')?.textContent).toContain('size: 58mm');
    expect(paperFromSearch('?paper=58')).toBe(58);
    expect(paperFromSearch('?paper=80')).toBe(80);
    expect(paperFromSearch('')).toBe(80);
  });
});
