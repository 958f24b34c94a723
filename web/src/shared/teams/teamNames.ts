import type { TeamName } from './useTeams';

/**
 * Whether a typed name matches none of the active teams' names (ignoring case, as rules and intent routes match them);
 * false while the names load or when nothing is typed.
 */
export function teamNameWarning(value: string | null | undefined, names: readonly TeamName[] | undefined): boolean {
  const wanted = value?.trim().toUpperCase();
  if (!wanted || !names) return false;
  return !names.some((n) => n.name.toUpperCase() === wanted);
}
