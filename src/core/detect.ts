/** detect: is this a Sina article page, and which template? From URL, DOM and meta tags. */
import { articleUrlPatterns, indexUrlPattern, sinaHosts, templates, type TemplateRule } from '../sites/sina';
import { hasText, normalizeText } from './dom';
import { NativeQuery, type Query } from './query';
import type { Detection } from './types';

/** Below this many characters of body text a page is not an article. */
const MIN_BODY_CHARS = 20;

/**
 * A page's address: a string, or what already knows its parts (a URL, or the live page's
 * `location`, which spares the content script parsing its own address).
 */
export type PageUrl = string | { readonly href: string; readonly hostname: string };

export function isSinaUrl(url: PageUrl): boolean {
  if (typeof url !== 'string') return sinaHosts.test(url.hostname);
  try {
    return sinaHosts.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** The template whose markers all match; failing that, the first with any marker (a variant). */
export function matchTemplate(q: Query): TemplateRule | null {
  // Each question asked once and only when needed: on a live page every miss is a walk of the
  // whole document, and the common template answers from its first queries.
  const answers = new Map<string, boolean>();
  const has = (sel: string): boolean => {
    let v = answers.get(sel);
    if (v === undefined) answers.set(sel, (v = !!q.one(sel)));
    return v;
  };
  const hasBody = (t: TemplateRule) => t.body.some(has);
  return templates.find((t) => t.marker.every(has) && hasBody(t)) ?? templates.find((t) => t.marker.some(has) && hasBody(t)) ?? null;
}

export function detect(doc: Document, url: PageUrl, q: Query = new NativeQuery(doc)): Detection {
  return detectBody(doc, url, q).detection;
}

/** detect, and the article body it found (the content script cleans around it without a second search). */
export function detectBody(doc: Document, url: PageUrl, q: Query = new NativeQuery(doc)): { detection: Detection; body: Element | null } {
  const sina = isSinaPage(url, q);
  const template = sina ? matchTemplate(q) : null;
  if (template) {
    const body = findBody(q, template);
    if (!hasText(body?.textContent, MIN_BODY_CHARS) && !body?.querySelector('img')) {
      return { detection: { kind: 'not-article', site: 'sina', reason: 'empty' }, body: null };
    }
    return { detection: { kind: 'article', site: 'sina', template: template.id }, body };
  }
  return { detection: detectOther(doc, url, q, sina), body: null };
}

function detectOther(doc: Document, url: PageUrl, q: Query, sina: boolean): Detection {
  if (sina) {
    // A Sina page no template fits (a blog post, a report, a redesign): the generic reader reads
    // it, and the reader judges what it finds (readGeneric's result must look like an article).
    // Only a channel's front or list page is refused here, by its address.
    const urls = [typeof url === 'string' ? url : url.href, q.meta('og:url'), q.one('link[rel="canonical"]')?.getAttribute('href')];
    const articleUrl = urls.some((u) => !!u && articleUrlPatterns.some((re) => re.test(u)));
    const ogArticle = /^(news|article)$/i.test(q.meta('og:type') ?? '');
    if (articleUrl || ogArticle) return { kind: 'article', site: 'generic' };
    const address = urls.find((u) => !!u && /^https?:/i.test(u));
    if (!address || indexUrlPattern.test(address)) return { kind: 'not-article', site: 'sina', reason: 'index-page' };
    return { kind: 'article', site: 'generic' };
  }
  if (!doc.body || !hasText(doc.body.textContent, MIN_BODY_CHARS)) {
    return { kind: 'not-article', site: 'generic', reason: 'no-body' };
  }
  return { kind: 'article', site: 'generic' };
}

/** A Sina page by its URL, or (saved pages lose their URL) by what its meta tags name. */
export function isSinaPage(url: PageUrl, q: Query): boolean {
  return isSinaUrl(url) || looksLikeSinaPage(q);
}

function looksLikeSinaPage(q: Query): boolean {
  const hints = [q.meta('og:url'), q.meta('og:site_name'), q.one('link[rel="canonical"]')?.getAttribute('href')];
  return hints.some((h) => !!h && /sina\.(com\.cn|cn)|新浪/.test(h));
}

/** The template's body; where one body nests inside another (2005 tables), the inner one. */
export function findBody(q: Query, template: TemplateRule): Element | null {
  const outer = q.first(template.body);
  if (!outer) return null;
  let full = -1; // the outer text's length, measured only when an inner candidate asks
  let body: Element = outer;
  for (const sel of template.body) {
    if (!q.mayMatch(sel)) continue;
    for (const el of Array.from(body.querySelectorAll(sel))) {
      if (full < 0) full = normalizeText(outer.textContent).length;
      if (normalizeText(el.textContent).length >= full * 0.5) {
        body = el;
        break;
      }
    }
  }
  return body;
}
