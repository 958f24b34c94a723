import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PhoneKeypad } from './PhoneKeypad';

/**
 * "I have an appointment": the customer types the six-digit code of their booking (keypad on the kiosk, the phone's
 * own keyboard on a phone). The page shows the issued ticket like any other once the check-in succeeds.
 */
export function AppointmentCheckIn({
  keypad,
  pending,
  problem,
  onCheckIn,
  onBack,
}: {
  keypad: boolean;
  pending: boolean;
  problem: ReactNode;
  onCheckIn: (code: string) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim()) onCheckIn(code.trim());
  };
  return (
    <form className="tp-kiosk__details" onSubmit={submit} noValidate>
      <h2 className="tp-kiosk__step">{t('kiosk.haveAppointment')}</h2>
      {problem}
      <div className="tp-kiosk__phone">
        <label htmlFor="kiosk-appointment-code">{t('kiosk.appointmentCode')}</label>
        <input
          id="kiosk-appointment-code"
          className="tp-kiosk__input"
          inputMode="numeric"
          autoComplete="off"
          value={code}
          maxLength={6}
          aria-describedby="kiosk-appointment-hint"
          onChange={(event) => setCode(event.target.value.replace(/\D/g, ''))}
        />
        <p id="kiosk-appointment-hint" className="tp-kiosk__hint">
          {t('kiosk.appointmentHint')}
        </p>
        {keypad && <PhoneKeypad value={code} onChange={setCode} maxLength={6} digitsOnly />}
      </div>
      <div className="tp-kiosk__actions">
        <button type="button" className="tp-kiosk__secondary" onClick={onBack}>
          {t('kiosk.back')}
        </button>
        <button type="submit" className="tp-kiosk__primary" disabled={pending || code.length !== 6} aria-busy={pending}>
          {pending ? t('kiosk.issuing') : t('kiosk.checkIn')}
        </button>
      </div>
    </form>
  );
}
