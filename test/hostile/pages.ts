/** Broken and odd inputs for the encoding, broken-page and fuzz tests (Node only: reads fixtures). */
import fs from 'node:fs';
import path from 'node:path';
import { buildArticlePage, defaultParts } from './vectors';

/** The shared fixtures, beside the project (run from the project root, as npm scripts do). */
export const FIXTURES = process.env.SINA_FIXTURES ?? path.resolve(process.cwd(), '../shared/fixtures/pages');

export interface Fixture {
  slug: string;
  bytes: Uint8Array;
  truth: { url: string; encoding: 'utf-8' | 'gbk'; title: string; paragraphs: string[] };
}

export function loadFixtures(): Fixture[] {
  return fs
    .readdirSync(FIXTURES)
    .filter((slug) => fs.existsSync(path.join(FIXTURES, slug, 'page.html')))
    .sort()
    .map((slug) => ({
      slug,
      bytes: new Uint8Array(fs.readFileSync(path.join(FIXTURES, slug, 'page.html'))),
      truth: JSON.parse(fs.readFileSync(path.join(FIXTURES, slug, 'truth.json'), 'utf8')),
    }));
}

/** Mulberry32: small, seeded, the same on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const utf8 = (s: string) => new TextEncoder().encode(s);

/** Bytes that are not a page at all. */
export function binaryGarbage(seed: number, length = 4096): Uint8Array {
  const rnd = prng(seed);
  return Uint8Array.from({ length }, () => Math.floor(rnd() * 256));
}

/** A Sina channel front page (finance.sina.com.cn): headlines and lists of links, no article. */
export function channelFrontPage(): string {
  const lists = Array.from({ length: 12 }, (_, i) => {
    const items = Array.from(
      { length: 15 },
      (_, j) => `<li><a href="https://finance.sina.com.cn/stock/2024-05-0${(j % 9) + 1}/doc-ifront${i}${j}.shtml" target="_blank">第${i}栏第${j}条：A股三大指数集体收涨，沪指重回三千点上方，两市成交额突破万亿元</a><span class="time">05-01 1${j % 10}:00</span></li>`,
    ).join('');
    return `<div class="m-part"><h2 class="m-title"><a href="https://finance.sina.com.cn/channel${i}/">栏目${i}</a></h2><ul class="m-list">${items}</ul></div>`;
  }).join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>新浪财经_新浪网</title>
<meta property="og:type" content="website"><meta property="og:url" content="https://finance.sina.com.cn/">
<meta property="og:site_name" content="新浪财经"><link rel="canonical" href="https://finance.sina.com.cn/">
<meta name="keywords" content="新浪财经,财经,股票"></head><body>
<div class="top-nav"><a href="https://www.sina.com.cn/">新浪首页</a> <a href="https://news.sina.com.cn/">新闻</a></div>
<div class="m-focus"><p>新浪财经为您提供7×24小时财经资讯及全球金融市场报价，覆盖股票、债券、基金、期货、信托、理财、管理等多种面向个人和企业的服务。</p></div>
${lists}
<div class="footer"><p>Copyright © 1996-2024 SINA Corporation, All Rights Reserved 新浪公司 版权所有</p></div>
</body></html>`;
}

/** An article page whose #artibody holds nothing but the editor line and an empty wrapper. */
export const emptyArticlePage = (): string => buildArticlePage({ paragraphs: [], caption: '' }).replace(/<div class="img_wrapper">.*?<\/div>/, '');

/** A page with a head and no body element at all. */
export const noBodyPage = (): string => '<!DOCTYPE html><html><head><meta charset="utf-8"><title>市场监管总局_新浪财经_新浪网</title></head></html>';

/** A 20,000-paragraph article (about 3 MB of UTF-8). */
export function hugeArticlePage(paragraphs = 20_000): string {
  const text = (i: number) => `第${i}段：国家市场监督管理总局标准创新管理司副司长表示，将出台相关措施，推动标准互联互通，助推生效落地。`;
  return buildArticlePage({ paragraphs: Array.from({ length: paragraphs }, (_, i) => text(i + 1)) });
}

/** Everything between two document nestings `depth` deep, inside the article body. */
export function deeplyNestedPage(depth: number): string {
  const open = '<div><span>'.repeat(depth);
  const close = '</span></div>'.repeat(depth);
  return buildArticlePage({ paragraphs: defaultParts.paragraphs, bodyExtra: `${open}深处的一段文字，足够长以便被读取。${close}` });
}
