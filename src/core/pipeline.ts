/**
 * The pipeline, and the only place that knows the order of the steps:
 * detect → clean → extract → metadata → sanitize (→ markdown, on demand).
 * It never mutates the document it is given: it works on clones.
 * Readability (the generic reader) is passed to `runPipeline`: the popup loads it only for pages
 * that need it, and is told so by the result `needs-generic`. `extractArticle` (./extract-article)
 * always has it: the command line and the tests use that.
 */
import type { GenericReader } from './generic';
import { templates } from '../sites/sina';
import { cleanBody, type LineMeta } from './clean';
import { detect, findBody, isSinaPage } from './detect';
import { cloneDeep, normalizeText } from './dom';
import { indexedQuery, type QueryFactory } from './query';
import { extractBlocks, type Block } from './extract';
import { readMetadata, type Metadata } from './metadata';
import { blocksToElement, blocksToText, countWords } from './render';
import { sanitizeElement } from './sanitize';
import type { Article, Detection, ExtractOptions, ExtractResult } from './types';

export interface PipelineOptions extends ExtractOptions {
  /** DOMPurify's window; defaults to the document's own, then the global one. */
  window?: Window;
  /** How selectors are answered: an index (default; jsdom) or `nativeQuery` (browsers). */
  query?: QueryFactory;
  /**
   * What detection already said about this page (the content script's answer, for the copy the
   * popup parses): the pipeline does not detect a second time.
   */
  detection?: Detection;
}

/** `needs-generic`: the page is for the generic reader, and none was given: load it and ask again. */
export type PipelineResult = ExtractResult | { ok: false; error: 'needs-generic' };

const HAN_PER_MINUTE = 400;

/** The article of `doc`; `needs-generic` when the page needs the generic reader and none was given. */
export function runPipeline(doc: Document, url: string, opts: PipelineOptions, generic: GenericReader | undefined): PipelineResult {
  const query = opts.query ?? indexedQuery;
  const q = query(doc);
  const detection = opts.detection ?? detect(doc, url, q);
  if (detection.kind === 'not-article') return { ok: false, error: detection.reason === 'empty' ? 'empty' : 'not-article' };
  const ctx = { baseUrl: url, stockLinks: opts.stockLinks ?? 'words' };

  let blocks: Block[];
  let meta: Metadata;
  let lines: LineMeta;
  if (detection.site === 'sina') {
    const template = templates.find((t) => t.id === detection.template)!;
    const found = findBody(q, template);
    // A detection handed in may come from another copy of the page: its body must be here too.
    if (!found) return { ok: false, error: 'empty' };
    const body = cloneDeep(found);
    lines = cleanBody(body, { template: template.id, query });
    blocks = extractBlocks(body, ctx);
    meta = readMetadata(doc, url, template.id, q);
  } else {
    if (!generic) return { ok: false, error: 'needs-generic' };
    // A Sina page no template fits: its noise goes before Readability looks (Readability drops
    // the classes the noise rules name), and Sina's own bylines beat Readability's guesses.
    const sina = isSinaPage(url, q);
    const rules = { template: 'generic', query } as const;
    const read = generic(doc, sina ? (clone) => void cleanBody(clone.body ?? clone.documentElement, rules) : undefined);
    if (!read) return { ok: false, error: 'not-article' };
    lines = sina ? cleanBody(read.body, rules) : {};
    blocks = extractBlocks(read.body, ctx);
    // What Readability found on a Sina page must read as an article, not as a list of links.
    if (sina && !readsAsArticle(blocks)) return { ok: false, error: 'not-article' };
    const ours = readMetadata(doc, url, 'generic', q);
    meta = sina ? { ...ours, title: ours.title || read.meta.title || '' } : { ...ours, ...read.meta };
    dropRepeatedHeadline(blocks, meta.title);
  }

  const originalTitle = lines.originalTitle ?? null;
  const text = blocksToText(blocks);
  if (!blocks.length) return { ok: false, error: 'empty' };

  const win = opts.window ?? doc.defaultView ?? (globalThis as unknown as Window);
  const images = blocks.flatMap((b) => (b.type === 'img' ? [b.src] : []));
  const wordCount = countWords(text);
  const article: Article = {
    ...meta,
    author: meta.author ?? lines.author ?? null,
    source: meta.source ?? lines.source ?? null,
    title: meta.title || normalizeText(originalTitle) || '',
    originalTitle,
    leadImage: meta.leadImage ?? images[0] ?? null,
    images,
    template: detection.site === 'sina' ? detection.template : 'generic',
    html: sanitizeElement(blocksToElement(blocks, inertDocument(win)), win).innerHTML,
    text,
    wordCount,
    readingMinutes: Math.max(1, Math.round(wordCount / HAN_PER_MINUTE)),
  };
  return { ok: true, article };
}

const inert = new WeakMap<Window, Document>();
/** A document of the window's realm that loads nothing: the article is built and sanitized there. */
function inertDocument(win: Window): Document {
  let doc = inert.get(win);
  if (!doc) {
    doc = win.document.implementation.createHTMLDocument('');
    inert.set(win, doc);
  }
  return doc;
}

/** Below this many characters of text outside links, with no picture, a page holds no article. */
const MIN_ARTICLE_CHARS = 40;

/** Text mostly outside links, readable, and enough of it (or pictures: a gallery, a video page). */
function readsAsArticle(blocks: Block[]): boolean {
  let all = 0;
  let linked = 0;
  let images = 0;
  let garbled = 0;
  const count = (text: string, link: boolean) => {
    const n = text.replace(/\s/g, '').length;
    all += n;
    if (link) linked += n;
    garbled += text.match(/[\uFFFD\p{Cc}\p{Co}]/gu)?.length ?? 0;
  };
  for (const b of blocks) {
    if (b.type === 'img') images++;
    else if (b.type === 'h') count(b.text, false);
    else if (b.type === 'p') for (const r of b.runs) count(r.text, !!r.href);
    else if (b.type === 'list') for (const item of b.items) for (const r of item) count(r.text, !!r.href);
    else for (const row of b.rows) count(row.join(''), false);
  }
  // Mostly links is a list; bytes that decode to replacement and control characters are no text.
  if (all > 0 && (linked / all > 0.5 || garbled / all > 0.05)) return false;
  return all - linked >= MIN_ARTICLE_CHARS || images > 0;
}

const textOf = (b: Block) => (b.type === 'p' ? b.runs.map((r) => r.text).join('') : b.type === 'h' ? b.text : '');

/**
 * The generic reader may take the headline (and the channel name above it) into the body: the
 * headline is metadata. Only near the top, and what precedes it goes only when it is short.
 */
function dropRepeatedHeadline(blocks: Block[], title: string): void {
  const headline = normalizeText(title);
  if (!headline) return;
  const i = blocks.slice(0, 3).findIndex((b) => normalizeText(textOf(b)) === headline);
  if (i < 0) return;
  const before = blocks.slice(0, i).every((b) => normalizeText(textOf(b)).length <= 12);
  blocks.splice(before ? 0 : i, before ? i + 1 : 1);
}
