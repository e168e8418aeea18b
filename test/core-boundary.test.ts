/** The core never touches the browser, and extraction never mutates the page it reads. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../src/core/extract-article';
import { nativeQuery } from '../src/core/query';
import { extract, extraPagesDir, fixtures, parse } from './support/pages';

const coreDir = path.resolve(__dirname, '..', 'src', 'core');

describe('core boundary', () => {
  it('runs under plain Node: no window, chrome or browser globals', () => {
    const g = globalThis as Record<string, unknown>;
    expect(g.window).toBeUndefined();
    expect(g.chrome).toBeUndefined();
    expect(g.browser).toBeUndefined();
  });
  it.each(fs.readdirSync(coreDir))('src/core/%s imports no browser API', (file) => {
    const src = fs.readFileSync(path.join(coreDir, file), 'utf8');
    expect(src).not.toMatch(/webextension-polyfill|\bchrome\.|\bbrowser\.(runtime|tabs|storage|downloads)/);
  });
});

describe.each(fixtures())('no mutation: $slug', ({ html, truth }) => {
  it('leaves the document exactly as it was', () => {
    const dom = parse(html, truth.url);
    const before = dom.window.document.documentElement.outerHTML;
    const r = extractArticle(dom.window.document, truth.url, { window: dom.window as unknown as Window });
    expect(r.ok).toBe(true);
    expect(dom.window.document.documentElement.outerHTML).toBe(before);
  });
});

// Browsers answer selectors natively (content script, popup), the command line with an index:
// both must read every page to the very same article.
describe.each([...fixtures(), ...fixtures(extraPagesDir)])('native and indexed queries agree: $slug', ({ html, truth }) => {
  it('gives the same article', () => {
    const indexed = extract(html, truth.url);
    const native = extract(html, truth.url, { query: nativeQuery });
    expect(native).toEqual(indexed);
    expect(indexed.ok).toBe(true);
  });
});
