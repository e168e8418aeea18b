/** Background (Chrome service worker / Firefox event page): badge, menus, shortcuts, defaults. */
import { browser } from '../platform/browser';
import { normalizeSettings } from '../platform/settings';
import { listenToCommands } from './commands';
import { answerMessages } from './handlers';
import { listenForFrames, syncFrameRules } from './frames';
import { createMenus, listenToMenus } from './menus';
import { installRefererRule } from './referer';

// Listeners first and synchronously: a woken worker must find them registered.
answerMessages();
listenToMenus();
listenToCommands();
listenForFrames();
// Session rules die with the browser (and the extension's reload): every start writes them again.
void syncFrameRules();
void installRefererRule().catch((err) => console.warn('[sina-reader] referer rule', err));

browser.runtime.onInstalled.addListener(async () => {
  // Write the defaults for keys not yet stored, so every context reads the same values.
  const stored = await browser.storage.sync.get(null);
  const missing = Object.fromEntries(Object.entries(normalizeSettings(stored)).filter(([k]) => !(k in stored)));
  if (Object.keys(missing).length) await browser.storage.sync.set(missing);
  await createMenus();
});
browser.runtime.onStartup.addListener(() => void createMenus());
