/** The metadata block under the headline. Each `[data-field]` holds only the value (tests read it). */
import type { Article } from '../core/types';
import { i18n } from '../platform/i18n';

function field(labelText: string, value: HTMLElement): HTMLElement {
  const wrap = document.createElement('span');
  wrap.className = 'field';
  const label = document.createElement('span');
  label.className = 'label';
  label.textContent = labelText;
  wrap.append(label, value);
  return wrap;
}

function text(name: string, value: string, tag = 'span'): HTMLElement {
  const el = document.createElement(tag);
  el.dataset.field = name;
  el.textContent = value;
  return el;
}

/** "2019年9月9日 20:52" / "September 9, 2019 at 8:52 PM": the reader's locale and time zone. */
export function localDate(iso: string, locale = navigator.language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

export function renderMeta(article: Article, locale?: string): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (article.source) out.push(field(i18n('metaSource'), text('source', article.source)));
  if (article.author) out.push(field(i18n('metaAuthor'), text('author', article.author)));
  if (article.published) {
    const time = text('published', localDate(article.published, locale), 'time');
    time.setAttribute('datetime', article.published);
    out.push(field(i18n('metaPublished'), time));
  }
  if (article.editor) out.push(field(i18n('metaEditor'), text('editor', article.editor)));
  if (article.readingMinutes > 0) {
    out.push(field(i18n('metaReadingTime'), text('reading-time', i18n('readingMinutes', String(article.readingMinutes)))));
  }
  if (article.tags.length) {
    const list = document.createElement('ul');
    list.className = 'tags';
    list.dataset.field = 'tags';
    for (const tag of article.tags) list.append(Object.assign(document.createElement('li'), { textContent: tag }));
    out.push(field(i18n('metaTags'), list));
  }
  const link = text('url', i18n('metaOriginal'), 'a') as HTMLAnchorElement;
  link.href = article.url;
  link.rel = 'noopener noreferrer';
  out.push(link);
  return out;
}
