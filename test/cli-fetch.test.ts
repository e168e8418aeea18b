/**
 * sina-reader reading URLs (issue 14, part 3), end to end: the built command line against a local
 * server standing in for Sina (test/support/sina-server.ts, reached through --resolve). Run
 * `npm run build` first.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { startSinaServer, TEST_CERT, type SinaServer } from './support/sina-server';

const root = path.resolve(__dirname, '..');
const bin = path.join(root, 'dist/cli/sina-reader.mjs');
const fixture = (slug: string) => ({
  bytes: fs.readFileSync(path.join(root, 'test/fixtures', slug, 'page.html')),
  truth: JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures', slug, 'truth.json'), 'utf8')),
});
const rcep = fixture('finance-2021-rcep-standards');
const usstock = fixture('finance-2019-usstock');
const ent = fixture('ent-2009-gb2312');
const FIN = 'finance.sina.com.cn';
const IMG = 'n.sinaimg.cn';
const IMAGE_PATH = '/finance/crawl/164/w550h414/20210902/d3f1-ad13ef714cf910b23d38cba31e0c03b1.jpg';
const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');

let server: SinaServer;
let tmp: string;

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built command (async: the server answers in this process). */
function cli(args: string[], opts: { env?: NodeJS.ProcessEnv; killAfterWrites?: number } = {}): Promise<Ran> {
  const resolve = [FIN, IMG, 'news.sina.com.cn', 'ent.sina.com.cn'].flatMap((h) => ['--resolve', `${h}:127.0.0.1`]);
  const child = spawn(bin, [...args, ...(args[0] === 'export' ? resolve : [])], { env: { ...process.env, LANG: 'en_US.UTF-8', NODE_EXTRA_CA_CERTS: TEST_CERT, ...opts.env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => {
    stderr += d;
    if (opts.killAfterWrites && (stderr.match(/^wrote /gm) ?? []).length >= opts.killAfterWrites) child.kill('SIGKILL');
  });
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}

const failLines = (r: Ran) => r.stderr.split('\n').filter((l) => l.startsWith('sina-reader: ') && !/ pages: /.test(l));
const leftovers = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));

beforeAll(async () => {
  expect(fs.existsSync(bin), 'run npm run build first').toBe(true);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-fetch-'));
  server = await startSinaServer();
  const rcepPath = new URL(rcep.truth.url).pathname;
  server.serve(FIN, rcepPath, { body: rcep.bytes });
  server.serve(FIN, new URL(usstock.truth.url).pathname, { body: usstock.bytes });
  server.serve(FIN, '/slow.shtml', { body: rcep.bytes, delayMs: 4000 });
  server.serve(FIN, '/moved.shtml', { status: 301, headers: { location: rcepPath } });
  server.serve(FIN, '/offsite.shtml', { status: 302, headers: { location: 'http://example.com/x.html' } });
  server.serve(FIN, '/chart.png', { headers: { 'content-type': 'image/png' }, body: JPEG });
  server.serve(FIN, '/channel/', { body: `<!doctype html><html><head><meta charset="utf-8"><title>新浪财经</title></head><body><ul>${Array.from({ length: 40 }, (_, i) => `<li><a href="/c/${i}.shtml">新闻标题第${i}条</a></li>`).join('')}</ul></body></html>` });
  // Fails twice with 503, then answers: the retries with backoff must get it.
  server.serve(FIN, '/flaky/2019-09-09/doc-iicezzrq4681677.shtml', (_req, n) => (n <= 2 ? { status: 503 } : { body: usstock.bytes }));
  // GBK bytes whose charset only the Content-Type header names.
  const noMeta = Buffer.from(ent.bytes.toString('latin1').replace(/<meta[^>]*charset[^>]*>/gi, ''), 'latin1');
  server.serve('ent.sina.com.cn', new URL(ent.truth.url).pathname, { headers: { 'content-type': 'text/html; charset=GBK' }, body: noMeta });
  // The article image, on an image host that refuses requests without the article as Referer.
  const withImage = rcep.bytes.toString('utf8').split(`https://${IMG}${IMAGE_PATH}`).join(server.url(IMG, IMAGE_PATH));
  server.serve(FIN, '/img/2021-09-02/doc-iktzscyx3912601.shtml', { body: withImage });
  server.serve(IMG, IMAGE_PATH, (req) =>
    (req.headers.referer ?? '').startsWith(`http://${FIN}:`) ? { headers: { 'content-type': 'image/jpeg' }, body: JPEG } : { status: 403, body: 'no hotlinking' },
  );
});

