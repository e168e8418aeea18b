/**
 * Issue 4: broken pages. Truncated HTML, no body, an empty article, a Sina page that is not an
 * article, binary garbage, a 3 MB article: the core answers each with an article or
 * { ok: false, error } and never throws; the command line names the file and the reason on one
 * line, exits non-zero, writes no partial file, and carries on with the rest of a batch.
 */
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { detect } from '../src/core/detect';
import { DecodeError, decodeHtml } from '../src/core/encoding';
import { extractArticle } from '../src/core/extract-article';
import type { ExtractResult } from '../src/core/types';
import { buildCli, listFiles, runCli, scratchDir } from './hostile/cli';
import { inspectHtml } from './hostile/inspect';
import { extractPage } from './hostile/jsdom';
import {
  binaryGarbage, channelFrontPage, deeplyNestedPage, emptyArticlePage, hugeArticlePage, loadFixtures, noBodyPage, prng,
} from './hostile/pages';
import { ARTICLE_URL, buildArticlePage, defaultParts } from './hostile/vectors';

const fixtures = loadFixtures();
const inspector = new JSDOM('').window.document;
const FILE_URL = 'file:///tmp/saved/page.html';
const ERRORS = ['not-article', 'empty', 'not-html'];

/** The whole way a saved page goes: bytes → text → article, with no exception but DecodeError. */
function fromBytes(bytes: Uint8Array, url: string): ExtractResult {
  let text: string;
  try {
    text = decodeHtml(bytes).text;
  } catch (e) {
    if (e instanceof DecodeError) return { ok: false, error: 'not-html' };
    throw e;
  }
  return extractPage(text, url);
}

function expectClearResult(r: ExtractResult): void {
  if (r.ok) {
    expect(r.article.text.trim()).not.toBe('');
    expect(inspectHtml(r.article.html, inspector)).toEqual([]);
  } else {
    expect(ERRORS).toContain(r.error);
  }
}

describe('truncated fixture pages', () => {
  const cases = fixtures.flatMap((f) => {
    const rnd = prng(f.bytes.length);
    return Array.from({ length: 10 }, () => ({ slug: f.slug, f, cut: Math.floor(rnd() * f.bytes.length) }));
  });
  it.each(cases)('$slug cut at byte $cut', ({ f, cut }) => {
    expectClearResult(fromBytes(f.bytes.subarray(0, cut), f.truth.url));
  });

  it('a page cut after its body keeps every paragraph', () => {
    const page = buildArticlePage();
    const cut = page.indexOf('<div id="article-bottom">');
    const r = extractPage(page.slice(0, cut));
    expect(r.ok).toBe(true);
    if (r.ok) for (const p of defaultParts.paragraphs) expect(r.article.text).toContain(p);
  });
});

describe('pages that are not articles', () => {
  it.each([
    ['empty string', '', FILE_URL],
    ['no body', noBodyPage(), ARTICLE_URL],
    ['no body, saved', noBodyPage(), FILE_URL],
    ['body with only white space', '<html><body> \n\t </body></html>', ARTICLE_URL],
    ['frameset', '<html><frameset><frame src="https://finance.sina.com.cn/"></frameset></html>', ARTICLE_URL],
    ['only a template', '<html><body><template><p>看不见的文字，足够长以便被读取到正文里。</p></template></body></html>', ARTICLE_URL],
    ['Sina channel front page', channelFrontPage(), 'https://finance.sina.com.cn/'],
    ['Sina channel front page, stock channel URL', channelFrontPage(), 'https://finance.sina.com.cn/stock/'],
  ])('%s → { ok: false }', (_name, html, url) => {
    const r = extractPage(html, url);
    expect(r).toEqual({ ok: false, error: 'not-article' });
  });

  // A Sina page no template fits is read by the generic reader only at an article URL.
  it.each([
    'https://finance.sina.com.cn/china/gncj/2021-09-02/doc-iktzscyx3912601.shtml',
    'https://finance.sina.cn/2021-09-02/detail-iktzscyx3912601.d.html',
    'http://ent.sina.com.cn/y/2009-11-09/13482762951.shtml',
    'https://k.sina.com.cn/article_7517400647_1c0126e4705901bx4y.html',
    'https://k.sina.cn/article_7517400647_1c0126e4705901bx4y.html?from=news',
    'https://cj.sina.com.cn/articles/view/6192937794/17120bb4202001aaa',
  ])('an unknown Sina layout at an article URL is an article: %s', (url) => {
    expect(detect(new JSDOM(channelFrontPage(), { url }).window.document, url)).toEqual({ kind: 'article', site: 'generic' });
  });

  // Issue 13: never refuse what Readability can read. A Sina page of any address shape is read;
  // what it finds must read as an article (a list of links is none).
  it.each([
    'http://blog.sina.com.cn/s/blog_4b2b0bd70102e3ab.html',
    'https://vip.stock.finance.sina.com.cn/q/go.php/vReport_Show/kind/company/rptid/843401040115/index.phtml',
    'https://video.sina.com.cn/p/finance/2019-01-01/detail-ihqfskcn1.d.html',
  ])('a Sina page of another shape is given to the generic reader: %s', (url) => {
    expect(detect(new JSDOM(channelFrontPage(), { url }).window.document, url)).toEqual({ kind: 'article', site: 'generic' });
  });
  it('a Sina list page at an address of no known shape is still no article (its text is links)', () => {
    expect(extractPage(channelFrontPage(), 'https://finance.sina.com.cn/roll/index.d.html?cid=56588')).toEqual({ ok: false, error: 'not-article' });
    expect(extractPage(channelFrontPage(), 'http://blog.sina.com.cn/s/blog_4b2b0bd70102e3ab.html')).toEqual({ ok: false, error: 'not-article' });
  });

  // Saved, the front page keeps its canonical URL and og:site_name: it still is no article.
  it('a saved Sina channel front page (file URL) → not-article', () => {
    expect(extractPage(channelFrontPage(), FILE_URL)).toEqual({ ok: false, error: 'not-article' });
  });

  // ExtractError has 'empty', and detect() says reason 'empty': the user should hear that the
  // article is empty, not that the page is no article.
  it('an article page with an empty body → empty', () => {
    expect(extractPage(emptyArticlePage())).toEqual({ ok: false, error: 'empty' });
  });

  it.each([1, 2, 3])('binary garbage (seed %i) → not-html', (seed) => {
    expect(fromBytes(binaryGarbage(seed, 65536), FILE_URL)).toEqual({ ok: false, error: 'not-html' });
  });
});

