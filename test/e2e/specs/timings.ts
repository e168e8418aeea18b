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
import { NEW_TAB_PASS, recordFirstPass, recordPopupMarks, SAME_TAB_PASS, type PassKeys } from '../support/perf';
import { settledState } from '../support/popup';

/** New tabs per fixture (the fixture tests open one more). */
const ROUNDS = 3;
/** Popups per fixture (the fixture tests open one more). */
const POPUP_ROUNDS = 2;

/** Waits for the cleaning, checks it, and records the content script's first pass under `keys`. */
async function cleanedPass(h: Harness, page: Page, f: Fixture, keys: PassKeys): Promise<void> {
  await waitForCleanState(page, 'cleaned');
  expect(await cleanState(page), `${f.slug} cleaned`).toBe('cleaned');
  await recordFirstPass(h.browser, page, `${f.slug} (timings)`, keys);
}

export function describeTimings(h: Harness): void {
  describe('timings (issue 5, recorded)', () => {
    for (let round = 1; round <= ROUNDS; round++) {
      it(`cleans every fixture opened in a new tab (round ${round} of ${ROUNDS})`, async () => {
        for (const f of h.fixtures) {
          const page = await h.session.context.newPage();
          try {
            await page.goto(f.truth.url, { waitUntil: 'domcontentloaded' });
            await cleanedPass(h, page, f, NEW_TAB_PASS);
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
          await cleanedPass(h, page, f, SAME_TAB_PASS);
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
            await recordPopupMarks(h.browser, popup, `${f.slug} (timings)`);
          } finally {
            await h.session.closePopup(popup);
            await closeQuietly(page);
          }
        }
      });
    }
  });
}
