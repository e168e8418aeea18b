/**
 * Issue 4: script never runs in our pages. Every XSS vector of test/hostile/vectors.ts, placed in
 * the body, title, caption, source, editor and tags of a Sina article page, goes through the core
 * pipeline; the article HTML it returns must be inert when the popup inserts it with innerHTML.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../src/core/sanitize';
import { findViolations, inspectHtml } from './hostile/inspect';
import { canaryFires, extractPage } from './hostile/jsdom';
import { defaultParts, pageWithVector, placements, vectors, type Placement } from './hostile/vectors';

const inspector = new JSDOM('').window.document;

describe('the hostile corpus', () => {
  it('holds at least 60 distinct vectors', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(60);
    expect(new Set(vectors.map((v) => v.id)).size).toBe(vectors.length);
  });

  // The harness must be able to see an attack, or its silence proves nothing.
  it.each(['img-onerror', 'p-onclick', 'a-javascript', 'a-javascript-entity-dec', 'details-ontoggle', 'svg-onload'])(
    'detects the unsanitized vector %s (positive control)',
    async (id) => {
      const raw = vectors.find((v) => v.id === id)!.html;
      expect(await canaryFires(raw, 2000)).toBe(true);
      expect(inspectHtml(raw, inspector)).not.toEqual([]);
    },
  );
});

/** The paragraph text that must survive whatever is placed around it. */
const survivors = (placement: Placement) =>
  placement === 'body' ? [defaultParts.paragraphs[0], defaultParts.paragraphs[2]] : defaultParts.paragraphs;

describe.each(placements)('a vector in the %s', (placement) => {
  it.each(vectors)('$id: extracted, inert, canary unset', async ({ html, swallows }) => {
    const result = extractPage(pageWithVector(html, placement));
    // A vector that swallows the rest of the page (the body with it) may leave no article: then
    // the answer is a clear refusal, never a crash.
    if (swallows && !result.ok) return expect(result.error).toMatch(/^(not-article|empty)$/);
    expect(result.ok, 'the article is still extracted').toBe(true);
    if (!result.ok) return;
    const { article } = result;
    if (!swallows) for (const p of survivors(placement)) expect(article.text).toContain(p);

    expect(inspectHtml(article.html, inspector)).toEqual([]);
    expect(await canaryFires(article.html)).toBe(false);
  });
});

describe('sanitizeHtml alone', () => {
  // The reader view renders only what the sanitizer returns: it must hold on raw vectors too,
  // in case a later step hands it markup the pipeline did not build.
  it.each(vectors)('$id', async ({ html }) => {
    const win = new JSDOM('').window as unknown as Window;
    const clean = sanitizeHtml(`<p>前文</p>${html}<p>后文</p>`, win);
    const holder = win.document.createElement('div');
    holder.innerHTML = clean;
    expect(findViolations(holder)).toEqual([]);
    expect(inspectHtml(clean, inspector)).toEqual([]);
    expect(await canaryFires(clean)).toBe(false);
  });
});