/** The popup reads live pages, which scripts change into shapes the HTML parser never makes. */
describe('live DOM shapes that parsing never produces', () => {
  const LONG = '这是一段很长的正文内容，用来让 Readability 认为这里是文章的主体部分，逗号，句号。'.repeat(4);
  const GENERIC_URL = 'https://example.com/post/1.html';
  const shapes: Record<string, (doc: Document) => void> = {
    'a paragraph appended to <head>': (doc) => doc.head.append(Object.assign(doc.createElement('p'), { textContent: LONG })),
    'a div appended to <html>, outside <body>': (doc) => {
      const div = doc.createElement('div');
      for (let i = 0; i < 3; i++) div.append(Object.assign(doc.createElement('p'), { textContent: LONG }));
      doc.documentElement.append(div);
    },
    'no <body>': (doc) => doc.body.remove(),
    'no root element': (doc) => doc.documentElement.remove(),
  };
  const page = '<html><head><title>标题</title></head><body><p>A body with more than twenty characters of text.</p></body></html>';
  it.each(Object.keys(shapes))('%s: an answer, not an exception', (name) => {
    for (const url of [GENERIC_URL, ARTICLE_URL]) {
      const dom = new JSDOM(page, { url });
      shapes[name](dom.window.document);
      let result: ExtractResult | undefined;
      expect(() => {
        result = extractArticle(dom.window.document, url, { window: dom.window as unknown as Window });
      }, url).not.toThrow();
      expectClearResult(result!);
    }
  });
});

describe('large and deep pages', () => {
  it('a 3 MB article of 20,000 paragraphs is read whole', { timeout: 300_000 }, () => {
    const html = hugeArticlePage();
    expect(Buffer.byteLength(html)).toBeGreaterThan(3_000_000);
    const r = extractPage(html);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const paragraphs = r.article.text.split('\n\n');
    expect(paragraphs.filter((p) => p.startsWith('第')).length).toBe(20_000);
    expect(r.article.text).toContain('第20000段：');
    expect((r.article.html.match(/<p>/g) ?? []).length).toBe(20_000);
  });

  // Browsers cap tree depth while parsing; jsdom does not, and its recursive cloneNode overflows
  // the stack. A page that deep must still give an answer, not an exception.
  it('an article body nested 3,000 elements deep gives an answer', { timeout: 60_000 }, () => {
    expect(() => expectClearResult(extractPage(deeplyNestedPage(3000)))).not.toThrow();
  });
});

