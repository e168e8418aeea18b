/** sina-reader: Sina pages (saved or at their URL) in, clean Markdown or JSON out. Same core as the extension. */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import type { WorkerStats } from './pool';
import { run } from './run';
import { serveConversions } from './worker';

const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

// The one built file is both the command and, under --jobs, each worker thread.
if (!isMainThread) void serveConversions();
else {
  let workers: WorkerStats[] = [];
  run(process.argv.slice(2), { workerScript: fileURLToPath(import.meta.url), onWorkerStats: (s) => (workers = s) }).then(
    (code) => {
      // npm run bench reads how much memory the batch took (scripts/bench.mjs).
      const statsFile = process.env.SINA_READER_STATS;
      if (statsFile) fs.writeFileSync(statsFile, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, cpuSeconds: cpuSeconds(), workers }));
      process.exit(code);
    },
    (err: unknown) => {
      process.stderr.write(`sina-reader: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(70);
    },
  );
}
