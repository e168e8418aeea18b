/** The one file-name maker: safe on Windows, macOS and Linux for any title. */

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)\s*(\..*)?$/i;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// ASCII characters that Windows forbids become their full-width twins, which read the same.
const LOOKALIKE: Record<string, string> = {
  '/': '／', '\\': '＼', ':': '：', '*': '＊', '?': '？', '"': '＂', '<': '＜', '>': '＞', '|': '｜',
};
/** 255 bytes is the limit of ext4, APFS and NTFS (in UTF-16 units, which UTF-8 bytes bound). */
export const MAX_NAME_BYTES = 240;

const utf8Length = (s: string) => new TextEncoder().encode(s).length;

export function safeFileName(title: string, ext = '.md', maxBytes = MAX_NAME_BYTES): string {
  let name = String(title ?? '')
    .replace(LONE_SURROGATE, '')
    .normalize('NFC')
    // control characters, bidi overrides and zero-width marks can disguise a name
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/[/\\:*?"<>|]/g, (c) => LOOKALIKE[c])
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (!name) name = 'article';
  // A leading dash reads as an option to shell tools (rm -rf, etc.).
  if (RESERVED.test(name) || name.startsWith('-')) name = `_${name}`;
  const budget = maxBytes - utf8Length(ext);
  if (utf8Length(name) > budget) {
    let out = '';
    for (const ch of Array.from(name)) {
      if (utf8Length(out + ch) > budget) break;
      out += ch;
    }
    name = out.replace(/[.\s]+$/g, '') || 'article';
  }
  return name + ext;
}

/** "name.md" → "name (2).md" … for a batch that must not overwrite. */
export function numberedFileName(fileName: string, n: number): string {
  const dot = fileName.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, ''];
  return `${stem} (${n})${ext}`;
}
