/** Which images the extension may fetch (Sina's image hosts only), and what to call the files. */
const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/svg+xml': 'svg',
  'image/bmp': 'bmp',
};

export function isSinaImage(url: string): boolean {
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) && (u.hostname === 'sinaimg.cn' || u.hostname.endsWith('.sinaimg.cn'));
  } catch {
    return false;
  }
}

export function extensionFor(contentType: string | null): string | null {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return EXTENSIONS[type] ?? null;
}
