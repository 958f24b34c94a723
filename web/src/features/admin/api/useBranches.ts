import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys, unwrap, type Schema } from '../../../shared/api';

export type { Branch } from '../../../shared/session';
export type BranchRequest = Schema<'BranchRequest'>;

export function useBranch(code: string) {
  return useQuery({
    queryKey: queryKeys.branch(code),
    queryFn: () => unwrap(api.GET('/api/branches/{code}', { params: { path: { code } } })),
  });
}

/** Creates a branch, or updates it when `existingCode` is given (the code itself cannot change). */
export function useSaveBranch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ existingCode, branch }: { existingCode?: string; branch: BranchRequest }) =>
      existingCode
        ? unwrap(api.PUT('/api/branches/{code}', { params: { path: { code: existingCode } }, body: branch }))
        : unwrap(api.POST('/api/branches', { body: branch })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.branches }),
  });
}

export function useDeleteBranch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => unwrap(api.DELETE('/api/branches/{code}', { params: { path: { code } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.branches }),
  });
}
