import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schema } from '../../../shared/api';

export type SurveyForm = Schema<'SurveyForm'>;
export type SurveyQuestion = Schema<'SurveyQuestionDto'>;
export type SurveyAnswerValue = number | string | string[];

/** The survey behind a link; `language` is left out on the first load so that the invitation's own language is used. */
export function useSurvey(token: string, language: string | undefined) {
  return useQuery({
    queryKey: ['survey', token, language ?? 'invitation'],
    queryFn: () => unwrap(api.GET('/api/surveys/{token}', { params: { path: { token }, query: { lang: language } } })),
    retry: false,
    staleTime: Infinity,
  });
}

export function useSubmitSurvey(token: string) {
  return useMutation({
    mutationFn: (answers: { questionId: string; value: SurveyAnswerValue }[]) =>
      unwrap(api.POST('/api/surveys/{token}', { params: { path: { token } }, body: { answers } })),
  });
}
