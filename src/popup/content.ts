/**
 * The article body. Only what the sanitizer returns is rendered: the core already sanitized
 * `article.html`, and it goes through the same sanitizer once more right before insertion.
 */
import { sanitizeHtml } from '../core/sanitize';
import { i18n } from '../platform/i18n';
import { imageSizeInUrl } from '../sites/sina';

/** Longer jump lists start folded: they would push the article off the first screen. */
const OPEN_TOC_MAX = 6;

export function renderBody(html: string, target: HTMLElement): void {
  // A parsed document has no browsing context: images do not load before their referrer policy is set.
  const parsed = new DOMParser().parseFromString(sanitizeHtml(html, window), 'text/html').body;
  for (const img of parsed.querySelectorAll('img')) {
    img.referrerPolicy = 'no-referrer';
    img.loading = 'lazy';
    img.decoding = 'async';
    if (!img.hasAttribute('alt')) img.alt = '';
    // The size the image host names: the space is kept before the image loads (no jump).
    const size = imageSizeInUrl.exec(img.getAttribute('src') ?? '');
    if (size && !img.hasAttribute('width') && !img.hasAttribute('height')) {
      img.width = Number(size[1]);
      img.height = Number(size[2]);
    }
  }
  // Page ids and names could clobber the reader's own elements (#toast, #app…): the article needs none.
  for (const el of parsed.querySelectorAll('[id], [name]')) {
    el.removeAttribute('id');
    el.removeAttribute('name');
  }
  // No target attribute: links.ts opens them in a new tab, so the reader never navigates away.
  for (const a of parsed.querySelectorAll('a[href]')) a.setAttribute('rel', 'noopener noreferrer');
  // Copy the live NodeList first: moving nodes out of it while iterating would skip every other one.
  target.replaceChildren(...[...parsed.childNodes]);
}

/** A jump list when the article has sub-headings; hidden otherwise. */
export function renderToc(content: HTMLElement, toc: HTMLElement): void {
  const list = toc.querySelector('ol');
  if (!list) return;
  const headings = [...content.querySelectorAll<HTMLElement>('h2, h3')];
  list.replaceChildren();
  headings.forEach((h, i) => {
    h.id = `reader-section-${i + 1}`;
    h.tabIndex = -1; // focusable by the jump list, not in the tab order
    const item = document.createElement('li');
    item.className = `level-${h.tagName.slice(1)}`;
    // No href: the reader renders no URL that is not the article's own http(s) links (links.ts jumps).
    const link = document.createElement('a');
    link.tabIndex = 0;
    link.setAttribute('role', 'link');
    link.dataset.section = h.id;
    link.textContent = h.textContent?.trim() ?? '';
    item.append(link);
    list.append(item);
  });
  toc.hidden = headings.length < 2;
  const details = toc.querySelector('details');
  if (details) details.open = headings.length <= OPEN_TOC_MAX;
  const summary = toc.querySelector('summary');
  if (summary) summary.textContent = i18n('tocCount', String(headings.length));
}
