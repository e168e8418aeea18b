/** "Copy selection as Markdown" (context menu): the selected HTML, sanitized, through the same Markdown writer. */
import { sanitizeHtml } from '../core/sanitize';
import type { Article } from '../core/types';
import { sendToTab } from '../platform/send';
import { copyText } from './download';
import { markdownWriter } from './markdown-writer';
import { failure, type Result } from '../platform/messages';

export async function copySelection(tabId: number): Promise<Result<{ markdown: string }>> {
  const reply = await sendToTab(tabId, { type: 'get-selection' });
  if (!reply.ok) return reply;
  if (!reply.html.trim()) return { ok: false, error: 'empty selection' };
  try {
    const fragment: Article = {
      url: reply.url,
      title: reply.title,
      originalTitle: null,
      published: null,
      source: null,
      author: null,
      editor: null,
      tags: [],
      categories: [],
      leadImage: null,
      images: [],
      docId: null,
      lang: null,
      template: 'generic',
      html: sanitizeHtml(reply.html, window),
      text: '',
      wordCount: 0,
      readingMinutes: 0,
    };
    // The body only, without front matter or headline: a selection is a quote, not a post.
    const { bodyMarkdown } = await markdownWriter();
    const markdown = `${bodyMarkdown(fragment)}\n`;
    await copyText(markdown);
    return { ok: true, markdown };
  } catch (err) {
    return failure(err);
  }
}
