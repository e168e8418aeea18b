/**
 * Issue 4: mislabelled and mixed encodings. decodeHtml reads saved pages as bytes: it follows the
 * bytes over a lying <meta>, and says `not-html` (DecodeError) for what is no page at all.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { DecodeError, decodeHtml, sniffCharset } from '../src/core/encoding';
import { extractArticle } from '../src/core/extract-article';
import { binaryGarbage, loadFixtures, utf8 } from './hostile/pages';
import { ARTICLE_URL, buildArticlePage, defaultParts } from './hostile/vectors';

const fixtures = loadFixtures();
const fixture = (slug: string) => fixtures.find((f) => f.slug === slug)!;
const gbk = fixture('ent-2009-gb2312');
const page = buildArticlePage();
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => Array.from(p)));
const latin1 = (b: Uint8Array) => new TextDecoder('latin1').decode(b);
/** Replaces an ASCII string inside bytes (labels live in the ASCII part of every page). */
function replaceAscii(bytes: Uint8Array, from: RegExp, to: string): Uint8Array {
  return Uint8Array.from(latin1(bytes).replace(from, to), (c) => c.charCodeAt(0));
}
const utf16le = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));
const utf16be = (s: string) => utf16le(s).map((_, i, a) => a[i ^ 1]);

function titleOf(text: string, url: string): string | null {
  const dom = new JSDOM(text, { url, virtualConsole: new VirtualConsole() });
  const r = extractArticle(dom.window.document, url, { window: dom.window as unknown as Window });
  return r.ok ? r.article.title : null;
}

/** decodeHtml's answer, or the reason it refused: never any other exception. */
function outcome(bytes: Uint8Array): { encoding: string; text: string } | { refused: string } {
  try {
    return decodeHtml(bytes);
  } catch (e) {
    if (e instanceof DecodeError) return { refused: e.reason };
    throw e;
  }
}

describe('byte order marks', () => {
  it('UTF-8 BOM: UTF-8, the mark removed, whatever the meta says', () => {
    const bytes = concat(Uint8Array.of(0xef, 0xbb, 0xbf), utf8(page.replace('charset="utf-8"', 'charset="gb2312"')));
    const d = decodeHtml(bytes);
    expect(d.encoding).toBe('utf-8');
    expect(d.text.startsWith('\ufeff')).toBe(false);
    expect(d.text).toContain(defaultParts.title);
  });

  it('UTF-16LE and UTF-16BE BOMs', () => {
    const le = decodeHtml(concat(Uint8Array.of(0xff, 0xfe), utf16le(page)));
    expect(le).toEqual({ encoding: 'utf-16le', text: page });
    const be = decodeHtml(concat(Uint8Array.of(0xfe, 0xff), utf16be(page)));
    expect(be).toEqual({ encoding: 'utf-16be', text: page });
    expect(titleOf(be.text, ARTICLE_URL)).toBe(defaultParts.title);
  });
});

