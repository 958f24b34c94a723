import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schema } from '../../../shared/api';
import { startSession } from '../../../shared/session';

export type LoginRequest = Schema<'SignInRequest'>;

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: LoginRequest) => unwrap(api.POST('/api/auth/login', { body: credentials })),
    onSuccess: (me) => startSession(queryClient, me),
  });
}
