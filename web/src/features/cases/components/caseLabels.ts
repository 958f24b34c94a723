/** Wire values of the cases API, in the order the UI lists them. */
export const caseStatuses = ['new', 'open', 'pendingCustomer', 'onHold', 'solved', 'closed'] as const;
export const casePriorities = ['low', 'normal', 'high', 'urgent'] as const;
export const caseChannels = ['counter', 'phone', 'email', 'webChat', 'messaging', 'app', 'web'] as const;
export const encounterChannels = ['counter', 'phone', 'email', 'webChat', 'messaging', 'app'] as const;
export const encounterStages = ['preSale', 'inSale', 'afterSale'] as const;
export const encounterNatures = ['informational', 'emotional', 'procedural'] as const;

export const statusColour: Record<string, string> = {
  new: 'blue',
  open: 'geekblue',
  pendingCustomer: 'gold',
  onHold: 'purple',
  solved: 'green',
  closed: 'default',
};

export const priorityColour: Record<string, string> = { low: 'default', normal: 'blue', high: 'orange', urgent: 'red' };

/** How urgent an SLA due time looks: breached or overdue (red), within the hour (orange), later (green), none. */
export function slaState(dueAt: string | null | undefined, breached: boolean, now: number = Date.now()): 'breached' | 'soon' | 'ok' | 'none' {
  if (!dueAt) return breached ? 'breached' : 'none';
  const due = Date.parse(dueAt);
  if (breached || due <= now) return 'breached';
  return due - now <= 60 * 60 * 1000 ? 'soon' : 'ok';
}

export const slaColour = { breached: 'red', soon: 'orange', ok: 'green', none: 'default' } as const;
