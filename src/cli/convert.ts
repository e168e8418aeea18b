/** Bytes of one page → its article and Markdown. Runs in the main thread (--jobs 1) or in a worker. */
import type { JSDOM } from 'jsdom';
import { DecodeError, decodeHtml } from '../core/encoding';
import { toMarkdown } from '../core/markdown';
import { extractArticle } from '../core/extract-article';
import type { Article, Preset, StockLinkMode } from '../core/types';
import type { MessageKey } from './messages';

export interface ConvertJob {
  bytes: Uint8Array;
  /** The page's address when known (fetched, or --url); else the canonical link, else fileUrl. */
  url: string | null;
  fileUrl: string;
  /** The charset an HTTP Content-Type header named. */
  charset: string | null;
  preset: Preset;
  stockLinks: StockLinkMode;
  now: number;
}

export type Converted = { ok: true; article: Article; markdown: string } | { ok: false; reason: MessageKey };

export type Convert = (job: ConvertJob) => Converted;

/**
 * jsdom is loaded only where pages are converted: under --jobs the main thread never loads it
 * (it costs a thread about 100 MB).
 */
export async function loadConverter(): Promise<Convert> {
  const { JSDOM, VirtualConsole } = await import('jsdom');
  // One window serves DOMPurify for the whole batch: setting it up costs more than a page.
  const purifier = new JSDOM('').window as unknown as Window;
  return (job) => convert(job, (html, url) => new JSDOM(html, { url, virtualConsole: new VirtualConsole() }), purifier);
}

function convert(job: ConvertJob, parse: (html: string, url: string) => JSDOM, purifier: Window): Converted {
  let html: string;
  try {
    html = decodeHtml(job.bytes, job.charset).text;
  } catch (e) {
    return { ok: false, reason: e instanceof DecodeError ? e.reason : 'encoding' };
  }
  const dom = parse(html, validUrl(job.url) ?? job.fileUrl);
  try {
    const doc = dom.window.document;
    const pageUrl = validUrl(job.url) ?? canonicalUrl(doc) ?? job.fileUrl;
    const result = extractArticle(doc, pageUrl, { stockLinks: job.stockLinks, window: purifier });
    if (!result.ok) return { ok: false, reason: result.error };
    return { ok: true, article: result.article, markdown: toMarkdown(result.article, { preset: job.preset, now: new Date(job.now) }) };
  } finally {
    closeQuietly(dom);
  }
}

/** Content-Type: text/html; charset=GBK → "gbk". */
export function charsetOf(contentType: string | null): string | null {
  return /;\s*charset\s*=\s*"?([\w-]+)/i.exec(contentType ?? '')?.[1].toLowerCase() ?? null;
}

/** jsdom's close() recurses through the tree: a pathologically deep page must not cost its article. */
function closeQuietly(dom: JSDOM): void {
  try {
    dom.window.close();
  } catch {
    // The window is garbage once unreferenced.
  }
}

function canonicalUrl(doc: Document): string | null {
  const raw = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? doc.querySelector('meta[property="og:url"]')?.getAttribute('content');
  return validUrl(raw?.startsWith('//') ? `https:${raw}` : raw ?? null);
}

function validUrl(u: string | null): string | null {
  if (!u) return null;
  try {
    return /^(https?|file):$/.test(new URL(u).protocol) ? new URL(u).href : null;
  } catch {
    return null;
  }
}
