/**
 * The article body. Only what the sanitizer returns is rendered: the core already sanitized
 * `article.html`, and it goes through the same sanitizer once more right before insertion.
 */
import { sanitizeHtml } from '../core/sanitize';

export function renderBody(html: string, target: HTMLElement): void {
  // A <template> is inert: images do not start loading before their referrer policy is set.
  const template = document.createElement('template');
  template.innerHTML = sanitizeHtml(html, window);
  for (const img of template.content.querySelectorAll('img')) {
    img.referrerPolicy = 'no-referrer';
    img.loading = 'lazy';
    img.decoding = 'async';
    if (!img.hasAttribute('alt')) img.alt = '';
  }
  for (const a of template.content.querySelectorAll('a[href]')) {
    a.setAttribute('target', '_blank');
    a.setAttribute('rel', 'noopener noreferrer');
  }
  target.replaceChildren(template.content);
}

/** A jump list when the article has sub-headings; hidden otherwise. */
export function renderToc(content: HTMLElement, toc: HTMLElement): void {
  const list = toc.querySelector('ol');
  if (!list) return;
  const headings = [...content.querySelectorAll<HTMLElement>('h2, h3')];
  list.replaceChildren();
  headings.forEach((h, i) => {
    h.id ||= `section-${i + 1}`;
    const item = document.createElement('li');
    item.className = `level-${h.tagName.slice(1)}`;
    const link = document.createElement('a');
    link.href = `#${h.id}`;
    link.textContent = h.textContent?.trim() ?? '';
    item.append(link);
    list.append(item);
  });
  toc.hidden = headings.length < 2;
}