afterAll(async () => {
  await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

// Each run starts node and loads jsdom: seconds on a busy two-core machine.
describe('sina-reader export URL', { timeout: 60_000 }, () => {
  it('fetches a Sina article and reads it as the saved file reads', async () => {
    const r = await cli(['export', server.url(FIN, new URL(rcep.truth.url).pathname), '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.title).toBe(rcep.truth.title);
    expect(out.docId).toBe('iktzscyx3912601');
  });

  it('follows a redirect and retries a 503 with backoff', async () => {
    const moved = await cli(['export', server.url(FIN, '/moved.shtml'), '--format', 'json']);
    expect(moved.code).toBe(0);
    expect(JSON.parse(moved.stdout).title).toBe(rcep.truth.title);
    const flaky = await cli(['export', server.url(FIN, '/flaky/2019-09-09/doc-iicezzrq4681677.shtml'), '--format', 'json']);
    expect(flaky.stderr).toBe('');
    expect(JSON.parse(flaky.stdout).title).toBe(usstock.truth.title);
    expect(server.hits.filter((h) => h.url.startsWith(`${FIN}/flaky/`))).toHaveLength(3);
  });

  it('reads a GBK page whose charset only the HTTP header names', async () => {
    const r = await cli(['export', server.url('ent.sina.com.cn', new URL(ent.truth.url).pathname), '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.title).toBe(ent.truth.title);
    expect(out.text).toContain(ent.truth.paragraphs[3].slice(0, 20));
  });

  it('gives each failure one clear line and goes on with the batch', async () => {
    const list = path.join(tmp, 'mixed.txt');
    const good = server.url(FIN, new URL(rcep.truth.url).pathname);
    fs.writeFileSync(list, [
      '# a comment, then a blank line',
      '',
      good,
      server.url(FIN, '/gone.shtml'),
      server.url(FIN, '/slow.shtml'),
      server.url(FIN, '/chart.png'),
      server.url(FIN, '/channel/'),
      server.url(FIN, '/offsite.shtml'),
      'https://www.example.com/news/1.html',
      'ftp://finance.sina.com.cn/a.shtml',
      'http://',
      'just some junk',
      server.url(FIN, new URL(usstock.truth.url).pathname),
    ].join('\n'));
    const out = path.join(tmp, 'mixed-out');
    const r = await cli(['export', '--from', list, '--out', out, '--timeout', '0.5', '--retries', '1', '--rate', '50']);
    expect(r.code).toBe(1);
    const lines = failLines(r);
    const expected: [string, RegExp][] = [
      [server.url(FIN, '/gone.shtml'), /^not found on the server \(HTTP 404\)$/],
      [server.url(FIN, '/slow.shtml'), /^timed out/],
      [server.url(FIN, '/chart.png'), /^not an HTML page$/],
      [server.url(FIN, '/channel/'), /^not an article page/],
      [server.url(FIN, '/offsite.shtml'), /^redirected away from Sina/],
      ['https://www.example.com/news/1.html', /^not a Sina address/],
      ['ftp://finance.sina.com.cn/a.shtml', /^only http and https/],
      ['http://', /^not a valid address$/],
      ['just some junk', /^file not found$/],
    ];
    // "sina-reader: LIST:LINE: INPUT: reason", one per failed input.
    const said = new Map<string, string[]>();
    for (const l of lines) {
      const m = /^sina-reader: .*mixed\.txt:\d+: (.*?): ([^:]+)$/.exec(l);
      expect(m, l).not.toBeNull();
      said.set(m![1], [...(said.get(m![1]) ?? []), m![2]]);
    }
    for (const [input, why] of expected) {
      expect(said.get(input), `${input} in\n${r.stderr}`).toHaveLength(1);
      expect(said.get(input)![0]).toMatch(why);
    }
    expect(lines).toHaveLength(expected.length);
    expect(fs.readdirSync(out).filter((f) => f.endsWith('.md')).sort()).toEqual([`${rcep.truth.title}.md`, `${usstock.truth.title}.md`].sort());
    expect(leftovers(out)).toEqual([]);
    expect(r.stderr).toMatch(/11 pages: 2 written, 0 skipped, 9 failed/);
  });

  it('says it in Chinese under a zh locale', async () => {
    const r = await cli(['export', server.url(FIN, '/gone.shtml')], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('服务器上找不到该页面（HTTP 404）');
  });

  it('keeps to the per-host rate limit', async () => {
    const list = path.join(tmp, 'rate.txt');
    const urls = Array.from({ length: 4 }, (_, i) => server.url(FIN, `/rate-${i}.shtml`));
    fs.writeFileSync(list, urls.join('\n'));
    const since = server.hits.length;
    await cli(['export', '--from', list, '--out', path.join(tmp, 'rate-out'), '--rate', '2', '--jobs', '2']);
    const times = server.hits.slice(since).filter((h) => h.url.includes('/rate-')).map((h) => h.at).sort((a, b) => a - b);
    expect(times).toHaveLength(4);
    // 2 requests a second: starts half a second apart, as the server sees them less the jitter of
    // connecting (the first request opens the connection, later ones reuse it).
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(300);
    expect(times[3] - times[0]).toBeGreaterThanOrEqual(1300);
  });
});

describe('sina-reader --images', { timeout: 60_000 }, () => {
  it('needs the Referer: the image host refuses a request without it', async () => {
    const status = await new Promise<number | undefined>((resolve, reject) =>
      http.get({ host: '127.0.0.1', port: server.port, path: IMAGE_PATH, headers: { host: IMG } }, (res) => resolve(res.resume().statusCode)).on('error', reject),
    );
    expect(status).toBe(403);
  });

  it('downloads the images with the article as Referer under stable names and links the copies', async () => {
    const page = server.url(FIN, '/img/2021-09-02/doc-iktzscyx3912601.shtml');
    const out = path.join(tmp, 'img-out');
    const images = path.join(tmp, 'img-out', 'assets');
    fs.mkdirSync(out);
    const r = await cli(['export', page, '--out', out, '--images', images]);
    expect(r.stderr).toMatch(/^wrote /);
    expect(r.code).toBe(0);
    const saved = fs.readdirSync(images);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatch(/^[0-9a-f]{16}\.jpg$/);
    expect(fs.readFileSync(path.join(images, saved[0]))).toEqual(JPEG);
    const md = fs.readFileSync(path.join(out, `${rcep.truth.title}.md`), 'utf8');
    expect(md).toContain(`](assets/${saved[0]})`);
    expect(md).not.toContain(IMAGE_PATH);
    const hit = server.hits.filter((h) => h.url === `${IMG}${IMAGE_PATH}`).pop()!;
    expect(hit.referer).toBe(page);

    // Beside the file, in a folder named after it; the same image gets the same name.
    const beside = path.join(tmp, 'beside-out');
    fs.mkdirSync(beside);
    const again = await cli(['export', page, '--out', beside, '--images-beside', '--format', 'md']);
    expect(again.code).toBe(0);
    expect(fs.readdirSync(path.join(beside, rcep.truth.title))).toEqual(saved);
    const yaml = fs.readFileSync(path.join(beside, `${rcep.truth.title}.md`), 'utf8').split('---')[1];
    // A link target holds no spaces (as the extension writes it), front matter included.
    expect(parseYaml(yaml).headimg).toBe(`${rcep.truth.title.replace(/ /g, '%20')}/${saved[0]}`);
  });

  it('keeps the remote link and says so when an image fails', async () => {
    const page = server.url(FIN, '/img/2021-09-02/doc-iktzscyx3912601.shtml');
    server.serve(FIN, '/broken-img/2021-09-02/doc-iktzscyx3912601.shtml', { body: rcep.bytes.toString('utf8').split(`https://${IMG}${IMAGE_PATH}`).join(server.url(IMG, '/missing.jpg')) });
    const out = path.join(tmp, 'img-fail');
    fs.mkdirSync(out);
    const r = await cli(['export', page.replace('/img/', '/broken-img/'), '--out', out, '--images', path.join(out, 'assets')]);
    expect(r.code).toBe(0);
    // The core reads Sina image links as https.
    const missing = server.url(IMG, '/missing.jpg').replace('http:', 'https:');
    expect(failLines(r)).toEqual([expect.stringMatching(/: image https:\/\/n\.sinaimg\.cn:\d+\/missing\.jpg: not found on the server/)]);
    expect(fs.readFileSync(path.join(out, `${rcep.truth.title}.md`), 'utf8')).toContain(missing);
  });
});

describe('sina-reader --skip-existing', { timeout: 120_000 }, () => {
  it('resumes a batch killed in the middle: no half-written file, each page written once', async () => {
    const pages = [rcep, usstock];
    const urls = Array.from({ length: 16 }, (_, i) => {
      const id = `iresume${String(i).padStart(8, '0')}`;
      const p = `/roll/2024-01-01/doc-${id}.shtml`;
      server.serve(FIN, p, { body: pages[i % 2].bytes, delayMs: 30 });
      return server.url(FIN, p);
    });
    const list = path.join(tmp, 'resume.txt');
    fs.writeFileSync(list, urls.join('\n'));
    const out = path.join(tmp, 'resume-out');
    const args = ['export', '--from', list, '--out', out, '--format', 'json', '--jobs', '2', '--rate', '100'];
    const first = await cli(args, { killAfterWrites: 5 });
    expect(first.code).toBe(null); // killed
    const before = fs.readdirSync(out).filter((f) => f.endsWith('.json')).length;
    expect(before).toBeGreaterThanOrEqual(5);
    expect(before).toBeLessThan(urls.length);

    const second = await cli([...args, '--skip-existing']);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(new RegExp(`16 pages: ${urls.length - before} written, ${before} skipped, 0 failed`));
    expect(leftovers(out)).toEqual([]);
    const docIds = fs.readdirSync(out).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(fs.readFileSync(path.join(out, f), 'utf8')).docId);
    expect(docIds.sort()).toEqual(urls.map((u) => /doc-(i\w+)/.exec(u)![1]).sort());

    // A third run has nothing left to do.
    const third = await cli([...args, '--skip-existing']);
    expect(third.stderr).toMatch(/16 pages: 0 written, 16 skipped, 0 failed/);
  });
});
