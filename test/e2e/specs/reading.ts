// Issue 15 in the real browsers: read aloud (speechSynthesis replaced by a recorder), highlights
// kept per article and exported as ==text==, the reading position, and the new controls' names,
// focus rings and contrast. Everything it stored is cleared at the end.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { splitSentences } from '../../../src/core/sentences';
import { hasFocusRing, readContrast, walkWithTab } from '../support/a11y';
import { repoRoot, type Fixture } from '../support/fixtures';
import { docScreenshot, showcase, type Harness } from '../support/harness';
import { closeQuietly, pollUntil, variantUrl, waitForCleanState } from '../support/pages';
import { settledState } from '../support/popup';
import { addSpeechRecorder, ensureRecorder, finishUtterance, highlighted, spoken } from '../support/speech';
import { splitFrontMatter } from '../support/text';

/** A long article with sub-headings: room to scroll. */
const long = 'finance-2022-quanmao-eastmoney';

type Messages = Record<string, { message: string }>;
const en = JSON.parse(fs.readFileSync(path.join(repoRoot, '_locales/en/messages.json'), 'utf8')) as Messages;
const msg = (key: string, ...values: string[]): string => {
  let i = 0;
  return en[key].message.replace(/\$[A-Z_]+\$/g, () => values[i++] ?? '');
};

type Api = { storage: { local: { get(k: null): Promise<Record<string, unknown>>; remove(k: string[]): Promise<void> }; sync: { set(v: object): Promise<void> } } };
const api = 'globalThis.browser ?? globalThis.chrome';

const storedLocal = (p: Page) =>
  p.evaluate((a) => (new Function(`return ${a}`)() as Api).storage.local.get(null), api);

/** Selects characters [from, to) of the text of the reader's `n`th paragraph. */
const selectInParagraph = (p: Page, n: number, from: number, to: number) =>
  p.evaluate(([i, a, b]) => {
    const para = document.querySelectorAll('#content p')[i];
    const walker = document.createTreeWalker(para, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let seen = 0;
    for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
      if (seen + t.length > a && range.startContainer === document) range.setStart(t, a - seen);
      if (seen + t.length >= b) {
        range.setEnd(t, b - seen);
        break;
      }
      seen += t.length;
    }
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    return range.toString();
  }, [n, from, to] as const);

const marks = (p: Page) => p.$$eval('#content mark', (ms) => ms.map((m) => m.textContent ?? ''));

