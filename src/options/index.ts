/** Options page: every control is saved to storage.sync on change and applied at once everywhere. */
import { checkTemplate, PRESET_TEMPLATES, TEMPLATE_VARIABLES } from '../core/frontmatter';
import { toMarkdown } from '../core/markdown';
import { applyI18n, i18n } from '../platform/i18n';
import { normalizeSettings, type Settings } from '../platform/settings';
import { loadSettings, saveSettings } from '../platform/storage';
import { fileNameFor } from '../popup/filename';
import { applyLook, themeFromQuery } from '../ui/theme';
import { SAMPLE_ARTICLE } from './sample';

const form = document.getElementById('form') as HTMLFormElement;
const control = (name: keyof Settings) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function fill(settings: Settings): void {
  for (const name of ['preset', 'filenameTemplate', 'frontMatterTemplate', 'stockLinks', 'images', 'theme'] as const) control(name).value = settings[name];
  (control('cleaning') as HTMLInputElement).checked = settings.cleaning;
  (control('highlightsInFrontMatter') as HTMLInputElement).checked = settings.highlightsInFrontMatter;
  control('cleaningOffHosts').value = settings.cleaningOffHosts.join('\n');
  control('fontSize').value = String(settings.fontSize);
  control('lineWidth').value = String(settings.lineWidth);
  control('obsidianVault').value = settings.obsidianVault;
  control('obsidianFolder').value = settings.obsidianFolder;
  (control('obsidianOpen') as HTMLInputElement).checked = settings.obsidianOpen;
}

function read(): Settings {
  return normalizeSettings({
    preset: control('preset').value,
    filenameTemplate: control('filenameTemplate').value,
    frontMatterTemplate: control('frontMatterTemplate').value,
    stockLinks: control('stockLinks').value,
    images: control('images').value,
    theme: control('theme').value,
    cleaning: (control('cleaning') as HTMLInputElement).checked,
    highlightsInFrontMatter: (control('highlightsInFrontMatter') as HTMLInputElement).checked,
    cleaningOffHosts: control('cleaningOffHosts').value.split(/\s+/).map((h) => h.trim().toLowerCase()).filter(Boolean),
    fontSize: Number(control('fontSize').value),
    lineWidth: Number(control('lineWidth').value),
    obsidianVault: control('obsidianVault').value,
    obsidianFolder: control('obsidianFolder').value,
    obsidianOpen: (control('obsidianOpen') as HTMLInputElement).checked,
  });
}

function preview(settings: Settings): void {
  const filename = document.getElementById('filename-preview');
  const markdown = document.getElementById('markdown-preview');
  try {
    if (filename) filename.textContent = fileNameFor(SAMPLE_ARTICLE, settings.filenameTemplate);
    const template = settings.frontMatterTemplate.trim() || undefined;
    if (markdown) markdown.textContent = toMarkdown(SAMPLE_ARTICLE, { preset: settings.preset, template, now: new Date() });
    showProblems(template ?? '');
  } catch (err) {
    if (markdown) markdown.textContent = String(err);
  }
}

const PROBLEM_TEXT = {
  syntax: (line: string, text: string) => i18n('problemSyntax', [line, text]),
  'unknown-variable': (line: string, text: string) => i18n('problemUnknownVariable', [line, text]),
  'duplicate-key': (line: string, text: string) => i18n('problemDuplicateKey', [line, text]),
} as const;

function showProblems(template: string): void {
  const list = document.getElementById('front-matter-problems');
  if (!list) return;
  list.replaceChildren(
    ...checkTemplate(template).map((p) =>
      Object.assign(document.createElement('li'), { textContent: PROBLEM_TEXT[p.reason](String(p.line), p.text) }),
    ),
  );
}

let timer: ReturnType<typeof setTimeout> | undefined;

async function persist(): Promise<void> {
  const settings = read();
  applyLook(settings);
  preview(settings);
  const status = document.getElementById('status');
  try {
    await saveSettings(settings);
    if (status) status.textContent = i18n('optionsSaved');
  } catch (err) {
    if (status) status.textContent = i18n('optionsSaveFailed', err instanceof Error ? err.message : String(err));
  }
}

async function main(): Promise<void> {
  applyI18n();
  const settings = await loadSettings();
  fill(settings);
  applyLook({ ...settings, theme: themeFromQuery() ?? settings.theme });
  preview(settings);
  form.addEventListener('change', () => void persist());
  form.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void persist(), 300);
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  const variables = document.getElementById('template-variables');
  if (variables) variables.textContent = TEMPLATE_VARIABLES.map((v) => `{{${v}}}`).join(' ');
  document.getElementById('use-preset-template')?.addEventListener('click', () => {
    const preset = control('preset').value;
    control('frontMatterTemplate').value = preset === 'obsidian' ? PRESET_TEMPLATES.obsidian : PRESET_TEMPLATES.hexo;
    void persist();
  });
}

void main();
