import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys, unwrap, type Schema } from '../../../shared/api';

export type ApiToken = Schema<'ApiTokenDto'>;
export type CreateApiTokenRequest = Schema<'CreateApiTokenRequest'>;
export type CreatedApiToken = Schema<'CreatedApiToken'>;

export function useApiTokens() {
  return useQuery({ queryKey: queryKeys.apiTokens, queryFn: () => unwrap(api.GET('/api/admin/api-tokens')) });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiTokenRequest) => unwrap(api.POST('/api/admin/api-tokens', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/admin/api-tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens }),
  });
}