export function describeReading(h: Harness): void {
  describe('issue 15: read aloud, highlights, reading position', () => {
    const tabs: Record<string, Page> = {};
    const opened: Page[] = [];
    let warned = 0;
    const fixture = (slug: string): Fixture => h.fixtures.find((x) => x.slug === slug)!;

    const open = async (slug: string, params: Record<string, string> = {}): Promise<Page> => {
      const popup = await h.session.openPopup(tabs[slug], params);
      opened.push(popup);
      expect(await settledState(popup)).toBe('article');
      return popup;
    };
    const close = async (p: Page) => {
      opened.splice(opened.indexOf(p), 1);
      await h.session.closePopup(p);
    };
    /** The reader with the recorder offering voice set `voices` (see support/speech.ts). */
    const openSpeaking = async (slug: string, voices: string, params: Record<string, string> = {}) => {
      const popup = await open(slug, { e2eSpeech: voices, ...params });
      const how = await ensureRecorder(popup);
      if (how !== 'init-script' && !warned++) console.warn(`[e2e] ${h.browser}: the speech recorder was installed by evaluate (no init script in extension pages)`);
      return popup;
    };
    const utterances = async (p: Page) => (await spoken(p)).filter((s) => s.event === 'speak');
    const waitForUtterances = (p: Page, n: number) =>
      pollUntil(p, (k) => (window as unknown as { __speech: { log: { event: string }[] } }).__speech.log.filter((s) => s.event === 'speak').length >= k, n, 10_000, `${n} utterances`);

    /** Highlights, positions and voice choices of earlier specs' readers (the jump list scrolls) or runs. */
    const clearStored = (p: Page) =>
      p.evaluate(async (a) => {
        const b = new Function(`return ${a}`)() as Api;
        const all = await b.storage.local.get(null);
        await b.storage.local.remove(Object.keys(all).filter((k) => k.startsWith('reading:') || k === 'aloud'));
      }, api);

    beforeAll(async () => {
      await addSpeechRecorder(h.session.context);
      for (const slug of [showcase, long]) {
        const f = fixture(slug);
        const url = variantUrl(f, 'issue15');
        h.server.html(url, f.page, f.truth.encoding.toLowerCase() === 'gbk' ? 'gbk' : 'utf-8');
        tabs[slug] = await h.session.context.newPage();
        await tabs[slug].goto(url, { waitUntil: 'domcontentloaded' });
        await waitForCleanState(tabs[slug], 'cleaned');
      }
      const popup = await open(showcase);
      await clearStored(popup);
      await close(popup);
    });

    afterAll(async () => {
      const popup = await open(showcase).catch(() => undefined);
      if (popup) {
        await clearStored(popup).catch(() => {});
        await popup.evaluate((a) => (new Function(`return ${a}`)() as Api).storage.sync.set({ highlightsInFrontMatter: false }), api).catch(() => {});
      }
      for (const p of [...opened]) await h.session.closePopup(p);
      for (const p of Object.values(tabs)) await closeQuietly(p);
    });

    it('read aloud: sentence by sentence in a zh-CN voice, highlighted, pause and resume, arrows step', async () => {
      const popup = await openSpeaking(long, 'zh');
      // What is read: the text blocks (paragraphs, headings, list items, captions…) in order.
      const blocks = await popup.$$eval('#content :is(p, h2, h3, h4, li, figcaption, blockquote, td, th, pre)', (els) =>
        els.filter((el) => !el.querySelector('p, h2, h3, h4, li, figcaption, blockquote, td, th, pre')).map((el) => el.textContent ?? ''));
      const expected = blocks.flatMap((b) => splitSentences(b).map((s) => s.text));
      expect(expected.length).toBeGreaterThan(30);
      await popup.keyboard.press('n');
      await waitForUtterances(popup, 1);
      expect(await popup.getAttribute('#aloud', 'aria-pressed')).toBe('true');
      const [first] = await utterances(popup);
      expect(first).toMatchObject({ text: expected[0], lang: 'zh-CN', voice: 'E2E 普通话', rate: 1 });
      expect(await highlighted(popup)).toBe(expected[0]);

      // Each end of an utterance brings the next sentence, in order, and the highlight follows.
      for (let i = 1; i <= 3; i++) {
        expect(await finishUtterance(popup)).toBe(true);
        await waitForUtterances(popup, i + 1);
        expect((await utterances(popup))[i].text).toBe(expected[i]);
        expect(await highlighted(popup)).toBe(expected[i]);
      }
      // Pause: nothing more is spoken; resume speaks the same sentence again.
      await popup.click('#aloud-pause');
      expect(await popup.getAttribute('#aloud-pause', 'aria-pressed')).toBe('true');
      expect(await finishUtterance(popup), 'nothing left speaking while paused').toBe(false);
      expect((await utterances(popup)).length).toBe(4);
      await popup.click('#aloud-pause');
      await waitForUtterances(popup, 5);
      expect((await utterances(popup))[4].text).toBe(expected[3]);
      // Arrow keys step through sentences (focus on the article, not on a control).
      await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await popup.keyboard.press('ArrowRight');
      await waitForUtterances(popup, 6);
      expect((await utterances(popup))[5].text).toBe(expected[4]);
      await popup.keyboard.press('ArrowLeft');
      await popup.keyboard.press('ArrowLeft');
      await waitForUtterances(popup, 8);
      expect((await utterances(popup))[7].text).toBe(expected[2]);
      expect(await highlighted(popup)).toBe(expected[2]);

      // Far down the article, the sentence being read is kept in view below the toolbar.
      for (let i = 0; i < 25; i++) await popup.keyboard.press('ArrowRight');
      await waitForUtterances(popup, 33);
      expect(await highlighted(popup)).toBe(expected[27]);
      const place = await popup.evaluate(() => {
        const r = [...(CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights.get('aloud')!][0].getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, toolbar: document.getElementById('toolbar')!.getBoundingClientRect().bottom, height: innerHeight, scrolled: scrollY };
      });
      expect(place.scrolled).toBeGreaterThan(0);
      expect(place.top).toBeGreaterThanOrEqual(place.toolbar);
      expect(place.bottom).toBeLessThanOrEqual(place.height);

      // Speed and voice apply to the next sentence and are remembered.
      await popup.selectOption('#aloud-rate', '1.5');
      await popup.selectOption('#aloud-voice', 'e2e-zh-tw');
      await pollUntil(popup, () => {
        const log = (window as unknown as { __speech: { log: { event: string; voice?: string; rate?: number }[] } }).__speech.log;
        const last = log.filter((s) => s.event === 'speak').pop();
        return last?.rate === 1.5 && last.voice === 'E2E 國語';
      }, null, 10_000, 'utterance at 1.5× in the chosen voice');
      // N stops: the bar goes, the highlight goes, the engine is silenced.
      await popup.keyboard.press('n');
      await pollUntil(popup, () => document.getElementById('aloud-bar')!.hidden, null, 5_000, 'bar hidden');
      expect(await highlighted(popup)).toBeNull();
      expect((await spoken(popup)).pop()?.event).toBe('cancel');
      await close(popup);

      const again = await openSpeaking(long, 'zh');
      await again.click('#aloud');
      await waitForUtterances(again, 1);
      expect((await utterances(again))[0]).toMatchObject({ voice: 'E2E 國語', rate: 1.5 });
      expect(await again.inputValue('#aloud-voice')).toBe('e2e-zh-tw');
      await again.click('#aloud');
      await close(again);
    });

    for (const voices of ['en', 'none']) {
      it(`read aloud with ${voices === 'en' ? 'only an English voice' : 'no voice at all'}: the control says so, nothing is spoken`, async () => {
        const popup = await openSpeaking(showcase, voices);
        await popup.click('#aloud');
        await pollUntil(popup, () => (document.getElementById('aloud-status')?.textContent ?? '') !== '', null, 10_000, 'no-voice message');
        // The en catalogue (the browsers' UI is English), naming the language in English.
        expect(await popup.textContent('#aloud-status')).toBe(msg('aloudNoVoice', 'Chinese'));
        expect(await popup.isVisible('#aloud-status')).toBe(true);
        for (const id of ['#aloud-prev', '#aloud-pause', '#aloud-next', '#aloud-voice']) expect(await popup.isVisible(id), id).toBe(false);
        expect(await utterances(popup)).toEqual([]);
        expect((await readContrast(popup, ['#aloud-status'])).map((r) => r.ratio >= 4.5)).toEqual([true]);
        if (voices === 'none') await docScreenshot(popup, h.browser, 'reader-aloud-no-voice');
        await close(popup);
      });
    }

    it('highlights: made with H or the button, kept after closing, removable, exported as ==text==', async () => {
      const popup = await open(showcase);
      const first = await selectInParagraph(popup, 0, 2, 14);
      await pollUntil(popup, () => !(document.getElementById('highlight') as HTMLButtonElement).disabled, null, 5_000, 'button enabled by the selection');
      await popup.keyboard.press('h');
      await pollUntil(popup, () => document.querySelectorAll('#content mark').length > 0, null, 5_000, 'first mark');
      const second = await selectInParagraph(popup, 1, 0, 9);
      expect(await popup.textContent('#highlight')).toBe(msg('highlightAdd'));
      await popup.click('#highlight');
      expect(await marks(popup)).toEqual([first, second]);
      await close(popup);

      const reopened = await open(showcase);
      await pollUntil(reopened, () => document.querySelectorAll('#content mark').length === 2, null, 5_000, 'marks restored');
      expect(await marks(reopened)).toEqual([first, second]);
      const { text } = await h.session.saveMarkdown(reopened);
      const body = splitFrontMatter(text).body;
      // Spaces at a highlight's edges stay outside the marks (Markdown would not see "==a ==").
      expect(body).toContain(`==${first.trim()}==`);
      expect(body).toContain(`==${second.trim()}==`);
      expect(parseYaml(splitFrontMatter(text).yaml ?? ''), 'no list unless asked').not.toHaveProperty('highlights');

      // The option: a highlights list in the front matter too (the copied Markdown shows it).
      await reopened.evaluate((a) => (new Function(`return ${a}`)() as Api).storage.sync.set({ highlightsInFrontMatter: true }), api);
      await reopened.evaluate(() => {
        const w = window as unknown as { __copied?: string };
        navigator.clipboard.writeText = async (t: string) => void (w.__copied = t);
      });
      await new Promise((r) => setTimeout(r, 300)); // storage.onChanged reaches the reader
      await reopened.click('#copy-md');
      await pollUntil(reopened, () => typeof (window as unknown as { __copied?: string }).__copied === 'string', null, 10_000, 'copied');
      const copied = await reopened.evaluate(() => (window as unknown as { __copied: string }).__copied);
      expect(splitFrontMatter(copied).body).toContain(`==${first.trim()}==`);
      expect((parseYaml(splitFrontMatter(copied).yaml ?? '') as { highlights?: string[] }).highlights).toEqual([first.trim(), second.trim()]);
      await reopened.evaluate((a) => (new Function(`return ${a}`)() as Api).storage.sync.set({ highlightsInFrontMatter: false }), api);

      // A selection on a highlight removes it (the button says so), for good.
      await reopened.evaluate(() => {
        const range = document.createRange();
        range.selectNodeContents(document.querySelector('#content mark')!);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
      });
      await pollUntil(reopened, (t) => document.getElementById('highlight')!.textContent === t, msg('highlightRemove'), 5_000, 'button offers removal');
      expect(await reopened.getAttribute('#highlight', 'aria-pressed')).toBe('true');
      await reopened.click('#highlight');
      expect(await marks(reopened)).toEqual([second]);
      await close(reopened);
      const last = await open(showcase);
      await pollUntil(last, () => document.querySelectorAll('#content mark').length === 1, null, 5_000, 'one mark restored');
      expect(await marks(last)).toEqual([second]);
      const stored = Object.entries(await storedLocal(last)).filter(([k]) => k.startsWith('reading:'));
      expect(stored.map(([, v]) => (v as { highlights: { text: string }[] }).highlights.map((x) => x.text))).toEqual([[second]]);
      await close(last);
    });

    it('reading position: the reader opens where it was left', async () => {
      const popup = await open(long);
      const target = 12;
      await popup.evaluate((i) => document.querySelectorAll('#content :is(p, h2, h3, h4, li, figure, blockquote, tr)')[i].scrollIntoView({ block: 'start' }), target);
      const deadline = Date.now() + 10_000;
      let block = 0;
      while (Date.now() < deadline && block < target - 1) {
        const all = await storedLocal(popup);
        block = Object.entries(all).filter(([k]) => k.startsWith('reading:')).map(([, v]) => (v as { block: number }).block).reduce((a, b) => Math.max(a, b), 0);
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(block, 'stored position').toBeGreaterThanOrEqual(target - 1);
      await close(popup);

      const again = await open(long);
      await pollUntil(again, () => scrollY > 0, null, 5_000, 'scrolled on opening');
      const at = await again.evaluate((i) => {
        const r = document.querySelectorAll('#content :is(p, h2, h3, h4, li, figure, blockquote, tr)')[i].getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, toolbar: document.getElementById('toolbar')!.getBoundingClientRect().bottom, height: innerHeight };
      }, block);
      expect(at.bottom, 'the block left off at is in view').toBeGreaterThan(at.toolbar);
      expect(at.top).toBeLessThan(at.height);
      await close(again);
    });

    it('new controls: names, visible focus rings, and AA contrast in every theme', async () => {
      const failures: string[] = [];
      for (const theme of ['light', 'sepia', 'dark']) {
        const popup = await openSpeaking(long, 'zh', { theme });
        await popup.evaluate(() => scrollTo(0, 0)); // the position test left this article further down
        // The highlight made in the first theme is restored in the next ones.
        if (theme === 'light') {
          await selectInParagraph(popup, 1, 5, 14);
          await popup.click('#highlight');
        }
        await pollUntil(popup, () => document.querySelectorAll('#content mark').length === 1, null, 5_000, 'one mark');
        await popup.keyboard.press('n');
        await waitForUtterances(popup, 1);
        // The README's picture: the bar, the sentence being read and a highlight.
        if (theme === 'light') await docScreenshot(popup, h.browser, 'reader-aloud');
        // A selection enables the Highlight button, to be measured and reached too.
        await selectInParagraph(popup, 2, 0, 4);
        await pollUntil(popup, () => !(document.getElementById('highlight') as HTMLButtonElement).disabled, null, 5_000, 'highlight enabled');
        const readings = await readContrast(popup, ['#aloud', '#highlight', '#aloud-bar button', '#aloud-bar select', '#content mark']);
        expect(readings.length, `${theme}: controls measured`).toBeGreaterThanOrEqual(8);
        for (const r of readings) if (r.ratio < 4.5) failures.push(`${theme} ${r.what}: ${r.fg} on ${r.bg} = ${r.ratio}`);
        if (theme === 'light') {
          // Tab goes on from the last focused element: start the walk from the toolbar's first button.
          await popup.focus('#save-md');
          const reached = (await walkWithTab(popup, 60)).filter((s) => /#(aloud|highlight)/.test(s.what));
          expect(reached.map((s) => s.what), 'the read-aloud controls are reached with Tab').toEqual(
            ['button#aloud', 'button#highlight', 'button#aloud-prev', 'button#aloud-pause', 'button#aloud-next', 'select#aloud-rate', 'select#aloud-voice'],
          );
          expect(reached.filter((s) => !s.name).map((s) => s.what), 'named').toEqual([]);
          expect(reached.filter((s) => !hasFocusRing(s) || !s.focusVisible).map((s) => s.what), 'focus ring').toEqual([]);
        }
        await popup.click('#aloud');
        await close(popup);
      }
      expect(failures).toEqual([]);
    });
  });
}
