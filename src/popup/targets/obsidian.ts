/**
 * Save to Obsidian: a new note through the `obsidian://new` URI, named by the file-name template,
 * in the vault and folder of the options. A long note travels by the clipboard (see obsidian-uri.ts).
 */
import { i18n } from '../../platform/i18n';
import { copyText } from '../download';
import { markdownOf } from '../export';
import { fileNameFor } from '../filename';
import { launchUri } from '../launch';
import { notePath, obsidianUri } from '../obsidian-uri';
import type { ExportTarget } from './types';

/** Long enough for the browser's "open this app?" prompt and the app's start. */
export const OBSIDIAN_WAIT_MS = 4000;

export const obsidian: ExportTarget = {
  button: 'save-obsidian',
  async run(article, settings) {
    const name = fileNameFor(article, settings.filenameTemplate).replace(/\.md$/i, '');
    let markdown: string;
    try {
      markdown = await markdownOf(article, settings);
    } catch (err) {
      return { text: i18n('saveFailed', err instanceof Error ? err.message : String(err)), kind: 'error' };
    }
    const { obsidianVault: vault, obsidianFolder: folder, obsidianOpen: open } = settings;
    const { uri, viaClipboard } = obsidianUri({ vault, folder, name, markdown, open });
    if (viaClipboard) {
      try {
        await copyText(markdown);
      } catch {
        return { text: i18n('obsidianNoClipboard'), kind: 'error' };
      }
    }
    if (!(await launchUri(uri, OBSIDIAN_WAIT_MS))) {
      return { text: vault ? i18n('obsidianNoAnswer', vault) : i18n('obsidianNoAnswerNoVault'), kind: 'error' };
    }
    return { text: i18n('obsidianSent', notePath(folder, name)), kind: 'info' };
  },
};
