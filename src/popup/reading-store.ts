/**
 * What the reader remembers per article (issue 15) in storage.local: highlights and reading
 * position, one key per article (by docId, else by URL). Bounded: the MAX_ARTICLES most recently
 * read are kept, each with at most MAX_HIGHLIGHTS highlights of at most MAX_TEXT characters.
 */
import type { Highlight } from '../core/highlights';
import type { Article } from '../core/types';
import { browser } from '../platform/browser';

export interface Reading {
  highlights: Highlight[];
  /** Index of the first block in view (a block, not pixels: font size and width may change). */
  block: number;
  /** Last written (ms), for pruning. */
  t: number;
}

export const MAX_ARTICLES = 300;
export const MAX_HIGHLIGHTS = 100;
export const MAX_TEXT = 2000;
const PREFIX = 'reading:';

export const readingKey = (a: Pick<Article, 'docId' | 'url'>): string => PREFIX + (a.docId ? `doc:${a.docId}` : a.url.replace(/#.*$/, ''));

export async function loadReading(key: string): Promise<Reading> {
  const stored = (await browser.storage.local.get(key).catch(() => ({} as Record<string, unknown>)))[key] as Partial<Reading> | undefined;
  return { highlights: Array.isArray(stored?.highlights) ? stored.highlights : [], block: Number(stored?.block) || 0, t: 0 };
}

let pruned = false;

export async function saveReading(key: string, reading: Reading): Promise<void> {
  const empty = !reading.highlights.length && !reading.block;
  if (empty) return browser.storage.local.remove(key);
  await browser.storage.local.set({ [key]: { ...reading, t: Date.now() } });
  if (!pruned) {
    pruned = true;
    await pruneReadings();
  }
}

/** Drops the articles read longest ago beyond MAX_ARTICLES (once per reader opened). */
async function pruneReadings(): Promise<void> {
  const all = await browser.storage.local.get(null);
  const readings = Object.entries(all).filter(([k]) => k.startsWith(PREFIX)) as [string, Reading][];
  if (readings.length <= MAX_ARTICLES) return;
  readings.sort((a, b) => (b[1].t || 0) - (a[1].t || 0));
  await browser.storage.local.remove(readings.slice(MAX_ARTICLES).map(([k]) => k));
}
