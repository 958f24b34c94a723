/** What the server pushes on the hub's "event" method. */
export interface RealtimeEvent {
  type: string;
  branchCode?: string;
  data: unknown;
}

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export type RealtimeListener = (event: RealtimeEvent) => void;

export interface RealtimeContextValue {
  state: ConnectionState;
  subscribe: (listener: RealtimeListener) => () => void;
}
