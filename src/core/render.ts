/** render: blocks → article HTML (escaped here, sanitized again by the pipeline) and plain text. */
import type { Block, Run } from './extract';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c]);

function runsHtml(runs: Run[]): string {
  return runs
    .map((r) => {
      let h = escapeHtml(r.text);
      if (r.bold) h = `<strong>${h}</strong>`;
      if (r.italic) h = `<em>${h}</em>`;
      if (r.href) h = `<a href="${escapeHtml(r.href)}">${h}</a>`;
      return h;
    })
    .join('');
}

const runsText = (runs: Run[]): string => runs.map((r) => r.text).join('');

export function blocksToHtml(blocks: Block[]): string {
  return blocks
    .map((b) => {
      switch (b.type) {
        case 'p':
          return b.quote ? `<blockquote><p>${runsHtml(b.runs)}</p></blockquote>` : `<p>${runsHtml(b.runs)}</p>`;
        case 'h':
          return `<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`;
        case 'img': {
          const img = `<img src="${escapeHtml(b.src)}" alt="${escapeHtml(b.caption ?? b.alt)}" referrerpolicy="no-referrer" loading="lazy">`;
          return b.caption ? `<figure>${img}<figcaption>${escapeHtml(b.caption)}</figcaption></figure>` : `<figure>${img}</figure>`;
        }
        case 'list': {
          const tag = b.ordered ? 'ol' : 'ul';
          return `<${tag}>${b.items.map((i) => `<li>${runsHtml(i)}</li>`).join('')}</${tag}>`;
        }
        case 'table': {
          const [head, ...rest] = b.rows;
          const cells = (row: string[], t: string) => row.map((c) => `<${t}>${escapeHtml(c)}</${t}>`).join('');
          return `<table><thead><tr>${cells(head, 'th')}</tr></thead><tbody>${rest.map((r) => `<tr>${cells(r, 'td')}</tr>`).join('')}</tbody></table>`;
        }
      }
    })
    .join('\n');
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
    else out.push(...b.rows.map((r) => r.join(' | ')));
  }
  return out.join('\n\n');
}

/** Han characters count one each, Latin words one each. */
export function countWords(text: string): number {
  return (text.match(/\p{Script=Han}|[A-Za-z0-9]+(?:['’.-][A-Za-z0-9]+)*/gu) ?? []).length;
}
