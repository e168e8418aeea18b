/** Every UI string exists in both locales, and every key the code or the HTML asks for exists. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LOCALES = ['en', 'zh_CN'] as const;

interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string }>;
}

const messages = Object.fromEntries(
  LOCALES.map((l) => [l, JSON.parse(readFileSync(path.join(root, '_locales', l, 'messages.json'), 'utf8')) as Record<string, Message>]),
) as Record<(typeof LOCALES)[number], Record<string, Message>>;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : /\.(ts|html)$/.test(name) ? [full] : [];
  });
}

/** Keys named in source: i18n('key'), data-i18n="key", data-i18n-<attr>="key", messageKey: 'key', __MSG_key__. */
export function usedKeys(text: string): string[] {
  const patterns = [
    /\bi18n\(\s*['"`]([A-Za-z0-9_]+)['"`]/g,
    /\bdata-i18n(?:-[a-z-]+)?="([^"]+)"/g,
    /\bmessageKey:\s*['"]([A-Za-z0-9_]+)['"]/g,
    /__MSG_([A-Za-z0-9_]+)__/g,
  ];
  return patterns.flatMap((re) => [...text.matchAll(re)].map((m) => m[1]));
}

describe('locales', () => {
  it('have the same keys in en and zh_CN', () => {
    const en = Object.keys(messages.en).sort();
    const zh = Object.keys(messages.zh_CN).sort();
    expect(en.filter((k) => !zh.includes(k)), 'missing from zh_CN').toEqual([]);
    expect(zh.filter((k) => !en.includes(k)), 'missing from en').toEqual([]);
  });

  it('have a non-empty message and consistent placeholders for every key', () => {
    for (const locale of LOCALES) {
      for (const [key, entry] of Object.entries(messages[locale])) {
        expect(entry.message?.trim(), `${locale}/${key}`).toBeTruthy();
        const used = [...new Set([...entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1].toLowerCase()))].sort();
        const declared = Object.keys(entry.placeholders ?? {}).map((k) => k.toLowerCase()).sort();
        expect(used, `${locale}/${key} placeholders`).toEqual(declared);
        expect(Object.keys(entry.placeholders ?? {}).sort(), `${locale}/${key} same placeholders as en`).toEqual(
          Object.keys(messages.en[key]?.placeholders ?? {}).sort(),
        );
      }
    }
  });

  it('name the extension in both languages', () => {
    expect(messages.en.extName.message).toBe('Sina Finance Reader');
    expect(messages.zh_CN.extName.message).toBe('新浪财经阅读器');
  });

  it('tag their own language for the pages\' lang attribute', () => {
    expect(messages.en.htmlLang.message).toBe('en');
    expect(messages.zh_CN.htmlLang.message).toBe('zh-CN');
  });

  it('define every key used in src/ and the manifest', () => {
    const sources = [...filesUnder(path.join(root, 'src')), path.join(root, 'manifest.json')];
    const missing: string[] = [];
    let count = 0;
    for (const file of sources) {
      for (const key of usedKeys(readFileSync(file, 'utf8'))) {
        count++;
        for (const locale of LOCALES) {
          if (!messages[locale][key]) missing.push(`${locale}: ${key} (${path.relative(root, file)})`);
        }
      }
    }
    expect(count).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });

  it('finds keys in all the forms the code uses', () => {
    expect(usedKeys(`i18n('a'); data-i18n="b" data-i18n-aria-label="c" messageKey: 'd' "__MSG_e__"`)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
