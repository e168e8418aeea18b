/**
 * The declarativeNetRequest rules that keep a cleaned Sina page's frames from loading (issue 16),
 * built from `frameRules` (src/sites/sina.ts) and the settings. No browser API: unit-tested as is.
 */
import type { DeclarativeNetRequest } from 'webextension-polyfill';
import { frameRules, sinaHosts } from '../sites/sina';
import type { Settings } from '../platform/settings';

export type Rule = DeclarativeNetRequest.Rule;

/** This module's rule ids (the Referer rules of image saving use 1000 and up). */
export const FIRST_ID = 1;
export const LAST_ID = 999;
const SINA_DOMAINS = ['sina.com.cn', 'sina.cn'];

/** The session rules for these settings and excluded tabs (none when cleaning is off). */
export function frameBlockRules(settings: Pick<Settings, 'cleaning' | 'cleaningOffHosts'>, excludedTabIds: number[]): Rule[] {
  if (!settings.cleaning) return [];
  const offHosts = settings.cleaningOffHosts.filter((h) => sinaHosts.test(h));
  const condition = (re: RegExp): Rule['condition'] => ({
    regexFilter: re.source,
    isUrlFilterCaseSensitive: false,
    resourceTypes: ['sub_frame'],
    initiatorDomains: SINA_DOMAINS,
    ...(offHosts.length ? { excludedInitiatorDomains: offHosts } : {}),
    ...(excludedTabIds.length ? { excludedTabIds } : {}),
  });
  const block = frameRules.block.map((re, i): Rule => ({ id: FIRST_ID + i, priority: 1, action: { type: 'block' }, condition: condition(re) }));
  const keep = frameRules.keep.map((re, i): Rule => ({ id: 500 + i, priority: 2, action: { type: 'allow' }, condition: condition(re) }));
  return [...block, ...keep];
}

/** Is this frame address one the rules block (and none keeps)? As the browser decides; for tests. */
export function isBlockedFrame(url: string): boolean {
  const test = (re: RegExp) => re.test(url);
  return frameRules.block.some(test) && !frameRules.keep.some(test);
}
