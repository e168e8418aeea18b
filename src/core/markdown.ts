/** markdown: sanitized article HTML → Markdown (turndown + GFM), with front matter. */
import TurndownService from 'turndown';
import { gfm } from '@joplin/turndown-plugin-gfm';
import { frontMatter, PRESET_TEMPLATES } from './frontmatter';
import type { Article, Preset } from './types';

let service: TurndownService | null = null;

function turndown(): TurndownService {
  if (service) return service;
  const td = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*' });
  td.use(gfm);
  // A Markdown viewer renders raw HTML: angle brackets in text must stay text.
  const escape = td.escape.bind(td);
  td.escape = (s: string) => escape(s).replace(/[<>]/g, (c) => `\\${c}`);
  td.addRule('figure', {
    filter: 'figure',
    replacement: (_content, node) => {
      const el = node as HTMLElement;
      const img = el.querySelector('img');
      const src = img?.getAttribute('src') ?? '';
      if (!/^https?:\/\//i.test(src)) return '';
      const caption = (el.querySelector('figcaption')?.textContent ?? '').trim();
      const alt = caption.replace(/[[\]\\<>]/g, '\\$&');
      return `\n\n![${alt}](${markdownUrl(src)})${caption ? `\n\n*${td.escape(caption)}*` : ''}\n\n`;
    },
  });
  // The reader's highlights (issue 15), as Obsidian and Typora write them.
  td.addRule('highlight', { filter: 'mark', replacement: (content) => (content ? `==${content}==` : '') });
  td.addRule('safeLinks', {
    filter: (node) => node.nodeName === 'A' && !/^https?:\/\//i.test(node.getAttribute('href') ?? ''),
    replacement: (content) => content,
  });
  service = td;
  return td;
}

export interface MarkdownOptions {
  preset: Preset;
  now?: Date;
  /** The user's own front-matter template (see frontmatter.ts); the preset's when absent. */
  template?: string;
  /** The reader's highlights: for `{{highlights}}`, and a `highlights:` list when `highlightsInFrontMatter`. */
  highlights?: string[];
  highlightsInFrontMatter?: boolean;
}

/** The body only (no front matter). */
export function bodyMarkdown(article: Article): string {
  return turndown().turndown(article.html || '<p></p>').trim();
}

export function toMarkdown(article: Article, opts: MarkdownOptions): string {
  const highlights = opts.highlights ?? [];
  let template = opts.template;
  // A key the template already has wins (renderTemplate keeps the first of a key).
  if (opts.highlightsInFrontMatter && highlights.length && opts.preset !== 'plain') {
    template = `${template ?? PRESET_TEMPLATES[opts.preset]}\nhighlights: {{highlights}}`;
  }
  const head = frontMatter(article, opts.preset, opts.now ?? new Date(), template, highlights);
  const title = opts.preset === 'plain' ? `# ${turndown().escape(article.title)}\n\n` : '';
  return `${head}${title}${bodyMarkdown(article)}\n`;
}

/** Spaces and parentheses would end a Markdown link early. */
function markdownUrl(src: string): string {
  return src.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
