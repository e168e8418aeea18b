/**
 * Template drift: a page with every id and class our templates' title and body selectors name
 * renamed, as a Sina redesign would. Derived from `templates`: a new template drifts too.
 */
import { templates } from '../../src/sites/sina';

const NAMES = [
  ...new Set(templates.flatMap((t) => [...t.title, ...t.body]).flatMap((sel) => sel.match(/[#.][\w-]+/g) ?? []).map((n) => n.slice(1))),
];

export function drift(html: string): string {
  return NAMES.reduce((h, name) => {
    const inAttr = new RegExp(`(\\b(?:id|class)\\s*=\\s*["']?[^"'>]*?)(?<![\\w-])${name}(?![\\w-])`, 'gi');
    let next = h;
    for (let prev = ''; prev !== next; ) [prev, next] = [next, next.replace(inAttr, `$1z${name}`)];
    return next;
  }, html);
}
