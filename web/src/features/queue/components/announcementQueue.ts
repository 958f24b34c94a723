export interface Announcement {
  text: string;
  /** BCP 47 tag of the voice to speak it with (the ticket's language). */
  language: string;
  /** False for the same call repeated in another language right after: one chime per call. */
  chime?: boolean;
  /** Speaking rate (1 is the voice's normal pace); slower for customers who need time. */
  rate?: number;
}

/** What actually makes the sound; the browser's implementation is in speechOutput.ts, tests pass their own. */
export interface AnnouncementOutput {
  /** Resolves when the chime has finished sounding. */
  chime(): Promise<void>;
  /** Resolves when the text has been spoken in full (or speaking failed). */
  speak(text: string, language: string, rate?: number): Promise<void>;
}

/** voice: a chime, then the text spoken; chime: the chime alone (a quiet lobby, or no voice for the language). */
export type AnnouncementMode = 'voice' | 'chime';

export interface AnnouncementState {
  mode: AnnouncementMode;
  /** Every text queued, in order, including the one being announced and those done. */
  queued: readonly string[];
  /** Texts fully announced, in order. */
  done: readonly string[];
  /** The text being announced now. */
  current?: string;
}

/**
 * Announces calls one after the other. A new call waits for the one being announced: nothing is ever cancelled or cut
 * off, because a customer who hears half of "please go to counter 5" has heard nothing. Calls are announced in the
 * order they arrived.
 */
export class AnnouncementQueue {
  private readonly waiting: Announcement[] = [];
  private readonly queued: string[] = [];
  private readonly done: string[] = [];
  private current?: string;
  private running?: Promise<void>;
  private readonly listeners = new Set<(state: AnnouncementState) => void>();

  constructor(
    private readonly output: AnnouncementOutput,
    private readonly mode: AnnouncementMode = 'voice',
  ) {}

  enqueue(announcement: Announcement): void {
    this.waiting.push(announcement);
    this.queued.push(announcement.text);
    this.notify();
    this.start();
  }

  /** Resolves once everything queued so far has been announced. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  get state(): AnnouncementState {
    return { mode: this.mode, queued: [...this.queued], done: [...this.done], current: this.current };
  }

  subscribe(listener: (state: AnnouncementState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private start() {
    if (this.running) return;
    this.running = this.drain().finally(() => {
      this.running = undefined;
      // A call queued between the loop's last look and this line must not wait for the next call to be announced.
      if (this.waiting.length > 0) this.start();
    });
  }

  private async drain(): Promise<void> {
    for (let next = this.waiting.shift(); next; next = this.waiting.shift()) {
      this.current = next.text;
      this.notify();
      try {
        if (next.chime !== false || this.mode === 'chime') await this.output.chime();
        if (this.mode === 'voice') await this.output.speak(next.text, next.language, next.rate);
      } catch {
        // A broken audio device must not stop the queue: the screen still shows the call.
      }
      this.done.push(next.text);
      this.current = undefined;
      this.notify();
    }
  }

  private notify() {
    const state = this.state;
    this.listeners.forEach((listener) => listener(state));
  }
}

export function modeFromSearch(search: string): AnnouncementMode {
  return new URLSearchParams(search).get('voice') === 'off' ? 'chime' : 'voice';
}
