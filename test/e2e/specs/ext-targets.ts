// Issue 14 parts 1 and 2 in the real browsers: Save to Obsidian (the obsidian:// URL the reader
// opens, intercepted here, and the text it hands the clipboard; no Obsidian installed: a clear
// line), and Save all Sina tabs (three Sina articles, a Sina page that is no article and a page
// that is not Sina's open: three files, one line for the page that could not be saved).
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { safeFileName } from '../../../src/core/filename';
import { DEFAULT_SETTINGS } from '../../../src/platform/settings';
import { withDeadline } from '../support/browsers';
import { repoRoot } from '../support/fixtures';
import { docScreenshot, showcase, type Harness } from '../support/harness';
import { closeQuietly, pollUntil, variantUrl, waitForCleanState } from '../support/pages';
import { settledState } from '../support/popup';
import { setStored } from '../support/storage';
import { splitFrontMatter } from '../support/text';

type Messages = Record<string, { message: string }>;
const en = JSON.parse(fs.readFileSync(path.join(repoRoot, '_locales/en/messages.json'), 'utf8')) as Messages;
const msg = (key: string, ...values: string[]): string => {
  let i = 0;
  return en[key].message.replace(/\$[A-Z_]+\$/g, () => values[i++] ?? '');
};

const batchSlugs = [showcase, 'finance-2022-quanmao-eastmoney', 'finance-2022-ai-basketball-referee'];
const notArticleUrl = 'https://finance.sina.com.cn/issue14/roll/index.shtml';
const notArticleTitle = '滚动新闻列表 issue14';
const notArticle = `<!doctype html><html><head><meta charset="utf-8"><title>${notArticleTitle}</title></head><body><ul>${Array.from({ length: 12 }, (_, i) => `<li><a href="/roll/${i}.shtml">新闻标题 ${i}</a></li>`).join('')}</ul></body></html>`;
const otherUrl = 'https://www.example.com/issue14/other.html';

const vault = 'Finance Notes';
const folder = 'Sina/2021';

