/**
 * Issue 4: file names are valid on Windows, macOS and Linux for every hostile title.
 * Rules: https://learn.microsoft.com/windows/win32/fileio/naming-a-file (reserved names, forbidden
 * characters, no trailing dot or space), 255-byte names on ext4/APFS, well-formed Unicode on APFS.
 */
import { describe, expect, it } from 'vitest';
import { MAX_NAME_BYTES, numberedFileName, safeFileName } from '../src/core/filename';

const bytes = (s: string) => new TextEncoder().encode(s).length;
const wellFormed = (s: string) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/** Everything wrong with `name` as a file name on any of the three systems; [] when it is fine. */
function problems(name: string, ext = '.md'): string[] {
  const out: string[] = [];
  const stem = name.endsWith(ext) ? name.slice(0, -ext.length) : name;
  if (!name.endsWith(ext)) out.push(`does not end with ${ext}`);
  if (!stem) out.push('empty stem');
  if (bytes(name) > 255) out.push(`${bytes(name)} bytes`);
  if (!wellFormed(name)) out.push('lone surrogate');
  if (/[<>:"/\\|?*]/.test(name)) out.push('character Windows forbids');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) out.push('control character');
  if (/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/.test(name)) out.push('bidi control (disguises the extension)');
  if (/[. ]$/.test(name) || /[. ]$/.test(stem)) out.push('trailing dot or space');
  if (/^\s|\s$/.test(stem)) out.push('leading or trailing white space');
  if (WINDOWS_RESERVED.test(stem.split('.')[0].trimEnd())) out.push('reserved device name');
  if (stem === '.' || stem === '..' || name.startsWith('.')) out.push('dot name (hidden or a directory)');
  if (name.startsWith('-')) out.push('leading dash (read as an option)');
  return out;
}

const HOSTILE_TITLES: Record<string, string> = {
  CON: 'CON', con: 'con', 'con.txt': 'con.txt', PRN: 'PRN', AUX: 'AUX', NUL: 'NUL', 'nul spaced': 'NUL ', COM1: 'COM1',
  com9: 'com9', 'COM¹': 'COM¹', LPT1: 'LPT1', LPT9: 'LPT9', 'LPT9.tar.gz': 'LPT9.tar.gz', 'CON with colon': 'CON:',
  CONIN$: 'CONIN$', conout$: 'conout$', 'aux dotted': 'aux.', 'con space ext': 'con .txt',
  'trailing dots': '标题...', 'trailing spaces': '标题   ', 'trailing dot space': '标题. . ',
  'forbidden characters': 'a/b\\c:d*e?f"g<h>i|j', 'path traversal': '../../etc/passwd', 'windows path': 'C:\\Windows\\system32',
  'control characters': 'a\u0000b\u0001c\u001fd\u007fe\u0085f', newlines: '第一行\n第二行\r\n第三行', tabs: '\t标\t题\t',
  'bidi override': '报告\u202egpj.exe', 'bidi isolate': '\u2066标题\u2069', 'RLM/LRM': '\u200f标题\u200e', 'arabic mark': 'a\u061cb',
  'zero width': 'a\u200bb\ufeffc', empty: '', spaces: '   ', dot: '.', 'only dots': '....', 'dot dot': '..',
  'dots and spaces': ' . . . ', 'leading dot': '.bashrc', 'leading dash': '-rf 标题', 'leading dashes': '--help',
  'dash only': '-', 'hidden and dash': '.-x', 'emoji only': '📈📉', 'lone high surrogate': 'a\ud800b', 'lone low surrogate': '\udc00标题',
  'surrogate at end': '标题\ud83d', 'NFD accents': 'Cafe\u0301 re\u0301sume\u0301', 'zalgo': 'Z\u0351\u0344\u0307\u0308a\u0344\u0307l\u0351go',
  'line separator': 'a\u2028b\u2029c', 'ideographic space': '\u3000标题\u3000', 'nbsp': '\u00a0标题\u00a0',
  'fullwidth lookalikes already': '标题：副标题？', 'html': '<script>alert(1)</script>', 'url': 'https://finance.sina.com.cn/a?b=c#d',
  'percent and dollar': '%PATH% $HOME `id`', 'glob': '*.*', 'reserved inside': 'CON 康',
};

describe('safeFileName is valid everywhere for hostile titles', () => {
  it.each(Object.entries(HOSTILE_TITLES))('%s', (_name, title) => {
    for (const ext of ['.md', '.json']) {
      const name = safeFileName(title, ext);
      expect(problems(name, ext), JSON.stringify(name)).toEqual([]);
    }
  });

  it('keeps ordinary Chinese titles as they are', () => {
    expect(safeFileName('市场监管总局：鼓励参与区域和国际标准化活动 助推RCEP生效落地')).toBe(
      '市场监管总局：鼓励参与区域和国际标准化活动 助推RCEP生效落地.md',
    );
    expect(safeFileName('A股"涨停"?')).toBe('A股＂涨停＂？.md');
  });

  it('does not read a name that merely starts like a device as reserved', () => {
    expect(safeFileName('Console 控制台')).toBe('Console 控制台.md');
    expect(safeFileName('COM10')).toBe('COM10.md');
  });
});

describe('the 255-byte limit, counted in UTF-8 bytes', () => {
  const LONG: Record<string, string> = {
    chinese: '长'.repeat(200),
    emoji: '📈'.repeat(100),
    'emoji after odd ASCII': `a${'😀'.repeat(100)}`,
    'mixed': '涨😀a'.repeat(60),
    'latin': 'x'.repeat(1000),
    'combining marks': 'e\u0301'.repeat(300),
    'long with trailing dots at the cut': `${'标'.repeat(78)}${'.'.repeat(50)}`,
    'long with spaces at the cut': `${'x'.repeat(236)}      ${'y'.repeat(50)}`,
    'long reserved start': `CON.${'x'.repeat(400)}`,
    '10k chars': '新'.repeat(10_000),
  };

  it.each(Object.entries(LONG))('%s', (_name, title) => {
    for (const ext of ['.md', '.json']) {
      const name = safeFileName(title, ext);
      expect(problems(name, ext), JSON.stringify(name)).toEqual([]);
      expect(bytes(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
      // Cut, not mangled: the stem is a prefix of the cleaned title, and the budget is used.
      const stem = name.slice(0, -ext.length);
      expect(title.normalize('NFC').startsWith(stem.replace(/^_/, ''))).toBe(true);
      expect(bytes(name)).toBeGreaterThan(MAX_NAME_BYTES - 60);
    }
  });

  it('never cuts a surrogate pair, at every budget', () => {
    const title = '😀a📈涨'.repeat(40);
    for (let max = 10; max <= 255; max++) {
      const name = safeFileName(title, '.md', max);
      expect(wellFormed(name), `max ${max}`).toBe(true);
      expect(bytes(name), `max ${max}`).toBeLessThanOrEqual(max);
    }
  });

  it('leaves room for the batch number " (n)" of a name taken twice', () => {
    const name = safeFileName('长'.repeat(500));
    expect(bytes(numberedFileName(name, 9999))).toBeLessThanOrEqual(255);
    expect(problems(numberedFileName(name, 2))).toEqual([]);
  });

  it('numbers a reserved-looking or dotted name without making it invalid', () => {
    for (const title of ['CON', 'a.b.c', '..', '']) expect(problems(numberedFileName(safeFileName(title), 2))).toEqual([]);
  });
});
