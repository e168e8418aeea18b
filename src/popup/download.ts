/** Downloads made from the reader: a blob URL made here (a service worker cannot make one). */
import { browser } from '../platform/browser';

export async function downloadBlob(blob: Blob, filename: string): Promise<number> {
  const url = URL.createObjectURL(blob);
  try {
    return await browser.downloads.download({ url, filename, saveAs: false, conflictAction: 'uniquify' });
  } finally {
    // Firefox reads the blob after download() resolves; give it time before letting go.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

/**
 * The base name the browser gave a download, once it has chosen one: 'uniquify' turns a second
 * "01.png" into "01 (1).png" (Chromium) or "01(1).png" (Firefox), and links must name that file.
 */
export async function savedBaseName(id: number): Promise<string | null> {
  for (let i = 0; i < 100; i++) {
    const [item] = await browser.downloads.search({ id });
    if (item?.filename) return item.filename.split(/[\\/]/).pop() || null;
    if (!item || item.state === 'interrupted') return null;
    await new Promise((r) => setTimeout(r, 50));
  }
  return null;
}

/** Waits until the browser has written the file (true) or given up on it (false). */
export async function downloadFinished(id: number): Promise<boolean> {
  for (;;) {
    const [item] = await browser.downloads.search({ id });
    if (!item || item.state === 'interrupted') return false;
    if (item.state === 'complete') return true;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Takes back files of an export that failed part-way: no half-saved article stays on disk. */
export async function discardDownloads(ids: number[]): Promise<void> {
  for (const id of ids) {
    await browser.downloads.cancel(id).catch(() => undefined);
    await browser.downloads.removeFile(id).catch(() => undefined);
    await browser.downloads.erase({ id }).catch(() => undefined);
  }
}

export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Without focus or permission the async clipboard refuses; the old command still works here.
    const area = Object.assign(document.createElement('textarea'), { value: text });
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (!ok) {
      showForManualCopy(text);
      throw new Error('clipboard unavailable');
    }
  }
}

/** The last resort: the text, selected, in a box the user copies from with the keyboard. */
function showForManualCopy(text: string): void {
  const panel = document.getElementById('manual-copy');
  const box = panel?.querySelector('textarea');
  if (!panel || !box) return;
  box.value = text;
  panel.hidden = false;
  box.focus();
  box.select();
}
