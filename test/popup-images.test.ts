/** Images saved beside the Markdown: links name the files the browser really wrote. */
import { afterEach, describe, expect, it, vi } from 'vitest';

const downloads: string[] = [];
vi.mock('../src/popup/download', () => ({
  downloadBlob: async (_blob: Blob, filename: string) => downloads.push(filename),
  // The browser already holds "01.jpg" in that folder (an earlier save): 'uniquify' renamed it.
  savedBaseName: async (id: number) => (id === 1 ? '01 (1).jpg' : null),
}));

const { saveImagesBeside } = await import('../src/popup/images');

afterEach(() => {
  vi.unstubAllGlobals();
  downloads.length = 0;
});

describe('saveImagesBeside', () => {
  it('links the renamed file, keeps failed and foreign images remote', async () => {
    const a = 'https://n.sinaimg.cn/x/a.png';
    const b = 'https://n.sinaimg.cn/x/b.png';
    const c = 'https://example.com/c.png';
    vi.stubGlobal('fetch', async (url: string) =>
      url === a
        ? new Response(new Uint8Array([1]), { headers: { 'content-type': 'image/jpeg' } })
        : new Response('gone', { status: 404 }));
    const md = `![](${a})\n\n![](${b})\n\n![](${c})\n`;
    const out = await saveImagesBeside(md, [a, b, c], '标题 (x).md');
    expect(downloads).toEqual(['标题 (x)/01.jpg']);
    expect(out.markdown).toBe(`![](标题%20%28x%29/01%20%281%29.jpg)\n\n![](${b})\n\n![](${c})\n`);
    expect(out).toMatchObject({ saved: 1, failed: [b] });
  });
});
