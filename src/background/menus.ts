/** Context menus on Sina pages: save the article, copy the selection (both as Markdown), save all Sina tabs. */
import { browser } from '../platform/browser';
import { i18n } from '../platform/i18n';
import { openBatch, openReader } from './reader-window';

export const SINA_PAGES = ['*://*.sina.com.cn/*', '*://*.sina.cn/*'];

const MENUS = [
  { id: 'save-md', title: () => i18n('menuSaveArticle'), contexts: ['page'] },
  { id: 'copy-selection', title: () => i18n('menuCopySelection'), contexts: ['selection'] },
  { id: 'save-all-tabs', title: () => i18n('menuSaveAllTabs'), contexts: ['page'] },
] as const;

/** Menus persist in Chrome but not always in Firefox's event page: rebuild them from scratch. */
export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  for (const menu of MENUS) {
    browser.contextMenus.create({
      id: menu.id,
      title: menu.title(),
      contexts: [...menu.contexts],
      documentUrlPatterns: SINA_PAGES,
    });
  }
}

export function listenToMenus(): void {
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (tab?.id === undefined) return;
    if (info.menuItemId === 'save-md' || info.menuItemId === 'copy-selection') {
      void openReader(tab.id, info.menuItemId).catch((err) => console.warn('[sina-reader] menu', err));
    }
    if (info.menuItemId === 'save-all-tabs') void openBatch().catch((err) => console.warn('[sina-reader] menu', err));
  });
}
