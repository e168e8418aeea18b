/** Read aloud's chunking (issue 15) on the fixtures' real text and on the cases that trip splitters. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_PIECE, splitSentences } from '../src/core/sentences';

const texts: [string, string][] = [];
for (const dir of ['test/fixtures', '../shared/fixtures/pages']) {
  if (!fs.existsSync(dir)) continue;
  for (const slug of fs.readdirSync(dir)) {
    const expected = path.join(dir, slug, 'expected.json');
    const truth = path.join(dir, slug, 'truth.json');
    if (fs.existsSync(expected)) texts.push([`${dir}/${slug}`, (JSON.parse(fs.readFileSync(expected, 'utf8')) as { text: string }).text]);
    else if (fs.existsSync(truth)) texts.push([`${dir}/${slug}`, (JSON.parse(fs.readFileSync(truth, 'utf8')) as { paragraphs: string[] }).paragraphs.join('\n\n')]);
  }
}

const spoken = (text: string, max?: number) => splitSentences(text, max).map((s) => s.text);

describe('splitSentences on the fixtures', () => {
  it('finds fixture text', () => expect(texts.length).toBeGreaterThanOrEqual(10));

  for (const [name, text] of texts) {
    it(`${name}: every word spoken once, in order, in pieces that fit`, () => {
      const pieces = splitSentences(text);
      let last = 0;
      for (const p of pieces) {
        expect(p.start, 'in order, no overlap').toBeGreaterThanOrEqual(last);
        expect(text.slice(p.start, p.end)).toBe(p.text);
        expect(p.text.length).toBeLessThanOrEqual(MAX_PIECE);
        expect(p.text).toBe(p.text.trim());
        // Nothing speakable is skipped between two pieces.
        expect(text.slice(last, p.start)).not.toMatch(/[\p{L}\p{N}]/u);
        last = p.end;
      }
      expect(text.slice(last)).not.toMatch(/[\p{L}\p{N}]/u);
      const bounds = new Set(pieces.flatMap((p) => [p.start, p.end]));
      // Decimals and percentages are never cut (6.5654, 0.29%).
      for (const m of text.matchAll(/\d\.\d/g)) expect(bounds.has(m.index + 1) || bounds.has(m.index + 2), m[0]).toBe(false);
      // Every 。 ends a piece, with the closing quote that follows it.
      for (const m of text.matchAll(/。[」”’）]*/g)) expect(bounds.has(m.index + m[0].length), `${text.slice(m.index - 10, m.index + 3)}`).toBe(true);
      // Line ends always end a piece.
      for (const piece of pieces) expect(piece.text).not.toContain('\n');
    });
  }
});

describe('splitSentences', () => {
  it('keeps closing quotes with their sentence and splits on 。！？；', () => {
    expect(spoken('他说：「今天A股涨了3.5%。」然后呢？“好！”他答；再见')).toEqual([
      '他说：「今天A股涨了3.5%。」', '然后呢？', '“好！”', '他答；', '再见',
    ]);
  });

  it('splits English at a dot before a space, not inside numbers or initials', () => {
    expect(spoken('The U.S. economy grew 2.1% in Q3. Stocks rose 1.25 points! Why? 沪指涨0.5%。')).toEqual([
      'The U.S. economy grew 2.1% in Q3.', 'Stocks rose 1.25 points!', 'Why?', '沪指涨0.5%。',
    ]);
  });

  it('splits at line ends and drops pieces with nothing to say', () => {
    expect(spoken('第一行\n\n第二行\n ——\n（完）')).toEqual(['第一行', '第二行', '（完）']);
  });

  it('cuts a long sentence after its last comma that fits, never mid-number', () => {
    const long = `${'上证指数上涨1.25%，'.repeat(12)}收于3000点。`;
    const pieces = splitSentences(long, 40);
    expect(pieces.length).toBeGreaterThan(3);
    for (const p of pieces.slice(0, -1)) expect(p.text).toMatch(/，$/);
    expect(pieces.map((p) => p.text).join('')).toBe(long);
    expect(pieces.every((p) => p.text.length <= 40)).toBe(true);
  });

  it('cuts long English at a space when there is no comma, and unbroken text at the limit', () => {
    const words = 'word '.repeat(30).trim();
    const pieces = spoken(words, 42);
    expect(pieces.every((p) => p.length <= 42 && !p.startsWith(' ') && /word$/.test(p))).toBe(true);
    expect(pieces.join(' ')).toBe(words);
    expect(spoken('字'.repeat(25), 10)).toEqual(['字'.repeat(10), '字'.repeat(10), '字'.repeat(5)]);
  });
});
