import type { TFunction } from 'i18next';

/** "45 s", "12 min", "1 h 5 min": waiting and service times as staff read them at a glance. */
export function formatDuration(t: TFunction, totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  if (seconds < 60) return t('queue.duration.seconds', { seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t('queue.duration.minutes', { minutes });
  return t('queue.duration.hoursMinutes', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

export function secondsBetween(from: string | null | undefined, to: string | null | undefined | number): number {
  if (!from) return 0;
  const end = typeof to === 'number' ? to : to ? new Date(to).getTime() : Date.now();
  return (end - new Date(from).getTime()) / 1000;
}
