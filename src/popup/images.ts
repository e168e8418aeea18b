/**
 * "Save images next to the Markdown file": each image on Sina's image hosts is fetched by the
 * extension (host permission *.sinaimg.cn only), saved in a folder named after the article, and its
 * links in the Markdown are rewritten to the local copy. A failed image keeps its remote link.
 */
import { downloadBlob, savedBaseName } from './download';
import { extensionFor, isSinaImage } from './image-files';

export interface LocalImages {
  markdown: string;
  saved: number;
  failed: string[];
  /** The downloads made, to take back if the Markdown file itself fails. */
  ids: number[];
}

export async function saveImagesBeside(markdown: string, images: string[], mdFilename: string): Promise<LocalImages> {
  const folder = mdFilename.replace(/\.md$/i, '');
  let saved = 0;
  const failed: string[] = [];
  const ids: number[] = [];
  const unique = [...new Set(images)].filter((src) => markdown.includes(src));
  for (const [i, src] of unique.entries()) {
    if (!isSinaImage(src)) continue;
    try {
      const response = await fetch(src.replace(/^http:/, 'https:'), { credentials: 'omit', referrerPolicy: 'no-referrer' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const ext = extensionFor(response.headers.get('content-type'));
      if (!ext) throw new Error(`not an image: ${response.headers.get('content-type')}`);
      const name = `${String(i + 1).padStart(2, '0')}.${ext}`;
      const id = await downloadBlob(await response.blob(), `${folder}/${name}`);
      ids.push(id);
      // Saved twice (or two articles with one title): the browser picks another name in the folder.
      const savedAs = (await savedBaseName(id)) ?? name;
      markdown = markdown.split(src).join(`${linkPath(folder)}/${linkSafe(savedAs)}`);
      saved++;
    } catch {
      failed.push(src);
    }
  }
  return { markdown, saved, failed, ids };
}

/** Markdown link targets cannot hold spaces or parentheses; the rest (Han characters too) stays readable. */
function linkSafe(name: string): string {
  // Not encodeURIComponent: it leaves ( and ) as they are, and an unbalanced one ends the link.
  return name.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function linkPath(folder: string): string {
  return linkSafe(folder.split('/').pop() ?? folder);
}
