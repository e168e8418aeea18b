/**
 * Iframes the cleaned page would only hide never load (issue 16): session declarativeNetRequest
 * rules block the sub-frames `frameRules.block` names when a Sina page asks for them, except those
 * `frameRules.keep` names. They follow the settings (cleaning off, hosts where it is off) and the
 * tab: a tab showing the original page, or a Sina page that is not an article, is excluded and its
 * blocked frames are loaded again. Rule ids below 1000 are this module's.
 */
import { frameRules } from '../sites/sina';
import { browser } from '../platform/browser';
import type { CleaningState } from '../platform/messages';
import { cleaningSettings } from '../platform/settings';
import { FIRST_ID, frameBlockRules, LAST_ID, type Rule } from './frame-rules';

let queue: Promise<unknown> = Promise.resolve();
/** One rule update at a time: each reads the excluded tabs the last one wrote. */
function serially<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}

async function ownRules(): Promise<Rule[]> {
  return (await browser.declarativeNetRequest.getSessionRules()).filter((r) => r.id >= FIRST_ID && r.id <= LAST_ID);
}

async function writeRules(change: (excluded: Set<number>) => boolean | void): Promise<boolean> {
  const current = await ownRules();
  const excluded = new Set(current[0]?.condition.excludedTabIds ?? []);
  const changed = change(excluded);
  if (changed === false) return false;
  const settings = cleaningSettings(await browser.storage.sync.get(['cleaning', 'cleaningOffHosts']));
  await browser.declarativeNetRequest.updateSessionRules({
    removeRuleIds: current.map((r) => r.id),
    addRules: frameBlockRules(settings, [...excluded]),
  });
  return true;
}

/** At start and on every settings change: the rules as the settings say (session rules die with the browser). */
export function syncFrameRules(): Promise<boolean> {
  return serially(() => writeRules(() => true));
}

/** What the content script said about its tab: cleaned pages block, the others load their frames. */
export function followCleaning(tabId: number, state: CleaningState): Promise<boolean> {
  return serially(async () => {
    if (state === 'cleaned') return writeRules((ex) => ex.delete(tabId));
    const released = await writeRules((ex) => (ex.has(tabId) ? false : void ex.add(tabId)));
    if (released) await reloadBlockedFrames(tabId);
    return released;
  });
}

/** A tab that navigates starts blocked again; a closed tab leaves the list. */
export function forgetTab(tabId: number): Promise<boolean> {
  return serially(() => writeRules((ex) => ex.delete(tabId)));
}

/** Loads again, in the page, every frame the rules blocked (setting `src` navigates the frame anew). */
async function reloadBlockedFrames(tabId: number): Promise<void> {
  await browser.scripting
    .executeScript({
      target: { tabId },
      args: [frameRules.block.map((re) => re.source), frameRules.keep.map((re) => re.source)],
      func: (block: string[], keep: string[]) => {
        const test = (src: string) => (re: string) => new RegExp(re, 'i').test(src);
        for (const frame of Array.from(document.querySelectorAll('iframe'))) {
          if (frame.src && block.some(test(frame.src)) && !keep.some(test(frame.src))) frame.src = frame.src;
        }
      },
    })
    .catch(() => undefined); // a tab gone or navigated away: nothing to reload
}

export function listenForFrames(): void {
  browser.tabs.onUpdated.addListener((tabId, info) => {
    if (info.url) void forgetTab(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && ('cleaning' in changes || 'cleaningOffHosts' in changes)) void syncFrameRules();
  });
}
