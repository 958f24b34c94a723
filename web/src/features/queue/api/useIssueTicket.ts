import { useMutation } from '@tanstack/react-query';
import { api, unwrap, type Schema } from '../../../shared/api';

export type IssueTicketRequest = Schema<'IssueTicketRequest'>;

/** Takes a ticket: as the paired kiosk when this browser holds its token, otherwise anonymously (the branch QR code). */
export function useIssueTicket(branchCode: string) {
  return useMutation({
    mutationFn: (body: Partial<IssueTicketRequest> & { service: string }) =>
      unwrap(
        api.POST('/api/branches/{branch}/tickets', {
          params: { path: { branch: branchCode } },
          body: { priority: null, language: null, phone: null, appointmentAt: null, ...body },
        }),
      ),
  });
}
