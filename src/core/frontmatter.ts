/**
 * The one YAML writer. Front matter comes from a template of `key: value` lines, one per field;
 * the presets are such templates, and the options page lets the user edit one. A value is either
 * YAML (`comments: false`) or holds variables (`{{title}}`, `{{author|source|"新浪财经"}}`: the
 * first that is set). A value that is exactly one list variable (`{{tags}}`) stays a list. Values
 * are never pasted into YAML text: the `yaml` library writes them, so any title survives a parse.
 */
import { Document, type Pair, Scalar, isScalar, stringify, visit } from 'yaml';
import type { Article, Preset } from './types';

export const PRESET_TEMPLATES: Record<Exclude<Preset, 'plain'>, string> = {
  // The shape of the Sina archives already out there (../shared/fixtures/seed/000_3abb8cc8ca542811.txt).
  hexo: [
    'title: {{title}}',
    'categories: {{categories|"新浪财经"}}',
    'tags: {{tags}}',
    'headimg: {{leadImage}}',
    'author: {{author|source|"新浪财经"}}',
    'comments: false',
    'date: {{date}}',
    'thumbnail: {{leadImage}}',
  ].join('\n'),
  obsidian: [
    'title: {{title}}',
    'source: {{source}}',
    'author: {{author}}',
    'published: {{published}}',
    'created: {{today}}',
    'tags: {{tags}}',
    'url: {{url}}',
  ].join('\n'),
};

export const TEMPLATE_VARIABLES = [
  'title', 'originalTitle', 'url', 'published', 'date', 'day', 'today', 'saved', 'source', 'author', 'editor',
  'tags', 'categories', 'images', 'leadImage', 'docId', 'readingMinutes', 'wordCount', 'highlights',
] as const;

type Value = string | number | string[] | null;

/** "2021-09-02T19:30:00+08:00" → "2021-09-02 19:30:00" (Beijing wall time, as Hexo reads it). */
export function hexoDate(iso: string | null): string | null {
  const m = iso && /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : null;
}

/** `highlights`: the texts the reader highlighted (issue 15), kept by the popup, not by the article. */
function variables(a: Article, now: Date, highlights: string[]): Record<string, Value> {
  const beijingNow = new Date(now.getTime() + 8 * 3600_000).toISOString().replace(/\.\d+Z$/, '+08:00');
  return {
    title: a.title, originalTitle: a.originalTitle, url: a.url, published: a.published,
    // A page without a date of its own has none here: the export's time is no publication date.
    // A template that wants one anyway says so: {{date|saved}}.
    date: hexoDate(a.published), day: a.published?.slice(0, 10) ?? null, saved: hexoDate(beijingNow),
    today: beijingNow.slice(0, 10), source: a.source, author: a.author, editor: a.editor, tags: a.tags,
    categories: a.categories, images: a.images, leadImage: a.leadImage ?? a.images[0] ?? null,
    docId: a.docId, readingMinutes: a.readingMinutes, wordCount: a.wordCount, highlights,
  };
}

export interface TemplateProblem {
  line: number;
  reason: 'syntax' | 'unknown-variable' | 'duplicate-key';
  text: string;
}

const LINE = /^([^\s:#][^:]*?)\s*:\s?(.*)$/;
const VAR = /\{\{\s*([^}]*?)\s*\}\}/g;

/** Lines that cannot be used, for the options page to point at. */
export function checkTemplate(template: string): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const keys = new Set<string>();
  template.split(/\r?\n/).forEach((text, i) => {
    if (!text.trim() || text.trim().startsWith('#')) return;
    const m = LINE.exec(text);
    if (!m) return problems.push({ line: i + 1, reason: 'syntax', text });
    if (keys.has(m[1])) problems.push({ line: i + 1, reason: 'duplicate-key', text });
    keys.add(m[1]);
    if (!m[2].includes('{{') && UNSUPPORTED_LITERAL.test(m[2].trim())) problems.push({ line: i + 1, reason: 'syntax', text });
    for (const v of m[2].matchAll(VAR)) {
      for (const alt of v[1].split('|').map((s) => s.trim())) {
        if (!/^".*"$/.test(alt) && !(TEMPLATE_VARIABLES as readonly string[]).includes(alt)) {
          problems.push({ line: i + 1, reason: 'unknown-variable', text });
        }
      }
    }
  });
  return problems;
}

