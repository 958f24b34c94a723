import { FrownOutlined, MehOutlined, SmileOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SurveyAnswerValue, SurveyQuestion } from '../api/useSurvey';

const faces = [<FrownOutlined key="1" />, <MehOutlined key="2" />, <SmileOutlined key="3" />];

interface Props {
  question: SurveyQuestion;
  value: SurveyAnswerValue | undefined;
  error?: string;
  onChange: (value: SurveyAnswerValue | undefined) => void;
}

/** One question with touch targets of at least 48 px: faces, a 0-10 grid, labelled scale points, toggles or a text box. */
export function SurveyQuestionField({ question, value, error, onChange }: Props) {
  const { t } = useTranslation();
  const headingId = `q-${question.id}`;
  const toggle = (code: string) => {
    const current = Array.isArray(value) ? value : [];
    const next = current.includes(code) ? current.filter((c) => c !== code) : [...current, code];
    onChange(question.multiple ? (next.length ? next : undefined) : current.includes(code) ? undefined : code);
  };
  return (
    <section className="tp-survey__question" aria-labelledby={headingId} data-testid={`question-${question.id}`}>
      <h2 id={headingId} className="tp-survey__text">
        {question.text}
      </h2>
      {question.type === 'csat' && question.max === 3 && (
        <div className="tp-survey__faces" role="group" aria-labelledby={headingId}>
          {(question.options ?? []).map((o, i) => (
            <button key={o.score} type="button" aria-pressed={value === o.score} className={`tp-survey__face tp-survey__face--${i + 1}`}
              onClick={() => onChange(value === o.score ? undefined : o.score!)}>
              <span aria-hidden className="tp-survey__icon">{faces[i]}</span>
              {o.label}
            </button>
          ))}
        </div>
      )}
      {((question.type === 'csat' && question.max !== 3) || question.type === 'effort') && (
        <div className="tp-survey__scale" role="group" aria-labelledby={headingId}>
          {(question.options ?? []).map((o) => (
            <button key={o.score} type="button" aria-pressed={value === o.score} className="tp-survey__point" onClick={() => onChange(value === o.score ? undefined : o.score!)}>
              <span className="tp-survey__score">{o.score}</span> {o.label}
            </button>
          ))}
        </div>
      )}
      {question.type === 'nps' && (
        <>
          <div className="tp-survey__nps" role="group" aria-labelledby={headingId}>
            {Array.from({ length: 11 }, (_, n) => (
              <button key={n} type="button" aria-pressed={value === n} className="tp-survey__npsPoint" onClick={() => onChange(value === n ? undefined : n)}>
                {n}
              </button>
            ))}
          </div>
          <p className="tp-survey__ends">
            <span>0 = {question.minLabel}</span>
            <span>10 = {question.maxLabel}</span>
          </p>
        </>
      )}
      {question.type === 'choice' && (
        <div className="tp-survey__choices" role="group" aria-labelledby={headingId}>
          {(question.options ?? []).map((o) => {
            const on = Array.isArray(value) ? value.includes(o.value!) : value === o.value;
            return (
              <button key={o.value} type="button" aria-pressed={on} className="tp-survey__choice" onClick={() => toggle(o.value!)}>
                {o.label}
              </button>
            );
          })}
        </div>
      )}
      {question.type === 'text' && (
        <textarea className="tp-survey__comment" aria-labelledby={headingId} maxLength={question.max ?? 2000} rows={4}
          placeholder={t('survey.commentPlaceholder')} value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value ? e.target.value : undefined)} />
      )}
      {error && (
        <p className="tp-survey__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
