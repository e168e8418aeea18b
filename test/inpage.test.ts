/** In-page cleaning on every fixture: no article word hidden, every noise string hidden, undoable. */
import { describe, expect, it } from 'vitest';
import { detect, detectBody, isSinaUrl } from '../src/core/detect';
import { anyOf, hasText } from '../src/core/dom';
import fs from 'node:fs';
import path from 'node:path';
import { HIDDEN_PARTS, HIDE_RULE, STATE_ATTR, cleanPage } from '../src/core/inpage';
import { fixtures, norm, parse } from './support/pages';

/**
 * What the hiding rule hides now: its selectors (HIDE_RULE puts `html[state=cleaned]` before each),
 * answered by the DOM. jsdom's matcher is slow on 40 descendant selectors over a whole page, so
 * those that start from the article body are asked of the body.
 */
function hiddenNow(doc: Document): Element[] {
  if (doc.documentElement.getAttribute(STATE_ATTR) !== 'cleaned') return [];
  const scope = '[data-sina-reader-keep="body"] ';
  const inBody = HIDDEN_PARTS.filter((p) => p.startsWith(scope)).map((p) => p.slice(scope.length));
  const found = new Set(doc.querySelectorAll(HIDDEN_PARTS.filter((p) => !p.startsWith(scope)).join(',')));
  for (const body of doc.querySelectorAll(scope.trim())) for (const el of body.querySelectorAll(inBody.join(','))) found.add(el);
  return Array.from(found);
}

/** The text a reader sees: what the hiding rule hides (while cleaning is on) and scripts left out. */
function visibleText(doc: Document): string {
  const clone = doc.documentElement.cloneNode(true) as HTMLElement;
  const hidden = new Set(hiddenNow(doc));
  // Same walk in both trees: the clone's twin of every hidden element goes.
  const all = Array.from(doc.documentElement.querySelectorAll('*'));
  const twins = Array.from(clone.querySelectorAll('*'));
  all.forEach((el, i) => hidden.has(el) && twins[i].remove());
  clone.querySelectorAll('script,style,noscript,template,head').forEach((e) => e.remove());
  return norm(clone.textContent);
}

// Whole pages through jsdom's selector matcher, several times per test: slow on a busy machine.
describe.each(fixtures())('in-page: $slug', { timeout: 30_000 }, ({ html, truth }) => {
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

  it('hides the same elements when it starts from the body detection found', () => {
    const hidden = (doc: Document) => hiddenNow(doc).map((el) => el.outerHTML.slice(0, 80));
    const { doc } = setup();
    const other = parse(html, truth.url).window.document;
    // As the content script asks: with the page's parsed address (its `location`), not a string.
    const found = detectBody(other, new URL(truth.url));
    expect(found.detection).toEqual(detect(doc, truth.url));
    expect(found.body, 'detectBody returns the body').not.toBeNull();
    cleanPage(other, found.detection, { body: found.body });
    expect(hidden(other)).toEqual(hidden(doc));
  });

  it('is idempotent, and undo/redo toggle the original page', () => {
    const { doc, cleaner } = setup();
    const before = hiddenNow(doc).length;
    expect(cleaner.sweep()).toBe(0);
    expect(hiddenNow(doc).length).toBe(before);
    expect(cleaner.removed).toBe(before);
    cleaner.undo();
    expect(hiddenNow(doc)).toEqual([]);
    expect(visibleText(doc)).toContain(norm(truth.noise[0]));
    cleaner.redo();
    expect(visibleText(doc)).not.toContain(norm(truth.noise[0]));
  });

  it('hides promos and iframes the site injects later', () => {
    const { doc, cleaner } = setup();
    const before = cleaner.removed;
    const promo = doc.createElement('div');
    promo.className = 'appendQr_wrap';
    promo.textContent = '海量资讯、精准解读，尽在新浪财经APP';
    const frame = doc.createElement('iframe');
    const ad = doc.createElement('ins');
    ad.className = 'sinaads';
    const body = doc.querySelector('#artibody, #article, section.art_content, td.l17, .blkContainerSblkCon')!;
    body.append(promo, frame);
    doc.body.append(ad);
    // In the body the pass marks them; beside the article (the ad) the rule alone hides them.
    expect(cleaner.sweep()).toBeLessThanOrEqual(2);
    const hidden = new Set(hiddenNow(doc));
    for (const el of [promo, frame, ad]) expect(hidden.has(el), el.outerHTML).toBe(true);
    expect(cleaner.removed).toBe(before + 3);
  });
});

