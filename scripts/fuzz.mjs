#!/usr/bin/env node
// Fuzzes the core with mutated fixture pages (issue 4). Every case replays alone from its seed.
//   node scripts/fuzz.mjs --seed 1 --cases 3000 [--workers 2] [--timeout 30]
//   node scripts/fuzz.mjs --seed 1 --only 1234        replay one case, with its operations
// The cases live in test/hostile/fuzz-case.ts (shared with test/fuzz.test.ts); esbuild bundles it
// on the fly. Exit status: 0 when no case crashed, hung or broke an invariant, 1 otherwise.
import { build } from 'esbuild';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'node_modules/.cache/sina-fuzz/fuzz-case.mjs');

if (isMainThread) await main();
else await work();

function parseArgs(argv) {
  const opts = { seed: 1, cases: 3000, workers: Math.min(2, os.availableParallelism?.() ?? 2), timeout: 30, only: null };
  for (let i = 0; i < argv.length; i++) {
    const [key, value] = [argv[i], argv[i + 1]];
    if (key === '--help' || key === '-h') {
      console.log('usage: node scripts/fuzz.mjs [--seed N] [--cases N] [--workers N] [--timeout SECONDS] [--only INDEX]');
      process.exit(0);
    }
    const name = key.replace(/^--/, '');
    if (!(name in opts) || value === undefined || !/^\d+$/.test(value)) {
      console.error(`fuzz: bad option ${key} ${value ?? ''}`);
      process.exit(2);
    }
    opts[name] = Number(value);
    i++;
  }
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  process.env.TZ = 'Asia/Shanghai';
  process.chdir(root);
  await build({
    absWorkingDir: root,
    entryPoints: ['test/hostile/fuzz-case.ts'],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });

  if (opts.only !== null) {
    const { runCase, loadFixtures } = await import(pathToFileURL(bundle).href);
    const r = runCase(loadFixtures(), opts.seed, opts.only);
    console.log(JSON.stringify(r, null, 2));
    process.exit(r.crash || r.violations.length ? 1 : 0);
  }

  const started = Date.now();
  const outcomes = {};
  const failures = [];
  let done = 0;
  let next = 0;
  const take = () => (next < opts.cases ? next++ : null);

  const report = (r) => {
    done++;
    outcomes[r.outcome || 'crash'] = (outcomes[r.outcome || 'crash'] ?? 0) + 1;
    if (r.crash || r.violations.length) {
      failures.push(r);
      const what = r.crash ? `CRASH ${r.crash.split('\n')[0]}` : `VIOLATION ${r.violations[0]}${r.violations.length > 1 ? ` (+${r.violations.length - 1})` : ''}`;
      console.log(`FAIL seed=${opts.seed} case=${r.index} caseSeed=${r.caseSeed} fixture=${r.fixture} ops=[${r.ops.join(' ')}] ${what}`);
    }
    if (done % 500 === 0) console.log(`… ${done}/${opts.cases} cases, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  };

  // One worker per core; a case that runs past --timeout is reported as a hang and its worker replaced.
  const runWorker = () =>
    new Promise((resolve) => {
      let current = null;
      let timer = null;
      const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { bundle, seed: opts.seed } });
      const feed = () => {
        current = take();
        if (current === null) return worker.postMessage({ stop: true });
        clearTimeout(timer);
        timer = setTimeout(() => {
          report({ index: current, caseSeed: null, fixture: '?', ops: [], outcome: 'hang', crash: `hang: no answer after ${opts.timeout} s`, violations: [] });
          worker.terminate();
        }, opts.timeout * 1000);
        worker.postMessage({ index: current });
      };
      worker.on('message', (m) => {
        if (m.ready) return feed();
        clearTimeout(timer);
        report(m.report);
        // A retiring worker exits after this report (jsdom keeps parsed documents reachable, see work()).
        if (!m.retiring) feed();
      });
      worker.on('error', (e) => {
        clearTimeout(timer);
        if (current !== null) report({ index: current, caseSeed: null, fixture: '?', ops: [], outcome: '', crash: `worker: ${e.stack ?? e}`, violations: [] });
      });
      worker.on('exit', () => {
        clearTimeout(timer);
        resolve(next < opts.cases ? runWorker() : undefined);
      });
    });
  await Promise.all(Array.from({ length: Math.max(1, opts.workers) }, runWorker));

  const seconds = (Date.now() - started) / 1000;
  const crashes = failures.filter((f) => f.crash).length;
  console.log(
    `fuzz: seed ${opts.seed}, ${done} cases in ${seconds.toFixed(1)} s (${opts.workers} workers): ` +
      `${Object.entries(outcomes).map(([k, v]) => `${k} ${v}`).join(', ')}; ` +
      `${crashes} crashes or hangs, ${failures.length - crashes} invariant violations`,
  );
  if (failures.length) console.log(`replay one: node scripts/fuzz.mjs --seed ${opts.seed} --only ${failures[0].index}`);
  process.exit(failures.length ? 1 : 0);
}

async function work() {
  const { runCase, loadFixtures } = await import(pathToFileURL(workerData.bundle).href);
  const fixtures = loadFixtures();
  // Anything thrown outside a case's own try (timers, late promise rejections) counts as a crash too.
  let current = null;
  const escaped = (e) =>
    parentPort.postMessage({ report: { index: current, caseSeed: null, fixture: '?', ops: [], outcome: '', crash: `unhandled: ${e?.stack ?? e}`, violations: [] } });
  process.on('uncaughtException', escaped);
  process.on('unhandledRejection', escaped);
  // jsdom 29 keeps documents with id attributes reachable from the window that parsed them
  // (~7 MB per fixture page): a worker retires after a batch of cases to bound memory.
  let handled = 0;
  parentPort.on('message', (m) => {
    if (m.stop) return process.exit(0);
    current = m.index;
    const retiring = ++handled >= 100;
    parentPort.postMessage({ report: runCase(fixtures, workerData.seed, m.index), retiring });
    if (retiring) process.exit(0);
  });
  parentPort.postMessage({ ready: true });
}
