import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, queryKeys, unwrap } from '../../../shared/api';

/** The branch's queue at a glance: latest calls, waiting per service, counters. Polled as a safety net for missed events. */
export function useQueueBoard(branchCode: string, pollMs: number) {
  return useQuery({
    queryKey: queryKeys.queueBoard(branchCode),
    queryFn: () => unwrap(api.GET('/api/branches/{branch}/board', { params: { path: { branch: branchCode } } })),
    refetchInterval: pollMs,
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}

export interface ErlangCInput {
  arrivalsPerHour: number;
  serviceMinutes: number;
  counters: number;
  targetSeconds: number;
}

export function useErlangC(input: ErlangCInput | undefined) {
  return useQuery({
    queryKey: queryKeys.erlangC(input ?? {}),
    queryFn: () => unwrap(api.GET('/api/queue/erlang-c', { params: { query: input! } })),
    enabled: !!input,
    staleTime: Infinity,
  });
}
