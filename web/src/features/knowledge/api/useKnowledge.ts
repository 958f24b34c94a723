import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schema } from '../../../shared/api';

export type Article = Schema<'ArticleDto'>;
export type ArticleListItem = Schema<'ArticleListItem'>;
export type ArticleRequest = Schema<'ArticleRequest'>;
export type ArticleVersionItem = Schema<'ArticleVersionItem'>;
export type ArticleDiff = Schema<'ArticleDiff'>;
export type ArticleHit = Schema<'ArticleHit'>;
export type HelpCentre = Schema<'HelpCentre'>;
export type HelpArticle = Schema<'HelpArticle'>;
export type ArticleOwner = Schema<'ArticleOwner'>;

export const articleStates = ['draft', 'internal', 'published'] as const;
export type ArticleState = (typeof articleStates)[number];

const knowledgeKey = ['knowledge'] as const;

export interface ArticleFilters {
  state?: string;
  category?: string;
  language?: string;
  due?: boolean;
  mine?: boolean;
  offset?: number;
}

export function useArticles(filters: ArticleFilters) {
  return useQuery({
    queryKey: [...knowledgeKey, 'list', filters],
    queryFn: () => unwrap(api.GET('/api/knowledge/articles', { params: { query: { ...filters, limit: 50 } } })),
    placeholderData: keepPreviousData,
  });
}

export function useKnowledgeCategories(language?: string) {
  return useQuery({
    queryKey: [...knowledgeKey, 'categories', language ?? ''],
    queryFn: () => unwrap(api.GET('/api/knowledge/categories', { params: { query: { language } } })),
    staleTime: 60_000,
  });
}

export function useStaffArticleSearch(q: string, language: string) {
  return useQuery({
    queryKey: [...knowledgeKey, 'search', q, language],
    queryFn: () => unwrap(api.GET('/api/knowledge/search', { params: { query: { q, language } } })),
    enabled: q.trim().length > 0,
  });
}

export function useArticle(id: string | undefined) {
  return useQuery({
    queryKey: [...knowledgeKey, 'article', id],
    queryFn: () => unwrap(api.GET('/api/knowledge/articles/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

export function useArticleVersions(id: string) {
  return useQuery({
    queryKey: [...knowledgeKey, 'article', id, 'versions'],
    queryFn: () => unwrap(api.GET('/api/knowledge/articles/{id}/versions', { params: { path: { id } } })),
  });
}

export function useArticleDiff(id: string, from: number | undefined, to: number | undefined) {
  return useQuery({
    queryKey: [...knowledgeKey, 'article', id, 'diff', from, to],
    queryFn: () => unwrap(api.GET('/api/knowledge/articles/{id}/diff', { params: { path: { id }, query: { from, to } } })),
    enabled: from !== undefined && to !== undefined,
  });
}

/** Staff who may own an article of the branch (all branches when none), by part of their name. */
export function useArticleOwners(branch: string | undefined, q: string) {
  return useQuery({
    queryKey: [...knowledgeKey, 'owners', branch ?? '', q],
    queryFn: () => unwrap(api.GET('/api/knowledge/owners', { params: { query: { branch, q: q || undefined } } })),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** Creates (id null) or saves an article; every save is a new version. */
export function useSaveArticle(id: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ArticleRequest) =>
      id === null
        ? unwrap(api.POST('/api/knowledge/articles', { body }))
        : unwrap(api.PUT('/api/knowledge/articles/{id}', { params: { path: { id } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: knowledgeKey }),
  });
}

export function useRestoreVersion(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ number, version }: { number: number; version: number }) =>
      unwrap(api.POST('/api/knowledge/articles/{id}/versions/{number}/restore', { params: { path: { id, number } }, body: { version } })),
    onSuccess: () => client.invalidateQueries({ queryKey: knowledgeKey }),
  });
}

// The public help centre.

export function useHelpCentre(branch: string | undefined, language: string) {
  return useQuery({
    queryKey: ['help', branch ?? '', language],
    queryFn: () => unwrap(api.GET('/api/public/help', { params: { query: { branch, language } } })),
    retry: false,
  });
}

export function useHelpArticle(id: string, branch: string | undefined, language: string) {
  return useQuery({
    queryKey: ['help', branch ?? '', language, 'article', id],
    queryFn: () => unwrap(api.GET('/api/public/help/articles/{id}', { params: { path: { id }, query: { branch, language } } })),
    retry: false,
  });
}

export function useHelpSearch(q: string, branch: string | undefined, language: string) {
  return useQuery({
    queryKey: ['help', branch ?? '', language, 'search', q],
    queryFn: () => unwrap(api.GET('/api/public/help/search', { params: { query: { q, branch, language } } })),
    enabled: q.trim().length > 0,
    retry: false,
  });
}

const voterKey = 'touchpoint.helpVoter';

/** A random token this browser keeps, so a reader's second answer replaces the first. Nothing about the person. */
export function helpVoter(): string {
  let voter = localStorage.getItem(voterKey);
  if (!voter) {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    voter = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    localStorage.setItem(voterKey, voter);
  }
  return voter;
}

export function useHelpfulVote(id: string) {
  return useMutation({
    mutationFn: (helpful: boolean) =>
      unwrap(api.POST('/api/public/help/articles/{id}/feedback', { params: { path: { id } }, body: { helpful, voter: helpVoter() } })),
  });
}
