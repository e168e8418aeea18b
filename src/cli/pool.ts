/**
 * --jobs N: N worker threads convert pages; the main thread only fetches, reads and writes. Each
 * worker takes the next page when it is free (pages differ tenfold in cost), and its heap is capped
 * so that a batch of any length stays within the same memory.
 */
import { Worker } from 'node:worker_threads';
import type { ConvertJob, Converted } from './convert';

/** Per worker: V8 collects before it grows past these (jsdom leaves much short-lived garbage). */
export const WORKER_LIMITS = { maxOldGenerationSizeMb: 160, maxYoungGenerationSizeMb: 16 };
/** A page too big for that (a few MB of HTML) is tried once more alone, in a worker allowed this much. */
export const LARGE_PAGE_LIMITS = { maxOldGenerationSizeMb: 2048, maxYoungGenerationSizeMb: 32 };

export interface WorkerStats {
  /** The worker's own heap at its largest (V8's total heap size, sampled after each page). */
  peakHeapBytes: number;
  pages: number;
}

interface Task {
  job: ConvertJob;
  resolve: (c: Converted) => void;
}

export class ConvertPool {
  private idle: Worker[] = [];
  private queue: Task[] = [];
  private busy = new Map<Worker, Task>();
  private stats: WorkerStats[] = [];

  constructor(private readonly script: string, size: number) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  async convert(job: ConvertJob): Promise<Converted> {
    const result = await new Promise<Converted>((resolve) => {
      this.queue.push({ job, resolve });
      this.dispatch();
    });
    if (result.ok || result.reason !== 'outOfMemory') return result;
    // One at a time: two such pages together would need twice the memory.
    const turn = this.large.then(() => this.convertAlone(job));
    this.large = turn.then(() => undefined);
    return turn;
  }

  private large: Promise<void> = Promise.resolve();

  private convertAlone(job: ConvertJob): Promise<Converted> {
    return new Promise((resolve) => {
      const worker = new Worker(this.script, { workerData: { role: 'convert' }, resourceLimits: LARGE_PAGE_LIMITS });
      const finish = (result: Converted) => {
        resolve(result);
        void worker.terminate();
      };
      worker.on('message', (m: { type: string; result: Converted }) => m.type === 'done' && finish(m.result));
      worker.on('error', (e: NodeJS.ErrnoException) => finish({ ok: false, reason: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'outOfMemory' : 'internal' }));
      worker.postMessage({ type: 'convert', job });
    });
  }

  /** Stops the workers and hands back what each said about itself. */
  async close(): Promise<WorkerStats[]> {
    const all = [...this.idle, ...this.busy.keys()];
    await Promise.all(all.map((w) => this.ask(w)));
    await Promise.all(all.map((w) => w.terminate()));
    return this.stats;
  }

  private spawn(): Worker {
    const worker = new Worker(this.script, { workerData: { role: 'convert' }, resourceLimits: WORKER_LIMITS });
    worker.on('message', (m: { type: 'done'; result: Converted } | { type: 'stats'; stats: WorkerStats }) => {
      if (m.type === 'stats') return this.stats.push(m.stats);
      const task = this.busy.get(worker);
      this.busy.delete(worker);
      this.idle.push(worker);
      task?.resolve(m.result);
      this.dispatch();
    });
    // A page that needs more than a worker's heap ends that worker: it fails alone, a new worker goes on.
    worker.on('error', (e: NodeJS.ErrnoException) => {
      const task = this.busy.get(worker);
      this.busy.delete(worker);
      this.idle = this.idle.filter((w) => w !== worker);
      task?.resolve({ ok: false, reason: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'outOfMemory' : 'internal' });
      this.idle.push(this.spawn());
      this.dispatch();
    });
    return worker;
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const task = this.queue.shift()!;
      this.busy.set(worker, task);
      // Copied, not transferred: a page that runs a worker out of memory is sent again.
      worker.postMessage({ type: 'convert', job: task.job });
    }
  }

  private ask(worker: Worker): Promise<void> {
    return new Promise((resolve) => {
      worker.once('message', () => resolve());
      worker.postMessage({ type: 'stats' });
    });
  }
}
