/** Issue 15: what the reader keeps per article in storage.local stays bounded. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const store = new Map<string, unknown>();
vi.mock('../src/platform/browser', () => ({
  browser: {
    storage: {
      local: {
        get: async (key: string | null) => (key === null ? Object.fromEntries(store) : store.has(key) ? { [key]: store.get(key) } : {}),
        set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => store.set(k, structuredClone(v))),
        remove: async (keys: string | string[]) => void [keys].flat().forEach((k) => store.delete(k)),
      },
    },
  },
}));

const load = () => import('../src/popup/reading-store');
const highlight = { text: '沪指', prefix: '', suffix: '', at: 0 };

describe('reading store', () => {
  beforeEach(() => {
    store.clear();
    vi.resetModules();
  });

  it('keys an article by docId, else by its URL without the fragment', async () => {
    const { readingKey } = await load();
    expect(readingKey({ docId: 'abc', url: 'https://finance.sina.com.cn/a.shtml' })).toBe('reading:doc:abc');
    expect(readingKey({ docId: null, url: 'https://finance.sina.com.cn/a.shtml#x' })).toBe('reading:https://finance.sina.com.cn/a.shtml');
  });

  it('round-trips, and removes the key when nothing is left to remember', async () => {
    const { loadReading, saveReading } = await load();
    await saveReading('reading:doc:a', { highlights: [highlight], block: 4, t: 0 });
    expect(await loadReading('reading:doc:a')).toEqual({ highlights: [highlight], block: 4, t: 0 });
    await saveReading('reading:doc:a', { highlights: [], block: 0, t: 0 });
    expect(store.has('reading:doc:a')).toBe(false);
    expect(await loadReading('reading:doc:missing')).toEqual({ highlights: [], block: 0, t: 0 });
  });

  it('repairs what it cannot read', async () => {
    const { loadReading } = await load();
    store.set('reading:doc:bad', { highlights: 'x', block: 'y' });
    expect(await loadReading('reading:doc:bad')).toEqual({ highlights: [], block: 0, t: 0 });
  });

  it('keeps only the most recently read MAX_ARTICLES articles, and nothing else of storage is touched', async () => {
    const { MAX_ARTICLES, saveReading } = await load();
    store.set('aloud', { rate: 1.5 });
    for (let i = 0; i < MAX_ARTICLES + 20; i++) store.set(`reading:doc:${i}`, { highlights: [highlight], block: 1, t: 1000 + i });
    await saveReading('reading:doc:new', { highlights: [highlight], block: 2, t: 0 });
    const kept = [...store.keys()].filter((k) => k.startsWith('reading:'));
    expect(kept.length).toBe(MAX_ARTICLES);
    expect(kept).toContain('reading:doc:new');
    // The 21 read longest ago went (20 over, plus one for the new article).
    for (let i = 0; i < 21; i++) expect(store.has(`reading:doc:${i}`), `doc ${i}`).toBe(false);
    expect(store.has('reading:doc:21')).toBe(true);
    expect(store.get('aloud')).toEqual({ rate: 1.5 });
  });
});
