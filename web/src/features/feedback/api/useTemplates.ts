import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schema } from '../../../shared/api';

export type SurveyTemplate = Schema<'SurveyTemplateDto'>;
export type SurveyTemplateInput = Schema<'SurveyTemplateInput'>;
export const questionTypes = ['csat', 'nps', 'effort', 'choice', 'text'] as const;

export function useSurveyTemplates() {
  return useQuery({ queryKey: ['feedback', 'templates'], queryFn: () => unwrap(api.GET('/api/feedback/templates')) });
}

/** Creates a template, or replaces one's name and questions when an id is given. */
export function useSaveTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: SurveyTemplateInput }) =>
      id
        ? unwrap(api.PUT('/api/feedback/templates/{id}', { params: { path: { id } }, body }))
        : unwrap(api.POST('/api/feedback/templates', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['feedback', 'templates'] }),
  });
}
