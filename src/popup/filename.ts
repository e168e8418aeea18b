/**
 * The user's file-name template, filled from the article; the core's safe-name rules run after
 * substitution, so no field can smuggle a path separator or a reserved name into the download.
 */
import { safeFileName } from '../core/filename';
import type { Article } from '../core/types';

export const FILENAME_FIELDS = ['title', 'date', 'year', 'month', 'day', 'slug', 'source', 'docid'] as const;

export function fillTemplate(template: string, article: Article): string {
  // The article's own date (Beijing time, as published), not the reader's.
  const date = /^\d{4}-\d{2}-\d{2}/.exec(article.published ?? '')?.[0] ?? '';
  const [year = '', month = '', day = ''] = date.split('-');
  const values: Record<(typeof FILENAME_FIELDS)[number], string> = {
    title: article.title,
    date,
    year,
    month,
    day,
    // Hexo's post slug form: date then title.
    slug: date ? `${date}-${article.title}` : article.title,
    source: article.source ?? '',
    docid: article.docId ?? '',
  };
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.hasOwn(values, key) ? values[key as keyof typeof values] : whole,
  );
}

export function fileNameFor(article: Article, template: string): string {
  const filled = fillTemplate(template, article).trim();
  return safeFileName(filled || article.title);
}
