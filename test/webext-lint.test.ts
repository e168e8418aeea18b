/**
 * `web-ext lint` on the Firefox build (issue 3 asks for 0 errors and 0 warnings). Our own code has
 * none; three innerHTML assignments inside bundled libraries remain (DOMPurify ×1 in popup.js or its shared chunk,
 * Readability ×2 in the generic reader's chunk; addons-linter's known-library list stops at
 * DOMPurify 2.3.5). This test fails on any error and on any warning beyond exactly those.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'dist', 'firefox');
const KNOWN = [
  // DOMPurify: in popup.js, or in the chunk the popup shares with the save-all-tabs page.
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^(popup\.js|chunks\/chunk-[\w-]+\.js)$/, max: 1 },
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^chunks\/generic-[\w-]+\.js$/, max: 2 }, // Readability
];

interface Message {
  code: string;
  message: string;
  file?: string;
}

describe('web-ext lint dist/firefox', () => {
  it('has no errors and no warnings beyond the known library ones', () => {
    const out = execFileSync(path.join(root, 'node_modules', '.bin', 'web-ext'), ['lint', '--source-dir', source, '--output', 'json', '--no-input'], {
      encoding: 'utf8',
    });
    const report = JSON.parse(out) as { errors: Message[]; warnings: Message[] };
    expect(report.errors.map((m) => `${m.code}: ${m.message} (${m.file})`)).toEqual([]);
    const known = KNOWN.map((k) => report.warnings.filter((m) => m.code === k.code && k.file.test(m.file ?? '')));
    const other = report.warnings.filter((m) => !known.flat().includes(m));
    expect(other.map((m) => `${m.code}: ${m.message} (${m.file})`)).toEqual([]);
    KNOWN.forEach((k, i) => expect(known[i].length, String(k.file)).toBeLessThanOrEqual(k.max));
  }, 60_000);
});
