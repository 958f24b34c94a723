import { useQuery } from '@tanstack/react-query';
import { api, queryKeys, unwrap, type Schema } from '../api';

export type Branch = Schema<'BranchDto'>;

/** The branches the signed-in person may see (every staff role may read the organisation). */
export function useBranchList() {
  return useQuery({ queryKey: queryKeys.branches, queryFn: () => unwrap(api.GET('/api/branches')) });
}
