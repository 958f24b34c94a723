// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../../shared/i18n';
import { callAnnouncements, unhurriedRate } from './callAnnouncements';

describe('callAnnouncements', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('en-US');
  });

  it('chimes once and repeats the call in the other languages', () => {
    const said = callAnnouncements({ number: 'A023', counter: 5, language: 'ko-KR' }, ['en-US', 'ko-KR']);
    expect(said.map((a) => [a.language, a.chime, a.rate])).toEqual([
      ['ko-KR', true, undefined],
      ['en-US', false, undefined],
    ]);
  });

  it('says the call of a customer who needs time twice, slowly, in their language first', () => {
    const said = callAnnouncements({ number: 'A023', counter: 5, language: 'zh-CN', care: ['repeat', 'large'] }, ['en-US']);
    expect(said.map((a) => [a.language, a.chime])).toEqual([
      ['zh-CN', true],
      ['zh-CN', false],
      ['en-US', false],
    ]);
    expect(said.every((a) => a.rate === unhurriedRate)).toBe(true);
    expect(said[0].text).toBe(said[1].text);
  });

  it('leaves a visual-only care as an ordinary spoken call', () => {
    expect(callAnnouncements({ number: 'B001', counter: 2, language: 'en-US', care: ['visual'] }, [])).toHaveLength(1);
  });
});
