/** The Sina page templates we know (see ../shared/docs/SINA-PAGES.md). */
export type TemplateId = 'desktop-2017' | 'desktop-2016' | 'legacy' | 'table-2005' | 'mobile' | 'report' | 'bulletin';

/** What detect() says about a page. */
export type Detection =
  | { kind: 'article'; site: 'sina'; template: TemplateId }
  | { kind: 'article'; site: 'generic' }
  | { kind: 'not-article'; site: 'sina' | 'generic'; reason: NotArticleReason };

export type NotArticleReason = 'no-body' | 'index-page' | 'empty';

export interface ArticleImage {
  src: string;
  caption: string | null;
}

/** The article as the pipeline hands it to every consumer (popup, CLI, Markdown). */
export interface Article {
  url: string;
  title: string;
  originalTitle: string | null;
  published: string | null; // ISO 8601 with +08:00, to the second
  source: string | null;
  author: string | null;
  editor: string | null;
  tags: string[];
  categories: string[];
  leadImage: string | null;
  images: string[];
  docId: string | null;
  /** The article's language (BCP 47), when known. */
  lang: string | null;
  template: TemplateId | 'generic';
  /** Sanitized article HTML (DOMPurify). Safe to render. */
  html: string;
  /** Plain text, one block per paragraph, separated by a blank line. */
  text: string;
  /** Han characters + Latin words. */
  wordCount: number;
  readingMinutes: number;
}

export type Preset = 'hexo' | 'obsidian' | 'plain';

export type StockLinkMode = 'words' | 'links' | 'ticker';

export interface ExtractOptions {
  stockLinks?: StockLinkMode;
}

export type ExtractResult =
  | { ok: true; article: Article }
  | { ok: false; error: ExtractError };

export type ExtractError = 'not-article' | 'not-html' | 'empty';
