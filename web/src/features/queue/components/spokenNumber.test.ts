// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { announcementText, spellTicketNumber, speechLanguage } from './spokenNumber';

describe('spellTicketNumber', () => {
  it.each([
    ['A023', 'A 0 2 3'],
    ['B017', 'B 0 1 7'],
    ['V100', 'V 1 0 0'],
    ['AB5', 'A B 5'],
    [' A 023 ', 'A 0 2 3'],
  ])('reads %j character by character as %j', (number, spoken) => {
    expect(spellTicketNumber(number)).toBe(spoken);
  });

  it('keeps numbers that differ only in zeros apart', () => {
    expect(new Set(['A023', 'A230', 'A203'].map(spellTicketNumber)).size).toBe(3);
  });
});

describe('announcementText', () => {
  it.each([
    ['zh-CN', '请 A 0 2 3 号到 5 号窗口'],
    ['zh-TW', '請 A 0 2 3 號到 5 號窗口'],
    ['ko-KR', 'A 0 2 3번 고객님, 5번 창구로 오십시오'],
    ['en-US', 'Number A 0 2 3, please go to counter 5'],
  ])('uses the %s template', (language, text) => {
    expect(announcementText('A023', 5, language)).toBe(text);
  });

  it("prefers the branch's own wording for the language, and falls back for the others", () => {
    const wording = { 'zh-CN': '{number} 号客户，请到 {counter} 号窗口', 'en-US': '  ' };
    expect(announcementText('A023', 5, 'zh-CN', wording)).toBe('A 0 2 3 号客户，请到 5 号窗口');
    expect(announcementText('A023', 5, 'en-US', wording)).toBe('Number A 0 2 3, please go to counter 5');
  });

  it('keeps the counter number whole', () => {
    expect(announcementText('C001', 12, 'en-US')).toBe('Number C 0 0 1, please go to counter 12');
  });

  it('falls back to English for a language the UI lacks', () => {
    expect(speechLanguage('ja-JP')).toBe('en-US');
    expect(announcementText('A001', 1, 'ja-JP')).toBe('Number A 0 0 1, please go to counter 1');
  });
});
