/** Save as Markdown: a .md download (and the images beside it when the option says so). */
import { i18n } from '../../platform/i18n';
import { saveMarkdown } from '../export';
import type { ExportTarget } from './types';

export const download: ExportTarget = {
  button: 'save-md',
  async run(article, settings) {
    const result = await saveMarkdown(article, settings);
    if (!result.ok) return { text: i18n('saveFailed', result.error), kind: 'error' };
    return {
      text: result.imagesFailed
        ? i18n('savedWithImageFailures', [result.filename, String(result.imagesFailed)])
        : i18n('saved', result.filename),
      kind: 'info',
    };
  },
};
