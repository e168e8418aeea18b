/** The one YAML writer: front matter for each export preset, written by the `yaml` library. */
import { stringify } from 'yaml';
import type { Article, Preset } from './types';

/** "2021-09-02T19:30:00+08:00" → "2021-09-02 19:30:00" (Beijing wall time, as Hexo reads it). */
export function hexoDate(iso: string | null): string | null {
  const m = iso && /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : null;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The front matter fields of a preset, in the order they are written; null for `plain`. */
export function frontMatterFields(article: Article, preset: Preset, now: Date): Record<string, unknown> | null {
  switch (preset) {
    case 'plain':
      return null;
    case 'hexo':
      // The shape of the Sina archives already out there (../shared/fixtures/seed/000_3abb8cc8ca542811.txt).
      return {
        title: article.title,
        categories: article.categories.length ? article.categories : ['新浪财经'],
        tags: article.tags,
        headimg: article.leadImage ?? article.images[0] ?? null,
        author: article.author ?? article.source ?? '新浪财经',
        comments: false,
        date: hexoDate(article.published) ?? hexoDate(now.toISOString().replace('Z', '+00:00')),
        thumbnail: article.leadImage ?? article.images[0] ?? null,
      };
    case 'obsidian':
      return {
        title: article.title,
        source: article.source,
        author: article.author,
        published: article.published,
        created: day(now),
        tags: article.tags,
        url: article.url,
      };
  }
}

export function frontMatter(article: Article, preset: Preset, now: Date): string {
  const fields = frontMatterFields(article, preset, now);
  if (!fields) return '';
  return `---\n${stringify(fields, { lineWidth: 0, singleQuote: true, nullStr: '' })}---\n\n`;
}
