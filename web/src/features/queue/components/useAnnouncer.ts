import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { AnnouncementQueue, type AnnouncementMode, type AnnouncementState } from './announcementQueue';
import { browserAnnouncementOutput } from './speechOutput';

declare global {
  interface Window {
    /** Every announcement text queued on this lobby display, in order (browser tests read it). */
    __touchpointAnnouncements?: string[];
    /** The queue itself: state (queued, done, current, mode) and idle(). */
    __touchpointAnnouncer?: AnnouncementQueue;
  }
}

/** One announcement queue for the display page, exposed on window for browser tests. */
export function useAnnouncer(mode: AnnouncementMode) {
  const queue = useMemo(() => new AnnouncementQueue(browserAnnouncementOutput, mode), [mode]);
  useEffect(() => {
    const log = (window.__touchpointAnnouncements ??= []);
    window.__touchpointAnnouncer = queue;
    let logged = queue.state.queued.length;
    const unsubscribe = queue.subscribe((state) => {
      // Appended in place, so a test holding the array sees new entries.
      for (; logged < state.queued.length; logged++) log.push(state.queued[logged]);
    });
    return () => {
      unsubscribe();
      if (window.__touchpointAnnouncer === queue) delete window.__touchpointAnnouncer;
    };
  }, [queue]);
  const state = useSyncExternalStore(
    (listener) => queue.subscribe(listener),
    () => snapshot(queue),
  );
  return { queue, state };
}

// useSyncExternalStore needs the same object until something changes.
const snapshots = new WeakMap<AnnouncementQueue, { key: string; state: AnnouncementState }>();
function snapshot(queue: AnnouncementQueue): AnnouncementState {
  const state = queue.state;
  const key = `${state.queued.length}|${state.done.length}|${state.current ?? ''}`;
  const cached = snapshots.get(queue);
  if (cached?.key === key) return cached.state;
  snapshots.set(queue, { key, state });
  return state;
}
