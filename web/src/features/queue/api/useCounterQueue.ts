import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, queryKeys, unwrap } from '../../../shared/api';

/** The counter's state, who serves there and its current ticket; polled as a safety net for missed events. */
export function useCounterState(branchCode: string, counter: number, pollMs: number) {
  return useQuery({
    queryKey: queryKeys.queueCounter(branchCode, counter),
    queryFn: () => unwrap(api.GET('/api/branches/{branch}/counters/{number}', { params: { path: { branch: branchCode, number: counter } } })),
    enabled: Number.isInteger(counter) && counter > 0,
    refetchInterval: pollMs,
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}

/** The branch's waiting tickets in calling order and its parked tickets (numbers and times only, never who). */
export function useQueueLists(branchCode: string, pollMs: number) {
  return useQuery({
    queryKey: queryKeys.queueLists(branchCode),
    queryFn: () => unwrap(api.GET('/api/branches/{branch}/queue', { params: { path: { branch: branchCode } } })),
    refetchInterval: pollMs,
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}
