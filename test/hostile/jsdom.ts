/** jsdom helpers for the hostile-input unit tests (Node only; the browser suite has its own). */
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle } from '../../src/core/extract-article';
import type { ExtractResult } from '../../src/core/types';
import { ARTICLE_URL, CANARY } from './vectors';
import { provoke } from './inspect';

const quiet = () => new VirtualConsole();

/** Runs the core pipeline on a page, as the CLI does: a fresh jsdom, scripts off. */
export function extractPage(html: string, url = ARTICLE_URL): ExtractResult {
  const dom = new JSDOM(html, { url, virtualConsole: quiet() });
  try {
    return extractArticle(dom.window.document, url, { window: dom.window as unknown as Window });
  } finally {
    // jsdom's close() recurses through the tree and overflows on the 3,000-deep page.
    try {
      dom.window.close();
    } catch {
      /* unreferenced, it is collected anyway */
    }
  }
}

/**
 * Inserts `html` with innerHTML into a reader page with scripts enabled (as the popup does), fires
 * every event on every element, clicks every link, waits a moment, and says whether the canary fired.
 */
export async function canaryFires(html: string, patienceMs = 5): Promise<boolean> {
  const dom = new JSDOM('<!DOCTYPE html><html><head></head><body><main id="reader"></main></body></html>', {
    url: 'https://reader.invalid/popup.html',
    runScripts: 'dangerously',
    pretendToBeVisual: true,
    virtualConsole: quiet(),
  });
  const win = dom.window;
  try {
    const reader = win.document.getElementById('reader')!;
    reader.innerHTML = html;
    provoke(reader, win as unknown as Window);
    // Frames the harness could not reach by events: their own windows carry the canary too.
    const fired = () => {
      const frames = Array.from(win.document.querySelectorAll('iframe')).map((f) => f.contentWindow as unknown as Record<string, unknown> | null);
      return (win as unknown as Record<string, unknown>)[CANARY] !== undefined || frames.some((f) => f?.[CANARY] !== undefined);
    };
    // javascript: navigations run on a later task; a loaded machine can take longer than 5 ms.
    const deadline = Date.now() + patienceMs;
    do await new Promise((r) => win.setTimeout(r, 5));
    while (!fired() && Date.now() < deadline);
    return fired();
  } finally {
    win.close();
  }
}
