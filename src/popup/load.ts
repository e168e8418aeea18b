/**
 * From a tab to an article: ask the tab's content script for the page, parse it here, and run the
 * core pipeline on that copy (the live page is never touched by extraction).
 */
import { isSinaUrl } from '../core/detect';
import { runPipeline } from '../core/pipeline';
import { nativeQuery } from '../core/query';
import type { Article, Detection, StockLinkMode } from '../core/types';
import { browser } from '../platform/browser';
import type { CleaningState } from '../platform/messages';
import { sendToTab } from '../platform/send';
import type { PageReply } from './prefetch';

export type Loaded =
  /** `cleaning` null: a page the content script does not run on (the generic reader). */
  | { state: 'article'; article: Article; cleaning: CleaningState | null }
  | { state: 'not-article' | 'not-sina'; messageKey: string }
  | { state: 'loading'; messageKey: string }
  | { state: 'error'; messageKey: string; detail: string };

/** Parses page HTML as an inert document whose relative links resolve against the page's URL. */
export function parsePage(html: string, url: string): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  if (!doc.querySelector('base[href]')) {
    const base = doc.createElement('base');
    base.href = url;
    doc.head.prepend(base);
  }
  return doc;
}

/**
 * Readability loads only for a page without a Sina template (the generic reader). `detection`: the
 * content script's answer for this page, so the popup does not detect again.
 */
export async function extractFrom(html: string, url: string, stockLinks: StockLinkMode, detection?: Detection): Promise<Article | null> {
  const doc = parsePage(html, url);
  performance.mark('reader:parsed');
  const opts = { stockLinks, window, query: nativeQuery, detection };
  let result = runPipeline(doc, url, opts, undefined);
  if (!result.ok && result.error === 'needs-generic') result = runPipeline(doc, url, opts, (await import('../core/generic')).readGeneric);
  return result.ok ? result.article : null;
}

async function tabUrl(tabId: number): Promise<string | undefined> {
  try {
    return (await browser.tabs.get(tabId)).url;
  } catch {
    return undefined;
  }
}

/** A tab opened before the extension was installed or reloaded has no content script yet. */
async function injectContentScript(tabId: number): Promise<boolean> {
  try {
    await browser.scripting.insertCSS({ target: { tabId }, files: ['content.css'] });
    await browser.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
    return true;
  } catch {
    return false;
  }
}

/** `prefetched`: the boot script's answer to the same question, asked before popup.js was parsed. */
export async function loadArticle(
  tabId: number,
  stockLinks: StockLinkMode,
  prefetched?: Promise<PageReply | null>,
): Promise<Loaded> {
  let reply = (await prefetched) ?? (await sendToTab(tabId, { type: 'get-page' }));
  if (!reply.ok) {
    const url = await tabUrl(tabId);
    // Without a Sina URL (or without access to the tab's URL) there is no content script to ask.
    if (!url || !isSinaUrl(url)) return { state: 'not-sina', messageKey: 'stateNotSina' };
    const tab = await browser.tabs.get(tabId).catch(() => null);
    if (tab?.status === 'loading') return { state: 'loading', messageKey: 'statePageLoading' };
    if (await injectContentScript(tabId)) reply = await sendToTab(tabId, { type: 'get-page' });
    if (!reply.ok) return { state: 'error', messageKey: 'stateNoContentScript', detail: reply.error };
  }
  performance.mark('reader:page');
  if (reply.detection.kind !== 'article') return { state: 'not-article', messageKey: 'stateNotArticle' };
  try {
    const article = await extractFrom(reply.html, reply.url, stockLinks, reply.detection);
    performance.mark('reader:extracted');
    return article
      ? { state: 'article', article, cleaning: reply.cleaning }
      : { state: 'not-article', messageKey: 'stateNotArticle' };
  } catch (err) {
    return { state: 'error', messageKey: 'stateError', detail: err instanceof Error ? err.message : String(err) };
  }
}

/** The generic reader for non-Sina pages: activeTab + scripting, nothing injected but a getter. */
export async function loadGeneric(tabId: number, stockLinks: StockLinkMode): Promise<Loaded> {
  try {
    const [first] = await browser.scripting.executeScript({
      target: { tabId },
      func: () => ({ html: document.documentElement.outerHTML, url: location.href }),
    });
    const page = first?.result as { html: string; url: string } | undefined;
    if (!page) return { state: 'error', messageKey: 'stateNoAccess', detail: 'no result' };
    const article = await extractFrom(page.html, page.url, stockLinks);
    return article
      ? { state: 'article', article, cleaning: null }
      : { state: 'not-article', messageKey: 'stateGenericNoArticle' };
  } catch (err) {
    return { state: 'error', messageKey: 'stateNoAccess', detail: err instanceof Error ? err.message : String(err) };
  }
}
