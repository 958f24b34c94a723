import { useQuery } from '@tanstack/react-query';
import { api, queryKeys, unwrap } from '../../../shared/api';
import { isFinishedTicket } from './queueTypes';

/** One ticket, polled while it can still change (the status page follows it every few seconds). */
export function useTicket(id: string | undefined, pollMs?: number) {
  return useQuery({
    queryKey: queryKeys.ticket(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/tickets/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
    staleTime: 0,
    refetchInterval: (query) => (pollMs && !isFinishedTicket(query.state.data) ? pollMs : false),
    // A phone in a pocket should still notice being called.
    refetchIntervalInBackground: !!pollMs,
  });
}
