/**
 * A local stand-in for Sina's servers for the command-line tests: the CLI reaches it under real
 * Sina host names through --resolve HOST:127.0.0.1. One port speaks http and https (the core
 * upgrades Sina image links to https; test/certs/sina-test.crt, trusted by the CLI through
 * NODE_EXTRA_CA_CERTS). Pages by host + path; each request is recorded (URL, Referer, time) so
 * tests can check retries, Referer and the rate limit.
 */
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { byFirstByte } from '../e2e/support/server';

export const TEST_CERT = path.resolve(__dirname, '../certs/sina-test.crt');

export interface Answer {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Milliseconds before the headers are sent. */
  delayMs?: number;
}

export type Handler = (req: http.IncomingMessage, hit: number) => Answer;

export interface Hit {
  url: string;
  referer: string | null;
  at: number;
}

export interface SinaServer {
  port: number;
  /** `http://HOST:PORT/path` for a host served here. */
  url(host: string, pathname: string): string;
  serve(host: string, pathname: string, answer: Answer | Handler): void;
  hits: Hit[];
  close(): Promise<void>;
}

export async function startSinaServer(): Promise<SinaServer> {
  const routes = new Map<string, Handler>();
  const counts = new Map<string, number>();
  const hits: Hit[] = [];
  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const key = `${host}${req.url}`;
    hits.push({ url: key, referer: req.headers.referer ?? null, at: Date.now() });
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    const handler = routes.get(key);
    const answer: Answer = handler ? handler(req, n) : { status: 404, body: 'not here' };
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(answer.status ?? 200, { 'content-type': 'text/html; charset=utf-8', ...answer.headers });
      res.end(answer.body ?? '');
    };
    if (answer.delayMs) setTimeout(send, answer.delayMs).unref();
    else send();
  };
  const plain = http.createServer(handle);
  const tls = https.createServer({ key: fs.readFileSync(TEST_CERT.replace(/\.crt$/, '.key')), cert: fs.readFileSync(TEST_CERT) }, handle);
  const sockets = new Set<net.Socket>();
  const server = net.createServer(byFirstByte(plain, tls, sockets));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    hits,
    url: (host, pathname) => `http://${host}:${port}${pathname}`,
    serve: (host, pathname, answer) => routes.set(`${host}${pathname}`, typeof answer === 'function' ? answer : () => answer),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
