/** The generic reader: Mozilla Readability, for pages we have no template for. */
import { Readability } from '@mozilla/readability';
import { cloneDeep, normalizeText } from './dom';
import type { Metadata } from './metadata';

/** `prepare` may change the clone Readability reads (never the page): remove known noise, say. */
export type GenericReader = (doc: Document, prepare?: (clone: Document) => void) => { body: Element; meta: Partial<Metadata> } | null;

/**
 * Pages we have no template for: Readability on a clone finds the body. It hands back its own
 * element (no HTML string is parsed again). Readability throws on some live-DOM shapes a parser
 * never makes (no root element, content outside <body>): that page has no article for us.
 */
export const readGeneric: GenericReader = (doc, prepare) => {
  let parsed: ReturnType<Readability<Node>['parse']>;
  try {
    const clone = cloneDeep(doc);
    prepare?.(clone);
    parsed = new Readability<Node>(clone, { charThreshold: 100, serializer: (node) => node }).parse();
  } catch {
    return null;
  }
  const body = parsed?.content;
  if (!parsed || !body || body.nodeType !== 1) return null;
  const meta: Partial<Metadata> = {};
  if (parsed.title) meta.title = normalizeText(parsed.title);
  if (parsed.siteName) meta.source = normalizeText(parsed.siteName);
  if (parsed.byline) meta.author = normalizeText(parsed.byline);
  return { body: body as Element, meta };
};
