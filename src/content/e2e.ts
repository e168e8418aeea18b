/**
 * Test builds only (the caller wraps this in `if (__E2E__)`, so release builds drop it): a page can
 * ask, with window.postMessage, for the popup or options page to open in a tab for this tab, since
 * moz-extension:// pages cannot be opened by the test driver (see shared/docs/BROWSER-TESTS.md).
 */
import { tellBackground } from '../platform/content-runtime';

const PAGES = { 'open-popup': 'popup', 'open-options': 'options', 'open-batch': 'batch' } as const;

export function listenForE2E(): void {
  window.addEventListener('message', (event) => {
    // No `event.source === window` check: in Firefox the content script sees the page's window
    // through an Xray wrapper, and the two never compare equal.
    const data = event.data as { source?: unknown; type?: unknown; params?: unknown } | null;
    if (data?.source !== 'sina-reader-e2e' || typeof data.type !== 'string' || !Object.hasOwn(PAGES, data.type)) return;
    const params: Record<string, string> = {};
    if (data.params && typeof data.params === 'object') {
      for (const [k, v] of Object.entries(data.params)) if (typeof v === 'string') params[k] = v;
    }
    tellBackground({ type: 'e2e-open', page: PAGES[data.type as keyof typeof PAGES], params });
  });
}
