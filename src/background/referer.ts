/**
 * Issue 14 part 5: images on wx*.sinaimg.cn answer 403 to a request without a Sina page as
 * Referer, and an extension page cannot set that header on fetch() (a cross-origin `referrer`
 * is dropped). A session rule adds it to the extension's own requests to *.sinaimg.cn only (its
 * initiator is the extension's origin: the Chrome id, Firefox's internal UUID), so pages' own
 * requests are never touched. Rule ids 1000–1999 are this module's (the lead's rules stay below 1000).
 */
import { browser } from '../platform/browser';
import type { DeclarativeNetRequest } from 'webextension-polyfill';

export const REFERER_RULE_ID = 1000;
/** Sina's image hosts accept any Sina page as Referer; the finance front page stands for all. */
export const SINA_REFERER = 'https://finance.sina.com.cn/';

export function refererRule(extensionHost: string): DeclarativeNetRequest.Rule {
  return {
    id: REFERER_RULE_ID,
    priority: 1,
    action: {
      type: 'modifyHeaders',
      requestHeaders: [{ header: 'referer', operation: 'set', value: SINA_REFERER }],
    },
    condition: {
      requestDomains: ['sinaimg.cn'],
      initiatorDomains: [extensionHost],
      // fetch() of saved images, and the images the reader view shows.
      resourceTypes: ['xmlhttprequest', 'image'],
    },
  };
}

/** Session rules end with the browser: every background start puts the rule (back) in place. */
export async function installRefererRule(): Promise<void> {
  const host = new URL(browser.runtime.getURL('/')).hostname;
  await browser.declarativeNetRequest.updateSessionRules({
    removeRuleIds: [REFERER_RULE_ID],
    addRules: [refererRule(host)],
  });
}
