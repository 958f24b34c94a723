import { describe, expect, it } from 'vitest';
import { mergeCalls } from './displayCalls';

const board = [
  { number: 'A002', counter: 2, language: 'zh-CN', calledAt: '2026-11-22T09:02:00Z' },
  { number: 'A001', counter: 1, language: 'en-US', calledAt: '2026-11-22T09:01:00Z' },
];

describe('mergeCalls', () => {
  it('shows a call heard over the hub at once, before the board has it', () => {
    const live = [{ key: 'x:0', number: 'B001', counter: 4, receivedAt: 2_000 }];
    expect(mergeCalls(live, board, 1_000, 2_500).map((call) => call.number)).toEqual(['B001', 'A002', 'A001']);
  });

  it('lets the board take over once fetched after the call, keeping the newest call on top for a while', () => {
    const live = [
      { key: 'a:1', number: 'A001', counter: 1, receivedAt: 2_000 },
      { key: 'b:0', number: 'B001', counter: 4, receivedAt: 1_500 },
    ];
    // A001 was recalled: it stays on top although the board lists it by its first call time; B001 is on the board now.
    const boardWithB = [{ number: 'B001', counter: 4, language: 'ko-KR', calledAt: '2026-11-22T09:03:00Z' }, ...board];
    expect(mergeCalls(live, boardWithB, 3_000, 10_000).map((call) => call.number)).toEqual(['A001', 'B001', 'A002']);
    expect(mergeCalls(live, boardWithB, 3_000, 100_000).map((call) => call.number)).toEqual(['B001', 'A002', 'A001']);
  });

  it('lists each number once', () => {
    const live = [{ key: 'a:0', number: 'A002', counter: 2, receivedAt: 5_000 }];
    expect(mergeCalls(live, board, 1_000, 5_000)).toHaveLength(2);
  });
});
