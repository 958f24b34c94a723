import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api';

const presenceKey = ['presence'] as const;

/** The signed-in case worker's availability for auto-assignment, skills, capacity and load. */
export function usePresence(enabled: boolean) {
  return useQuery({ queryKey: presenceKey, queryFn: () => unwrap(api.GET('/api/assignment/me')), enabled });
}

export function useSetPresence() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (isAvailable: boolean) => unwrap(api.PUT('/api/assignment/me/presence', { body: { isAvailable } })),
    onSuccess: (data) => client.setQueryData(presenceKey, data),
  });
}
