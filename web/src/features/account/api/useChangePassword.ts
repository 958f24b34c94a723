import { useMutation } from '@tanstack/react-query';
import { api, unwrap, type Schema } from '../../../shared/api';

export type ChangePasswordRequest = Schema<'ChangePasswordRequest'>;

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePasswordRequest) => unwrap(api.POST('/api/auth/change-password', { body })),
  });
}
