/**
 * noise: the one model of what on a Sina page is not the article. A pure function finds it
 * (elements, and text lines between <br>s), with the reason and the rule for each piece; it
 * changes nothing. Two callers act on the answer: the reader removes (clean.ts), the live page
 * hides (inpage.ts). So the page and the reader cannot disagree (issue 13).
 */
import {
  lineRules, noiseCommentRanges, noiseLinkHrefs, noiseSelectors, openingLines, promoTail, relatedHeading, relatedLead, trailingBylines,
  type LineRule, type MetaField,
} from '../sites/sina';
import { anyOf, normalizeText } from './dom';
import { NativeQuery, type QueryFactory } from './query';
import type { TemplateId } from './types';

export type NoiseReason =
  /** A promo, ad or widget named by its class or id. */
  | 'selector'
  /** Between two marker comments. */
  | 'comment-range'
  /** The block around a promo link. */
  | 'promo-link'
  /** A line of promo or footer text (app, mail, editor, disclaimer). */
  | 'promo-line'
  /** A related-news heading and the link lines under it. */
  | 'related-list'
  /** Previous / next navigation. */
  | 'navigation'
  /** The promo tail a WeChat reprint ends with: 精彩回顾 lists, QR codes, ID, 阅读原文. */
  | 'promo-tail'
  /** A line whose content moves into the article's header (原标题, 意见领袖 | name, a byline). */
  | 'meta-line';

export interface Noise {
  /** What goes: one element, or a run of sibling nodes (a line between <br>s). */
  nodes: Node[];
  reason: NoiseReason;
  /** The rule that matched (a selector, a pattern's source): for tests and for rule coverage. */
  rule: string;
  /** A metadata line: the field it fills and the value. */
  meta?: { field: MetaField; value: string };
}

export interface NoiseOptions {
  /** Whose line rules apply: a template's, or every template's on a page none fits. */
  template: TemplateId | 'generic';
  /** How selectors are answered: natively (default) or by an index (jsdom: the command line). */
  query?: QueryFactory;
}

const BLOCKS = 'p,div,section,article,center,figure,figcaption,header,footer,main,aside,dl,dt,dd,address,pre,table,tbody,thead,tfoot,tr,td,th,ul,ol,li,blockquote,hr,nav,h1,h2,h3,h4,h5,h6,form,body';
const BLOCK = new Set(BLOCKS.split(','));
/** A promo link takes the nearest of these with it. */
const LINK_BLOCK = new Set(['p', 'li', 'div', 'center', 'section', 'td']);
const MAX_DEPTH = 200;
const SELECTORS = noiseSelectors.join(',');
/** Elements whose text no reader sees. */
const NO_TEXT = new Set(['script', 'style', 'noscript', 'template']);
// Most lines match nothing: one pattern per flag set says so, the rule itself is looked up on a hit.
const ANY_LINE_RULE = anyOf([...lineRules.map((r) => r.pattern), relatedHeading, relatedLead]);
const ANY_TAIL_MARKER = anyOf(promoTail.markers);

/** A line of the body: one element, or a run of inline nodes between <br>s and blocks. */
export interface Line {
  nodes: Node[];
  text: string;
  /** The text inside links. */
  linked: string;
  images: number;
}

/** Finds the noise in `root` (an article body, or a whole page for the generic reader). */
export function findNoise(root: Element, opts: NoiseOptions): Noise[] {
  const found: Noise[] = [];
  const taken = new Set<Node>();
  const add = (n: Noise) => {
    found.push(n);
    for (const node of n.nodes) taken.add(node);
  };

  const q = opts.query ? opts.query(root) : new NativeQuery(root);
  // An index answers each selector (and so names the rule); natively one query for the whole list.
  const rules = new Map<Element, string>();
  if (opts.query) for (const sel of noiseSelectors) for (const el of q.all(sel)) if (!rules.has(el)) rules.set(el, sel);
  const hits = opts.query ? [...rules.keys()].sort((a, b) => (a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1)) : q.all(SELECTORS);
  for (const el of hits) {
    if (el === root || insideTaken(el, root, taken)) continue;
    // Natively the rule is looked up only when read (the tests): the live page needs only the element.
    const known = rules.get(el);
    add({
      nodes: [el],
      reason: 'selector',
      get rule() {
        return known ?? noiseSelectors.find((sel) => el.matches(sel)) ?? '';
      },
    });
  }
  for (const range of commentRanges(root)) if (!range.nodes.some((n) => insideTaken(n, root, taken))) add(range);
  for (const a of q.all('a')) {
    const href = a.getAttribute('href');
    const rule = href ? noiseLinkHrefs.find((h) => href.includes(h)) : undefined;
    if (!rule || insideTaken(a, root, taken)) continue;
    let block: Element = a;
    for (let up = a.parentElement; up && up !== root; up = up.parentElement) {
      if (LINK_BLOCK.has(up.localName)) {
        block = up;
        break;
      }
    }
    add({ nodes: [block], reason: 'promo-link', rule });
  }
  for (const n of lineNoise(linesOf(root, taken), opts.template)) add(n);
  return found;
}

