import type { TFunction } from 'i18next';

// Dark shades: the tags carry white text, which needs a 4.5:1 contrast (antd's preset tag colours fall short of it).
export const statusColour: Record<string, string | undefined> = { bot: '#531dab', waiting: '#ad4e00', active: '#237804', ended: undefined };

/** The server's HandOverReasons.Prefix: the system line the chat module writes when the bot passes a chat on. */
const handOverPrefix = 'handover: ';

/**
 * The reason code of a hand-over line, or undefined for any other line. Only the chat module's own system lines are
 * hand-overs: a visitor (or staff member) typing "handover: ..." is just text.
 */
export function handOverCode(sender: string | null | undefined, body: string | null | undefined): string | undefined {
  return sender === 'system' && body?.startsWith(handOverPrefix) ? body.slice(handOverPrefix.length) : undefined;
}

/** The bot's hand-over reason codes (decision 0017) in the reader's language; an unknown code is shown as it is. */
export function handOverReason(t: (key: string, options?: { defaultValue: string }) => string, code: string) {
  return t(`chat.handoverReasons.${code}`, { defaultValue: code });
}

/** A hand-over line as staff read it ("Handed over by the bot: the visitor sounded angry"); undefined for other lines. */
export function handOverText(t: TFunction, sender: string | null | undefined, body: string | null | undefined): string | undefined {
  const code = handOverCode(sender, body);
  return code === undefined ? undefined : t('chat.handover', { reason: handOverReason(t as unknown as Parameters<typeof handOverReason>[0], code) });
}
