// The batch part of npm run bench (issue 14, part 4): the built command line converts ≥ 500 saved
// pages (every fixture and test/extra-pages page, copied until there are enough) with --jobs 1 and
// --jobs 2, each run in a fresh process; pages/s from the wall clock, CPU seconds and peak memory
// from the process itself (SINA_READER_STATS, src/cli/main.ts). Reports, never asserts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';

const MIN_PAGES = 500;

/** Copies of every saved page into a temporary folder until there are at least MIN_PAGES. */
function makeBatch(root, dir) {
  const pages = ['test/fixtures', 'test/extra-pages']
    .flatMap((d) => fs.readdirSync(path.join(root, d)).map((s) => path.join(root, d, s, 'page.html')))
    .filter((f) => fs.existsSync(f))
    .sort();
  const files = [];
  for (let copy = 0; files.length < MIN_PAGES; copy++) {
    for (const page of pages) {
      const file = path.join(dir, `${path.basename(path.dirname(page))}-${copy}.html`);
      fs.copyFileSync(page, file);
      files.push(file);
    }
  }
  return { distinct: pages.length, files, bytes: files.reduce((n, f) => n + fs.statSync(f).size, 0) };
}

function runCli(bin, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

export async function measureBatch(root, { jobsList = [1, 2] } = {}) {
  const bin = path.join(root, 'dist/cli/sina-reader.mjs');
  if (!fs.existsSync(bin)) return null;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sina-batch-'));
  try {
    fs.mkdirSync(path.join(work, 'in'));
    const batch = makeBatch(root, path.join(work, 'in'));
    const list = path.join(work, 'list.txt');
    fs.writeFileSync(list, batch.files.join('\n'));
    const runs = [];
    for (const jobs of jobsList) {
      const out = path.join(work, `out-${jobs}`);
      const statsFile = path.join(work, `stats-${jobs}.json`);
      const load = os.loadavg()[0];
      const t0 = performance.now();
      const r = await runCli(bin, ['export', '--from', list, '--out', out, '--jobs', String(jobs)], { SINA_READER_STATS: statsFile });
      const seconds = (performance.now() - t0) / 1000;
      const written = fs.readdirSync(out).filter((f) => f.endsWith('.md')).length;
      if (r.code !== 0 || written !== batch.files.length) throw new Error(`batch --jobs ${jobs}: exit ${r.code}, ${written} of ${batch.files.length} written\n${r.stderr.slice(-2000)}`);
      const stats = JSON.parse(fs.readFileSync(statsFile, 'utf8'));
      runs.push({ jobs, seconds, pagesPerSecond: written / seconds, cpuSeconds: stats.cpuSeconds, maxRssMb: stats.maxRssKb / 1024, workers: stats.workers, loadBefore: load, loadAfter: os.loadavg()[0] });
      process.stderr.write(`batch --jobs ${jobs}: ${(written / seconds).toFixed(2)} pages/s, peak RSS ${(stats.maxRssKb / 1024).toFixed(0)} MB\n`);
      fs.rmSync(out, { recursive: true, force: true });
    }
    return { pages: batch.files.length, distinct: batch.distinct, mb: batch.bytes / 1048576, runs };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The section of BENCHMARKS.md. */
export function batchSection(result) {
  const lines = ['## Batch (command line, `sina-reader export --from LIST --out DIR --jobs N`)', ''];
  if (!result) return [...lines, 'Not built: run `npm run build` first.'].join('\n');
  const [one, two] = result.runs;
  const mb = (x) => x.toFixed(0);
  lines.push(`${result.pages} saved pages (${result.distinct} distinct pages — every fixture and test/extra-pages page — copied until there were at least 500; ${result.mb.toFixed(0)} MB), converted to Markdown files, each setting in a fresh process on ${os.cpus().length} cores. Pages/s from the wall clock; CPU seconds are the whole process's (main thread, workers, GC threads); peak RSS is the process's (main thread and all workers); each worker's heap is V8's own total for its isolate, at its largest.`);
  lines.push('');
  lines.push('| --jobs | seconds | pages/s | CPU seconds | CPU ms per page | peak RSS (process) | peak RSS per worker (process ÷ jobs) | each worker\'s heap at its largest | load average before → after |');
  lines.push('|---:|---:|---:|---:|---:|---:|---:|---|---|');
  for (const r of result.runs) {
    lines.push(`| ${r.jobs} | ${r.seconds.toFixed(1)} | ${r.pagesPerSecond.toFixed(2)} | ${r.cpuSeconds.toFixed(1)} | ${((r.cpuSeconds * 1000) / result.pages).toFixed(0)} | ${mb(r.maxRssMb)} MB | ${mb(r.maxRssMb / r.jobs)} MB | ${r.workers.map((w) => `${mb(w.peakHeapBytes / 1048576)} MB (${w.pages} pages)`).join(', ')} | ${r.loadBefore.toFixed(1)} → ${r.loadAfter.toFixed(1)} |`);
  }
  if (one && two) {
    lines.push('');
    lines.push(`pages/s with --jobs 2 ÷ pages/s with --jobs 1: **${(two.pagesPerSecond / one.pagesPerSecond).toFixed(2)}×** (target ≥ 1.7×). Peak RSS per worker: **${mb(one.maxRssMb)} MB** with one worker, **${mb(two.maxRssMb / 2)} MB** each with two (target ≤ 400 MB). The load average says how busy the machine was with other work: on a shared machine the wall-clock ratio moves with it.`);
  }
  return lines.join('\n');
}

/** Puts the section into an existing BENCHMARKS.md in place of the old one (npm run bench -- --batch-only). */
export function spliceSection(markdown, section) {
  const start = markdown.indexOf('\n## Batch (command line');
  if (start < 0) return `${markdown.trimEnd()}\n\n${section}\n`;
  const next = markdown.indexOf('\n## ', start + 1);
  return `${markdown.slice(0, start)}\n${section}\n${next < 0 ? '' : markdown.slice(next)}`;
}
