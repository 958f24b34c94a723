import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap, type Schema } from '../../../shared/api';

export type SearchResults = Schema<'SearchResults'>;
export type SearchHit = Schema<'SearchHitDto'>;
export type SnippetPart = Schema<'SnippetPart'>;
export const searchKinds = ['case', 'encounter', 'customer', 'article'] as const;
export type SearchKind = (typeof searchKinds)[number];

const pageSize = 10;

/** One kind's hits for a query, ten at a time; "more" asks the server for the next ranked page. */
export function useSearch(q: string, kind: SearchKind, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['search', kind, q],
    enabled: enabled && q.trim().length > 0,
    initialPageParam: 0,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/search', { params: { query: { q, kinds: kind, offset: pageParam, limit: pageSize } } })),
    getNextPageParam: (last) => last.nextOffset ?? undefined,
    placeholderData: keepPreviousData,
  });
}
