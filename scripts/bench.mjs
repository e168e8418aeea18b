#!/usr/bin/env node
// npm run bench: our whole pipeline against Readability alone and Readability + turndown (what
// MarkDownload does), each beside the page's own DOM parse time, on every fixture page, in one run
// with warm-up and medians; then growth on generated pages of 1,000 to 20,000 paragraphs; then the
// bundle sizes, the command line's batch throughput and memory (scripts/bench-batch.mjs) and, when
// the browser tests have left them, the in-browser timings. Writes BENCHMARKS.md;
// `npm run bench -- --batch-only` measures only the batch and replaces its section. Prints ratios, never asserts on time (machines here are noisy).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { PerformanceObserver } from 'node:perf_hooks';
import { CLI_NODE_FLAGS } from './node-flags.mjs';
import { batchSection, measureBatch, spliceSection } from './bench-batch.mjs';
import * as esbuild from 'esbuild';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import TurndownService from 'turndown';
import { gfm } from '@joplin/turndown-plugin-gfm';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 15;
const WARMUP = 3;
const quick = args.includes('--quick');

if (args.includes('--batch-only')) {
  const file = path.join(root, 'BENCHMARKS.md');
  const section = batchSection(await measureBatch(root));
  fs.writeFileSync(file, spliceSection(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n', section));
  process.stdout.write(`${section}\n`);
  process.exit(0);
}

// The core is TypeScript: bundle it once for Node (a growth child reuses the parent's bundle).
const child = args.includes('--growth-child');
const outDir = child ? process.env.BENCH_CORE_DIR : fs.mkdtempSync(path.join(os.tmpdir(), 'sina-bench-'));
if (!child) {
  await esbuild.build({
    stdin: {
      contents: `export { extractArticle } from './src/core/extract-article';\nexport { toMarkdown } from './src/core/markdown';\nexport { decodeHtml } from './src/core/encoding';\nexport { detect } from './src/core/detect';\nexport { cleanPage } from './src/core/inpage';`,
      resolveDir: root,
      loader: 'ts',
    },
    outfile: path.join(outDir, 'core.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    define: { __E2E__: 'false', __VERSION__: '"bench"' },
    logLevel: 'warning',
  });
  // Resolve packages from the project, not from the temporary folder.
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(outDir, 'node_modules'), 'dir');
}
const core = await import(pathToFileURL(path.join(outDir, 'core.mjs')).href);

// One window for DOMPurify, as the command line keeps one for a whole batch.
const purifyWindow = new JSDOM('').window;
const parse = (html, url) => new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
const now = () => performance.now();

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)], max: s[s.length - 1] };
}

/** Times fn(prepared) where prepare() runs untimed before each call. */
// jsdom frees a closed window only once the event loop turns: yield between runs.
const turn = () => new Promise((resolve) => setTimeout(resolve, 0));

// Garbage collections (start, duration), for the growth measure: V8 reports them after the fact.
const collections = [];
if (child) new PerformanceObserver((list) => collections.push(...list.getEntries().map((e) => [e.startTime, e.duration]))).observe({ entryTypes: ['gc'] });

/** Stats of the timed runs; `windows` receives each timed run's [start, end]. */
async function measure(prepare, fn, runs = RUNS, windows = []) {
  const times = [];
  for (let i = 0; i < WARMUP + runs; i++) {
    await turn();
    const input = prepare();
    const t0 = now();
    fn(input);
    const dt = now() - t0;
    // jsdom windows hold their whole page until closed.
    input?.window?.close();
    if (i >= WARMUP) {
      times.push(dt);
      windows.push([t0, t0 + dt]);
    }
  }
  return stats(times);
}

/** Per run, the time spent outside garbage collection (what our code itself costs). */
async function withoutGc(windows) {
  await turn(); // the observer's last entries
  return stats(windows.map(([a, b]) => b - a - collections.filter(([s]) => s >= a && s < b).reduce((t, [, d]) => t + d, 0)));
}

if (child) {
  process.stdout.write(JSON.stringify(await measureGrowth()));
  process.exit(0);
}

const turndown = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced' });
turndown.use(gfm);

const fixturesDir = path.join(root, 'test', 'fixtures');
const pages = fs
  .readdirSync(fixturesDir)
  .filter((s) => fs.existsSync(path.join(fixturesDir, s, 'truth.json')))
  .sort()
  .map((slug) => {
    const truth = JSON.parse(fs.readFileSync(path.join(fixturesDir, slug, 'truth.json'), 'utf8'));
    const html = core.decodeHtml(fs.readFileSync(path.join(fixturesDir, slug, 'page.html'))).text;
    return { slug, url: truth.url, html };
  });

