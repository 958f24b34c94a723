import { asLocalizedText } from '../api';
import { currentLanguage } from '../i18n';

/** An intent's name in the UI language, else English, else its key. */
export function intentName(intent: { key: string; name: unknown }): string {
  const names = asLocalizedText(intent.name);
  return names[currentLanguage()] ?? names['en-US'] ?? Object.values(names)[0] ?? intent.key;
}
