// In-browser timings for issue 5, recorded (never asserted: timings are not test outcomes) to
// test-output/perf/<browser>.json for the bench and BENCHMARKS.md.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import type { BrowserName } from './browsers';
import { outPath } from './harness';

type Samples = Record<string, number[]>;
const store = new Map<BrowserName, { perPage: Record<string, Record<string, number | null>>; samples: Samples }>();

function of(browser: BrowserName) {
  let s = store.get(browser);
  if (!s) store.set(browser, (s = { perPage: {}, samples: {} }));
  return s;
}

export function recordPerf(browser: BrowserName, page: string, key: string, values: number[]): void {
  const s = of(browser);
  (s.perPage[page] ??= {})[key] = values.length ? Math.max(...values) : null;
  (s.samples[key] ??= []).push(...values);
}

/** Durations (ms) of the performance measures named `name` in a page or popup. */
export function measures(page: Page, name: string): Promise<number[]> {
  return page
    .evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name)
    .catch(() => []);
}

/** Time (ms) of a mark since the page's navigation started, or none. */
export function markTimes(page: Page, name: string): Promise<number[]> {
  return page
    .evaluate((n) => performance.getEntriesByName(n, 'mark').map((e) => e.startTime), name)
    .catch(() => []);
}

/** Where a page's first cleaning pass is recorded: its sum, and each part where given. */
export interface PassKeys {
  sum: string;
  detect?: string;
  clean?: string;
}

/** A page opened in a new tab (the fixture tests and the timing tests). */
export const NEW_TAB_PASS: PassKeys = { sum: 'content-detect+clean-ms', detect: 'content-detect-ms', clean: 'content-clean-ms' };
/** A page reached by navigating a tab that already showed another article. */
export const SAME_TAB_PASS: PassKeys = { sum: 'content-detect+clean-same-tab-ms' };

/** Records the content script's first pass on `page` (detect and clean each run once per page). */
export async function recordFirstPass(browser: BrowserName, page: Page, at: string, keys: PassKeys): Promise<void> {
  const [detect] = await measures(page, 'sina-reader:detect');
  const [clean] = await measures(page, 'sina-reader:clean');
  if (keys.detect) recordPerf(browser, at, keys.detect, detect === undefined ? [] : [detect]);
  if (keys.clean) recordPerf(browser, at, keys.clean, clean === undefined ? [] : [clean]);
  if (detect !== undefined && clean !== undefined) recordPerf(browser, at, keys.sum, [detect + clean]);
}

/** The popup's marks, in the order it reaches them (src/popup), each recorded as popup-<mark>-ms. */
const POPUP_MARKS = ['asked', 'start', 'settings', 'page', 'parsed', 'extracted', 'rendered'];

export async function recordPopupMarks(browser: BrowserName, popup: Page, at: string): Promise<void> {
  for (const mark of POPUP_MARKS) recordPerf(browser, at, `popup-${mark}-ms`, await markTimes(popup, `reader:${mark}`));
}

const stats = (xs: number[]) => {
  if (!xs.length) return null;
  const v = [...xs].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { n: v.length, min: r(v[0]), median: r(v[Math.floor((v.length - 1) / 2)]), max: r(v[v.length - 1]) };
};

export function writePerf(browser: BrowserName): string | null {
  const s = store.get(browser);
  if (!s) return null;
  const file = outPath('perf', `${browser}.json`);
  const summary = Object.fromEntries(Object.entries(s.samples).map(([k, xs]) => [k, stats(xs)]));
  fs.writeFileSync(file, `${JSON.stringify({ browser, date: new Date().toISOString(), summary, perPage: s.perPage }, null, 2)}\n`);
  return file;
}
