/**
 * Read aloud (issue 15), loaded on first use: the article is spoken sentence by sentence with
 * speechSynthesis in a voice of its own language; the sentence being read is highlighted (CSS
 * Custom Highlight API: the article's DOM is not touched) and kept in view. Pause cancels and
 * resume speaks the sentence again: engines' own pause() is unreliable (Chromium on Linux).
 */
import { rangeAt } from '../core/highlights';
import { splitSentences } from '../core/sentences';
import type { Article } from '../core/types';
import { browser } from '../platform/browser';
import { i18n } from '../platform/i18n';

interface Piece {
  text: string;
  range: Range;
}
interface Prefs {
  rate?: number;
  /** voiceURI per language ("zh", "en"). */
  voices?: Record<string, string>;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const LEAVES = 'p, h2, h3, h4, li, figcaption, blockquote, td, th, pre';
const PREFS = 'aloud';

let pieces: Piece[] = [];
let index = 0;
let playing = false;
/** Bumped on every start, stop and step: a cancelled utterance's late `end` event does nothing. */
let turn = 0;
let lang = 'zh-CN';
let voice: SpeechSynthesisVoice | null = null;
let prefs: Prefs = {};
let wired = false;

/** Every sentence of the article, each with its place in the reader's DOM. */
function piecesOf(content: HTMLElement): Piece[] {
  const leaves = [...content.querySelectorAll<HTMLElement>(LEAVES)].filter((el) => !el.querySelector(LEAVES));
  return leaves.flatMap((el) =>
    splitSentences(el.textContent ?? '').flatMap((s) => {
      const range = rangeAt(el, s.start, s.end);
      return range ? [{ text: s.text, range }] : [];
    }),
  );
}

async function voicesOf(synth: SpeechSynthesis): Promise<SpeechSynthesisVoice[]> {
  const now = synth.getVoices();
  if (now.length) return now;
  // Chromium fills the list a moment later; with no voices at all the event may never come.
  return new Promise((resolve) => {
    const done = () => resolve(synth.getVoices());
    synth.addEventListener('voiceschanged', done, { once: true });
    setTimeout(done, 1500);
  });
}

const base = (tag: string) => tag.toLowerCase().replace('_', '-').split('-')[0];

/** Voices of the article's language, the exact region first (zh-CN before zh-TW). */
function voicesFor(all: SpeechSynthesisVoice[]): SpeechSynthesisVoice[] {
  const exact = (v: SpeechSynthesisVoice) => v.lang.replace('_', '-').toLowerCase() === lang.toLowerCase();
  return all.filter((v) => base(v.lang) === base(lang)).sort((a, b) => Number(exact(b)) - Number(exact(a)));
}

function show(): void {
  const piece = pieces[index];
  const registry = (globalThis.CSS as { highlights?: Map<string, unknown> } | undefined)?.highlights;
  if (piece && registry && typeof Highlight === 'function') registry.set('aloud', new Highlight(piece.range));
  $('aloud-bar').dataset.sentence = String(index);
  if (!piece) return;
  const box = piece.range.getBoundingClientRect();
  const top = document.querySelector('.toolbar')!.getBoundingClientRect().bottom;
  if (box.top < top || box.bottom > innerHeight) scrollBy({ top: box.top - top - innerHeight / 4 });
}

function speak(): void {
  const mine = ++turn;
  const piece = pieces[index];
  show();
  if (!piece) return stopAloud();
  const u = new SpeechSynthesisUtterance(piece.text);
  u.lang = lang;
  u.voice = voice;
  u.rate = prefs.rate ?? 1;
  const next = () => {
    if (mine !== turn || !playing) return;
    index++;
    speak();
  };
  u.onend = next;
  // "interrupted"/"canceled" come from our own cancel(); anything else skips the sentence.
  u.onerror = (e) => void (e.error !== 'interrupted' && e.error !== 'canceled' && next());
  speechSynthesis.speak(u);
}

function setPlaying(on: boolean): void {
  playing = on;
  turn++;
  speechSynthesis.cancel();
  $('aloud-pause').setAttribute('aria-pressed', String(!on));
  if (on) speak();
}

function step(by: number): void {
  index = Math.min(pieces.length - 1, Math.max(0, index + by));
  if (playing) setPlaying(true);
  else show();
}

export function stopAloud(): void {
  playing = false;
  turn++;
  globalThis.speechSynthesis?.cancel();
  (globalThis.CSS as { highlights?: Map<string, unknown> } | undefined)?.highlights?.delete('aloud');
  $('aloud-bar').hidden = true;
  $('aloud').setAttribute('aria-pressed', 'false');
}

const savePrefs = () => void browser.storage.local.set({ [PREFS]: prefs }).catch(() => undefined);

function wire(): void {
  wired = true;
  $('aloud-prev').addEventListener('click', () => step(-1));
  $('aloud-next').addEventListener('click', () => step(1));
  $('aloud-pause').addEventListener('click', () => setPlaying(!playing));
  const rate = $<HTMLSelectElement>('aloud-rate');
  rate.addEventListener('change', () => {
    prefs.rate = Number(rate.value);
    savePrefs();
    if (playing) setPlaying(true);
  });
  const voices = $<HTMLSelectElement>('aloud-voice');
  voices.addEventListener('change', () => {
    voice = speechSynthesis.getVoices().find((v) => v.voiceURI === voices.value) ?? voice;
    prefs.voices = { ...prefs.voices, [base(lang)]: voices.value };
    savePrefs();
    if (playing) setPlaying(true);
  });
  addEventListener('pagehide', stopAloud);
  addEventListener('keydown', (e) => {
    if ($('aloud-bar').hidden || e.altKey || e.ctrlKey || e.metaKey || (e.target as Element).closest('select, input, textarea')) return;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      step(e.key === 'ArrowLeft' ? -1 : 1);
    }
  });
}

