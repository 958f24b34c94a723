import { describe, expect, it } from 'vitest';
import { slaState } from './caseLabels';

describe('slaState', () => {
  const now = Date.parse('2026-11-23T10:00:00Z');
  it('is breached when overdue or flagged', () => {
    expect(slaState('2026-11-23T09:59:00Z', false, now)).toBe('breached');
    expect(slaState('2026-11-23T12:00:00Z', true, now)).toBe('breached');
  });
  it('is soon within the hour and ok later', () => {
    expect(slaState('2026-11-23T10:30:00Z', false, now)).toBe('soon');
    expect(slaState('2026-11-23T13:00:00Z', false, now)).toBe('ok');
  });
  it('is none without a running target', () => {
    expect(slaState(null, false, now)).toBe('none');
  });
});
