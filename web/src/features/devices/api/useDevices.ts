import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys, unwrap, type Schema } from '../../../shared/api';

export type Device = Schema<'DeviceDto'>;
export type CreateDeviceRequest = Schema<'CreateDeviceRequest'>;

export const deviceKinds = ['kiosk', 'display', 'counter', 'pad'] as const;
export const deviceStatuses = ['pending', 'paired', 'revoked'] as const;

/** Counter-bound devices (the staff screen and the evaluation pad) must name their counter. */
export function kindNeedsCounter(kind: string | null | undefined) {
  return kind === 'counter' || kind === 'pad';
}

export function useDevices(branchCode: string) {
  return useQuery({
    queryKey: queryKeys.devices(branchCode),
    queryFn: () => unwrap(api.GET('/api/branches/{code}/devices', { params: { path: { code: branchCode } } })),
  });
}

export function useCreateDevice(branchCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDeviceRequest) =>
      unwrap(api.POST('/api/branches/{code}/devices', { params: { path: { code: branchCode } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.devices(branchCode) }),
  });
}

export function useRevokeDevice(branchCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/devices/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.devices(branchCode) }),
  });
}

/** A fresh pairing code for a device whose code expired or that lost its token; its old token stops working. */
export function useRenewPairingCode(branchCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/devices/{id}/pairing-code', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.devices(branchCode) }),
  });
}

/** The branch's counters to bind a device to; shares its cache entry with the counters tab. */
export function useCounterOptions(branchCode: string) {
  return useQuery({
    queryKey: queryKeys.counters(branchCode),
    queryFn: () => unwrap(api.GET('/api/branches/{code}/counters', { params: { path: { code: branchCode } } })),
    select: (counters) => counters.map((counter) => ({ value: counter.number, label: `${counter.number} · ${counter.displayName}` })),
  });
}
