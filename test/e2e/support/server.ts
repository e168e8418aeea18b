// One port that speaks http, https (first byte 0x16 = TLS handshake) and HTTP proxy
// (absolute-form GET and CONNECT), so Chromium can reach it through --host-resolver-rules and
// Firefox through its proxy prefs. It never touches the real network: unknown hosts get a
// placeholder PNG for image-like paths (at the size a Sina resize path names, w550h414) and a 404
// otherwise.
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const certDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../certs');

export interface Route {
  body: Buffer | string;
  contentType: string;
  /** 200 unless told (a failing image, say). */
  status?: number;
  /** Answer 403 unless the request's Referer matches (Sina's wx*.sinaimg.cn hotlink check). */
  referer?: RegExp;
}

export interface TestServer {
  port: number;
  /** Serve `body` at this absolute URL, over http and https alike. */
  route(url: string, route: Route): void;
  /** Serve HTML (utf-8 unless told) at this absolute URL. */
  html(url: string, html: string | Buffer, charset?: string): void;
  /** Every absolute URL requested so far (for debugging a test). */
  requests: string[];
  close(): Promise<void>;
}

/** Key a route by host and path, ignoring scheme, port and fragment. */
function routeKey(host: string, pathAndQuery: string): string {
  return `${host.replace(/:\d+$/, '').toLowerCase()}${pathAndQuery}`;
}

export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, Route>();
  const requests: string[] = [];
  const pngs = new Map<string, Buffer>();
  const placeholder = (pathAndQuery: string): Buffer => {
    const m = /\/w(\d{2,4})h(\d{2,4})\//.exec(pathAndQuery);
    const [w, h] = m ? [Math.min(+m[1], 1200), Math.min(+m[2], 1200)] : [640, 360];
    const key = `${w}x${h}`;
    let png = pngs.get(key);
    if (!png) pngs.set(key, (png = placeholderPng(w, h)));
    return png;
  };

  const handle = (secure: boolean) => (req: http.IncomingMessage, res: http.ServerResponse) => {
    let host = req.headers.host ?? 'localhost';
    let pathAndQuery = req.url ?? '/';
    // A proxy request in absolute form: "GET http://host/path HTTP/1.1".
    if (/^https?:\/\//i.test(pathAndQuery)) {
      const u = new URL(pathAndQuery);
      host = u.host;
      pathAndQuery = u.pathname + u.search;
    }
    requests.push(`${secure ? 'https' : 'http'}://${host}${pathAndQuery}`);
    const found = routes.get(routeKey(host, pathAndQuery)) ?? routes.get(routeKey(host, pathAndQuery.replace(/\?.*$/, '')));
    if (found?.referer && !found.referer.test(req.headers.referer ?? '')) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end('403 Forbidden: no Sina page as Referer');
      return;
    }
    if (found) {
      res.writeHead(found.status ?? 200, { 'content-type': found.contentType, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : found.body);
      return;
    }
    if (/\.(png|jpe?g|gif|webp|bmp|ico)(\?|$)/i.test(pathAndQuery)) {
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : placeholder(pathAndQuery));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('not served by the e2e test server');
  };

  const plain = http.createServer(handle(false));
  const tls = https.createServer(
    {
      key: fs.readFileSync(path.join(certDir, 'sina-test.key')),
      cert: fs.readFileSync(path.join(certDir, 'sina-test.crt')),
    },
    handle(true),
  );
  for (const s of [plain, tls]) {
    s.keepAliveTimeout = 1000;
    s.on('clientError', (_err, socket) => socket.destroy());
  }
  tls.on('tlsClientError', () => {});

  const sockets = new Set<net.Socket>();
  const dispatch = byFirstByte(plain, tls, sockets);
  // CONNECT host:443 from Firefox: answer, then treat the tunnel as a new connection to us.
  plain.on('connect', (_req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    dispatch(socket);
  });

  const front = net.createServer(dispatch);
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const port = (front.address() as net.AddressInfo).port;

  const server: TestServer = {
    port,
    requests,
    route(url, route) {
      const u = new URL(url);
      routes.set(routeKey(u.host, u.pathname + u.search), route);
    },
    html(url, body, charset = 'utf-8') {
      server.route(url, { body, contentType: `text/html; charset=${charset}` });
    },
    async close() {
      for (const s of sockets) s.destroy();
      plain.closeAllConnections();
      tls.closeAllConnections();
      await new Promise<void>((resolve) => front.close(() => resolve()));
    },
  };
  return server;
}

/**
 * A valid greyscale PNG of w×h standing in for a photo (soft diagonal bands, so a screenshot shows
 * where the image is and how it is laid out), built here so no binary file is needed.
 */
function placeholderPng(w: number, h: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const rows = Buffer.alloc((w + 1) * h);
  for (let y = 0; y < h; y++) {
    rows[y * (w + 1)] = 0; // filter: none
    for (let x = 0; x < w; x++) rows[y * (w + 1) + 1 + x] = ((x + y) >> 5) % 2 ? 0xc8 : 0xd8;
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Hands a fresh connection to the http or the https server by its first byte (0x16: a TLS
 * handshake), so one port speaks both; `sockets` keeps the open ones for closing.
 */
export function byFirstByte(plain: http.Server, tls: https.Server, sockets: Set<net.Socket>): (socket: net.Socket) => void {
  return (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.once('data', (chunk: Buffer) => {
      socket.pause();
      socket.unshift(chunk);
      (chunk[0] === 0x16 ? tls : plain).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  };
}
