export { ConnectionBadge } from './ConnectionBadge';
export type { RealtimeEvent } from './events';
export { RealtimeProvider } from './RealtimeProvider';
export { useRealtimeEvent } from './useRealtimeEvent';
export { useRealtimeState } from './useRealtimeEvent';
