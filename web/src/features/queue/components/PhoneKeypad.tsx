import { useTranslation } from 'react-i18next';

const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '+', '0'] as const;

/** Digits for a touch screen without a keyboard; the text field beside it takes typed input as well. */
export function PhoneKeypad({
  value,
  onChange,
  maxLength = 20,
  digitsOnly = false,
}: {
  value: string;
  onChange: (value: string) => void;
  maxLength?: number;
  /** For codes: no "+" key. */
  digitsOnly?: boolean;
}) {
  const { t } = useTranslation();
  const press = (key: string) => {
    if (value.length >= maxLength) return;
    if (key === '+' && value.length > 0) return; // only as the first character
    onChange(value + key);
  };
  return (
    <div className="tp-keypad" role="group" aria-label={t('kiosk.keypad')}>
      {keys
        .filter((key) => !digitsOnly || key !== '+')
        .map((key) => (
        <button key={key} type="button" className="tp-keypad__key" onClick={() => press(key)}>
          {key}
        </button>
      ))}
      <button type="button" className="tp-keypad__key" aria-label={t('kiosk.deleteDigit')} onClick={() => onChange(value.slice(0, -1))}>
        ⌫
      </button>
      <button type="button" className="tp-keypad__key tp-keypad__key--wide" onClick={() => onChange('')}>
        {t('kiosk.clear')}
      </button>
    </div>
  );
}
