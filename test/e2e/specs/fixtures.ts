// Issue 3 over every fixture: the cleaned page keeps every truth paragraph visible and shows no
// noise; the popup shows truth's title and metadata and the whole body; Save as Markdown writes
// front matter that parses back and the golden body.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Fixture, Truth } from '../support/fixtures';
import { outPath, screenshot, showcase, type Harness } from '../support/harness';
import { cleanState, closeQuietly, pollUntil, visibleText, waitForCleanState } from '../support/pages';
import { measures, NEW_TAB_PASS, recordFirstPass, recordPerf, recordPopupMarks } from '../support/perf';
import { readPopup, settledState, type PopupReading } from '../support/popup';
import { missingParagraphs, normalize, sameMinute, splitFrontMatter, visibleNoise } from '../support/text';
import { HIDE_SELECTOR } from '../../../src/core/inpage';

/** What the popup shows for a field, compared with truth (null = shown nowhere). */
function expectField(reading: PopupReading, field: 'source' | 'author' | 'editor', want: string | null): void {
  const got = reading.fields[field];
  if (want === null) expect(got.shown, `${field} should not be shown (truth is null), popup shows "${got.text}"`).toBe(false);
  else expect(normalize(got.text), `popup ${field}`).toBe(normalize(want));
}

/** Front matter keys the presets write, checked against truth wherever the preset has them. */
export function expectFrontMatter(data: Record<string, unknown>, truth: Truth, pageUrl: string): void {
  expect(data.title, 'front matter title').toBe(truth.title);
  const asTime = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));
  for (const key of ['published', 'date']) {
    if (key in data && truth.published) {
      expect(sameMinute(asTime(data[key]), truth.published), `front matter ${key} ${asTime(data[key])} vs ${truth.published}`).toBe(true);
    }
  }
  if ('published' in data && !truth.published) expect(data.published ?? null).toBeNull();
  if ('source' in data) expect(data.source ?? null, 'front matter source').toBe(truth.source);
  if ('editor' in data) expect(data.editor ?? null, 'front matter editor').toBe(truth.editor);
  if ('author' in data && truth.author) {
    const a = data.author;
    expect(Array.isArray(a) ? a.map(String) : [String(a)], 'front matter author').toContain(truth.author);
  }
  if ('tags' in data) expect(data.tags ?? [], 'front matter tags').toEqual(truth.tags);
  if ('url' in data) expect(String(data.url).replace(/^https?:/, ''), 'front matter url').toBe(pageUrl.replace(/^https?:/, ''));
  expect('published' in data || 'date' in data, 'front matter has a date (published or date)').toBe(true);
}

export function describeFixtures(h: Harness): void {
  it('has fixtures to test', () => {
    expect(h.fixtures.length).toBeGreaterThan(0);
  });
  for (const f of h.fixtures) describeFixture(h, f);
}

