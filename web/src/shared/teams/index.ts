export { TeamFilterSelect } from './TeamFilterSelect';
export { useBranchTeams, useMyTeams, type MyTeam, type Team } from './useTeams';
