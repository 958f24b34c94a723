import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys, unwrap, type Schema } from '../../../shared/api';

export type QueueRules = Schema<'QueueRulesDto'>;

export function useQueueRules(branchCode: string) {
  return useQuery({
    queryKey: queryKeys.queueRules(branchCode),
    queryFn: () => unwrap(api.GET('/api/branches/{branch}/queue-rules', { params: { path: { branch: branchCode } } })),
  });
}

export function useSaveQueueRules(branchCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rules: QueueRules) => unwrap(api.PUT('/api/branches/{branch}/queue-rules', { params: { path: { branch: branchCode } }, body: rules })),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.queueRules(branchCode), saved),
  });
}
