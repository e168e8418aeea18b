/** Politeness: request starts to one host are spaced 1/rate seconds apart, whoever asks. */
export class HostRateLimiter {
  private next = new Map<string, number>();
  private readonly gapMs: number;

  constructor(requestsPerSecond: number) {
    this.gapMs = 1000 / requestsPerSecond;
  }

  /** Resolves when a request to host may start; each call takes its own slot. */
  async take(host: string): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.next.get(host) ?? 0);
    this.next.set(host, at + this.gapMs);
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }
}
