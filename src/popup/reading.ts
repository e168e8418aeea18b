/**
 * Highlights and reading position in the reader (issue 15), restored once the article is on
 * screen (after the `reader:rendered` mark: nothing here delays the article).
 */
import { anchorOf, rangeOf, unwrapMarks, wrapRange, type Highlight } from '../core/highlights';
import type { Article } from '../core/types';
import { i18n } from '../platform/i18n';
import { loadReading, MAX_HIGHLIGHTS, MAX_TEXT, readingKey, saveReading, type Reading } from './reading-store';
import { toast } from './toast';

/** What the position counts: the blocks a reader scrolls past. */
export const BLOCKS = 'p, h2, h3, h4, li, figure, blockquote, tr';

let current: { article: Article; key: string; reading: Reading; content: HTMLElement } | null = null;
/** The last selection inside the article: a click on the button must not depend on focus moving. */
let selected: Range | null = null;

/** The open article's highlights, for the Markdown export (none for any other article). */
export const highlightsOf = (article: Article): Highlight[] => (current?.article === article ? current.reading.highlights : []);

export async function openReading(article: Article, content: HTMLElement): Promise<void> {
  const key = readingKey(article);
  const reading = await loadReading(key);
  current = { article, key, reading, content };
  for (const h of reading.highlights) {
    const range = rangeOf(content, h);
    if (range) wrapRange(range, String(h.at));
  }
  if (reading.block) content.querySelectorAll(BLOCKS)[reading.block]?.scrollIntoView({ block: 'start' });
  follow(); // a selection made while storage answered
}

const save = () => current && void saveReading(current.key, current.reading).catch(() => undefined);

/** Marks under the selection: a selection on a highlight removes it, any other adds one. */
function hits(range: Range): string[] {
  return [...current!.content.querySelectorAll<HTMLElement>('mark[data-hl]')].filter((m) => range.intersectsNode(m)).map((m) => m.dataset.hl!);
}

export function toggleHighlight(): void {
  const range = selected;
  if (!current || !range) return toast(i18n('highlightNothing'));
  const { reading, content } = current;
  const ids = hits(range);
  if (ids.length) {
    for (const id of ids) unwrapMarks(content, id);
    reading.highlights = reading.highlights.filter((h) => !ids.includes(String(h.at)));
  } else {
    const h = anchorOf(content, range);
    if (!h) return toast(i18n('highlightNothing'));
    if (h.text.length > MAX_TEXT || reading.highlights.length >= MAX_HIGHLIGHTS) {
      return toast(i18n('highlightTooMuch', [String(MAX_HIGHLIGHTS), String(MAX_TEXT)]), 'error');
    }
    wrapRange(range, String(h.at));
    reading.highlights = [...reading.highlights, h].sort((a, b) => a.at - b.at);
  }
  getSelection()?.removeAllRanges();
  save();
}

/** The Highlight button follows the selection: enabled on one in the article, "Remove" on a highlight. */
let follow = (): void => undefined;

export function wireHighlighting(button: HTMLButtonElement): void {
  follow = () => {
    const sel = getSelection();
    const range = sel?.rangeCount ? sel.getRangeAt(0) : null;
    if (range && current?.content.contains(range.commonAncestorContainer)) selected = range;
    else if (document.activeElement !== button) selected = null;
    const removes = !!selected && hits(selected).length > 0;
    button.disabled = !selected || (selected.collapsed && !removes);
    button.setAttribute('aria-pressed', String(removes));
    button.textContent = i18n(removes ? 'highlightRemove' : 'highlightAdd');
  };
  document.addEventListener('selectionchange', () => follow());
  button.addEventListener('click', toggleHighlight);
}

/** Remembers the first block in view while the reader scrolls (written at most every 0.5 s). */
export function trackPosition(toolbar: HTMLElement): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  addEventListener('scroll', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!current) return;
      const top = toolbar.getBoundingClientRect().bottom;
      const blocks = [...current.content.querySelectorAll(BLOCKS)];
      const first = scrollY < 8 ? 0 : Math.max(0, blocks.findIndex((b) => b.getBoundingClientRect().bottom > top));
      if (first !== current.reading.block) {
        current.reading.block = first;
        save();
      }
    }, 500);
  }, { passive: true });
}
