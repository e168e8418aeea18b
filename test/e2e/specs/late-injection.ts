// Issue 3: promos a page script adds after load (appendQr, an iframe, ins.sinaads) are hidden by
// the content script's MutationObserver, and the article stays whole.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { showcase, type Harness } from '../support/harness';
import { cleanState, closeQuietly, lateMarker, lateTexts, variantUrl, visibleLatePromos, visibleText, waitForCleanState, waitForLatePromosHidden, withInjection } from '../support/pages';
import { measures, recordPerf } from '../support/perf';
import { missingParagraphs, visibleNoise } from '../support/text';

export function describeLateInjection(h: Harness): void {
  describe('promos injected after load', () => {
    let page: Page;
    const fixture = () => h.fixtures.find((x) => x.slug === showcase) ?? h.fixtures[0];

    beforeAll(async () => {
      const f = fixture();
      const charset = f.truth.encoding.toLowerCase() === 'gbk' ? 'gbk' : 'utf-8';
      h.server.html(variantUrl(f, 'late'), withInjection(f), charset);
      page = await h.session.context.newPage();
      await page.goto(variantUrl(f, 'late'), { waitUntil: 'load' });
      await waitForCleanState(page, 'cleaned').catch(() => {});
    });
    afterAll(() => closeQuietly(page));

    it('hides the QR promo, iframe and ins.sinaads a page script adds after load', async () => {
      expect(await cleanState(page)).toBe('cleaned');
      // Once more, long after the first clean, so only the MutationObserver can catch it.
      const round = await page.evaluate(() => (window as unknown as { __e2eInject(): number }).__e2eInject());
      expect(round).toBeGreaterThanOrEqual(2);
      await waitForLatePromosHidden(page);
      expect(await visibleLatePromos(page), 'injected promos still visible').toEqual([]);
      const text = await visibleText(page);
      expect(visibleNoise(lateTexts, text)).toEqual([]);
      expect(missingParagraphs(fixture().truth.paragraphs, text)).toEqual([]);
    });

    it('keeps hiding promos over many more injections (sweep cost recorded for the bench)', async () => {
      const before = (await measures(page, 'sina-reader:sweep')).length;
      for (let i = 0; i < 20; i++) await page.evaluate(() => (window as unknown as { __e2eInject(): number }).__e2eInject());
      await waitForLatePromosHidden(page);
      expect(await visibleLatePromos(page), 'injected promos still visible').toEqual([]);
      recordPerf(h.browser, 'late-injection', 'content-sweep-ms', (await measures(page, 'sina-reader:sweep')).slice(before));
    });

    // Issue 5 memory, Chromium only (CDP): 100 more injected promos, then the page drops them all.
    // If the content script kept references to hidden nodes they would survive the GC. Recorded.
    if (h.browser !== 'chromium') return;
    it('lets injected promos be collected once the page drops them (heap recorded)', async () => {
      const cdp = await h.session.context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const heap = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        const { metrics } = await cdp.send('Performance.getMetrics');
        const get = (n: string) => metrics.find((m) => m.name === n)?.value ?? NaN;
        return { heap: get('JSHeapUsedSize'), nodes: get('Nodes') };
      };
      const drop = () => page.evaluate((marker) => document.querySelectorAll(`[${marker}]`).forEach((el) => el.remove()), lateMarker);
      await drop();
      const base = await heap();
      for (let i = 0; i < 100; i++) await page.evaluate(() => (window as unknown as { __e2eInject(noFrame: boolean): number }).__e2eInject(true));
      await waitForLatePromosHidden(page);
      expect(await visibleLatePromos(page), 'injected promos still visible').toEqual([]);
      const full = await heap();
      await drop();
      const after = await heap();
      recordPerf(h.browser, 'late-injection', 'heap-growth-per-promo-bytes', [(full.heap - base.heap) / 100]);
      recordPerf(h.browser, 'late-injection', 'heap-left-after-drop-bytes', [after.heap - base.heap]);
      recordPerf(h.browser, 'late-injection', 'dom-nodes-left-after-drop', [after.nodes - base.nodes]);
      await cdp.detach();
    });
  });
}
