/**
 * The one noise model (issue 13): the reader drops exactly what the page hides, every rule earns
 * its place on a page of the corpus, and the line rules go by shape.
 */
import { describe, expect, it } from 'vitest';
import { detectBody, findBody } from '../src/core/detect';
import { BODY_NOISE, HIDDEN_ATTR, KEEP_ATTR, STATE_ATTR, cleanPage } from '../src/core/inpage';
import { findNoise, lineNoise, linesOf } from '../src/core/noise';
import { NativeQuery } from '../src/core/query';
import {
  lineRules, noiseCommentRanges, noiseLinkHrefs, noiseSelectors, openingLines, promoTail, relatedHeading, relatedLead, templates,
  trailingBylines,
} from '../src/sites/sina';
import { extraPagesDir, fixtures, norm, parse } from './support/pages';

const corpus = [...fixtures(), ...fixtures(extraPagesDir)];
const tokens = (s: string | null | undefined) => (norm(s).match(/\p{Script=Han}|[A-Za-z]+|\d+/gu) ?? []).sort();
// A comment shows nothing: only elements and text count.
const textOfNodes = (nodes: Node[]) => nodes.map((n) => (n.nodeType === 8 ? '' : n.textContent ?? '')).join(' ');

/** The text the cleaned page hides inside the article body: each hidden element once, outermost. */
function hiddenText(doc: Document): string {
  const body = doc.querySelector(`[${KEEP_ATTR}="body"]`)!;
  const hidden = (el: Element) => el.hasAttribute(HIDDEN_ATTR) || BODY_NOISE.some((s) => el.matches(s));
  const out: string[] = [];
  const walk = (el: Element) => {
    for (const c of Array.from(el.children)) {
      if (hidden(c)) out.push(c.textContent ?? '');
      else walk(c);
    }
  };
  walk(body);
  return out.join(' ');
}

const withTemplate = corpus.filter((f) => {
  const doc = parse(f.html, f.truth.url).window.document;
  return detectBody(doc, f.truth.url).detection.kind === 'article' && detectBody(doc, f.truth.url).body;
});

describe.each(withTemplate)('one noise model: $slug', { timeout: 60_000 }, ({ html, truth }) => {
  it('the page hides exactly the text the reader drops', () => {
    const doc = parse(html, truth.url).window.document;
    const found = detectBody(doc, truth.url);
    if (found.detection.kind !== 'article' || found.detection.site !== 'sina') return;
    // The reader: the noise of a copy of the body, as it removes it.
    const template = found.detection.template;
    const copy = findBody(new NativeQuery(doc), templates.find((t) => t.id === template)!)!.cloneNode(true) as Element;
    // Furniture (scripts, styles) shows nothing: the page leaves it be.
    const dropped = findNoise(copy, { template })
      .filter((n) => n.reason !== 'selector' || BODY_NOISE.includes(n.rule))
      .map((n) => textOfNodes(n.nodes))
      .join(' ');
    // The page: what the stylesheet and the marks hide inside the body.
    cleanPage(doc, found.detection);
    expect(doc.documentElement.getAttribute(STATE_ATTR)).toBe('cleaned');
    expect(tokens(hiddenText(doc))).toEqual(tokens(dropped));
  });
});

describe('every noise rule matches on some page of the corpus', () => {
  const pages = corpus.map((f) => {
    const doc = parse(f.html, f.truth.url).window.document;
    const comments: string[] = [];
    const walker = doc.createTreeWalker(doc, 128 /* SHOW_COMMENT */);
    for (let c = walker.nextNode(); c; c = walker.nextNode()) comments.push((c as Comment).data);
    const hrefs = Array.from(doc.querySelectorAll('a[href]'), (a) => a.getAttribute('href')!);
    return { doc, comments, hrefs, lines: linesOf(doc.body).map((l) => l.text) };
  });
  const anyPage = (test: (p: (typeof pages)[number]) => boolean) => pages.some(test);
  const line = (re: RegExp) => anyPage((p) => p.lines.some((t) => re.test(t)));
  const rules: Array<[string, string, () => boolean]> = [
    ...noiseSelectors.map((s): [string, string, () => boolean] => ['selector', s, () => anyPage((p) => !!p.doc.querySelector(s))]),
    ...noiseLinkHrefs.map((h): [string, string, () => boolean] => ['link', h, () => anyPage((p) => p.hrefs.some((x) => x.includes(h)))]),
    ...noiseCommentRanges.map(([open]): [string, string, () => boolean] => ['comment range', open.source, () => anyPage((p) => p.comments.some((c) => open.test(c)))]),
    ...lineRules.map((r): [string, string, () => boolean] => ['line', r.pattern.source, () => line(r.pattern)]),
    ...openingLines.map((r): [string, string, () => boolean] => ['opening line', r.pattern.source, () => line(r.pattern)]),
    ...trailingBylines.map((r): [string, string, () => boolean] => ['trailing byline', r.pattern.source, () => line(r.pattern)]),
    ...promoTail.markers.map((re): [string, string, () => boolean] => ['promo tail', re.source, () => line(re)]),
    ['related list', relatedHeading.source, () => line(relatedHeading)],
    ['related line', relatedLead.source, () => line(relatedLead)],
  ];
  it.each(rules)('%s %s', (_kind, _rule, matches) => expect(matches(), 'no page of the corpus needs this rule: give it a page, or drop it').toBe(true));
});

