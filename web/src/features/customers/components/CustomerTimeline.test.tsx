// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AppProviders } from '../../../app/AppProviders';
import { i18n } from '../../../shared/i18n';
import type { TimelineItem } from '../api/useCustomers';
import { CustomerTimeline } from './CustomerTimeline';

const items: TimelineItem[] = [
  { type: 'queue.rating', at: '2026-11-21T03:00:00Z', branchCode: 'SEL', reference: 'A012', details: { rating: 'verySatisfied', counter: '3' } },
  {
    type: 'queue.ticket', at: '2026-11-21T02:40:00Z', branchCode: 'SEL', reference: 'A012',
    details: { service: '개인 업무', status: 'completed', counter: '3', staff: '김민준', waitedMinutes: '7', outcome: 'resolved' },
  },
  {
    type: 'case', at: '2026-11-20T10:00:00Z', branchCode: 'SEL', reference: 'TP-000042',
    details: { id: '0193aa00-0000-7000-8000-000000000042', subject: '카드 분실', status: 'pendingCustomer', slaBreached: 'true' },
  },
  { type: 'customer.merged', at: '2026-11-20T09:00:00Z', branchCode: null, reference: null, details: { merged: '0193aa-bb12cd', reason: '중복', actor: 'sel.manager' } },
];

describe('CustomerTimeline', () => {
  it('words each event in the UI language, newest first', async () => {
    await i18n.changeLanguage('ko-KR');
    render(
      <AppProviders>
        <MemoryRouter>
          <CustomerTimeline items={items} />
        </MemoryRouter>
      </AppProviders>,
    );
    const lines = screen.getAllByTestId(/^timeline-/).map((line) => line.textContent ?? '');
    expect(lines[0]).toContain('번호표 A012 평가: 매우 만족');
    expect(lines[1]).toContain('번호표 A012 · 개인 업무');
    expect(lines[1]).toContain('3번 창구(김민준)');
    expect(lines[1]).toContain('7분 대기');
    expect(lines[2]).toContain('케이스 TP-000042 · 카드 분실');
    expect(lines[2]).toContain('고객 응답 대기');
    expect(screen.getByRole('link', { name: /TP-000042/ }).getAttribute('href')).toBe('/cases/0193aa00-0000-7000-8000-000000000042');
    expect(lines[3]).toContain('…bb12cd');
    expect(lines[3]).toContain('사유: 중복');
  });

  it('says so when nothing has happened yet', async () => {
    await i18n.changeLanguage('en-US');
    render(
      <AppProviders>
        <CustomerTimeline items={[]} />
      </AppProviders>,
    );
    expect(screen.getByText('Nothing has happened with this customer yet.')).toBeTruthy();
  });
});
