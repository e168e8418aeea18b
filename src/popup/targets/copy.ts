/** Copy Markdown: the whole export, front matter included, to the clipboard. */
import { i18n } from '../../platform/i18n';
import { copyMarkdown } from '../export';
import type { ExportTarget } from './types';

export const copy: ExportTarget = {
  button: 'copy-md',
  async run(article, settings) {
    const result = await copyMarkdown(article, settings);
    return result.ok ? { text: i18n('copied'), kind: 'info' } : { text: i18n('copyFailed', result.error), kind: 'error' };
  },
};
