/** clean: removes the site's noise from a detached copy of the article body. */
import { noiseCommentRanges, noiseLinkHrefs, noiseSelectors } from '../sites/sina';
import { safeQueryAll } from './dom';
import { indexedQuery, type QueryFactory } from './query';

const BLOCKS = 'p,li,div,center,section,td';

/** Removes noise from `root` (a detached clone) and returns how many nodes went. */
export function cleanBody(root: Element, query: QueryFactory = indexedQuery): number {
  let removed = removeCommentRanges(root);
  const q = query(root);
  const doomed = new Set(noiseSelectors.flatMap((s) => q.all(s)));
  for (const el of doomed) {
    if (el.isConnected || root.contains(el)) {
      el.remove();
      removed++;
    }
  }
  // Read off the href in script: a substring selector costs jsdom a compilation per page.
  const promoLinks = q.all('a').filter((a) => {
    const href = a.getAttribute('href');
    return !!href && noiseLinkHrefs.some((h) => href.includes(h));
  });
  for (const a of promoLinks) {
    if (!a.isConnected && !root.contains(a)) continue;
    const block = a.closest(BLOCKS);
    (block && block !== root && root.contains(block) ? block : a).remove();
    removed++;
  }
  return removed;
}

/** Removes every node between an opening and a closing marker comment (same parent only). */
function removeCommentRanges(root: Element): number {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 128 /* NodeFilter.SHOW_COMMENT */);
  const starts: Array<{ node: Comment; end: RegExp }> = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n as Comment).data;
    const range = noiseCommentRanges.find(([open]) => open.test(text));
    if (range) starts.push({ node: n as Comment, end: range[1] });
  }
  let removed = 0;
  const gone = new Set<Node>();
  for (const { node, end } of starts) {
    if (gone.has(node)) continue;
    const doomed: Node[] = [];
    let closed = false;
    for (let sib = node.nextSibling; sib; sib = sib.nextSibling) {
      if (sib.nodeType === 8 && end.test((sib as Comment).data)) {
        closed = true;
        gone.add(sib);
        break;
      }
      doomed.push(sib);
    }
    // An unclosed range is left alone: better some noise than a lost paragraph.
    if (!closed) continue;
    for (const d of doomed) {
      gone.add(d);
      d.parentNode?.removeChild(d);
      removed++;
    }
  }
  return removed;
}
