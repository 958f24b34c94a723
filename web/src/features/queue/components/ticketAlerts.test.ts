import { describe, expect, it } from 'vitest';
import type { Ticket } from '../api/queueTypes';
import { initialAlertMemory, nextAlert, type AlertMemory } from './ticketAlerts';

const ticket = (change: Partial<Ticket>): Ticket => ({
  id: '1',
  number: 'A023',
  branchCode: 'SH',
  service: 'PERSONAL',
  care: [],
  serviceName: 'Personal banking',
  priority: 'normal',
  language: 'en-US',
  status: 'waiting',
  position: 8,
  peopleAhead: 7,
  estimatedWaitMinutes: 20,
  issuedAt: '2026-11-22T09:00:00Z',
  calledAt: null,
  startedAt: null,
  completedAt: null,
  counter: null,
  staffName: null,
  recallCount: 0,
  recallLimit: 2,
  statusUrl: '/t/1',
  ...change,
});

/** Feeds readings through nextAlert as the page does and returns the alerts raised. */
function run(readings: Partial<Ticket>[], threshold = 3) {
  let memory: AlertMemory = initialAlertMemory;
  return readings.map((reading) => {
    const result = nextAlert(ticket(reading), threshold, memory);
    memory = result.memory;
    return result.alert;
  });
}

describe('nextAlert', () => {
  it('alerts once when within the threshold, not again as the queue moves on', () => {
    expect(run([{ peopleAhead: 7 }, { peopleAhead: 4 }, { peopleAhead: 3 }, { peopleAhead: 2 }, { peopleAhead: 0 }])).toEqual([
      undefined,
      undefined,
      { kind: 'near', peopleAhead: 3 },
      undefined,
      undefined,
    ]);
  });

  it('respects the configured threshold', () => {
    expect(run([{ peopleAhead: 5 }, { peopleAhead: 4 }], 5)[0]).toEqual({ kind: 'near', peopleAhead: 5 });
    expect(run([{ peopleAhead: 1 }], 0)).toEqual([undefined]);
    expect(run([{ peopleAhead: 0 }], 0)).toEqual([{ kind: 'near', peopleAhead: 0 }]);
  });

  it('alerts on the call, on each recall, and not twice for the same reading', () => {
    const called = { status: 'called', peopleAhead: null, position: null, counter: 5, calledAt: '2026-11-22T09:30:00Z' };
    expect(run([{ peopleAhead: 2 }, called, called, { ...called, recallCount: 1 }])).toEqual([
      { kind: 'near', peopleAhead: 2 },
      { kind: 'called', counter: 5 },
      undefined,
      { kind: 'called', counter: 5 },
    ]);
  });

  it('alerts again after a transfer puts the ticket back in a longer queue', () => {
    expect(run([{ peopleAhead: 1 }, { peopleAhead: 9 }, { peopleAhead: 2 }])).toEqual([
      { kind: 'near', peopleAhead: 1 },
      undefined,
      { kind: 'near', peopleAhead: 2 },
    ]);
  });

  it('stays quiet once served', () => {
    expect(run([{ status: 'serving', counter: 2, peopleAhead: null }, { status: 'completed', peopleAhead: null }])).toEqual([undefined, undefined]);
  });
});
