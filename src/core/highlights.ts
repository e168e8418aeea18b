/**
 * highlights: the reader's marked passages (issue 15), stored as text with the words around it and
 * its offset, never as DOM paths, so they find their place again in any new rendering of the same
 * article (the reader, the Markdown export). Applied as <mark> elements around whole inline nodes.
 */
export interface Highlight {
  text: string;
  /** Up to CONTEXT characters before and after, and the offset in the body's text: to tell repeats apart. */
  prefix: string;
  suffix: string;
  at: number;
}

const CONTEXT = 32;
const BLOCK = /^(P|DIV|H\d|UL|OL|LI|BLOCKQUOTE|TABLE|THEAD|TBODY|TR|TD|TH|FIGURE|FIGCAPTION|PRE|IMG|BR)$/;

export function anchorOf(root: Node, range: Range): Highlight | null {
  const text = range.toString();
  if (!text.trim() || !root.contains(range.commonAncestorContainer)) return null;
  const before = root.ownerDocument!.createRange();
  before.setStart(root, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const at = before.toString().length;
  const all = root.textContent ?? '';
  return { text, prefix: all.slice(Math.max(0, at - CONTEXT), at), suffix: all.slice(at + text.length, at + text.length + CONTEXT), at };
}

/** Where the highlight is in `root` now: the occurrence whose surroundings match best. */
export function rangeOf(root: Node, h: Highlight): Range | null {
  const all = root.textContent ?? '';
  let best = -1;
  let bestScore = -Infinity;
  for (let i = all.indexOf(h.text); i >= 0; i = all.indexOf(h.text, i + 1)) {
    const score = (all.slice(0, i).endsWith(h.prefix) ? 2 : 0) + (all.startsWith(h.suffix, i + h.text.length) ? 2 : 0) - Math.abs(i - h.at) / (all.length + 1);
    if (score > bestScore) [best, bestScore] = [i, score];
  }
  return best < 0 ? null : rangeAt(root, best, best + h.text.length);
}

/** The range over characters [start, end) of `root`'s text. */
export function rangeAt(root: Node, start: number, end: number): Range | null {
  const range = root.ownerDocument!.createRange();
  const walker = root.ownerDocument!.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let seen = 0;
  let started = false;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const next = seen + node.data.length;
    if (!started && start < next) {
      range.setStart(node, start - seen);
      started = true;
    }
    if (started && end <= next) {
      range.setEnd(node, end - seen);
      return range;
    }
    seen = next;
  }
  return null;
}

/**
 * Wraps the range in <mark>s: one around each run of sibling inline nodes it covers whole, so a
 * highlight over a bold word or part of a link stays one `==…==` where Markdown allows it.
 */
export function wrapRange(range: Range, id: string): HTMLElement[] {
  const doc = range.startContainer.ownerDocument!;
  let { startContainer: sc, startOffset: so, endContainer: ec, endOffset: eo } = range;
  if (ec.nodeType === 3 && eo < (ec as Text).length) (ec as Text).splitText(eo);
  if (sc.nodeType === 3 && so > 0) {
    const rest = (sc as Text).splitText(so);
    if (ec === sc) [ec, eo] = [rest, eo - so];
    sc = rest;
    so = 0;
  }
  range.setStart(sc, so);
  range.setEnd(ec, eo);
  const root = range.commonAncestorContainer;
  const walker = doc.createTreeWalker(root.nodeType === 3 ? root.parentNode! : root, 4);
  const inside = new Set<Node>();
  // Spaces between inline nodes belong to the run (one mark over "**a** *b*"); those between blocks do not.
  const inline = (n: Node | null) => n !== null && !BLOCK.test(n.nodeName);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (range.intersectsNode(n) && (n.textContent!.trim() || (inline(n.previousSibling) && inline(n.nextSibling)))) inside.add(n);
  }
  const covered = (el: Node): boolean =>
    [...el.childNodes].every((c) => (c.nodeType === 3 ? inside.has(c) || !c.textContent!.trim() : c.nodeType !== 1 || covered(c)));
  // Each text node climbs to its highest inline ancestor that the range covers whole.
  const tops = new Set<Node>();
  for (const t of inside) {
    let n: Node = t;
    while (n.parentNode && n.parentNode !== root && !BLOCK.test(n.parentNode.nodeName) && covered(n.parentNode)) n = n.parentNode;
    tops.add(n);
  }
  const marks: HTMLElement[] = [];
  for (const top of tops) {
    if (!top.parentNode || (top.previousSibling && tops.has(top.previousSibling))) continue;
    const mark = doc.createElement('mark');
    mark.dataset.hl = id;
    top.parentNode.insertBefore(mark, top);
    for (let n: Node | null = top; n && tops.has(n); ) {
      const next: Node | null = n.nextSibling;
      mark.append(n);
      n = next;
    }
    marks.push(mark);
  }
  return marks;
}

/** Takes the marks of one highlight (or all) out again, leaving the text as it was. */
export function unwrapMarks(root: ParentNode, id?: string): void {
  for (const mark of root.querySelectorAll<HTMLElement>(id ? `mark[data-hl="${id}"]` : 'mark[data-hl]')) {
    const parent = mark.parentNode!;
    mark.replaceWith(...mark.childNodes);
    parent.normalize();
  }
}

/** The sanitized article HTML with the highlights marked, for the Markdown writer. */
export function markHighlights(html: string, highlights: Highlight[], win: Pick<typeof globalThis, 'DOMParser'>): string {
  if (!highlights.length) return html;
  const body = new win.DOMParser().parseFromString(html, 'text/html').body;
  highlights.forEach((h, i) => {
    const range = rangeOf(body, h);
    if (range) wrapRange(range, String(i));
  });
  for (const mark of body.querySelectorAll('mark')) mark.removeAttribute('data-hl');
  return body.innerHTML;
}
