import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, asLocalizedText, queryKeys, unwrap, type Schema } from '../../../shared/api';
import type { Language } from '../../../shared/i18n/languages';

export type KioskInfo = Schema<'KioskInfo'>;

export interface KioskService extends Omit<Schema<'KioskService'>, 'name'> {
  /** In the language asked for (or the code when the service has no name in any language). */
  name: string;
}

/** Re-read now and then so that a service opening, closing or filling up shows without a reload. */
const kioskPollMs = 60_000;

/** The branch's name and the services a customer can take a ticket for (anonymous: kiosks and phones alike). */
export function useKioskInfo(branchCode: string) {
  return useQuery({
    queryKey: queryKeys.kioskInfo(branchCode),
    queryFn: () => unwrap(api.GET('/api/public/branches/{branch}/kiosk', { params: { path: { branch: branchCode } } })),
    refetchInterval: kioskPollMs,
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}

/** A localised name in the language asked for, else any it has. */
export function localized(value: unknown, language: Language, fallback: string): string {
  const text = asLocalizedText(value);
  return text[language] ?? Object.values(text).find((name) => !!name) ?? fallback;
}

export function kioskServices(info: KioskInfo | undefined, language: Language): KioskService[] {
  return (info?.services ?? []).map((service) => ({ ...service, name: localized(service.name, language, service.code) }));
}

/** "08:30:00" → "08:30"; the server sends the branch's local times of day. */
export function timeOfDay(value: string | null | undefined): string {
  return value ? value.slice(0, 5) : '';
}
