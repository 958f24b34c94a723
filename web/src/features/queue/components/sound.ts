/** WebAudio tones for the lobby chime and the phone's alert beep; no audio files to ship or load. */

let context: AudioContext | undefined;

function audioContext(): AudioContext | undefined {
  if (context) return context;
  const Context = typeof window === 'undefined' ? undefined : (window.AudioContext ?? (window as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext);
  if (!Context) return undefined;
  context = new Context();
  return context;
}

/** True when the browser blocks sound until someone touches the page (autoplay policy). */
export function soundBlocked(): boolean {
  const audio = audioContext();
  return !!audio && audio.state === 'suspended';
}

/** Call from a click or key press: browsers let a page make sound only after such a gesture. */
export async function unlockSound(): Promise<void> {
  const audio = audioContext();
  if (audio?.state === 'suspended') await audio.resume().catch(() => undefined);
}

export interface Tone {
  frequency: number;
  /** Seconds from the start of the sequence. */
  at: number;
  duration: number;
}

const wait = (seconds: number) => new Promise<void>((resolve) => setTimeout(resolve, seconds * 1000));

/** Plays the tones and resolves when the last has faded out (also when sound is unavailable, after the same time). */
export async function playTones(tones: readonly Tone[], volume = 0.3): Promise<void> {
  const length = Math.max(0, ...tones.map((tone) => tone.at + tone.duration));
  const audio = audioContext();
  if (!audio || audio.state !== 'running') return wait(length);
  const start = audio.currentTime + 0.05;
  for (const tone of tones) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = tone.frequency;
    // A soft attack and an exponential decay sound like a bell rather than a buzzer.
    gain.gain.setValueAtTime(0.0001, start + tone.at);
    gain.gain.exponentialRampToValueAtTime(volume, start + tone.at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + tone.at + tone.duration);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start + tone.at);
    oscillator.stop(start + tone.at + tone.duration + 0.05);
  }
  return wait(length + 0.1);
}

/** The lobby's two-tone "ding-dong" before each call. */
export const chimeTones: readonly Tone[] = [
  { frequency: 880, at: 0, duration: 0.6 },
  { frequency: 659.25, at: 0.45, duration: 0.9 },
];

/** Three short beeps on the customer's phone. */
export const beepTones: readonly Tone[] = [
  { frequency: 1046.5, at: 0, duration: 0.18 },
  { frequency: 1046.5, at: 0.3, duration: 0.18 },
  { frequency: 1318.5, at: 0.6, duration: 0.3 },
];
