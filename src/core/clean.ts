/** clean: removes the noise (noise.ts) from a detached copy of the article body. */
import type { MetaField } from '../sites/sina';
import { findNoise, type NoiseOptions } from './noise';

/** What the body's metadata lines said (原标题, a trailing byline): they move into the header. */
export type LineMeta = Partial<Record<MetaField, string>>;

/** Removes the noise from `root` (a detached clone, never the page); returns what its metadata lines said. */
export function cleanBody(root: Element, opts: NoiseOptions): LineMeta {
  const meta: LineMeta = {};
  for (const n of findNoise(root, opts)) {
    if (n.meta) meta[n.meta.field] ??= n.meta.value;
    for (const node of n.nodes) node.parentNode?.removeChild(node);
  }
  return meta;
}
