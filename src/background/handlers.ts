/** The background's answers to runtime messages: a handler map, failures as values. */
import type { Runtime } from '../platform/browser';
import { browser } from '../platform/browser';
import { failure, type BackgroundReplies, type ToBackground } from '../platform/messages';
import { showCleaning } from './badge';
import { openBatch } from './reader-window';
import { followCleaning } from './frames';

type Handlers = {
  [K in ToBackground['type']]: (
    msg: Extract<ToBackground, { type: K }>,
    sender: Runtime.MessageSender,
  ) => Promise<BackgroundReplies[K]>;
};

const handlers: Handlers = {
  async cleaned(msg, sender) {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return { ok: false, error: 'not from a tab' };
    await Promise.all([showCleaning(tabId, msg.removed, msg.state), followCleaning(tabId, msg.state)]);
    return { ok: true };
  },
  async 'open-batch'() {
    await openBatch();
    return { ok: true };
  },
  async 'e2e-open'(msg, sender) {
    // Compiled out of release builds: only dist/e2e answers this.
    if (!__E2E__) return { ok: false, error: 'not a test build' };
    const tabId = sender.tab?.id;
    if (tabId === undefined) return { ok: false, error: 'not from a tab' };
    const query = new URLSearchParams({ ...msg.params, tabId: String(tabId) });
    const tab = await browser.tabs.create({ url: browser.runtime.getURL(`${msg.page}.html?${query}`) });
    return { ok: true, tabId: tab.id ?? -1 };
  },
};

export function answerMessages(): void {
  browser.runtime.onMessage.addListener((msg: unknown, sender: Runtime.MessageSender) => {
    const type = (msg as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
    const handler = handlers[type as ToBackground['type']] as (m: unknown, s: Runtime.MessageSender) => Promise<unknown>;
    return handler(msg, sender).catch(failure);
  });
}
