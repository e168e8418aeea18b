/**
 * One fuzz case: a fixture page, mutated by a seeded PRNG (bytes cut, spliced and relabelled; nodes
 * dropped, duplicated, moved, wrapped; random and hostile tags injected), run through the core as
 * the command line runs it. Shared by scripts/fuzz.mjs (bundled by esbuild) and test/fuzz.test.ts.
 */
import { parse } from 'yaml';
import { JSDOM, VirtualConsole } from 'jsdom';
import { DecodeError, decodeHtml } from '../../src/core/encoding';
import { safeFileName } from '../../src/core/filename';
import { frontMatterFields, frontMatter } from '../../src/core/frontmatter';
import { toMarkdown } from '../../src/core/markdown';
import { extractArticle } from '../../src/core/extract-article';
import { findViolations } from './inspect';
import { markdownViolations, splitFrontMatter } from './markdown';
import { prng, type Fixture } from './pages';
import { vectors } from './vectors';

export interface CaseReport {
  index: number;
  caseSeed: number;
  fixture: string;
  ops: string[];
  /** 'article' | 'not-article' | 'empty' | 'not-html' */
  outcome: string;
  /** An exception that escaped the core (a crash). */
  crash?: string;
  /** Invariants broken without a crash (unsafe HTML, Markdown or YAML, bad file name). */
  violations: string[];
}

/** The seed of case `index` of a run: every case replays alone from (seed, index). */
export function caseSeed(seed: number, index: number): number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  return (h ^ (h >>> 15)) >>> 0;
}

type Rnd = () => number;
const int = (rnd: Rnd, n: number) => Math.floor(rnd() * n);
const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[int(rnd, xs.length)];

const LABELS = ['utf-8', 'gb2312', 'gbk', 'gb18030', 'big5', 'utf-16', 'shift_jis', 'iso-8859-1', 'x-junk', ''];
const TAGS = [
  'p', 'div', 'span', 'table', 'tr', 'td', 'ul', 'li', 'ol', 'h1', 'h2', 'blockquote', 'figure', 'img', 'a', 'br', 'strong',
  'svg', 'math', 'template', 'noscript', 'style', 'script', 'iframe', 'form', 'select', 'textarea', 'title', 'xmp', 'plaintext',
  'frameset', 'body', 'html', 'head', 'base', 'meta', 'center', 'font', 'section', 'x-custom', 'foreignObject', 'annotation-xml',
];
/** Class and id names the templates look for: moving them around confuses detection. */
const MARKERS = [
  'main-title', 'date-source', 'date', 'source', 'article', 'article-editor', 'keywords', 'img_descr', 'art_tit_h1', 'art_content',
  'time-source', 'f24', 'l17', 'blkContainerSblkCon', 'artibody', 'artibodyTitle', 'pub_date', 'media_name', 'article-bottom',
];

function randomText(rnd: Rnd): string {
  const pool = ['新浪财经', '责任编辑：', '原标题：', '相关新闻', ' ', '\u3000', '\n', '&amp;', '&#0;', '\u202e', '😀', '<', '>', '"', "'", '2021年09月02日 19:30', 'javascript:'];
  return Array.from({ length: 1 + int(rnd, 6) }, () => pick(rnd, pool)).join('');
}

function randomTag(rnd: Rnd): string {
  if (rnd() < 0.3) return pick(rnd, vectors).html;
  const tag = pick(rnd, TAGS);
  const attr = rnd() < 0.5 ? ` class="${pick(rnd, MARKERS)}"` : rnd() < 0.5 ? ` id="${pick(rnd, MARKERS)}"` : '';
  const open = `<${tag}${attr}>`;
  const r = rnd();
  return r < 0.4 ? `${open}${randomText(rnd)}</${tag}>` : r < 0.7 ? open : r < 0.85 ? `</${tag}>` : `${open}${randomText(rnd)}`;
}

