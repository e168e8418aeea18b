/** The export command: pages or URLs, one or a batch; each failure is one line and never stops the batch. */
import fs from 'node:fs';
import path from 'node:path';
import { safeFileName } from '../core/filename';
import type { Article } from '../core/types';
import { parseArgs, type Args } from './args';
import { loadConverter, type Convert, type ConvertJob, type Converted } from './convert';
import type { FetchPolicy } from './fetch';
import { saveImages } from './images';
import { isSinaImageHost, isSinaPageHost, readInputs, type Input } from './inputs';
import { loadInput, MAX_BYTES } from './load';
import { fill, messages, type MessageKey } from './messages';
import { OutDir, pageKey, writeAtomically } from './outdir';
import { ConvertPool, type WorkerStats } from './pool';
import { HostRateLimiter } from './rate';

type Messages = ReturnType<typeof messages>;

export interface RunOptions {
  /** The script a worker thread runs (the built command line itself). */
  workerScript?: string;
  /** Told what each worker said about itself at the end (the bench reads it). */
  onWorkerStats?: (stats: WorkerStats[]) => void;
}

export async function run(argv: string[], opts: RunOptions = {}): Promise<number> {
  const msg = messages();
  const args = parseArgs(argv);
  if (!args) return usage(msg, msg.badOption, true);
  if (args.command === 'help') {
    process.stdout.write(`${msg.usage}\n`);
    return 0;
  }
  if (args.command === 'version') {
    process.stdout.write(`${__VERSION__}\n`);
    return 0;
  }
  const inputs = [...readInputs(args.inputs, args.from)];
  const batch = inputs.length > 1 || args.from.length > 0;
  if (batch && args.url) return usage(msg, msg.urlOne);
  const outDirPath = args.out && (batch || isDirectory(args.out)) ? args.out : null;
  if (batch && !outDirPath && args.format === 'md') return usage(msg, msg.needOut);
  if (args.images && !args.out) return usage(msg, msg.imagesNeedFile);
  let outDir: OutDir | null = null;
  try {
    outDir = outDirPath ? new OutDir(outDirPath) : null;
  } catch {
    return usage(msg, `${outDirPath}: ${msg.writeFailed}`);
  }

  const exporter = new Exporter(args, msg, outDir, batch && inputs.length > 1 ? makePool(args, opts) : null);
  // Pages in flight (read, waiting for a worker, converting, writing): enough to keep every worker busy.
  const inFlight = Math.max(2, args.jobs * 2);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(inFlight, inputs.length) }, async () => {
    while (next < inputs.length) {
      const i = next++;
      await exporter.export(inputs[i], i);
    }
  }));
  const stats = await exporter.pool?.close();
  if (stats) opts.onWorkerStats?.(stats);
  const json = exporter.json.filter(Boolean);
  if (json.length) process.stdout.write(`${JSON.stringify(batch ? json : json[0], null, 2)}\n`);
  const t = exporter.tally;
  if (batch) process.stderr.write(`sina-reader: ${fill(msg.summary, { total: inputs.length, ...t })}\n`);
  return t.failed ? 1 : 0;

  function makePool(a: Args, o: RunOptions): ConvertPool | null {
    return o.workerScript ? new ConvertPool(o.workerScript, a.jobs) : null;
  }
}

class Exporter {
  readonly json: object[] = [];
  readonly tally = { written: 0, skipped: 0, failed: 0 };
  private readonly pagePolicy: FetchPolicy;
  private readonly imagePolicy: FetchPolicy;
  private readonly now = Date.now();

  constructor(private args: Args, private msg: Messages, private outDir: OutDir | null, readonly pool: ConvertPool | null) {
    const base = { limiter: new HostRateLimiter(args.rate), timeoutMs: args.timeoutSeconds * 1000, retries: args.retries, resolve: args.resolve, maxBytes: MAX_BYTES };
    this.pagePolicy = { ...base, allowed: (u) => /^https?:$/.test(u.protocol) && isSinaPageHost(u.hostname) };
    this.imagePolicy = { ...base, allowed: (u) => /^https?:$/.test(u.protocol) && isSinaImageHost(u.hostname) };
  }

