// Dark shades: the tags carry white text, which needs a 4.5:1 contrast (antd's preset tag colours fall short of it).
export const statusColour: Record<string, string | undefined> = { bot: '#531dab', waiting: '#ad4e00', active: '#237804', ended: undefined };
