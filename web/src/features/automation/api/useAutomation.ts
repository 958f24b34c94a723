import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys, unwrap, type Schema } from '../../../shared/api';
import { useRealtimeEvent } from '../../../shared/realtime';

export type Commitment = Schema<'CommitmentDto'>;
export type CaseRule = Schema<'CaseRuleDto'>;
export type CaseRuleRequest = Schema<'CaseRuleRequest'>;

const commitmentsKey = ['commitments'] as const;
const rulesKey = ['caseRules'] as const;

export function useCaseCommitments(caseId: string) {
  const client = useQueryClient();
  useRealtimeEvent(
    (event) => event.type.startsWith('commitment.') || (event.type === 'case.changed' && (event.data as { id?: string } | null)?.id === caseId),
    () => void client.invalidateQueries({ queryKey: commitmentsKey }),
  );
  return useQuery({
    queryKey: [...commitmentsKey, 'case', caseId],
    queryFn: () => unwrap(api.GET('/api/cases/{id}/commitments', { params: { path: { id: caseId } } })),
  });
}

export function useMyCommitments(status: 'open' | 'kept' | 'missed') {
  const client = useQueryClient();
  useRealtimeEvent((event) => event.type.startsWith('commitment.'), () => void client.invalidateQueries({ queryKey: commitmentsKey }));
  return useQuery({
    queryKey: [...commitmentsKey, 'mine', status],
    queryFn: () => unwrap(api.GET('/api/commitments/mine', { params: { query: { status } } })),
  });
}

export function useMissedCommitments(branch: string | undefined, from: string | undefined, to: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...commitmentsKey, 'missed', branch, from, to],
    queryFn: () => unwrap(api.GET('/api/commitments/missed', { params: { query: { branch, from, to } } })),
    enabled,
  });
}

export function useAddCommitment(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schema<'CreateCommitmentRequest'>) =>
      unwrap(api.POST('/api/cases/{id}/commitments', { params: { path: { id: caseId } }, body })),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: commitmentsKey }), client.invalidateQueries({ queryKey: queryKeys.cases })]),
  });
}

export function useKeepCommitment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/commitments/{id}/kept', { params: { path: { id } }, body: { keptAt: null } })),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: commitmentsKey }), client.invalidateQueries({ queryKey: queryKeys.cases })]),
  });
}

export function useCaseRules() {
  return useQuery({ queryKey: rulesKey, queryFn: () => unwrap(api.GET('/api/case-rules')) });
}

export function useSaveCaseRule(id: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseRuleRequest) =>
      id === null
        ? unwrap(api.POST('/api/case-rules', { body }))
        : unwrap(api.PUT('/api/case-rules/{id}', { params: { path: { id } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: rulesKey }),
  });
}

export function useDeleteCaseRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/case-rules/{id}', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: rulesKey }),
  });
}

const assignmentKey = ['assignment'] as const;

export function useAssignmentStaff(branch: string | undefined) {
  return useQuery({
    queryKey: [...assignmentKey, 'staff', branch],
    queryFn: () => unwrap(api.GET('/api/assignment/staff', { params: { query: { branch } } })),
    enabled: branch !== undefined,
  });
}

export function useSaveStaffSkills() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, skills, capacity }: { userId: string; skills: string[]; capacity: number }) =>
      unwrap(api.PUT('/api/assignment/staff/{userId}', { params: { path: { userId } }, body: { skills, capacity } })),
    onSuccess: () => client.invalidateQueries({ queryKey: assignmentKey }),
  });
}

export function useAutoAssign(branch: string | undefined) {
  return useQuery({
    queryKey: [...assignmentKey, 'branch', branch],
    queryFn: () => unwrap(api.GET('/api/assignment/branches/{code}', { params: { path: { code: branch! } } })),
    enabled: branch !== undefined,
  });
}

export function useSetAutoAssign(branch: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (enabled: boolean) => unwrap(api.PUT('/api/assignment/branches/{code}', { params: { path: { code: branch! } }, body: { enabled } })),
    onSuccess: () => client.invalidateQueries({ queryKey: assignmentKey }),
  });
}