/** The fields a template gives for an article, in template order; unusable lines are skipped. */
export function renderTemplate(template: string, article: Article, now: Date, highlights: string[] = []): Record<string, unknown> {
  const vars = variables(article, now, highlights);
  const pick = (expr: string): Value => {
    const list = Array.isArray(vars[expr.split('|')[0].trim()]);
    for (const alt of expr.split('|').map((s) => s.trim())) {
      const literal = /^"(.*)"$/.exec(alt);
      if (literal) return list ? [literal[1]] : literal[1];
      const v = vars[alt];
      if (v !== null && v !== undefined && !(Array.isArray(v) && !v.length) && v !== '') return v;
    }
    return Array.isArray(vars[expr.trim()]) ? [] : null;
  };
  const fields: Record<string, unknown> = {};
  for (const text of template.split(/\r?\n/)) {
    const m = LINE.exec(text);
    if (!m || text.trim().startsWith('#') || m[1] in fields) continue;
    const [, key, raw] = m;
    const only = /^\{\{([^}]*)\}\}$/.exec(raw.trim());
    if (only) fields[key] = pick(only[1]);
    else if (raw.includes('{{')) {
      fields[key] = raw.replace(VAR, (_, expr: string) => {
        const v = pick(expr);
        return Array.isArray(v) ? v.join(', ') : v === null ? '' : String(v);
      });
    } else {
      fields[key] = readLiteral(raw);
    }
  }
  return fields;
}

/** The front matter fields of a preset (or the user's own template); null for `plain`. */
export function frontMatterFields(
  article: Article, preset: Preset, now: Date, template?: string, highlights: string[] = [],
): Record<string, unknown> | null {
  if (preset === 'plain') return null;
  return renderTemplate(template ?? PRESET_TEMPLATES[preset], article, now, highlights);
}

export function frontMatter(article: Article, preset: Preset, now: Date, template?: string, highlights: string[] = []): string {
  const fields = frontMatterFields(article, preset, now, template, highlights);
  if (!fields) return '';
  const doc = new Document(fields);
  // A string that YAML 1.1 or 1.2 would read as something else ("yes", "0o17", "1:20",
  // "2024-05-01 10:00:00") is quoted, so Hexo's and Obsidian's readers get the very string back.
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && readsAsSomethingElse(node.value)) node.type = Scalar.QUOTE_SINGLE;
    },
    // Except a Hexo date: `hexo new` writes it bare, and Hexo reads it as a timestamp in local time.
    Pair(_key, pair) {
      const { key, value } = pair as Pair<Scalar, Scalar>;
      if (isScalar(key) && HEXO_DATE_KEYS.has(String(key.value)) && isScalar(value) && HEXO_DATE.test(String(value.value))) {
        value.type = Scalar.PLAIN;
        return visit.SKIP;
      }
    },
  });
  return `---\n${doc.toString({ lineWidth: 0, singleQuote: true, nullStr: '' })}---\n\n`;
}

const HEXO_DATE_KEYS = new Set(['date', 'updated']);
const HEXO_DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/**
 * True when a YAML 1.1 or 1.2 reader would not read `s` back as this string ("yes", "0o17",
 * "1:20", "2024-05-01 10:00:00", "#x"…): the yaml library's own writer quotes exactly those.
 */
function readsAsSomethingElse(s: string): boolean {
  return /^['"]/.test(stringify(s, { version: '1.1' })) || /^['"]/.test(stringify(s));
}

/** Flow collections, anchors, aliases, tags and block scalars: not for one-line template values. */
const UNSUPPORTED_LITERAL = /^[[{&*!|>%@`]/;

/**
 * A fixed value in a template (`comments: false`) read as YAML 1.2's core schema reads a one-line
 * plain or quoted scalar. Anything richer is reported by checkTemplate and kept as text.
 */
export function readLiteral(raw: string): unknown {
  const quoted = /^('(?:[^']|'')*'|"(?:[^"\\]|\\.)*")(?:\s+#.*)?$/.exec(raw.trim());
  if (quoted) {
    const q = quoted[1];
    if (q.startsWith("'")) return q.slice(1, -1).replace(/''/g, "'");
    try {
      return JSON.parse(q) as string;
    } catch {
      return q.slice(1, -1);
    }
  }
  const t = raw.trim().replace(/(^|\s+)#.*$/, '');
  if (/^(|~|null|Null|NULL)$/.test(t)) return null;
  if (/^(true|True|TRUE)$/.test(t)) return true;
  if (/^(false|False|FALSE)$/.test(t)) return false;
  if (/^[-+]?(\d+|\d+\.\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
  if (/^0x[0-9a-fA-F]+$/.test(t)) return parseInt(t.slice(2), 16);
  if (/^0o[0-7]+$/.test(t)) return parseInt(t.slice(2), 8);
  if (/^[-+]?\.(inf|Inf|INF)$/.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(nan|NaN|NAN)$/.test(t)) return NaN;
  return t;
}