describe('labels and bytes', () => {
  it('meta gb2312 with real GBK bytes (ent-2009 fixture)', () => {
    expect(sniffCharset(gbk.bytes)).toBe('gb2312');
    const d = decodeHtml(gbk.bytes);
    expect(d.encoding).toBe('gbk');
    expect(d.text).toContain(gbk.truth.title);
    expect(titleOf(d.text, gbk.truth.url)).toBe(gbk.truth.title);
  });

  it('meta gb2312 with UTF-8 bytes: the bytes win', () => {
    const d = decodeHtml(utf8(page.replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')));
    expect(d.encoding).toBe('utf-8');
    expect(titleOf(d.text, ARTICLE_URL)).toBe(defaultParts.title);
  });

  it('meta utf-8 with GBK bytes: the bytes win', () => {
    const lying = replaceAscii(gbk.bytes, /charset=gb2312/i, 'charset=utf-8');
    expect(sniffCharset(lying)).toBe('utf-8');
    const d = decodeHtml(lying);
    expect(d.encoding).toBe('gbk');
    expect(d.text).toContain(gbk.truth.title);
  });

  it('no label at all, GBK bytes (both GBK fixtures)', () => {
    for (const f of fixtures.filter((x) => x.truth.encoding === 'gbk')) {
      const unlabelled = replaceAscii(f.bytes, /charset\s*=\s*["']?[\w-]+/gi, '');
      expect(sniffCharset(unlabelled), f.slug).toBeNull();
      const d = decodeHtml(unlabelled);
      expect(d.encoding, f.slug).toBe('gbk');
      expect(d.text, f.slug).toContain(f.truth.title);
    }
  });

  it('every fixture decodes in the encoding its truth names', () => {
    for (const f of fixtures) {
      const d = decodeHtml(f.bytes);
      expect(d.encoding, f.slug).toBe(f.truth.encoding);
      expect(d.text, f.slug).toContain(f.truth.paragraphs[0].slice(0, 8));
    }
  });

  it('meta gb2312 on a page that is pure ASCII', () => {
    const ascii = '<html><head><meta charset="gb2312"><title>Plain</title></head><body><p>Hello</p></body></html>';
    expect(decodeHtml(utf8(ascii)).text).toBe(ascii);
  });

  it('an unknown or hostile label is ignored', () => {
    for (const label of ['x-unknown', 'utf-7', 'replacement', 'utf-16', '"><script>']) {
      const d = decodeHtml(utf8(page.replace('charset="utf-8"', `charset="${label}"`)));
      expect(d.encoding, label).toBe('utf-8');
      expect(d.text, label).toContain(defaultParts.title);
    }
  });

  it('a label after the first 4 KB is not read', () => {
    const late = `<html><head><!--${'x'.repeat(5000)}--><meta charset="gb2312"></head><body>a</body></html>`;
    expect(sniffCharset(utf8(late))).toBeNull();
  });
});

describe('truncated and mixed bytes', () => {
  // Saved pages are often cut by an interrupted download: the last character may be cut in half.
  it('a UTF-8 page cut in the middle of a character stays UTF-8', () => {
    const bytes = utf8(page);
    const mid = bytes.findIndex((b, i) => i > bytes.length / 2 && b >= 0xe0); // a 3-byte lead
    for (const cut of [mid + 1, mid + 2]) {
      const d = decodeHtml(bytes.subarray(0, cut));
      expect(d.encoding, `cut at ${cut}`).toBe('utf-8');
      expect(d.text, `cut at ${cut}`).toContain(defaultParts.title);
    }
  });

  it('a GBK page cut in the middle of a character stays GBK', () => {
    const lead = gbk.bytes.findIndex((b, i) => i > gbk.bytes.length / 2 && b >= 0x81);
    const d = decodeHtml(gbk.bytes.subarray(0, lead + 1));
    expect(d.encoding).toBe('gbk');
    expect(d.text).toContain(gbk.truth.title);
  });

  it('a UTF-8 page with one stray GBK byte pair stays UTF-8', () => {
    const [head, tail] = [utf8(page.slice(0, page.length / 2)), utf8(page.slice(page.length / 2))];
    const d = decodeHtml(concat(head, Uint8Array.of(0xc4, 0xe3), tail)); // 你 in GBK
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toContain(defaultParts.title);
  });

  it('half UTF-8, half GBK: an answer either way, never a crash', () => {
    const mixed = concat(utf8(page.slice(0, 2000)), gbk.bytes.subarray(3000));
    const r = outcome(mixed);
    expect('encoding' in r || r.refused === 'not-html').toBe(true);
  });
});

describe('not pages at all', () => {
  const cases: Record<string, Uint8Array> = {
    empty: new Uint8Array(0),
    'one byte': Uint8Array.of(0x3c),
    'random bytes': binaryGarbage(1),
    'random bytes with a tag in front': concat(utf8('<html>'), binaryGarbage(2, 8192)),
    'zero bytes': new Uint8Array(4096),
    png: concat(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), binaryGarbage(3)),
    gzip: concat(Uint8Array.of(0x1f, 0x8b, 0x08, 0x00), binaryGarbage(4)),
    pdf: concat(utf8('%PDF-1.4\n%'), binaryGarbage(5)),
    'plain text': utf8('这不是网页，只是一段文字。'.repeat(100)),
    json: utf8(JSON.stringify({ title: '市场监管总局', body: '正文' })),
    'BOM then garbage': concat(Uint8Array.of(0xef, 0xbb, 0xbf), binaryGarbage(6)),
    'UTF-16 BOM then garbage': concat(Uint8Array.of(0xff, 0xfe), binaryGarbage(7)),
  };
  it.each(Object.entries(cases))('%s → not-html', (_name, bytes) => {
    expect(outcome(bytes)).toEqual({ refused: 'not-html' });
  });

  it('a UTF-16 page without a BOM is refused or read, never a crash', () => {
    const r = outcome(utf16le(page));
    expect('encoding' in r ? r.text.includes(defaultParts.title) : r.refused === 'not-html').toBe(true);
  });
});
