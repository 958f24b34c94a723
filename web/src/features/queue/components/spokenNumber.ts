import { i18n } from '../../../shared/i18n';
import { defaultLanguage, isLanguage, type Language } from '../../../shared/i18n/languages';

/**
 * How a ticket number is written for speech: every character apart, "A023" → "A 0 2 3".
 *
 * Read one by one, the number sounds exactly as it is printed, leading zeros included, so a customer can compare it
 * glyph by glyph with the ticket in their hand; A023, A230 and A203 can never sound alike. Every speech engine in every
 * language reads a lone letter as its name and a lone digit as its digit word (零 二 三 in Chinese, 영 이 삼 in Korean,
 * zero two three in English), whereas a whole "A023" is read differently by each engine: as "A zero twenty-three",
 * as the Sino-Korean cardinal "영이십삼", or as an unknown word. Counter numbers stay whole: "5 号窗口", "counter 12".
 */
export function spellTicketNumber(number: string): string {
  return [...number.replace(/\s+/g, '')].join(' ');
}

export function speechLanguage(language: string | null | undefined): Language {
  return isLanguage(language) ? language : defaultLanguage;
}

/**
 * The call to announce, in the ticket's language: the branch's own wording for that language when an administrator set
 * one (with {number} and {counter}), else the standard template in the locale files.
 */
export function announcementText(
  number: string,
  counter: number | string,
  language: string | null | undefined,
  branchWording: Record<string, string> = {},
): string {
  const spoken = speechLanguage(language);
  const values = { number: spellTicketNumber(number), counter: String(counter) };
  const own = branchWording[spoken]?.trim();
  if (own) return own.replaceAll('{number}', values.number).replaceAll('{counter}', values.counter);
  return i18n.getFixedT(spoken)('queue.announce.call', values);
}
