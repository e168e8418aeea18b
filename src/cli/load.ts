/** One input's bytes: a saved file read from disk, or a page fetched from Sina. */
import fs from 'node:fs';
import path from 'node:path';
import { charsetOf } from './convert';
import { fetchBytes, type FetchPolicy } from './fetch';
import type { Input } from './inputs';
import type { MessageKey } from './messages';

export const MAX_BYTES = 50 * 1024 * 1024;

export type Loaded =
  | { ok: true; bytes: Uint8Array; url: string | null; fileUrl: string; charset: string | null }
  | { ok: false; reason: MessageKey; status?: number };

/** Types a page may come as; anything else (an image, a PDF, JSON) is not a page. */
const PAGE_TYPES = /^(text\/html|application\/xhtml\+xml|text\/plain|application\/octet-stream)$/i;

export async function loadInput(input: Exclude<Input, { kind: 'bad' }>, policy: FetchPolicy, givenUrl: string | null): Promise<Loaded> {
  if (input.kind === 'file') return readSaved(input.path, givenUrl);
  const got = await fetchBytes(input.url, policy);
  if (!got.ok) return got;
  const type = (got.contentType ?? '').split(';')[0].trim();
  if (type && !PAGE_TYPES.test(type)) return { ok: false, reason: 'not-html' };
  return { ok: true, bytes: got.bytes, url: got.url, fileUrl: got.url, charset: charsetOf(got.contentType) };
}

async function readSaved(file: string, givenUrl: string | null): Promise<Loaded> {
  try {
    const stat = await fs.promises.stat(file);
    if (stat.isDirectory()) return { ok: false, reason: 'directory' };
    if (stat.size > MAX_BYTES) return { ok: false, reason: 'tooBig' };
    const bytes = await fs.promises.readFile(file);
    return { ok: true, bytes, url: givenUrl, fileUrl: `file://${path.resolve(file)}`, charset: null };
  } catch (e) {
    return { ok: false, reason: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable' };
  }
}
