import { useQuery } from '@tanstack/react-query';
import { api, asLocalizedText, queryKeys, unwrap, type Schema } from '../api';

export type Branch = Schema<'BranchDto'>;

/** The branches the signed-in person may see (every staff role may read the organisation). */
export function useBranchList() {
  return useQuery({ queryKey: queryKeys.branches, queryFn: () => unwrap(api.GET('/api/branches')) });
}

/**
 * A branch's name as a customer reads it in the given language (a macro's {{branch.name}}): the name written for that
 * language, else the branch's display name, else its code while the list loads.
 */
export function useBranchNameIn(code: string, language: string): string {
  const branch = useBranchList().data?.find((b) => b.code === code);
  const names = asLocalizedText(branch?.name) as Record<string, string | undefined>;
  return names[language] ?? branch?.displayName ?? code;
}
