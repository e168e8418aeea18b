/** What the pipeline asks of a document. Two answers: an index (jsdom) and the native DOM (browsers). */
export interface Query {
  /** False when the selector cannot match (a cheap pre-check; true when unsure). */
  mayMatch(selector: string): boolean;
  one(selector: string): Element | null;
  /** Matching elements in document order; a bad selector matches nothing. */
  all(selector: string): Element[];
  first(selectors: readonly string[]): Element | null;
  firstText(selectors: readonly string[]): string | null;
  meta(...names: string[]): string | null;
}

export type QueryFactory = (root: Document | Element) => Query;

import { normalizeText } from './dom';

/**
 * The selector with what sits inside quotes, brackets and parentheses blanked out (same length), so
 * that commas, combinators and class dots can be found at the top level only: in
 * `.a [title="x, .b"]` or `:is(.a, .b)` the inner comma does not split the list.
 */
const masks = new Map<string, string>();

export function maskSelector(selector: string): string {
  let out = masks.get(selector);
  if (out === undefined) {
    // The selectors are the site's rules, asked again on every page: each is masked once.
    if (masks.size > 4096) masks.clear();
    masks.set(selector, (out = mask(selector)));
  }
  return out;
}

function mask(selector: string): string {
  let out = '';
  let depth = 0;
  let quote = '';
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (c === '\\') {
      out += i + 1 < selector.length ? '__' : '_';
      i++;
      continue;
    }
    if (quote) {
      if (c === quote) quote = '';
      out += !quote && !depth ? c : '_';
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      out += depth ? '_' : c;
    } else if (c === '[' || c === '(') {
      out += depth ? '_' : c;
      depth++;
    } else if (c === ']' || c === ')') {
      depth = Math.max(0, depth - 1);
      out += depth ? '_' : c;
    } else out += depth ? '_' : c;
  }
  return out;
}

/** The selector list's parts, split on top-level commas only. */
export function splitSelectorList(selector: string): string[] {
  const masked = maskSelector(selector);
  const parts: string[] = [];
  let from = 0;
  for (let i = masked.indexOf(','); i !== -1; i = masked.indexOf(',', i + 1)) {
    parts.push(selector.slice(from, i));
    from = i + 1;
  }
  parts.push(selector.slice(from));
  return parts;
}

/** What both answers share: lists of selectors, text and meta tags, in terms of `one`/`all`. */
abstract class BaseQuery implements Query {
  abstract mayMatch(selector: string): boolean;
  abstract one(selector: string): Element | null;
  abstract all(selector: string): Element[];
  protected abstract metaMap(): Map<string, string>;

  first(selectors: readonly string[]): Element | null {
    for (const sel of selectors) {
      const el = this.one(sel);
      if (el) return el;
    }
    return null;
  }

  /** Text of the first matching element that has any. */
  firstText(selectors: readonly string[]): string | null {
    for (const sel of selectors) {
      for (const el of this.all(sel)) {
        const t = normalizeText(el.textContent);
        if (t) return t;
      }
    }
    return null;
  }

  meta(...names: string[]): string | null {
    const metas = this.metaMap();
    for (const n of names) {
      const v = metas.get(n.toLowerCase());
      if (v) return v;
    }
    return null;
  }
}

/**
 * A read-only view of one document for the pipeline: an index of its ids, classes and tags built
 * in one pass. A selector whose id or class is nowhere in the page costs nothing, and the others
 * test only the elements that carry their last id, class or tag (with Element.matches). Under
 * jsdom (the command line) every querySelector walks the whole page, and Sina rules are many.
 * The index is a snapshot: use it on documents nobody mutates meanwhile.
 */
export class DocQuery extends BaseQuery {
  private ids = new Map<string, Element[]>();
  private classes = new Map<string, Element[]>();
  private tags = new Map<string, Element[]>();
  private order = new Map<Element, number>();
  private metas = new Map<string, string>();
  private verdicts = new Map<string, boolean>();

