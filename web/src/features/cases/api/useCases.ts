import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys, unwrap, type Schema } from '../../../shared/api';
import { useRealtimeEvent } from '../../../shared/realtime';

export type CaseListItem = Schema<'CaseListItem'>;
export type CaseDetail = Schema<'CaseDetail'>;
export type CreateCaseRequest = Schema<'CreateCaseRequest'>;
export type LogEncounterRequest = Schema<'LogEncounterRequest'>;

export interface CaseQuery {
  status?: string;
  priority?: string;
  assignee?: string;
  /** mine (my teams), none, or a team's id. */
  team?: string;
  q?: string;
  after?: string;
  limit?: number;
}

/** `enabled: false` while another list stands in for this one (a saved view), so only one list query runs. */
export function useCaseList(query: CaseQuery, { enabled = true }: { enabled?: boolean } = {}) {
  const client = useQueryClient();
  // Any case change in the user's branches refreshes lists and the open case.
  useRealtimeEvent('case.changed', () => void client.invalidateQueries({ queryKey: queryKeys.cases }));
  return useQuery({
    queryKey: queryKeys.caseList(query),
    queryFn: () => unwrap(api.GET('/api/cases', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCase(id: string) {
  const client = useQueryClient();
  useRealtimeEvent(
    (event) => event.type.startsWith('case.') && (event.data as { id?: string } | null)?.id === id,
    () => void client.invalidateQueries({ queryKey: queryKeys.case(id) }),
  );
  return useQuery({
    queryKey: queryKeys.case(id),
    queryFn: () => unwrap(api.GET('/api/cases/{id}', { params: { path: { id } } })),
  });
}

/** `waitForRefresh: false` ends the mutation on the server's answer and lets the lists refresh behind it. */
function useCaseMutation<Input>(send: (input: Input) => Promise<unknown>, { waitForRefresh = true }: { waitForRefresh?: boolean } = {}) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      const refresh = client.invalidateQueries({ queryKey: queryKeys.cases });
      if (waitForRefresh) await refresh;
    },
  });
}

/** The new case opens as soon as the server answers (waiting for the lists kept the dialog spinning). */
export const useCreateCase = () =>
  useCaseMutation((body: CreateCaseRequest) => unwrap(api.POST('/api/cases', { body })), { waitForRefresh: false });

export const useAddCaseMessage = (id: string) =>
  useCaseMutation((body: Schema<'AddCaseMessageRequest'>) =>
    unwrap(api.POST('/api/cases/{id}/messages', { params: { path: { id } }, body })),
  );

export const useChangeCaseStatus = (id: string) =>
  useCaseMutation((status: string) => unwrap(api.POST('/api/cases/{id}/status', { params: { path: { id } }, body: { status } })));

/** Sets the assignee and the team together (the server clears what is left out): pass the current value of the other. */
export const useAssignCase = (id: string) =>
  useCaseMutation(({ assigneeId, teamId }: { assigneeId: string | null; teamId: string | null }) =>
    unwrap(api.POST('/api/cases/{id}/assign', { params: { path: { id } }, body: { assigneeId, teamId } })),
  );

export function useEncounters(query: { channel?: string; caseId?: string }) {
  return useQuery({
    queryKey: queryKeys.encounters(query),
    queryFn: () => unwrap(api.GET('/api/encounters', { params: { query: { ...query, limit: 50 } } })),
  });
}

export function useLogEncounter() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LogEncounterRequest) => unwrap(api.POST('/api/encounters', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.encountersAll }),
  });
}

export const useEditCase = (id: string) =>
  useCaseMutation((body: Schema<'UpdateCaseRequest'>) =>
    unwrap(api.PATCH('/api/cases/{id}', { params: { path: { id } }, body })),
  );
