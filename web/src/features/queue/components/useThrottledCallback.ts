import { useEffect, useRef } from 'react';

/**
 * Runs callback at most once per interval; calls in between collapse into one at the end of it. A counter that
 * completes and calls next causes four events within a second, and each screen should refetch once, not four times.
 */
export function useThrottledCallback(callback: () => void, intervalMs = 1_500) {
  const last = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef(callback);
  useEffect(() => {
    latest.current = callback;
  });
  useEffect(() => () => clearTimeout(pending.current), []);
  return () => {
    const wait = last.current + intervalMs - Date.now();
    if (wait <= 0) {
      last.current = Date.now();
      latest.current();
    } else if (!pending.current) {
      pending.current = setTimeout(() => {
        pending.current = undefined;
        last.current = Date.now();
        latest.current();
      }, wait);
    }
  };
}
