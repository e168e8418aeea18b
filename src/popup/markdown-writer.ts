/**
 * The Markdown writer (turndown, its GFM plugin and the yaml library: half the popup's weight)
 * loads on its own: the article shows without it, and it is fetched while the reader reads.
 */
type MarkdownModule = typeof import('../core/markdown');

let loading: Promise<MarkdownModule> | undefined;

export function markdownWriter(): Promise<MarkdownModule> {
  return (loading ??= import('../core/markdown'));
}

/** Start loading once the article is on screen, so Save and Copy find the writer ready. */
export function preloadMarkdownWriter(): void {
  const start = () => void markdownWriter().catch(() => (loading = undefined));
  if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 500 });
  else setTimeout(start, 50);
}
