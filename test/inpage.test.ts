/** In-page cleaning on every fixture: no article word hidden, every noise string hidden, undoable. */
import { describe, expect, it } from 'vitest';
import { detect } from '../src/core/detect';
import { HIDDEN_ATTR, STATE_ATTR, cleanPage } from '../src/core/inpage';
import { fixtures, norm, parse } from './support/pages';

/** The text a reader sees: hidden elements (while cleaning is on) and scripts left out. */
function visibleText(doc: Document): string {
  const clone = doc.body.cloneNode(true) as HTMLElement;
  const cleaned = doc.documentElement.getAttribute(STATE_ATTR) === 'cleaned';
  clone.querySelectorAll(`script,style,noscript,template${cleaned ? `,[${HIDDEN_ATTR}]` : ''}`).forEach((e) => e.remove());
  return norm(clone.textContent);
}

describe.each(fixtures())('in-page: $slug', ({ html, truth }) => {
  const setup = () => {
    const dom = parse(html, truth.url);
    const doc = dom.window.document;
    return { dom, doc, cleaner: cleanPage(doc, detect(doc, truth.url)) };
  };

  it('hides noise and keeps every paragraph visible', () => {
    const { doc, cleaner } = setup();
    expect(cleaner.removed).toBeGreaterThan(0);
    const text = visibleText(doc);
    const squeezed = text.replace(/\s/g, '');
    for (const p of truth.paragraphs) expect(squeezed, `hidden: ${p.slice(0, 30)}`).toContain(norm(p).replace(/\s/g, ''));
    for (const n of truth.noise) expect(text, `still visible: ${n}`).not.toContain(norm(n));
    expect(text).toContain(norm(truth.title));
  });

  it('is idempotent, and undo/redo toggle the original page', () => {
    const { doc, cleaner } = setup();
    expect(cleaner.sweep()).toBe(0);
    cleaner.undo();
    expect(visibleText(doc)).toContain(norm(truth.noise[0]));
    cleaner.redo();
    expect(visibleText(doc)).not.toContain(norm(truth.noise[0]));
  });

  it('hides promos and iframes the site injects later', () => {
    const { doc, cleaner } = setup();
    const promo = doc.createElement('div');
    promo.className = 'appendQr_wrap';
    promo.textContent = '海量资讯、精准解读，尽在新浪财经APP';
    const frame = doc.createElement('iframe');
    const ad = doc.createElement('ins');
    ad.className = 'sinaads';
    const body = doc.querySelector('#artibody, #article, section.art_content, td.l17, .blkContainerSblkCon')!;
    body.append(promo, frame);
    doc.body.append(ad);
    expect(cleaner.sweep()).toBe(3);
    for (const el of [promo, frame, ad]) expect(el.hasAttribute(HIDDEN_ATTR)).toBe(true);
  });
});
