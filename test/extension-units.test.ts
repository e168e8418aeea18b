/** The extension's browser-free parts: settings repair, file-name templates, image helpers, manifests, icons. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Article } from '../src/core/types';
import { cleaningAllowed, DEFAULT_SETTINGS, normalizeSettings } from '../src/platform/settings';
import { fileNameFor, fillTemplate } from '../src/popup/filename';
import { extensionFor, isSinaImage } from '../src/popup/image-files';
// @ts-expect-error plain ESM build scripts, no types
import { chromeManifest, firefoxManifest } from '../scripts/manifests.mjs';
// @ts-expect-error plain ESM build scripts, no types
import { DRAWING, encodePng, rasterise, toSvg } from '../scripts/icons.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const article: Article = {
  url: 'https://finance.sina.com.cn/china/2021-09-02/doc-iktzqtyt3601234.shtml',
  title: '市场监管总局：鼓励参与区域和国际标准化活动',
  originalTitle: null,
  published: '2021-09-02T19:30:00+08:00',
  source: '中国新闻网',
  author: null,
  editor: '王珊珊',
  tags: [],
  categories: [],
  leadImage: null,
  images: [],
  docId: 'iktzqtyt3601234',
  lang: 'zh-CN',
  template: 'desktop-2017',
  html: '<p>x</p>',
  text: 'x',
  wordCount: 1,
  readingMinutes: 1,
};

describe('settings', () => {
  it('fall back to the defaults for missing or broken values', () => {
    expect(normalizeSettings({})).toEqual(DEFAULT_SETTINGS);
    const s = normalizeSettings({ preset: 'word', fontSize: 99, lineWidth: 'wide', theme: 'dark', cleaningOffHosts: ['a.sina.cn', 3] });
    expect(s.preset).toBe('hexo');
    expect(s.fontSize).toBe(26);
    expect(s.lineWidth).toBe(DEFAULT_SETTINGS.lineWidth);
    expect(s.theme).toBe('dark');
    expect(s.cleaningOffHosts).toEqual(['a.sina.cn']);
  });

  it('turn cleaning off per host', () => {
    const s = { cleaning: true, cleaningOffHosts: ['k.sina.com.cn'] };
    expect(cleaningAllowed(s, 'finance.sina.com.cn')).toBe(true);
    expect(cleaningAllowed(s, 'k.sina.com.cn')).toBe(false);
    expect(cleaningAllowed({ ...s, cleaning: false }, 'finance.sina.com.cn')).toBe(false);
  });
});

describe('file-name template', () => {
  it('fills every field and leaves unknown ones alone', () => {
    expect(fillTemplate('{date} {title}', article)).toBe('2021-09-02 市场监管总局：鼓励参与区域和国际标准化活动');
    expect(fillTemplate('{year}/{month}/{day}-{docid}-{source}-{nope}', article)).toBe('2021/09/02-iktzqtyt3601234-中国新闻网-{nope}');
    expect(fillTemplate('{slug}', article)).toBe(`2021-09-02-${article.title}`);
  });

  it('applies the safe-name rules after substitution', () => {
    const name = fileNameFor({ ...article, title: 'a/b\\c:d' }, '{year}/{title}');
    expect(name).toMatch(/\.md$/);
    expect(name).not.toMatch(/[/\\:]/);
  });

  it('uses the title when the template fills to nothing', () => {
    expect(fileNameFor({ ...article, published: null }, '{date}')).toBe(`${article.title.replace(':', '：')}.md`);
  });
});

describe('images saved beside the Markdown', () => {
  it('fetches only from Sina image hosts', () => {
    expect(isSinaImage('https://n.sinaimg.cn/finance/a.jpg')).toBe(true);
    expect(isSinaImage('http://k.sinaimg.cn/b.png')).toBe(true);
    expect(isSinaImage('https://evil.example/sinaimg.cn/a.jpg')).toBe(false);
    expect(isSinaImage('https://sinaimg.cn.evil.example/a.jpg')).toBe(false);
    expect(isSinaImage('javascript:alert(1)')).toBe(false);
  });

  it('takes the file extension from the content type', () => {
    expect(extensionFor('image/jpeg')).toBe('jpg');
    expect(extensionFor('image/webp; charset=binary')).toBe('webp');
    expect(extensionFor('text/html')).toBeNull();
    expect(extensionFor(null)).toBeNull();
  });
});

describe('derived manifests', () => {
  const base = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8'));

  it('give Chrome a service worker and Firefox event-page scripts with a gecko id', () => {
    const chrome = chromeManifest(base);
    const firefox = firefoxManifest(base);
    expect(chrome.background).toEqual({ service_worker: 'background.js' });
    expect(chrome.browser_specific_settings).toBeUndefined();
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    expect(firefox.browser_specific_settings.gecko).toEqual({
      id: 'sina-reader@example.org',
      strict_min_version: '142.0',
      data_collection_permissions: { required: ['none'] },
    });
  });

  it('ask only for what the features need', () => {
    expect(base.manifest_version).toBe(3);
    expect(base.permissions.sort()).toEqual(['activeTab', 'contextMenus', 'declarativeNetRequestWithHostAccess', 'downloads', 'scripting', 'storage']);
    expect(base.host_permissions.sort()).toEqual(['*://*.sina.cn/*', '*://*.sina.com.cn/*', '*://*.sinaimg.cn/*']);
    expect(base.content_security_policy.extension_pages).toMatch(/script-src 'self'; object-src 'none'/);
    expect(base.content_security_policy.extension_pages).not.toMatch(/unsafe-(eval|inline)|https?:\/\/[^ ;]*\s*;?\s*script/);
  });
});

describe('icons', () => {
  it('rasterise the drawing into valid PNGs, the same as the committed ones', () => {
    for (const size of [16, 32, 48, 128]) {
      const png: Buffer = encodePng(rasterise(DRAWING, size), size, size);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(size);
      const idat = png.indexOf('IDAT');
      const len = png.readUInt32BE(idat - 4);
      expect(inflateSync(png.subarray(idat + 4, idat + 4 + len)).length).toBe((size * 4 + 1) * size);
      expect(png.equals(readFileSync(path.join(root, 'icons', `icon-${size}.png`))), `icons/icon-${size}.png is stale: node scripts/icons.mjs`).toBe(true);
    }
    expect(readFileSync(path.join(root, 'icons', 'icon.svg'), 'utf8')).toBe(toSvg(DRAWING));
  });
});
