// Issue 5 in the browser, with more samples than the fixture tests take: each fixture opened again
// in new tabs (each one a fresh page and a freshly created isolated world for the content script,
// as the fixture tests open it) and the popup opened again for it, while nothing else runs; and the
// fixtures read one after another in a single tab, as a reader follows links. The timings join the
// fixture tests' samples (test/e2e/support/perf.ts); they are recorded for the bench, never asserted.
// What is asserted: every one of these loads is cleaned and every popup shows the article.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Fixture } from '../support/fixtures';
import type { Harness } from '../support/harness';
import { cleanState, closeQuietly, waitForCleanState } from '../support/pages';
import { markTimes, measures, recordPerf } from '../support/perf';
import { settledState } from '../support/popup';

/** New tabs per fixture (the fixture tests open one more). */
const ROUNDS = 3;
/** Popups per fixture (the fixture tests open one more). */
const POPUP_ROUNDS = 2;
/** The fixture tests' key for a page's first pass in a new tab. */
const NEW_TAB = 'content-detect+clean-ms';
const POPUP_MARKS = ['asked', 'start', 'settings', 'page', 'parsed', 'extracted', 'rendered'];

/**
 * Waits for the cleaning and records the content script's first pass: detect + clean under `key`,
 * and each part under its own name where `key` is the new-tab measure the fixture tests also take.
 */
async function recordFirstPass(h: Harness, page: Page, f: Fixture, key: string): Promise<void> {
  await waitForCleanState(page, 'cleaned');
  expect(await cleanState(page), `${f.slug} cleaned`).toBe('cleaned');
  const [detect] = await measures(page, 'sina-reader:detect');
  const [clean] = await measures(page, 'sina-reader:clean');
  if (detect === undefined || clean === undefined) return;
  const at = `${f.slug} (timings)`;
  recordPerf(h.browser, at, key, [detect + clean]);
  if (key === NEW_TAB) {
    recordPerf(h.browser, at, 'content-detect-ms', [detect]);
    recordPerf(h.browser, at, 'content-clean-ms', [clean]);
  }
}

export function describeTimings(h: Harness): void {
  describe('timings (issue 5, recorded)', () => {
    for (let round = 1; round <= ROUNDS; round++) {
      it(`cleans every fixture opened in a new tab (round ${round} of ${ROUNDS})`, async () => {
        for (const f of h.fixtures) {
          const page = await h.session.context.newPage();
          try {
            await page.goto(f.truth.url, { waitUntil: 'domcontentloaded' });
            await recordFirstPass(h, page, f, NEW_TAB);
          } finally {
            await closeQuietly(page);
          }
        }
      });
    }

    it('cleans every fixture read one after another in the same tab', async () => {
      const page = await h.session.context.newPage();
      try {
        for (const f of h.fixtures) {
          await page.goto(f.truth.url, { waitUntil: 'domcontentloaded' });
          await recordFirstPass(h, page, f, 'content-detect+clean-same-tab-ms');
        }
      } finally {
        await closeQuietly(page);
      }
    });

    for (let round = 1; round <= POPUP_ROUNDS; round++) {
      it(`shows the article in the popup opened again for every fixture (round ${round} of ${POPUP_ROUNDS})`, async () => {
        for (const f of h.fixtures) {
          const page = await h.session.context.newPage();
          let popup: Page | undefined;
          try {
            await page.goto(f.truth.url, { waitUntil: 'domcontentloaded' });
            await waitForCleanState(page, 'cleaned');
            popup = await h.session.openPopup(page);
            expect(await settledState(popup), `${f.slug} popup state`).toBe('article');
            for (const mark of POPUP_MARKS) {
              recordPerf(h.browser, `${f.slug} (timings)`, `popup-${mark}-ms`, await markTimes(popup, `reader:${mark}`));
            }
          } finally {
            await h.session.closePopup(popup);
            await closeQuietly(page);
          }
        }
      });
    }
  });
}
