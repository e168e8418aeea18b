// Issue 14 part 5 in the real browsers: images on wx*.sinaimg.cn answer 403 without a Sina page as
// Referer (as Sina's do); the extension's saved copies come through anyway (background/referer.ts).
import http from 'node:http';
import zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeFileName } from '../../../src/core/filename';
import { DEFAULT_SETTINGS } from '../../../src/platform/settings';
import type { Harness } from '../support/harness';
import { closeQuietly, variantUrl, waitForCleanState } from '../support/pages';
import { settledState } from '../support/popup';
import { setStored } from '../support/storage';

/** Nine images on n.sinaimg.cn; the variant page moves them to wx1.sinaimg.cn. */
const withImages = 'finance-2022-ai-basketball-referee';
const sinaReferer = /^https?:\/\/([a-z0-9-]+\.)*sina(\.com)?\.cn\//i;

export function describeExtImages(h: Harness): void {
  describe('issue 14: images through a Referer-checking server', () => {
    let tab: Page;
    let popup: Page | undefined;
    let images: string[] = [];

    beforeAll(async () => {
      const f = h.fixtures.find((x) => x.slug === withImages)!;
      const url = variantUrl(f, 'issue14-wx');
      // ASCII replacement in latin1: the page's own encoding is untouched.
      const page = Buffer.from(f.page.toString('latin1').replaceAll('n.sinaimg.cn', 'wx1.sinaimg.cn'), 'latin1');
      images = [...new Set(f.truth.images.map((src) => src.replace('n.sinaimg.cn', 'wx1.sinaimg.cn').replace(/^http:/, 'https:')))];
      for (const src of images) h.server.route(src, { body: pngOf(src), contentType: 'image/png', referer: sinaReferer });
      h.server.html(url, page, f.truth.encoding.toLowerCase() === 'gbk' ? 'gbk' : 'utf-8');
      tab = await h.session.context.newPage();
      await tab.goto(url, { waitUntil: 'domcontentloaded' });
      await waitForCleanState(tab, 'cleaned');
    });

    afterAll(async () => {
      if (popup) await setStored(popup, { images: DEFAULT_SETTINGS.images }).catch(() => {});
      await h.session.closePopup(popup);
      await closeQuietly(tab);
    });

    it('the server refuses the images without a Sina Referer (the control)', async () => {
      // Through the server's proxy door, as the browsers reach it.
      const status = (headers: http.OutgoingHttpHeaders) =>
        new Promise<number | undefined>((resolve, reject) => {
          const req = http.get({ host: '127.0.0.1', port: h.server.port, path: images[0].replace(/^https:/, 'http:'), headers }, (res) => {
            res.resume();
            resolve(res.statusCode);
          });
          req.on('error', reject);
        });
      expect(await status({})).toBe(403);
      expect(await status({ referer: 'https://example.com/' })).toBe(403);
      expect(await status({ referer: 'https://finance.sina.com.cn/' })).toBe(200);
    });

    it('saved images come through with the Sina Referer, every one', async () => {
      const f = h.fixtures.find((x) => x.slug === withImages)!;
      popup = await h.session.openPopup(tab);
      expect(await settledState(popup)).toBe('article');
      await setStored(popup, { images: 'local' });
      const files = await h.session.collectDownloads(() => popup!.click('#save-md'));
      const md = files.find((x) => x.name.endsWith('.md'))!;
      const folder = safeFileName(f.truth.title).replace(/\.md$/, '');
      const saved = files.filter((x) => x !== md);
      expect(saved.map((x) => x.name.slice(0, folder.length + 1)), 'in the article folder').toEqual(saved.map(() => `${folder}/`));
      expect(saved.length, 'every image').toBe(images.length);
      // Each file holds the bytes the server sent for its image (no 403 page saved as a picture).
      const sent = new Set(images.map((src) => pngOf(src).toString('base64')));
      expect(saved.filter((x) => !sent.has(x.bytes.toString('base64'))).map((x) => x.name)).toEqual([]);
      const remote = [...md.bytes.toString('utf8').matchAll(/!\[[^\]]*\]\((https?:[^)\s]+)\)/g)].map((m) => m[1]);
      expect(remote, 'no image left with its web link').toEqual([]);
    });
  });
}

/** A distinct small PNG per image (its URL in a text chunk), so each file can be told apart. */
function pngOf(src: string): Buffer {
  const base = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  const text = Buffer.from(`Comment\0${src}`, 'latin1');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(text.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlibCrc(Buffer.concat([Buffer.from('tEXt'), text])));
  const iend = base.length - 12;
  return Buffer.concat([base.subarray(0, iend), len, Buffer.from('tEXt'), text, crc, base.subarray(iend)]);
}

const zlibCrc = (b: Buffer): number => zlib.crc32(b) >>> 0;
