/**
 * The browser's own promise-based API (`browser` in Firefox, `chrome` in Chrome MV3), typed for the
 * few calls made before webextension-polyfill is loaded: the reader's boot script must be tiny.
 */
export interface NativeApi {
  tabs: {
    query(q: { active: boolean; currentWindow: boolean }): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, msg: unknown): Promise<unknown>;
  };
  storage: { sync: { get(keys: null): Promise<Record<string, unknown>> } };
  i18n: { getMessage(key: string): string };
}

export function nativeApi(): NativeApi {
  const g = globalThis as unknown as { browser?: NativeApi; chrome?: NativeApi };
  const api = g.browser ?? g.chrome;
  if (!api) throw new Error('no extension API');
  return api;
}