export function describeExtTargets(h: Harness): void {
  describe('issue 14: Save to Obsidian and Save all Sina tabs', () => {
    const tabs: Page[] = [];
    const popups: Page[] = [];
    const fixture = (slug: string) => h.fixtures.find((x) => x.slug === slug)!;

    const openTab = async (url: string, body: Buffer | string, charset = 'utf-8'): Promise<Page> => {
      h.server.html(url, body, charset);
      const page = await h.session.context.newPage();
      tabs.push(page);
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      return page;
    };
    const openArticle = async (slug: string): Promise<Page> => {
      const f = fixture(slug);
      const page = await openTab(variantUrl(f, 'issue14'), f.page, f.truth.encoding.toLowerCase() === 'gbk' ? 'gbk' : 'utf-8');
      await waitForCleanState(page, 'cleaned');
      return page;
    };
    const popupFor = async (tab: Page): Promise<Page> => {
      const popup = await h.session.openPopup(tab);
      popups.push(popup);
      expect(await settledState(popup)).toBe('article');
      return popup;
    };
    const toastOf = async (popup: Page) => {
      await pollUntil(popup, () => !(document.getElementById('toast')?.hidden ?? true), null, 15_000, 'toast');
      return popup.evaluate(() => ({ text: document.getElementById('toast')?.textContent ?? '', kind: document.getElementById('toast')?.dataset.kind }));
    };

    afterAll(async () => {
      if (popups[0]) {
        const { obsidianVault, obsidianFolder, obsidianOpen } = DEFAULT_SETTINGS;
        await withDeadline(setStored(popups[0], { obsidianVault, obsidianFolder, obsidianOpen }), 5_000, 'reset').catch(() => {});
      }
      // A page that closed itself can leave an evaluate unanswered over BiDi: each close has a deadline.
      for (const p of popups) await withDeadline(h.session.closePopup(p), 5_000, 'close').catch(() => {});
      for (const p of tabs) await closeQuietly(p);
    });

    describe('Save to Obsidian', () => {
      let popup: Page;
      beforeAll(async () => {
        popup = await popupFor(await openArticle(showcase));
      });

      it('options page: vault, folder and open-or-silent are stored as typed', async () => {
        const options = await h.session.openOptions(tabs[0]);
        popups.push(options);
        await pollUntil(options, () => document.querySelector<HTMLInputElement>('#filenameTemplate')?.value !== '', null, 10_000, 'options filled in');
        expect(await options.isChecked('#obsidianOpen'), 'opens the note by default').toBe(true);
        await options.fill('#obsidianVault', vault);
        await options.fill('#obsidianFolder', folder);
        await options.uncheck('#obsidianOpen');
        await pollUntil(
          options,
          ([v, f]) => {
            type Sync = { storage: { sync: { get(k: null): Promise<Record<string, unknown>> } } };
            const g = globalThis as unknown as { browser?: Sync; chrome: Sync; __stored?: Record<string, unknown> };
            void (g.browser ?? g.chrome).storage.sync.get(null).then((x) => (g.__stored = x));
            const got = g.__stored ?? {};
            return got.obsidianVault === v && got.obsidianFolder === f && got.obsidianOpen === false;
          },
          [vault, folder] as const,
          10_000,
          'Obsidian options stored',
        );
        popups.splice(popups.indexOf(options), 1);
        await h.session.closePopup(options);
      });

      it('opens obsidian://new with vault, folder/name from the template and the note on the clipboard', async () => {
        // The click on the obsidian:// link is stopped and recorded; a blur then stands in for
        // Obsidian taking the focus. Clipboard writes are recorded as they reach the browser.
        await popup.evaluate(() => {
          const w = window as unknown as { __uris: string[]; __copied: string[] };
          w.__uris = [];
          w.__copied = [];
          document.addEventListener('click', (e) => {
            const a = (e.target as Element | null)?.closest?.('a');
            if (!a?.href.startsWith('obsidian:')) return;
            e.preventDefault();
            w.__uris.push(a.href);
            setTimeout(() => window.dispatchEvent(new Event('blur')), 50);
          }, true);
          const real = navigator.clipboard.writeText.bind(navigator.clipboard);
          navigator.clipboard.writeText = (text: string) => {
            w.__copied.push(text);
            return real(text);
          };
        });
        await popup.click('#save-obsidian');
        const name = safeFileName(fixture(showcase).truth.title).replace(/\.md$/, '');
        expect(await toastOf(popup)).toEqual({ text: msg('obsidianSent', `${folder}/${name}`), kind: 'info' });
        // The reader window's size (background/reader-window.ts), so the controls are legible.
        await popup.setViewportSize({ width: 760, height: 420 });
        await docScreenshot(popup, h.browser, 'export-controls');
        await popup.click('#copy-md');
        await pollUntil(popup, () => (window as unknown as { __copied: string[] }).__copied.length === 2, null, 10_000, 'Copy Markdown');
        const { uris, copied } = await popup.evaluate(() => {
          const w = window as unknown as { __uris: string[]; __copied: string[] };
          return { uris: w.__uris, copied: w.__copied };
        });
        const enc = encodeURIComponent;
        expect(uris).toEqual([`obsidian://new?vault=${enc(vault)}&file=${enc(`${folder}/${name}`)}&silent=true&clipboard`]);
        // The note is the export itself: what Copy Markdown gives, front matter and all.
        expect(copied[0]).toBe(copied[1]);
        expect(parseYaml(splitFrontMatter(copied[0]).yaml ?? '')).toMatchObject({ title: fixture(showcase).truth.title });
      });

      it('says so in one line when nothing answers the obsidian:// link (Obsidian not installed)', async () => {
        const fresh = await popupFor(tabs[0]);
        await fresh.click('#save-obsidian');
        expect(await toastOf(fresh)).toEqual({ text: msg('obsidianNoAnswer', vault), kind: 'error' });
        expect(await fresh.evaluate(() => document.querySelector('#app')?.getAttribute('data-state')), 'the reader stays').toBe('article');
      });
    });

    describe('Save all Sina tabs', () => {
      it('three Sina articles, a Sina page that is no article, a page that is not Sina: three files, one line', async () => {
        for (const slug of batchSlugs.slice(1)) await openArticle(slug);
        await openTab(notArticleUrl, notArticle);
        await openTab(otherUrl, '<!doctype html><title>Other</title><p>Not Sina.</p>');
        const popup = await popupFor(tabs[0]);
        // The right-click menu runs the same window (background/menus.ts); update() fails for a menu that does not exist.
        const menu = await popup.evaluate(async () => {
          type Menus = { contextMenus: { update(id: string, p: object): Promise<void> } };
          const g = globalThis as unknown as { browser?: Menus; chrome: Menus };
          const exists = (id: string) => (g.browser ?? g.chrome).contextMenus.update(id, {}).then(() => true, () => false);
          return { saveAll: await exists('save-all-tabs'), control: await exists('no-such-menu') };
        });
        expect(menu).toEqual({ saveAll: true, control: false });
        let batch: Page | undefined;
        const files = await h.session.collectDownloads(async () => {
          const opened = h.session.context.waitForEvent('page');
          await popup.click('#save-all-tabs');
          batch = await opened;
          popups.push(batch);
          await pollUntil(batch, () => document.getElementById('app')?.dataset.state === 'done', null, 60_000, 'batch done');
        });
        const names = files.map((f) => f.name).sort();
        expect(names.length, names.join(' | ')).toBe(3);
        expect(names.every((n) => n.endsWith('.md') && !n.includes('/')), names.join(' | ')).toBe(true);
        // Named by the file-name template (the browser may still swap a character such as % for _).
        const titles = files.map((f) => (parseYaml(splitFrontMatter(f.bytes.toString('utf8')).yaml ?? '') as Record<string, unknown>).title);
        expect(new Set(titles)).toEqual(new Set(batchSlugs.map((s) => fixture(s).truth.title)));
        const report = await batch!.evaluate(() => ({
          progress: document.getElementById('progress')?.textContent ?? '',
          failed: [...document.querySelectorAll('#failed li')].map((li) => li.textContent ?? ''),
          saved: [...document.querySelectorAll('#saved li')].map((li) => li.textContent ?? ''),
          others: document.getElementById('others')?.textContent ?? '',
        }));
        expect(report.failed).toEqual([msg('batchFailure', notArticleTitle, msg('stateNotArticle'))]);
        expect(report.saved.length).toBe(3);
        expect(report.progress).toBe(msg('batchDone', '3', '4'));
        expect(report.others).toMatch(new RegExp(`^${msg('batchOthers', '\\d+')}$`));
        await batch!.setViewportSize({ width: 560, height: 420 });
        await docScreenshot(batch!, h.browser, 'save-all-tabs');
      });
    });
  });
}
