import type { Ticket } from '../api/queueTypes';
import { beepTones, playTones } from './sound';

export type TicketAlert = { kind: 'near'; peopleAhead: number } | { kind: 'called'; counter: number | null };

export interface AlertMemory {
  /** The "nearly your turn" alert has sounded for the current stretch of waiting. */
  nearAlerted: boolean;
  /** Which call was last alerted: a recall or a call to another counter alerts again. */
  calledKey?: string;
}

export const initialAlertMemory: AlertMemory = { nearAlerted: false };

/**
 * Decides whether a fresh reading of the ticket should alert its owner: once when at most `threshold` people are
 * ahead, and on every call (first call, recall, call after a transfer). Pure, so the rules are unit-tested.
 */
export function nextAlert(ticket: Ticket, threshold: number, memory: AlertMemory): { alert?: TicketAlert; memory: AlertMemory } {
  if (ticket.status === 'called') {
    const key = `${ticket.calledAt ?? ''}|${ticket.recallCount}|${ticket.counter ?? ''}`;
    if (key === memory.calledKey) return { memory };
    return { alert: { kind: 'called', counter: ticket.counter ?? null }, memory: { nearAlerted: true, calledKey: key } };
  }
  if (ticket.status === 'waiting' && ticket.peopleAhead != null) {
    if (ticket.peopleAhead <= threshold) {
      if (memory.nearAlerted) return { memory };
      return { alert: { kind: 'near', peopleAhead: ticket.peopleAhead }, memory: { ...memory, nearAlerted: true } };
    }
    // Moved back (transferred to a longer queue): alert again when close to the front once more.
    return { memory: { ...memory, nearAlerted: false } };
  }
  return { memory };
}

export type NotificationState = NotificationPermission | 'unsupported';

export function notificationState(): NotificationState {
  return typeof window !== 'undefined' && 'Notification' in window ? Notification.permission : 'unsupported';
}

/** Sound, vibration and (when allowed) a system notification, each best effort: a phone may support any subset. */
export function raiseAlert(title: string, body: string, tag: string) {
  void playTones(beepTones);
  try {
    navigator.vibrate?.([400, 200, 400, 200, 400]);
  } catch {
    // no vibration motor, or not allowed without a tap first
  }
  if (notificationState() === 'granted') {
    try {
      new Notification(title, { body, tag, requireInteraction: true });
    } catch {
      // Android Chrome allows notifications only through a service worker; the page's own alert still shows.
    }
  }
}
