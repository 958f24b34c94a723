import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, queryKeys, unwrap } from '../api';
import { applyLanguage } from '../i18n';
import type { Language } from '../i18n/languages';
import { useProblemReporter } from '../ui/useProblemReporter';

/** Switches the UI language, and when someone is signed in saves it as their preference too. */
export function useChangeLanguage() {
  const queryClient = useQueryClient();
  const reportProblem = useProblemReporter();
  return useCallback(
    async (language: Language) => {
      await applyLanguage(language);
      const signedIn = queryClient.getQueryData(queryKeys.me) !== undefined;
      if (signedIn) {
        try {
          await unwrap(api.PUT('/api/me/preferences', { body: { language } }));
        } catch (error) {
          reportProblem(error);
        }
      }
      // displayName fields and server messages come back in the request language, so fetch them again.
      await queryClient.invalidateQueries();
    },
    [queryClient, reportProblem],
  );
}
