import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schema } from '../../shared/api';

export type CaseViewDto = Schema<'CaseViewDto'>;
export type CaseViewFilter = Schema<'CaseViewFilter'>;
export type SaveCaseViewRequest = Schema<'SaveCaseViewRequest'>;
export type CaseAttachmentDto = Schema<'CaseAttachmentDto'>;
export type PhoneCallDto = Schema<'PhoneCallDto'>;
export type UnparsedMailDto = Schema<'UnparsedMailDto'>;

// Under ['cases'], so that every case change (realtime or a mutation) refreshes counts and attachments as well.
const keys = {
  views: ['cases', 'views'] as const,
  viewCases: (key: string, offset: number) => ['cases', 'views', key, offset] as const,
  attachments: (caseId: string) => ['cases', caseId, 'attachments'] as const,
  unparsed: ['cases', 'unparsed-mail'] as const,
};

export function useCaseViews() {
  return useQuery({ queryKey: keys.views, queryFn: () => unwrap(api.GET('/api/case-views')) });
}

export function useCaseViewCases(key: string | undefined, offset: number) {
  return useQuery({
    queryKey: keys.viewCases(key ?? '', offset),
    enabled: !!key,
    queryFn: () => unwrap(api.GET('/api/case-views/{key}/cases', { params: { path: { key: key! }, query: { offset, limit: 50 } } })),
  });
}

export function useSaveCaseView() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: SaveCaseViewRequest }) =>
      id
        ? unwrap(api.PUT('/api/case-views/{id}', { params: { path: { id } }, body }))
        : unwrap(api.POST('/api/case-views', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.views }),
  });
}

export function useDeleteCaseView() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/case-views/{id}', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.views }),
  });
}

export function useCaseAttachments(caseId: string) {
  return useQuery({
    queryKey: keys.attachments(caseId),
    queryFn: () => unwrap(api.GET('/api/cases/{id}/attachments', { params: { path: { id: caseId } } })),
  });
}

export function useUploadAttachments(caseId: string) {
  return useMutation({
    mutationFn: (files: File[]) => {
      const form = new FormData();
      files.forEach((f) => form.append('file', f, f.name));
      return unwrap(
        api.POST('/api/cases/{id}/attachments', {
          params: { path: { id: caseId } },
          body: form as never,
          bodySerializer: (body: unknown) => body as FormData,
        }),
      ) as Promise<CaseAttachmentDto[]>;
    },
  });
}

export const attachmentUrl = (caseId: string, attachmentId: string) => `/api/cases/${caseId}/attachments/${attachmentId}`;

export function usePhoneCall(id: string | undefined) {
  return useQuery({
    queryKey: ['phone-calls', id],
    enabled: !!id,
    queryFn: () => unwrap(api.GET('/api/phone-calls/{id}', { params: { path: { id: id! } } })),
  });
}

export function useCompleteCall() {
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Schema<'CompleteCallRequest'> }) =>
      unwrap(api.POST('/api/phone-calls/{id}/complete', { params: { path: { id } }, body })),
  });
}

export function useUnparsedMail() {
  return useQuery({ queryKey: keys.unparsed, queryFn: () => unwrap(api.GET('/api/inbound-mail/unparsed')) });
}

export function useUnparsedMailActions() {
  const client = useQueryClient();
  const done = () => client.invalidateQueries({ queryKey: keys.unparsed });
  return {
    attach: useMutation({
      mutationFn: ({ id, caseId }: { id: string; caseId: string }) =>
        unwrap(api.POST('/api/inbound-mail/unparsed/{id}/attach', { params: { path: { id } }, body: { caseId } })),
      onSuccess: done,
    }),
    dismiss: useMutation({
      mutationFn: (id: string) => unwrap(api.POST('/api/inbound-mail/unparsed/{id}/dismiss', { params: { path: { id } } })),
      onSuccess: done,
    }),
  };
}

export const unparsedRawUrl = (id: string) => `/api/inbound-mail/unparsed/${id}/raw`;
