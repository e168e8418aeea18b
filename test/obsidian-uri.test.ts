/** Save to Obsidian's URI (popup/obsidian-uri.ts): encoding, folder, silent flag, clipboard for long notes. */
import { describe, expect, it } from 'vitest';
import { CONTENT_URI_MAX, notePath, obsidianUri } from '../src/popup/obsidian-uri';
import { DEFAULT_SETTINGS, normalizeSettings } from '../src/platform/settings';

const note = { vault: 'My Vault', folder: 'Sina/财经', name: '标题 A+B & C?', markdown: '# Hi\n\n100% 真', open: true };

describe('obsidianUri', () => {
  it('puts a short note in content=, every value percent-encoded (%20, never +)', () => {
    const { uri, viaClipboard } = obsidianUri(note);
    expect(viaClipboard).toBe(false);
    expect(uri).toBe(
      `obsidian://new?vault=My%20Vault&file=${encodeURIComponent('Sina/财经/标题 A+B & C?')}&content=${encodeURIComponent(note.markdown)}`,
    );
    const params = new URL(uri.replace('obsidian://new', 'https://x/new')).searchParams;
    expect(params.get('file')).toBe('Sina/财经/标题 A+B & C?');
    expect(params.get('content')).toBe(note.markdown);
  });

  it('sends a long note through the clipboard: a bare `clipboard` flag and no content', () => {
    const long = { ...note, markdown: '长'.repeat(CONTENT_URI_MAX) };
    const { uri, viaClipboard } = obsidianUri(long);
    expect(viaClipboard).toBe(true);
    expect(uri).toBe(`obsidian://new?vault=My%20Vault&file=${encodeURIComponent('Sina/财经/标题 A+B & C?')}&clipboard`);
    expect(uri).not.toContain('content=');
  });

  it('stays silent when asked, and leaves the vault out when none is set', () => {
    expect(obsidianUri({ ...note, vault: '', open: false }).uri).toMatch(/^obsidian:\/\/new\?file=[^&]+&silent=true&content=/);
  });

  it('keeps the note inside the vault: no empty, dot or dot-dot folder parts', () => {
    expect(notePath('/../a//./b\\c/', 'n')).toBe('a/b/c/n');
    expect(notePath('  ', 'n')).toBe('n');
  });
});

describe('Obsidian settings', () => {
  it('default to no vault, the root folder and opening the note; repair wrong types', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ obsidianVault: '', obsidianFolder: '', obsidianOpen: true });
    expect(normalizeSettings({ obsidianVault: 3, obsidianFolder: null, obsidianOpen: 'no' })).toMatchObject({ obsidianVault: '', obsidianFolder: '', obsidianOpen: true });
    expect(normalizeSettings({ obsidianVault: ' V ', obsidianFolder: 'F', obsidianOpen: false })).toMatchObject({ obsidianVault: 'V', obsidianFolder: 'F', obsidianOpen: false });
  });
});
