/** The worker side of --jobs: convert what the main thread sends, say how big the heap grew. */
import v8 from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { loadConverter, type ConvertJob } from './convert';
import type { WorkerStats } from './pool';

export async function serveConversions(): Promise<void> {
  const convert = await loadConverter();
  const stats: WorkerStats = { peakHeapBytes: 0, pages: 0 };
  parentPort!.on('message', (m: { type: 'convert'; job: ConvertJob } | { type: 'stats' }) => {
    if (m.type === 'stats') return parentPort!.postMessage({ type: 'stats', stats });
    let result;
    try {
      result = convert(m.job);
    } catch {
      result = { ok: false as const, reason: 'internal' as const };
    }
    stats.pages++;
    stats.peakHeapBytes = Math.max(stats.peakHeapBytes, v8.getHeapStatistics().total_heap_size);
    parentPort!.postMessage({ type: 'done', result });
  });
}
