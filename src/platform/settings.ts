/** User settings: types, defaults, and a repairing reader. No browser API (the content script imports it). */
import type { Preset, StockLinkMode } from '../core/types';

export type Theme = 'system' | 'light' | 'sepia' | 'dark';
export type ImageMode = 'remote' | 'local';

export interface Settings {
  preset: Preset;
  /** `{title}`, `{date}`, `{source}`, `{docid}`, `{slug}`; safe-name rules apply after substitution. */
  filenameTemplate: string;
  stockLinks: StockLinkMode;
  /** The user's front-matter template (core/frontmatter.ts syntax); empty: the preset's own. */
  frontMatterTemplate: string;
  /** The reader's highlights also as a `highlights:` list in the front matter (issue 15). */
  highlightsInFrontMatter: boolean;
  /** In-page cleaning on Sina pages. */
  cleaning: boolean;
  /** Hosts where in-page cleaning is off even though `cleaning` is on. */
  cleaningOffHosts: string[];
  images: ImageMode;
  theme: Theme;
  /** Reader font size in px. */
  fontSize: number;
  /** Reader line width in em. */
  lineWidth: number;
  /** Save to Obsidian: the vault's name (empty: the vault Obsidian last had open). */
  obsidianVault: string;
  /** Folder inside the vault for new notes (empty: the vault's root). */
  obsidianFolder: string;
  /** Open the new note in Obsidian (true) or create it silently. */
  obsidianOpen: boolean;
}

// Pure: the content script, which needs none of it, leaves it out of its 20 KB.
export const DEFAULT_SETTINGS: Readonly<Settings> = /* @__PURE__ */ Object.freeze({
  preset: 'hexo',
  filenameTemplate: '{title}',
  stockLinks: 'words',
  frontMatterTemplate: '',
  highlightsInFrontMatter: false,
  cleaning: true,
  cleaningOffHosts: [],
  images: 'remote',
  theme: 'system',
  fontSize: 18,
  lineWidth: 36,
  obsidianVault: '',
  obsidianFolder: '',
  obsidianOpen: true,
});

export const FONT_SIZES = { min: 14, max: 26, step: 1 } as const;
export const LINE_WIDTHS = { min: 24, max: 52, step: 4 } as const;

const oneOf = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

const within = (value: unknown, min: number, max: number, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;

/** Whatever storage holds (old versions, hand edits), the result is a valid Settings. */
export function normalizeSettings(raw: Record<string, unknown>): Settings {
  const d = DEFAULT_SETTINGS;
  return {
    preset: oneOf(raw.preset, ['hexo', 'obsidian', 'plain'] as const, d.preset),
    filenameTemplate:
      typeof raw.filenameTemplate === 'string' && raw.filenameTemplate.trim() ? raw.filenameTemplate : d.filenameTemplate,
    stockLinks: oneOf(raw.stockLinks, ['words', 'links', 'ticker'] as const, d.stockLinks),
    frontMatterTemplate: typeof raw.frontMatterTemplate === 'string' ? raw.frontMatterTemplate : d.frontMatterTemplate,
    highlightsInFrontMatter: raw.highlightsInFrontMatter === true,
    ...cleaningSettings(raw),
    images: oneOf(raw.images, ['remote', 'local'] as const, d.images),
    theme: oneOf(raw.theme, ['system', 'light', 'sepia', 'dark'] as const, d.theme),
    fontSize: within(raw.fontSize, FONT_SIZES.min, FONT_SIZES.max, d.fontSize),
    lineWidth: within(raw.lineWidth, LINE_WIDTHS.min, LINE_WIDTHS.max, d.lineWidth),
    obsidianVault: typeof raw.obsidianVault === 'string' ? raw.obsidianVault.trim() : d.obsidianVault,
    obsidianFolder: typeof raw.obsidianFolder === 'string' ? raw.obsidianFolder.trim() : d.obsidianFolder,
    obsidianOpen: typeof raw.obsidianOpen === 'boolean' ? raw.obsidianOpen : d.obsidianOpen,
  };
}

/** The two settings in-page cleaning reads (the content script reads only these). */
export function cleaningSettings(raw: Record<string, unknown>): Pick<Settings, 'cleaning' | 'cleaningOffHosts'> {
  return {
    cleaning: typeof raw.cleaning === 'boolean' ? raw.cleaning : true,
    cleaningOffHosts: Array.isArray(raw.cleaningOffHosts) ? raw.cleaningOffHosts.filter((h): h is string => typeof h === 'string') : [],
  };
}

export function cleaningAllowed(s: Pick<Settings, 'cleaning' | 'cleaningOffHosts'>, host: string): boolean {
  return s.cleaning && !s.cleaningOffHosts.includes(host);
}
