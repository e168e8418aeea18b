// Launch Debian Chromium and Firefox ESR with the e2e build of the extension installed,
// every request going to the test server (recipes: ../shared/docs/BROWSER-TESTS.md).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, firefox, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { repoRoot } from './fixtures';
import { closeQuietly } from './pages';
import type { TestServer } from './server';
import { zipFolder } from './zip';

export type BrowserName = 'chromium' | 'firefox';

/** Debian's browsers; E2E_CHROMIUM / E2E_FIREFOX point elsewhere (or at nothing, to try the skip). */
export const executables: Record<BrowserName, string> = {
  chromium: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium',
  firefox: process.env.E2E_FIREFOX ?? '/usr/bin/firefox-esr',
};

export const geckoId = 'sina-reader@example.org';

/** The unpacked e2e builds (test hook compiled in). E2E_EXTENSION_ROOT overrides, for harness work. */
export function extensionDir(name: BrowserName): string {
  const root = process.env.E2E_EXTENSION_ROOT
    ? path.resolve(process.env.E2E_EXTENSION_ROOT)
    : path.join(repoRoot, 'dist/e2e');
  return path.join(root, name === 'chromium' ? 'chrome' : 'firefox');
}

export interface SavedFile {
  name: string;
  bytes: Buffer;
}

export interface Session {
  name: BrowserName;
  context: BrowserContext;
  downloadDir: string;
  /** Open the reader popup for the tab showing `page`, as a tab of its own (`params`: more query). */
  openPopup(page: Page, params?: Record<string, string>): Promise<Page>;
  /** Open the options page through the e2e hook of the Sina tab `page`. */
  openOptions(page: Page, params?: Record<string, string>): Promise<Page>;
  /** Click Save as Markdown in the popup; resolve to the file the browser wrote. */
  saveMarkdown(popup: Page): Promise<{ fileName: string; text: string }>;
  /** Run `act` (a click that saves); every new file once a .md is complete, named relative to downloadDir. */
  collectDownloads(act: () => Promise<void>): Promise<SavedFile[]>;
  /** Close a popup tab opened by openPopup. */
  closePopup(popup: Page | undefined): Promise<void>;
  close(): Promise<void>;
}

const viewport = { width: 1100, height: 900 };

export async function launch(name: BrowserName, server: TestServer): Promise<Session> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), `sina-e2e-${name}-`));
  const downloadDir = path.join(profile, 'downloads');
  fs.mkdirSync(downloadDir, { recursive: true });
  const ext = extensionDir(name);
  if (!fs.existsSync(path.join(ext, 'manifest.json'))) {
    throw new Error(`no extension build at ${ext}: run \`npm run build\` first`);
  }
  const session = name === 'chromium'
    ? await launchChromium(profile, downloadDir, ext, server)
    : await launchFirefox(profile, downloadDir, ext, server);
  // An action that cannot happen (a disabled button) fails in 20 s with Playwright's reason.
  session.context.setDefaultTimeout(20_000);
  const close = session.close;
  session.close = async () => {
    await close();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return session;
}

/** Open the popup (or options) through the e2e hook: the content script asks the background to open it. */
async function openPopupByHook(context: BrowserContext, page: Page, params: Record<string, string> = {}, type = 'open-popup'): Promise<Page> {
  for (let attempt = 1; ; attempt++) {
    const opened = context.waitForEvent('page', { timeout: 20_000 });
    await page.evaluate(([t, p]) => window.postMessage({ source: 'sina-reader-e2e', type: t, params: p }, '*'), [type, params] as const);
    // Over BiDi a moz-extension page reports "commit" but never "domcontentloaded": callers wait
    // for the popup's own #app[data-state]. The tab starts as about:blank, and an evaluate sent
    // before it commits to the popup's URL is lost with that first realm and never answers (seen
    // as a rare hang, twice in a row on a loaded CI machine). So: wait for the commit, check the
    // popup answers, else close that tab and open it again (up to four times), loudly.
    const popup = await opened;
    const committed = await waitFor(() => (popup.url().startsWith('about:') ? undefined : true), 10_000, 'x').catch(() => false);
    const answers =
      committed &&
      (await withDeadline(popup.evaluate(() => document.readyState), 5_000, 'no answer').then(
        () => true,
        () => false,
      ));
    if (answers || attempt === 4) return popup;
    console.warn(`[e2e] popup ${popup.url()} did not load or answer in time (attempt ${attempt}); opening it again`);
    // window.close() from the page (page.close() never returns on a moz-extension tab over BiDi);
    // a realm that never answers is closed from outside, bounded by closeQuietly's 5 s.
    const closed = await withDeadline(popup.evaluate(() => window.close()), 5_000, 'no answer').then(() => true, () => false);
    if (!closed) await closeQuietly(popup);
  }
}

