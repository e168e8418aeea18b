/** The toolbar button tells what the content script did on this tab. */
import { browser } from '../platform/browser';
import { i18n } from '../platform/i18n';
import type { CleaningState } from '../platform/messages';

export async function showCleaning(tabId: number, removed: number, state: CleaningState): Promise<void> {
  const cleaned = state === 'cleaned';
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: cleaned && removed > 0 ? String(removed) : '' }),
    browser.action.setBadgeBackgroundColor({ tabId, color: '#b3121f' }),
    browser.action.setTitle({
      tabId,
      title: cleaned ? i18n('badgeCleaned', String(removed)) : state === 'original' ? i18n('badgeOriginal') : i18n('actionTitle'),
    }),
  ]);
}
