/**
 * Save all Sina tabs: every open tab on a Sina host, read and saved one after another with the
 * reader's own path (loadArticle, then saveMarkdown with the user's preset, file-name template and
 * image option). It runs in an extension page: a Chrome service worker has no DOMParser and cannot
 * make blob URLs, and a page of its own works alike in both browsers and outlives the toolbar popup.
 */
import { isSinaUrl } from '../core/detect';
import { browser } from '../platform/browser';
import { i18n } from '../platform/i18n';
import type { Settings } from '../platform/settings';
import { saveMarkdown } from '../popup/export';
import { loadArticle, type Loaded } from '../popup/load';

export interface TabSaved {
  title: string;
  filename: string;
  imagesFailed: number;
}
export interface TabFailed {
  title: string;
  problem: string;
}
export interface BatchReport {
  saved: TabSaved[];
  failed: TabFailed[];
  /** Open tabs that are not Sina pages (left out). */
  others: number;
}

export type Progress = (done: number, total: number, title: string) => void;

/** A tab still loading is asked again for a while, as the reader does. */
async function loadSettled(tabId: number, settings: Settings): Promise<Loaded> {
  for (let attempt = 0; ; attempt++) {
    const loaded = await loadArticle(tabId, settings.stockLinks);
    if (loaded.state !== 'loading' || attempt >= 40) return loaded;
    await new Promise((r) => setTimeout(r, 250));
  }
}

function problemOf(loaded: Exclude<Loaded, { state: 'article' }>): string {
  return i18n(loaded.messageKey, loaded.state === 'error' ? loaded.detail : '');
}

export async function saveAllTabs(settings: Settings, progress: Progress): Promise<BatchReport> {
  const own = browser.runtime.getURL('');
  // Tab URLs are visible on the hosts the extension may read (Sina's): any other tab has none here.
  const tabs = (await browser.tabs.query({})).filter((t) => t.id !== undefined && !t.url?.startsWith(own));
  const sina = tabs.filter((t) => t.url && isSinaUrl(t.url));
  const report: BatchReport = { saved: [], failed: [], others: tabs.length - sina.length };
  for (const [i, tab] of sina.entries()) {
    const title = tab.title || tab.url || '';
    progress(i + 1, sina.length, title);
    try {
      const loaded = await loadSettled(tab.id!, settings);
      if (loaded.state !== 'article') {
        report.failed.push({ title, problem: problemOf(loaded) });
        continue;
      }
      const result = await saveMarkdown(loaded.article, settings);
      if (result.ok) report.saved.push({ title, filename: result.filename, imagesFailed: result.imagesFailed });
      else report.failed.push({ title, problem: i18n('saveFailed', result.error) });
    } catch (err) {
      // One tab's trouble never stops the batch.
      report.failed.push({ title, problem: i18n('saveFailed', err instanceof Error ? err.message : String(err)) });
    }
  }
  return report;
}
