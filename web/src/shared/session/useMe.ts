import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, queryKeys, unwrap, type Schema } from '../api';
import { applyLanguage } from '../i18n';
import { isLanguage } from '../i18n/languages';

export type Me = Schema<'MeResponse'>;

export function useMe() {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: () => unwrap(api.GET('/api/me')),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** After sign-in the user's stored language wins over whatever this browser had chosen. */
export async function startSession(queryClient: QueryClient, me: Me) {
  queryClient.setQueryData(queryKeys.me, me);
  if (isLanguage(me.language)) await applyLanguage(me.language);
}
