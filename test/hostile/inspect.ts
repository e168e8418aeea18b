/**
 * Inspects a DOM tree for anything that could run script or leave the reader view: DOM API only
 * (no jsdom, no test framework), so the browser e2e suite can evaluate it inside a page too.
 */

/** Elements that must never reach the reader view. */
export const FORBIDDEN_ELEMENTS = [
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'form', 'input', 'button',
  'textarea', 'select', 'option', 'base', 'meta', 'link', 'style', 'svg', 'math', 'template', 'noscript',
  'xmp', 'noembed', 'plaintext', 'video', 'audio', 'source', 'track', 'area', 'map', 'portal', 'dialog',
  'details', 'marquee', 'isindex', 'animate', 'set', 'use', 'foreignobject', 'image', 'title', 'html', 'body', 'head',
];

/** Attributes that may hold a URL. Their values must be http(s) or empty. */
export const URL_ATTRIBUTES = [
  'href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'background', 'cite', 'longdesc',
  'lowsrc', 'dynsrc', 'ping', 'codebase', 'manifest', 'srcset', 'usemap', 'icon', 'profile', 'classid',
];

/** Attributes that are never needed in an article and can load or run something. */
export const FORBIDDEN_ATTRIBUTES = ['style', 'srcdoc', 'srcset', 'formaction', 'action', 'xlink:href', 'target', 'ping', 'usemap', 'is'];

/** Attributes that are only ever shown as text ("javascript:" in an alt is just words). */
const TEXT_ATTRIBUTES = ['alt', 'title'];

const XHTML = 'http://www.w3.org/1999/xhtml';

/** A URL scheme as a browser would read it: control characters and whitespace are ignored. */
export function urlScheme(value: string): string | null {
  // eslint-disable-next-line no-control-regex
  const v = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const m = /^([a-z][a-z0-9+.-]*):/.exec(v);
  return m ? m[1] : null;
}

const SCRIPT_SCHEMES = new Set(['javascript', 'data', 'vbscript', 'livescript', 'mocha', 'blob', 'filesystem']);

/** Every problem in `root`'s subtree, as readable strings; [] when the tree is inert. */
export function findViolations(root: ParentNode): string[] {
  const out: string[] = [];
  const elements = Array.from(root.querySelectorAll('*'));
  for (const el of elements) {
    const tag = el.localName.toLowerCase();
    if (FORBIDDEN_ELEMENTS.includes(tag)) out.push(`element <${tag}>`);
    if (el.namespaceURI !== XHTML) out.push(`foreign namespace <${tag}> ${el.namespaceURI}`);
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      const where = `<${tag} ${name}="${attr.value.slice(0, 60)}">`;
      if (name.startsWith('on')) out.push(`handler ${where}`);
      if (FORBIDDEN_ATTRIBUTES.includes(name)) out.push(`attribute ${where}`);
      const scheme = TEXT_ATTRIBUTES.includes(name) ? null : urlScheme(attr.value);
      if (scheme && SCRIPT_SCHEMES.has(scheme)) out.push(`script URL ${where}`);
      if (URL_ATTRIBUTES.includes(name) && attr.value.trim() && !/^https?:\/\//i.test(attr.value.trim())) {
        out.push(`non-http URL ${where}`);
      }
      if (/url\s*\(|expression\s*\(|@import|behavior\s*:|-moz-binding/i.test(attr.value) && !TEXT_ATTRIBUTES.includes(name)) {
        out.push(`css ${where}`);
      }
    }
  }
  return out;
}

/** Parses `html` into a detached container of `doc` (as the popup does) and inspects it twice:
 * once as parsed, once after a serialize/re-parse round trip (mutation XSS shows up there). */
export function inspectHtml(html: string, doc: Document): string[] {
  const first = doc.createElement('div');
  first.innerHTML = html;
  const second = doc.createElement('div');
  second.innerHTML = first.innerHTML;
  const a = findViolations(first);
  const b = findViolations(second).filter((v) => !a.includes(v));
  return [...a, ...b.map((v) => `after re-parse: ${v}`)];
}

/** Events that fire handlers without user intent, or with one click or hover. */
export const TRIGGER_EVENTS = [
  'load', 'error', 'click', 'dblclick', 'mouseover', 'mouseenter', 'mousedown', 'pointerenter', 'focus', 'focusin',
  'blur', 'toggle', 'animationstart', 'animationend', 'transitionend', 'begin', 'start', 'close', 'input', 'change',
  'submit', 'scroll', 'wheel', 'keydown', 'copy', 'beforeprint',
];

/** Fires every trigger event on every element and clicks every link, as a curious user would. */
export function provoke(root: ParentNode, win: Window): void {
  const EventOf = (win as unknown as { Event: typeof Event }).Event;
  for (const el of Array.from(root.querySelectorAll('*'))) {
    for (const type of TRIGGER_EVENTS) {
      try {
        el.dispatchEvent(new EventOf(type, { bubbles: false, cancelable: true }));
      } catch {
        /* an event constructor the environment lacks */
      }
    }
    try {
      (el as HTMLElement).click?.();
      (el as HTMLElement).focus?.();
    } catch {
      /* navigation the environment does not implement */
    }
  }
}
