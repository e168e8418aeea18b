/**
 * extract: turns a cleaned body into blocks in reading order (paragraphs, headings, images with
 * captions, lists, tables, quotes). Inline formatting is kept as marked runs of text.
 */
import { nonContentImages } from '../sites/sina';
import { absoluteUrl, normalizeText } from './dom';
import type { StockLinkMode } from './types';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  href?: string;
}

export type Block =
  | { type: 'p'; runs: Run[]; quote?: boolean }
  | { type: 'h'; level: 2 | 3; text: string }
  | { type: 'img'; src: string; alt: string; caption: string | null }
  | { type: 'list'; ordered: boolean; items: Run[][] }
  | { type: 'table'; rows: string[][] };

export interface ExtractContext {
  baseUrl: string;
  stockLinks: StockLinkMode;
}

const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'video', 'audio', 'canvas',
  'svg', 'math', 'form', 'input', 'button', 'select', 'textarea', 'head', 'title', 'meta', 'link', 'map',
]);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'center', 'figure', 'figcaption', 'header', 'footer', 'main',
  'aside', 'dl', 'dt', 'dd', 'address', 'pre', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'body', 'hr', 'nav',
]);
const HEADING = /^h[1-6]$/;
const LAZY_ATTRS = ['data-src', 'data-original', 'data-lazy-src', 'data-url', 'src'];
/** Deeper than this, no real article goes: a subtree below it is read as one paragraph of text. */
const MAX_DEPTH = 256;

/** Walks the body and returns its blocks. Whitespace is normalized; empty blocks are dropped. */
export function extractBlocks(root: Element, ctx: ExtractContext): Block[] {
  const w = new Walker(ctx);
  w.walk(root, {});
  w.flush();
  return w.blocks;
}

type Marks = Omit<Run, 'text'>;

class Walker {
  blocks: Block[] = [];
  private runs: Run[] = [];
  private quote = false;
  private depth = 0;

  constructor(private ctx: ExtractContext) {}

  walk(node: Node, marks: Marks): void {
    if (this.depth >= MAX_DEPTH) {
      this.flush();
      this.text(node.textContent ?? '', marks);
      return this.flush();
    }
    this.depth++;
    try {
      this.children(node, marks);
    } finally {
      this.depth--;
    }
  }

  private children(node: Node, marks: Marks): void {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        this.text((child as Text).data, marks);
      } else if (child.nodeType === 1) {
        this.element(child as Element, marks);
      }
    }
  }

  private element(el: Element, marks: Marks): void {
    const tag = el.localName;
    if (SKIP.has(tag) || el.getAttribute('hidden') !== null) return;
    if (tag === 'br') return this.flush();
    if (tag === 'img') return this.image(el);
    if (HEADING.test(tag)) return this.heading(el);
    if (tag === 'ul' || tag === 'ol') return this.list(el, tag === 'ol');
    if (tag === 'table') return this.table(el, marks);
    if (tag === 'blockquote') {
      this.flush();
      const outer = this.quote;
      this.quote = true;
      this.walk(el, marks);
      this.flush();
      this.quote = outer;
      return;
    }
    if (el.classList.contains('img_descr')) return this.caption(el);
    if (tag === 'a' && this.ctx.stockLinks === 'ticker') {
      const code = stockCode(el);
      if (code) {
        this.walk(el, marks);
        return this.text(`(${code})`, marks);
      }
    }
    if (BLOCK.has(tag) || tag === 'li') {
      this.flush();
      this.walk(el, marks);
      this.flush();
      return;
    }
    this.walk(el, this.inlineMarks(el, marks));
  }

  private inlineMarks(el: Element, marks: Marks): Marks {
    const tag = el.localName;
    const style = `${el.getAttribute('cms-style') ?? ''} ${el.getAttribute('style') ?? ''}`;
    const next: Marks = { ...marks };
    if (tag === 'strong' || tag === 'b' || /strong-Bold|font-weight\s*:\s*(bold|[6-9]00)/i.test(style)) next.bold = true;
    if (tag === 'em' || tag === 'i') next.italic = true;
    if (tag === 'a') {
      const href = absoluteUrl(el.getAttribute('href'), this.ctx.baseUrl);
      const stock = stockCode(el);
      if (stock) {
        if (this.ctx.stockLinks === 'links' && href) next.href = href;
      } else if (href) {
        next.href = href;
      }
    }
    return next;
  }

  private text(data: string, marks: Marks): void {
    if (!data) return;
    const last = this.runs[this.runs.length - 1];
    if (last && sameMarks(last, marks)) last.text += data;
    else this.runs.push({ text: data, ...marks });
  }

  flush(): void {
    const runs = tidyRuns(this.runs);
    this.runs = [];
    if (!runs.length) return;
    const text = runs.map((r) => r.text).join('');
    // A short paragraph set wholly in bold is a sub-heading (Sina's cms-style "strong-Bold").
    if (runs.every((r) => r.bold && !r.href) && text.length <= 60 && !/[。；]$/.test(text)) {
      this.blocks.push({ type: 'h', level: 2, text });
      return;
    }
    this.blocks.push(this.quote ? { type: 'p', runs, quote: true } : { type: 'p', runs });
  }

  private heading(el: Element): void {
    this.flush();
    const text = normalizeText(el.textContent);
    if (text) this.blocks.push({ type: 'h', level: el.localName === 'h1' || el.localName === 'h2' ? 2 : 3, text });
  }

  private image(el: Element): void {
    const src = imageSource(el, this.ctx.baseUrl);
    if (!src || nonContentImages.some((re) => re.test(src))) return;
    const w = Number(el.getAttribute('width'));
    const h = Number(el.getAttribute('height'));
    if ((w > 0 && w < 30) || (h > 0 && h < 30)) return;
    this.flush();
    this.blocks.push({ type: 'img', src, alt: normalizeText(el.getAttribute('alt')), caption: null });
  }

  private caption(el: Element): void {
    this.flush();
    const text = normalizeText(el.textContent);
    if (!text) return;
    const last = this.blocks[this.blocks.length - 1];
    if (last?.type === 'img' && !last.caption) last.caption = text;
    else this.blocks.push({ type: 'p', runs: [{ text }] });
  }

  private list(el: Element, ordered: boolean): void {
    this.flush();
    const items: Run[][] = [];
    for (const li of Array.from(el.children)) {
      if (li.querySelector('img,table,ul,ol,p')) {
        // A list used for layout: read it as ordinary blocks.
        this.flush();
        this.walk(li, {});
        this.flush();
        continue;
      }
      const sub = new Walker(this.ctx);
      sub.walk(li, {});
      const runs = tidyRuns(sub.runs);
      if (runs.length) items.push(runs);
    }
    if (items.length) this.blocks.push({ type: 'list', ordered, items });
  }

  private table(el: Element, marks: Marks): void {
    this.flush();
    // Layout tables (old templates) hold blocks; data tables hold short cells.
    if (el.querySelector('table,p,img,div,center,ul,ol,h1,h2,h3')) {
      this.walk(el, marks);
      this.flush();
      return;
    }
    const caption = Array.from(el.children).find((c) => c.localName === 'caption');
    const title = normalizeText(caption?.textContent);
    if (title) this.blocks.push({ type: 'p', runs: [{ text: title, bold: true }] });
    const rows = tableGrid(el);
    if (rows.length === 1 && rows[0].length === 1) this.blocks.push({ type: 'p', runs: [{ text: rows[0][0] }] });
    else if (rows.length) this.blocks.push({ type: 'table', rows });
  }
}

