/** The pipeline against the hand-checked truth of every fixture page (the scorer's measure, strictly). */
import { describe, expect, it } from 'vitest';
import { langOf } from '../src/core/metadata';
import { drift } from './support/drift';
import { article, extraPagesDir, fixtures, norm, parse } from './support/pages';

const minute = (iso: string | null) => (iso ? Math.floor(Date.parse(iso) / 60000) : null);
const imgKey = (u: string) => u.replace(/^(https?:)?\/\//, '').replace(/[?#].*$/, '');

describe.each([...fixtures(), ...fixtures(extraPagesDir)])('truth: $slug', ({ truth, html }) => {
  const a = article(html, truth.url);
  const text = norm(a.text);
  // Whitespace is typography: an ad table removed mid-word (2005 pages) leaves "500", truth "5 00".
  // Table rows come out as "cell | cell": the separators are layout too.
  const squeezed = text.replace(/[\s|]/g, '');

  it('keeps every paragraph, in reading order', () => {
    let at = 0;
    for (const p of truth.paragraphs) {
      const i = squeezed.indexOf(norm(p).replace(/[\s|]/g, ''), at);
      expect(i, `paragraph lost or out of order: ${p.slice(0, 40)}`).toBeGreaterThanOrEqual(0);
      at = i;
    }
  });
  it('leaves no noise', () => {
    for (const n of truth.noise) expect(text, `noise left: ${n}`).not.toContain(norm(n));
  });
  it('reads the metadata', () => {
    expect(a.title).toBe(norm(truth.title));
    expect(a.originalTitle).toBe(truth.original_title);
    expect(minute(a.published)).toBe(minute(truth.published));
    expect(a.published ?? '').toMatch(truth.published ? /\+08:00$/ : /^$/);
    expect(a.source).toBe(truth.source);
    expect(a.author).toBe(truth.author);
    expect(a.editor).toBe(truth.editor);
    expect(a.tags).toEqual(truth.tags);
    expect(a.lang, 'a Sina article is Chinese, said or unsaid').toMatch(/^zh(-|$)/i);
  });
  it('names the article by the id its URL spells, with or without the URL', () => {
    const fromUrl = /\/(?:doc|detail)-(i[a-z0-9]+)/.exec(truth.url)?.[1];
    if (!fromUrl) return;
    expect(a.docId).toBe(fromUrl);
    // A saved page read without its URL: the publishid meta (which drops the "i") gives the same id.
    if (/name="publishid"/.test(html)) expect(article(html, 'file:///saved/page.html').docId).toBe(fromUrl);
  });
  it('finds the images, absolute https', () => {
    expect(a.images.map(imgKey)).toEqual(truth.images.map(imgKey));
    for (const src of a.images) expect(src).toMatch(/^https:\/\//);
  });
});

describe('langOf', () => {
  const doc = (attr: string) => parse(`<html ${attr}><body><p>x</p></body></html>`, 'https://example.org/').window.document;
  it("takes the page's language tag, and nothing that is not one", () => {
    expect(langOf(doc('lang="en-GB"'), 'generic')).toBe('en-GB');
    expect(langOf(doc('lang="zh-Hans-CN"'), 'desktop-2017')).toBe('zh-Hans-CN');
    expect(langOf(doc(''), 'generic')).toBeNull();
    expect(langOf(doc('lang="x&quot;><script>"'), 'generic')).toBeNull();
  });
  it('a Sina template without lang is Chinese', () => {
    expect(langOf(doc(''), 'mobile')).toBe('zh-CN');
    expect(langOf(doc('lang="?"'), 'legacy')).toBe('zh-CN');
  });
});

/** Pages whose markup drifted from the template: the metadata still comes from what the page says. */
describe.each(fixtures().filter((f) => /property="article:author" content="[^"]/.test(f.html)))('fallbacks: $slug', ({ truth, html }) => {
  const edited = (edit: (doc: Document) => void) => {
    const dom = parse(html, truth.url);
    edit(dom.window.document);
    return article(dom.serialize(), truth.url);
  };
  const sourceSelectors = '.date-source .source, .date-source a, .time-source a, .time-source [data-sudaclick="media_name"], #media_name, .weibo_user';

  it('the source from article:author when the byline has no outlet element', () => {
    const a = edited((doc) => doc.querySelectorAll(sourceSelectors).forEach((el) => el.remove()));
    expect(a.source).toBe(truth.source);
  });

  it('the editor from an unmarked 责任编辑 line, and the line still leaves the text', () => {
    if (!truth.editor) return;
    const a = edited((doc) => {
      const footer = doc.querySelector('p.article-editor, p.show_author');
      footer?.replaceWith(Object.assign(doc.createElement('p'), { textContent: footer.textContent }));
    });
    expect(a.editor).toBe(truth.editor);
    expect(a.text).not.toMatch(/责任编辑/);
  });
});

it('article:author is not read as the outlet off Sina', () => {
  const html = '<html><head><meta property="article:author" content="Jane Doe"><title>T</title></head><body><article><h1>T</h1>'
    + '<p>A long enough paragraph of text for the generic reader to take this page as an article, and then some more words.</p>'.repeat(5)
    + '</article></body></html>';
  expect(article(html, 'https://example.org/post').source).toBeNull();
});

/**
 * Template drift: the same pages with every class and id our templates know renamed, as a Sina
 * redesign would. No template fits, so the generic reader (Readability, after Sina's noise rules)
 * and Sina's byline rules of every template must still find the article and its metadata.
 */
describe.each([...fixtures(), ...fixtures(extraPagesDir)])('template drift: $slug', ({ truth, html }) => {
  const drifted = drift(html);
  const a = article(drifted, truth.url);
  const text = norm(a.text);

  it('no template fits: the generic reader reads it', () => {
    expect(a.template).toBe('generic');
  });
  it('keeps every paragraph and leaves no noise', () => {
    const squeezed = text.replace(/[\s|]/g, '');
    for (const p of truth.paragraphs) expect(squeezed, `lost: ${p.slice(0, 40)}`).toContain(norm(p).replace(/[\s|]/g, ''));
    for (const n of truth.noise) expect(text, `noise left: ${n}`).not.toContain(norm(n));
  });
  it('reads title, date, source and editor', () => {
    expect(a.title).toBe(norm(truth.title));
    expect(minute(a.published)).toBe(minute(truth.published));
    expect(a.source).toBe(truth.source);
    expect(a.editor).toBe(truth.editor);
  });
});
