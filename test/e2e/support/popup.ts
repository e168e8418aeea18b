// Reading the popup's DOM contract: #app[data-state], h1#title, #meta [data-field=…], #content.
import type { Page } from 'playwright-core';
import { withDeadline } from './browsers';

export const metaFields = ['source', 'author', 'published', 'editor', 'tags', 'url'] as const;
export type MetaField = (typeof metaFields)[number];

export interface FieldReading {
  /** In the DOM, not hidden, with text. */
  shown: boolean;
  text: string;
  /** Texts of the tag items (children), for the tags field. */
  items: string[];
  /** datetime of the <time> (published) or href (url). */
  value: string | null;
}

export interface PopupReading {
  state: string | null;
  message: string;
  title: string;
  fields: Record<MetaField, FieldReading>;
  contentText: string;
}

/**
 * Wait (deadline 20 s) until the popup has left its loading state. Polls with evaluate rather than
 * waitForFunction so that a stuck popup is reported with what it shows, not just a timeout.
 */
export async function settledState(popup: Page): Promise<string | null> {
  const deadline = Date.now() + 20_000;
  let last = 'never evaluated';
  for (;;) {
    const probe = popup.evaluate(() => ({
      state: document.querySelector('#app')?.getAttribute('data-state') ?? null,
      message: document.querySelector('#state-message')?.textContent?.trim() ?? '',
      ready: document.readyState,
    }));
    const seen = await withDeadline(probe, 5_000, 'evaluate did not answer within 5 s').catch((e: unknown) => ({ state: null, message: `evaluate failed: ${String(e).slice(0, 120)}`, ready: '?' }));
    if (seen.state && seen.state !== 'loading') return seen.state;
    last = `data-state=${seen.state} readyState=${seen.ready} message="${seen.message}"`;
    if (Date.now() > deadline) throw new Error(`popup ${popup.url()} still not settled after 20 s: ${last}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function readPopup(popup: Page): Promise<PopupReading> {
  return popup.evaluate((names) => {
    const text = (el: Element | null) => ((el as HTMLElement | null)?.innerText ?? el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const visible = (el: Element | null): boolean => {
      if (!el) return false;
      const h = el as HTMLElement;
      if (h.closest('[hidden]')) return false;
      const r = h.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(h).visibility !== 'hidden';
    };
    const fields = {} as Record<string, { shown: boolean; text: string; items: string[]; value: string | null }>;
    for (const name of names) {
      const el = document.querySelector(`#meta [data-field="${name}"]`) ?? document.querySelector(`[data-field="${name}"]`);
      const t = text(el);
      const time = el ? (el.matches('time') ? el : el.querySelector('time')) : null;
      const link = el ? (el.matches('a') ? el : el.querySelector('a')) : null;
      fields[name] = {
        shown: visible(el) && t !== '',
        text: t,
        items: el ? Array.from(el.children).map((c) => text(c)).filter(Boolean) : [],
        value: name === 'published' ? time?.getAttribute('datetime') ?? null : name === 'url' ? (link as HTMLAnchorElement | null)?.href ?? null : null,
      };
    }
    return {
      state: document.querySelector('#app')?.getAttribute('data-state') ?? null,
      message: text(document.querySelector('#state-message')),
      title: text(document.querySelector('h1#title')),
      fields: fields as PopupReading['fields'],
      contentText: (document.querySelector('#content') as HTMLElement | null)?.innerText ?? '',
    };
  }, [...metaFields]);
}
