// Issue 16 "one detection": the pipeline takes a detection it is handed (the content script's, for
// the copy the popup parses) instead of detecting again, and asks for the generic reader with a
// result value, not with null.
import { describe, expect, it } from 'vitest';
import { readGeneric } from '../src/core/generic';
import { runPipeline } from '../src/core/pipeline';
import { fixtures, parse } from './support/pages';

const seed = fixtures().find((f) => f.slug === 'finance-2021-rcep-standards')!;
const open = () => {
  const dom = parse(seed.html, seed.truth.url);
  return { doc: dom.window.document, opts: { window: dom.window as unknown as Window } };
};

describe('runPipeline (src/core/pipeline.ts)', () => {
  it('detects by itself when no detection is handed in', () => {
    const { doc, opts } = open();
    const r = runPipeline(doc, seed.truth.url, opts, undefined);
    expect(r.ok && r.article.template).toBe('desktop-2017');
  });

  it('follows the detection it is handed instead of detecting again', () => {
    const { doc, opts } = open();
    const generic = runPipeline(doc, seed.truth.url, { ...opts, detection: { kind: 'article', site: 'generic' } }, undefined);
    expect(generic).toEqual({ ok: false, error: 'needs-generic' });
    const read = runPipeline(doc, seed.truth.url, { ...opts, detection: { kind: 'article', site: 'generic' } }, readGeneric);
    expect(read.ok && read.article.template).toBe('generic');
    const refused = runPipeline(doc, seed.truth.url, { ...opts, detection: { kind: 'not-article', site: 'sina', reason: 'index-page' } }, readGeneric);
    expect(refused).toEqual({ ok: false, error: 'not-article' });
  });

  it('says "empty" when a handed-in template finds no body in this copy', () => {
    const { doc, opts } = open();
    const r = runPipeline(doc, seed.truth.url, { ...opts, detection: { kind: 'article', site: 'sina', template: 'bulletin' } }, undefined);
    expect(r).toEqual({ ok: false, error: 'empty' });
  });

  it('asks for the generic reader with `needs-generic` on a page no template fits', () => {
    const dom = parse('<html><body><article><p>这是一篇没有模板的新浪页面上的文章，正文足够长，足以被通用阅读器读出。</p></article></body></html>', 'https://blog.sina.com.cn/s/blog_1.html');
    expect(runPipeline(dom.window.document, 'https://blog.sina.com.cn/s/blog_1.html', { window: dom.window as unknown as Window }, undefined)).toEqual({
      ok: false,
      error: 'needs-generic',
    });
  });
});
