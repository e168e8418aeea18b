// What a test reads off an extension page for issue 6's accessibility checks: contrast from
// computed colours (WCAG 2 relative luminance) and the keyboard's walk through the controls.
import type { Page } from 'playwright-core';

export interface ContrastReading {
  what: string;
  fg: string;
  bg: string;
  ratio: number;
}

/**
 * Contrast of every visible element matched by `selectors` (text colour against the background
 * it is drawn on: translucent backgrounds composited up the ancestors, onto white at the root).
 * Disabled controls are left out (WCAG 1.4.3 exempts inactive components).
 */
export function readContrast(page: Page, selectors: string[]): Promise<ContrastReading[]> {
  return page.evaluate((sels) => {
    type RGBA = [number, number, number, number];
    const parse = (c: string): RGBA => {
      const n = (c.match(/[\d.]+/g) ?? []).map(Number);
      if (c === 'transparent' || n.length < 3) return [0, 0, 0, 0];
      return [n[0], n[1], n[2], n.length > 3 ? n[3] : 1];
    };
    const over = (top: RGBA, under: RGBA): RGBA => {
      const a = top[3];
      return [0, 1, 2].map((i) => top[i] * a + under[i] * (1 - a)).concat(1) as RGBA;
    };
    const luminance = ([r, g, b]: RGBA) => {
      const lin = (v: number) => {
        const s = v / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const background = (el: Element): RGBA => {
      const layers: RGBA[] = [];
      for (let e: Element | null = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c[3] > 0) layers.push(c);
        if (c[3] >= 1) break;
      }
      let bg: RGBA = [255, 255, 255, 1];
      for (const layer of layers.reverse()) bg = over(layer, bg);
      return bg;
    };
    const opacity = (el: Element): number => {
      let o = 1;
      for (let e: Element | null = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
      return o;
    };
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return !el.closest('[hidden]') && r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const rgb = (c: RGBA) => `rgb(${c.slice(0, 3).map(Math.round).join(',')})`;
    const out: { what: string; fg: string; bg: string; ratio: number }[] = [];
    for (const sel of sels) {
      document.querySelectorAll(sel).forEach((el, i) => {
        if (!visible(el) || (el as HTMLButtonElement).disabled) return;
        const bg = background(el);
        const fgRaw = parse(getComputedStyle(el).color);
        const fg = over([fgRaw[0], fgRaw[1], fgRaw[2], fgRaw[3] * opacity(el)], bg);
        const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
        out.push({ what: `${sel}[${i}]`, fg: rgb(fg), bg: rgb(bg), ratio: Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100 });
      });
    }
    return out;
  }, selectors);
}

export interface FocusStop {
  what: string;
  name: string;
  outline: string;
  boxShadow: string;
  focusVisible: boolean;
}

/** Every control a keyboard user should reach: visible, enabled, in the tab order. */
export function listControls(page: Page, root = 'body'): Promise<string[]> {
  return page.evaluate((r) => {
    const all = document.querySelector(r)?.querySelectorAll<HTMLElement>(
      'button, select, input, textarea, a[href], summary, [tabindex]',
    ) ?? [];
    const ids: string[] = [];
    let n = 0;
    for (const el of all) {
      const rect = el.getBoundingClientRect();
      const shown = !el.closest('[hidden]') && rect.width > 0 && rect.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      // A summary of a closed <details> is reachable; content inside a closed one is not.
      const folded = el.closest('details:not([open])') && el.tagName !== 'SUMMARY';
      if (!shown || folded || (el as HTMLButtonElement).disabled || el.tabIndex < 0) continue;
      el.dataset.e2eStop ||= `stop-${++n}`;
      ids.push(el.dataset.e2eStop);
    }
    return ids;
  }, root);
}

/**
 * Press Tab from the top of the page until focus comes round again (or leaves the page), reading
 * at each stop its name (aria-label, aria-labelledby, <label>, text, title) and its focus ring.
 */
export async function walkWithTab(page: Page, maxStops: number): Promise<FocusStop[]> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const stops: FocusStop[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const byIds = (ids: string | null) =>
        (ids ?? '').split(/\s+/).map((id) => document.getElementById(id)?.textContent?.trim() ?? '').join(' ').trim();
      const labels = (el as HTMLInputElement).labels ? [...(el as HTMLInputElement).labels!].map((l) => l.textContent?.trim()).join(' ') : '';
      const name =
        el.getAttribute('aria-label')?.trim() ||
        byIds(el.getAttribute('aria-labelledby')) ||
        labels ||
        // Name from content: only roles that take it (a <pre> or <div> does not).
        (el.matches('button, a, summary, [role="link"], [role="button"]') ? el.textContent?.trim() ?? '' : '') ||
        el.getAttribute('title')?.trim() ||
        '';
      const style = getComputedStyle(el);
      return {
        what: el.dataset.e2eStop ?? `${el.tagName.toLowerCase()}#${el.id}`,
        name,
        outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
        boxShadow: style.boxShadow,
        focusVisible: el.matches(':focus-visible'),
      };
    });
    if (!stop || seen.has(stop.what)) break;
    seen.add(stop.what);
    stops.push(stop);
  }
  return stops;
}

/** A ring a sighted keyboard user can see: an outline of some width, or a box shadow. */
export function hasFocusRing(stop: FocusStop): boolean {
  const [style, width] = stop.outline.split(' ');
  return (style !== 'none' && Number.parseFloat(width) > 0) || (stop.boxShadow !== 'none' && stop.boxShadow !== '');
}
