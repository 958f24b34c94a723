import { describe, expect, it } from 'vitest';
import { AnnouncementQueue, modeFromSearch, type AnnouncementOutput } from './announcementQueue';

/** An output whose sounds finish only when the test says so, recording what happens in which order. */
function controlledOutput() {
  const events: string[] = [];
  const pending: (() => void)[] = [];
  let active = 0;
  let maxActive = 0;
  const sound = (name: string) =>
    new Promise<void>((resolve) => {
      active++;
      maxActive = Math.max(maxActive, active);
      events.push(`start ${name}`);
      pending.push(() => {
        active--;
        events.push(`end ${name}`);
        resolve();
      });
    });
  const output: AnnouncementOutput = {
    chime: () => sound('chime'),
    speak: (text, language) => sound(`${language}: ${text}`),
  };
  /** Finishes the sound playing now and lets the queue move on. */
  const finishOne = async () => {
    pending.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { output, events, finishOne, maxActive: () => maxActive };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('AnnouncementQueue', () => {
  it('never starts a call while another is sounding: a new call waits, none is cut off', async () => {
    const { output, events, finishOne, maxActive } = controlledOutput();
    const queue = new AnnouncementQueue(output);
    queue.enqueue({ text: '请 A 0 2 3 号到 5 号窗口', language: 'zh-CN' });
    await flush();
    await finishOne(); // chime of the first call
    expect(events.at(-1)).toBe('start zh-CN: 请 A 0 2 3 号到 5 号窗口');

    // A second call arrives in the middle of the first one's sentence.
    queue.enqueue({ text: 'Number B 0 1 7, please go to counter 2', language: 'en-US' });
    await flush();
    expect(events.at(-1)).toBe('start zh-CN: 请 A 0 2 3 号到 5 号窗口');
    expect(queue.state.current).toBe('请 A 0 2 3 号到 5 号窗口');

    await finishOne(); // the first sentence ends in full
    await finishOne(); // chime of the second
    await finishOne(); // the second sentence
    await queue.idle();
    expect(events).toEqual([
      'start chime',
      'end chime',
      'start zh-CN: 请 A 0 2 3 号到 5 号窗口',
      'end zh-CN: 请 A 0 2 3 号到 5 号窗口',
      'start chime',
      'end chime',
      'start en-US: Number B 0 1 7, please go to counter 2',
      'end en-US: Number B 0 1 7, please go to counter 2',
    ]);
    expect(maxActive()).toBe(1);
  });

  it('announces in the order the calls arrived and records every text', async () => {
    const spoken: string[] = [];
    const queue = new AnnouncementQueue({ chime: async () => {}, speak: async (text) => void spoken.push(text) });
    const texts = ['A 0 0 1', 'B 0 0 1', 'A 0 0 2', 'C 0 0 1'];
    texts.forEach((text) => queue.enqueue({ text, language: 'ko-KR' }));
    expect(queue.state.queued).toEqual(texts);
    await queue.idle();
    expect(spoken).toEqual(texts);
    expect(queue.state.done).toEqual(texts);
    expect(queue.state.current).toBeUndefined();
  });

  it('in chime mode plays the chime for every call and speaks nothing', async () => {
    const calls: string[] = [];
    const queue = new AnnouncementQueue(
      { chime: async () => void calls.push('chime'), speak: async (text) => void calls.push(`speak ${text}`) },
      'chime',
    );
    queue.enqueue({ text: 'first', language: 'en-US' });
    queue.enqueue({ text: 'second', language: 'en-US', chime: false });
    await queue.idle();
    expect(calls).toEqual(['chime', 'chime']);
    expect(queue.state).toMatchObject({ mode: 'chime', queued: ['first', 'second'], done: ['first', 'second'] });
  });

  it('chimes once per call when the call is repeated in another language', async () => {
    const calls: string[] = [];
    const queue = new AnnouncementQueue({ chime: async () => void calls.push('chime'), speak: async (text) => void calls.push(text) });
    queue.enqueue({ text: 'A 0 0 1번 고객님, 3번 창구로 오십시오', language: 'ko-KR' });
    queue.enqueue({ text: 'Number A 0 0 1, please go to counter 3', language: 'en-US', chime: false });
    await queue.idle();
    expect(calls).toEqual(['chime', 'A 0 0 1번 고객님, 3번 창구로 오십시오', 'Number A 0 0 1, please go to counter 3']);
  });

  it('goes on after an audio failure', async () => {
    const spoken: string[] = [];
    const queue = new AnnouncementQueue({
      chime: async () => {},
      speak: async (text) => {
        if (text === 'broken') throw new Error('audio device gone');
        spoken.push(text);
      },
    });
    queue.enqueue({ text: 'broken', language: 'en-US' });
    queue.enqueue({ text: 'next', language: 'en-US' });
    await queue.idle();
    expect(spoken).toEqual(['next']);
    expect(queue.state.done).toEqual(['broken', 'next']);
  });

  it('picks up a call queued just as the previous run finished', async () => {
    const spoken: string[] = [];
    const queue = new AnnouncementQueue({ chime: async () => {}, speak: async (text) => void spoken.push(text) });
    queue.enqueue({ text: 'one', language: 'en-US' });
    await queue.idle();
    queue.enqueue({ text: 'two', language: 'en-US' });
    await queue.idle();
    expect(spoken).toEqual(['one', 'two']);
  });

  it('tells subscribers about each change', async () => {
    const queue = new AnnouncementQueue({ chime: async () => {}, speak: async () => {} });
    const seen: (string | undefined)[] = [];
    queue.subscribe((state) => seen.push(state.current));
    queue.enqueue({ text: 'x', language: 'en-US' });
    await queue.idle();
    expect(seen).toEqual([undefined, 'x', undefined]);
  });
});

describe('modeFromSearch', () => {
  it('is chime only with ?voice=off', () => {
    expect(modeFromSearch('?voice=off')).toBe('chime');
    expect(modeFromSearch('?counters=on&voice=off')).toBe('chime');
    expect(modeFromSearch('')).toBe('voice');
    expect(modeFromSearch('?voice=on')).toBe('voice');
  });
});
