import { useMutation, useQuery } from '@tanstack/react-query';
import { api, queryKeys, unwrap, type Schema } from '../../../shared/api';

export type PadState = Schema<'PadState'>;
export type PadPrompt = Schema<'PadPrompt'>;
export const evaluationRatings = ['verySatisfied', 'satisfied', 'dissatisfied'] as const;
export type EvaluationRating = (typeof evaluationRatings)[number];
export const evaluationReasons = ['waitTooLong', 'attitude', 'notResolved', 'tooSlow', 'unclear', 'other'] as const;
export type EvaluationReason = (typeof evaluationReasons)[number];

const padPollMs = 2_000;

/** The paired pad's counter, who serves there and the evaluation prompt waiting for the customer, if any. */
export function usePadState() {
  return useQuery({
    queryKey: queryKeys.pad,
    queryFn: () => unwrap(api.GET('/api/device/pad')),
    refetchInterval: padPollMs,
    staleTime: 0,
  });
}

/** The customer's answer; 409 when the prompt expired or was answered already. */
export function useRateEvaluation() {
  return useMutation({
    mutationFn: ({ id, rating, reasons }: { id: string; rating: EvaluationRating; reasons?: EvaluationReason[] }) =>
      unwrap(api.POST('/api/evaluations/{id}', { params: { path: { id } }, body: { rating, reasons: reasons ?? null } })),
  });
}
