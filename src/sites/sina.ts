/**
 * Everything Sina-specific, as data. The core reads this; it holds no logic.
 * Map of the templates: ../shared/docs/SINA-PAGES.md. Each rule is exercised by a fixture
 * (test/sites.test.ts checks that every selector parses and matches somewhere).
 */
import type { TemplateId } from '../core/types';

export interface TemplateRule {
  id: TemplateId;
  /** The page is this template when one of these matches. */
  marker: string[];
  title: string[];
  date: string[];
  source: string[];
  author: string[];
  /** The article body; the first selector that matches wins. */
  body: string[];
  editor: string[];
  keywords: string[];
  breadcrumb: string[];
}

/** A field read from the text of the first element that has it, by a pattern's first group. */
export interface LabelRule {
  selector: string;
  field: 'source' | 'author' | 'date';
  pattern: RegExp;
}

/** Hosts whose pages we read: finance first, then every other Sina channel. */
export const sinaHosts: RegExp = /(^|\.)sina\.(com\.cn|cn)$/i;

/**
 * Article URLs: doc-i… (2016+), detail-i….d.html (mobile), YYYY-MM-DD/<digits>.shtml (old),
 * k.sina.com.cn / k.sina.cn article_<uid>_<id>.html (看点), cj.sina.com.cn/articles/view/<uid>/<id>.
 */
export const articleUrlPatterns: RegExp[] = [
  /\/doc-i[a-z0-9]+\.s?html/i,
  /\/detail-i[a-z0-9]+(\.d)?\.html/i,
  /\/\d{4}-\d{2}-\d{2}\/[a-z0-9_-]*\d{4,}[a-z0-9_-]*\.s?html/i,
  /\/article_\d+_[a-z0-9]+\.html/i,
  /\/articles\/view\/\d+\/[a-z0-9]+/i,
];