function describeFixture(h: Harness, f: Fixture): void {
  describe(f.slug, () => {
    let page: Page;
    let popup: Page | undefined;
    let reading: PopupReading | undefined;

    beforeAll(async () => {
      page = await h.session.context.newPage();
      await page.goto(f.truth.url, { waitUntil: 'domcontentloaded' });
      await waitForCleanState(page, 'cleaned').catch(() => {});
    });

    afterAll(async () => {
      await h.session.closePopup(popup);
      await closeQuietly(page);
    });

    it('is cleaned in place', async () => {
      expect(await cleanState(page), 'document.documentElement.dataset.sinaReader').toBe('cleaned');
      await recordFirstPass(h.browser, page, f.slug, NEW_TAB_PASS);
      await screenshot(page, h.browser, `${f.slug}-page`);
    });

    it('keeps every truth paragraph visible on the cleaned page', async () => {
      const missing = missingParagraphs(f.truth.paragraphs, await visibleText(page));
      expect(missing, `${missing.length} of ${f.truth.paragraphs.length} paragraphs not visible`).toEqual([]);
    });

    it('shows no noise string on the cleaned page', async () => {
      expect(visibleNoise(f.truth.noise, await visibleText(page))).toEqual([]);
    });

    it('popup shows the title and metadata of truth.json', async () => {
      popup = await h.session.openPopup(page);
      const state = await settledState(popup);
      reading = await readPopup(popup);
      await recordPopupMarks(h.browser, popup, f.slug);
      // The page's side of the popup's question, and the badge count the content script made when idle.
      recordPerf(h.browser, f.slug, 'content-get-page-ms', (await measures(page, 'sina-reader:get-page')).slice(0, 1));
      recordPerf(h.browser, f.slug, 'content-count-ms', (await measures(page, 'sina-reader:count')).slice(0, 1));
      await screenshot(popup, h.browser, `${f.slug}-popup`);
      expect(state, `popup state (message: "${reading.message}")`).toBe('article');
      expect(reading.title).toBe(normalize(f.truth.title));
      expect(await popup.locator('#content').getAttribute('lang'), 'the body keeps the article language').toMatch(/^zh(-|$)/i);
      expectField(reading, 'source', f.truth.source);
      expectField(reading, 'author', f.truth.author);
      expectField(reading, 'editor', f.truth.editor);
      const published = reading.fields.published;
      if (f.truth.published) {
        expect(published.value, 'published <time datetime>').not.toBeNull();
        expect(sameMinute(published.value ?? '', f.truth.published), `published ${published.value} vs ${f.truth.published}`).toBe(true);
      } else {
        expect(published.shown, 'published shown although truth has none').toBe(false);
      }
      const tags = reading.fields.tags;
      if (f.truth.tags.length === 0) expect(tags.shown, 'tags shown although truth has none').toBe(false);
      else expect(tags.items.length > 0 ? tags.items.map(normalize) : [tags.text], 'popup tags').toEqual(
        tags.items.length > 0 ? f.truth.tags.map(normalize) : [normalize(f.truth.tags.join(' '))],
      );
      expect(reading.fields.url.value?.replace(/^https?:/, ''), 'link to the original').toBe(page.url().replace(/^https?:/, ''));
    });


    it('toolbar badge counts what the cleaned page hides', async () => {
      expect(popup, 'popup opened by the test before').toBeDefined();
      // Counted by the content script when the page is idle, so polled.
      const want = await page.evaluate((sel) => document.querySelectorAll(sel).length, HIDE_SELECTOR);
      expect(want, 'elements hidden by the stylesheet').toBeGreaterThan(0);
      const badge = () =>
        popup!.evaluate(() => {
          type Action = { action: { getBadgeText(d: { tabId: number }): Promise<string> } };
          const g = globalThis as unknown as { browser?: Action; chrome: Action };
          return (g.browser ?? g.chrome).action.getBadgeText({ tabId: Number(new URLSearchParams(location.search).get('tabId')) });
        });
      let text = await badge();
      for (let i = 0; i < 50 && text !== String(want); i++) {
        await new Promise((r) => setTimeout(r, 100));
        text = await badge();
      }
      expect(text).toBe(String(want));
    });
    it('popup body holds every truth paragraph', async () => {
      expect(reading, 'popup was read').toBeDefined();
      const missing = missingParagraphs(f.truth.paragraphs, reading!.contentText);
      expect(missing, `${missing.length} of ${f.truth.paragraphs.length} paragraphs missing from #content`).toEqual([]);
    });

    let saved: string | undefined;

    it('Save as Markdown writes front matter that parses back, and the golden body', async () => {
      expect(popup, 'popup was opened').toBeDefined();
      const { fileName, text } = await h.session.saveMarkdown(popup!);
      saved = text;
      fs.writeFileSync(outPath('markdown', h.browser, `${f.slug}.md`), text);
      expect(fileName).toMatch(/\.md$/);
      const { yaml, body } = splitFrontMatter(text);
      expect(yaml, 'the saved file starts with YAML front matter').not.toBeNull();
      const data = parseYaml(yaml!) as Record<string, unknown>;
      expectFrontMatter(data, f.truth, page.url());
      if (f.expectedMd === null) {
        console.warn(`[e2e] ${f.slug}: no golden test/fixtures/${f.slug}/expected.md yet; Markdown body not compared`);
      } else {
        expect(body.trim()).toBe(splitFrontMatter(f.expectedMd).body.trim());
      }
    });

    // What the popup hands the clipboard is recorded by wrapping navigator.clipboard.writeText
    // (an extension page cannot be granted clipboard-read to check the real clipboard).
    if (f.slug === showcase) {
      it('Copy Markdown copies the saved Markdown', async () => {
        expect(saved, 'Markdown was saved first').toBeDefined();
        await popup!.evaluate(() => {
          const w = window as unknown as { __copied?: string };
          const real = navigator.clipboard.writeText.bind(navigator.clipboard);
          navigator.clipboard.writeText = (text: string) => {
            w.__copied = text;
            return real(text);
          };
        });
        await popup!.click('#copy-md');
        await pollUntil(popup!, () => typeof (window as unknown as { __copied?: string }).__copied === 'string', null, 10_000, 'text handed to the clipboard');
        const copied = await popup!.evaluate(() => (window as unknown as { __copied: string }).__copied);
        expect(splitFrontMatter(copied).body.trim(), 'copied body').toBe(splitFrontMatter(saved!).body.trim());
        expect(parseYaml(splitFrontMatter(copied).yaml ?? '') as Record<string, unknown>).toMatchObject({ title: f.truth.title });
      });
    }
  });
}
