import { useMutation, useQuery } from '@tanstack/react-query';
import { api, queryKeys, unwrap, type Schema } from '../../../shared/api';
import { useInvalidateBranch } from './useInvalidateBranch';

export type Service = Schema<'ServiceDto'>;
export type ServiceRequest = Schema<'ServiceRequest'>;

export function useServices(branchCode: string) {
  return useQuery({
    queryKey: queryKeys.services(branchCode),
    queryFn: () => unwrap(api.GET('/api/branches/{code}/services', { params: { path: { code: branchCode } } })),
  });
}

export function useSaveService(branchCode: string) {
  const invalidate = useInvalidateBranch(branchCode);
  return useMutation({
    mutationFn: ({ existingCode, service }: { existingCode?: string; service: ServiceRequest }) =>
      existingCode
        ? unwrap(api.PUT('/api/branches/{code}/services/{serviceCode}', { params: { path: { code: branchCode, serviceCode: existingCode } }, body: service }))
        : unwrap(api.POST('/api/branches/{code}/services', { params: { path: { code: branchCode } }, body: service })),
    onSuccess: invalidate,
  });
}

export function useDeleteService(branchCode: string) {
  const invalidate = useInvalidateBranch(branchCode);
  return useMutation({
    mutationFn: (serviceCode: string) =>
      unwrap(api.DELETE('/api/branches/{code}/services/{serviceCode}', { params: { path: { code: branchCode, serviceCode } } })),
    onSuccess: invalidate,
  });
}
