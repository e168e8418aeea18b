// The extension's storage.sync, from any of its pages (Firefox: browser, Chromium: chrome).
import type { Page } from 'playwright-core';

type Sync = { get(k: null): Promise<Record<string, unknown>>; set(v: object): Promise<void> };
type Api = { storage: { sync: Sync } };

/** Write `patch` to storage.sync and wait until it reads back (every open reader follows it). */
export async function setStored(ext: Page, patch: Record<string, unknown>): Promise<void> {
  await ext.evaluate(async (p) => {
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const sync = (g.browser ?? g.chrome).storage.sync;
    await sync.set(p);
    const got = await sync.get(null);
    if (Object.entries(p).some(([k, v]) => JSON.stringify(got[k]) !== JSON.stringify(v))) throw new Error('not stored');
  }, patch);
}
