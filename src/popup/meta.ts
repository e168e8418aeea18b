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

const BEIJING = 'Asia/Shanghai';

/**
 * "2019年9月9日 20:52" / "September 9, 2019 at 8:52 PM": in the reader's language, at the time the
 * page shows (Beijing time), whatever the browser's time zone. Where that zone differs from
 * Beijing's, the date says which zone it is in.
 */
export function localDate(iso: string, locale = navigator.language, zone = Intl.DateTimeFormat().resolvedOptions().timeZone): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const shown = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: BEIJING }).format(date);
  return offsetAt(date, zone) === offsetAt(date, BEIJING) ? shown : `${shown} ${i18n('metaBeijingTime')}`;
}

/** A zone's offset from UTC at `date`, in minutes. */
function offsetAt(date: Date, timeZone: string): number {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' })
      .formatToParts(date)
      .reduce<Record<string, number>>((acc, p) => (p.type === 'literal' ? acc : { ...acc, [p.type]: Number(p.value) }), {});
    return (Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute) - Math.floor(date.getTime() / 60000) * 60000) / 60000;
  } catch {
    return NaN;
  }
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
