/** Saved pages arrive as bytes: UTF-8 or GBK/GB2312, sometimes with a tag that lies. */

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'gbk' | 'utf-16le' | 'utf-16be';
}

export class DecodeError extends Error {
  constructor(public reason: 'not-html' | 'encoding') {
    super(reason);
  }
}

const GB_LABELS = /^(gb2312|gbk|gb18030|x-gbk|cp936|euc-cn|hz-gb-2312)$/i;

/** `declared`: the charset an HTTP header named; like the meta tag, it yields to what the bytes say. */
export function decodeHtml(bytes: Uint8Array, declared: string | null = null): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return check(new TextDecoder('utf-8').decode(bytes.subarray(3)), 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return check(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return check(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be');

  const label = declared?.toLowerCase() || sniffCharset(bytes);
  const utf8 = tryUtf8(bytes);
  // The bytes decide: valid UTF-8 with multi-byte text is UTF-8 whatever the tag says.
  if (utf8 !== null && (!label || !GB_LABELS.test(label) || hasMultibyte(bytes))) return check(utf8, 'utf-8');
  if (label && GB_LABELS.test(label)) return check(new TextDecoder('gb18030').decode(bytes), 'gbk');
  if (utf8 !== null) return check(utf8, 'utf-8');
  // Not UTF-8 and no usable tag: GB18030 decodes every Chinese page of the era.
  return check(new TextDecoder('gb18030').decode(bytes), 'gbk');
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // A download cut mid-character, or a stray byte or two, leaves a UTF-8 page UTF-8: read as
    // GBK it would be mojibake throughout. GBK bytes read as UTF-8 are mostly invalid.
    const text = new TextDecoder('utf-8').decode(bytes);
    const bad = (text.match(/\ufffd/g) ?? []).length;
    const good = (text.match(/[^\u0000-\u007f\ufffd]/g) ?? []).length;
    return bad * 50 <= good ? text : null;
  }
}

function hasMultibyte(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

/** The charset named by a <meta> in the first 4 KB, read as ASCII. */
export function sniffCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

/** Binary garbage and plain text are not pages. */
function check(text: string, encoding: Decoded['encoding']): Decoded {
  const sample = text.slice(0, 65536);
  const controls = (sample.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g) ?? []).length;
  if (!/<[a-z!/?]/i.test(sample) || controls > sample.length * 0.02) throw new DecodeError('not-html');
  return { text, encoding };
}
