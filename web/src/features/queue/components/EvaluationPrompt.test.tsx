// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../shared/i18n';
import type { PadPrompt } from '../api/useEvaluationPad';
import { EvaluationPrompt } from './EvaluationPrompt';

const prompt: PadPrompt = {
  id: '01a20337-de95-7a99-9619-00b7f779f29a',
  ticketNumber: 'A023',
  language: 'ko-KR',
  expiresAt: '2026-11-22T01:40:00Z',
  reasons: ['waitTooLong', 'attitude', 'notResolved', 'tooSlow', 'unclear', 'other'],
  large: false,
};

beforeAll(() => i18n.changeLanguage('en-US'));
afterEach(cleanup);

describe('EvaluationPrompt', () => {
  it('asks in the customer’s language and rates with one touch', () => {
    const onRate = vi.fn();
    render(<EvaluationPrompt prompt={prompt} saving={false} failed={false} onRate={onRate} />);
    expect(screen.getByTestId('pad-prompt').getAttribute('lang')).toBe('ko-KR');
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['매우 만족', '만족', '불만족']);
    fireEvent.click(screen.getByRole('button', { name: '매우 만족' }));
    expect(onRate).toHaveBeenCalledWith('verySatisfied');
  });

  it('asks for reasons on dissatisfied and sends the chosen ones', () => {
    const onRate = vi.fn();
    render(<EvaluationPrompt prompt={{ ...prompt, language: 'en-US' }} saving={false} failed={false} onRate={onRate} />);
    fireEvent.click(screen.getByRole('button', { name: 'Dissatisfied' }));
    expect(onRate).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Waited too long' }));
    fireEvent.click(screen.getByRole('button', { name: 'Other' }));
    fireEvent.click(screen.getByRole('button', { name: 'Other' }));
    expect(screen.getByRole('button', { name: 'Waited too long' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(onRate).toHaveBeenCalledWith('dissatisfied', ['waitTooLong']);
  });

  it('reads the question aloud in large type for a customer who needs it', () => {
    const spoken: { text: string; lang: string }[] = [];
    vi.stubGlobal('SpeechSynthesisUtterance', class { lang = ''; rate = 1; onend?: () => void; onerror?: () => void; constructor(public text: string) {} });
    vi.stubGlobal('speechSynthesis', { getVoices: () => [], speak: (u: { text: string; lang: string }) => spoken.push({ text: u.text, lang: u.lang }) });
    try {
      render(<EvaluationPrompt prompt={{ ...prompt, large: true }} saving={false} failed={false} onRate={vi.fn()} />);
      expect(screen.getByTestId('pad-prompt').className).toContain('tp-pad__prompt--large');
      expect(spoken).toEqual([{ text: screen.getByRole('heading').textContent, lang: 'ko-KR' }]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