const rows = [];
for (const p of quick ? pages.slice(0, 3) : pages) {
  const fresh = () => parse(p.html, p.url);
  const parseT = await measure(() => null, () => fresh().window.close());
  const ours = await measure(fresh, (dom) => {
    const r = core.extractArticle(dom.window.document, p.url, { window: purifyWindow });
    if (r.ok) core.toMarkdown(r.article, { preset: 'hexo' });
  });
  const readability = await measure(fresh, (dom) => new Readability(dom.window.document).parse());
  const readTurndown = await measure(fresh, (dom) => {
    const a = new Readability(dom.window.document).parse();
    if (a?.content) turndown.turndown(a.content);
  });
  process.stderr.write(`${p.slug}: ours ${ours.median.toFixed(2)} ms, Readability ${readability.median.toFixed(2)} ms\n`);
  rows.push({ slug: p.slug, kb: Math.round(p.html.length / 1024), parseT, ours, readability, readTurndown });
}

// Growth: a Sina-shaped page with N paragraphs (3 MB at 20,000). Measured in a fresh node per heap
// setting (the heap the fixture runs left behind is not measured): node's defaults, and the flags
// the command line runs with (scripts/node-flags.mjs).
function bigPage(n) {
  const para = (i) => `<p>　　第${i}段：新浪财经讯 市场监管总局表示将出台相关措施，鼓励参与区域和国际标准化活动，助推RCEP生效落地，这是第${i}段正文。</p>`;
  const body = Array.from({ length: n }, (_, i) => para(i + 1)).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>大文章_新浪财经_新浪网</title></head><body>
<h1 class="main-title">两万段的大文章</h1><div class="date-source"><span class="date">2021年09月02日 19:30</span><a class="source">新浪财经</a></div>
<div class="article" id="artibody">${body}<p class="article-editor">责任编辑：王珊珊</p></div></body></html>`;
}
async function measureGrowth() {
  const growth = [];
  const bigUrl = 'https://finance.sina.com.cn/china/gncj/2021-09-02/doc-ibigpage0000001.shtml';
  for (const n of quick ? [1000, 5000] : [1000, 5000, 10000, 20000]) {
    const html = bigPage(n);
    const fresh = () => parse(html, bigUrl);
    const runs = n >= 10000 ? 5 : 9;
    const parseT = await measure(() => null, () => fresh().window.close(), runs);
    const windows = [];
    const ours = await measure(fresh, (dom) => {
      const r = core.extractArticle(dom.window.document, bigUrl, { window: purifyWindow });
      if (!r.ok) throw new Error(`big page ${n}: ${r.error}`);
      core.toMarkdown(r.article, { preset: 'hexo' });
    }, runs, windows);
    growth.push({ n, mb: (Buffer.byteLength(html) / 1048576).toFixed(2), parseT, ours, oursNoGc: await withoutGc(windows) });
  }
  return growth;
}
function growthIn(flags) {
  const run = spawnSync(process.execPath, [...flags, fileURLToPath(import.meta.url), '--growth-child', ...(quick ? ['--quick'] : [])], {
    env: { ...process.env, BENCH_CORE_DIR: outDir },
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (run.status !== 0) throw new Error(`growth child (${flags.join(' ') || 'defaults'}) failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}
const growthRuns = [
  { label: 'node defaults', flags: [] },
  { label: `as the command line runs (${CLI_NODE_FLAGS.join(' ')})`, flags: CLI_NODE_FLAGS },
].map((g) => ({ ...g, growth: growthIn(g.flags) }));

// The batch runs the built command line in fresh processes, after the measures above.
const batch = quick ? null : await measureBatch(root);

// Bundles (the build checks the budgets and writes dist/sizes.json; here they are reported).
const sizesFile = path.join(root, 'dist', 'sizes.json');
const built = fs.existsSync(sizesFile) ? JSON.parse(fs.readFileSync(sizesFile, 'utf8')) : null;
const cliFile = path.join(root, 'dist', 'cli', 'sina-reader.mjs');

// Written by the e2e suite (test/e2e/support/perf.ts), one file per browser.
const browserPerf = ['chromium', 'firefox']
  .map((b) => path.join(root, 'test-output', 'perf', `${b}.json`))
  .filter((f) => fs.existsSync(f))
  .map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