// The extension hides through its content-script stylesheet, the core (jsdom, tests) through a
// <style> of its own: the two must hold the same rule, and the manifest must declare the sheet.
describe('the hiding rule', () => {
  const root = path.resolve(__dirname, '..');
  it('is the same in the built content.css as in the core', () => {
    for (const target of ['chrome', 'firefox', 'e2e/chrome', 'e2e/firefox']) {
      const file = path.join(root, 'dist', target, 'content.css');
      expect(fs.existsSync(file), `${file} (written by the build in test/support/build.ts)`).toBe(true);
      const css = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').trim();
      expect(css, target).toBe(HIDE_RULE);
    }
  });
  it('is declared with the content script', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'manifest.json'), 'utf8'));
    expect(manifest.content_scripts[0].css).toEqual(['content.css']);
  });
  it('is left out of the page when the caller brings its own', () => {
    const dom = parse('<html><head></head><body><h1 class="main-title">标题</h1><div id="artibody"><p>一段足够长的正文文字，超过二十个字符以便被识别。</p></div></body></html>', 'https://finance.sina.com.cn/roll/2024-05-01/doc-ihostile0001.shtml');
    const doc = dom.window.document;
    cleanPage(doc, detect(doc, 'https://finance.sina.com.cn/roll/2024-05-01/doc-ihostile0001.shtml'), { style: false });
    expect(doc.querySelector('style')).toBeNull();
    expect(doc.documentElement.getAttribute(STATE_ATTR)).toBe('cleaned');
  });
});

describe('anyOf', () => {
  it('matches where any pattern does, and nowhere else', () => {
    const any = anyOf([/^责任编辑[:：]/, /^a|b$/, /x{2}/]);
    for (const t of ['责任编辑：张三', 'abc', 'cb', 'axxe']) expect(any(t), t).toBe(true);
    for (const t of ['编辑：张三', 'cbc', 'x']) expect(any(t), t).toBe(false);
    expect(anyOf([])('')).toBe(false);
  });

  it("keeps each pattern's own flags (issue 13)", () => {
    const any = anyOf([/^app$/i, /^\p{Script=Han}{2}$/u, /^b$/]);
    for (const t of ['APP', '新浪', 'b']) expect(any(t), t).toBe(true);
    for (const t of ['B', 'pp', '新']) expect(any(t), t).toBe(false);
  });
});

describe('in-page cleaning at the edges', () => {
  const url = 'https://finance.sina.com.cn/roll/2024-05-01/doc-ihostile0001.shtml';
  const text = '一段足够长的正文文字，超过二十个字符以便被识别。';
  it('hides the noise in a body that is <body> itself, and nothing above it', () => {
    const dom = parse(`<html><head></head><body id="artibody" class="x"><h1 class="main-title">标题</h1><div class="date-source">2024年05月01日</div><p>${text}</p><div class="appendQr_wrap">扫码下载</div></body></html>`, url);
    const doc = dom.window.document;
    cleanPage(doc, detect(doc, url));
    expect(doc.body.getAttribute('data-sina-reader-keep')).toBe('body');
    expect(doc.documentElement.hasAttribute('data-sina-reader-path')).toBe(false);
    expect(hiddenNow(doc).map((el) => el.className)).toEqual(['appendQr_wrap']);
  });
  it('moves its marks when the site replaces the article, and hides what it adds beside it', () => {
    const dom = parse(`<html><head></head><body><div class="nav">导航</div><div class="main"><h1 class="main-title">标题</h1><div class="date-source">2024年05月01日</div><div id="artibody"><p>${text}</p></div></div><div class="side">侧栏</div></body></html>`, url);
    const doc = dom.window.document;
    const cleaner = cleanPage(doc, detect(doc, url));
    expect(hiddenNow(doc).map((el) => el.className).sort()).toEqual(['nav', 'side']);
    const wrap = doc.createElement('section');
    wrap.innerHTML = `<div id="artibody"><p>${text}</p><p>责任编辑：张三</p></div>`;
    doc.querySelector('.main')!.replaceWith(wrap);
    doc.body.append(Object.assign(doc.createElement('div'), { className: 'late-ad' }));
    expect(cleaner.sweep()).toBe(1); // the editor line
    const hidden = hiddenNow(doc);
    expect(hidden.map((el) => el.className || el.textContent).sort()).toEqual(['late-ad', 'nav', 'side', '责任编辑：张三']);
    expect(doc.querySelectorAll('[data-sina-reader-path]').length).toBe(2); // <body> and the section
    expect(cleaner.removed).toBe(4);
  });
});

describe('detect helpers', () => {
  it('hasText counts characters as normalizeText leaves them', () => {
    expect(hasText(null, 1)).toBe(false);
    expect(hasText('', 0)).toBe(true);
    expect(hasText(' \u3000\n\u00a0 ', 1)).toBe(false);
    expect(hasText('  abc  ', 3)).toBe(true);
    expect(hasText('  abc  ', 4)).toBe(false);
    // Collapsed spaces between words count, as in normalizeText: "a b c" is 5 characters.
    expect(hasText('a \n\n b \u3000 c', 5)).toBe(true);
    expect(hasText('a \n\n b \u3000 c', 6)).toBe(false);
    expect(hasText(`${' '.repeat(1000)}${'字'.repeat(20)}`, 20)).toBe(true);
  });

  it('isSinaUrl takes a string or a parsed address', () => {
    expect(isSinaUrl('https://finance.sina.com.cn/a.shtml')).toBe(true);
    expect(isSinaUrl(new URL('https://finance.sina.cn/a.d.html'))).toBe(true);
    expect(isSinaUrl({ href: 'https://sina.com.cn.evil.example/', hostname: 'sina.com.cn.evil.example' })).toBe(false);
    expect(isSinaUrl('not a url')).toBe(false);
  });
});
