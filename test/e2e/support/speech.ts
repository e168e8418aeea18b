// Issue 15: speechSynthesis replaced by a recorder in the reader page, so read aloud is checked
// without sound and without timing: the test ends each utterance itself (finish()).
import type { BrowserContext, Page } from 'playwright-core';

export interface Spoken {
  event: 'speak' | 'cancel';
  text?: string;
  lang?: string;
  voice?: string | null;
  rate?: number;
}

/** Voices the recorder offers: `zh` has zh-TW listed before zh-CN (the reader must pick zh-CN first). */
export const VOICE_SETS: Record<string, { name: string; lang: string; voiceURI: string }[]> = {
  zh: [
    { name: 'E2E English', lang: 'en-US', voiceURI: 'e2e-en' },
    { name: 'E2E 國語', lang: 'zh-TW', voiceURI: 'e2e-zh-tw' },
    { name: 'E2E 普通话', lang: 'zh-CN', voiceURI: 'e2e-zh-cn' },
  ],
  en: [{ name: 'E2E English', lang: 'en-US', voiceURI: 'e2e-en' }],
  none: [],
};

/** Runs in the page: only a reader opened with ?e2eSpeech=<set> gets the recorder. */
function installRecorder(sets: typeof VOICE_SETS): void {
  const which = new URLSearchParams(location.search).get('e2eSpeech');
  if (!which || !(which in sets) || (window as unknown as { __speech?: unknown }).__speech) return;
  const voices = sets[which].map((v) => ({ ...v, localService: true, default: false }));
  const log: Spoken[] = [];
  let current: { text: string; onend?: ((e: unknown) => void) | null; onerror?: ((e: { error: string }) => void) | null } | null = null;
  class Utterance {
    lang = '';
    voice: { name: string } | null = null;
    rate = 1;
    onend: ((e: unknown) => void) | null = null;
    onerror: ((e: { error: string }) => void) | null = null;
    constructor(public text: string) {}
  }
  const synth = {
    speaking: false,
    paused: false,
    pending: false,
    getVoices: () => voices,
    speak(u: Utterance) {
      log.push({ event: 'speak', text: u.text, lang: u.lang, voice: u.voice?.name ?? null, rate: u.rate });
      current = u;
    },
    cancel() {
      log.push({ event: 'cancel' });
      const u = current;
      current = null;
      u?.onerror?.({ error: 'interrupted' });
    },
    pause() {},
    resume() {},
    addEventListener() {},
    removeEventListener() {},
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  (window as unknown as { __speech: unknown }).__speech = {
    log,
    /** Ends the utterance being spoken, as the engine would; false when none is. */
    finish() {
      const u = current;
      current = null;
      u?.onend?.({});
      return !!u;
    },
  };
}

/** The init script for every page of the context (it does nothing without ?e2eSpeech). */
export async function addSpeechRecorder(context: BrowserContext): Promise<void> {
  await context.addInitScript(installRecorder, VOICE_SETS);
}

/** In case the browser ran no init script in an extension page: install it now (before first use). */
export async function ensureRecorder(page: Page): Promise<'init-script' | 'evaluate'> {
  const had = await page.evaluate(() => !!(window as unknown as { __speech?: unknown }).__speech);
  if (!had) await page.evaluate(installRecorder, VOICE_SETS);
  return had ? 'init-script' : 'evaluate';
}

export const spoken = (page: Page): Promise<Spoken[]> =>
  page.evaluate(() => (window as unknown as { __speech: { log: Spoken[] } }).__speech.log.slice());

export const finishUtterance = (page: Page): Promise<boolean> =>
  page.evaluate(() => (window as unknown as { __speech: { finish(): boolean } }).__speech.finish());

/** The text under the reader's read-aloud highlight (CSS Custom Highlight API), or null. */
export const highlighted = (page: Page): Promise<string | null> =>
  page.evaluate(() => {
    const h = (CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights.get('aloud');
    return h ? [...h].map((r) => r.toString()).join('') : null;
  });