/** Is `node` inside something already found (up to `root`)? */
function insideTaken(node: Node, root: Element, taken: Set<Node>): boolean {
  if (!taken.size) return false;
  for (let n: Node | null = node; n && n !== root; n = n.parentNode) if (taken.has(n)) return true;
  return false;
}

/** Every node between an opening and a closing marker comment (same parent). Unclosed: left alone. */
function commentRanges(root: Element): Noise[] {
  const out: Noise[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 128 /* NodeFilter.SHOW_COMMENT */);
  const seen = new Set<Node>();
  for (let c = walker.nextNode(); c; c = walker.nextNode()) {
    if (seen.has(c)) continue;
    const data = (c as Comment).data;
    const range = noiseCommentRanges.find(([open]) => open.test(data));
    if (!range) continue;
    const inside: Node[] = [];
    let closed = false;
    for (let sib = c.nextSibling; sib; sib = sib.nextSibling) {
      if (sib.nodeType === 8 && range[1].test((sib as Comment).data)) {
        closed = true;
        seen.add(sib);
        break;
      }
      inside.push(sib);
    }
    if (closed && inside.length) out.push({ nodes: inside, reason: 'comment-range', rule: range[0].source });
  }
  return out;
}

/**
 * The body's lines in reading order. A block with one run of inline content is one line (the
 * element itself); a block with <br>s or blocks inside gives a line per run between them.
 * What is already found is skipped.
 */
export function linesOf(root: Element, skip: Set<Node> = new Set()): Line[] {
  const lines: Line[] = [];
  // An inline element with a line break or a block somewhere inside holds several lines. Asked
  // once per element (memo): a query per element is quadratic on deeply nested pages.
  const holds = new Map<Element, boolean>();
  const holdsLines = (el: Element, depth: number): boolean => {
    let v = holds.get(el);
    if (v !== undefined) return v;
    v = false;
    for (let c = el.firstElementChild; c && !v; c = c.nextElementSibling) {
      v = c.localName === 'br' || BLOCK.has(c.localName) || (depth < MAX_DEPTH && holdsLines(c, depth + 1));
    }
    holds.set(el, v);
    return v;
  };
  const visit = (container: Element, depth: number): void => {
    const start = lines.length;
    let run: Node[] = [];
    let split = false;
    const flush = () => {
      if (run.length) {
        const line = measure(run, skip);
        if (line.text || line.images) lines.push(line);
      }
      run = [];
    };
    for (let child = container.firstChild; child; child = child.nextSibling) {
      if (skip.has(child)) {
        split = true;
        flush();
        continue;
      }
      if (child.nodeType !== 1) {
        if (child.nodeType === 3) run.push(child);
        continue;
      }
      const el = child as Element;
      const tag = el.localName;
      if (tag === 'br') {
        split = true;
        flush();
      } else if (depth < MAX_DEPTH && (BLOCK.has(tag) || holdsLines(el, depth))) {
        split = true;
        flush();
        visit(el, depth + 1);
      } else {
        run.push(el);
      }
    }
    flush();
    // A block that is one line: the line is the element, so a page can hide it by a mark.
    if (!split && container !== root && lines.length === start + 1) lines[start].nodes = [container];
  };
  visit(root, 0);
  return lines;
}

function measure(nodes: Node[], skip: Set<Node>): Line {
  let text = '';
  let linked = '';
  let images = 0;
  const walk = (n: Node, inLink: boolean): void => {
    if (n.nodeType === 3) {
      const t = (n as Text).data;
      text += t;
      if (inLink) linked += t;
      return;
    }
    if (n.nodeType !== 1 || skip.has(n)) return;
    const el = n as Element;
    const tag = el.localName;
    if (NO_TEXT.has(tag)) return;
    if (tag === 'img') images++;
    const link = inLink || (tag === 'a' && el.hasAttribute('href'));
    for (let c = el.firstChild; c; c = c.nextSibling) walk(c, link);
  };
  for (const n of nodes) walk(n, false);
  return { nodes, text: normalizeText(text), linked: normalizeText(linked), images };
}

