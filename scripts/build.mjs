#!/usr/bin/env node
// Builds the extension for Chrome and Firefox (release: dist/chrome, dist/firefox; tests:
// dist/e2e/chrome, dist/e2e/firefox with __E2E__ on) and the command line (dist/cli), then checks
// the bundle budgets of issue 5. Usage: node scripts/build.mjs [--no-cli]
import { build } from 'esbuild';
import { chmod, cp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromeManifest, firefoxManifest } from './manifests.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const at = (...p) => path.join(root, ...p);

const ENTRIES = {
  content: 'src/content/index.ts',
  background: 'src/background/index.ts',
  boot: 'src/popup/boot.ts',
  popup: 'src/popup/index.ts',
  options: 'src/options/index.ts',
};
/** Minified size limits in bytes (issue 5): the heavy libraries belong in the popup only. */
const BUDGETS = { content: 20 * 1024, boot: 4 * 1024, popup: 200 * 1024 };
const STATIC = [
  ['_locales', '_locales'],
  ['icons', 'icons'],
  ['src/popup/popup.html', 'popup.html'],
  ['src/popup/popup.css', 'popup.css'],
  ['src/options/options.html', 'options.html'],
  ['src/options/options.css', 'options.css'],
  ['src/ui/theme.css', 'theme.css'],
];

async function bundle(e2e, version) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, at(file)])),
    outdir: 'out', // not written: write is false
    write: false,
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome120', 'firefox128'],
    define: { __E2E__: e2e ? 'true' : 'false', __VERSION__: JSON.stringify(version) },
    legalComments: 'none',
    charset: 'utf8',
    metafile: true,
    logLevel: 'warning',
  });
  const files = new Map();
  for (const file of result.outputFiles) files.set(path.basename(file.path), file.contents);
  return files;
}

async function writeBrowser(dir, manifest, files) {
  await mkdir(dir, { recursive: true });
  for (const [name, contents] of files) await writeFile(path.join(dir, name), contents);
  for (const [from, to] of STATIC) {
    if (existsSync(at(from))) await cp(at(from), path.join(dir, to), { recursive: true });
    else console.warn(`build: ${from} is missing (run node scripts/icons.mjs for icons)`);
  }
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
}

async function buildCli(version) {
  const entry = at('src/cli/main.ts');
  if (!existsSync(entry)) {
    console.warn('build: src/cli/main.ts does not exist yet; skipping the command line');
    return null;
  }
  const outfile = path.join(dist, 'cli', 'sina-reader.mjs');
  await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    banner: { js: '#!/usr/bin/env node' },
    define: { __E2E__: 'false', __VERSION__: JSON.stringify(version) },
    logLevel: 'warning',
  });
  await chmod(outfile, 0o755);
  return outfile;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

async function main() {
  const started = performance.now();
  const base = JSON.parse(await readFile(at('manifest.json'), 'utf8'));
  const pkg = JSON.parse(await readFile(at('package.json'), 'utf8'));
  base.version = pkg.version;

  await rm(dist, { recursive: true, force: true });
  const [release, e2e, cli] = await Promise.all([bundle(false, pkg.version), bundle(true, pkg.version), buildCli(pkg.version)]);
  await Promise.all([
    writeBrowser(path.join(dist, 'chrome'), chromeManifest(base), release),
    writeBrowser(path.join(dist, 'firefox'), firefoxManifest(base), release),
    writeBrowser(path.join(dist, 'e2e', 'chrome'), chromeManifest(base), e2e),
    writeBrowser(path.join(dist, 'e2e', 'firefox'), firefoxManifest(base), e2e),
  ]);

  const failures = [];
  console.log('bundle          minified   budget');
  for (const name of Object.keys(ENTRIES)) {
    const size = release.get(`${name}.js`).length;
    const budget = BUDGETS[name];
    const over = budget !== undefined && size > budget;
    if (over) failures.push(`${name}.js is ${kb(size)}, over its ${kb(budget)} budget`);
    console.log(`${`${name}.js`.padEnd(16)}${kb(size).padStart(9)}   ${budget ? kb(budget) : '-'}${over ? '  OVER' : ''}`);
  }
  if (cli) console.log(`${'cli (node)'.padEnd(16)}${kb((await stat(cli)).size).padStart(9)}   -  ${path.relative(root, cli)}`);
  if (e2e.get('content.js').length === release.get('content.js').length) {
    failures.push('the e2e build is identical to the release build: is __E2E__ still used?');
  }
  console.log(`built dist/chrome, dist/firefox, dist/e2e/{chrome,firefox} in ${Math.round(performance.now() - started)} ms`);
  if (failures.length) {
    for (const f of failures) console.error(`build: ${f}`);
    process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(err.message ?? err);
  process.exitCode = 1;
});
