import { describe, expect, it } from 'vitest';
import { detectLanguage, matchLanguage } from './detectLanguage';

describe('matchLanguage', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-Hans-SG', 'zh-CN'],
    ['zh-TW', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh-Hant', 'zh-TW'],
    ['ko', 'ko-KR'],
    ['ko-KR', 'ko-KR'],
    ['en-GB', 'en-US'],
    ['EN', 'en-US'],
  ])('maps %s to %s', (tag, expected) => {
    expect(matchLanguage(tag)).toBe(expected);
  });

  it('does not guess for languages the UI lacks', () => {
    expect(matchLanguage('ja-JP')).toBeUndefined();
    expect(matchLanguage('kok')).toBeUndefined();
  });
});

describe('detectLanguage', () => {
  it('prefers the stored choice over the browser', () => {
    expect(detectLanguage('ko-KR', ['zh-CN'])).toBe('ko-KR');
  });

  it('ignores a stored value that is not a UI language', () => {
    expect(detectLanguage('fr-FR', ['zh-TW'])).toBe('zh-TW');
  });

  it('takes the first browser language it supports', () => {
    expect(detectLanguage(null, ['ja-JP', 'ko', 'en-US'])).toBe('ko-KR');
  });

  it('falls back to English', () => {
    expect(detectLanguage(null, ['ja-JP', 'de-DE'])).toBe('en-US');
    expect(detectLanguage(null, [])).toBe('en-US');
  });
});
