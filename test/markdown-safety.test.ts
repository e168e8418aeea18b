/**
 * Issue 4: Markdown and YAML stay inert. Exports of hostile pages hold no raw HTML and no script
 * links, and their front matter parses back to exactly the article's metadata.
 */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkTemplate, frontMatter, frontMatterFields, readLiteral } from '../src/core/frontmatter';
import { toMarkdown } from '../src/core/markdown';
import type { Article, Preset } from '../src/core/types';
import { extractPage } from './hostile/jsdom';
import { markdownViolations, splitFrontMatter } from './hostile/markdown';
import { buildArticlePage, defaultParts, pageWithVector, placements, textToHtml, vectors } from './hostile/vectors';

const NOW = new Date('2024-05-02T08:00:00Z');
const PRESETS: Preset[] = ['hexo', 'obsidian', 'plain'];

function article(html: string): Article {
  const result = extractPage(html);
  if (!result.ok) throw new Error(`not extracted: ${result.error}`);
  return result.article;
}

describe('the checker', () => {
  it('sees raw HTML and script links (positive control)', () => {
    expect(markdownViolations('a <img src=x onerror=alert(1)> b')).not.toEqual([]);
    expect(markdownViolations('[x](javascript:alert(1))')).not.toEqual([]);
    expect(markdownViolations('![x](data:image/png;base64,AAAA)')).not.toEqual([]);
    expect(markdownViolations('<javascript:alert(1)>')).not.toEqual([]);
    expect(markdownViolations('[x]: vbscript:msgbox')).not.toEqual([]);
    expect(markdownViolations('a \\<img\\> `<b>` [x](https://a.example/)')).toEqual([]);
  });
});

describe.each(placements)('Markdown of a page with a vector in the %s', (placement) => {
  it.each(vectors)('$id', ({ html, swallows }) => {
    const page = pageWithVector(html, placement);
    // A vector that swallows the body leaves no article to export (security.test.ts checks the refusal).
    if (swallows && !extractPage(page).ok) return;
    const a = article(page);
    for (const preset of PRESETS) {
      const md = toMarkdown(a, { preset, now: NOW });
      expect(markdownViolations(md), preset).toEqual([]);
      const { yaml } = splitFrontMatter(md);
      if (preset !== 'plain') expect(parse(yaml!), preset).toEqual(frontMatterFields(a, preset, NOW));
    }
  });
});

/** Metadata strings that YAML, Markdown or a naive front-matter splitter could misread. */
const HOSTILE_STRINGS: Record<string, string> = {
  'double quotes': '他说"利好"来了',
  'single quotes': "It's a 'test'",
  'mixed quotes': `'"'"''""`,
  colon: '市场监管总局: 鼓励参与',
  'colon-space at end': 'key:',
  'full-width colon': '市场监管总局：鼓励',
  hash: '#RCEP 话题',
  'space hash': 'A股 #涨停',
  'document marker': '---',
  'document end marker': '...',
  'marker inside': 'a\n---\nb',
  newline: '第一行\n第二行',
  'CRLF': '第一行\r\n第二行',
  'trailing newline': '标题\n',
  tab: '\t标题\t中间\t',
  emoji: '📈 A股大涨 🚀👨‍👩‍👧',
  'RTL marks': '\u202e倒序\u202c \u200f\u200e标题',
  'zero-width and BOM': '\ufeff零\u200b宽',
  'leading @': '@新浪财经',
  'leading *': '*重要*',
  'leading &': '&anchor 锚',
  'leading !': '!tag 标签',
  'leading %': '%YAML 1.2',
  'leading >': '> 引用',
  'leading |': '| 表格',
  'leading -': '- 列表',
  'leading ?': '? 问题',
  'leading [': '[数组]',
  'leading {': '{对象: 1}',
  'leading `': '`代码`',
  'leading quote': '"引号开头',
  yes: 'yes',
  no: 'no',
  on: 'on',
  off: 'off',
  'Yes': 'Yes',
  y: 'y',
  n: 'n',
  true: 'true',
  'False': 'False',
  null: 'null',
  tilde: '~',
  number: '1e3',
  octal: '0o17',
  'old octal': '012',
  hex: '0x1F',
  'sexagesimal': '1:20',
  infinity: '.inf',
  'not a number': '.NaN',
  date: '2024-05-01',
  'html': '<script>top.__pwned=1</script>',
  backslash: 'C:\\路径\\文件',
  'very long': '长'.repeat(10_000),
  'very long latin': 'word '.repeat(2000).trim(),
};

function withMeta(base: Article, s: string): Article {
  return { ...base, title: s, source: s, author: s, editor: s, tags: [s, `${s}2`], categories: [s] };
}

describe('front matter written from hostile metadata parses back exactly', () => {
  const base = article(buildArticlePage());
  describe.each(['hexo', 'obsidian'] as const)('%s', (preset) => {
    it.each(Object.entries(HOSTILE_STRINGS))('%s', (_name, s) => {
      const a = withMeta(base, s);
      const fm = frontMatter(a, preset, NOW);
      const { yaml, body } = splitFrontMatter(fm);
      expect(body.trim(), 'nothing after the closing ---').toBe('');
      const fields = frontMatterFields(a, preset, NOW);
      expect(parse(yaml!)).toEqual(fields);
      expect(parse(yaml!).title).toBe(s);
      expect(parse(yaml!).tags).toEqual([s, `${s}2`]);
    });
  });

  // Hexo's front-matter, Jekyll, PyYAML and many static-site tools read YAML 1.1, where yes, no,
  // on, off, y and n are booleans and 2024-05-01 is a timestamp: the writer must quote them too.
  it.each(Object.entries(HOSTILE_STRINGS))('reads back the same as YAML 1.1: %s', (_name, s) => {
    const a = withMeta(base, s);
    const { yaml } = splitFrontMatter(frontMatter(a, 'obsidian', NOW));
    const back = parse(yaml!, { version: '1.1' });
    expect(back.title).toBe(s);
    expect(back.source).toBe(s);
    expect(back.tags).toEqual([s, `${s}2`]);
  });
});

