import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys, unwrap } from '../../../shared/api';
import type { PauseReason, Ticket } from './queueTypes';

export type TicketAction = 'start' | 'complete' | 'recall' | 'no-show' | 'park' | 'resume';
export type TransferTarget = { service: string; counter?: never } | { counter: number; service?: never };

/** The counter's actions; every change refreshes the board and keeps the ticket's cache entry current. */
export function useCounterDesk(branchCode: string, counter: number) {
  const queryClient = useQueryClient();
  const path = { branch: branchCode, number: counter };

  const settle = (ticket: Ticket | undefined) => {
    if (ticket) queryClient.setQueryData(queryKeys.ticket(ticket.id), ticket);
    // The counter's own read (state, current ticket), the waiting and parked lists and the board all sit here.
    void queryClient.invalidateQueries({ queryKey: queryKeys.queueBranch(branchCode) });
  };

  const setState = useMutation({
    mutationFn: (change: { state: 'open' | 'close' } | { state: 'pause'; reason: PauseReason }) =>
      change.state === 'pause'
        ? unwrap(api.POST('/api/branches/{branch}/counters/{number}/pause', { params: { path }, body: { reason: change.reason } }))
        : change.state === 'open'
          ? unwrap(api.POST('/api/branches/{branch}/counters/{number}/open', { params: { path } }))
          : unwrap(api.POST('/api/branches/{branch}/counters/{number}/close', { params: { path } })),
    onSuccess: () => settle(undefined),
  });

  const callNext = useMutation({
    // 204 when nobody waits for this counter's services.
    mutationFn: async () => (await unwrap(api.POST('/api/branches/{branch}/counters/{number}/call-next', { params: { path } }))) as Ticket | undefined,
    onSuccess: settle,
  });

  const callSpecific = useMutation({
    mutationFn: (request: { ticketId: string; reason: string }) =>
      unwrap(api.POST('/api/branches/{branch}/counters/{number}/call', { params: { path }, body: request })),
    onSuccess: settle,
  });

  const walkUp = useMutation({
    mutationFn: (request: { service: string; language: string }) =>
      unwrap(api.POST('/api/branches/{branch}/counters/{number}/walk-up', { params: { path }, body: request })),
    onSuccess: settle,
  });

  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: TicketAction }) => {
      const params = { params: { path: { id } } };
      switch (action) {
        case 'start':
          return unwrap(api.POST('/api/tickets/{id}/start', params));
        case 'complete':
          return unwrap(api.POST('/api/tickets/{id}/complete', params));
        case 'recall':
          return unwrap(api.POST('/api/tickets/{id}/recall', params));
        case 'no-show':
          return unwrap(api.POST('/api/tickets/{id}/no-show', params));
        case 'park':
          return unwrap(api.POST('/api/tickets/{id}/park', params));
        case 'resume':
          // At this counter, which must be open and free; the server's default is the counter the ticket left.
          return unwrap(api.POST('/api/tickets/{id}/resume', { ...params, body: { counter } } as typeof params));
      }
    },
    onSuccess: settle,
  });

  const transfer = useMutation({
    mutationFn: ({ id, target }: { id: string; target: TransferTarget }) =>
      unwrap(
        api.POST('/api/tickets/{id}/transfer', {
          params: { path: { id } },
          body: { service: target.service ?? null, counter: target.counter ?? null },
        }),
      ),
    onSuccess: settle,
  });

  return { setState, callNext, callSpecific, walkUp, act, transfer };
}
