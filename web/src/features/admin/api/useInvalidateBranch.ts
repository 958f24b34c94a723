import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../shared/api';

/**
 * Refreshes one branch with everything under it (services, counters, devices) and the branch list,
 * whose service and counter counts change with them.
 */
export function useInvalidateBranch(branchCode: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.branch(branchCode) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.branches, exact: true }),
    ]);
}
