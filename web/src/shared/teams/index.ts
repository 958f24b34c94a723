export { TeamFilterSelect } from './TeamFilterSelect';
export { TeamNameInput } from './TeamNameInput';
export { teamNameWarning } from './teamNames';
export { useBranchTeams, useMyTeams, useTeamNames, type MyTeam, type Team, type TeamName } from './useTeams';
