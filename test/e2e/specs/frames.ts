// Issue 16 "iframes the reader removes never load": on every fixture with iframes, the test
// server sees no request for a frame the rules block while the page is cleaned; with cleaning off
// for the host (the page as without the extension) every frame loads; "show original page" loads
// the blocked frames again. Request counts and load-event times are recorded for BENCHMARKS.md.
import { JSDOM, VirtualConsole } from 'jsdom';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { isBlockedFrame } from '../../../src/background/frame-rules';
import { decodeHtml } from '../../../src/core/encoding';
import { DEFAULT_SETTINGS } from '../../../src/platform/settings';
import type { Fixture } from '../support/fixtures';
import type { Harness } from '../support/harness';
import { cleanState, closeQuietly, pollUntil, variantUrl, visibleText, waitForCleanState } from '../support/pages';
import { recordPerf } from '../support/perf';
import { settledState } from '../support/popup';
import { missingParagraphs } from '../support/text';

/** A request as the server logs it, without its scheme (a frame's may differ from the page's). */
const key = (url: string) => url.replace(/^https?:\/\//, '').replace(/#.*$/, '');

/** The http(s) frames the fixture's HTML asks for, resolved against the address it is served at. */
function framesOf(f: Fixture, url: string): string[] {
  const dom = new JSDOM(decodeHtml(f.page).text, { url, virtualConsole: new VirtualConsole() });
  const frames = Array.from(dom.window.document.querySelectorAll('iframe[src]'))
    // src="" loads about:blank; inside <noscript> it is text to a browser that runs scripts
    .filter((el) => el.getAttribute('src')!.trim() && !el.closest('noscript'))
    .map((el) => (el as HTMLIFrameElement).src)
    // An http frame in an https page is mixed content: Firefox never loads it, with or without us.
    .filter((src) => /^https:/.test(src) || (/^http:/.test(src) && url.startsWith('http:')));
  dom.window.close();
  return [...new Set(frames)];
}

interface Visit {
  page: Page;
  frames: string[];
  /** The fixture's frames the server was asked for while the page loaded. */
  requested: string[];
  loadMs: number;
}

export function describeFrames(h: Harness): void {
  describe('iframes the reader removes never load (issue 16)', () => {
    const framed = () => h.fixtures.filter((f) => framesOf(f, f.truth.url).some(isBlockedFrame));
    const open: Page[] = [];
    afterAll(async () => {
      for (const p of open) await closeQuietly(p);
    });

    /** Opens the fixture at a fresh address, waits for its load event and the content script, and a little longer for late frames. */
    async function visit(f: Fixture, suffix: string, state: string): Promise<Visit> {
      const url = variantUrl(f, suffix);
      h.server.html(url, f.page, f.truth.encoding.toLowerCase() === 'gbk' ? 'gbk' : 'utf-8');
      const frames = framesOf(f, url);
      const from = h.server.requests.length;
      const page = await h.session.context.newPage();
      open.push(page);
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
      await waitForCleanState(page, state);
      await page.waitForTimeout(500);
      const loadMs = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart);
      const asked = new Set(h.server.requests.slice(from).map(key));
      return { page, frames, requested: frames.filter((src) => asked.has(key(src))), loadMs };
    }

    async function setOffHosts(page: Page, hosts: string[]): Promise<void> {
      const options = await h.session.openOptions(page);
      await options.evaluate(async (value) => {
        type Api = { storage: { sync: { set(v: object): Promise<void> } } };
        const g = globalThis as unknown as { browser?: Api; chrome: Api };
        await (g.browser ?? g.chrome).storage.sync.set(value);
      }, { ...DEFAULT_SETTINGS, cleaningOffHosts: hosts });
      await h.session.closePopup(options);
      // The background rewrites its rules on storage.onChanged: give it a moment.
      await new Promise((r) => setTimeout(r, 500));
    }

    it('cleaned: no request for a blocked frame, no blocked frame visible, every paragraph kept', { timeout: 300_000 }, async () => {
      const fixtures = framed();
      expect(fixtures.length, 'fixtures with frames the rules block').toBeGreaterThanOrEqual(3);
      for (const f of fixtures) {
        const v = await visit(f, 'frames-on', 'cleaned');
        const blocked = v.frames.filter(isBlockedFrame);
        expect(v.requested.filter(isBlockedFrame), `${f.slug}: blocked frames requested`).toEqual([]);
        const shown = await v.page.evaluate(
          (srcs) => Array.from(document.querySelectorAll('iframe')).filter((el) => srcs.includes(el.src) && el.getClientRects().length > 0).map((el) => el.src),
          blocked,
        );
        expect(shown, `${f.slug}: blocked frames left visible`).toEqual([]);
        expect(missingParagraphs(f.truth.paragraphs, await visibleText(v.page)), `${f.slug}: paragraphs`).toEqual([]);
        recordPerf(h.browser, f.slug, 'frames-requested-cleaned', [v.requested.length]);
        recordPerf(h.browser, f.slug, 'frames-blocked-cleaned', [blocked.length]);
        recordPerf(h.browser, f.slug, 'load-event-cleaned-ms', [v.loadMs]);
        await closeQuietly(v.page);
      }
    });

    it('cleaning off for the host: every frame loads, as without the extension', { timeout: 300_000 }, async () => {
      const fixtures = framed();
      const hosts = [...new Set(fixtures.map((f) => new URL(f.truth.url).hostname))];
      const helper = await h.session.context.newPage();
      open.push(helper);
      await helper.goto(variantUrl(fixtures[0], 'frames-helper'), { waitUntil: 'domcontentloaded' }).catch(() => {});
      await setOffHosts(helper, hosts);
      try {
        for (const f of fixtures) {
          const v = await visit(f, 'frames-off', 'off');
          const blocked = v.frames.filter(isBlockedFrame);
          expect(blocked.filter((src) => !v.requested.includes(src)), `${f.slug}: frames the rules block not loaded with cleaning off`).toEqual([]);
          recordPerf(h.browser, f.slug, 'frames-requested-off', [v.requested.length]);
          recordPerf(h.browser, f.slug, 'load-event-off-ms', [v.loadMs]);
          await closeQuietly(v.page);
        }
      } finally {
        await setOffHosts(helper, []);
      }
    });

    it('"show original page" loads the blocked frames; cleaning again keeps the page whole', async () => {
      const f = framed()[0];
      const v = await visit(f, 'frames-undo', 'cleaned');
      const blocked = v.frames.filter(isBlockedFrame);
      expect(v.requested.filter(isBlockedFrame)).toEqual([]);
      const from = h.server.requests.length;
      const popup = await h.session.openPopup(v.page);
      try {
        expect(await settledState(popup)).toBe('article');
        await popup.click('#toggle-clean');
        await waitForCleanState(v.page, 'original');
        const deadline = Date.now() + 10_000;
        let asked = new Set<string>();
        while (Date.now() < deadline) {
          asked = new Set(h.server.requests.slice(from).map(key));
          if (blocked.every((src) => asked.has(key(src)))) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        expect(blocked.filter((src) => !asked.has(key(src))), 'blocked frames not loaded after undo').toEqual([]);
        await popup.click('#toggle-clean');
        await waitForCleanState(v.page, 'cleaned');
        await pollUntil(popup, () => document.querySelector('#toggle-clean')?.getAttribute('aria-pressed') === 'false', null, 5_000, 'toggle released');
        expect(await cleanState(v.page)).toBe('cleaned');
        expect(missingParagraphs(f.truth.paragraphs, await visibleText(v.page))).toEqual([]);
      } finally {
        await h.session.closePopup(popup);
      }
    });
  });
}
