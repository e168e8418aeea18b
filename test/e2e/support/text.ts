// Text comparison the way truth.json is written: whitespace collapsed, U+3000 / no-break-space
// indentation gone. Page text is matched with all whitespace removed, because a browser's
// innerText breaks lines (<br>, captions, table cells) where truth.json has one space.

export function normalize(s: string): string {
  return s.replace(/[\u3000\u00a0]/g, ' ').replace(/\s+/g, ' ').trim();
}

export function squash(s: string): string {
  return s.replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, '');
}

/** The pieces of a truth paragraph that must each be on the page: table rows are `a | b | c`. */
export function pieces(paragraph: string): string[] {
  return paragraph.includes(' | ') ? paragraph.split(' | ').map((c) => c.trim()).filter(Boolean) : [paragraph];
}

/** Truth paragraphs none of whose pieces can be found in `visibleText`. */
export function missingParagraphs(paragraphs: string[], visibleText: string): string[] {
  const hay = squash(visibleText);
  return paragraphs.filter((p) => pieces(p).some((piece) => !hay.includes(squash(piece))));
}

/** Noise strings that can still be read in `visibleText`. */
export function visibleNoise(noise: string[], visibleText: string): string[] {
  const hay = squash(visibleText);
  return noise.filter((n) => hay.includes(squash(n)));
}

/** Split Markdown into its YAML front matter (without fences) and body. */
export function splitFrontMatter(md: string): { yaml: string | null; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(md);
  return m ? { yaml: m[1], body: md.slice(m[0].length) } : { yaml: null, body: md };
}

/** Same instant, to the minute, for ISO strings with or without seconds. */
export function sameMinute(a: string, b: string): boolean {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  return Number.isFinite(ta) && Number.isFinite(tb) && Math.floor(ta / 60_000) === Math.floor(tb / 60_000);
}
