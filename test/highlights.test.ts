// @vitest-environment jsdom
/** Highlights (issue 15): found again from text and context, wrapped in <mark>, exported as ==text==. */
import { describe, expect, it } from 'vitest';
import { anchorOf, markHighlights, rangeOf, unwrapMarks, wrapRange, type Highlight } from '../src/core/highlights';
import { bodyMarkdown, toMarkdown } from '../src/core/markdown';
import { sanitizeHtml } from '../src/core/sanitize';
import type { Article } from '../src/core/types';
import { parse } from 'yaml';

const body = (html: string): HTMLElement => {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
};

/** A range over the `n`th occurrence of `text` in the element's text. */
function select(root: HTMLElement, text: string, n = 0): Range {
  let at = -1;
  for (let i = 0; i <= n; i++) at = root.textContent!.indexOf(text, at + 1);
  return rangeOf(root, { text, prefix: '', suffix: '', at })!;
}

const article = (html: string): Article => ({
  url: 'https://finance.sina.com.cn/a.shtml', title: '标题', originalTitle: null, published: '2021-09-02T19:30:00+08:00',
  source: '中新网', author: null, editor: null, tags: [], categories: [], leadImage: null, images: [], docId: 'abc',
  lang: 'zh-CN', template: 'desktop-2017', html, text: '', wordCount: 0, readingMinutes: 1,
});

describe('highlights', () => {
  const html = '<p>沪指上涨1.5%，创业板指上涨1.5%。</p><p>分析师称<strong>市场情绪</strong>回暖，<a href="https://finance.sina.com.cn/x">A股成交额</a>放大。</p>';

  it('find the same occurrence again among repeats, by the words around it', () => {
    const root = body(html);
    const second = anchorOf(root, select(root, '上涨1.5%', 1))!;
    expect(second.prefix.endsWith('创业板指')).toBe(true);
    const again = body(html);
    const range = rangeOf(again, { ...second, at: 0 })!; // even with a wrong offset, the context decides
    wrapRange(range, '1');
    expect(again.querySelector('p')!.innerHTML).toBe('沪指上涨1.5%，创业板指<mark data-hl="1">上涨1.5%</mark>。');
  });

  it('wrap whole inline elements, split partial ones, and leave block structure alone', () => {
    const root = body(html);
    wrapRange(select(root, '称市场情绪回暖，A股'), 'x');
    expect(root.innerHTML).toContain('分析师<mark data-hl="x">称<strong>市场情绪</strong>回暖，</mark><a href="https://finance.sina.com.cn/x"><mark data-hl="x">A股</mark>成交额</a>');
    unwrapMarks(root, 'x');
    expect(root.innerHTML).toBe(body(html).innerHTML);
    expect(root.querySelector('p:last-child')!.childNodes.length, 'text nodes merged back').toBe(body(html).querySelector('p:last-child')!.childNodes.length);
  });

  it('across two paragraphs: one mark in each, none around a paragraph', () => {
    const root = body(html);
    const marks = wrapRange(select(root, '上涨1.5%。分析师'), 'y');
    expect(marks.map((m) => m.parentElement!.tagName)).toEqual(['P', 'P']);
    expect(marks.map((m) => m.textContent)).toEqual(['上涨1.5%。', '分析师']);
  });

  it('export as ==text== over bold and links, and as a front-matter list when asked', () => {
    const root = body(html);
    const hs: Highlight[] = [anchorOf(root, select(root, '称市场情绪回暖'))!, anchorOf(root, select(root, 'A股成交额放大'))!];
    const marked = markHighlights(html, hs, window);
    const md = bodyMarkdown(article(marked));
    // The link is covered whole: one mark around it and the words after.
    expect(md).toContain('分析师==称**市场情绪**回暖==，==[A股成交额](https://finance.sina.com.cn/x)放大==。');
    const partial = markHighlights(html, [anchorOf(root, select(root, '股成交额放'))!], window);
    expect(bodyMarkdown(article(partial))).toContain('[A==股成交额==](https://finance.sina.com.cn/x)==放==大。');
    expect(bodyMarkdown(article(html)), 'nothing marked without highlights').not.toContain('==');
    // The sanitizer drops the marks (they are the export's, not the page's), and keeps every word.
    expect(sanitizeHtml(marked, window)).toBe(sanitizeHtml(html, window));

    const texts = hs.map((h) => h.text);
    const full = toMarkdown(article(marked), { preset: 'obsidian', highlights: texts, highlightsInFrontMatter: true, now: new Date(0) });
    const yaml = parse(full.split('---\n')[1]) as Record<string, unknown>;
    expect(yaml.highlights).toEqual(texts);
    const off = toMarkdown(article(marked), { preset: 'obsidian', highlights: texts, now: new Date(0) });
    expect(parse(off.split('---\n')[1])).not.toHaveProperty('highlights');
    const own = toMarkdown(article(marked), { preset: 'hexo', template: 'title: {{title}}\nquotes: {{highlights}}', highlights: texts, highlightsInFrontMatter: true });
    expect(parse(own.split('---\n')[1])).toEqual({ title: '标题', quotes: texts, highlights: texts });
  });

  it('a highlight whose text is gone is skipped, the rest still export', () => {
    const gone: Highlight = { text: '不存在的句子', prefix: '', suffix: '', at: 3 };
    const root = body(html);
    const kept = anchorOf(root, select(root, '回暖'))!;
    expect(bodyMarkdown(article(markHighlights(html, [gone, kept], window)))).toContain('==回暖==');
  });
});
