/** Loads the fixture pages (test/fixtures/<slug>/) and runs the core on them under jsdom. */
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { decodeHtml } from '../../src/core/encoding';
import { extractArticle, type PipelineOptions } from '../../src/core/extract-article';
import type { Article } from '../../src/core/types';

export const fixturesDir = path.resolve(__dirname, '..', 'fixtures');
/** Pages with a truth but no golden: checked against truth only, so rules keep generalising. */
export const extraPagesDir = path.resolve(__dirname, '..', 'extra-pages');

export interface Truth {
  url: string;
  encoding: string;
  template: string;
  title: string;
  original_title: string | null;
  published: string | null;
  source: string | null;
  author: string | null;
  editor: string | null;
  tags: string[];
  paragraphs: string[];
  images: string[];
  noise: string[];
}

export interface Fixture {
  slug: string;
  dir: string;
  truth: Truth;
  html: string;
}

export function fixtures(root = fixturesDir): Fixture[] {
  return fs
    .readdirSync(root)
    .filter((s) => fs.existsSync(path.join(root, s, 'truth.json')))
    .sort()
    .map((slug) => {
      const dir = path.join(root, slug);
      const truth = JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8')) as Truth;
      return { slug, dir, truth, html: decodeHtml(fs.readFileSync(path.join(dir, 'page.html'))).text };
    });
}

export function parse(html: string, url: string): JSDOM {
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
}

export function extract(html: string, url: string, opts: PipelineOptions = {}): ReturnType<typeof extractArticle> {
  const dom = parse(html, url);
  return extractArticle(dom.window.document, url, { window: dom.window as unknown as Window, ...opts });
}

export function article(html: string, url: string, opts: PipelineOptions = {}): Article {
  const r = extract(html, url, opts);
  if (!r.ok) throw new Error(`extraction failed: ${r.error}`);
  return r.article;
}

/** The scorer's normalization (../shared/eval/score.mjs). */
export const norm = (s: string | null | undefined): string =>
  String(s ?? '').replace(/\p{Co}/gu, '').replace(/[\u3000\u00a0\s]+/g, ' ').trim();
