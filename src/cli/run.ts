/** The export command: one page or a batch; failures are reported per file and never stop the batch. */
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { DecodeError, decodeHtml } from '../core/encoding';
import { numberedFileName, safeFileName } from '../core/filename';
import { toMarkdown } from '../core/markdown';
import { extractArticle } from '../core/extract-article';
import type { Article } from '../core/types';
import { parseArgs, type Args } from './args';
import { messages, type MessageKey } from './messages';

const MAX_BYTES = 50 * 1024 * 1024;

/** One window serves DOMPurify for the whole batch: setting it up costs more than a page. */
let purifyWindow: Window | null = null;
const purifier = () => (purifyWindow ??= new JSDOM('').window as unknown as Window);

class PageError extends Error {
  constructor(public key: MessageKey) {
    super(key);
  }
}

export async function run(argv: string[]): Promise<number> {
  const msg = messages();
  const args = parseArgs(argv);
  if (!args) {
    process.stderr.write(`sina-reader: ${msg.badOption}\n${msg.usage}\n`);
    return 2;
  }
  if (args.command === 'help') {
    process.stdout.write(`${msg.usage}\n`);
    return 0;
  }
  if (args.command === 'version') {
    process.stdout.write(`${__VERSION__}\n`);
    return 0;
  }
  const batch = args.inputs.length > 1;
  if (batch && args.url) return usage(msg.urlOne);
  const outDir = args.out && (batch || isDirectory(args.out)) ? args.out : null;
  if (batch && !outDir && args.format === 'md') return usage(msg.needOut);

  let failed = 0;
  const jsonOut: object[] = [];
  const now = new Date();
  for (const input of args.inputs) {
    // jsdom releases a closed window only when the event loop turns: a long batch stays small.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      const article = readPage(input, args);
      const markdown = toMarkdown(article, { preset: args.preset, now });
      if (outDir) {
        const file = writeUnique(outDir, safeFileName(article.title, args.format === 'json' ? '.json' : '.md'), render(article, markdown, args), args.force);
        process.stderr.write(`${msg.wrote} ${file}\n`);
      } else if (args.out) {
        writeFile(args.out, render(article, markdown, args), args.force);
      } else if (args.format === 'json') {
        jsonOut.push(toJson(article, markdown));
      } else {
        process.stdout.write(markdown);
      }
    } catch (e) {
      failed++;
      const key: MessageKey = e instanceof PageError ? e.key : 'internal';
      process.stderr.write(`sina-reader: ${input}: ${msg[key]}\n`);
    }
  }
  if (jsonOut.length) process.stdout.write(`${JSON.stringify(batch ? jsonOut : jsonOut[0], null, 2)}\n`);
  return failed ? 1 : 0;

  function usage(text: string): number {
    process.stderr.write(`sina-reader: ${text}\n`);
    return 2;
  }
}

function readPage(input: string, args: Args): Article {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(input);
    if (stat.isDirectory()) throw new PageError('directory');
    if (stat.size > MAX_BYTES) throw new PageError('tooBig');
    bytes = fs.readFileSync(input);
  } catch (e) {
    if (e instanceof PageError) throw e;
    throw new PageError((e as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable');
  }
  let html: string;
  try {
    html = decodeHtml(bytes).text;
  } catch (e) {
    throw new PageError(e instanceof DecodeError ? e.reason : 'encoding');
  }
  const fileUrl = `file://${path.resolve(input)}`;
  const url = args.url ?? fileUrl;
  const dom = new JSDOM(html, { url: validUrl(url) ?? fileUrl, virtualConsole: new VirtualConsole() });
  const doc = dom.window.document;
  const pageUrl = args.url ?? canonicalUrl(doc) ?? fileUrl;
  let result;
  try {
    result = extractArticle(doc, pageUrl, { stockLinks: args.stockLinks, window: purifier() });
  } finally {
    closeQuietly(dom);
  }
  if (!result.ok) throw new PageError(result.error);
  return result.article;
}

/** jsdom's close() recurses through the tree: a pathologically deep page must not cost its article. */
function closeQuietly(dom: JSDOM): void {
  try {
    dom.window.close();
  } catch {
    // The window is garbage once unreferenced.
  }
}

function canonicalUrl(doc: Document): string | null {
  const raw = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? doc.querySelector('meta[property="og:url"]')?.getAttribute('content');
  return validUrl(raw?.startsWith('//') ? `https:${raw}` : raw ?? null);
}

function validUrl(u: string | null): string | null {
  if (!u) return null;
  try {
    return /^(https?|file):$/.test(new URL(u).protocol) ? new URL(u).href : null;
  } catch {
    return null;
  }
}

export function toJson(a: Article, markdown: string): object {
  return {
    url: a.url, title: a.title, originalTitle: a.originalTitle, published: a.published, source: a.source,
    author: a.author, editor: a.editor, tags: a.tags, categories: a.categories, leadImage: a.leadImage,
    images: a.images, docId: a.docId, lang: a.lang, template: a.template, wordCount: a.wordCount, readingMinutes: a.readingMinutes,
    text: a.text, html: a.html, markdown,
  };
}

function render(a: Article, markdown: string, args: Args): string {
  return args.format === 'json' ? `${JSON.stringify(toJson(a, markdown), null, 2)}\n` : markdown;
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Write to a temporary file, then rename: no half-written output, ever. */
function writeFile(file: string, content: string, force: boolean): void {
  if (!force && fs.existsSync(file)) throw new PageError('exists');
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, content, { flag: 'wx' });
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    if (e instanceof PageError) throw e;
    throw new PageError('writeFailed');
  }
}

function writeUnique(dir: string, name: string, content: string, force: boolean): string {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch {
    throw new PageError('writeFailed');
  }
  let file = path.join(dir, name);
  for (let n = 2; !force && fs.existsSync(file); n++) file = path.join(dir, numberedFileName(name, n));
  writeFile(file, content, force);
  return file;
}
