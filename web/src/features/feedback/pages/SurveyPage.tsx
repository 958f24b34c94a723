import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../../shared/api';
import { LanguageSwitcher, usePageTitle } from '../../../shared/layout';
import { applyLanguage } from '../../../shared/i18n';
import { isLanguage } from '../../../shared/i18n/languages';
import { useSubmitSurvey, useSurvey, type SurveyAnswerValue } from '../api/useSurvey';
import { SurveyQuestionField } from '../components/SurveyQuestionField';
import '../../queue/components/queue.css';
import '../components/survey.css';

/**
 * The survey behind a link (/s/<token>) on the customer's phone: every question on one page with big targets, in the
 * invitation's language until the customer picks another. Used and expired links say so politely, in the server's words.
 */
export function SurveyPage() {
  const { token = '' } = useParams();
  const { t, i18n } = useTranslation();
  const [synced, setSynced] = useState(false);
  const survey = useSurvey(token, synced ? i18n.language : undefined);
  const submit = useSubmitSurvey(token);
  const [answers, setAnswers] = useState<Record<string, SurveyAnswerValue>>({});
  usePageTitle(t('survey.title'));

  useEffect(() => {
    if (!survey.data || synced) return;
    setSynced(true);
    if (isLanguage(survey.data.language) && survey.data.language !== i18n.language) void applyLanguage(survey.data.language);
  }, [survey.data, synced, i18n.language]);

  const problem = (submit.error ?? survey.error) as unknown;
  const status = problem instanceof ApiError ? problem.status : undefined;
  const fieldErrors = problem instanceof ApiError && status === 400 ? (problem.problem.errors ?? {}) : {};
  const errorFor = (index: number) => [...(fieldErrors[`answers[${index}].value`] ?? []), ...(fieldErrors[`answers[${index}].questionId`] ?? [])][0];
  const given = Object.entries(answers).map(([questionId, value]) => ({ questionId, value }));
  const data = survey.data;

  return (
    <div className="tp-mobile tp-survey">
      <header className="tp-mobile__header">
        <span className="tp-mobile__brand">{data?.branchName || 'Touchpoint'}</span>
        <LanguageSwitcher />
      </header>
      <main className="tp-mobile__main">
        {survey.isLoading && <p role="status">{t('common.loading')}</p>}
        {submit.isSuccess ? (
          <section className="tp-mobile__card tp-survey__done" role="status" data-testid="survey-thanks">
            <h1 className="tp-mobile__heading">{t('survey.thanksTitle')}</h1>
            <p>{t('survey.thanksBody')}</p>
          </section>
        ) : status && status !== 400 ? (
          <section className="tp-mobile__card tp-survey__closed" role="alert" data-testid="survey-closed">
            <h1 className="tp-mobile__heading">{status === 404 ? t('survey.notFoundTitle') : (problem as ApiError).problem.title}</h1>
            <p>{status === 404 ? t('survey.notFound') : status === 409 || status === 410 ? (problem as ApiError).problem.detail : t('errors.network')}</p>
          </section>
        ) : (
          data && (
            <form
              className="tp-survey__form"
              onSubmit={(e) => {
                e.preventDefault();
                submit.mutate(given);
              }}
            >
              <section className="tp-mobile__card">
                <h1 className="tp-mobile__heading">{t('survey.heading')}</h1>
                <p className="tp-mobile__note">
                  {[data.reference, data.counter != null ? t('survey.counter', { counter: data.counter }) : null, data.staffName].filter(Boolean).join(' · ')}
                </p>
              </section>
              {data.questions.map((q) => (
                <div className="tp-mobile__card" key={q.id}>
                  <SurveyQuestionField
                    question={q}
                    value={answers[q.id]}
                    error={errorFor(given.findIndex((a) => a.questionId === q.id))}
                    onChange={(value) =>
                      setAnswers((current) => {
                        const next = { ...current };
                        if (value === undefined) delete next[q.id];
                        else next[q.id] = value;
                        return next;
                      })
                    }
                  />
                </div>
              ))}
              {fieldErrors.answers && <p className="tp-survey__error" role="alert">{t('survey.answerOne')}</p>}
              <button type="submit" className="tp-mobile__button" disabled={given.length === 0 || submit.isPending} data-testid="survey-submit">
                {t('survey.submit')}
              </button>
              <p className="tp-mobile__note">{t('survey.privacy')}</p>
            </form>
          )
        )}
      </main>
    </div>
  );
}
