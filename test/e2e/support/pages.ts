// Ad-hoc pages registered by tests, and what a test reads off a live tab.
import type { Page } from 'playwright-core';
import { withDeadline } from './browsers';
import type { Fixture } from './fixtures';
import type { Harness } from './harness';

/** Marks and texts of the promos a page script injects after load. */
export const lateMarker = 'data-e2e-late';
export const lateTexts = ['E2E迟到的二维码推广', 'E2E迟到的广告'];

/**
 * A page script that injects Sina's promo shapes into the article after load (once on `load`,
 * and again whenever the test calls window.__e2eInject(); __e2eInject(true) adds no iframe, whose
 * own window would swamp a heap measurement).
 */
export const injectScript = `<script>
(function () {
  var n = 0;
  window.__e2eInject = function (noFrame) {
    n += 1;
    var host = document.querySelector('#artibody, #article, .article, #artibodyTitle, body') || document.body;
    var qr = document.createElement('div');
    qr.className = 'appendQr_wrap';
    qr.setAttribute('${lateMarker}', 'qr-' + n);
    qr.innerHTML = '<div class="appendQr_normal"><p>${lateTexts[0]}</p><img src="https://n.sinaimg.cn/e2e/qr.png"></div>';
    host.appendChild(qr);
    var frame = document.createElement('iframe');
    frame.setAttribute('${lateMarker}', 'iframe-' + n);
    frame.src = 'https://d1.sina.com.cn/e2e/ad.html';
    frame.width = '300'; frame.height = '250';
    if (!noFrame) host.appendChild(frame);
    var ins = document.createElement('ins');
    ins.className = 'sinaads';
    ins.setAttribute('data-ad-pdps', 'PDPS000000E2E');
    ins.setAttribute('${lateMarker}', 'ins-' + n);
    ins.style.display = 'block';
    ins.textContent = '${lateTexts[1]}';
    host.appendChild(ins);
    return n;
  };
  window.addEventListener('load', function () { setTimeout(window.__e2eInject, 0); });
})();
</script>`;

/** The fixture's bytes with the injecting script added before </body> (or at the end). */
export function withInjection(f: Fixture): Buffer {
  const html = f.page.toString('latin1');
  const at = html.toLowerCase().lastIndexOf('</body>');
  const out = at >= 0 ? html.slice(0, at) + injectScript + html.slice(at) : html + injectScript;
  return Buffer.from(out, 'latin1'); // ASCII script: the page's own encoding is untouched
}

/** A URL beside the fixture's, same host and template, for a variant of the page. */
export function variantUrl(f: Fixture, suffix: string): string {
  const u = new URL(f.truth.url);
  u.pathname = u.pathname.replace(/(\.[a-z]+)$/i, `-${suffix}$1`);
  return u.href;
}

/** Visible text of the whole page (innerText skips display:none and visibility:hidden). */
export function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => document.body?.innerText ?? '');
}

export function cleanState(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.documentElement.dataset.sinaReader);
}

/**
 * Poll `fn` in the page until it returns true (deadline `timeout`). Not waitForFunction: its
 * requestAnimationFrame polling never runs in a background tab in Firefox, and the tab under test
 * is in the background while its popup tab is open.
 */
export async function pollUntil<A>(page: Page, fn: (arg: A) => boolean, arg: A, timeout: number, what: string): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    // An evaluate lost with a realm never answers: give each one its own deadline.
    const probe = page.evaluate(fn as (arg: unknown) => boolean, arg as unknown);
    if (await withDeadline(probe, 5_000, 'no answer').catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeout / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Wait (with a deadline) for the content script to report `state` on <html>. */
export async function waitForCleanState(page: Page, state: string, timeout = 15_000): Promise<void> {
  await pollUntil(page, (s) => document.documentElement.dataset.sinaReader === s, state, timeout, `html[data-sina-reader="${state}"]`);
}

/** Wait (with a deadline) until every injected promo is hidden or gone; the test then says which are not. */
export async function waitForLatePromosHidden(page: Page, timeout = 10_000): Promise<void> {
  await pollUntil(
    page,
    (marker) =>
      Array.from(document.querySelectorAll(`[${marker}]`)).every(
        (el) => el.closest('[data-sina-reader-hidden]') || getComputedStyle(el).display === 'none',
      ),
    lateMarker,
    timeout,
    'injected promos hidden',
  ).catch(() => {});
}

/** Injected promos that a reader can still see: in the DOM, not hidden by us, rendered. */
export function visibleLatePromos(page: Page): Promise<string[]> {
  return page.evaluate((marker) => {
    return Array.from(document.querySelectorAll(`[${marker}]`))
      .filter((el) => {
        if (el.closest('[data-sina-reader-hidden]')) return false;
        const h = el as HTMLElement;
        const style = getComputedStyle(h);
        const r = h.getBoundingClientRect();
        return style.display !== 'none' && style.visibility !== 'hidden' && r.width > 0 && r.height > 0;
      })
      .map((el) => el.getAttribute(marker) ?? '?');
  }, lateMarker);
}

/** Close a tab without letting a stuck close (seen in Firefox after a failed download) hang the suite. */
export async function closeQuietly(page: Page | undefined): Promise<void> {
  if (!page || page.isClosed()) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    page.close().catch(() => {}),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, 5_000);
    }),
  ]);
  clearTimeout(timer);
}

/** Serves `body` at `url`, opens it in a new tab and waits until the content script has said its state. */
export async function openServed(h: Harness, url: string, body: Buffer, charset: string): Promise<Page> {
  h.server.html(url, body, charset);
  const page = await h.session.context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await pollUntil(page, () => document.documentElement.dataset.sinaReader !== undefined, null, 15_000, 'content script state').catch(() => {});
  return page;
}
