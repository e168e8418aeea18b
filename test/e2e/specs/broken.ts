// Issue 4 in the real popup: broken and odd pages get a clear answer (an article, or a message a
// person can act on), never a hang, a blank view or the loading state forever.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binaryGarbage, channelFrontPage, deeplyNestedPage, emptyArticlePage, hugeArticlePage, noBodyPage } from '../../hostile/pages';
import { showcase, type Harness } from '../support/harness';
import { closeQuietly, openServed } from '../support/pages';
import { readPopup, settledState } from '../support/popup';

interface BrokenCase {
  id: string;
  url: string;
  body: () => Buffer;
  charset: string;
  /** The one answer that is right, where only one is. */
  expect?: { state: string; contains?: string };
}

const at = (id: string) => `https://finance.sina.com.cn/roll/2024-05-02/doc-ibroken-${id}.shtml`;

function cases(h: Harness): BrokenCase[] {
  const seed = h.fixtures.find((f) => f.slug === showcase) ?? h.fixtures[0];
  const gbk = h.fixtures.find((f) => f.truth.encoding.toLowerCase() === 'gbk');
  const out: BrokenCase[] = [
    { id: 'truncated', url: at('truncated'), body: () => seed.page.subarray(0, Math.floor(seed.page.length * 0.55)), charset: 'utf-8' },
    { id: 'no-body', url: at('no-body'), body: () => Buffer.from(noBodyPage()), charset: 'utf-8' },
    { id: 'empty-article', url: at('empty-article'), body: () => Buffer.from(emptyArticlePage()), charset: 'utf-8' },
    { id: 'binary-garbage', url: at('binary-garbage'), body: () => Buffer.from(binaryGarbage(20240502)), charset: 'utf-8' },
    { id: 'nested-3000', url: at('nested-3000'), body: () => Buffer.from(deeplyNestedPage(3000)), charset: 'utf-8' },
    {
      id: 'channel-front-page',
      url: 'https://finance.sina.com.cn/',
      body: () => Buffer.from(channelFrontPage()),
      charset: 'utf-8',
      expect: { state: 'not-article' },
    },
    {
      id: '20000-paragraphs',
      url: at('20000-paragraphs'),
      body: () => Buffer.from(hugeArticlePage(20_000)),
      charset: 'utf-8',
      expect: { state: 'article', contains: '第20000段' },
    },
  ];
  if (gbk) out.push({ id: 'gbk-bytes-labelled-utf8', url: at('gbk-bytes-labelled-utf8'), body: () => gbk.page, charset: 'utf-8' });
  return out;
}

export function describeBroken(h: Harness): void {
  describe('broken pages', () => {
    for (const c of cases(h)) {
      describe(c.id, () => {
        let page: Page;
        let popup: Page | undefined;

        beforeAll(async () => {
          page = await openServed(h, c.url, c.body(), c.charset);
        });
        afterAll(async () => {
          await h.session.closePopup(popup);
          await closeQuietly(page);
        });

        it('popup gives a clear answer', async () => {
          popup = await h.session.openPopup(page);
          const state = await settledState(popup);
          const r = await readPopup(popup);
          expect(['article', 'not-article', 'error'], `state ${state} (message "${r.message}")`).toContain(state);
          if (state === 'article') {
            expect(r.title, 'an article has a title').not.toBe('');
            expect(r.contentText.trim(), 'an article has a body').not.toBe('');
          } else {
            expect(r.message, `a message for state ${state}`).not.toBe('');
          }
          if (c.expect) {
            expect(state, `message "${r.message}"`).toBe(c.expect.state);
            if (c.expect.contains) expect(r.contentText).toContain(c.expect.contains);
          }
        });
      });
    }
  });
}
