// A missing browser skips the browser tests loudly on a workstation and fails them under CI=true.
import fs from 'node:fs';
import { describe, it } from 'vitest';
import { executables, type BrowserName } from './browsers';

export function browserMissing(name: BrowserName): string | null {
  const exe = executables[name];
  return fs.existsSync(exe) ? null : `${name} is not installed (${exe} missing)`;
}

/** Returns true when the suite may run; otherwise registers the skip or the CI failure. */
export function requireBrowser(name: BrowserName): boolean {
  const missing = browserMissing(name);
  if (!missing) return true;
  const fix = 'apt-get install -y chromium firefox-esr fonts-wqy-microhei zip';
  const bar = '!'.repeat(78);
  if (process.env.CI === 'true') {
    describe(`extension in ${name}`, () => {
      it('has its browser installed (CI=true)', () => {
        throw new Error(`${missing}. CI must install it: ${fix}`);
      });
    });
  } else {
    console.warn(`\n${bar}\n!! SKIPPING THE ${name.toUpperCase()} END-TO-END TESTS: ${missing}.\n!! Install it with: ${fix}\n${bar}\n`);
    describe.skip(`extension in ${name} (SKIPPED: ${missing})`, () => {
      it('needs the browser', () => {});
    });
  }
  return false;
}
