import { useEffect, useState } from 'react';
import { i18n } from '../../../shared/i18n';
import { isLanguage } from '../../../shared/i18n/languages';
import { speak } from './speechOutput';
import { evaluationRatings, evaluationReasons, type EvaluationRating, type EvaluationReason, type PadPrompt } from '../api/useEvaluationPad';

// Drawn, not emoji: a pad's browser may have no emoji font.
const mouths: Record<EvaluationRating, string> = {
  verySatisfied: 'M30 60 Q50 82 70 60 Z',
  satisfied: 'M32 62 Q50 76 68 62',
  dissatisfied: 'M32 72 Q50 58 68 72',
};

function Face({ rating }: { rating: EvaluationRating }) {
  return (
    <svg className="tp-pad__icon" viewBox="0 0 100 100" aria-hidden="true" focusable="false">
      <circle cx="50" cy="50" r="44" fill="none" stroke="currentColor" strokeWidth="7" />
      <circle cx="36" cy="40" r="6" fill="currentColor" />
      <circle cx="64" cy="40" r="6" fill="currentColor" />
      <path d={mouths[rating]} fill={rating === 'verySatisfied' ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth="7" strokeLinecap="round" />
    </svg>
  );
}

/** Three very large rating buttons in the customer's language; "dissatisfied" asks for reasons before sending. */
export function EvaluationPrompt({
  prompt,
  saving,
  failed,
  onRate,
}: {
  prompt: PadPrompt;
  saving: boolean;
  failed: boolean;
  onRate: (rating: EvaluationRating, reasons?: EvaluationReason[]) => void;
}) {
  const language = isLanguage(prompt.language) ? prompt.language : i18n.language;
  const t = i18n.getFixedT(language);
  const [askingReasons, setAskingReasons] = useState(false);
  const [reasons, setReasons] = useState<EvaluationReason[]>([]);
  // The server names the reasons it accepts; show those this UI can translate, in its own order.
  const offered = evaluationReasons.filter((reason) => prompt.reasons.length === 0 || prompt.reasons.includes(reason));
  const question = askingReasons ? t('pad.reasonsQuestion') : t('pad.question', { number: prompt.ticketNumber });
  // Large type and the question read aloud, slowly, for a customer who may not see well or needs time.
  useEffect(() => {
    if (prompt.large) void speak(question, language, 0.8);
  }, [prompt.large, question, language]);
  const toggle = (reason: EvaluationReason) =>
    setReasons((current) => (current.includes(reason) ? current.filter((r) => r !== reason) : [...current, reason]));

  return (
    <section className={`tp-pad__prompt${prompt.large ? ' tp-pad__prompt--large' : ''}`} lang={language} aria-labelledby="pad-question" data-testid="pad-prompt">
      <h1 id="pad-question" className="tp-pad__question">
        {question}
      </h1>
      {askingReasons ? (
        <>
          <div className="tp-pad__reasons" role="group" aria-label={t('pad.reasonsQuestion')}>
            {offered.map((reason) => (
              <button
                key={reason}
                type="button"
                className="tp-pad__reason"
                aria-pressed={reasons.includes(reason)}
                onClick={() => toggle(reason)}
              >
                {t(`pad.reason.${reason}`)}
              </button>
            ))}
          </div>
          <button type="button" className="tp-pad__send" disabled={saving} onClick={() => onRate('dissatisfied', reasons)}>
            {t('pad.send')}
          </button>
        </>
      ) : (
        <div className="tp-pad__ratings">
          {evaluationRatings.map((rating) => (
            <button
              key={rating}
              type="button"
              className={`tp-pad__rating tp-pad__rating--${rating}`}
              disabled={saving}
              onClick={() => (rating === 'dissatisfied' ? setAskingReasons(true) : onRate(rating))}
            >
              <Face rating={rating} />
              {t(`pad.rating.${rating}`)}
            </button>
          ))}
        </div>
      )}
      {failed && (
        <p className="tp-pad__error" role="alert">
          {t('pad.failed')}
        </p>
      )}
    </section>
  );
}