function sameMarks(a: Marks, b: Marks): boolean {
  return !!a.bold === !!b.bold && !!a.italic === !!b.italic && a.href === b.href;
}

/** Collapses whitespace across runs, strips the U+3000 indent, drops empty runs. */
function tidyRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  let pendingSpace = false;
  for (const r of runs) {
    const parts = r.text.replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, ' ');
    if (!parts.trim()) {
      if (parts) pendingSpace = true;
      continue;
    }
    let text = parts;
    const lead = text.startsWith(' ');
    text = text.trim();
    if ((lead || pendingSpace) && out.length) text = ` ${text}`;
    pendingSpace = parts.endsWith(' ');
    const last = out[out.length - 1];
    if (last && sameMarks(last, r)) last.text += text;
    else out.push({ ...r, text });
  }
  return out;
}

/** The stock code of a CMS stock link (`<span id="stock_sz300959"><a class="keyword">`). */
function stockCode(a: Element): string | null {
  const holder = a.parentElement?.id ?? '';
  const m = /^(?:stock|usstock|hkstock|fund)_(\w+)$/.exec(holder);
  if (m) return m[1];
  const href = a.getAttribute('href') ?? '';
  if (a.classList.contains('keyword') || /\/realstock\/company\/|\/quotes\//.test(href)) {
    return /\/company\/(\w+)\/|\/quotes\/([\w.]+)/.exec(href)?.slice(1).find(Boolean) ?? 'stock';
  }
  return null;
}

function imageSource(el: Element, base: string): string | null {
  for (const attr of LAZY_ATTRS) {
    const v = el.getAttribute(attr);
    if (v && !/^data:|blank\.gif|loading/i.test(v)) return absoluteUrl(v, base);
  }
  return null;
}

/** The table as a grid: colspan and rowspan cells hold their text once and leave '' beside them. */
function tableGrid(table: Element): string[][] {
  const grid: string[][] = [];
  const trs = Array.from(table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === table);
  trs.forEach((tr, r) => {
    const row = (grid[r] ??= []);
    let c = 0;
    for (const cell of Array.from(tr.children)) {
      if (cell.localName !== 'td' && cell.localName !== 'th') continue;
      while (row[c] !== undefined) c++;
      const span = (name: string) => Math.min(Math.max(Number(cell.getAttribute(name)) || 1, 1), 50);
      const [cols, rowsDown] = [span('colspan'), span('rowspan')];
      for (let dr = 0; dr < rowsDown && r + dr < trs.length; dr++) {
        const target = (grid[r + dr] ??= []);
        for (let dc = 0; dc < cols; dc++) target[c + dc] = dr === 0 && dc === 0 ? normalizeText(cell.textContent) : '';
      }
      c += cols;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid
    .map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''))
    .filter((row) => row.some((cell) => cell));
}
