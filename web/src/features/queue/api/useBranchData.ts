import { useQuery } from '@tanstack/react-query';
import { api, queryKeys, unwrap } from '../../../shared/api';

/** The branch's services (staff with organisation.read); shares its cache entry with the administration screens. */
export function useBranchServices(branchCode: string | undefined) {
  return useQuery({
    queryKey: queryKeys.services(branchCode ?? ''),
    queryFn: () => unwrap(api.GET('/api/branches/{code}/services', { params: { path: { code: branchCode! } } })),
    enabled: !!branchCode,
  });
}

export function useBranchCounters(branchCode: string | undefined) {
  return useQuery({
    queryKey: queryKeys.counters(branchCode ?? ''),
    queryFn: () => unwrap(api.GET('/api/branches/{code}/counters', { params: { path: { code: branchCode! } } })),
    enabled: !!branchCode,
  });
}
