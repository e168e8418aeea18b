/** What the content script sends the popup: the page without scripts and styles reads the same. */
import { describe, expect, it } from 'vitest';
import { readerHtml } from '../src/core/dom';
import { article, fixtures, parse } from './support/pages';

describe.each(fixtures())('reader HTML: $slug', ({ html, truth }) => {
  it('gives the same article as the whole page, from a smaller document', () => {
    const doc = parse(html, truth.url).window.document;
    const lean = readerHtml(doc);
    expect(lean.length).toBeLessThan(doc.documentElement.outerHTML.length);
    const scripts = parse(lean, truth.url).window.document.querySelectorAll('script:not([type*="json"]),style');
    expect(scripts.length).toBe(0);
    expect(article(lean, truth.url)).toEqual(article(html, truth.url));
  });
});

describe('reader HTML', () => {
  it('keeps JSON-LD and every element but scripts and styles, and leaves the page alone', () => {
    const page = '<html><head><style>p{}</style><script type="application/ld+json">{"headline":"标题"}</script><script>var x = "<p>no</p>";</script></head><body><p>正文<script>document.write(1)</script></p><noscript><img src="a.png"></noscript></body></html>';
    const doc = parse(page, 'https://finance.sina.com.cn/').window.document;
    const lean = readerHtml(doc);
    expect(lean).toContain('application/ld+json');
    expect(lean).toContain('<p>正文</p>');
    expect(lean).toContain('<noscript>');
    expect(lean).not.toContain('document.write');
    expect(lean).not.toContain('p{}');
    expect(doc.querySelectorAll('script,style').length).toBe(4);
  });
});
