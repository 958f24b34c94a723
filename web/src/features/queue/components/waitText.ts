import type { TFunction } from 'i18next';

/** The estimated wait as customers read it: "about 10 min", or "under 1 min" rather than "about 0 min". */
export function waitText(t: TFunction, minutes: number | null | undefined): string {
  return minutes && minutes > 0 ? t('queue.aboutMinutes', { minutes }) : t('queue.underAMinute');
}
