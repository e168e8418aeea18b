/** The reader view: wires the tab, the core pipeline and the controls together. */
import type { Article } from '../core/types';
import { browser } from '../platform/browser';
import { applyI18n, i18n } from '../platform/i18n';
import type { CleaningState } from '../platform/messages';
import { sendToTab } from '../platform/send';
import type { Settings } from '../platform/settings';
import { normalizeSettings } from '../platform/settings';
import { watchSettings } from '../platform/storage';
import { applyLook, themeFromQuery } from '../ui/theme';
import { renderBody, renderToc } from './content';
import { followSettings, wireViewControls } from './controls';
import { preloadMarkdownWriter } from './markdown-writer';
import { wireLinks } from './links';
import { loadArticle, loadGeneric, type Loaded } from './load';
import { renderMeta } from './meta';
import { openReading } from './reading';
import { wireReadingControls } from './reading-controls';
import { copySelection } from './selection';
import { takeBoot, type Boot } from './prefetch';
import type { Target } from './target';
import { toast } from './toast';
import { TARGETS, type ExportTarget } from './targets';
import { wireSaveAllTabs } from './save-all-button';

const $ = (id: string): HTMLElement => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing from popup.html`);
  return el;
};
const button = (id: string) => $(id) as HTMLButtonElement;

let article: Article | null = null;
let cleaning: CleaningState | null = null;

function show(loaded: Loaded): void {
  const app = $('app');
  app.dataset.state = loaded.state;
  app.setAttribute('aria-busy', String(loaded.state === 'loading'));
  button('generic-reader').hidden = loaded.state !== 'not-sina';
  if (loaded.state !== 'article') {
    article = null;
    $('article').hidden = true;
    const detail = loaded.state === 'error' ? loaded.detail : '';
    $('state-message').textContent = i18n(loaded.messageKey, detail);
    return;
  }
  article = loaded.article;
  cleaning = loaded.cleaning;
  document.title = `${article.title} · ${i18n('extName')}`;
  $('title').textContent = article.title;
  // Headline and body keep their own language inside a UI in the user's (CJK fonts, screen-reader voice).
  for (const id of ['title', 'content']) $(id).lang = article.lang ?? '';
  $('meta').replaceChildren(...renderMeta(article, browser.i18n.getUILanguage()));
  renderBody(article.html, $('content'));
  renderToc($('content'), $('toc'));
  $('article').hidden = false;
  for (const target of Object.values(TARGETS)) button(target.button).disabled = false;
  showCleaning();
  performance.mark('reader:rendered');
  preloadMarkdownWriter();
  void openReading(article, $('content'));
}

function showCleaning(): void {
  const toggle = button('toggle-clean');
  toggle.disabled = cleaning === null;
  // A toggle button: one label, aria-pressed says whether the page shows its original state.
  toggle.setAttribute('aria-pressed', String(cleaning === 'original' || cleaning === 'off'));
  toggle.dataset.cleaning = cleaning ?? 'none';
}

/** Runs an export target (Save, Copy, Obsidian…) on the article shown, and says how it went. */
async function exportTo(target: ExportTarget, settings: Settings): Promise<void> {
  if (!article) return;
  const outcome = await target.run(article, settings);
  toast(outcome.text, outcome.kind);
}

async function toggleCleaning(tabId: number): Promise<void> {
  const reply = await sendToTab(tabId, { type: 'set-cleaning', on: cleaning !== 'cleaned' });
  if (!reply.ok) return toast(i18n('toggleFailed', reply.error), 'error');
  cleaning = reply.cleaning;
  showCleaning();
}

async function runAction(target: Target, settings: Settings): Promise<void> {
  if (target.action === 'save-md') await exportTo(TARGETS.download, settings);
  if (target.action === 'copy-selection') {
    const result = await copySelection(target.tabId);
    toast(result.ok ? i18n('selectionCopied') : i18n('copyFailed', result.error), result.ok ? 'info' : 'error');
  }
}

/** Retries while the page is still loading, then gives its final answer. */
async function load(target: Target, settings: Settings, prefetched: Boot['page']): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const loaded = await loadArticle(target.tabId, settings.stockLinks, attempt === 0 ? prefetched : undefined);
    if (loaded.state === 'loading' && attempt >= 40) {
      return show({ state: 'error', messageKey: 'stateNoContentScript', detail: i18n('statePageLoading') });
    }
    show(loaded);
    if (loaded.state !== 'loading') return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function main(): Promise<void> {
  // Marks for the bench (issue 5: the article within 100 ms of opening), read with performance.getEntriesByType('mark').
  performance.mark('reader:start');
  applyI18n();
  const boot = takeBoot();
  const settings = normalizeSettings(await boot.settings);
  settings.theme = themeFromQuery() ?? settings.theme;
  performance.mark('reader:settings');
  applyLook(settings);
  watchSettings((next) => followSettings(settings, next, $));
  wireViewControls(settings, $);
  button('open-options').addEventListener('click', () => void browser.runtime.openOptionsPage());
  wireLinks($('article'));
  wireSaveAllTabs(button('save-all-tabs'));
  wireReadingControls(() => article);

  const target = await boot.target;
  document.documentElement.classList.toggle('is-popup', target?.inPopup ?? true);
  if (!target) return show({ state: 'error', messageKey: 'stateError', detail: 'no tab' });

  for (const t of Object.values(TARGETS)) button(t.button).addEventListener('click', () => void exportTo(t, settings));
  button('toggle-clean').addEventListener('click', () => void toggleCleaning(target.tabId));
  button('generic-reader').addEventListener('click', async () => {
    show({ state: 'loading', messageKey: 'stateLoading' });
    show(await loadGeneric(target.tabId, settings.stockLinks));
  });

  await load(target, settings, boot.page);
  if (target.action) await runAction(target, settings);
}

main().catch((err: unknown) => {
  const app = document.getElementById('app');
  if (app) app.dataset.state = 'error';
  const message = document.getElementById('state-message');
  if (message) message.textContent = i18n('stateError', err instanceof Error ? err.message : String(err));
});
