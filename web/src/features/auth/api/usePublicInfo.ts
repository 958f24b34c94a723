import { useQuery } from '@tanstack/react-query';
import { api, queryKeys, unwrap } from '../../../shared/api';

/** Anonymous facts about this installation, such as whether demo data (and so demo accounts) exists. */
export function usePublicInfo() {
  return useQuery({
    queryKey: queryKeys.publicInfo,
    queryFn: () => unwrap(api.GET('/api/public/info')),
    staleTime: Infinity,
  });
}