/** Starts reading the article from its first sentence in view, or stops. */
export async function toggleAloud(article: Article, content: HTMLElement): Promise<void> {
  if (!$('aloud-bar').hidden) return stopAloud();
  if (!wired) wire();
  $('aloud-bar').hidden = false;
  $('aloud').setAttribute('aria-pressed', 'true');
  lang = article.lang ?? (/\p{Script=Han}/u.test(article.title) ? 'zh-CN' : 'en');
  const status = $('aloud-status');
  const synth = globalThis.speechSynthesis;
  const matching = synth ? voicesFor(await voicesOf(synth)) : [];
  prefs = ((await browser.storage.local.get(PREFS).catch(() => ({} as Record<string, unknown>)))[PREFS] as Prefs | undefined) ?? {};
  if ($('aloud-bar').hidden) return; // stopped again (N pressed twice) while the voices were found
  for (const id of ['aloud-prev', 'aloud-pause', 'aloud-next', 'aloud-rate', 'aloud-voice']) $<HTMLButtonElement>(id).disabled = !matching.length;
  if (!matching.length) {
    // No voice of the article's language: say so rather than read Chinese with an English voice.
    // The language named in the language of the UI strings (<html lang>, set from the catalogue).
    const name = new Intl.DisplayNames([document.documentElement.lang], { type: 'language' }).of(base(lang)) ?? lang;
    status.textContent = i18n('aloudNoVoice', name);
    return;
  }
  status.textContent = '';
  voice = matching.find((v) => v.voiceURI === prefs.voices?.[base(lang)]) ?? matching[0];
  const voices = $<HTMLSelectElement>('aloud-voice');
  voices.replaceChildren(...matching.map((v) => new Option(`${v.name} (${v.lang})`, v.voiceURI, false, v === voice)));
  $<HTMLSelectElement>('aloud-rate').value = String(prefs.rate ?? 1);
  pieces = piecesOf(content);
  const top = document.querySelector('.toolbar')!.getBoundingClientRect().bottom;
  index = Math.max(0, pieces.findIndex((p) => p.range.getBoundingClientRect().bottom > top));
  setPlaying(true);
}