const squeeze = (s: string) => s.replace(/\s/g, '');
const isLinkLine = (l: Line) => !!l.text && squeeze(l.linked) === squeeze(l.text);

function matchRule(rules: readonly LineRule[], l: Line): LineRule | undefined {
  for (const r of rules) if (l.text.length <= (r.maxLength ?? Infinity) && r.pattern.test(l.text)) return r;
  return undefined;
}

/** Noise among the lines: metadata lines at either end, promo lines, related lists, the promo tail. */
export function lineNoise(lines: Line[], template: TemplateId | 'generic'): Noise[] {
  const out: Noise[] = [];
  const gone = new Set<Line>();
  const drop = (l: Line, reason: NoiseReason, rule: string, meta?: Noise['meta']) => {
    gone.add(l);
    out.push(meta ? { nodes: l.nodes, reason, rule, meta } : { nodes: l.nodes, reason, rule });
  };
  // The opening lines that carry metadata (原标题, 意见领袖 | name): each at most once, at the top.
  for (let i = 0; i < Math.min(lines.length, openingLines.length + 1); i++) {
    const rule = openingLines.find((r) => r.pattern.test(lines[i].text) && !out.some((n) => n.rule === r.pattern.source));
    if (!rule) break;
    drop(lines[i], 'meta-line', rule.pattern.source, { field: rule.field, value: normalizeText(rule.pattern.exec(lines[i].text)![1]) });
  }
  const last = lines[lines.length - 1];
  if (last && !gone.has(last)) {
    for (const r of trailingBylines) {
      const m = r.template === template || template === 'generic' ? r.pattern.exec(last.text) : null;
      if (m) {
        drop(last, 'meta-line', r.pattern.source, { field: r.field, value: m[1] });
        break;
      }
    }
  }
  for (const n of promoTailOf(lines, gone)) drop(n.line, 'promo-tail', n.rule);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (gone.has(l) || !ANY_LINE_RULE(l.text)) continue;
    const rule = matchRule(lineRules, l);
    if (rule) {
      drop(l, rule.reason, rule.pattern.source);
    } else if (relatedHeading.test(l.text)) {
      let end = i + 1;
      while (end < lines.length && !gone.has(lines[end]) && isLinkLine(lines[end])) end++;
      if (end > i + 1) for (let j = i; j < end; j++) drop(lines[j], 'related-list', relatedHeading.source);
    } else {
      const lead = relatedLead.exec(l.text);
      if (lead && l.linked && squeeze(lead[3]) === squeeze(l.linked)) drop(l, 'related-list', relatedLead.source);
    }
  }
  return out;
}

/**
 * The promo tail: from a line that names it (精彩回顾, 长按二维码, ID：…, 阅读原文) to the end of
 * the body, when every line there is tail-shaped (short, a link, a picture, or another marker).
 * Its shape decides, not one page's strings: article paragraphs are long and end in 。.
 */
function promoTailOf(lines: Line[], gone: Set<Line>): Array<{ line: Line; rule: string }> {
  const live = lines.filter((l) => !gone.has(l));
  const marker = (l: Line) =>
    l.text.length <= promoTail.markerMaxLength && ANY_TAIL_MARKER(l.text) ? promoTail.markers.find((re) => re.test(l.text)) : undefined;
  const shaped = (l: Line) =>
    !!marker(l) || isLinkLine(l) || (!l.text && l.images > 0) || (l.text.length <= promoTail.lineMaxLength && !/[。！？]$/.test(l.text));
  let start = -1;
  for (let i = live.length - 1; i >= 0 && live.length - i <= promoTail.maxLines; i--) {
    if (!shaped(live[i])) break;
    if (marker(live[i])) start = i;
  }
  if (start < 0) return [];
  const opener = marker(live[start])!.source;
  // The QR code stands just above the line that asks to scan it.
  while (start > 0 && !live[start - 1].text && live[start - 1].images > 0) start--;
  return live.slice(start).map((line) => ({ line, rule: marker(line)?.source ?? opener }));
}
