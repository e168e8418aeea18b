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
import { CLI_NODE_FLAGS } from './node-flags.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const at = (...p) => path.join(root, ...p);

/** Classic scripts: the content script and boot.js cannot be modules; the worker and event page need not. */
const CLASSIC = {
  content: 'src/content/index.ts',
  background: 'src/background/index.ts',
  boot: 'src/popup/boot.ts',
};
/** Extension pages load ES modules, so their rarely used parts (the Markdown writer) can load later. */
const PAGES = {
  popup: 'src/popup/index.ts',
  options: 'src/options/index.ts',
  batch: 'src/batch/index.ts',
};
/** Minified size limits in bytes, of what loads when the context starts (issue 5). */
const BUDGETS = { content: 20 * 1024, boot: 4 * 1024, popup: 200 * 1024 };
const STATIC = [
  ['_locales', '_locales'],
  ['icons', 'icons'],
  ['src/popup/popup.html', 'popup.html'],
  ['src/popup/popup.css', 'popup.css'],
  ['src/options/options.html', 'options.html'],
  ['src/options/options.css', 'options.css'],
  ['src/batch/batch.html', 'batch.html'],
  ['src/batch/batch.css', 'batch.css'],
  ['src/ui/theme.css', 'theme.css'],
];

const OUT = path.join(root, 'out'); // esbuild's notional outdir: nothing is written there

async function esbuild(entries, e2e, version, module) {
  return build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, at(file)])),
    outdir: OUT,
    write: false,
    bundle: true,
    minify: true,
    format: module ? 'esm' : 'iife',
    splitting: module,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'browser',
    target: ['chrome120', 'firefox128'],
    define: { __E2E__: e2e ? 'true' : 'false', __VERSION__: JSON.stringify(version) },
    // Extension pages use the browser's promise API directly (src/platform/native-pages.ts).
    alias: module ? { 'webextension-polyfill': './src/platform/native-pages.ts' } : {},
    legalComments: 'none',
    charset: 'utf8',
    metafile: true,
    logLevel: 'warning',
  });
}

/**
 * content.css, the content script's stylesheet: the core's hiding rule (src/core/inpage.ts
 * HIDE_RULE, built from the noise selectors of src/sites/sina.ts), written from it once for both
 * builds (release and e2e).
 */
let contentCssOnce;
function contentCss() {
  contentCssOnce ??= writeContentCss();
  return contentCssOnce;
}
async function writeContentCss() {
  const out = await build({
    absWorkingDir: root,
    stdin: { contents: "export { HIDE_RULE } from './src/core/inpage';", resolveDir: root, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'warning',
  });
  const { HIDE_RULE } = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].contents).toString('base64')}`);
  return `/* Hides what the content script marked and what its marks name, while the page is cleaned. Written by scripts/build.mjs from src/core/inpage.ts HIDE_RULE. */\n${HIDE_RULE}\n`;
}

/** Every output file (path relative to the extension root → bytes), and each entry's sizes. */
async function bundle(e2e, version) {
  const results = await Promise.all([esbuild(CLASSIC, e2e, version, false), esbuild(PAGES, e2e, version, true)]);
  const files = new Map([['content.css', Buffer.from(await contentCss())]]);
  const sizes = {};
  const preloads = {};
  for (const result of results) {
    const bytes = new Map(result.outputFiles.map((f) => [path.relative(OUT, f.path), f.contents.length]));
    for (const f of result.outputFiles) files.set(path.relative(OUT, f.path), f.contents);
    const outputs = Object.fromEntries(Object.entries(result.metafile.outputs).map(([k, v]) => [path.relative(OUT, at(k)), v]));
    const reach = (start, kinds) => {
      const seen = new Set();
      const walk = (file) => {
        if (seen.has(file)) return;
        seen.add(file);
        for (const imp of outputs[file]?.imports ?? []) if (kinds.includes(imp.kind)) walk(path.relative(OUT, at(imp.path)));
      };
      walk(start);
      return seen;
    };
    for (const [file, out] of Object.entries(outputs)) {
      if (!out.entryPoint || file.startsWith('chunks/')) continue;
      const name = path.basename(file, '.js');
      const initial = reach(file, ['import-statement']);
      const all = reach(file, ['import-statement', 'dynamic-import']);
      const sum = (set) => [...set].reduce((n, f) => n + (bytes.get(f) ?? 0), 0);
      sizes[name] = { initial: sum(initial), lazy: sum(all) - sum(initial) };
      preloads[name] = [...initial].filter((f) => f !== file);
    }
  }
  return { files, sizes, preloads };
}

/**
 * A page's module imports its chunks only once it is parsed: modulepreload links let the browser
 * fetch them while it still reads the HTML.
 */
function withPreloads(html, name, chunks) {
  const links = chunks.map((c) => `<link rel="modulepreload" href="${c}">`).join('\n  ');
  return links ? html.replace(`<script src="${name}.js" type="module"></script>`, (tag) => `${tag}\n  ${links}`) : html;
}

async function writeBrowser(dir, manifest, { files, preloads }) {
  await mkdir(dir, { recursive: true });
  for (const [name, contents] of files) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), contents);
  }
  for (const [from, to] of STATIC) {
    if (existsSync(at(from))) await cp(at(from), path.join(dir, to), { recursive: true });
    else console.warn(`build: ${from} is missing (run node scripts/icons.mjs for icons)`);
  }
  for (const name of Object.keys(PAGES)) {
    const file = path.join(dir, `${name}.html`);
    await writeFile(file, withPreloads(await readFile(file, 'utf8'), name, preloads[name] ?? []));
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
    // env -S: the flags after node reach it (Linux, macOS; npm's Windows shims read them too).
    banner: { js: `#!/usr/bin/env -S node ${CLI_NODE_FLAGS.join(' ')}` },
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
  console.log('bundle          at start   budget    loaded later');
  // The budget covers everything the bundle can load, the chunks it imports later included.
  for (const [name, { initial, lazy }] of Object.entries(release.sizes)) {
    const budget = BUDGETS[name];
    const over = budget !== undefined && initial + lazy > budget;
    if (over) failures.push(`${name}.js and its chunks are ${kb(initial + lazy)}, over the ${kb(budget)} budget`);
    console.log(
      `${`${name}.js`.padEnd(16)}${kb(initial).padStart(9)}   ${(budget ? kb(budget) : '-').padEnd(8)}  ${lazy ? `+${kb(lazy)} (total ${kb(initial + lazy)})` : ''}${over ? '  OVER' : ''}`,
    );
  }
  // For the bench's size table: what each bundle loads at start and later.
  await writeFile(path.join(dist, 'sizes.json'), `${JSON.stringify({ budgets: BUDGETS, sizes: release.sizes }, null, 2)}\n`);
  if (cli) console.log(`${'cli (node)'.padEnd(16)}${kb((await stat(cli)).size).padStart(9)}   -         ${path.relative(root, cli)}`);
  // Page bundles are ES modules (they import chunks): a classic <script> would fail silently.
  for (const name of Object.keys(PAGES)) {
    const html = await readFile(at(`src/${name}/${name}.html`), 'utf8');
    if (!new RegExp(`<script src="${name}\\.js" type="module">`).test(html)) {
      failures.push(`src/${name}/${name}.html must load ${name}.js with <script type="module">`);
    }
  }
  if (Buffer.compare(e2e.files.get('content.js'), release.files.get('content.js')) === 0) {
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
