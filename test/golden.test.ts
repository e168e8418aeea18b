/**
 * Golden files: each fixture page has its expected Markdown and JSON beside it. A missing golden
 * fails; only `npm run golden:update` (UPDATE_GOLDEN=1) rewrites them. Read the diff before committing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toMarkdown } from '../src/core/markdown';
import { article, fixtures } from './support/pages';

const update = process.env.UPDATE_GOLDEN === '1';
const NOW = new Date('2026-01-01T00:00:00Z');

function golden(file: string, actual: string): void {
  if (update) fs.writeFileSync(file, actual);
  expect(fs.existsSync(file), `missing golden ${file}: run npm run golden:update`).toBe(true);
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}

describe.each(fixtures())('golden: $slug', ({ dir, truth, html }) => {
  const a = article(html, truth.url);
  it('Markdown (hexo preset)', () => golden(path.join(dir, 'expected.md'), toMarkdown(a, { preset: 'hexo', now: NOW })));
  it('JSON', () => {
    const { html: _html, ...rest } = a;
    golden(path.join(dir, 'expected.json'), `${JSON.stringify(rest, null, 2)}\n`);
  });
});
