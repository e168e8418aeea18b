// Issue 3: on a page that is not Sina's the popup says so and offers the generic reader, never a
// blank view. Chromium only: Firefox can open the popup only through the content script's hook,
// and the content script runs on Sina hosts only.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../support/harness';
import { closeQuietly } from '../support/pages';
import { readPopup, settledState } from '../support/popup';

const url = 'https://www.example.com/news/2024/05/01/harbour-story.html';
const paragraphs = Array.from({ length: 8 }, (_, i) => `Paragraph ${i + 1} of a long story about the harbour, its ships and the people who work there every day of the year.`);
const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A harbour story</title></head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article><h1>A harbour story</h1><p class="byline">By Jane Doe</p>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article></main><footer>Copyright Example</footer></body></html>`;

export function describeNonSina(h: Harness): void {
  if (h.browser !== 'chromium') return;
  describe('a page that is not Sina', () => {
    let page: Page;
    let popup: Page | undefined;

    beforeAll(async () => {
      h.server.html(url, html);
      page = await h.session.context.newPage();
      await page.goto(url, { waitUntil: 'domcontentloaded' });
    });
    afterAll(async () => {
      await h.session.closePopup(popup);
      await closeQuietly(page);
    });

    it('is left alone by the content script', async () => {
      expect(await page.evaluate(() => document.documentElement.dataset.sinaReader)).toBeUndefined();
    });

    it('popup says it is not a Sina page and offers the generic reader', async () => {
      popup = await h.session.openPopup(page);
      const state = await settledState(popup);
      const reading = await readPopup(popup);
      expect(state, `popup state (message: "${reading.message}")`).toBe('not-sina');
      expect(reading.message, 'a message a person can act on').not.toBe('');
      expect(await popup.isVisible('#generic-reader')).toBe(true);
    });
  });
}