const latin1 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.length).toString('latin1');
const fromLatin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** Byte-level damage: what a bad download, a bad save or a bad re-encoding does. */
function mutateBytes(bytes: Uint8Array, rnd: Rnd, others: Fixture[], ops: string[]): Uint8Array {
  const n = int(rnd, 3);
  for (let i = 0; i < n; i++) {
    const op = pick(rnd, ['cut', 'cut', 'cut-head', 'label', 'bom', 'transcode', 'splice', 'garbage', 'inject-tags']);
    const at = int(rnd, bytes.length + 1);
    ops.push(`${op}@${at}`);
    switch (op) {
      case 'cut':
        bytes = bytes.subarray(0, at);
        break;
      case 'cut-head':
        bytes = bytes.subarray(at);
        break;
      case 'label': {
        const label = pick(rnd, LABELS);
        bytes = fromLatin1(latin1(bytes).replace(/charset\s*=\s*["']?[\w-]*/gi, `charset=${label}`));
        ops[ops.length - 1] += `:${label}`;
        break;
      }
      case 'bom':
        bytes = concat(pick(rnd, [Uint8Array.of(0xef, 0xbb, 0xbf), Uint8Array.of(0xff, 0xfe), Uint8Array.of(0xfe, 0xff)]), bytes);
        break;
      case 'transcode': {
        // Read in the wrong encoding and saved again as UTF-8: mojibake with a plausible label.
        const as = pick(rnd, ['latin1', 'gb18030', 'utf-8', 'utf-16le']);
        bytes = new TextEncoder().encode(new TextDecoder(as).decode(bytes));
        ops[ops.length - 1] += `:${as}`;
        break;
      }
      case 'splice': {
        const other = pick(rnd, others).bytes;
        const from = int(rnd, other.length);
        bytes = concat(bytes.subarray(0, at), other.subarray(from, from + int(rnd, 20_000)), bytes.subarray(at));
        break;
      }
      case 'garbage': {
        const junk = Uint8Array.from({ length: 1 + int(rnd, 512) }, () => int(rnd, 256));
        bytes = concat(bytes.subarray(0, at), junk, bytes.subarray(at + int(rnd, 512)));
        break;
      }
      case 'inject-tags': {
        // Tags dropped into the source text, anywhere: inside attributes, comments, scripts.
        let text = latin1(bytes);
        for (let k = 1 + int(rnd, 8); k > 0; k--) {
          const pos = int(rnd, text.length + 1);
          text = text.slice(0, pos) + latin1(new TextEncoder().encode(randomTag(rnd))) + text.slice(pos);
        }
        bytes = fromLatin1(text);
        break;
      }
    }
  }
  return bytes;
}

/** Tree-level damage on the parsed page: what a template change or a broken CMS does. */
function mutateTree(doc: Document, rnd: Rnd, ops: string[]): void {
  const n = int(rnd, 7);
  for (let i = 0; i < n; i++) {
    const all = doc.querySelectorAll('*');
    if (!all.length) return;
    // Bias toward the article: half the picks come from inside a body-like element.
    const body = doc.querySelector('#artibody, #article, .article, .art_content, td.l17, .blkContainerSblkCon');
    const inBody = body ? body.querySelectorAll('*') : all;
    const from = rnd() < 0.5 && inBody.length ? inBody : all;
    const el = from[int(rnd, from.length)];
    const op = pick(rnd, ['drop', 'duplicate', 'move', 'inject', 'wrap', 'marker', 'unmarker', 'text', 'empty']);
    ops.push(`${op}:${el.localName}`);
    try {
      switch (op) {
        case 'drop':
          // A document without its root element is covered once in test/broken.test.ts.
          if (el !== doc.documentElement) el.remove();
          break;
        case 'duplicate':
          el.after(el.cloneNode(true));
          break;
        case 'move': {
          const target = all[int(rnd, all.length)];
          if (!el.contains(target)) (rnd() < 0.5 ? target.before(el) : target.append(el));
          break;
        }
        case 'inject':
          el.insertAdjacentHTML(pick(rnd, ['beforebegin', 'afterbegin', 'beforeend', 'afterend'] as const), randomTag(rnd));
          break;
        case 'wrap': {
          const wrapper = doc.createElement(pick(rnd, ['div', 'p', 'span', 'table', 'li', 'a', 'strong', 'blockquote']));
          el.before(wrapper);
          wrapper.append(el);
          break;
        }
        case 'marker':
          if (rnd() < 0.5) el.classList.add(pick(rnd, MARKERS));
          else el.id = pick(rnd, MARKERS);
          break;
        case 'unmarker':
          el.removeAttribute('class');
          el.removeAttribute('id');
          break;
        case 'text':
          el.append(doc.createTextNode(randomText(rnd)));
          break;
        case 'empty':
          el.textContent = '';
          break;
      }
    } catch {
      // The DOM refused the mutation (e.g. a hierarchy error): a harness limit, not a finding.
      ops[ops.length - 1] += '(refused)';
    }
  }
}

let shared: JSDOM['window'] | null = null;
let uses = 0;
/** Documents parsed in a window stay reachable from it: a fresh window every few cases bounds memory. */
function sharedWindow(): JSDOM['window'] {
  if (shared && ++uses % 20 === 0) {
    shared.close();
    shared = null;
  }
  return (shared ??= new JSDOM('', { url: 'https://finance.sina.com.cn/', virtualConsole: new VirtualConsole() }).window);
}
const NOW = new Date('2024-05-02T08:00:00Z');
const BAD_NAME = /[<>:"/\\|?*\u0000-\u001f]|[. ]$|^[-.]|^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/** Runs case `index` of the run seeded `seed`; never throws. */
export function runCase(fixtures: Fixture[], seed: number, index: number): CaseReport {
  const cs = caseSeed(seed, index);
  const rnd = prng(cs);
  const fixture = fixtures[int(rnd, fixtures.length)];
  const report: CaseReport = { index, caseSeed: cs, fixture: fixture.slug, ops: [], outcome: '', violations: [] };
  let stage = 'mutate';
  try {
    const bytes = mutateBytes(fixture.bytes, rnd, fixtures, report.ops);
    stage = 'decode';
    let text: string;
    try {
      text = decodeHtml(bytes).text;
    } catch (e) {
      if (!(e instanceof DecodeError)) throw e;
      report.outcome = 'not-html';
      return report;
    }
    stage = 'parse';
    const url = rnd() < 0.8 ? fixture.truth.url : 'file:///tmp/saved/page.html';
    // One window per process and a DOMParser document per case: a fresh JSDOM costs 3-4× more.
    const win = sharedWindow();
    const doc = new win.DOMParser().parseFromString(text, 'text/html');
    stage = 'mutate-tree';
    mutateTree(doc, rnd, report.ops);
    stage = 'extract';
    const result = extractArticle(doc, url, { window: win as unknown as Window, stockLinks: pick(rnd, ['words', 'links', 'ticker'] as const) });
    if (!result.ok) {
      report.outcome = result.error;
      if (!['not-article', 'empty', 'not-html'].includes(result.error)) report.violations.push(`unknown error ${result.error}`);
      return report;
    }
    report.outcome = 'article';
    const a = result.article;
    stage = 'inspect';
    const holder = win.document.createElement('div');
    holder.innerHTML = a.html;
    report.violations.push(...findViolations(holder).map((v) => `html: ${v}`));
    stage = 'markdown';
    report.violations.push(...markdownViolations(toMarkdown(a, { preset: 'plain', now: NOW })).map((v) => `markdown: ${v}`));
    for (const preset of ['hexo', 'obsidian'] as const) {
      const back = parse(splitFrontMatter(frontMatter(a, preset, NOW)).yaml ?? '');
      if (JSON.stringify(back) !== JSON.stringify(frontMatterFields(a, preset, NOW))) report.violations.push(`${preset} front matter does not parse back`);
    }
    stage = 'filename';
    const name = safeFileName(a.title);
    if (BAD_NAME.test(name) || new TextEncoder().encode(name).length > 255) report.violations.push(`file name ${JSON.stringify(name)}`);
  } catch (e) {
    report.crash = `${stage}: ${e instanceof Error ? `${e.name}: ${e.message}\n${(e.stack ?? '').split('\n').slice(1, 6).join('\n')}` : String(e)}`;
  }
  return report;
}

export { loadFixtures } from './pages';
