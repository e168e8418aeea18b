/** Save as Markdown and Copy Markdown, with the user's preset, stock-link mode and file-name template. */
import { markHighlights } from '../core/highlights';
import type { Article } from '../core/types';
import { failure, type Result } from '../platform/messages';
import type { Settings } from '../platform/settings';
import { copyText, discardDownloads, downloadBlob, downloadFinished } from './download';
import { fileNameFor } from './filename';
import { saveImagesBeside } from './images';
import { markdownWriter } from './markdown-writer';
import { highlightsOf } from './reading';

export async function markdownOf(article: Article, settings: Settings): Promise<string> {
  const { toMarkdown } = await markdownWriter();
  // Stock links were already shaped by extraction (settings.stockLinks); preset and template shape the rest.
  // The reader's highlights become <mark> (==text==) in a copy of the article's HTML.
  const marked = highlightsOf(article);
  return toMarkdown({ ...article, html: markHighlights(article.html, marked, window) }, {
    preset: settings.preset,
    template: settings.frontMatterTemplate.trim() || undefined,
    highlights: marked.map((h) => h.text.replace(/\s+/g, ' ').trim()),
    highlightsInFrontMatter: settings.highlightsInFrontMatter,
  });
}

export async function saveMarkdown(
  article: Article,
  settings: Settings,
): Promise<Result<{ filename: string; imagesSaved: number; imagesFailed: number }>> {
  // Written last, in one piece; if it fails, the images saved for it are taken back too.
  const written: number[] = [];
  try {
    const filename = fileNameFor(article, settings.filenameTemplate);
    let markdown = await markdownOf(article, settings);
    let imagesSaved = 0;
    let imagesFailed = 0;
    if (settings.images === 'local' && article.images.length) {
      const local = await saveImagesBeside(markdown, article.images, filename);
      ({ markdown } = local);
      written.push(...local.ids);
      imagesSaved = local.saved;
      imagesFailed = local.failed.length;
    }
    const id = await downloadBlob(new Blob([markdown], { type: 'text/markdown;charset=utf-8' }), filename);
    written.push(id);
    if (!(await downloadFinished(id))) throw new Error(`${filename} was not written`);
    return { ok: true, filename, imagesSaved, imagesFailed };
  } catch (err) {
    await discardDownloads(written);
    return failure(err);
  }
}

export async function copyMarkdown(article: Article, settings: Settings): Promise<Result> {
  try {
    await copyText(await markdownOf(article, settings));
    return { ok: true };
  } catch (err) {
    return failure(err);
  }
}
