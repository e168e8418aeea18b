/** render: blocks → article HTML (escaped here, sanitized again by the pipeline) and plain text. */
import type { Block, Run } from './extract';

const runsText = (runs: Run[]): string => runs.map((r) => r.text).join('');

/**
 * Blocks → a detached <div> built node by node in `doc` (give an inert document: images created
 * in a live one start loading at once). No HTML string is parsed on the way.
 */
export function blocksToElement(blocks: Block[], doc: Document): HTMLElement {
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, ...kids: Array<Node | string>) => {
    const e = doc.createElement(tag);
    e.append(...kids);
    return e;
  };
  const inline = (runs: Run[]) =>
    runs.map((r) => {
      let n: Node | string = r.text;
      if (r.bold) n = el('strong', n);
      if (r.italic) n = el('em', n);
      if (r.href) {
        const a = el('a', n);
        a.setAttribute('href', r.href);
        n = a;
      }
      return n;
    });
  const root = doc.createElement('div');
  for (const b of blocks) {
    switch (b.type) {
      case 'p':
        root.append(b.quote ? el('blockquote', el('p', ...inline(b.runs))) : el('p', ...inline(b.runs)));
        break;
      case 'h':
        root.append(el(b.level === 2 ? 'h2' : 'h3', b.text));
        break;
      case 'img': {
        const img = doc.createElement('img');
        img.setAttribute('referrerpolicy', 'no-referrer');
        img.setAttribute('loading', 'lazy');
        img.setAttribute('alt', b.caption ?? b.alt);
        img.setAttribute('src', b.src);
        root.append(b.caption ? el('figure', img, el('figcaption', b.caption)) : el('figure', img));
        break;
      }
      case 'list':
        root.append(el(b.ordered ? 'ol' : 'ul', ...b.items.map((i) => el('li', ...inline(i)))));
        break;
      case 'table': {
        const [head, ...rest] = b.rows;
        const row = (cells: string[], t: 'th' | 'td') => el('tr', ...cells.map((c) => el(t, c)));
        root.append(el('table', el('thead', row(head, 'th')), el('tbody', ...rest.map((r) => row(r, 'td')))));
        break;
      }
    }
  }
  return root;
}

/** Plain text: one entry per block, tables one line per row (cells joined by " | "). */
export function blocksToText(blocks: Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.type === 'p') out.push(runsText(b.runs));
    else if (b.type === 'h') out.push(b.text);
    else if (b.type === 'img') {
      if (b.caption) out.push(b.caption);
    } else if (b.type === 'list') out.push(...b.items.map(runsText));
    else out.push(...b.rows.map((r) => r.filter(Boolean).join(' | ')));
  }
  return out.join('\n\n');
}

/** Han characters count one each, Latin words one each. */
export function countWords(text: string): number {
  return (text.match(/\p{Script=Han}|[A-Za-z0-9]+(?:['’.-][A-Za-z0-9]+)*/gu) ?? []).length;
}
