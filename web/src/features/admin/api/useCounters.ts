import { useMutation, useQuery } from '@tanstack/react-query';
import { api, queryKeys, unwrap, type Schema } from '../../../shared/api';
import { useInvalidateBranch } from './useInvalidateBranch';

export type Counter = Schema<'CounterDto'>;
export type CounterRequest = Schema<'CounterRequest'>;

export function useCounters(branchCode: string) {
  return useQuery({
    queryKey: queryKeys.counters(branchCode),
    queryFn: () => unwrap(api.GET('/api/branches/{code}/counters', { params: { path: { code: branchCode } } })),
  });
}

export function useSaveCounter(branchCode: string) {
  const invalidate = useInvalidateBranch(branchCode);
  return useMutation({
    mutationFn: ({ existingNumber, counter }: { existingNumber?: number; counter: CounterRequest }) =>
      existingNumber !== undefined
        ? unwrap(api.PUT('/api/branches/{code}/counters/{number}', { params: { path: { code: branchCode, number: existingNumber } }, body: counter }))
        : unwrap(api.POST('/api/branches/{code}/counters', { params: { path: { code: branchCode } }, body: counter })),
    onSuccess: invalidate,
  });
}

export function useDeleteCounter(branchCode: string) {
  const invalidate = useInvalidateBranch(branchCode);
  return useMutation({
    mutationFn: (number: number) =>
      unwrap(api.DELETE('/api/branches/{code}/counters/{number}', { params: { path: { code: branchCode, number } } })),
    onSuccess: invalidate,
  });
}
