/**
 * Never worse than plain Readability (issue 13), on every page of the corpus: the fixtures, the
 * extra pages, and each of them drifted (no template fits). Scored as ../shared/eval/score.mjs
 * scores: our F1 ≥ Readability's − 0.005, and no more of the truth's noise strings than it leaves.
 */
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { drift } from './support/drift';
import { extract, extraPagesDir, fixtures, parse } from './support/pages';
import { scoreText } from './support/score';

const SLACK = 0.005;
const corpus = [...fixtures(), ...fixtures(extraPagesDir)];
const variants = corpus.flatMap((f) => [
  { name: f.slug, html: f.html, truth: f.truth },
  { name: `${f.slug} (drifted)`, html: drift(f.html), truth: f.truth },
]);

describe.each(variants)('never worse than Readability: $name', ({ html, truth }) => {
  it('F1 and noise', () => {
    const theirs = scoreText(new Readability(parse(html, truth.url).window.document).parse()?.textContent ?? '', truth);
    const r = extract(html, truth.url);
    const ours = scoreText(r.ok ? r.article.text : '', truth);
    expect(r.ok, 'our reader gives an article').toBe(true);
    expect(ours.f1, `ours ${ours.f1.toFixed(3)} vs Readability ${theirs.f1.toFixed(3)}`).toBeGreaterThanOrEqual(theirs.f1 - SLACK);
    expect(ours.noiseHits.length, `ours ${ours.noiseHits} vs Readability ${theirs.noiseHits}`).toBeLessThanOrEqual(theirs.noiseHits.length);
  });
});
