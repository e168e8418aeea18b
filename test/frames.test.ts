// Issue 16: which sub-frames of a Sina page never load, decided by rules (src/sites/sina.ts
// frameRules), and the declarativeNetRequest rules built from them and the settings.
import { describe, expect, it } from 'vitest';
import { frameBlockRules, isBlockedFrame } from '../src/background/frame-rules';
import { DEFAULT_SETTINGS } from '../src/platform/settings';
import { frameRules } from '../src/sites/sina';
import { extraPagesDir, fixtures, parse } from './support/pages';

const corpus = [...fixtures(), ...fixtures(extraPagesDir)];
/** Every framed address in the corpus, resolved against its page. */
const frames = corpus.flatMap((page) => {
  const doc = parse(page.html, page.truth.url).window.document;
  // An empty src loads about:blank: no request.
  const framed = Array.from(doc.querySelectorAll('iframe[src]')).filter((f) => f.getAttribute('src')!.trim());
  return framed.map((f) => ({ page: page.slug, src: (f as HTMLIFrameElement).src })).filter((f) => /^https?:/.test(f.src));
});

describe('frame rules (src/sites/sina.ts frameRules)', () => {
  it('block every framed ad, rank and recommendation module of the corpus; keep what the site needs', () => {
    expect(frames.length).toBeGreaterThan(50);
    const needed = (src: string) => frameRules.keep.some((re) => re.test(src));
    expect(frames.filter((f) => needed(f.src)).map((f) => f.src)).toEqual(['https://passport.weibo.com/visitor/visitor?from=iframe']);
    // Other hosts are out of the host permissions declarativeNetRequestWithHostAccess works within.
    const sina = (src: string) => /^https?:\/\/([^/]+\.)?sina(img)?\.(com\.cn|cn)\//.test(src);
    const loaded = frames.filter((f) => sina(f.src) && !isBlockedFrame(f.src) && !needed(f.src));
    expect(loaded.map((f) => `${f.page}: ${f.src}`)).toEqual([]);
  });

  it('each rule matches some framed address of the corpus', () => {
    for (const re of [...frameRules.block, ...frameRules.keep]) expect(frames.some((f) => re.test(f.src)), String(re)).toBe(true);
  });

  it.each([
    'https://login.sina.com.cn/iframe/sso.html',
    'https://passport.sina.cn/iframe/login',
    'https://comment5.news.sina.com.cn/iframe/comment.html?channel=cj',
    'https://video.sina.com.cn/iframe/player.html?vid=123',
    'https://p.you.video.sina.com.cn/iframe/player.swf',
  ])('keep what the site needs: %s', (src) => {
    expect(frameRules.block.some((re) => re.test(src)), 'a block rule would match it').toBe(true);
    expect(isBlockedFrame(src)).toBe(false);
  });

  it.each(['https://finance.sina.com.cn/china/2021-09-02/doc-iktzqtyt3601234.shtml', 'https://n.sinaimg.cn/finance/iframe/x.jpg', 'https://www.example.com/iframe/x.html'])(
    'leave other addresses alone: %s',
    (src) => expect(isBlockedFrame(src)).toBe(false),
  );
});

describe('frameBlockRules', () => {
  it('blocks sub-frames asked for by Sina pages only, keep rules winning', () => {
    const rules = frameBlockRules(DEFAULT_SETTINGS, []);
    expect(rules).toHaveLength(frameRules.block.length + frameRules.keep.length);
    for (const r of rules) {
      expect(r.condition.resourceTypes).toEqual(['sub_frame']);
      expect(r.condition.initiatorDomains).toEqual(['sina.com.cn', 'sina.cn']);
      expect(r.condition.excludedTabIds).toBeUndefined();
      expect(() => new RegExp(r.condition.regexFilter!)).not.toThrow();
      expect(r.id).toBeLessThan(1000);
    }
    const allow = rules.filter((r) => r.action.type === 'allow');
    const block = rules.filter((r) => r.action.type === 'block');
    expect(Math.min(...allow.map((r) => r.priority!))).toBeGreaterThan(Math.max(...block.map((r) => r.priority!)));
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  });

  it('follow the settings: nothing when cleaning is off, off hosts and excluded tabs left out', () => {
    expect(frameBlockRules({ ...DEFAULT_SETTINGS, cleaning: false }, [])).toEqual([]);
    const rules = frameBlockRules({ cleaning: true, cleaningOffHosts: ['finance.sina.com.cn', 'example.com'] }, [7, 9]);
    for (const r of rules) {
      expect(r.condition.excludedInitiatorDomains).toEqual(['finance.sina.com.cn']);
      expect(r.condition.excludedTabIds).toEqual([7, 9]);
    }
  });
});
