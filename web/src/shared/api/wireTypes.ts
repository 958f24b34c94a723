import type { Language } from '../i18n/languages';

/** A name kept per UI language, as the server sends and accepts it. */
export type LocalizedText = Partial<Record<Language, string>>;

/** The OpenAPI document types a localised name as a map of strings; this narrows its keys to the UI languages. */
export function asLocalizedText(value: unknown): LocalizedText {
  return value && typeof value === 'object' ? (value as LocalizedText) : {};
}

/**
 * Narrows a string the server documents only as "string" (device kinds, counter states) to the values this UI
 * knows, so that an unknown value from a newer server shows as-is instead of breaking a lookup.
 */
export function oneOf<T extends string>(value: string | null | undefined, known: readonly T[]): T | undefined {
  return (known as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}