const BROWSER_TARGETS = {
  // Issue 16 retired the 2 ms new-tab target (Chromium's cold isolated world); the warm pass stays ≤ 1 ms.
  'content-detect+clean-ms': 'no worse than before',
  'content-warm-pass-ms': '≤ 1 ms (median)',
  'content-sweep-ms': '< 1 ms per batch',
  'popup-rendered-ms': '≤ 100 ms',
  'heap-growth-per-promo-bytes': 'flat',
  'dom-nodes-left-after-drop': '0',
};

// ---- report
const ms = (x) => x.toFixed(2);
const trio = (s) => `${ms(s.min)} / ${ms(s.median)} / ${ms(s.max)}`;
const ratio = (a, b) => (a / b).toFixed(2);
const lines = [];
const out = (s = '') => lines.push(s);
out('# Benchmarks');
out();
out(`Regenerated by \`npm run bench\` on ${new Date().toISOString().slice(0, 16)}Z — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}.`);
out(`Each cell: min / median / max milliseconds over ${RUNS} runs after ${WARMUP} warm-up runs; ratios use medians.`);
out('"ours" = detect + clean + extract + metadata + sanitize + Markdown. "parse" = jsdom building the page DOM.');
out();
out('## Fixture pages');
out();
out('| page | KB | parse | ours | Readability | Readability + turndown | ours/Readability | ours/(R+T) | ours/parse |');
out('|---|---:|---|---|---|---|---:|---:|---:|');
for (const r of rows) {
  out(`| ${r.slug} | ${r.kb} | ${trio(r.parseT)} | ${trio(r.ours)} | ${trio(r.readability)} | ${trio(r.readTurndown)} | ${ratio(r.ours.median, r.readability.median)} | ${ratio(r.ours.median, r.readTurndown.median)} | ${ratio(r.ours.median, r.parseT.median)} |`);
}
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summary = {
  oursVsReadability: med(rows.map((r) => r.ours.median / r.readability.median)),
  oursVsReadTurndown: med(rows.map((r) => r.ours.median / r.readTurndown.median)),
  oursVsParse: med(rows.map((r) => r.ours.median / r.parseT.median)),
  worstVsReadability: Math.max(...rows.map((r) => r.ours.median / r.readability.median)),
};
out();
out(`Median over pages: ours/Readability **${summary.oursVsReadability.toFixed(2)}** (target ≤ 0.5; worst page ${summary.worstVsReadability.toFixed(2)}), ours/(Readability + turndown) **${summary.oursVsReadTurndown.toFixed(2)}** (target ≤ 0.3), ours/parse **${summary.oursVsParse.toFixed(2)}** (target ≤ 0.25).`);
out();
out('## Growth (generated Sina page, N paragraphs)');
out();
out('Each heap setting in a fresh node. Garbage collection of jsdom\'s large heaps lands at random');
out('points of a run: the minimum is the steadiest estimate, the median the typical one; ours/parse');
out('beside them (jsdom\'s own parse is the reference for what linear means on this machine). "Outside');
out('GC" takes from each run the collections V8 reported inside it (perf_hooks \'gc\' entries): what');
out('our own code costs per paragraph.');
for (const { label, growth } of growthRuns) {
  out();
  out(`### ${label}`);
  out();
  out('| N | MB | parse | ours | µs per paragraph (ours) | ours outside GC | µs per paragraph outside GC |');
  out('|---:|---:|---|---|---:|---|---:|');
  for (const g of growth) {
    const per = (x) => ((x * 1000) / g.n).toFixed(1);
    out(`| ${g.n} | ${g.mb} | ${trio(g.parseT)} | ${trio(g.ours)} | ${per(g.ours.median)} | ${trio(g.oursNoGc)} | ${per(g.oursNoGc.median)} |`);
  }
  const first = growth[0];
  const last = growth[growth.length - 1];
  const grow = (k, what = 'ours') => ((last[what][k] / last.n) / (first[what][k] / first.n)).toFixed(2);
  const vsParse = (g) => (g.ours.median / g.parseT.median).toFixed(2);
  out();
  out(`Time per paragraph from ${first.n} to ${last.n}: ×${grow('median')} on medians, ×${grow('min')} on minimums (flat = linear growth); outside garbage collection ×${grow('median', 'oursNoGc')} on medians, ×${grow('min', 'oursNoGc')} on minimums; ours/parse ${vsParse(first)} at ${first.n}, ${vsParse(last)} at ${last.n}.`);
}
out();
out(batch ? batchSection(batch) : '## Batch (command line)\n\nNot measured (`--quick`, or not built: run `npm run build` first).');
out();
out('## Bundles (minified)');
out();
if (built) {
  out('| bundle | KB at start | KB loaded later (chunks) | KB total | budget |');
  out('|---|---:|---:|---:|---:|');
  const kb = (n) => (n / 1024).toFixed(1);
  for (const [name, { initial, lazy }] of Object.entries(built.sizes)) {
    const budget = built.budgets[name];
    out(`| ${name}.js | ${kb(initial)} | ${lazy ? kb(lazy) : '–'} | ${kb(initial + lazy)} | ${budget ? `≤ ${kb(budget)}` : '–'} |`);
  }
  if (fs.existsSync(cliFile)) out(`| command line (node) | ${kb(fs.statSync(cliFile).size)} | – | – | – |`);
} else {
  out('Not built: run `npm run build` first.');
}
out();
out('## In the browser (from the e2e run)');
out();
if (browserPerf.length) {
  out('Performance marks and measures taken by the end-to-end tests in the real browsers with the built');
  out('extension (content script: `sina-reader:detect`, `sina-reader:clean`, `sina-reader:sweep`, the badge');
  out('count `sina-reader:count` made when the page is idle, `sina-reader:get-page` answering the popup;');
  out('popup: marks since navigation start, `reader:asked` when boot.js asks the tab, `reader:rendered` when');
  out('the article is on screen; `content-warm-pass-ms`: the cleaning pass run again on the same page after');
  out('undo, warm, beside the first pass of `content-clean-ms`). Recorded, never asserted.');
  out();
  out('`content-detect+clean-ms` and the `popup-*` marks pool the fixture tests (each fixture opened once, in a');
  out('new tab, its popup once) with the timing tests (test/e2e/specs/timings.ts: each fixture opened three');
  out('more times in a new tab, its popup twice more, nothing else running): every sample is a page in a new');
  out('tab, where the content script runs in a freshly created isolated world. `content-detect+clean-same-tab-ms`:');
  out('the fixtures read one after another in one tab, as a reader follows links.');
  out();
  out('| browser | measure | n | min | median | max | target |');
  out('|---|---|---:|---:|---:|---:|---|');
  for (const p of browserPerf) {
    for (const [name, m] of Object.entries(p.summary ?? {})) {
      if (m) out(`| ${p.browser} | ${name} | ${m.n} | ${ms(m.min)} | ${ms(m.median)} | ${ms(m.max)} | ${BROWSER_TARGETS[name] ?? ''} |`);
    }
  }
  out();
  // Issue 16: the frames the rules block, per fixture with frames (test/e2e/specs/frames.ts).
  const framed = browserPerf.flatMap((p) =>
    Object.entries(p.perPage ?? {})
      .filter(([, m]) => m['frames-blocked-cleaned'] !== undefined)
      .map(([page, m]) => ({ browser: p.browser, page, ...m })),
  );
  if (framed.length) {
    out('### Frames on the page (issue 16)');
    out();
    out('The test server counts the requests for each frame the fixture page names, with the page cleaned and');
    out('with cleaning off for its host (the page as without the extension); the load event is');
    out('`PerformanceNavigationTiming.loadEventStart`, ms after navigation start. Target: no blocked frame loaded.');
    out();
    out('| browser | page | frames the rules block | frames loaded, cleaned | frames loaded, cleaning off | load event, cleaned | load event, off |');
    out('|---|---|---:|---:|---:|---:|---:|');
    const cell = (x) => (x === undefined || x === null ? '–' : String(Math.round(x)));
    for (const f of framed) {
      out(`| ${f.browser} | ${f.page} | ${cell(f['frames-blocked-cleaned'])} | ${cell(f['frames-requested-cleaned'])} | ${cell(f['frames-requested-off'])} | ${cell(f['load-event-cleaned-ms'])} | ${cell(f['load-event-off-ms'])} |`);
    }
    out();
  }
  out(`Recorded ${browserPerf.map((p) => `${p.browser} ${p.date.slice(0, 16)}Z`).join(', ')} (test-output/perf/<browser>.json).`);
} else {
  out('Not recorded: run `npm test` with the browsers installed first (it writes test-output/perf/<browser>.json).');
}
const report = `${lines.join('\n')}\n`;
fs.writeFileSync(path.join(root, 'BENCHMARKS.md'), report);
process.stdout.write(report);
fs.rmSync(outDir, { recursive: true, force: true });
