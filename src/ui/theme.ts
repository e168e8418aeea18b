/** Applies the reader settings that shape every extension page: theme, font size, line width. */
import type { Settings } from '../platform/settings';

export function applyLook(settings: Pick<Settings, 'theme' | 'fontSize' | 'lineWidth'>, root = document.documentElement): void {
  root.dataset.theme = settings.theme;
  root.style.setProperty('--reader-size', `${settings.fontSize}px`);
  root.style.setProperty('--reader-width', `${settings.lineWidth}em`);
}

/** `?theme=dark` (light, sepia, system) shows a page in that theme without saving it: for screenshots and tests. */
export function themeFromQuery(search = location.search): Settings['theme'] | null {
  const theme = new URLSearchParams(search).get('theme');
  return theme === 'system' || theme === 'light' || theme === 'sepia' || theme === 'dark' ? theme : null;
}
