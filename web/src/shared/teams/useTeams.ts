import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys, unwrap, type Schema } from '../api';
import { useRealtimeEvent } from '../realtime';

export type Team = Schema<'TeamDto'>;
export type MyTeam = Schema<'MyTeamDto'>;
export type TeamName = Schema<'TeamNameDto'>;

/** A team change in any branch refreshes the team lists and "my teams" (they are few and small). */
function useTeamEvents() {
  const client = useQueryClient();
  useRealtimeEvent(
    (event) => event.type === 'organisation.changed' && (event.data as { entity?: string } | null)?.entity === 'team',
    () => {
      void client.invalidateQueries({ queryKey: queryKeys.myTeams });
      void client.invalidateQueries({ queryKey: ['teams', 'names'] });
      void client.invalidateQueries({ predicate: (query) => query.queryKey[0] === 'branches' && query.queryKey[2] === 'teams' });
    },
  );
}

/** The teams of a branch, active ones only unless asked; nothing is fetched without a branch. */
export function useBranchTeams(branchCode: string | undefined, { includeRetired = false }: { includeRetired?: boolean } = {}) {
  useTeamEvents();
  return useQuery({
    queryKey: queryKeys.teams(branchCode ?? '', includeRetired),
    enabled: !!branchCode,
    queryFn: () =>
      unwrap(api.GET('/api/branches/{code}/teams', { params: { path: { code: branchCode! }, query: { includeRetired } } })),
  });
}

/** The signed-in person's active teams, in every branch they reach. */
export function useMyTeams() {
  useTeamEvents();
  return useQuery({ queryKey: queryKeys.myTeams, queryFn: () => unwrap(api.GET('/api/teams/mine')) });
}

/**
 * Names of active teams, each once, with the branches that have one: of one branch, or of every branch the caller
 * reaches when none is given. Only for those who write rules and intents (cases.manage).
 */
export function useTeamNames(branchCode: string | undefined) {
  useTeamEvents();
  return useQuery({
    queryKey: queryKeys.teamNames(branchCode),
    queryFn: () => unwrap(api.GET('/api/teams/names', { params: { query: { branch: branchCode } } })),
  });
}
