import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, queryKeys, unwrap, type Schema } from '../api';

export type TextAnalysis = Schema<'TextAnalysisDto'>;
export type ReplyFinding = Schema<'ReplyFinding'>;
export type AssistIntent = Schema<'IntentDto'>;
export type SaveIntentRequest = Schema<'SaveIntentRequest'>;

/** Texts are analysed in the background a moment after they are saved: poll while any is still pending. */
const whilePending = (data: readonly TextAnalysis[] | undefined) => (data?.some((a) => a.pending) ? 1000 : false);

export function useCaseAnalyses(caseId: string) {
  return useQuery({
    queryKey: queryKeys.caseAnalyses(caseId),
    queryFn: () => unwrap(api.GET('/api/assist/cases/{id}', { params: { path: { id: caseId } } })),
    refetchInterval: (query) => whilePending(query.state.data),
  });
}

export function useEncounterAnalyses(ids: readonly string[]) {
  return useQuery({
    queryKey: queryKeys.encounterAnalyses(ids),
    queryFn: () => unwrap(api.GET('/api/assist/encounters', { params: { query: { ids: ids.join(',') } } })),
    enabled: ids.length > 0,
    refetchInterval: (query) => whilePending(query.state.data),
  });
}

export function useCorrectAnalysis() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, ownerId, sentiment, intent }: { kind: string; ownerId: string; sentiment?: string; intent?: string }) =>
      unwrap(api.POST('/api/assist/analyses/{kind}/{ownerId}/correction', { params: { path: { kind, ownerId } }, body: { sentiment: sentiment ?? null, intent: intent ?? null } })),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: queryKeys.cases }), client.invalidateQueries({ queryKey: queryKeys.encountersAll })]),
  });
}

/** The value once it has stopped changing for delayMs: the reply check runs when the writer pauses, not on every key. */
export function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

export function useReplyCheck(text: string, caseId?: string) {
  const settled = useDebounced(text.trim(), 500);
  return useQuery({
    queryKey: queryKeys.replyCheck(settled, caseId),
    queryFn: () => unwrap(api.POST('/api/assist/reply-check', { body: { text: settled, language: null, caseId: caseId ?? null } })),
    enabled: settled.length > 0,
    staleTime: Infinity,
  });
}

export function useAssistIntents() {
  return useQuery({ queryKey: queryKeys.assistIntents, queryFn: () => unwrap(api.GET('/api/assist/intents')) });
}

export function useSaveIntent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, body }: { key: string; body: SaveIntentRequest }) =>
      unwrap(api.PUT('/api/assist/intents/{key}', { params: { path: { key } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['assist'] }),
  });
}

export function useDeleteIntent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => unwrap(api.DELETE('/api/assist/intents/{key}', { params: { path: { key } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['assist'] }),
  });
}

export function useAssistModels() {
  return useQuery({ queryKey: queryKeys.assistModels, queryFn: () => unwrap(api.GET('/api/assist/models')), refetchInterval: 5000 });
}

export function useRetrain() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/assist/models/retrain')),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.assistModels }),
  });
}

export function useAssistCapabilities() {
  return useQuery({ queryKey: ['assist', 'capabilities'], queryFn: () => unwrap(api.GET('/api/assist/capabilities')), staleTime: 5 * 60_000 });
}

export function useDraftReply() {
  return useMutation({ mutationFn: (caseId: string) => unwrap(api.POST('/api/assist/reply-draft', { body: { caseId } })) });
}