/** A channel's front or list page: the site root, a folder, an index or list file. */
export const indexUrlPattern: RegExp = /^https?:\/\/[^/]+(\/[\w-]*)*\/?(index\.[a-z]+|list[\w-]*\.[a-z]+)?([?#].*)?$|^https?:\/\/[^/]+\/([\w-]+\/)*$/i;

export const templates: TemplateRule[] = [
  {
    id: 'desktop-2017',
    marker: ['h1.main-title', '.date-source'],
    title: ['h1.main-title'],
    date: ['.date-source .date', '.date-source span'],
    source: ['.date-source .source', '.date-source a', '.date-source span.source'],
    author: ['.date-source [data-sudaclick="content_author_p"]', '.date-source .author'],
    body: ['#artibody', '#article', 'div.article'],
    editor: ['p.article-editor', 'p.show_author', '.article-editor'],
    keywords: ['#article-bottom .keywords a', '.keywords a', '#keywords a'],
    breadcrumb: ['.channel-path a', '.path-search .path a', '.bread a'],
  },
  {
    id: 'desktop-2016',
    marker: ['h1#artibodyTitle', '.time-source'],
    title: ['h1#artibodyTitle'],
    date: ['.time-source .titer', '.time-source'],
    source: ['.time-source [data-sudaclick="media_name"]', '.time-source a', '.time-source span span', '.time-source'],
    author: [],
    body: ['#artibody'],
    editor: ['p.article-editor', '.article-editor'],
    keywords: ['.article-keywords a'],
    breadcrumb: ['.bread a', '.channel-path a'],
  },
  {
    id: 'legacy',
    marker: ['h1#artibodyTitle', '#pub_date'],
    title: ['h1#artibodyTitle'],
    date: ['#pub_date'],
    source: ['#media_name'],
    author: [],
    body: ['#artibody', '.blkContainerSblkCon'],
    editor: ['p.article-editor', '.article-editor'],
    keywords: ['.art_keywords a', '.artical-keywords a', 'p.art_keywords a'],
    breadcrumb: ['.bread a', '#lo_links a', '.blkBreadcrumbNav a'],
  },
  {
    id: 'table-2005',
    marker: ['th.f24', 'td.l17'],
    title: ['th.f24'],
    date: [],
    source: ['th.f24 ~ * font[color]', 'font[color="#A20010"]', 'font[color="#a20010"]'],
    author: [],
    body: ['td.l17'],
    editor: [],
    keywords: [],
    breadcrumb: [],
  },
  {
    id: 'mobile',
    marker: ['h1.art_tit_h1', 'section.art_content'],
    title: ['h1.art_tit_h1'],
    date: ['time.weibo_time'],
    source: ['.weibo_info h2.weibo_user', '.weibo_user'],
    author: [],
    body: ['section.art_content', 'article .art_content'],
    editor: ['.art_editor'],
    keywords: ['.art_keywords a'],
    breadcrumb: ['h2.hd_tit_l a'],
  },
  {
    // Research reports: vip.stock.finance.sina.com.cn/q/go.php/vReport_Show/… (GBK)
    id: 'report',
    marker: ['.creab', '.blk_container'],
    title: ['.content h1'],
    date: ['.creab'],
    source: [],
    author: [],
    body: ['.blk_container'],
    editor: [],
    keywords: [],
    breadcrumb: [],
  },
  {
    // Company bulletins: vip.stock.finance.sina.com.cn/corp/view/vCB_AllBulletinDetail.php (GBK)
    id: 'bulletin',
    marker: ['#allbulletin', '.graybgH2'],
    title: ['#allbulletin th'],
    date: ['#allbulletin .graybgH2'],
    source: [],
    author: [],
    body: ['#allbulletin #content', '#allbulletin #box'],
    editor: [],
    keywords: [],
    breadcrumb: [],
  },
];

/**
 * Fields a template prints as "label：value", read by metadata only (kept out of the templates:
 * the content script carries those and never reads these).
 */
export const templateLabels: Partial<Record<TemplateId, LabelRule[]>> = {
  // The book channel's serial pages: "连载：… 出版社：团结出版社 作者：罗银胜"
  'table-2005': [
    { selector: 'td.l15', field: 'source', pattern: /出版社\s*[:：]\s*(\S+)/ },
    { selector: 'td.l15', field: 'author', pattern: /作者\s*[:：]\s*(\S+)/ },
  ],
  // Any span so labelled: the labels still say what the fields are when the classes change.
  report: [
    { selector: 'span', field: 'source', pattern: /^机构\s*[:：]\s*(.+)$/ },
    { selector: 'span', field: 'author', pattern: /^(?:研究员|分析师)\s*[:：]\s*(.+)$/ },
  ],
  // The company, from the page title: "贵州茅台(600519)_公司公告_…"
  bulletin: [
    { selector: 'title', field: 'source', pattern: /^\s*([^_(（]{2,20})[(（]\d{6}[)）]_/ },
    { selector: 'td', field: 'date', pattern: /^公告日期\s*[:：]\s*(\S+)$/ },
  ],
};

/**
 * Noise: removed from the extracted body, and hidden on the live page by the content script.
 * In-page rules must never match article text: they are class/id names of promos and widgets.
 */
export const noiseSelectors: string[] = [
  // App and QR promotions
  '.appendQr_wrap', '.app-kaihu-qr', '.article-bottom-tg', 'a.fapp',
  '.wx-qr', '.cj-r-qr', '.app-code', '[class*="kaihu"]', '#wx_pic',
  '.fin_art_weixin', '.tech-quotation',
  // The 引文 promo above the body
  '.new_style_article', '[data-sudaclick="ad_content_top"]',
  // Editor footers (the name is kept as metadata)
  'p.article-editor', 'p.show_author', '.article-editor',
  // Ads
  'ins.sinaads', '[data-ad-pdps]', '[data-sudaclick^="ad_"]', '.ad', '.top-ad',
  '[sax-type]', '.sinaads', '[id^="ad_"]', '.adNone', '.otherContent_01',
  // Live quotes the page's scripts write after a stock name ("(115.395, 2.79, 2.47%)")
  'span[id^="quote_"]',
  // Widgets: quote charts, video players, share and font tools, keyword bars
  '.ct_hqimg', '.artical-player-wrap', '.video-2017', '.page-tools', '.top-bar-wrap',
  '.article-keywords', '.keywords', '#keywords', '#related_wb', '.blk-related',
  '#tab_related', '#bottom_sina_comment', '#hot-recommend-cont', '.hqimg_wrapper',
  '.article-bottom',
  // 点击进入专题 (topic links the mobile body ends with)
  '.wap_special', '[data-sudaclick="content_relativetopics_p"]',
  // Around the body, for pages no template fits (the generic reader sees the whole page):
  // a WeChat follow line, the mobile feed's loading bar and channel navigation
  '.ecode_weixin', '.j_load_bar', '.hd_nav',
  // Embedded frames of every kind
  'iframe', 'object', 'embed',
  // Page furniture
  'script', 'style', 'noscript', 'link', 'form', 'input', 'select', 'textarea',
];

/**
 * Sub-frames of Sina pages, by their address (issue 16). `block`: ad slots, the CMS's /iframe/
 * modules (rank lists, recommendations, "related" boxes), beacons and the push connector: on a
 * cleaned page they never load. `keep`: what the site needs to work (login and SSO, comments,
 * video players) loads even where a block pattern would match. Regular expressions in the syntax
 * both JavaScript and declarativeNetRequest (RE2) read, without regard to case (the `i` flag here,
 * isUrlFilterCaseSensitive: false there).
 */
export const frameRules: { block: RegExp[]; keep: RegExp[] } = {
  block: [
    /^https?:\/\/[^/]*\.sina\.(com\.cn|cn)\/([^?#]*\/)?iframe\//i,
    // Ad servers, ad creatives, beacons, the push connector (frames on other hosts, such as the
    // 2000s' allyes.com ad network, are out of the extension's host permissions: hidden, not blocked)
    /^https?:\/\/(d\d+|pfp)\.sina\.com\.cn\//i,
    /^https?:\/\/mjs\.sinaimg\.cn\/wap\/custom_html\//i,
    /^https?:\/\/s?beacon\.sina\.com\.cn\//i,
    /^https?:\/\/current\.sina\.com\.cn\/theone\//i,
  ],
  keep: [/^https?:\/\/([\w-]+\.)*(login|passport|comment\d*|video|player)[\w-]*(\.[\w-]+)*\.(sina\.(com\.cn|cn)|weibo\.com)\//i],
};

/** Besides the headline and the body, what the cleaned live page keeps visible (date and outlet). */
export const inPageKeep: string[] = ['.date-source', '.time-source', '#pub_date', '#media_name', '.creab', '.graybgH2'];

/** Comment pairs that bracket noise inside bodies: everything between them goes. */
export const noiseCommentRanges: Array<[RegExp, RegExp]> = [
  [/NEWSZW_HZH_BEGIN/, /NEWSZW_HZH_END/],
  [/^\s*ADS:begin/, /^\s*ADS:end/],
  [/^\s*总声明\s*$/, /^\s*总声明\s*$/],
  [/^\s*文末二维码 start/, /^\s*文末二维码 end/],
  [/新增众测推广文案\s*$/, /新增众测推广文案end/],
];

/** Links whose href holds one of these mark a promo paragraph (e.g. the 2009 "上手机新浪网" line). */
export const noiseLinkHrefs: string[] = ['waptuiguang', '/mobile/comfinanceweb', 'zt_d/18ecoperson', 'guba.sina.com.cn'];

/** Metadata a line of the body may carry (it then leaves the text for the header). */
export type MetaField = 'originalTitle' | 'author' | 'source';

/** A line of text that is noise wherever it stands. Each pattern carries its own flags. */
export interface LineRule {
  pattern: RegExp;
  reason: 'promo-line' | 'navigation' | 'meta-line';
  /** Only lines this short: a longer one is article text that happens to start alike. */
  maxLength?: number;
}

/** Lines of promo and footer text, and the navigation of old channels. */
export const lineRules: LineRule[] = [
  // Footers: the editor's name is read as metadata from its own element.
  { pattern: /^责任编辑\s*[:：]/, reason: 'promo-line', maxLength: 60 },
  { pattern: /^文章关键词\s*[:：]?/, reason: 'promo-line' },
  { pattern: /^关键字\s*[:：]/, reason: 'promo-line' },
  { pattern: /^(免责|新浪)声明\s*[:：]/, reason: 'promo-line' },
  // Sina's own app and community lines ("海量资讯、精准解读，尽在新浪财经APP")
  { pattern: /^(进入)?【新浪财经股吧】讨论$/, reason: 'promo-line' },
  { pattern: /尽在新浪.{0,6}(APP|客户端)$|(下载|安装|打开)新浪.{0,6}(APP|客户端)/i, reason: 'promo-line', maxLength: 80 },
  { pattern: /^看明星八卦、查影讯电视节目/, reason: 'promo-line', maxLength: 80 },
  { pattern: /^(扫描|扫一扫|长按|识别)(下方|上方|图中)?(的)?二维码/, reason: 'promo-line', maxLength: 60 },
  { pattern: /^点击进入专题\s*[:：]?/, reason: 'promo-line', maxLength: 80 },
  // Mail and registration promos of old channels ("立刻注册新浪免费邮箱，激活即得3G空间")
  { pattern: /注册.{0,10}(免费)?邮箱|免费邮箱.{0,10}注册/, reason: 'promo-line', maxLength: 60 },
  // A report's field line "类别：公司 机构：… 研究员：… 日期：…" (the fields are read by their labels)
  { pattern: /^类别\s*[:：].{0,40}(机构|研究员|日期)\s*[:：]/, reason: 'meta-line', maxLength: 160 },
  // [上一篇] [下一篇], 前一篇：… 后一篇：…
  { pattern: /^[[【(（]?\s*(上一篇|下一篇|前一篇|后一篇)\s*[\]】)）:：]?/, reason: 'navigation', maxLength: 80 },
];

/** Opening lines whose content is metadata: the original headline, the column's author. */
export const openingLines: Array<{ pattern: RegExp; field: MetaField }> = [
  { pattern: /^原标题\s*[:：]\s*(.+)$/, field: 'originalTitle' },
];

/**
 * The promo tail of WeChat reprints (and of Sina's own apps): it starts at a line that names it,
 * and every line after it is tail-shaped (short, a link, a picture).
 */
export const promoTail = {
  markers: [
    /^[-—=·\s]*(往期|本期|近期|更多)?(精彩|热门)?(回顾|推荐|文章|阅读)[-—=·\s]*[:：]?$/,
    /^[-—=·\s]*(推荐|延伸|相关|精彩)阅读[-—=·\s]*[:：]?$/,
    // Scan the code: 长按二维码, 识别图中二维码, 扫码关注
    /(长按|扫描?|识别|扫一扫)(下方|上方|图中|图片)?(的)?(二维码|小程序码|图片)|扫码(关注|下载|加入|订阅|阅读)/,
    // The account's id: "ID：finance_sina", "微信号 road5858"
    /^(微信)?(ID|id|微信号)\s*[:：]?\s*[A-Za-z][\w-]{3,}\s*$/,
    /^(点击.{0,6})?阅读原文\s*[>》]*$/,
    /^(点(个|一下)?)?[“"]?在看[”"]?[!！。]?$/,
    /^(欢迎)?(关注|点击关注|加关注)(我们|本号|公众号)/,
    // Pleas to share: 帮转哈。求转发 欢迎转发分享
    /^(帮[忙我]?转|求(转发|扩散)|欢迎(转发|分享)|转发扩散)[^，。]{0,6}[。！!]?$/,
  ] as RegExp[],
  /** A marker line is short. */
  markerMaxLength: 80,
  /** Lines of the tail that are neither a marker, a link nor a picture are at most this long. */
  lineMaxLength: 60,
  /** The tail is near the end: at most this many lines. */
  maxLines: 40,
};

/**
 * A related-news list inside the body: this heading and the link-only lines after it, or the
 * heading and its links on one line ("推荐阅读：<a>…</a>").
 */
export const relatedHeading: RegExp = /^(相关|推荐|延伸|更多|往期|热门|精彩)(新闻|阅读|报道|链接|专题|文章|推荐|回顾)\s*[:：]?$/;
export const relatedLead: RegExp = /^(相关|推荐|延伸|更多|往期|热门|精彩)(新闻|阅读|报道|链接|专题|文章|推荐|回顾)\s*[:：]\s*(.+)$/;

/** Bylines found as the last line of the body, per template. */
export const trailingBylines: Array<{ template: TemplateId; pattern: RegExp; field: MetaField }> = [
  { template: 'table-2005', pattern: /^来源\s*[:：]\s*([\p{Script=Han}A-Za-z·]{2,8})$/u, field: 'author' },
];

/** Images that are never article content: spacers, icons, QR codes, logos, avatars. */
export const nonContentImages: RegExp[] = [
  /\/c\.gif$/i, /\/deco\//i, /qrcode|erweima|_qr\b|\/qr\//i, /default_avatar/i, /\/icon/i,
  /image\.sinajs\.cn\/newchart/i, /sinaimg\.cn\/default\//i, /\/logo/i, /entphone\.gif/i,
];

/** Sina's image hosts name the served size in the path ("/w550h414/"): width, height. */
export const imageSizeInUrl: RegExp = /\/w(\d{2,4})h(\d{2,4})\//;

/** Title suffixes the site appends in <title> and og:title, with the channel before them ("_影音娱乐_新浪网", "__商贸_产业资讯_新浪网"). */
/** What a headline element carries besides the headline ("（下载公告）" beside a bulletin's title). */
export const titleExtras: RegExp = /\s*[（(]\s*下载(公告|全文|原文)?\s*[)）]\s*$/;
/** The <title> of a company's pages: "贵州茅台(600519)_公司公告_<headline>新浪财经_新浪网". */
export const companyTitle: RegExp = /^[^_]{2,20}[(（]\d{6}[)）]_[^_]{2,8}_(.+?)(新浪财经)?(_新浪网)?$/;

export const titleSuffix: RegExp = /(?:_[^_]{0,12}){0,3}[_|｜\-—]\s*(新浪|手机新浪网|sina).*$/i;

/** Site words that are no article's tag ("新浪财经", "sina.cn", "手机新浪网"). */
export const siteWords: RegExp = /^(手机)?新浪(网|财经|科技|新闻|娱乐|体育|博客|看点|汽车|房产|读书|视频|图片|首页|微博)?$|^(www\.|m\.)?sina(\.com)?(\.cn)?$|^新浪财经(APP|客户端|头条)$/i;

/** The editor's staff code after the name ("张恒星 SF142"). */
export const editorCode: RegExp = /\s*[A-Za-z]{1,4}\d{2,}\s*$/;
