import type { Announcement } from './announcementQueue';
import { announcementText } from './spokenNumber';

/** Slower than the usual 0.9, for a customer who needs time. */
export const unhurriedRate = 0.7;

export interface CalledTicket {
  number: string;
  counter: number;
  language: string;
  /** How this customer's call adapts (TicketCare on the server): 'visual', 'repeat'; never why. */
  care?: string[];
}

/**
 * What the lobby says for one call: one chime, the call in the ticket's language, then in each other language the
 * display repeats calls in. A customer who may not see the screen or needs time hears their call slowly, and twice in
 * their own language before the other languages.
 */
export function callAnnouncements(call: CalledTicket, otherLanguages: readonly string[], branchWording?: Record<string, string>): Announcement[] {
  const repeat = call.care?.includes('repeat') ?? false;
  const rate = repeat ? unhurriedRate : undefined;
  const languages = [call.language, ...otherLanguages.filter((language) => language !== call.language)];
  return languages.flatMap((language, index) => {
    const text = announcementText(call.number, call.counter, language, branchWording);
    const first: Announcement = { text, language, chime: index === 0, rate };
    return repeat && index === 0 ? [first, { ...first, chime: false }] : [first];
  });
}
