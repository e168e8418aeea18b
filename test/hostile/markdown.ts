/** Static checks of exported Markdown: what a Markdown viewer would turn into HTML or a link. */

/** Splits `---\n…\n---\n` front matter off as Hexo and Obsidian do: up to the first `---` line. */
export function splitFrontMatter(md: string): { yaml: string | null; body: string } {
  const m = /^---\n((?:[\s\S]*?\n)?)---(?:\n|$)/.exec(md);
  return m ? { yaml: m[1], body: md.slice(m[0].length) } : { yaml: null, body: md };
}

/** The Markdown with code (fenced blocks, inline spans) and backslash escapes blanked out. */
function renderedText(body: string): string {
  return body
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, ' ')
    .replace(/(`+)[\s\S]*?\1/g, ' ')
    .replace(/\\[\s\S]/g, '\u2400');
}

/** Raw HTML a CommonMark viewer would pass through: tags, comments, declarations, autolinks. */
export function rawHtmlIn(body: string): string[] {
  return renderedText(body).match(/<[A-Za-z!?/][^\n]{0,40}/g) ?? [];
}

/** Every link and image destination (inline and reference definitions). */
export function linkTargets(body: string): string[] {
  const text = renderedText(body);
  const inline = Array.from(text.matchAll(/\]\(\s*<?([^)\s>]*)/g), (m) => m[1]);
  const refs = Array.from(text.matchAll(/^ {0,3}\[[^\]\n]+\]:\s*<?(\S*?)>?(?:\s|$)/gm), (m) => m[1]);
  return [...inline, ...refs];
}

/** Problems of an exported body: raw HTML, and links that are not http(s). */
export function markdownViolations(md: string): string[] {
  const { body } = splitFrontMatter(md);
  const out = rawHtmlIn(body).map((t) => `raw HTML: ${t}`);
  for (const target of linkTargets(body)) if (!/^https?:\/\//i.test(target)) out.push(`link: ${target}`);
  // Any script scheme left where a viewer's linkifier could pick it up.
  const text = renderedText(body);
  for (const m of text.matchAll(/\b(javascript|vbscript|data)\s*:[^\s)]*/gi)) {
    if (/\]\(|<|href/i.test(text.slice(Math.max(0, m.index! - 3), m.index))) out.push(`script URL: ${m[0]}`);
  }
  return out;
}
