/**
 * The content script's door to the extension, without webextension-polyfill (it would cost half of
 * the content script's 20 KB budget). Firefox has `browser`, Chrome has `chrome`; both accept the
 * `sendResponse` + `return true` form of onMessage, and both return promises from sendMessage in MV3.
 */
import { failure, type ContentReplies, type ToBackground, type ToContent } from './messages';

interface RuntimeLike {
  id?: string;
  sendMessage(msg: unknown): Promise<unknown>;
  onMessage: {
    addListener(fn: (msg: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => boolean | void): void;
  };
}

interface StorageLike {
  sync: { get(keys: null | string[]): Promise<Record<string, unknown>> };
  onChanged: { addListener(fn: (changes: unknown, area: string) => void): void };
}

type Api = { runtime: RuntimeLike; storage?: StorageLike };
const api: Api | undefined = ((globalThis as unknown as { browser?: Api; chrome?: Api }).browser ??
  (globalThis as unknown as { chrome?: Api }).chrome);
const runtime: RuntimeLike | undefined = api?.runtime;

export type ContentHandlers = {
  [K in ToContent['type']]: (msg: Extract<ToContent, { type: K }>) => ContentReplies[K] | Promise<ContentReplies[K]>;
};

/** Answers the popup's messages with a handler map; a throwing handler answers `{ ok: false }`. */
export function answerMessages(handlers: ContentHandlers): void {
  runtime?.onMessage.addListener((msg, _sender, sendResponse) => {
    const type = (msg as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return false;
    const handler = handlers[type as ToContent['type']] as (m: ToContent) => unknown;
    Promise.resolve()
      .then(() => handler(msg as ToContent))
      .then(sendResponse, (err) => sendResponse(failure(err)));
    return true;
  });
}

/** Fire and forget: the background may be asleep or reloading; that is never the page's problem. */
export function tellBackground(msg: ToBackground): void {
  try {
    runtime?.sendMessage(msg)?.catch?.(() => undefined);
  } catch {
    /* extension context invalidated (extension reloaded): nothing to tell */
  }
}

/** The user's settings as stored (the caller repairs them); `{}` when storage cannot be read. */
export async function readSyncStorage(): Promise<Record<string, unknown>> {
  try {
    return (await api?.storage?.sync.get(null)) ?? {};
  } catch {
    return {};
  }
}

export function onSyncStorageChange(fn: () => void): void {
  api?.storage?.onChanged.addListener((_changes, area) => {
    if (area === 'sync') fn();
  });
}

/**
 * True once per live extension instance and page: the popup may inject content.js into a tab that
 * already has it. A copy left behind by an extension reload has lost its runtime id and yields.
 */
export function claimPage(): boolean {
  const g = globalThis as unknown as { __sinaReaderAlive?: () => boolean };
  if (g.__sinaReaderAlive?.()) return false;
  g.__sinaReaderAlive = () => {
    try {
      return !!runtime?.id;
    } catch {
      return false;
    }
  };
  return true;
}
