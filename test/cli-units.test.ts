/** The command line's pieces without a process: options, inputs, the resumable output folder, the rate limit. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseArgs } from '../src/cli/args';
import { charsetOf } from '../src/cli/convert';
import { classify, readInputs } from '../src/cli/inputs';
import { INDEX_FILE, OutDir, pageKey } from '../src/cli/outdir';
import { HostRateLimiter } from '../src/cli/rate';
import { decodeHtml } from '../src/core/encoding';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cli-units-'));

describe('parseArgs', () => {
  it('reads the batch options and refuses values out of range', () => {
    const a = parseArgs(['export', '--from', 'urls.txt', '--jobs', '2', '--rate', '0.5', '--timeout', '3', '--retries', '0', '--skip-existing', '--images', 'img', '--resolve', 'finance.sina.com.cn:127.0.0.1'])!;
    expect(a).toMatchObject({ from: ['urls.txt'], jobs: 2, rate: 0.5, timeoutSeconds: 3, retries: 0, skipExisting: true, images: { kind: 'folder', dir: 'img' } });
    expect(a.resolve.get('finance.sina.com.cn')).toBe('127.0.0.1');
    expect(parseArgs(['export', 'a.html', '--images-beside'])!.images).toEqual({ kind: 'beside' });
    for (const bad of [['--jobs', '0'], ['--jobs', '1.5'], ['--jobs', 'two'], ['--rate', '0'], ['--retries', '-1'], ['--resolve', 'nohost'], ['--from']]) {
      expect(parseArgs(['export', 'a.html', ...bad]), bad.join(' ')).toBeNull();
    }
    expect(parseArgs(['export'])).toBeNull();
  });
});

describe('inputs', () => {
  it('tells files, Sina URLs and lines that cannot be read apart', () => {
    expect(classify('saved/page.html')).toMatchObject({ kind: 'file', path: 'saved/page.html' });
    expect(classify('C:\\pages\\a.html')).toMatchObject({ kind: 'file' });
    expect(classify('https://finance.sina.com.cn/a/doc-iabc.shtml#comments')).toEqual({ kind: 'url', label: 'https://finance.sina.com.cn/a/doc-iabc.shtml#comments', url: 'https://finance.sina.com.cn/a/doc-iabc.shtml' });
    expect(classify('https://k.sina.cn/article_1.html')).toMatchObject({ kind: 'url' });
    expect(classify('https://sina.com.cn.evil.example/x')).toMatchObject({ kind: 'bad', reason: 'notSina' });
    expect(classify('https://notsina.com.cn/x')).toMatchObject({ kind: 'bad', reason: 'notSina' });
    expect(classify('file:///etc/passwd')).toMatchObject({ kind: 'bad', reason: 'badScheme' });
    expect(classify('javascript:alert(1)')).toMatchObject({ kind: 'bad', reason: 'badScheme' });
    expect(classify('https://')).toMatchObject({ kind: 'bad', reason: 'badUrl' });
  });

  it('reads a list: comments and blank lines skipped, each line labelled with its number', () => {
    const dir = tmp();
    const list = path.join(dir, 'list.txt');
    fs.writeFileSync(list, '\ufeff# urls\r\n\r\nhttps://finance.sina.com.cn/x.shtml\r\n  page.html  \r\n');
    const inputs = [...readInputs(['first.html'], [list, path.join(dir, 'absent.txt')])];
    expect(inputs.map((i) => [i.kind, i.label])).toEqual([
      ['file', 'first.html'],
      ['url', `${list}:3: https://finance.sina.com.cn/x.shtml`],
      ['file', `${list}:4: page.html`],
      ['bad', path.join(dir, 'absent.txt')],
    ]);
  });
});

describe('OutDir (resume)', () => {
  it('trusts an index line only when its file exists, and skips a line cut by a kill', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'a.md'), 'whole');
    fs.writeFileSync(path.join(dir, INDEX_FILE), [
      JSON.stringify({ id: 'ia', input: 'https://finance.sina.com.cn/doc-ia.shtml', file: 'a.md' }),
      JSON.stringify({ id: 'ib', input: 'https://finance.sina.com.cn/doc-ib.shtml', file: 'b.md' }),
      '{"id":"ic","inp',
    ].join('\n'));
    const out = new OutDir(dir);
    expect(out.doneAs({ id: 'ia' })).toBe('a.md');
    expect(out.doneAs({ input: 'https://finance.sina.com.cn/doc-ia.shtml' })).toBe('a.md');
    expect(out.doneAs({ id: 'ib' })).toBeNull();
    expect(out.doneAs({ id: 'ic' })).toBeNull();
  });

  it('records before the rename, numbers clashing names, and sweeps temp files of dead runs only', () => {
    const dir = tmp();
    const dead = path.join(dir, '.x.md.999999999.sina-reader.tmp');
    const live = path.join(dir, `.y.md.${process.pid}.sina-reader.tmp`);
    fs.writeFileSync(dead, 'half');
    fs.writeFileSync(live, 'half');
    const out = new OutDir(dir);
    expect(fs.existsSync(dead)).toBe(false);
    expect(fs.existsSync(live)).toBe(true);
    const first = out.reserve('t.md', false);
    out.commit(first, 'one', { id: 'i1', input: 'u1' });
    expect(out.reserve('t.md', false)).toBe('t (2).md');
    const again = new OutDir(dir);
    expect(again.doneAs({ id: 'i1' })).toBe('t.md');
    expect(fs.readFileSync(path.join(dir, 't.md'), 'utf8')).toBe('one');
  });

  it('keys a page by docId, or by a hash of its URL', () => {
    expect(pageKey({ docId: 'iabc', url: 'https://x' })).toBe('iabc');
    expect(pageKey({ docId: null, url: 'https://finance.sina.com.cn/a.shtml' })).toMatch(/^url-[0-9a-f]{16}$/);
    expect(pageKey({ docId: null, url: 'https://finance.sina.com.cn/a.shtml' })).not.toBe(pageKey({ docId: null, url: 'https://finance.sina.com.cn/b.shtml' }));
  });
});

describe('HostRateLimiter', () => {
  afterEach(() => vi.useRealTimers());

  it('spaces requests to one host 1/rate apart, and other hosts not at all', async () => {
    vi.useFakeTimers({ now: 0 });
    const limiter = new HostRateLimiter(2);
    const started: [string, number][] = [];
    const go = (host: string) => limiter.take(host).then(() => started.push([host, Date.now()]));
    const all = Promise.all([go('a'), go('a'), go('a'), go('b')]);
    await vi.advanceTimersByTimeAsync(2000);
    await all;
    expect(started.sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]))).toEqual([['a', 0], ['b', 0], ['a', 500], ['a', 1000]]);
  });
});

describe('charset from the header', () => {
  it('reads Content-Type and lets decodeHtml use it, the bytes still deciding', () => {
    expect(charsetOf('text/html; charset=GBK')).toBe('gbk');
    expect(charsetOf('text/html;charset="utf-8"')).toBe('utf-8');
    expect(charsetOf('text/html')).toBeNull();
    const gbk = Buffer.concat([Buffer.from('<html><body><p>'), Buffer.from([0xd0, 0xc2, 0xc0, 0xcb]), Buffer.from('</p></body></html>')]); // 新浪
    expect(decodeHtml(gbk, 'gbk')).toMatchObject({ encoding: 'gbk' });
    expect(decodeHtml(gbk, 'gbk').text).toContain('新浪');
    // UTF-8 bytes under a header that says GBK stay UTF-8.
    expect(decodeHtml(Buffer.from('<p>新浪财经</p>'), 'gbk')).toMatchObject({ encoding: 'utf-8' });
  });
});
