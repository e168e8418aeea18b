/**
 * Content script on Sina pages: detect, clean in place (hide noise, undoably), keep cleaning what
 * the site injects later, and answer the popup. Holds only detection and in-page cleaning: the heavy
 * libraries (Readability, DOMPurify, turndown) load in the popup. Budget: 20 KB minified.
 */
import { detectBody } from '../core/detect';
import { readerHtml } from '../core/dom';
import { cleanPage, STATE_ATTR } from '../core/inpage';
import { NativeQuery } from '../core/query';
import type { Detection } from '../core/types';
import { answerMessages, claimPage, onSyncStorageChange, readSyncStorage, tellBackground } from '../platform/content-runtime';
import type { CleaningState } from '../platform/messages';
import { cleaningAllowed, cleaningSettings } from '../platform/settings';
import { listenForE2E } from './e2e';
import { observeInjections, type SweepObserver } from './observer';
import { selectionHtml } from './selection';

type Cleaner = ReturnType<typeof cleanPage>;

let detection: Detection | undefined;
/** The body detection found: the first cleaning pass starts from it. */
let detectedBody: Element | null = null;
let cleaner: Cleaner | undefined;
let observer: SweepObserver | undefined;
let removed = 0;
let state: CleaningState = 'off';
let logged = false;
/** The user pressed "show original": settings changes must not clean again behind their back. */
let userChoseOriginal = false;

/** A page's own scripts must not break us, and we must not break the page: contain, log once. */
function guard<T>(what: string, fn: () => T): T | undefined {
  try {
    return fn();
  } catch (err) {
    if (!logged) {
      logged = true;
      console.warn(`[sina-reader] ${what} failed; further errors are not logged.`, err);
    }
    return undefined;
  }
}

/** The page-state attribute the stylesheet and the tests read (spelled once, in core/inpage). */
const markPage = (value: CleaningState | 'idle'): void => document.documentElement.setAttribute(STATE_ATTR, value);

function publish(next: CleaningState): void {
  state = next;
  markPage(next);
  tellBackground({ type: 'cleaned', removed, state });
}

function sweep(): void {
  if (state !== 'cleaned' || !cleaner) return;
  const t0 = performance.now();
  guard('sweep', () => cleaner!.sweep());
  performance.measure('sina-reader:sweep', { start: t0 });
  // Late surroundings are hidden by the stylesheet without a pass: the count tells them too.
  recount();
}

let countQueued = false;
/**
 * The badge's number: a query over the whole page, so it runs when the page is idle, after the
 * cleaning (it changes nothing the reader sees). Measured on its own as `sina-reader:count`.
 */
function recount(): void {
  if (countQueued) return;
  countQueued = true;
  const run = (): void => {
    countQueued = false;
    if (state !== 'cleaned' || !cleaner) return;
    const t0 = performance.now();
    const n = guard('count', () => cleaner!.removed) ?? removed;
    performance.measure('sina-reader:count', { start: t0 });
    if (n === removed) return;
    removed = n;
    tellBackground({ type: 'cleaned', removed, state });
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 300 });
  else setTimeout(run, 50);
}

const isSinaArticle = (d: Detection | undefined): boolean => d?.kind === 'article' && d.site === 'sina';

function clean(): void {
  if (!isSinaArticle(detection)) return;
  const again = !!cleaner;
  if (cleaner) guard('redo', () => cleaner!.redo());
  else {
    const t0 = performance.now();
    cleaner = guard('clean', () => cleanPage(document, detection!, { style: false, body: detectedBody }));
    detectedBody = null;
    performance.measure('sina-reader:clean', { start: t0 });
  }
  if (!cleaner) return;
  publish('cleaned');
  recount();
  observer ??= observeInjections(document.documentElement, sweep);
  if (again) sweep(); // what the site added while the page showed the original
}

function restore(): void {
  observer?.stop();
  observer = undefined;
  if (cleaner) guard('undo', () => cleaner!.undo());
  publish(cleaner ? 'original' : 'off');
}

async function applySettings(): Promise<void> {
  const settings = cleaningSettings(await readSyncStorage());
  if (!cleaningAllowed(settings, location.hostname)) {
    if (state === 'cleaned') restore();
    else if (!cleaner && isSinaArticle(detection)) markPage('off');
  } else if (!userChoseOriginal && state !== 'cleaned') clean();
}

function start(): void {
  const t0 = performance.now();
  const found = guard('detect', () => detectBody(document, location, new NativeQuery(document)));
  detection = found?.detection;
  detectedBody = found?.body ?? null;
  performance.measure('sina-reader:detect', { start: t0 });
  // Lets tests (and curious users) see that the reader looked at this page and left it alone.
  if (!isSinaArticle(detection)) {
    markPage('idle');
    // Frames the background blocks on Sina pages load again where nothing is cleaned.
    tellBackground({ type: 'cleaned', removed: 0, state: 'off' });
  }
  void applySettings();
  onSyncStorageChange(() => void applySettings());
}

if (claimPage()) {
  answerMessages({
    'get-page': () => {
      if (!detection) return { ok: false, error: 'detection failed' };
      const t0 = performance.now();
      const html = readerHtml(document);
      performance.measure('sina-reader:get-page', { start: t0 });
      return { ok: true, html, url: location.href, title: document.title, detection, removed, cleaning: state };
    },
    'set-cleaning': (msg) => {
      userChoseOriginal = !msg.on;
      if (msg.on) clean();
      else restore();
      return { ok: true, cleaning: state, removed };
    },
    'get-selection': () => ({ ok: true, html: selectionHtml(document), url: location.href, title: document.title }),
  });

  if (__E2E__) listenForE2E();

  start();
}
