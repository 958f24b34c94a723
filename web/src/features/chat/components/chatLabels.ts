export const chatStatuses = ['bot', 'waiting', 'active', 'ended'] as const;

export const statusColour: Record<string, string> = { bot: 'purple', waiting: 'orange', active: 'green', ended: 'default' };
