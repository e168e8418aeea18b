/**
 * Hostile input corpus (issue 4): XSS vectors, and a builder that places one inside a Sina-shaped
 * article page (desktop-2017 template). Plain TypeScript with no test-framework or Node imports, so
 * the unit tests (jsdom) and the browser e2e tests share it.
 *
 * Every payload sets the canary `top.__pwned`; a test passes when the canary stays unset.
 * Shapes collected from OWASP's XSS filter evasion cheat sheet, PortSwigger's XSS cheat sheet,
 * DOMPurify's test suite and published mutation-XSS write-ups (mXSS via noscript/style/template
 * nesting, SVG/MathML namespace confusion).
 */

/** What every vector runs if it ever executes. */
export const CANARY = '__pwned';
export const PAYLOAD = `top.${CANARY}=1`;
/** The payload as a JavaScript URL, and HTML-entity / URL encodings of it. */
const JS_URL = `javascript:${PAYLOAD}`;
const entityDec = (s: string) => Array.from(s, (c) => `&#${c.codePointAt(0)};`).join('');
const entityHex = (s: string) => Array.from(s, (c) => `&#x${c.codePointAt(0)!.toString(16)};`).join('');
const entityPadded = (s: string) => Array.from(s, (c) => `&#0000${c.codePointAt(0)}`).join('');
const b64 = (s: string) => (typeof btoa === 'function' ? btoa(s) : '');
const SCRIPT = `<script>${PAYLOAD}</script>`;

export interface XssVector {
  /** Stable, unique id (used in test names and by the e2e suite). */
  id: string;
  /** The HTML fragment, as it would stand in the page source. */
  html: string;
  /** Left unclosed, it swallows the rest of the page in any HTML parser (text after it is lost
   * in the browser too, so tests do not expect that text to survive). */
  swallows?: boolean;
}

const SWALLOWS = new Set(['script-in-text-unclosed', 'mxss-math-mglyph']);

