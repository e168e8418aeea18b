/** Issue 15's controls: Read aloud loads on first use (button or N, as in Firefox's Reader View); H highlights the selection. */
import type { Article } from '../core/types';
import { toggleHighlight, trackPosition, wireHighlighting } from './reading';

export function wireReadingControls(shown: () => Article | null): void {
  const byId = (id: string) => document.getElementById(id)!;
  const aloud = () => {
    const article = shown();
    if (article) void import('./aloud').then((m) => m.toggleAloud(article, byId('content')));
  };
  byId('aloud').addEventListener('click', aloud);
  wireHighlighting(byId('highlight') as HTMLButtonElement);
  trackPosition(byId('toolbar'));
  // The toolbar wraps to more rows in a narrow popup and grows with the read-aloud bar: jumps land below it.
  new ResizeObserver(([entry]) =>
    document.documentElement.style.setProperty('--toolbar-height', `${entry.target.getBoundingClientRect().height}px`),
  ).observe(byId('toolbar'));
  addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || !shown() || (e.target as Element).closest('select, input, textarea')) return;
    if (e.key === 'n' || e.key === 'N') aloud();
    if (e.key === 'h' || e.key === 'H') toggleHighlight();
  });
}
