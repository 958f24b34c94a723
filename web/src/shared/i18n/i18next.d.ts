import 'i18next';
import type enUS from './locales/en-US.json';

// Makes t('...') keys checked by the compiler against the English file; the parity test keeps the others aligned.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof enUS };
  }
}
