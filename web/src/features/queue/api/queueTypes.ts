import type { Schema } from '../../../shared/api';

export type Ticket = Schema<'TicketDto'>;
export type QueueBoard = Schema<'QueueBoardDto'>;
export type BoardService = Schema<'BoardService'>;
export type BoardCounter = Schema<'BoardCounter'>;
export type BoardCall = Schema<'BoardCall'>;
export type ErlangCResult = Schema<'ErlangCResult'>;
export type QueueEntry = Schema<'QueueEntry'>;
export type CounterDeskState = Schema<'CounterDesk'>;

export const ticketStatuses = ['waiting', 'called', 'serving', 'parked', 'completed', 'noShow'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];
export const priorityClasses = ['normal', 'appointment', 'vip', 'elderly', 'disabled', 'pregnant'] as const;
export type PriorityClass = (typeof priorityClasses)[number];
/** What a customer may ask for at a kiosk; VIP and appointments are given by staff or the booking. */
export const kioskPriorities = ['normal', 'elderly', 'disabled', 'pregnant'] as const satisfies readonly PriorityClass[];
export const counterStates = ['open', 'paused', 'closed'] as const;
export type CounterState = (typeof counterStates)[number];
export const pauseReasons = ['break', 'backOffice', 'training'] as const;
export type PauseReason = (typeof pauseReasons)[number];

/** Called or in service: the ticket occupies its counter. */
export function isActiveTicket(ticket: Pick<Ticket, 'status'> | undefined): boolean {
  return ticket?.status === 'called' || ticket?.status === 'serving';
}

/** Finished one way or another: nothing will happen to it any more (unless staff transfer it). */
export function isFinishedTicket(ticket: Pick<Ticket, 'status'> | undefined): boolean {
  return ticket?.status === 'completed' || ticket?.status === 'noShow';
}

/** The phone pattern the server accepts: digits, spaces and dashes, optionally a leading +. */
export const phonePattern = /^\+?[0-9][0-9 -]{5,19}$/;
