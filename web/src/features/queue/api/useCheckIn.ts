import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../shared/api';

/** Checks a booked appointment in with its code: the answer is the ticket, of the appointment class, due at the booked time. */
export function useCheckIn(branchCode: string) {
  return useMutation({
    mutationFn: (code: string) =>
      unwrap(api.POST('/api/branches/{branch}/appointments/check-in', { params: { path: { branch: branchCode } }, body: { code } })),
  });
}
