// What every spec file shares inside one browser's suite: the server, the browser session and the
// fixtures, set up once per browser by suite.ts.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { BrowserName, Session } from './browsers';
import { repoRoot, type Fixture } from './fixtures';
import type { TestServer } from './server';

export interface Harness {
  browser: BrowserName;
  fixtures: Fixture[];
  server: TestServer;
  session: Session;
}

export const outDir = path.join(repoRoot, 'test-output');
/** The fixture whose screenshots go into docs/screenshots (the seed article). */
export const showcase = 'finance-2021-rcep-standards';

/** A path under test-output/ (git-ignored by its own .gitignore), with its folder made. */
export function outPath(...parts: string[]): string {
  const p = path.join(outDir, ...parts);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  if (!fs.existsSync(path.join(outDir, '.gitignore'))) fs.writeFileSync(path.join(outDir, '.gitignore'), '*\n');
  return p;
}

/** Screenshot to test-output/screenshots/<browser>/; UPDATE_SCREENSHOTS=1 also refreshes the README's. */
export async function screenshot(page: Page, browser: BrowserName, name: string): Promise<void> {
  const file = outPath('screenshots', browser, `${name}.png`);
  await page.screenshot({ path: file });
  const m = /^(.*)-(page|popup)$/.exec(name);
  if (process.env.UPDATE_SCREENSHOTS === '1' && m && m[1] === showcase) {
    const doc = path.join(repoRoot, 'docs/screenshots', `${browser}-${m[2] === 'page' ? 'cleaned-page' : 'popup'}.png`);
    fs.mkdirSync(path.dirname(doc), { recursive: true });
    fs.copyFileSync(file, doc);
  }
}

/** Screenshot to test-output/screenshots/<browser>/; UPDATE_SCREENSHOTS=1 also writes docs/screenshots/<browser>-<name>.png. */
export async function docScreenshot(page: Page, browser: BrowserName, name: string, fullPage = false): Promise<void> {
  const file = outPath('screenshots', browser, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  const doc = path.join(repoRoot, 'docs/screenshots', `${browser}-${name}.png`);
  fs.mkdirSync(path.dirname(doc), { recursive: true });
  fs.copyFileSync(file, doc);
}
