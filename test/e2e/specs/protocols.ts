// The content script works on both schemes: each fixture is served over http and https, and one
// page of each kind is opened on the scheme its truth.json does not use.
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { Fixture } from '../support/fixtures';
import type { Harness } from '../support/harness';
import { cleanState, closeQuietly, visibleText, waitForCleanState } from '../support/pages';
import { missingParagraphs, visibleNoise } from '../support/text';

const otherScheme = (url: string) => (url.startsWith('https:') ? url.replace(/^https:/, 'http:') : url.replace(/^http:/, 'https:'));

export function describeProtocols(h: Harness): void {
  const picks = (): Fixture[] => {
    const http = h.fixtures.find((f) => f.truth.url.startsWith('http:'));
    const https = h.fixtures.find((f) => f.truth.url.startsWith('https:'));
    return [http, https].filter((f): f is Fixture => f !== undefined);
  };

  describe('the other scheme', () => {
    const pages: Page[] = [];
    afterAll(async () => {
      for (const p of pages) await closeQuietly(p);
    });

    it('cleans a fixture opened over the scheme its truth does not use', async () => {
      expect(picks().length, 'fixtures on http and on https').toBe(2);
      for (const f of picks()) {
        const page = await h.session.context.newPage();
        pages.push(page);
        await page.goto(otherScheme(f.truth.url), { waitUntil: 'domcontentloaded' });
        await waitForCleanState(page, 'cleaned').catch(() => {});
        expect(await cleanState(page), `${otherScheme(f.truth.url)} cleaned`).toBe('cleaned');
        const text = await visibleText(page);
        expect(missingParagraphs(f.truth.paragraphs, text), f.slug).toEqual([]);
        expect(visibleNoise(f.truth.noise, text), f.slug).toEqual([]);
      }
    });
  });
}
