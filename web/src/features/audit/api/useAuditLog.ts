import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, queryKeys, unwrap } from '../../../shared/api';

export interface AuditQuery {
  action?: string;
  actor?: string;
  target?: string;
  /** ISO 8601 instants */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export function useAuditLog(query: AuditQuery) {
  return useQuery({
    queryKey: queryKeys.audit(query),
    queryFn: () => unwrap(api.GET('/api/audit', { params: { query } })),
    // Keep showing the current page while the next one loads, so the table does not jump.
    placeholderData: keepPreviousData,
  });
}
