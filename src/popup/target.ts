/** Which tab the reader reads: `?tabId=N` (tests, menus, shortcuts) or the active tab (toolbar popup). */
import { nativeApi } from '../platform/native';

export interface Target {
  tabId: number;
  /** Opened by the toolbar button (true) or as a page of its own (false). */
  inPopup: boolean;
  /** What to do once the article is shown (from a menu or shortcut). */
  action: string | null;
}

export async function findTarget(search = location.search): Promise<Target | null> {
  const params = new URLSearchParams(search);
  const action = params.get('action');
  const given = Number.parseInt(params.get('tabId') ?? '', 10);
  if (Number.isInteger(given) && given >= 0) return { tabId: given, inPopup: false, action };
  const [tab] = await nativeApi().tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { tabId: tab.id, inPopup: true, action };
}
