/** metadata: title, date, source, author, editor, tags, categories, lead image, canonical URL, doc id. */
import { companyTitle, editorCode, nonContentImages, siteWords, templateLabels, templates, titleExtras, titleSuffix, type LabelRule, type TemplateRule } from '../sites/sina';
import { absoluteUrl, normalizeText } from './dom';
import { NativeQuery, type Query } from './query';
import { isSinaPage } from './detect';
import type { TemplateId } from './types';

export interface Metadata {
  url: string;
  title: string;
  published: string | null;
  source: string | null;
  author: string | null;
  editor: string | null;
  tags: string[];
  categories: string[];
  leadImage: string | null;
  docId: string | null;
  /** The language the article is written in (BCP 47), for rendering and screen readers. */
  lang: string | null;
}

const pad = (n: number | string) => String(n).padStart(2, '0');

/** Beijing time, ISO 8601 with +08:00, to the second. */
export function toIso(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): string | null {
  if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}+08:00`;
}

const DATE_RE = /(\d{4})\s*(?:年|-|\/|\.)\s*(\d{1,2})\s*(?:月|-|\/|\.)\s*(\d{1,2})\s*日?(?:\s*T?\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?/;

/** Parses 年月日 forms ("2019年09月09日 20:52"), dotted forms and ISO strings, as Beijing time. */
export function parseDate(text: string | null | undefined): string | null {
  if (!text) return null;
  const iso = /(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})/.exec(text);
  if (iso) {
    const t = Date.parse(`${iso[1]}T${iso[2]}${iso[3]}`);
    if (!Number.isNaN(t)) return beijing(new Date(t));
  }
  const m = DATE_RE.exec(text);
  if (!m) return null;
  return toIso(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
}

function beijing(d: Date): string | null {
  const b = new Date(d.getTime() + 8 * 3600_000);
  return toIso(b.getUTCFullYear(), b.getUTCMonth() + 1, b.getUTCDate(), b.getUTCHours(), b.getUTCMinutes(), b.getUTCSeconds());
}

export function cleanTitle(raw: string | null | undefined): string {
  // Private-use code points are GBK user-defined glyphs on old pages: no text, a box on screen.
  const title = normalizeText(raw).replace(/\p{Co}/gu, '');
  const company = companyTitle.exec(title);
  return (company ? company[1] : title).replace(titleSuffix, '').replace(titleExtras, '').trim();
}

export function cleanEditor(raw: string | null | undefined): string | null {
  const name = normalizeText(raw)
    .replace(/^.*?(责任编辑|编辑)\s*[:：]\s*/, '')
    .replace(editorCode, '')
    .trim();
  return name || null;
}

function cleanSource(raw: string | null, date: string | null): string | null {
  let s = normalizeText(raw);
  if (!s) return null;
  // "2016年05月25日10:10 新浪财经": the 2016 template puts date and outlet in one span.
  const m = DATE_RE.exec(s);
  if (m) s = s.replace(m[0], '').trim();
  s = s.replace(/^(来源|来自|稿源)\s*[:：]\s*/, '').replace(followButton, '').replace(/^[《〈]|[》〉]$/g, '').trim();
  if (!s || (date && s === date) || /^https?:\/\//.test(s)) return null;
  return s;
}

/** A follow button beside the outlet's name ("新浪科技 微博", "财经网 +关注"): not part of the name. */
const followButton = /(\s+[+＋]?\s*(加|\+)?(关注|微博|订阅)\s*[+＋]?)+$/;

function splitTags(s: string | null): string[] {
  return (s ?? '')
    .split(/[,，;；]/)
    .map((t) => normalizeText(t))
    .filter(Boolean);
}

const uniq = (xs: string[]) => [...new Set(xs)];

const FIELDS = ['title', 'date', 'source', 'author', 'editor', 'keywords', 'breadcrumb'] as const;

type FieldRules = Pick<TemplateRule, (typeof FIELDS)[number]> & { labels?: LabelRule[] };

/**
 * A Sina page none of the templates fits (a redesign, a channel we have not seen): every
 * template's rule for each field, newest template first. The byline of an unknown page is still
 * most likely one Sina has used before.
 */
const anySina: FieldRules = {
  ...(Object.fromEntries(FIELDS.map((f) => [f, uniq(templates.flatMap((t) => t[f]))])) as Pick<TemplateRule, (typeof FIELDS)[number]>),
  labels: Object.values(templateLabels).flat(),
};

export function readMetadata(doc: Document, url: string, templateId: TemplateId | 'generic', q: Query = new NativeQuery(doc)): Metadata {
  const canonical =
    absoluteUrl(q.one('link[rel="canonical"]')?.getAttribute('href'), url) ?? absoluteUrl(q.meta('og:url'), url);
  const pageUrl = /^https?:/.test(url) ? url : canonical ?? url;
  const known = templates.find((x) => x.id === templateId);
  const sina = !!known || isSinaPage(pageUrl, q);
  const t: FieldRules | undefined = known ? { ...known, labels: templateLabels[known.id] } : sina ? anySina : undefined;

  // A Sina page that names no headline in its head: its first <h1> (a report's, a redesign's).
  const title = cleanTitle((t && q.firstText(t.title)) || q.meta('og:title') || doc.title || (sina ? q.firstText(['h1']) : null));

  const labelled = (field: LabelRule['field']) => (t?.labels ? readLabel(q, t.labels, field) : null);
  const dateText = t && t.date.length ? q.firstText(t.date) : null;
  const published =
    parseDate(dateText) ??
    parseDate(labelled('date')) ??
    // A page none of the templates fits: the date printed near the headline, as the page shows it.
    (!known && sina ? parseDate(headlineContext(q, title)) : null) ??
    parseDate(q.meta('article:published_time', 'weibo: article:create_at', 'pubdate', 'publishdate')) ??
    (t ? parseDate(headerText(q, t.title)) : null) ??
    (sina ? parseDate(headlineContext(q, title)) : null);

  // The outlet: the template's byline, else article:author (Sina puts the outlet there, not a person).
  // Elsewhere article:author names a person (or a profile URL): only Sina's pages are read this way.
  const source =
    (t ? pickSource(q, t.source) : null) ?? labelled('source') ?? (sina ? cleanSource(q.meta('article:author', 'mediaid'), null) : null);

  // The editor: the template's footer, else a 责任编辑 line the page did not mark up.
  const editorText = (t ? q.firstText(t.editor) : null) ?? editorLine(q);
  const keywordLinks = t ? uniq(t.keywords.flatMap((sel) => q.all(sel).map((a) => normalizeText(a.textContent)))).filter(Boolean) : [];
  const tags = (keywordLinks.length ? keywordLinks : uniq(splitTags(q.meta('keywords', 'tags')))).filter((tag) => isArticleTag(tag, title));

  // One query over all breadcrumb selectors: the channel path in document order, top down.
  const categories = t?.breadcrumb.length
    ? uniq(
        q.all(t.breadcrumb.join(','))
          .map((a) => normalizeText(a.textContent))
          .filter((c) => c && c !== '正文' && c.length < 20),
      )
    : [];

  const author = (t ? normalizeText(q.firstText(t.author)).replace(/^作者\s*[:：]\s*/, '') || null : null) ?? labelled('author');
  const ogImage = absoluteUrl(q.meta('og:image'), pageUrl);
  const leadImage = ogImage && !nonContentImages.some((re) => re.test(ogImage)) ? ogImage : null;
  const docId = docIdOf(pageUrl, q.meta('publishid'));

  return {
    url: pageUrl,
    title,
    published,
    source: cleanSource(source, dateText),
    // "作者：新京报": a byline field that names the outlet names no person.
    author: author && author !== cleanSource(source, dateText) ? author : null,
    editor: editorText ? cleanEditor(editorText) : null,
    tags,
    categories,
    leadImage,
    docId,
    lang: langOf(doc, templateId),
  };
}

/** Squeezed for comparison: no spaces, no punctuation, no "(图)" marks. */
const squeeze = (s: string) => s.replace(/[(（]\s*(组?图|视频)\s*[)）]/g, '').replace(/[\s\p{P}\p{S}]/gu, '');

/** A tag names a topic: not the headline (some pages put it in keywords), not the site. */
function isArticleTag(tag: string, title: string): boolean {
  if (siteWords.test(tag)) return false;
  const t = squeeze(tag);
  const h = squeeze(title);
  return !(t && h && (t === h || (h.length >= 8 && t.includes(h))));
}

/** A "label：value" field: the first element of a rule's selector whose text the pattern matches. */
function readLabel(q: Query, rules: readonly LabelRule[], field: LabelRule['field']): string | null {
  for (const r of rules) {
    if (r.field !== field) continue;
    for (const el of q.all(r.selector)) {
      const m = r.pattern.exec(normalizeText(el.textContent));
      if (m?.[1]) return normalizeText(m[1]);
    }
  }
  return null;
}

/** The last short paragraph that reads "责任编辑：…" (the footer comes after the article). */
function editorLine(q: Query): string | null {
  const lines = q.all('p').map((p) => normalizeText(p.textContent)).filter((t) => t.length <= 40 && /^责任编辑\s*[:：]\s*\S/.test(t));
  return lines.length ? lines[lines.length - 1] : null;
}

function pickSource(q: Query, selectors: readonly string[]): string | null {
  for (const sel of selectors) {
    for (const el of q.all(sel)) {
      const s = cleanSource(el.textContent, null);
      if (s) return s;
    }
  }
  return null;
}

/**
 * Unmarked pages: the text around the element that holds the headline (its table, or its
 * parent's parent), where old pages print the date.
 */
function headlineContext(q: Query, title: string): string | null {
  if (!title) return null;
  const h = q.all('h1, h2, th, td, font, div').find((el) => el.childElementCount <= 1 && normalizeText(el.textContent) === title);
  const around = h?.closest('table') ?? h?.parentElement?.parentElement;
  return around ? normalizeText(around.textContent).slice(0, 400) : null;
}

/** Old table pages print the date in a cell near the headline: read the text just after it. */
function headerText(q: Query, titleSelectors: readonly string[]): string | null {
  for (const sel of titleSelectors) {
    const h = q.one(sel);
    const table = h?.closest('table');
    if (table) return normalizeText(table.textContent).slice(0, 400);
  }
  return null;
}

/**
 * The article's id in one form whichever way the page gives it: as the URL spells it
 * (doc-ifxsktkp9337164 → "ifxsktkp9337164"); the publishid meta drops that leading "i". Older
 * pages' ids ("28,3,2762951") are kept as they are.
 */
export function docIdOf(pageUrl: string, publishId: string | null): string | null {
  const fromUrl = /\/(?:doc|detail)-(i[a-z0-9]+)/i.exec(pageUrl)?.[1];
  if (fromUrl) return fromUrl.toLowerCase();
  const id = publishId?.trim();
  if (!id) return null;
  return /^[a-z]{7}\d{7}$/i.test(id) ? `i${id.toLowerCase()}` : id;
}

/** The page's own <html lang> when it is a language tag; Sina's templates are Chinese when unsaid. */
export function langOf(doc: Document, templateId: TemplateId | 'generic'): string | null {
  const lang = doc.documentElement?.getAttribute('lang')?.trim() ?? '';
  if (/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(lang)) return lang;
  return templateId === 'generic' ? null : 'zh-CN';
}