describe('the Hexo date', () => {
  const base = article(buildArticlePage());
  it('is written bare, as `hexo new` writes it, and YAML 1.1 reads a timestamp', () => {
    const { yaml } = splitFrontMatter(frontMatter(base, 'hexo', NOW));
    expect(yaml).toMatch(/^date: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/m);
    expect(parse(yaml!, { version: '1.1' }).date).toBeInstanceOf(Date);
    expect(parse(yaml!).date).toBe(frontMatterFields(base, 'hexo', NOW)!.date);
  });
  it('but a title that looks like a date stays a quoted string', () => {
    const { yaml } = splitFrontMatter(frontMatter({ ...base, title: '2021-09-02 19:30:00' }, 'hexo', NOW));
    expect(parse(yaml!, { version: '1.1' }).title).toBe('2021-09-02 19:30:00');
  });
});

/** What the page shows after the pipeline's whitespace rule (runs of white space → one space). */
const shown = (s: string) => s.replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, ' ').trim();

describe('hostile titles, sources and tags on a page survive to the front matter', () => {
  const cases = Object.entries(HOSTILE_STRINGS).filter(([, s]) => shown(s) !== '');
  it.each(cases)('%s', (_name, s) => {
    const html = textToHtml(s);
    // A tag that repeats the headline is dropped (issue 13): the hostile tag rides on its own page.
    const a = { ...article(buildArticlePage({ title: html, source: html })), tags: article(buildArticlePage({ tags: [html, '标准化'] })).tags };
    expect(a.title).toBe(shown(s));
    expect(a.tags).toEqual([shown(s), '标准化']);
    for (const preset of ['hexo', 'obsidian'] as const) {
      const md = toMarkdown(a, { preset, now: NOW });
      expect(markdownViolations(md)).toEqual([]);
      const back = parse(splitFrontMatter(md).yaml!);
      expect(back).toEqual(frontMatterFields(a, preset, NOW));
      expect(back.title).toBe(a.title);
      expect(back.tags).toEqual(a.tags);
      if (preset === 'obsidian') expect(back.source).toBe(a.source);
    }
    // The plain preset writes the title as a heading: one line, escaped.
    const plain = toMarkdown(a, { preset: 'plain', now: NOW });
    expect(plain.split('\n')[0].startsWith('# ')).toBe(true);
    expect(markdownViolations(plain)).toEqual([]);
  });

  it('keeps the default source when the hostile one is only white space', () => {
    const a = article(buildArticlePage({ source: ' \t ' }));
    expect(a.source).toBeNull();
    expect(parse(splitFrontMatter(toMarkdown(a, { preset: 'obsidian', now: NOW })).yaml!).source).toBeNull();
  });

  // A caption is the image's alt text in Markdown (`![caption](src)`): a viewer passes raw HTML
  // there through as it does anywhere else.
  it('a caption that reads like HTML stays text in the image alt', () => {
    const a = article(buildArticlePage({ caption: textToHtml('图为 <img src=x onerror=top.__pwned=1> 摄') }));
    const md = toMarkdown(a, { preset: 'plain', now: NOW });
    expect(markdownViolations(md)).toEqual([]);
  });

  it('the body text of a page with Markdown syntax in it stays text', () => {
    const text = '**粗体** _斜体_ [链接](javascript:top.__pwned=1) ![图](data:,x) <b>HTML</b> `代码` # 标题 > 引用 - 列表 1. 编号 | 表 |';
    const a = article(buildArticlePage({ paragraphs: [...defaultParts.paragraphs, textToHtml(text)] }));
    const md = toMarkdown(a, { preset: 'plain', now: NOW });
    expect(markdownViolations(md)).toEqual([]);
    expect(md).not.toMatch(/\*\*粗体\*\*/);
  });
});

// The popup carries the yaml writer only (its parser would double the bundle): a template's fixed
// values are read by readLiteral, which must agree with the yaml library on what it accepts.
describe('fixed template values read as yaml reads them', () => {
  const literals = [
    'false', 'true', 'True', 'FALSE', 'null', '~', '', 'Null', '0', '42', '-7', '+12', '3.14', '.5', '1e3', '-2.5E-3',
    '0x1F', '0o17', '.inf', '-.Inf', '.nan', 'abc', '新浪财经', 'a b c', "'quoted #x'", "'it''s'", '"tab\\tand \\u00e9"',
    '"a: b"', 'plain # comment', "'x' # comment", '1_000', '2024-05-01', 'yes', 'on', 'a:b',
  ];
  it.each(literals)('%s', (raw) => {
    expect(readLiteral(raw)).toEqual(parse(`k: ${raw}`).k);
  });
  it.each(['[a, b]', '{a: 1}', '&anchor x', '*alias', '!!str x', '| block', '> folded'])('flags %s for the options page', (raw) => {
    expect(checkTemplate(`k: ${raw}`)).toEqual([{ line: 1, reason: 'syntax', text: `k: ${raw}` }]);
  });
});
