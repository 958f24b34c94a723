import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys, unwrap, type Schema } from '../../../shared/api';

export type CustomerSummary = Schema<'CustomerSummaryDto'>;
export type Customer = Schema<'CustomerDto'>;
export type TimelineItem = Schema<'TimelineItemDto'>;
export type RevealField = 'name' | 'phone' | 'email' | 'messaging' | 'identifier' | 'notes';

export function useCustomerSearch(q: string) {
  return useQuery({
    queryKey: queryKeys.customerSearch(q),
    queryFn: () => unwrap(api.GET('/api/customers', { params: { query: { q: q || undefined } } })),
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(id: string) {
  return useQuery({
    queryKey: queryKeys.customer(id),
    queryFn: () => unwrap(api.GET('/api/customers/{id}', { params: { path: { id } } })),
  });
}

export function useCustomerTimeline(id: string) {
  return useQuery({
    queryKey: queryKeys.customerTimeline(id),
    queryFn: () => unwrap(api.GET('/api/customers/{id}/timeline', { params: { path: { id }, query: { limit: 100 } } })),
  });
}

/** Never cached: a revealed value lives in the page that asked for it and is gone when it closes. */
export function useRevealCustomerField(id: string) {
  return useMutation({
    mutationFn: ({ itemId, ...body }: { field: RevealField; reason: string; itemId?: string }) =>
      unwrap(api.POST('/api/customers/{id}/reveal', { params: { path: { id } }, body: { ...body, itemId: itemId ?? null } })),
  });
}

export type CustomerInput = Schema<'CustomerInput'>;

export function useCreateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CustomerInput) => unwrap(api.POST('/api/customers', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.customers }),
  });
}

export function useEraseCustomer(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/customers/{id}/erase', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.customers }),
  });
}

/** The subject-access export, saved as a JSON file; the server records who exported it. */
export async function downloadCustomerExport(id: string) {
  const data = await unwrap(api.GET('/api/customers/{id}/export', { params: { path: { id } } }));
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: `customer-${id}.json` });
  link.click();
  URL.revokeObjectURL(url);
}

/** A change of profile: every list and the timeline show it (the server records who changed what). */
function useCustomerMutation<T>(mutationFn: (body: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.customers }) });
}

export function useUpdateCustomer(id: string) {
  return useCustomerMutation((body: Partial<CustomerInput>) =>
    unwrap(api.PATCH('/api/customers/{id}', { params: { path: { id } }, body: body as CustomerInput })),
  );
}

export function useSetVip(id: string) {
  return useCustomerMutation((body: Schema<'VipRequest'>) => unwrap(api.PUT('/api/customers/{id}/vip', { params: { path: { id } }, body })));
}

export function useMergeCustomer(id: string) {
  return useCustomerMutation((body: Schema<'MergeRequest'>) => unwrap(api.POST('/api/customers/{id}/merge', { params: { path: { id } }, body })));
}

export type Segment = Schema<'SegmentDto'>;
export type SegmentRequest = Schema<'SegmentRequest'>;

export function useSegments() {
  return useQuery({ queryKey: queryKeys.segments, queryFn: () => unwrap(api.GET('/api/customer-segments')) });
}

export function useSegmentMembers(code: string | null) {
  return useQuery({
    queryKey: queryKeys.segmentMembers(code ?? ''),
    queryFn: () => unwrap(api.GET('/api/customer-segments/{code}/members', { params: { path: { code: code! }, query: { limit: 100 } } })),
    enabled: code !== null,
  });
}

/** Creates a segment, or changes the one with this code; memberships are recomputed by the server at once. */
export function useSaveSegment(code: string | null) {
  return useCustomerMutation((body: SegmentRequest) =>
    code === null
      ? unwrap(api.POST('/api/customer-segments', { body }))
      : unwrap(api.PUT('/api/customer-segments/{code}', { params: { path: { code } }, body })),
  );
}
