/**
 * The shared scorer's measure (../shared/eval/score.mjs), in process: token F1 of a text against a
 * truth's paragraphs (each Han character, each run of Latin letters or digits), `optional` lines
 * counting neither way, and the truth's noise strings left in the text.
 */
import { norm, type Truth } from './pages';

const tokens = (s: string): string[] => s.toLowerCase().match(/\p{Script=Han}|[a-z]+|\d+/gu) ?? [];

function bagF1(got: string[], want: string[]): number {
  const count = new Map<string, number>();
  for (const t of want) count.set(t, (count.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of got) {
    const c = count.get(t) ?? 0;
    if (c > 0) {
      common++;
      count.set(t, c - 1);
    }
  }
  const p = got.length ? common / got.length : 0;
  const r = want.length ? common / want.length : 0;
  return p + r ? (2 * p * r) / (p + r) : 0;
}

export function scoreText(text: string, truth: Truth & { optional?: string[] }): { f1: number; noiseHits: string[] } {
  const all = norm(text);
  let scored = all;
  for (const o of truth.optional ?? []) scored = scored.split(norm(o)).join(' ');
  return {
    f1: bagF1(tokens(scored), tokens(truth.paragraphs.join('\n'))),
    noiseHits: truth.noise.filter((n) => all.includes(norm(n))),
  };
}
