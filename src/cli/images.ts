/**
 * --images DIR / --images-beside: each image of the article on a Sina host is fetched with the
 * article's URL as Referer (Sina's image hosts refuse requests without one), saved under a name made
 * from its URL (the same image gets the same file in every run), and its links in the Markdown point
 * at the copy. An image that fails keeps its remote link and gets one line.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fetchBytes, type FetchPolicy } from './fetch';
import type { MessageKey } from './messages';
import { writeAtomically } from './outdir';

const TYPES: Record<string, string> = {
  'image/jpeg': '.jpg', 'image/png': '.png', 'image/gif': '.gif', 'image/webp': '.webp',
  'image/avif': '.avif', 'image/svg+xml': '.svg', 'image/bmp': '.bmp',
};
const KNOWN_EXT = /\.(jpe?g|png|gif|webp|avif|svg|bmp)$/i;

export interface ImageFailure {
  src: string;
  reason: MessageKey;
  status?: number;
}

export interface LocalImages {
  markdown: string;
  saved: number;
  failed: ImageFailure[];
}

/** The stable part of an image's file name: the same URL, the same name. */
export function imageStem(src: string): string {
  return crypto.createHash('sha256').update(src).digest('hex').slice(0, 16);
}

export async function saveImages(
  markdown: string,
  images: string[],
  opts: { dir: string; linkDir: string; referer: string; policy: FetchPolicy },
): Promise<LocalImages> {
  const failed: ImageFailure[] = [];
  let saved = 0;
  for (const src of new Set(images)) {
    if (!markdown.includes(src)) continue;
    const local = await saveOne(src, opts).catch((): ImageFailure => ({ src, reason: 'writeFailed' }));
    if (typeof local !== 'string') {
      if (local.reason !== 'notSina') failed.push(local);
      continue;
    }
    const link = linkSafe(path.posix.join(opts.linkDir, local));
    markdown = markdown.split(src).join(link);
    saved++;
  }
  return { markdown, saved, failed };
}

/** The saved file's name, or why not. */
async function saveOne(src: string, opts: { dir: string; referer: string; policy: FetchPolicy }): Promise<string | ImageFailure> {
  const stem = imageStem(src);
  const urlExt = KNOWN_EXT.exec(new URL(src).pathname)?.[0].toLowerCase().replace('.jpeg', '.jpg');
  if (urlExt && fs.existsSync(path.join(opts.dir, stem + urlExt))) return stem + urlExt;
  const got = await fetchBytes(src, opts.policy, { referer: opts.referer, accept: 'image/*' });
  if (!got.ok) return { src, reason: got.reason, status: got.status };
  const typeExt = TYPES[(got.contentType ?? '').split(';')[0].trim().toLowerCase()];
  if (!typeExt) return { src, reason: 'notImage' };
  const name = stem + typeExt;
  fs.mkdirSync(opts.dir, { recursive: true });
  writeAtomically(path.join(opts.dir, name), got.bytes);
  return name;
}

/** Markdown link targets cannot hold spaces or parentheses; Han characters stay readable. */
function linkSafe(p: string): string {
  return p.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
