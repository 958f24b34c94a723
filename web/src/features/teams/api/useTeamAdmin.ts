import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys, unwrap, type Schema } from '../../../shared/api';

export type SaveTeamRequest = Schema<'SaveTeamRequest'>;

/** Staff of the branch who may work its cases: who may join its teams. */
export function useTeamCandidates(branchCode: string) {
  return useQuery({
    queryKey: queryKeys.teamCandidates(branchCode),
    queryFn: () => unwrap(api.GET('/api/branches/{code}/teams/candidates', { params: { path: { code: branchCode } } })),
  });
}

function useTeamMutation<Input>(branchCode: string, send: (input: Input) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.teamsOf(branchCode) });
      void client.invalidateQueries({ queryKey: queryKeys.myTeams });
    },
  });
}

export const useSaveTeam = (branchCode: string) =>
  useTeamMutation(branchCode, ({ id, body }: { id?: string; body: SaveTeamRequest }) =>
    id
      ? unwrap(api.PUT('/api/branches/{code}/teams/{id}', { params: { path: { code: branchCode, id } }, body }))
      : unwrap(api.POST('/api/branches/{code}/teams', { params: { path: { code: branchCode } }, body })),
  );

export const useRetireTeam = (branchCode: string) =>
  useTeamMutation(branchCode, ({ id, retire }: { id: string; retire: boolean }) =>
    retire
      ? unwrap(api.POST('/api/branches/{code}/teams/{id}/retire', { params: { path: { code: branchCode, id } } }))
      : unwrap(api.POST('/api/branches/{code}/teams/{id}/reinstate', { params: { path: { code: branchCode, id } } })),
  );