  async export(input: Input, index: number): Promise<void> {
    if (input.kind === 'bad') return this.fail(input.label, input.reason);
    const inputKey = input.kind === 'url' ? input.url : path.resolve(input.path);
    if (this.args.skipExisting && this.outDir) {
      const done = this.outDir.doneAs({ id: input.kind === 'url' ? docIdInUrl(input.url) : null, input: inputKey });
      if (done) return this.skip(input.label, done);
    }
    const loaded = await loadInput(input, this.pagePolicy, this.args.url);
    if (!loaded.ok) return this.fail(input.label, loaded.reason, loaded.status);
    const job: ConvertJob = { bytes: loaded.bytes, url: loaded.url, fileUrl: loaded.fileUrl, charset: loaded.charset, preset: this.args.preset, stockLinks: this.args.stockLinks, now: this.now };
    const result: Converted = this.pool ? await this.pool.convert(job) : safely(await this.inThread(), job);
    if (!result.ok) return this.fail(input.label, result.reason);
    try {
      await this.write(result.article, result.markdown, input, inputKey, index);
    } catch {
      this.fail(input.label, 'writeFailed');
    }
  }

  private converter: Promise<Convert> | null = null;
  private inThread(): Promise<Convert> {
    return (this.converter ??= loadConverter());
  }

  private async write(article: Article, markdown: string, input: Input, inputKey: string, index: number): Promise<void> {
    const { args, outDir } = this;
    const id = pageKey(article);
    if (outDir) {
      const done = args.skipExisting ? outDir.doneAs({ id }) : null;
      if (done) return this.skip(input.label, done);
      const name = outDir.reserve(safeFileName(article.title, args.format === 'json' ? '.json' : '.md'), args.force);
      markdown = await this.withImages(article, markdown, input.label, path.join(outDir.dir, name));
      const file = outDir.commit(name, render(article, markdown, args), { id, input: inputKey });
      this.tally.written++;
      return void process.stderr.write(`${this.msg.wrote} ${file}\n`);
    }
    if (args.out) {
      if (!args.force && fs.existsSync(args.out)) return this.fail(input.label, 'exists');
      markdown = await this.withImages(article, markdown, input.label, args.out);
      writeAtomically(args.out, render(article, markdown, args));
    } else if (args.format === 'json') this.json[index] = toJson(article, markdown);
    else process.stdout.write(markdown);
    this.tally.written++;
  }

  /** Images saved first: once the Markdown file exists, what it links to exists too. */
  private async withImages(article: Article, markdown: string, label: string, file: string): Promise<string> {
    const place = this.args.images;
    if (!place) return markdown;
    const mdDir = path.dirname(file);
    const dir = place.kind === 'folder' ? place.dir : path.join(mdDir, path.basename(file).replace(/\.(md|json)$/i, ''));
    const linkDir = path.relative(mdDir, dir).split(path.sep).join('/') || '.';
    const local = await saveImages(markdown, article.images, { dir, linkDir, referer: article.url, policy: this.imagePolicy });
    for (const f of local.failed) {
      process.stderr.write(`sina-reader: ${label}: ${this.msg.image} ${f.src}: ${fill(this.msg[f.reason], { status: f.status })}\n`);
    }
    return local.markdown;
  }

  private fail(label: string, reason: MessageKey, status?: number): void {
    this.tally.failed++;
    process.stderr.write(`sina-reader: ${label}: ${fill(this.msg[reason], { status })}\n`);
  }

  private skip(label: string, file: string): void {
    this.tally.skipped++;
    process.stderr.write(`sina-reader: ${label}: ${this.msg.skipped} ${file}\n`);
  }
}

/** doc-i… in a Sina URL names the article before it is fetched. */
function docIdInUrl(url: string): string | null {
  return /\/(?:doc|detail)-(i[a-z0-9]+)/i.exec(url)?.[1].toLowerCase() ?? null;
}

function safely(convert: Convert, job: ConvertJob): Converted {
  try {
    return convert(job);
  } catch {
    return { ok: false, reason: 'internal' };
  }
}

function usage(msg: Messages, text: string, withUsage = false): number {
  process.stderr.write(`sina-reader: ${text}\n${withUsage ? `${msg.usage}\n` : ''}`);
  return 2;
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
