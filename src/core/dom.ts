/** Small DOM helpers shared by the pipeline steps. No browser API beyond the DOM itself. */

/** What normalizeText counts as whitespace (incl. U+3000, no-break and zero-width spaces). */
const SPACE = '[\\s\\u3000\\u00a0\\u200b\\ufeff]';
const SPACES = new RegExp(`${SPACE}+`, 'g');
const ONE_SPACE = new RegExp(SPACE);

/** Collapses whitespace (incl. U+3000 and no-break spaces) and trims. */
export function normalizeText(s: string | null | undefined): string {
  return (s ?? '').replace(SPACES, ' ').trim();
}

/**
 * Whether `text` holds at least `min` characters once whitespace is collapsed (normalizeText):
 * stops at the min-th non-space character, so a long body costs a few steps, not a pass.
 */
export function hasText(text: string | null | undefined, min: number): boolean {
  if (!text) return min <= 0;
  if (text.length < min) return false;
  let n = 0;
  for (let i = 0; i < text.length && n < min; i++) if (!ONE_SPACE.test(text[i])) n++;
  return n >= min || normalizeText(text).length >= min;
}

/**
 * A test of whether any of `patterns` matches: one compiled pattern per set of flags instead of
 * one per pattern (the content script runs them once per page, cold). Each pattern keeps its flags.
 */
export function anyOf(patterns: readonly RegExp[]): (text: string) => boolean {
  const byFlags = new Map<string, string[]>();
  for (const re of patterns) byFlags.set(re.flags, [...(byFlags.get(re.flags) ?? []), `(?:${re.source})`]);
  const joined = [...byFlags].map(([flags, sources]) => new RegExp(sources.join('|'), flags.replace(/[gy]/g, '')));
  return (text) => joined.some((re) => re.test(text));
}

/** The first element matching any selector, in the order given. Bad selectors are skipped. */
export function firstMatch(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const sel of selectors) {
    const el = safeQuery(root, sel);
    if (el) return el;
  }
  return null;
}

export function safeQuery(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

export function safeQueryAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/** Text of the first matching element that has any. */
export function firstText(root: ParentNode, selectors: readonly string[]): string | null {
  for (const sel of selectors) {
    for (const el of safeQueryAll(root, sel)) {
      const t = normalizeText(el.textContent);
      if (t) return t;
    }
  }
  return null;
}

export function metaContent(doc: Document, ...names: string[]): string | null {
  for (const name of names) {
    const el =
      safeQuery(doc, `meta[property="${name}"]`) ?? safeQuery(doc, `meta[name="${name}"]`) ?? safeQuery(doc, `meta[itemprop="${name}"]`);
    const v = normalizeText(el?.getAttribute('content'));
    if (v) return v;
  }
  return null;
}

/** Absolute URL: protocol-relative and http Sina image hosts become https. */
export function absoluteUrl(raw: string | null | undefined, base: string): string | null {
  const v = (raw ?? '').trim();
  if (!v || v.startsWith('data:') || v.startsWith('javascript:')) return null;
  try {
    const u = new URL(v, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    if (u.protocol === 'http:' && /(^|\.)sinaimg\.cn$|^image\d*\.sina\.com\.cn$/i.test(u.hostname)) u.protocol = 'https:';
    return u.href;
  } catch {
    return null;
  }
}

/**
 * A deep copy of `root`. The native deep clone recurses; on a pathological page (thousands of
 * nested elements) it overflows the stack, and then the copy is made with an explicit stack.
 */
export function cloneDeep<T extends Node>(root: T): T {
  try {
    return root.cloneNode(true) as T;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
  }
  const copy = root.cloneNode(false) as T;
  const stack: Array<[Node, Node]> = [[root, copy]];
  while (stack.length) {
    const [from, to] = stack.pop()!;
    for (let child = from.firstChild; child; child = child.nextSibling) {
      const twin = child.cloneNode(false);
      to.appendChild(twin);
      if (child.firstChild) stack.push([child, twin]);
    }
  }
  return copy;
}

/**
 * The page as the reader needs it: a copy without scripts (JSON-LD kept: metadata) and without
 * style sheets. On a Sina page that is 40 % of the HTML: less to send to the popup and about half
 * the parse there (issue 5: the popup's article within 100 ms).
 */
export function readerHtml(doc: Document): string {
  const copy = cloneDeep(doc.documentElement);
  for (const el of Array.from(copy.querySelectorAll('script,style'))) {
    if (el.localName === 'style' || !/ld\+json/i.test(el.getAttribute('type') ?? '')) el.remove();
  }
  return copy.outerHTML;
}
