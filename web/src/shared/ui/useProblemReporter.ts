import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { splitProblemByField } from '../api/problem';

/**
 * Shows a failed API call to the user: validation messages go onto the matching form fields,
 * and the problem's detail (or title) plus anything that matched no field goes into a message.
 */
export function useProblemReporter() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (!(error instanceof ApiError)) {
        void message.error(t('errors.network'));
        return;
      }
      if (error.status === 401) return; // the client is already taking the user to the sign-in page
      const formFields = form ? form.getFieldsError().map((field) => field.name) : [];
      const { fields, unmatched } = splitProblemByField(error.problem, formFields);
      form?.setFields(fields);
      const summary = error.problem.detail ?? error.problem.title ?? t('errors.generic');
      void message.error([summary, ...unmatched].join(' '));
    },
    [message, t],
  );
}
