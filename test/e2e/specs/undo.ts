// Issue 4 "nothing is lost": the user can undo the cleaning from the popup (show the original
// page) and clean again; the article is whole in every state.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { showcase, type Harness } from '../support/harness';
import { cleanState, closeQuietly, pollUntil, variantUrl, visibleText, waitForCleanState } from '../support/pages';
import { measures, recordPerf } from '../support/perf';
import { settledState } from '../support/popup';
import { missingParagraphs, visibleNoise } from '../support/text';

export function describeUndo(h: Harness): void {
  describe('undo from the popup', () => {
    let page: Page;
    let popup: Page | undefined;
    const fixture = () => h.fixtures.find((x) => x.slug === showcase) ?? h.fixtures[0];

    beforeAll(async () => {
      const f = fixture();
      h.server.html(variantUrl(f, 'undo'), f.page, f.truth.encoding.toLowerCase() === 'gbk' ? 'gbk' : 'utf-8');
      page = await h.session.context.newPage();
      await page.goto(variantUrl(f, 'undo'), { waitUntil: 'domcontentloaded' });
      await waitForCleanState(page, 'cleaned').catch(() => {});
    });
    afterAll(async () => {
      await h.session.closePopup(popup);
      await closeQuietly(page);
    });

    it('shows the original page, then cleans it again, losing no paragraph', async () => {
      const { paragraphs, noise } = fixture().truth;
      expect(await cleanState(page)).toBe('cleaned');
      expect(visibleNoise(noise, await visibleText(page)), 'noise hidden while cleaned').toEqual([]);

      popup = await h.session.openPopup(page);
      expect(await settledState(popup)).toBe('article');
      await popup.click('#toggle-clean');
      await waitForCleanState(page, 'original');
      const original = await visibleText(page);
      expect(missingParagraphs(paragraphs, original), 'paragraphs in the original page').toEqual([]);
      expect(visibleNoise(noise, original).length, 'the original page shows its noise again').toBeGreaterThan(0);
      await pollUntil(popup, () => document.querySelector('#toggle-clean')?.getAttribute('aria-pressed') === 'true', null, 5_000, 'toggle shows pressed');

      await popup.click('#toggle-clean');
      await waitForCleanState(page, 'cleaned');
      const again = await visibleText(page);
      expect(missingParagraphs(paragraphs, again), 'paragraphs after cleaning again').toEqual([]);
      expect(visibleNoise(noise, again), 'noise hidden again').toEqual([]);
    });

    it('runs the cleaning pass again, warm, each time it cleans again (timings recorded for the bench)', async () => {
      // Cleaning again runs the first pass's work once more on the same page (the body searched
      // again, the path, lines and comment ranges marked): next to content-clean-ms it shows how
      // much of the first pass is the extension's freshly created isolated world starting cold.
      const warm: number[] = [];
      for (let i = 0; i < 5; i++) {
        for (const [state, pressed] of [['original', 'true'], ['cleaned', 'false']] as const) {
          await popup!.click('#toggle-clean');
          await waitForCleanState(page, state);
          await pollUntil(popup!, (p) => document.querySelector('#toggle-clean')?.getAttribute('aria-pressed') === p, pressed, 5_000, `toggle shows ${pressed}`);
        }
        warm.push(...(await measures(page, 'sina-reader:sweep')).slice(-1));
      }
      expect(visibleNoise(fixture().truth.noise, await visibleText(page)), 'noise hidden after toggling').toEqual([]);
      recordPerf(h.browser, 'undo', 'content-warm-pass-ms', warm);
    });
  });
}
