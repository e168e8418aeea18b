/**
 * Fetching a page or an image: per-host rate limit, a timeout per attempt, retries with backoff on
 * what may pass (network errors, timeouts, 5xx, 408, 429), redirects followed by hand so that every
 * hop is checked against the allow-list. Failures are values naming the one reason.
 */
import dns from 'node:dns';
import { Agent, fetch, type Response } from 'undici';
import type { MessageKey } from './messages';
import type { HostRateLimiter } from './rate';

export interface FetchPolicy {
  limiter: HostRateLimiter;
  timeoutMs: number;
  retries: number;
  /** host → address (--resolve). */
  resolve: Map<string, string>;
  /** Whether a URL (the first or a redirect target) may be fetched. */
  allowed: (url: URL) => boolean;
  maxBytes: number;
}

export type Fetched =
  | { ok: true; url: string; bytes: Buffer; contentType: string | null }
  | { ok: false; reason: MessageKey; status?: number };

const MAX_REDIRECTS = 5;
const BACKOFF_MS = 500;
const USER_AGENT = `sina-reader/${typeof __VERSION__ === 'string' ? __VERSION__ : 'dev'} (+saved-page reader)`;

const agents = new WeakMap<Map<string, string>, Agent>();

/** One connection pool per --resolve table: the lookup answers the mapped hosts itself. */
function agentFor(resolve: Map<string, string>): Agent {
  let agent = agents.get(resolve);
  if (!agent) {
    const lookup = ((host: string, options: dns.LookupOptions, callback: (...a: unknown[]) => void) => {
      const address = resolve.get(host.toLowerCase());
      if (!address) return dns.lookup(host, options, callback as never);
      const family = address.includes(':') ? 6 : 4;
      return options.all ? callback(null, [{ address, family }]) : callback(null, address, family);
    }) as never;
    agent = new Agent({ connect: { lookup } });
    agents.set(resolve, agent);
  }
  return agent;
}

export async function fetchBytes(start: string, policy: FetchPolicy, headers: Record<string, string> = {}): Promise<Fetched> {
  let url = new URL(start);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (!policy.allowed(url)) return { ok: false, reason: hop ? 'redirectOffSite' : 'notSina' };
    const answer = await attempt(url, policy, headers);
    if ('reason' in answer) return answer;
    const { response } = answer;
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      try {
        url = new URL(location, url);
      } catch {
        return { ok: false, reason: 'badRedirect' };
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'badRedirect' };
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { ok: false, reason: response.status === 404 || response.status === 410 ? 'http404' : 'httpStatus', status: response.status };
    }
    let bytes: Buffer | null;
    try {
      bytes = await readCapped(response, policy.maxBytes);
    } catch (e) {
      return { ok: false, reason: isTimeout(e) ? 'timeout' : 'network' };
    }
    if (!bytes) return { ok: false, reason: 'tooBig' };
    return { ok: true, url: url.href, bytes, contentType: response.headers.get('content-type') };
  }
  return { ok: false, reason: 'tooManyRedirects' };
}

/** One request, retried while the failure may pass. */
async function attempt(url: URL, policy: FetchPolicy, headers: Record<string, string>): Promise<{ response: Response } | { ok: false; reason: MessageKey; status?: number }> {
  let last: { ok: false; reason: MessageKey; status?: number } = { ok: false, reason: 'network' };
  for (let n = 0; n <= policy.retries; n++) {
    if (n) await sleep(BACKOFF_MS * 2 ** (n - 1) * (0.75 + Math.random() / 2));
    await policy.limiter.take(url.host);
    try {
      const response = await fetch(url, {
        redirect: 'manual',
        headers: { 'user-agent': USER_AGENT, accept: 'text/html,application/xhtml+xml,image/*;q=0.9,*/*;q=0.5', ...headers },
        signal: AbortSignal.timeout(policy.timeoutMs),
        dispatcher: agentFor(policy.resolve),
      });
      if (response.status >= 500 || response.status === 408 || response.status === 429) {
        await response.body?.cancel();
        last = { ok: false, reason: 'httpStatus', status: response.status };
        continue;
      }
      return { response };
    } catch (e) {
      last = { ok: false, reason: isTimeout(e) ? 'timeout' : 'network' };
    }
  }
  return last;
}

function isTimeout(e: unknown): boolean {
  const name = (e as { name?: string })?.name;
  const cause = (e as { cause?: { name?: string; code?: string } })?.cause;
  return name === 'TimeoutError' || cause?.name === 'TimeoutError' || /TIMEOUT/.test(cause?.code ?? '');
}

/** The body, or null past the cap (a page is never read whole into memory beyond it). */
async function readCapped(response: Response, maxBytes: number): Promise<Buffer | null> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    return null;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.length;
    if (size > maxBytes) return null;
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
