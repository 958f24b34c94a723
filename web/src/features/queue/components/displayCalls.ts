import type { BoardCall } from '../api/queueTypes';

export interface DisplayCall {
  key: string;
  number: string;
  counter: number;
  /** When this screen heard of the call (client clock), for calls that came over the hub. */
  receivedAt?: number;
  /** The customer may not hear the call: it stands out on screen for longer. */
  visual?: boolean;
}

/** The newest call heard stays on top this long, even when the board lists it lower (a recall keeps its first call time). */
const pinMs = 60_000;

/**
 * The calls to show, newest first, one entry per ticket number. A call heard over the hub shows at once and stays until
 * a board fetched after it arrived has it (the board is the truth; the hub only makes it instant). The newest call
 * heard stays on top for a minute, so that a recalled number does not drop back to where its first call was.
 */
export function mergeCalls(
  live: readonly DisplayCall[],
  boardCalls: readonly BoardCall[] | undefined,
  boardFetchedAt: number,
  now = Date.now(),
): DisplayCall[] {
  const fromBoard: DisplayCall[] = (boardCalls ?? []).map((call) => ({
    key: `${call.number}:${call.calledAt}`,
    number: call.number,
    counter: call.counter,
  }));
  const newer = live.filter(
    (call, index) => (call.receivedAt ?? 0) > boardFetchedAt || (index === 0 && now - (call.receivedAt ?? 0) < pinMs),
  );
  const seen = new Set<string>();
  return [...newer, ...fromBoard].filter((call) => {
    if (seen.has(call.number)) return false;
    seen.add(call.number);
    return true;
  });
}
