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
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
    return;
  }
  const link = target?.closest<HTMLAnchorElement>('a[href]');
  if (!link || event instanceof KeyboardEvent) return; // Enter on a real link fires click anyway
  event.preventDefault();
  if (/^https?:$/.test(link.protocol)) void browser.tabs.create({ url: link.href, active: event.button !== 1 });
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