describe('lines and their shapes', () => {
  const body = (inner: string) => parse(`<html><body><div id="b">${inner}</div></body></html>`, 'https://news.sina.com.cn/o/2020-01-01/doc-iabc1234.shtml').window.document.getElementById('b')!;
  const dropped = (inner: string) => lineNoise(linesOf(body(inner)), 'desktop-2017').map((n) => norm(textOfNodes(n.nodes)));
  const para = '央行今天宣布下调存款准备金率0.5个百分点，释放长期资金约一万亿元，以支持实体经济发展。';

  it('a block split by <br> gives a line per run; a block of one run is one line', () => {
    const lines = linesOf(body(`<p>一<br>二<b>三</b><br><br>四</p><p>五</p>`));
    expect(lines.map((l) => l.text)).toEqual(['一', '二三', '四', '五']);
    expect((lines[3].nodes[0] as Element).localName).toBe('p');
  });

  it('drops a WeChat tail from its first marker to the end, picture above the scan line included', () => {
    const tail = '<p>往期精彩回顾</p><p><a href="/a">央行降准释放万亿资金</a></p><p><a href="/b">一季度GDP同比增长</a></p><p><img src="https://mmbiz.qpic.cn/q.png"></p><p>长按二维码，关注我们</p><p>ID：finance_daily</p>';
    expect(dropped(`<p>${para}</p><p>${para}</p>${tail}`)).toEqual(['往期精彩回顾', '央行降准释放万亿资金', '一季度GDP同比增长', '', '长按二维码，关注我们', 'ID：finance_daily']);
  });

  it('keeps what only looks like a tail: a marker followed by article paragraphs', () => {
    expect(dropped(`<p>${para}</p><p>推荐阅读</p><p>${para}</p><p>${para}</p>`)).toEqual([]);
  });

  it('old channels: the mail promo and previous/next navigation, by shape', () => {
    expect(dropped(`<p>${para}</p><p><a href="/m">立即注册新浪免费邮箱，送2G空间</a></p><p>[<a href="/p">上一篇</a>] [<a href="/n">下一篇</a>]</p>`)).toEqual([
      '立即注册新浪免费邮箱，送2G空间',
      '[上一篇] [下一篇]',
    ]);
  });

  it('the page hides a noise line between <br>s by wrapping it, once', () => {
    const doc = parse(
      `<html><body><h1 class="main-title">标题</h1><div class="date-source"><span class="date">2020年01月01日 10:00</span></div><div class="article" id="article"><p>${para}<br>海量资讯、精准解读，尽在新浪财经APP<br>${para}</p></div></body></html>`,
      'https://finance.sina.com.cn/roll/2020-01-01/doc-iabc1234.shtml',
    ).window.document;
    const cleaner = cleanPage(doc, detectBody(doc, 'https://finance.sina.com.cn/roll/2020-01-01/doc-iabc1234.shtml').detection);
    const hidden = Array.from(doc.querySelectorAll(`span[${HIDDEN_ATTR}]`));
    expect(hidden.map((el) => el.textContent)).toEqual(['海量资讯、精准解读，尽在新浪财经APP']);
    expect(cleaner.sweep()).toBe(0);
    expect(doc.querySelectorAll(`span[${HIDDEN_ATTR}]`).length).toBe(1);
  });
});