async function launchChromium(profile: string, downloadDir: string, ext: string, server: TestServer): Promise<Session> {
  // Keep the extension's own file name for downloads.
  fs.mkdirSync(path.join(profile, 'Default'), { recursive: true });
  fs.writeFileSync(
    path.join(profile, 'Default/Preferences'),
    JSON.stringify({ download: { default_directory: downloadDir, prompt_for_download: false } }),
  );
  const p = server.port;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: executables.chromium,
    headless: true,
    viewport,
    acceptDownloads: true,
    ignoreHTTPSErrors: true,
    locale: 'zh-CN',
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      // Every host goes to the test server: nothing can reach the real network.
      `--host-resolver-rules=MAP * 127.0.0.1:${p}, EXCLUDE localhost`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // Playwright saves downloads under random names; the browser's own behaviour keeps the
  // extension's file names and folders, in default_directory (Preferences above).
  const cdp = await context.browser()?.newBrowserCDPSession();
  if (!cdp) throw new Error('no CDP session to the browser');
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
  const worker: Worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;

  type Tab = { id?: number; url?: string };
  const queryTabs = (query: object): Promise<Tab[]> =>
    (context.serviceWorkers()[0] ?? worker).evaluate(async (q: object) => {
      const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Tab[]> } } }).chrome;
      return (await api.tabs.query(q)).map((t) => ({ id: t.id, url: t.url }));
    }, query);

  // Sina tabs show their URL to the extension (host permission); any other tab is found as the
  // active one after bringing it to the front.
  const tabIdOf = async (page: Page): Promise<number | undefined> => {
    const byUrl = (await queryTabs({})).find((t) => t.url === page.url());
    if (byUrl?.id !== undefined) return byUrl.id;
    await page.bringToFront();
    const active = await queryTabs({ active: true, lastFocusedWindow: true });
    return active.length === 1 ? active[0].id : undefined;
  };

  return {
    name: 'chromium',
    context,
    downloadDir,
    async openPopup(page, params = {}) {
      const tabId = await tabIdOf(page);
      if (tabId === undefined) return openPopupByHook(context, page, params);
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html?${new URLSearchParams({ tabId: String(tabId), ...params })}`);
      return popup;
    },
    openOptions: (page, params = {}) => openPopupByHook(context, page, params, 'open-options'),
    ...folderDownloads(downloadDir),
    closePopup: (popup) => closeQuietly(popup),
    async close() {
      await context.close();
    },
  };
}

async function launchFirefox(profile: string, downloadDir: string, ext: string, server: TestServer): Promise<Session> {
  zipFolder(ext, path.join(profile, 'extensions', `${geckoId}.xpi`));
  const p = server.port;
  const context = await firefox.launchPersistentContext(profile, {
    channel: 'moz-firefox',
    executablePath: executables.firefox,
    headless: true,
    viewport,
    ignoreHTTPSErrors: true,
    acceptDownloads: true,
    firefoxUserPrefs: {
      'xpinstall.signatures.required': false,
      'extensions.autoDisableScopes': 0,
      'extensions.enabledScopes': 15,
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': p,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': p,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'network.dns.disablePrefetch': true,
      'browser.download.folderList': 2,
      'browser.download.dir': downloadDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.download.panel.shown': true,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'app.update.enabled': false,
      'intl.locale.requested': 'zh-CN',
      'intl.accept_languages': 'zh-CN, zh, en',
    },
  });
  return {
    name: 'firefox',
    context,
    downloadDir,
    openPopup: (page, params) => openPopupByHook(context, page, params),
    openOptions: (page, params) => openPopupByHook(context, page, params, 'open-options'),
    ...folderDownloads(downloadDir),
    // page.close() on a moz-extension tab never returns over BiDi: let the popup close itself.
    async closePopup(popup) {
      if (popup && !popup.isClosed()) await popup.evaluate(() => window.close()).catch(() => {});
    },
    async close() {
      await context.close();
    },
  };
}

/**
 * Downloads as the browser wrote them into the profile's download folder, under the names the
 * extension chose (folders included). Both browsers write a temporary file first (.crdownload,
 * .part) and rename it: a download is done when none is left and sizes hold still for one poll.
 */
function folderDownloads(downloadDir: string): Pick<Session, 'saveMarkdown' | 'collectDownloads'> {
  const collectDownloads = async (act: () => Promise<void>): Promise<SavedFile[]> => {
    const before = new Set(listFiles(downloadDir));
    await act();
    let last = '';
    const names = await waitFor(() => {
      const all = listFiles(downloadDir);
      const fresh = all.filter((f) => !before.has(f));
      if (!fresh.some((f) => f.endsWith('.md')) || all.some((f) => /\.(part|crdownload)$/.test(f))) return undefined;
      const sizes = fresh.map((f) => fs.statSync(path.join(downloadDir, f), { throwIfNoEntry: false })?.size ?? 0);
      const sig = fresh.map((f, i) => `${f}:${sizes[i]}`).join('|');
      const stable = sig === last && sizes.every((n) => n > 0);
      last = sig;
      return stable ? fresh : undefined;
    }, 20_000, `no complete .md file in ${downloadDir} within 20 s`);
    return names.map((name) => ({ name, bytes: fs.readFileSync(path.join(downloadDir, name)) }));
  };
  return {
    collectDownloads,
    async saveMarkdown(popup) {
      const files = await collectDownloads(() => popup.click('#save-md'));
      const md = files.find((f) => f.name.endsWith('.md'))!;
      return { fileName: md.name, text: md.bytes.toString('utf8') };
    },
  };
}

/** Every file below `dir`, as paths relative to it with forward slashes. */
function listFiles(dir: string): string[] {
  // A temporary file can be renamed between readdir and stat: it is simply not listed.
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(dir, f), { throwIfNoEntry: false })?.isFile())
    .map((f) => f.split(path.sep).join('/'));
}

/** Poll until `probe` returns a value (a deadline for a file to appear, not a timing assertion). */
async function waitFor<T>(probe: () => T | undefined, ms: number, message: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(message);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function withDeadline<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([p, deadline]).finally(() => clearTimeout(timer));
}