  constructor(private root: Document | Element) {
    super();
    // A TreeWalker: jsdom's getElementsByTagName('*') is quadratic when indexed.
    const doc = root.ownerDocument ?? (root as Document);
    const walker = doc.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node as Element;
      const tag = el.localName;
      this.order.set(el, this.order.size);
      push(this.tags, tag, el);
      // The reflected properties: jsdom's getAttribute lowercases the name on every call.
      const id = el.id;
      if (id) push(this.ids, id, el);
      const className = (el as { className: unknown }).className; // SVG's is an object
      const cls = typeof className === 'string' ? className : el.getAttribute('class');
      if (cls) {
        if (!/\s/.test(cls)) push(this.classes, cls, el);
        else for (const c of new Set(cls.split(/\s+/))) if (c) push(this.classes, c, el);
      }
      if (tag === 'meta') addMeta(this.metas, el);
    }
  }

  /** False when the selector needs an id, class or tag the page does not have. */
  mayMatch(selector: string): boolean {
    let v = this.verdicts.get(selector);
    if (v === undefined) {
      // An escape (`.a\\,b`) names what the index cannot spell: let the engine answer.
      v = selector.includes('\\') || splitSelectorList(selector).some((part) => this.partMayMatch(part));
      this.verdicts.set(selector, v);
    }
    return v;
  }

  private partMayMatch(part: string): boolean {
    // Inside brackets, quotes and :not()/:is() nothing is required of the page.
    const bare = maskSelector(part).replace(/\[_*\]/g, '[]').replace(/::?[\w-]+(\(_*\))?/g, '');
    for (const m of bare.matchAll(/#([\w-]+)/g)) if (!this.ids.has(m[1])) return false;
    for (const m of bare.matchAll(/\.([\w-]+)/g)) if (!this.classes.has(m[1])) return false;
    for (const m of bare.matchAll(/(?:^|[\s>+~])([a-z][a-z0-9]*)/gi)) if (!this.tags.has(m[1].toLowerCase())) return false;
    return true;
  }

  one(selector: string): Element | null {
    return this.all(selector)[0] ?? null;
  }

  /** Matching elements in document order. */
  all(selector: string): Element[] {
    if (!this.mayMatch(selector)) return [];
    try {
      const pool = this.candidates(selector);
      if (!pool) return Array.from(this.root.querySelectorAll(selector));
      const hits = pool.filter((el) => el !== this.root && el.matches(selector));
      return hits.length > 1 ? hits.sort((a, b) => this.order.get(a)! - this.order.get(b)!) : hits;
    } catch {
      return [];
    }
  }

  /**
   * The elements that may match: those carrying a part's last id, class or tag — or, when its
   * first compound is rarer (".time-source a") or the last names none
   * ('.date-source [data-sudaclick="…"]'), the last compound searched inside the first's
   * elements (only where every combinator is a descendant or child one). Null when a part names
   * nothing to look up.
   */
  private candidates(selector: string): Element[] | null {
    if (selector.includes('(') || selector.includes('\\')) return null;
    const pool = new Set<Element>();
    for (const part of splitSelectorList(selector)) {
      const compounds = splitCompounds(part.trim());
      const lastCompound = compounds[compounds.length - 1] ?? '';
      const last = this.lookup(lastCompound);
      const inside = compounds.length > 1 && !/[+~]/.test(maskSelector(part)) ? this.lookup(compounds[0]) : null;
      if (inside && (!last || inside.length * 8 < last.length)) {
        for (const anc of inside) for (const el of Array.from(anc.querySelectorAll(lastCompound))) pool.add(el);
      } else if (last) {
        for (const el of last) pool.add(el);
      } else {
        return null;
      }
    }
    return [...pool];
  }

  private lookup(compound: string): Element[] | null {
    const bare = maskSelector(compound).replace(/\[_*\]/g, '');
    const id = /#([\w-]+)/.exec(bare)?.[1];
    if (id) return this.ids.get(id) ?? [];
    const cls = /\.([\w-]+)/.exec(bare)?.[1];
    if (cls) return this.classes.get(cls) ?? [];
    const tag = /^([a-z][a-z0-9]*)/i.exec(bare)?.[1]?.toLowerCase();
    return tag ? this.tags.get(tag) ?? [] : null;
  }

  protected metaMap(): Map<string, string> {
    return this.metas;
  }
}

/**
 * The same questions asked of the native DOM. In a browser querySelector runs in native code and
 * beats any index built in script; and it sees a live page as it is now.
 */
export class NativeQuery extends BaseQuery {
  private metas: Map<string, string> | undefined;

  constructor(private root: Document | Element) {
    super();
  }

  mayMatch(): boolean {
    return true;
  }

  one(selector: string): Element | null {
    try {
      return this.root.querySelector(selector);
    } catch {
      return null;
    }
  }

  all(selector: string): Element[] {
    try {
      return Array.from(this.root.querySelectorAll(selector));
    } catch {
      return [];
    }
  }

  protected metaMap(): Map<string, string> {
    if (!this.metas) {
      this.metas = new Map();
      for (const el of this.all('meta')) addMeta(this.metas, el);
    }
    return this.metas;
  }
}

export const indexedQuery: QueryFactory = (root) => new DocQuery(root);
export const nativeQuery: QueryFactory = (root) => new NativeQuery(root);

function addMeta(metas: Map<string, string>, el: Element): void {
  const key = el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop');
  const content = normalizeText(el.getAttribute('content'));
  if (key && content && !metas.has(key.toLowerCase())) metas.set(key.toLowerCase(), content);
}

/** A complex selector's compounds, split at top-level combinators (not inside brackets or quotes). */
function splitCompounds(part: string): string[] {
  const masked = maskSelector(part);
  const out: string[] = [];
  for (const m of masked.matchAll(/[^\s>+~]+/g)) out.push(part.slice(m.index, m.index + m[0].length));
  return out;
}

function push(map: Map<string, Element[]>, key: string, el: Element): void {
  const list = map.get(key);
  if (list) list.push(el);
  else map.set(key, [el]);
}
