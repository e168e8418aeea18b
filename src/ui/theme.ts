/** Applies the reader settings that shape every extension page: theme, font size, line width. */
import type { Settings } from '../platform/settings';

export function applyLook(settings: Pick<Settings, 'theme' | 'fontSize' | 'lineWidth'>, root = document.documentElement): void {
  root.dataset.theme = settings.theme;
  root.style.setProperty('--reader-size', `${settings.fontSize}px`);
  root.style.setProperty('--reader-width', `${settings.lineWidth}em`);
}
