import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, currentDeviceToken, queryKeys } from '../../../shared/api';
import { i18n } from '../../../shared/i18n';
import { isLanguage } from '../../../shared/i18n/languages';
import { usePageTitle } from '../../../shared/layout';
import { RealtimeProvider, useRealtimeEvent } from '../../../shared/realtime';
import { usePadState, useRateEvaluation, type EvaluationRating, type EvaluationReason, type PadPrompt } from '../api/useEvaluationPad';
import { EvaluationPrompt } from '../components/EvaluationPrompt';
import '../components/pad.css';

/** How long the thank-you or "could not be saved" screen stays before the pad returns to idle. */
const outcomeMs = 4_000;

/** The customer-facing evaluation pad at a counter (a paired pad device). Staff cannot trigger or skip a prompt here. */
export function EvaluationPadPage() {
  return (
    <RealtimeProvider accessToken={currentDeviceToken}>
      <EvaluationPad />
    </RealtimeProvider>
  );
}

function EvaluationPad() {
  const { t } = useTranslation();
  usePageTitle(t('pad.title'));
  const queryClient = useQueryClient();
  const pad = usePadState();
  const rate = useRateEvaluation();
  // The prompt just answered (or refused) stays hidden while the server's next reading catches up.
  const [answered, setAnswered] = useState<string>();
  const [outcome, setOutcome] = useState<{ kind: 'thanks' | 'expired'; language: string }>();
  // The pad's connection is in its counter's group: a call or completion there may bring a prompt.
  useRealtimeEvent('ticket.changed', () => void queryClient.invalidateQueries({ queryKey: queryKeys.pad }));

  useEffect(() => {
    if (!outcome) return;
    const timer = setTimeout(() => setOutcome(undefined), outcomeMs);
    return () => clearTimeout(timer);
  }, [outcome]);

  const state = pad.data;
  const prompt = state?.prompt && state.prompt.id !== answered ? state.prompt : undefined;
  const submit = (target: PadPrompt, rating: EvaluationRating, reasons?: EvaluationReason[]) =>
    rate.mutate(
      { id: target.id, rating, reasons },
      {
        onSuccess: () => {
          setAnswered(target.id);
          setOutcome({ kind: 'thanks', language: target.language });
        },
        onError: (error) => {
          if (!(error instanceof ApiError && error.status === 409)) return;
          setAnswered(target.id);
          setOutcome({ kind: 'expired', language: target.language });
        },
        onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.pad }),
      },
    );

  let content;
  if (outcome) {
    const language = isLanguage(outcome.language) ? outcome.language : i18n.language;
    const tp = i18n.getFixedT(language);
    content = (
      <div className="tp-pad__message" role="status" lang={language} data-testid={`pad-${outcome.kind}`}>
        {outcome.kind === 'thanks' ? tp('pad.thanks') : tp('pad.expired')}
      </div>
    );
  } else if (prompt) {
    content = <EvaluationPrompt key={prompt.id} prompt={prompt} saving={rate.isPending} failed={rate.isError} onRate={(rating, reasons) => submit(prompt, rating, reasons)} />;
  } else if (state) {
    content = (
      <div className="tp-pad__idle" data-testid="pad-idle">
        {state.staff ? (
          <>
            <div className="tp-pad__staff">{state.staff.displayName}</div>
            <div className="tp-pad__staff-number">{t('pad.staffNumber', { number: state.staff.userName })}</div>
          </>
        ) : (
          <div className="tp-pad__staff-number">{t('pad.noStaff')}</div>
        )}
        <div className="tp-pad__counter">{t('pad.counter', { number: state.counter })}</div>
      </div>
    );
  } else if (pad.error) {
    const unpaired = pad.error instanceof ApiError && (pad.error.status === 401 || pad.error.status === 403);
    content = (
      <div className="tp-pad__message" role="alert">
        {unpaired ? t('pad.notPaired') : t('pad.unavailable')}
      </div>
    );
  } else {
    content = <div className="tp-pad__message">{t('pad.loading')}</div>;
  }

  return <main className="tp-pad">{content}</main>;
}
