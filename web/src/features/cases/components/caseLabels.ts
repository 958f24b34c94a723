/** Wire values of the cases API, in the order the UI lists them. */
export const caseStatuses = ['new', 'open', 'pendingCustomer', 'onHold', 'solved', 'closed'] as const;
export const casePriorities = ['low', 'normal', 'high', 'urgent'] as const;
export const caseChannels = ['counter', 'phone', 'email', 'webChat', 'messaging', 'app', 'web'] as const;
export const encounterChannels = ['counter', 'phone', 'email', 'webChat', 'messaging', 'app'] as const;
export const encounterStages = ['preSale', 'inSale', 'afterSale'] as const;
export const encounterNatures = ['informational', 'emotional', 'procedural'] as const;

// Dark shades: the tags carry white text, which needs a 4.5:1 contrast (antd's preset tag colours fall short of it).
const shade = { blue: '#0958d9', indigo: '#1d39c4', gold: '#ad6800', purple: '#531dab', green: '#237804', orange: '#ad4e00', red: '#a8071a' };

export const statusColour: Record<string, string | undefined> = {
  new: shade.blue,
  open: shade.indigo,
  pendingCustomer: shade.gold,
  onHold: shade.purple,
  solved: shade.green,
  closed: undefined,
};

export const priorityColour: Record<string, string | undefined> = { low: undefined, normal: shade.blue, high: shade.orange, urgent: shade.red };

/** How urgent an SLA due time looks: breached or overdue (red), within the hour (orange), later (green), none. */
export function slaState(dueAt: string | null | undefined, breached: boolean, now: number = Date.now()): 'breached' | 'soon' | 'ok' | 'none' {
  if (!dueAt) return breached ? 'breached' : 'none';
  const due = Date.parse(dueAt);
  if (breached || due <= now) return 'breached';
  return due - now <= 60 * 60 * 1000 ? 'soon' : 'ok';
}

export const outcomeColour = { resolved: shade.green, followUp: shade.orange } as const;

export const slaColour = { breached: shade.red, soon: shade.orange, ok: shade.green, none: undefined } as const;
