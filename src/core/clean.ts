/** clean: removes the noise (noise.ts) from a detached copy of the article body. */
import type { MetaField } from '../sites/sina';
import { findNoise, type NoiseOptions } from './noise';

export interface Cleaned {
  /** How many pieces of noise went. */
  removed: number;
  /** What the body's metadata lines said (原标题, 意见领袖 | name, a trailing byline). */
  meta: Partial<Record<MetaField, string>>;
}

/** Removes the noise from `root` (a detached clone, never the page). */
export function cleanBody(root: Element, opts: NoiseOptions): Cleaned {
  const meta: Cleaned['meta'] = {};
  const noise = findNoise(root, opts);
  for (const n of noise) {
    if (n.meta) meta[n.meta.field] ??= n.meta.value;
    for (const node of n.nodes) node.parentNode?.removeChild(node);
  }
  return { removed: noise.length, meta };
}
