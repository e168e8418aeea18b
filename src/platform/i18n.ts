/** Localized strings: i18n(key) in code; data-i18n, data-i18n-title, -aria-label, -placeholder attributes in HTML. */
import { browser } from './browser';

export function i18n(key: string, substitutions?: string | string[]): string {
  try {
    return browser.i18n.getMessage(key, substitutions) || key;
  } catch {
    return key;
  }
}

const ATTRIBUTES = ['title', 'aria-label', 'placeholder'] as const;

/** Fills every `[data-i18n]` text and `[data-i18n-<attr>]` attribute below `root`. */
export function applyI18n(root: ParentNode = document): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    el.textContent = i18n(el.dataset.i18n ?? '');
  }
  for (const attr of ATTRIBUTES) {
    for (const el of root.querySelectorAll<HTMLElement>(`[data-i18n-${attr}]`)) {
      el.setAttribute(attr, i18n(el.getAttribute(`data-i18n-${attr}`) ?? ''));
    }
  }
  if (root === document) {
    // The language of the strings shown: a browser in a language without a catalogue reads the en
    // ones, and a screen reader must not voice them as its own language.
    const lang = i18n('htmlLang');
    document.documentElement.lang = lang === 'htmlLang' ? browser.i18n.getUILanguage() : lang;
    document.documentElement.dir = i18n('@@bidi_dir') === '@@bidi_dir' ? 'ltr' : i18n('@@bidi_dir');
  }
}