const list: Array<[string, string]> = [
  // --- script elements
  ['script-plain', SCRIPT],
  ['script-src-data', `<script src="data:text/javascript,${PAYLOAD}"></script>`],
  ['script-uppercase', `<SCRIPT>${PAYLOAD}</SCRIPT>`],
  ['script-split-attr', `<script/x>${PAYLOAD}</script>`],
  ['script-nested-break', `<scr<script>ipt>${PAYLOAD}</scr</script>ipt>`],
  ['script-in-text-unclosed', `安全<script>${PAYLOAD}//`],
  // --- event handlers
  ['img-onerror', `<img src=x onerror="${PAYLOAD}">`],
  ['img-onerror-noquote', `<img src=x onerror=${PAYLOAD}>`],
  ['img-onerror-slash', `<img/src=x/onerror=${PAYLOAD}>`],
  ['img-onload-sinaimg', `<img src="https://n.sinaimg.cn/finance/x.jpg" onload="${PAYLOAD}" alt="a">`],
  ['img-onerror-entity', `<img src=x onerror="&#116;&#111;&#112;.__pwned=1">`],
  ['body-onload', `<body onload="${PAYLOAD}">`],
  ['svg-onload', `<svg onload="${PAYLOAD}"></svg>`],
  ['svg-slash-onload', `<svg/onload=${PAYLOAD}>`],
  ['div-onmouseover', `<div onmouseover="${PAYLOAD}">悬停这里</div>`],
  ['p-onclick', `<p onclick="${PAYLOAD}">点击这里查看行情</p>`],
  ['a-onclick', `<a href="https://finance.sina.com.cn/" onclick="${PAYLOAD}">新浪财经</a>`],
  ['details-ontoggle', `<details open ontoggle="${PAYLOAD}"><summary>x</summary>y</details>`],
  ['input-autofocus', `<input autofocus onfocus="${PAYLOAD}">`],
  ['select-autofocus', `<select autofocus onfocus="${PAYLOAD}"><option>x</option></select>`],
  ['textarea-autofocus', `<textarea autofocus onfocus="${PAYLOAD}">x</textarea>`],
  ['video-source-onerror', `<video><source onerror="${PAYLOAD}"></video>`],
  ['audio-src-onerror', `<audio src=x onerror="${PAYLOAD}"></audio>`],
  ['marquee-onstart', `<marquee onstart="${PAYLOAD}">滚动</marquee>`],
  ['style-onanimation', `<style>@keyframes k{}</style><p style="animation-name:k" onanimationstart="${PAYLOAD}">动画</p>`],
  ['span-tabindex-onfocus', `<span id=f tabindex=1 onfocus="${PAYLOAD}" autofocus>焦点</span>`],
  ['button-formaction', `<form><button formaction="${JS_URL}">提交</button></form>`],
  ['object-onerror', `<object data=x onerror="${PAYLOAD}"></object>`],
  ['strong-onpointer', `<strong onpointerenter="${PAYLOAD}">加粗</strong>`],
  // --- script URLs in links, forms, areas, frames
  ['a-javascript', `<a href="${JS_URL}">点我</a>`],
  ['a-javascript-case', `<a href="JaVaScRiPt:${PAYLOAD}">点我</a>`],
  ['a-javascript-whitespace', `<a href=" &#14; javascript:${PAYLOAD}">点我</a>`],
  ['a-javascript-tab', `<a href="java\tscript:${PAYLOAD}">点我</a>`],
  ['a-javascript-newline', `<a href="java&#x0A;script:${PAYLOAD}">点我</a>`],
  ['a-javascript-entity-dec', `<a href="${entityDec(JS_URL)}">点我</a>`],
  ['a-javascript-entity-hex', `<a href="${entityHex(JS_URL)}">点我</a>`],
  ['a-javascript-entity-padded', `<a href="${entityPadded(JS_URL)}">点我</a>`],
  ['a-javascript-colon-entity', `<a href="javascript&colon;${PAYLOAD}">点我</a>`],
  ['a-vbscript', `<a href="vbscript:msgbox(1)">点我</a>`],
  ['a-data-html', `<a href="data:text/html,<script>${PAYLOAD}</script>">点我</a>`],
  ['a-data-base64', `<a href="data:text/html;base64,${b64(SCRIPT)}">点我</a>`],
  ['a-xlink-svg', `<svg><a xlink:href="${JS_URL}"><text x="20" y="20">点我</text></a></svg>`],
  ['form-action', `<form action="${JS_URL}"><input type=submit value="提交"></form>`],
  ['area-href', `<map name=m><area shape=rect coords=0,0,99,99 href="${JS_URL}"></map><img usemap=#m src="https://n.sinaimg.cn/a.jpg">`],
  ['iframe-javascript', `<iframe src="${JS_URL}"></iframe>`],
  ['iframe-srcdoc', `<iframe srcdoc="&lt;script&gt;parent.${CANARY}=1&lt;/script&gt;"></iframe>`],
  ['iframe-data', `<iframe src="data:text/html,<script>parent.${CANARY}=1</script>"></iframe>`],
  ['frameset', `<frameset><frame src="${JS_URL}"></frameset>`],
  ['embed-src', `<embed src="${JS_URL}">`],
  ['object-data-js', `<object data="${JS_URL}"></object>`],
  ['img-src-javascript', `<img src="${JS_URL}">`],
  ['img-src-data-svg', `<img src="data:image/svg+xml;base64,${b64(`<svg xmlns="http://www.w3.org/2000/svg" onload="${PAYLOAD}"/>`)}">`],
  ['img-srcset-js', `<img src="https://n.sinaimg.cn/a.jpg" srcset="${JS_URL} 1x">`],
  ['img-lazy-data-src-js', `<img data-src="${JS_URL}" src="https://n.sinaimg.cn/a.jpg">`],
  ['img-lowsrc-dynsrc', `<img dynsrc="${JS_URL}" lowsrc="${JS_URL}">`],
  // --- CSS
  ['style-element', `<style>body{background:url("${JS_URL}")}</style>`],
  ['style-attr-url', `<p style="background-image:url(${JS_URL})">背景</p>`],
  ['style-expression', `<p style="width:expression(${PAYLOAD})">IE</p>`],
  ['style-import', `<style>@import "${JS_URL}";</style>`],
  ['link-stylesheet', `<link rel=stylesheet href="${JS_URL}">`],
  ['style-behavior', `<p style="behavior:url(x.htc);-moz-binding:url(x.xml#x)">旧</p>`],
  // --- base, meta, head furniture
  ['base-href', `<base href="${JS_URL}//"><a href="/x">相对</a>`],
  ['base-target', `<base href="https://evil.example/"><a href="/x">相对</a>`],
  ['meta-refresh', `<meta http-equiv="refresh" content="0;url=${JS_URL}">`],
  ['meta-refresh-data', `<meta http-equiv="refresh" content="0;url=data:text/html;base64,${b64(SCRIPT)}">`],
  ['meta-csp-override', `<meta http-equiv="Content-Security-Policy" content="script-src *">`],
  // --- SVG and MathML
  ['svg-script', `<svg><script>${PAYLOAD}</script></svg>`],
  ['svg-animate-href', `<svg><a><animate attributeName=href values="${JS_URL}"/><text x=20 y=20>点我</text></a></svg>`],
  ['svg-set-onbegin', `<svg><set attributeName=x onbegin="${PAYLOAD}"/></svg>`],
  ['svg-foreignobject', `<svg><foreignObject><img src=x onerror="${PAYLOAD}"></foreignObject></svg>`],
  ['svg-use-data', `<svg><use href="data:image/svg+xml;base64,${b64(`<svg id="x" xmlns="http://www.w3.org/2000/svg"><image href="1" onerror="${PAYLOAD}"/></svg>`)}#x"/></svg>`],
  ['math-href', `<math><mtext><a href="${JS_URL}">点我</a></mtext></math>`],
  ['math-maction', `<math><maction actiontype="statusline" xlink:href="${JS_URL}">点我</maction></math>`],
  // --- mutation XSS: parser round trips that turn text into markup
  ['mxss-noscript', `<noscript><p title="</noscript><img src=x onerror=${PAYLOAD}>"></noscript>`],
  ['mxss-style-in-svg', `<svg></p><style><a id="</style><img src=1 onerror=${PAYLOAD}>">`],
  ['mxss-math-mglyph', `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=${PAYLOAD}&gt;">`],
  ['mxss-math-style', `<math><mi><style><img src=x onerror=${PAYLOAD}></style></mi></math>`],
  ['mxss-template', `<template><style></template><img src=x onerror=${PAYLOAD}></style></template>`],
  ['mxss-comment', `<!--><img src=x onerror=${PAYLOAD}>-->`],
  ['mxss-comment-bang', `<!--!><img src=x onerror=${PAYLOAD}>-->`],
  ['mxss-form-nesting', `<form id=a><div></form><form><img src=x onerror=${PAYLOAD}></form></div>`],
  ['mxss-textarea-title', `<textarea><img title="</textarea><img src=x onerror=${PAYLOAD}>">`],
  ['mxss-xmp', `<xmp><p title="</xmp><img src=x onerror=${PAYLOAD}>">`],
  ['mxss-iframe-text', `<iframe><p title="</iframe><img src=x onerror=${PAYLOAD}>">`],
  ['mxss-noembed', `<noembed><p title="</noembed><img src=x onerror=${PAYLOAD}>">`],
  ['mxss-cdata-svg', `<svg><![CDATA[><img src=x onerror=${PAYLOAD}>]]></svg>`],
  ['mxss-backtick', `<img src="x\` \`<script>${PAYLOAD}</script>"\` \`>`],
  ['mxss-table-foster', `<table><img src=x onerror=${PAYLOAD}><tr><td>单元格</td></tr></table>`],
  // --- escaped and encoded markup that must stay text
  ['text-escaped-script', `&lt;script&gt;${PAYLOAD}&lt;/script&gt;`],
  ['text-escaped-img', `&lt;img src=x onerror=${PAYLOAD}&gt;`],
  ['text-markdown-link', `[点我](${JS_URL}) ![x](data:text/html,${SCRIPT}) <${JS_URL}>`],
  ['text-raw-angle', `a <b onclick=${PAYLOAD}>b</b> c`],
  // --- hostile attributes on images and links
  ['img-title-breakout', `<img src="https://n.sinaimg.cn/a.jpg" alt='"><script>${PAYLOAD}</script>' title="&quot; onmouseover=&quot;${PAYLOAD}">`],
  ['img-style-overlay', `<img src="https://n.sinaimg.cn/a.jpg" style="position:fixed;top:0;left:0;width:100%;height:100%">`],
  ['img-ismap-usemap', `<a href="https://finance.sina.com.cn/"><img ismap usemap="#m" src="https://n.sinaimg.cn/a.jpg"></a>`],
  ['a-target-opener', `<a href="https://evil.example/" target="_blank" rel="opener">外链</a>`],
  ['a-ping-download', `<a href="https://finance.sina.com.cn/" ping="https://evil.example/t" download="x.exe">下载</a>`],
  ['dom-clobber-id', `<img name="getElementById"><form id="__pwned"><input name="x"></form><a id="${CANARY}" href="https://evil.example/">x</a>`],
  ['a-formaction-in-input', `<input type=image src="https://n.sinaimg.cn/a.jpg" formaction="${JS_URL}">`],
  ['isindex', `<isindex type=image src=1 onerror=${PAYLOAD}>`],
  ['html-namespace-xml', `<html xmlns:x="http://www.w3.org/1999/xhtml"><x:script>${PAYLOAD}</x:script></html>`],
  ['portal-and-dialog', `<dialog open onclose="${PAYLOAD}">对话</dialog><portal src="${JS_URL}"></portal>`],
  ['object-param', `<object><param name="src" value="${JS_URL}"><embed src="${JS_URL}"></object>`],
];

