import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schema } from '../../../shared/api';

export type FeedbackSummary = Schema<'FeedbackSummaryDto'>;
export type FeedbackMeasures = Schema<'FeedbackMeasures'>;
export type CommentMeasure = Schema<'CommentMeasure'>;
export type CallBackItem = Schema<'CallBackItem'>;
export const feedbackChannels = ['counter', 'case', 'chat', 'relationship', 'phone'] as const;
export const feedbackGroups = ['branch', 'counter', 'service', 'staff', 'channel', 'day'] as const;

export type FeedbackGroup = (typeof feedbackGroups)[number];
export type FeedbackChannel = (typeof feedbackChannels)[number];

export interface FeedbackQuery {
  branch?: string;
  channel?: FeedbackChannel;
  groupBy?: FeedbackGroup;
  days: number;
}

export function useFeedbackSummary(q: FeedbackQuery) {
  return useQuery({
    queryKey: ['feedback', 'summary', q],
    queryFn: () => {
      const to = new Date();
      const from = new Date(to.getTime() - q.days * 86_400_000);
      return unwrap(api.GET('/api/feedback/summary', {
        params: { query: { branch: q.branch, channel: q.channel, groupBy: q.groupBy, from: from.toISOString(), to: to.toISOString() } },
      }));
    },
  });
}

export function useCallBacks(branch: string | undefined, status: string) {
  return useQuery({
    queryKey: ['feedback', 'callbacks', branch, status],
    enabled: !!branch,
    queryFn: () => unwrap(api.GET('/api/branches/{branch}/callbacks', { params: { path: { branch: branch! }, query: { status } } })),
  });
}

export function useCallBack(id: string | undefined) {
  return useQuery({
    queryKey: ['feedback', 'callback', id],
    enabled: !!id,
    queryFn: () => unwrap(api.GET('/api/feedback/callbacks/{id}', { params: { path: { id: id! } } })),
  });
}

export function useDial() {
  return useMutation({ mutationFn: (id: string) => unwrap(api.POST('/api/feedback/callbacks/{id}/dial', { params: { path: { id } } })) });
}

export function useRecordAttempt() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; outcome: string; note?: string; answers?: { questionId: string; value: number | string | string[] }[] }) =>
      unwrap(api.POST('/api/feedback/callbacks/{id}/attempts', {
        params: { path: { id } }, body: { outcome: body.outcome, note: body.note ?? null, answers: body.answers ?? null },
      })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['feedback'] }),
  });
}
