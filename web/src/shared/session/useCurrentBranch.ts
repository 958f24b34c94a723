import { useCallback, useSyncExternalStore } from 'react';
import { hasPermission } from './permissions';
import { useMe } from './useMe';

const storageKey = 'touchpoint.branch';
const allBranches = '*';
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function readStoredBranch(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

/**
 * The branch the signed-in person is working in, chosen in the header and remembered on this browser.
 * Undefined means all branches, which only head-office roles (permission branches.all) can choose.
 */
export function useCurrentBranch(): [string | undefined, (code: string | undefined) => void] {
  const { data: me } = useMe();
  const stored = useSyncExternalStore(subscribe, readStoredBranch);
  const spansAll = hasPermission(me, 'branches.all');
  const ownBranches = me?.branches ?? [];

  let current: string | undefined;
  if (stored === allBranches && spansAll) current = undefined;
  else if (stored && (spansAll || ownBranches.includes(stored))) current = stored;
  else current = spansAll ? undefined : ownBranches[0];

  const select = useCallback((code: string | undefined) => {
    try {
      localStorage.setItem(storageKey, code ?? allBranches);
    } catch {
      // not remembered across visits; the listeners below still switch it now
    }
    listeners.forEach((listener) => listener());
  }, []);
  return [current, select];
}