export const vectors: XssVector[] = list.map(([id, html]) => (SWALLOWS.has(id) ? { id, html, swallows: true } : { id, html }));

/** Where a vector can be placed in the article page. */
export type Placement = 'body' | 'title' | 'caption' | 'source' | 'editor' | 'tags';
export const placements: Placement[] = ['body', 'title', 'caption', 'source', 'editor', 'tags'];

export const ARTICLE_URL = 'https://finance.sina.com.cn/roll/2024-05-01/doc-ihostile0001.shtml';
export const IMAGE_URL = 'https://n.sinaimg.cn/finance/crawl/164/w550h414/20240501/hostile.jpg';

export interface ArticleParts {
  title: string;
  date: string;
  source: string;
  editor: string;
  tags: string[];
  paragraphs: string[];
  caption: string;
  /** Raw HTML added inside #artibody after the paragraphs. */
  bodyExtra: string;
  /** Raw HTML added to <head>. */
  head: string;
}

/** A plain, valid article; every field is HTML (so text must be escaped by the caller). */
export const defaultParts: ArticleParts = {
  title: '市场监管总局：鼓励参与区域和国际标准化活动',
  date: '2024年05月01日 19:30',
  source: '中国新闻网',
  editor: '王珊珊',
  tags: ['RCEP', '标准化', '东盟'],
  paragraphs: [
    '中新网南宁5月1日电（记者 林浩）国家市场监督管理总局标准创新管理司副司长表示，将出台相关措施。',
    '当天，第二届中国—东盟国际标准化论坛新闻发布会在南宁举行，论坛以标准互联互通为主题。',
    '据悉，此次论坛将采取线上线下结合的形式举办，邀请东盟轮值主席国作为主宾国。（完）',
  ],
  caption: '图为发布会现场 林浩 摄',
  bodyExtra: '',
  head: '',
};

