/** Work started before the reader's big script runs; popup.js picks it up (or starts it itself). */
import { failure, type ContentReplies } from '../platform/messages';
import { nativeApi } from '../platform/native';
import { findTarget, type Target } from './target';

export type PageReply = ContentReplies['get-page'];

export interface Boot {
  target: Promise<Target | null>;
  /** The first get-page answer (null when there is no tab). */
  page: Promise<PageReply | null>;
  settings: Promise<Record<string, unknown>>;
}

const KEY = '__sinaReaderBoot';

export function startBoot(): Boot {
  const api = nativeApi();
  const target = findTarget().catch(() => null);
  const boot: Boot = {
    target,
    page: target.then((t) => {
      performance.mark('reader:asked');
      return t ? (api.tabs.sendMessage(t.tabId, { type: 'get-page' }) as Promise<PageReply | undefined>).then(
        (r) => r ?? failure('no reply from the page'),
        failure,
      ) : null;
    }),
    settings: api.storage.sync.get(null).catch(() => ({})),
  };
  (globalThis as Record<string, unknown>)[KEY] = boot;
  return boot;
}

/** The boot's work, once: a retry must ask the page again. */
export function takeBoot(): Boot {
  const g = globalThis as Record<string, unknown>;
  const boot = (g[KEY] as Boot | undefined) ?? startBoot();
  delete g[KEY];
  return boot;
}
