// A missing browser, or one older than the tests can drive, skips the browser tests loudly on a
// workstation and fails them under CI=true, with one line that says why (issue 16).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, it } from 'vitest';
import { executables, type BrowserName } from './browsers';

/**
 * The oldest versions the browser tests run on. Firefox: playwright-core 1.64.1 drives it over
 * WebDriver BiDi, and ESR 140 lacks a command it sends (the run used to end on a protocol error);
 * ESR 153 is the first ESR verified here. Chromium: the extension's own build target (chrome120).
 */
export const MIN_VERSIONS: Record<BrowserName, number> = { chromium: 120, firefox: 153 };

/** The major version in `--version` output ("Chromium 156.0.8078.129 …", "Mozilla Firefox 153.8.0esr"). */
export function majorVersion(output: string): { major: number; full: string } | null {
  const m = /(?:Chromium|Chrome|Firefox)\D*?((\d+)\.[\d.]*\w*)/i.exec(output);
  return m ? { major: Number(m[2]), full: m[1] } : null;
}

/** Why the tests cannot run this browser, in one line; null when they can. */
export function browserProblem(name: BrowserName, versionOutput?: string): string | null {
  const exe = executables[name];
  if (versionOutput === undefined) {
    if (!fs.existsSync(exe)) return `${name} is not installed (${exe} missing)`;
    try {
      versionOutput = execFileSync(exe, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000 });
    } catch {
      return null; // the version cannot be read: let the launch say what is wrong
    }
  }
  const v = majorVersion(versionOutput);
  if (!v || v.major >= MIN_VERSIONS[name]) return null;
  return `${name} ${v.full} is older than the ${MIN_VERSIONS[name]} the browser tests need (${exe})`;
}

/** Returns true when the suite may run; otherwise registers the skip or the CI failure. */
export function requireBrowser(name: BrowserName): boolean {
  const problem = browserProblem(name);
  if (!problem) return true;
  const fix = 'apt-get install -y chromium firefox-esr fonts-wqy-microhei zip';
  const bar = '!'.repeat(78);
  if (process.env.CI === 'true') {
    describe(`extension in ${name}`, () => {
      it('has a browser the tests can drive (CI=true)', () => {
        throw new Error(`${problem}. CI must install it: ${fix}`);
      });
    });
  } else {
    console.warn(`\n${bar}\n!! SKIPPING THE ${name.toUpperCase()} END-TO-END TESTS: ${problem}.\n!! Install it with: ${fix}\n${bar}\n`);
    describe.skip(`extension in ${name} (SKIPPED: ${problem})`, () => {
      it('needs the browser', () => {});
    });
  }
  return false;
}
