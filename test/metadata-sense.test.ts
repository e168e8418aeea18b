// @vitest-environment jsdom
/** Metadata that makes sense (issue 13): dates as the page shows them (Beijing time) in any browser zone, no invented date, the outlet without its follow button. */
import { describe, expect, it, vi } from 'vitest';
import { frontMatterFields } from '../src/core/frontmatter';
import { article } from './support/pages';

vi.mock('../src/platform/i18n', () => ({ i18n: (key: string) => (key === 'metaBeijingTime' ? '（北京时间）' : key) }));
const { localDate } = await import('../src/popup/meta');

describe('the reader shows the date the page shows', () => {
  const iso = '2017-07-27T07:35:00+08:00';
  it('in Beijing time from a browser set to UTC, and says so', () => {
    expect(localDate(iso, 'zh-CN', 'UTC')).toBe('2017年7月27日 07:35 （北京时间）');
    expect(localDate(iso, 'en-US', 'America/New_York')).toMatch(/^July 27, 2017 at 7:35\sAM （北京时间）$/);
  });
  it('without a note where the zone is Beijing’s (or shares its offset)', () => {
    expect(localDate(iso, 'zh-CN', 'Asia/Shanghai')).toBe('2017年7月27日 07:35');
    expect(localDate(iso, 'zh-CN', 'Asia/Taipei')).toBe('2017年7月27日 07:35');
  });
});

describe('a page with no date of its own', () => {
  const page = `<html><head><title>无日期的文章_新浪财经_新浪网</title></head><body><h1 class="main-title">无日期的文章</h1><div class="date-source"><a class="source">新浪财经</a></div><div class="article" id="artibody"><p>${'这是一篇没有日期的文章，正文足够长。'.repeat(4)}</p></div></body></html>`;
  const a = article(page, 'https://finance.sina.com.cn/roll/doc-iabcdefg1234567.shtml');
  const now = new Date('2026-12-07T01:00:00Z');
  it('exports without one: the time of the export is no publication date', () => {
    expect(a.published).toBeNull();
    expect(frontMatterFields(a, 'hexo', now)!.date).toBeNull();
    expect(frontMatterFields(a, 'obsidian', now)!.published).toBeNull();
  });
  it('or with the field the user chose in the template', () => {
    expect(frontMatterFields(a, 'hexo', now, 'date: {{date|saved}}')!.date).toBe('2026-12-07 09:00:00');
  });
});

describe('the source is the outlet only', () => {
  const page = (source: string) =>
    `<html><body><h1 class="main-title">科技新闻</h1><div class="date-source"><span class="date">2019年09月11日 10:00</span><span class="source">${source}</span></div><div class="article" id="artibody"><p>${'这是一篇科技新闻，正文足够长。'.repeat(4)}</p></div></body></html>`;
  const url = 'https://tech.sina.com.cn/i/2019-09-11/doc-iabcdefg1234567.shtml';
  it.each([
    ['<a href="https://tech.sina.com.cn/">新浪科技</a> <a class="follow" href="https://weibo.com/sinatech">微博</a>', '新浪科技'],
    ['<a href="#">财经网</a> <span class="btn">+关注</span>', '财经网'],
    ['新浪微博', '新浪微博'],
  ])('%s → %s', (html, want) => expect(article(page(html), url).source).toBe(want));
});