describe('the command line on broken pages', { timeout: 120_000 }, () => {
  beforeAll(buildCli, 60_000);

  const goodPage = buildArticlePage();
  const bad: Record<string, { content: Uint8Array | string; reason: RegExp }> = {
    'garbage.html': { content: binaryGarbage(9, 20_000), reason: /not an HTML page/ },
    'empty.html': { content: '', reason: /not an HTML page/ },
    'no-body.html': { content: noBodyPage(), reason: /not an article/ },
    'empty-article.html': { content: emptyArticlePage(), reason: /empty|not an article/ },
    'front-page.html': { content: channelFrontPage(), reason: /not an article/ },
    'image.png': { content: Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...binaryGarbage(10, 2000)), reason: /not an HTML page/ },
  };

  /** One line, naming the file and the reason; no stack trace. */
  function expectOneLine(lines: string[], file: string, reason: RegExp): void {
    const mine = lines.filter((l) => l.includes(file));
    expect(mine, lines.join('\n')).toHaveLength(1);
    expect(mine[0]).toMatch(reason);
    expect(mine[0]).toMatch(/^sina-reader: /);
  }
  const noStack = (stderr: string) => expect(stderr).not.toMatch(/^\s+at |Error:|node:internal|\.mjs:\d+/m);

  it.each(Object.entries(bad))('%s: one line on stderr, exit ≠ 0, no file written', (name, { content, reason }) => {
    const dir = scratchDir({ [name]: content });
    for (const out of [['--out', path.join(dir, 'out')], ['--out', path.join(dir, 'one.md')], []]) {
      const r = runCli(['export', name, ...out], dir);
      expect(r.code, r.stderr).not.toBe(0);
      expect(r.lines, r.stderr).toHaveLength(1);
      expectOneLine(r.lines, name, reason);
      noStack(r.stderr);
      expect(r.stdout).toBe('');
      expect(listFiles(dir)).toEqual([name]);
    }
  });

  it('a missing file and a directory: one line each', () => {
    const dir = scratchDir({});
    fs.mkdirSync(path.join(dir, 'folder.html'));
    const r = runCli(['export', 'missing.html', 'folder.html', '--out', 'out'], dir);
    expect(r.code).not.toBe(0);
    expectOneLine(r.lines, 'missing.html', /not found/);
    expectOneLine(r.lines, 'folder.html', /directory/);
    noStack(r.stderr);
    expect(listFiles(dir)).toEqual([]);
  });

  it('a page nested 3,000 deep: one line, exit ≠ 0 or an article, never a stack trace', () => {
    const dir = scratchDir({ 'deep.html': deeplyNestedPage(3000) });
    const r = runCli(['export', 'deep.html', '--out', 'out'], dir);
    noStack(r.stderr);
    // The file is readable: "cannot read the file" would send the user looking in the wrong place.
    if (r.code !== 0) expectOneLine(r.lines, 'deep.html', /^(?!.*cannot read the file)/);
    // One page and an --out that is no directory: the Markdown goes to the file `out`.
    else expect(fs.readFileSync(path.join(dir, 'out'), 'utf8')).toContain('深处的一段文字');
  });

  it('in a batch the good pages are still written, each bad one named once', () => {
    const files: Record<string, Uint8Array | string> = { 'a-good.html': goodPage };
    for (const [name, { content }] of Object.entries(bad)) files[name] = content;
    files['z-good.html'] = fixtures.find((f) => f.slug === 'finance-2021-rcep-standards')!.bytes;
    const dir = scratchDir(files);
    const r = runCli(['export', ...Object.keys(files), '--out', 'out'], dir);
    expect(r.code).toBe(1);
    for (const [name, { reason }] of Object.entries(bad)) expectOneLine(r.lines, name, reason);
    noStack(r.stderr);
    const written = listFiles(path.join(dir, 'out'));
    expect(written).toHaveLength(2);
    expect(written.every((f) => f.endsWith('.md'))).toBe(true);
    expect(written.some((f) => f.startsWith('市场监管总局'))).toBe(true);
  });

  it('a batch to JSON on stdout: the good pages are printed, the bad ones named on stderr', () => {
    const dir = scratchDir({ 'good.html': goodPage, 'garbage.html': binaryGarbage(11, 5000) });
    const r = runCli(['export', 'good.html', 'garbage.html', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    expectOneLine(r.lines, 'garbage.html', /not an HTML page/);
    const json = JSON.parse(r.stdout);
    expect(json).toHaveLength(1);
    expect(json[0].title).toBe(defaultParts.title);
  });

  it('the 3 MB page exports whole', { timeout: 300_000 }, () => {
    const dir = scratchDir({ 'huge.html': hugeArticlePage() });
    const r = runCli(['export', 'huge.html', '--out', 'huge.md'], dir);
    expect(r.code, r.stderr).toBe(0);
    const md = fs.readFileSync(path.join(dir, 'huge.md'), 'utf8');
    expect(md).toContain('第1段：');
    expect(md).toContain('第20000段：');
    expect(listFiles(dir)).toEqual(['huge.html', 'huge.md']);
  });
});

describe('garbage the generic reader would take for text', () => {
  // A browser decodes any bytes into some page: on a Sina address the generic reader reads it, and
  // text of replacement and control characters is no article (issue 13: never shown as one).
  it.each(['utf8', 'latin1'] as const)('binary garbage decoded as %s at an article address → not-article', (enc) => {
    const html = Buffer.from(binaryGarbage(20240502)).toString(enc);
    expect(extractPage(html, 'https://finance.sina.com.cn/roll/2024-05-02/doc-ibroken-binary-garbage.shtml')).toEqual({ ok: false, error: 'not-article' });
  });
});
