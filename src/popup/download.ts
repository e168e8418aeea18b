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
