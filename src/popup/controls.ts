/** Font size, line width and theme: applied at once, remembered in storage for every article. */
import { FONT_SIZES, LINE_WIDTHS, type Settings, type Theme } from '../platform/settings';
import { saveSettings } from '../platform/storage';
import { applyLook } from '../ui/theme';

const clamp = (n: number, { min, max }: { min: number; max: number }) => Math.min(max, Math.max(min, n));

export function wireViewControls(settings: Settings, $: (id: string) => HTMLElement): void {
  const theme = $('theme') as HTMLSelectElement;
  theme.value = settings.theme;

  const change = (patch: Partial<Settings>): void => {
    Object.assign(settings, patch);
    applyLook(settings);
    void saveSettings(patch).catch(() => undefined);
  };

  $('font-smaller').addEventListener('click', () =>
    change({ fontSize: clamp(settings.fontSize - FONT_SIZES.step, FONT_SIZES) }));
  $('font-larger').addEventListener('click', () =>
    change({ fontSize: clamp(settings.fontSize + FONT_SIZES.step, FONT_SIZES) }));
  $('width-narrower').addEventListener('click', () =>
    change({ lineWidth: clamp(settings.lineWidth - LINE_WIDTHS.step, LINE_WIDTHS) }));
  $('width-wider').addEventListener('click', () =>
    change({ lineWidth: clamp(settings.lineWidth + LINE_WIDTHS.step, LINE_WIDTHS) }));
  theme.addEventListener('change', () => change({ theme: theme.value as Theme }));
  $('print').addEventListener('click', () => window.print());
}

/** Settings changed elsewhere (options page, another reader): follow them. */
export function followSettings(settings: Settings, next: Settings, $: (id: string) => HTMLElement): void {
  Object.assign(settings, next);
  applyLook(settings);
  ($('theme') as HTMLSelectElement).value = settings.theme;
}
