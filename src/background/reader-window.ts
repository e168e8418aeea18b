/**
 * Menus and shortcuts cannot open the toolbar popup reliably in both browsers, and a service worker
 * can neither parse HTML nor make blob URLs; so they open the reader in a small window for the tab,
 * with the action to run (the reader does the work exactly as when its button is pressed).
 */
import { browser } from '../platform/browser';

export type ReaderAction = 'save-md' | 'copy-selection';

export async function openReader(tabId: number, action?: ReaderAction): Promise<void> {
  const query = new URLSearchParams({ tabId: String(tabId) });
  if (action) query.set('action', action);
  await browser.windows.create({
    url: browser.runtime.getURL(`popup.html?${query}`),
    type: 'popup',
    width: 760,
    height: 820,
  });
}

/** "Save all Sina tabs" (popup button, context menu): its own window shows the progress and failures. */
export async function openBatch(): Promise<void> {
  await browser.windows.create({ url: browser.runtime.getURL('batch.html'), type: 'popup', width: 560, height: 480 });
}
