import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys, unwrap, type Schema } from '../../../shared/api';

export type Settings = Schema<'InstallationSettings'>;

export function useSettings() {
  return useQuery({ queryKey: queryKeys.settings, queryFn: () => unwrap(api.GET('/api/admin/settings')) });
}

export function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Settings) => unwrap(api.PUT('/api/admin/settings', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.settings }),
  });
}
