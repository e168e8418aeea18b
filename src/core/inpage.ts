/**
 * In-page cleaning: the live page keeps its headline and article body; everything around them
 * (navigation, sidebars, ads, promos, comments) and the noise inside the body is hidden.
 * Hidden, never removed: undo() shows the original page again. Idempotent: sweep() after the site
 * injects something hides only what is new.
 */
import {
  inPageKeep, noiseCommentRanges, noiseLinkTargets, noiseSelectors, noiseTextPatterns, originalTitlePattern, relatedHeading, templates,
  trailingBylines,
} from '../sites/sina';
import { findBody } from './detect';
import { NativeQuery } from './query';
import { anyOf, firstMatch, normalizeText, safeQueryAll } from './dom';
import type { Detection } from './types';

export const HIDDEN_ATTR = 'data-sina-reader-hidden';
export const STATE_ATTR = 'data-sina-reader';
const STYLE_ID = 'sina-reader-style';

// Furniture that hiding cannot change; everything else in the noise list may be hidden.
const IN_BODY_NOISE = noiseSelectors.filter((s) => !/^(script|style|noscript|template|link)$/.test(s)).join(',');
const LINK_NOISE = noiseLinkTargets.join(',');
const BLOCKS = 'p,li,div,center,section';
const NOISE_LINE = anyOf(noiseTextPatterns);
const RANGE_OPEN = anyOf(noiseCommentRanges.map(([open]) => open));

export interface InPageCleaner {
  /** How many elements are hidden now. */
  readonly removed: number;
  /** Hides what is new since the last pass; returns how many it hid. */
  sweep(): number;
  undo(): void;
  redo(): void;
}

export interface CleanPageOptions {
  /**
   * Add the one rule that hides marked elements as a <style> in the page (default). The extension
   * declares it as the content script's stylesheet instead (content.css): no node in the page and
   * no work at run time.
   */
  style?: boolean;
  /** The article body detection found (detectBody), saving the first pass a second search. */
  body?: Element | null;
}

/** The rule that does the hiding, while the page is in the cleaned state. */
export const HIDE_RULE = `html[${STATE_ATTR}="cleaned"] [${HIDDEN_ATTR}]{display:none!important}`;

export function cleanPage(doc: Document, detection: Detection, opts: CleanPageOptions = {}): InPageCleaner {
  const template = detection.kind === 'article' && detection.site === 'sina' ? templates.find((t) => t.id === detection.template) : undefined;
  let removed = 0;
  const root = doc.documentElement;

  const hide = (el: Element): number => {
    if (el.hasAttribute(HIDDEN_ATTR)) return 0;
    el.setAttribute(HIDDEN_ATTR, '');
    return 1;
  };

  let known = opts.body ?? null;
  const sweep = (): number => {
    if (!template) return 0;
    // The body detection found, while the page still holds it; later passes search again.
    const body = known?.isConnected ? known : findBody(new NativeQuery(doc), template);
    known = null;
    if (!body) return 0;
    const keep = [firstMatch(doc, template.title), body, ...inPageKeep.flatMap((s) => safeQueryAll(doc, s))].filter(
      (el): el is Element => !!el,
    );
    let n = 0;
    // 1. Around the article: hide every sibling of the path from <body> to the kept elements.
    // Every ancestor of a kept element (up to <body>) is on the path, so a sibling off the path
    // holds nothing kept. Only what <body> shows is hidden.
    const path = new Set<Element>();
    for (const k of keep) for (let a: Element | null = k; a; a = a.parentElement) path.add(a);
    const shown = doc.body;
    for (const el of path) {
      const parent = el.parentElement;
      if (!parent || !shown || el === shown || !shown.contains(parent)) continue;
      for (let sib = parent.firstElementChild; sib; sib = sib.nextElementSibling) {
        if (!path.has(sib) && !isFurniture(sib)) n += hide(sib);
      }
    }
    // 2. Inside the body: promos, ads, iframes, editor lines, marked ranges.
    for (const el of safeQueryAll(body, IN_BODY_NOISE)) n += hide(el);
    for (const a of safeQueryAll(body, LINK_NOISE)) n += hide(a.closest(BLOCKS) ?? a);
    n += hideNoiseLines(body, template.id, hide);
    n += hideCommentRanges(body, hide);
    removed += n;
    return n;
  };

  if (opts.style !== false) ensureStyle(doc);
  root.setAttribute(STATE_ATTR, 'cleaned');
  sweep();
  return {
    get removed() {
      return removed;
    },
    sweep,
    undo: () => root.setAttribute(STATE_ATTR, 'original'),
    redo: () => root.setAttribute(STATE_ATTR, 'cleaned'),
  };
}

function isFurniture(el: Element): boolean {
  return /^(script|style|link|meta|noscript|template|head|title|base)$/.test(el.localName) || el.id === STYLE_ID;
}

function ensureStyle(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = HIDE_RULE;
  (doc.head ?? doc.documentElement).append(style);
}

function hideCommentRanges(body: Element, hide: (el: Element) => number): number {
  let n = 0;
  const walker = body.ownerDocument.createTreeWalker(body, 128 /* NodeFilter.SHOW_COMMENT */);
  for (let c = walker.nextNode(); c; c = walker.nextNode()) {
    const data = (c as Comment).data;
    const range = RANGE_OPEN.test(data) ? noiseCommentRanges.find(([open]) => open.test(data)) : undefined;
    if (!range) continue;
    const inside: Element[] = [];
    let closed = false;
    for (let sib = c.nextSibling; sib; sib = sib.nextSibling) {
      if (sib.nodeType === 8 && range[1].test((sib as Comment).data)) {
        closed = true;
        break;
      }
      if (sib.nodeType === 1) inside.push(sib as Element);
    }
    if (closed) for (const el of inside) n += hide(el);
  }
  return n;
}

/** Text lines that are not the article: editor and promo lines, 原标题, related links, bylines. */
function hideNoiseLines(body: Element, templateId: string, hide: (el: Element) => number): number {
  let n = 0;
  const lines = safeQueryAll(body, 'p').filter((p) => !p.closest(`[${HIDDEN_ATTR}]`));
  const texts = lines.map((p) => normalizeText(p.textContent));
  const first = texts.findIndex(Boolean);
  if (first >= 0 && originalTitlePattern.test(texts[first])) n += hide(lines[first]);
  const last = texts.length - 1;
  if (last >= 0 && trailingBylines.some((r) => r.template === templateId && r.pattern.test(texts[last]))) n += hide(lines[last]);
  lines.forEach((p, i) => {
    if (NOISE_LINE.test(texts[i])) n += hide(p);
    else if (relatedHeading.test(texts[i])) {
      const links = [];
      for (let j = i + 1; j < lines.length && isLinkLine(lines[j]); j++) links.push(lines[j]);
      if (links.length) for (const el of [p, ...links]) n += hide(el);
    }
  });
  return n;
}

function isLinkLine(p: Element): boolean {
  const text = normalizeText(p.textContent);
  const linked = safeQueryAll(p, 'a[href]').map((a) => normalizeText(a.textContent)).join('');
  return !!text && linked.replace(/\s/g, '') === text.replace(/\s/g, '');
}
