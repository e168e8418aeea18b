// Global setup of the unit project: three of its tests read what the build writes (dist/cli, the
// content stylesheet, dist/firefox for web-ext lint). Building first (under a second) makes
// `npm run test:unit` pass on a fresh checkout, and never tests a stale dist (issue 16).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default function setup(): void {
  try {
    execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (err) {
    const stderr = (err as { stderr?: Buffer }).stderr?.toString() ?? String(err);
    throw new Error(`npm run build failed before the unit tests:\n${stderr}`);
  }
}
