/**
 * Links in the reader: article links open in a new tab (the popup itself never navigates away),
 * and the table of contents jumps to its heading, by mouse or keyboard.
 */
import { browser } from '../platform/browser';

function openLink(event: MouseEvent | KeyboardEvent): void {
  const target = event.target as Element | null;
  const jump = target?.closest<HTMLElement>('a[data-section]');
  if (jump) {
    event.preventDefault();
    const heading = document.getElementById(jump.dataset.section ?? '');
    if (!heading) return;
    heading.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
    keepInView(heading);
    return;
  }
  const link = target?.closest<HTMLAnchorElement>('a[href]');
  if (!link || event instanceof KeyboardEvent) return; // Enter on a real link fires click anyway
  event.preventDefault();
  if (/^https?:$/.test(link.protocol)) void browser.tabs.create({ url: link.href, active: event.button !== 1 });
}

/**
 * Images above a heading that load after the jump push it down (they load lazily, and not every
 * browser anchors the scroll). Until they have all loaded, or the reader scrolls on their own,
 * each one that settles brings the heading back to the top.
 */
function keepInView(heading: HTMLElement, patienceMs = 5000): void {
  const above = Array.from(document.querySelectorAll<HTMLImageElement>('#content img')).filter(
    (img) => !img.complete && img.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING,
  );
  if (!above.length) return;
  let left = above.length;
  const userEvents = ['wheel', 'keydown', 'mousedown', 'touchstart'] as const;
  const timer = setTimeout(() => stop(), patienceMs);
  const settled = (): void => {
    heading.scrollIntoView({ block: 'start' });
    if (--left === 0) stop();
  };
  const stop = (): void => {
    clearTimeout(timer);
    for (const img of above) {
      img.removeEventListener('load', settled);
      img.removeEventListener('error', settled);
    }
    for (const type of userEvents) removeEventListener(type, stop, true);
  };
  for (const img of above) {
    img.addEventListener('load', settled, { once: true });
    img.addEventListener('error', settled, { once: true });
  }
  for (const type of userEvents) addEventListener(type, stop, { capture: true, once: true });
}

export function wireLinks(root: HTMLElement): void {
  root.addEventListener('click', openLink);
  root.addEventListener('auxclick', (e) => {
    if (e.button === 1) openLink(e);
  });
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.target as Element | null)?.matches('a[data-section]')) openLink(e);
  });
}