const escapeText = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Escapes plain text for use as an ArticleParts field. */
export const textToHtml = escapeText;

/** A Sina desktop-2017 article page built from HTML parts (not escaped: the parts are raw HTML). */
export function buildArticlePage(parts: Partial<ArticleParts> = {}): string {
  const p = { ...defaultParts, ...parts };
  return `<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>${escapeText(p.title.replace(/<[^>]*>/g, ''))}_新浪财经_新浪网</title>
<meta property="og:type" content="news">
<meta property="og:url" content="${ARTICLE_URL}">
<link rel="canonical" href="${ARTICLE_URL}">
${p.head}
</head><body>
<div class="main-content w1240">
<h1 class="main-title">${p.title}</h1>
<div class="top-bar-wrap"><div class="top-bar"><div class="date-source">
<span class="date">${p.date}</span>
<a href="https://www.chinanews.com/" class="source ent-source" rel="nofollow">${p.source}</a>
</div></div></div>
<div class="article-content clearfix"><div class="article-content-left">
<div class="article" id="artibody">
<div class="img_wrapper"><img src="${IMAGE_URL}" alt=""><span class="img_descr">${p.caption}</span></div>
${p.paragraphs.map((t) => `<p>　　${t}</p>`).join('\n')}
${p.bodyExtra}
<p class="article-editor">责任编辑：${p.editor}</p>
</div>
<div id="article-bottom"><div class="keywords">文章关键词：${p.tags.map((t) => `<a href="https://tags.news.sina.com.cn/${encodeURIComponent(t.replace(/<[^>]*>/g, ''))}" target="_blank">${t}</a>`).join(' ')}</div></div>
</div></div>
</div>
</body></html>`;
}

/** The article page with `vector` placed at `placement` (beside ordinary text, as in real pages). */
export function pageWithVector(vector: string, placement: Placement): string {
  const d = defaultParts;
  switch (placement) {
    case 'body':
      return buildArticlePage({ paragraphs: [d.paragraphs[0], `${d.paragraphs[1]}${vector}`, d.paragraphs[2]], bodyExtra: vector });
    case 'title':
      return buildArticlePage({ title: `${d.title}${vector}` });
    case 'caption':
      return buildArticlePage({ caption: `${d.caption}${vector}` });
    case 'source':
      return buildArticlePage({ source: `${vector}${d.source}` });
    case 'editor':
      return buildArticlePage({ editor: `${d.editor}${vector}` });
    case 'tags':
      return buildArticlePage({ tags: [d.tags[0], `${vector}${d.tags[1]}`, d.tags[2]] });
  }
}

/** Every (vector, placement) pair, for table-driven tests. */
export function hostileCases(): Array<{ vector: XssVector; placement: Placement; html: string }> {
  return vectors.flatMap((vector) => placements.map((placement) => ({ vector, placement, html: pageWithVector(vector.html, placement) })));
}
