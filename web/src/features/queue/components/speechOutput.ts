import type { AnnouncementOutput } from './announcementQueue';
import { chimeTones, playTones } from './sound';

/** Chrome sometimes never fires "end" for an utterance; after this long the queue moves on anyway. */
function safetyTimeoutMs(text: string, rate: number) {
  return Math.min(30_000, 3_000 + (text.length * 250) / rate);
}

function voiceFor(language: string): SpeechSynthesisVoice | undefined {
  const voices = window.speechSynthesis.getVoices();
  const primary = language.split('-')[0].toLowerCase();
  return (
    voices.find((voice) => voice.lang.toLowerCase() === language.toLowerCase()) ??
    voices.find((voice) => voice.lang.toLowerCase().replace('_', '-').startsWith(`${primary}-`) && (primary !== 'zh' || sameChineseScript(voice.lang, language))) ??
    voices.find((voice) => voice.lang.toLowerCase().startsWith(primary))
  );
}

/** A Taiwanese or Hong Kong voice for zh-TW, a mainland one for zh-CN, when the system has both. */
function sameChineseScript(voiceLanguage: string, language: string) {
  const traditional = (tag: string) => /tw|hk|mo|hant/i.test(tag);
  return traditional(voiceLanguage) === traditional(language);
}

/** Speaks with the browser's own speech synthesis, which works offline with the voices the system has installed. */
export function speak(text: string, language: string, rate = 0.9): Promise<void> {
  if (typeof window === 'undefined' || !('speechSynthesis' in window)) return Promise.resolve();
  return new Promise((resolve) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = language;
    const voice = voiceFor(language);
    if (voice) utterance.voice = voice;
    utterance.rate = rate; // 0.9 by default: a lobby is noisy and the numbers matter
    const timer = setTimeout(finish, safetyTimeoutMs(text, rate));
    function finish() {
      clearTimeout(timer);
      resolve();
    }
    utterance.onend = finish;
    utterance.onerror = finish;
    // Never speechSynthesis.cancel(): that would cut off a call being spoken.
    window.speechSynthesis.speak(utterance);
  });
}

export const browserAnnouncementOutput: AnnouncementOutput = {
  chime: () => playTones(chimeTones),
  speak,
};
