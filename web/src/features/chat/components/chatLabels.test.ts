import { describe, expect, it } from 'vitest';
import { handOverCode } from './chatLabels';

describe('handOverCode', () => {
  it("reads the reason of the chat module's system line", () => {
    expect(handOverCode('system', 'handover: no bot')).toBe('no bot');
  });

  it('leaves a visitor, the bot or staff writing "handover:" as their own words', () => {
    expect(handOverCode('visitor', 'handover: give me a person')).toBeUndefined();
    expect(handOverCode('bot', 'handover: asked')).toBeUndefined();
    expect(handOverCode('staff', 'handover: asked')).toBeUndefined();
    expect(handOverCode(undefined, 'handover: asked')).toBeUndefined();
    expect(handOverCode('system', 'Chat ended')).toBeUndefined();
  });
});
