/** sanitize: the one DOMPurify configuration. Everything ever rendered goes through it. */
import DOMPurify, { type Config } from 'dompurify';

const CONFIG: Config = {
  ALLOWED_TAGS: [
    'div', 'p', 'br', 'h2', 'h3', 'h4', 'strong', 'em', 'b', 'i', 'a', 'img', 'figure', 'figcaption',
    'ul', 'ol', 'li', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'sup', 'sub', 'code', 'pre',
  ],
  ALLOWED_ATTR: ['href', 'src', 'alt', 'title', 'referrerpolicy', 'loading'],
  ALLOWED_URI_REGEXP: /^https?:\/\//i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  RETURN_TRUSTED_TYPE: false,
};

type Purifier = ReturnType<typeof DOMPurify>;
const purifiers = new WeakMap<object, Purifier>();

function purifierFor(win: Window): Purifier {
  let p = purifiers.get(win);
  if (!p) {
    p = DOMPurify(win as unknown as Parameters<typeof DOMPurify>[0]);
    p.addHook('afterSanitizeAttributes', (node) => {
      // DOMPurify lets data: URIs through on img (its DATA_URI_TAGS) whatever ALLOWED_URI_REGEXP says.
      for (const name of ['src', 'href']) {
        const value = (node as Element).getAttribute?.(name);
        if (value != null && !CONFIG.ALLOWED_URI_REGEXP!.test(value)) (node as Element).removeAttribute(name);
      }
      if (node.nodeName === 'IMG') node.setAttribute('referrerpolicy', 'no-referrer');
      if (node.nodeName === 'A') node.setAttribute('rel', 'noopener noreferrer');
    });
    purifiers.set(win, p);
  }
  return p;
}

export function sanitizeHtml(html: string, win: Window): string {
  return purifierFor(win).sanitize(html, CONFIG) as unknown as string;
}

/** Sanitizes a detached element of `win`'s realm where it stands: no HTML string parsed again. */
export function sanitizeElement(el: HTMLElement, win: Window): HTMLElement {
  purifierFor(win).sanitize(el, { ...CONFIG, IN_PLACE: true });
  return el;
}
