import { useContext, useEffect, useRef } from 'react';
import type { RealtimeEvent } from './events';
import { RealtimeContext } from './RealtimeContext';

type EventFilter = string | ((event: RealtimeEvent) => boolean);

/** Calls handler for each pushed event whose type equals filter (or for which the predicate holds). */
export function useRealtimeEvent(filter: EventFilter, handler: (event: RealtimeEvent) => void) {
  const { subscribe } = useContext(RealtimeContext);
  // Keep the latest callbacks without resubscribing on every render.
  const latest = useRef({ filter, handler });
  useEffect(() => {
    latest.current = { filter, handler };
  });

  useEffect(
    () =>
      subscribe((event) => {
        const { filter: currentFilter, handler: currentHandler } = latest.current;
        const matches = typeof currentFilter === 'string' ? event.type === currentFilter : currentFilter(event);
        if (matches) currentHandler(event);
      }),
    [subscribe],
  );
}

export function useRealtimeState() {
  return useContext(RealtimeContext).state;
}
