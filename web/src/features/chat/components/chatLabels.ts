// Dark shades: the tags carry white text, which needs a 4.5:1 contrast (antd's preset tag colours fall short of it).
export const statusColour: Record<string, string | undefined> = { bot: '#531dab', waiting: '#ad4e00', active: '#237804', ended: undefined };

export const handOverPrefix = 'handover: ';

/** The bot's hand-over reason codes (decision 0017) in the reader's language; an unknown code is shown as it is. */
export function handOverReason(t: (key: string, options?: { defaultValue: string }) => string, code: string) {
  return t(`chat.handoverReasons.${code}`, { defaultValue: code });
}
