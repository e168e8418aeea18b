/** Settings in storage.sync: read (repaired), write, watch. */
import { browser } from './browser';
import { normalizeSettings, type Settings } from './settings';

export async function loadSettings(): Promise<Settings> {
  try {
    return normalizeSettings(await browser.storage.sync.get(null));
  } catch {
    return normalizeSettings({});
  }
}

export async function saveSettings(patch: Partial<Settings>): Promise<void> {
  await browser.storage.sync.set(patch);
}

/** Calls `fn` with the full, repaired settings whenever any of them changes (in any context). */
export function watchSettings(fn: (s: Settings) => void): void {
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'sync') void loadSettings().then(fn);
  });
}
