import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schema } from '../../../shared/api';

export type Macro = Schema<'MacroDto'>;
export type MacroRequest = Schema<'MacroRequest'>;

const macrosKey = ['macros'] as const;

/** The canned replies this user may use (all: also retired ones, for the people who maintain them). */
export function useMacros(all = false) {
  return useQuery({
    queryKey: [...macrosKey, all],
    queryFn: () => unwrap(api.GET('/api/macros', { params: { query: { all } } })),
    staleTime: 60_000,
  });
}

export function useSaveMacro(id: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MacroRequest) =>
      id === null
        ? unwrap(api.POST('/api/macros', { body }))
        : unwrap(api.PUT('/api/macros/{id}', { params: { path: { id } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: macrosKey }),
  });
}
