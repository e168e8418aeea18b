// @vitest-environment jsdom
/** saveMarkdown leaves nothing half-written: a .md the browser fails to write takes its images with it. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../src/core/types';
import { DEFAULT_SETTINGS } from '../src/platform/settings';

const state = { next: 1, names: new Map<number, string>(), failing: '' as string, removed: [] as number[] };
vi.mock('../src/platform/browser', () => ({
  browser: {
    downloads: {
      download: async ({ filename }: { filename: string }) => {
        const id = state.next++;
        state.names.set(id, filename);
        return id;
      },
      search: async ({ id }: { id: number }) => {
        const filename = state.names.get(id)!;
        return [{ id, filename: `/dl/${filename}`, state: filename === state.failing ? 'interrupted' : 'complete' }];
      },
      cancel: async () => undefined,
      removeFile: async (id: number) => void state.removed.push(id),
      erase: async () => [],
    },
  },
}));
vi.mock('../src/popup/markdown-writer', () => ({
  markdownWriter: async () => ({ toMarkdown: (a: Article) => `# ${a.title}\n\n${a.images.map((s) => `![](${s})`).join('\n')}\n` }),
}));

const { saveMarkdown } = await import('../src/popup/export');

const image = 'https://wx1.sinaimg.cn/large/a.png';
const article = { title: '标题', images: [image], published: null, source: null, docId: null } as unknown as Article;
const settings = { ...DEFAULT_SETTINGS, images: 'local' as const };

beforeEach(() => {
  Object.assign(state, { next: 1, names: new Map(), failing: '', removed: [] });
  vi.stubGlobal('fetch', async () => new Response(new Uint8Array([137, 80, 78, 71]), { headers: { 'content-type': 'image/png' } }));
});

describe('saveMarkdown', () => {
  it('writes the images, then the .md, and takes nothing back when both are written', async () => {
    const result = await saveMarkdown(article, settings);
    expect(result).toMatchObject({ ok: true, filename: '标题.md', imagesSaved: 1, imagesFailed: 0 });
    expect([...state.names.values()]).toEqual(['标题/01.png', '标题.md']);
    expect(state.removed).toEqual([]);
  });

  it('takes back the .md and the images saved for it when the .md is not written', async () => {
    state.failing = '标题.md';
    const result = await saveMarkdown(article, settings);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toContain('标题.md');
    expect(state.removed.sort()).toEqual([1, 2]);
  });
});
