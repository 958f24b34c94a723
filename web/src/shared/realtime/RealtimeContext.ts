import { createContext } from 'react';
import type { RealtimeContextValue } from './events';

// Outside a RealtimeProvider (sign-in and pairing pages) nothing is connected and nothing arrives.
export const RealtimeContext = createContext<RealtimeContextValue>({
  state: 'disconnected',
  subscribe: () => () => {},
});
