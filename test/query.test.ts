// Issue 16: the indexed query (jsdom, the command line) and the native one (browsers) must give the
// same answer for every selector, including commas inside attribute values, :is() and :not().
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { DocQuery, NativeQuery, maskSelector, splitSelectorList } from '../src/core/query';
import { noiseSelectors, templates } from '../src/sites/sina';
import { extraPagesDir, fixtures, parse } from './support/pages';

const PAGE = `<!doctype html><html><head><meta name="keywords" content="A股"><meta property="og:title" content="标题"></head><body>
<div class="foo"><span title="a, .bar">x</span><span title="b">y</span></div>
<p class="bar">bar</p><p class="baz qux" id="p3">baz</p>
<div id="artibody"><p>one</p><p class="ct_hqimg">two</p><a href="https://a.b/?x=1,2">link</a></div>
<ul class="list"><li data-x=")">l1</li><li data-x="]">l2</li><li class="a,b">escaped</li></ul>
</body></html>`;

const SELECTORS = [
  '.foo [title="a, .bar"]',
  '.foo [title="a, .bar"], .bar',
  "[title='a, .bar']",
  ':is(.bar, .baz)',
  'p:not(.bar, .baz)',
  'p:not(.bar), #p3',
  '#artibody a[href*="1,2"]',
  'li[data-x=")"], li[data-x="]"]',
  '.a\\,b',
  '.baz.qux, .nope',
  'div > span + span',
  '.nope, .also-nope',
  'meta[name="keywords"]',
];

const names = (els: Element[]) => els.map((e) => e.outerHTML);

describe('src/core/query.ts: indexed and native answers agree', () => {
  const doc = new JSDOM(PAGE).window.document;
  for (const sel of SELECTORS) {
    it(sel, () => {
      const native = names(new NativeQuery(doc).all(sel));
      expect(names(new DocQuery(doc).all(sel))).toEqual(native);
      expect(native.length + (sel.includes('nope, .also') ? 1 : 0)).toBeGreaterThan(0);
    });
  }

  const selectors = [...noiseSelectors, ...Object.values(templates).flatMap((t) => [...t.title, ...t.body])];
  for (const page of [...fixtures(), ...fixtures(extraPagesDir)]) {
    it(`${page.slug}: every template and noise selector`, { timeout: 60_000 }, () => {
      const d = parse(page.html, page.truth.url).window.document;
      const indexed = new DocQuery(d);
      const native = new NativeQuery(d);
      for (const sel of selectors) expect(indexed.all(sel), sel).toEqual(native.all(sel));
    });
  }

  it('splits a list on top-level commas only', () => {
    expect(splitSelectorList('.a [t="x, y"], :is(.b, .c), .d')).toEqual(['.a [t="x, y"]', ' :is(.b, .c)', ' .d']);
    expect(maskSelector('a[t="]"] b')).toBe('a[_____] b');
  });

  it('reads meta tags the same way', () => {
    expect(new DocQuery(doc).meta('og:title')).toBe('标题');
    expect(new NativeQuery(doc).meta('keywords')).toBe('A股');
  });
});
