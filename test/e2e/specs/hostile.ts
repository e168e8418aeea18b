// Issue 4 in the real extension: XSS vectors of the shared corpus (test/hostile/vectors.ts) in the
// body, title, caption, source, editor and tags of a Sina article. Opening the popup runs nothing
// (canary unset, even after every event is fired), leaves no handler or script URL in the
// rendered DOM, does not navigate, and the saved Markdown is inert. Vectors go in groups per page
// to keep the run short; the two that swallow the rest of a page get body pages of their own.
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectHtml, TRIGGER_EVENTS } from '../../hostile/inspect';
import { markdownViolations } from '../../hostile/markdown';
import { CANARY, pageWithVector, placements, vectors, type Placement, type XssVector } from '../../hostile/vectors';
import { extensionDir } from '../support/browsers';
import { repoRoot } from '../support/fixtures';
import { outPath, type Harness } from '../support/harness';
import { closeQuietly, pollUntil } from '../support/pages';
import { settledState } from '../support/popup';

/** Vectors per page: 104 vectors make 4 pages per placement, plus the 2 swallowers alone in the body. */
const GROUP = 26;

interface HostileCase {
  id: string;
  placement: Placement;
  vectors: XssVector[];
  url: string;
}

function cases(): HostileCase[] {
  const out: HostileCase[] = [];
  for (const placement of placements) {
    const plain = vectors.filter((v) => !v.swallows);
    const groups: XssVector[][] = [];
    for (let i = 0; i < plain.length; i += GROUP) groups.push(plain.slice(i, i + GROUP));
    if (placement === 'body') for (const v of vectors.filter((x) => x.swallows)) groups.push([v]);
    groups.forEach((group, i) => {
      const id = `${placement}-${i + 1}`;
      out.push({ id, placement, vectors: group, url: `https://finance.sina.com.cn/roll/2024-05-01/doc-ihostile-${id}.shtml` });
    });
  }
  return out;
}

/** The parts of the popup that render page data, serialized for inspection outside the browser. */
async function renderedParts(popup: Page): Promise<Record<string, string>> {
  return popup.evaluate(() => {
    const html = (sel: string) => document.querySelector(sel)?.innerHTML ?? '';
    return { title: html('#title'), meta: html('#meta'), content: html('#content'), toc: html('#toc ol') }; // #toc's own <details> is the popup's markup
  });
}

/** Fire every trigger event on every rendered element (links are not followed), then read the canary. */
async function provokeAndReadCanary(popup: Page): Promise<unknown> {
  return popup.evaluate(
    async ({ events, canary }) => {
      for (const el of Array.from(document.querySelectorAll('#article *'))) {
        for (const type of events) el.dispatchEvent(new Event(type, { bubbles: false, cancelable: true }));
        (el as HTMLElement).focus?.();
      }
      await new Promise((r) => setTimeout(r, 50));
      const frames = Array.from(document.querySelectorAll('iframe'));
      return (window as unknown as Record<string, unknown>)[canary] ?? (frames.length > 0 ? `${frames.length} iframe(s) rendered` : undefined);
    },
    { events: TRIGGER_EVENTS, canary: CANARY },
  );
}

export function describeHostile(h: Harness): void {
  const inspector = new JSDOM('').window.document;

  describe('hostile pages', () => {
    it('keeps the extension pages CSP strict', () => {
      const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir(h.browser), 'manifest.json'), 'utf8')) as {
        content_security_policy?: { extension_pages?: string };
      };
      const csp = manifest.content_security_policy?.extension_pages ?? "script-src 'self'"; // MV3 default
      const scriptSrc = /script-src([^;]*)/.exec(csp)?.[1].trim().split(/\s+/) ?? [];
      expect(scriptSrc).toContain("'self'");
      expect(scriptSrc.filter((s) => s !== "'self'" && s !== "'wasm-unsafe-eval'"), `script-src of ${csp}`).toEqual([]);
      expect(csp).toMatch(/object-src 'none'/);
      expect(path.relative(repoRoot, extensionDir(h.browser))).toMatch(/^dist/);
    });

    for (const c of cases()) {
      describe(`${c.id} (${c.vectors.map((v) => v.id).join(', ')})`, () => {
        let page: Page;
        let popup: Page | undefined;
        const dialogs: string[] = [];

        beforeAll(async () => {
          h.server.html(c.url, pageWithVector(c.vectors.map((v) => v.html).join('\n'), c.placement));
          page = await h.session.context.newPage();
          // The page is hostile on purpose: its own scripts may run in the page; that is the site's
          // business. What matters is our content script and popup.
          page.on('dialog', (d) => void d.dismiss().catch(() => {}));
          const t0 = Date.now();
          await page.goto(c.url, { waitUntil: 'domcontentloaded' });
          const t1 = Date.now();
          // Any state will do (a swallowed page may be no article at all): the content script is up.
          await pollUntil(page, () => document.documentElement.dataset.sinaReader !== undefined, null, 10_000, 'content script state').catch(() => {});
          const t2 = Date.now();
          popup = await h.session.openPopup(page);
          if (process.env.E2E_DEBUG) console.log(c.id, 'goto', t1 - t0, 'state', t2 - t1, 'popup', Date.now() - t2);
          popup.on('dialog', (d) => {
            dialogs.push(d.message());
            void d.dismiss().catch(() => {});
          });
        });
        afterAll(async () => {
          await h.session.closePopup(popup);
          await closeQuietly(page);
        });

        it('popup renders an inert article and runs nothing', async () => {
          const state = await settledState(popup!);
          const swallows = c.vectors.some((v) => v.swallows);
          if (!swallows) expect(state, 'the article is still shown').toBe('article');
          else expect(['article', 'not-article'], `state ${state}`).toContain(state);
          const href = popup!.url();
          const parts = await renderedParts(popup!);
          const violations = Object.entries(parts).flatMap(([part, html]) =>
            inspectHtml(html, inspector)
              // The popup opens article links in a new tab on purpose, with rel="noopener noreferrer",
              // and its table of contents links to its own headings.
              .filter((v) => !/^(after re-parse: )?attribute <a target="_blank">$/.test(v))
              .filter((v) => !(part === 'toc' && /non-http URL <a href="#section-\d+">$/.test(v)))
              .map((v) => `#${part}: ${v}`),
          );
          expect(violations).toEqual([]);
          expect(await popup!.locator('#content a[target]:not([rel~="noopener"])').count(), 'links without rel=noopener').toBe(0);
          expect(await provokeAndReadCanary(popup!), `canary ${CANARY}`).toBeUndefined();
          expect(dialogs, 'alert/confirm/prompt in the popup').toEqual([]);
          expect(popup!.url(), 'the popup did not navigate').toBe(href);
        });

        if (c.placement === 'body' || c.placement === 'title') {
          it('Save as Markdown writes inert Markdown', async () => {
            const { text } = await h.session.saveMarkdown(popup!);
            fs.writeFileSync(outPath('markdown', h.browser, `hostile-${c.id}.md`), text);
            expect(markdownViolations(text)).toEqual([]);
          });
        }
      });
    }
  });
}
